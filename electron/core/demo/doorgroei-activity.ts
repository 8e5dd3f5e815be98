/**
 * Doorgroei in the demo: education, Dutch per skill and work experience for some active people (a few at B1 or
 * higher in every skill, so the register's filter finds someone), and what some of the people who stopped went on
 * to. Drawn from its own seed, so the other demo data stays as it was.
 */
import type { CallInput } from '../../../shared/contract.ts';
import { addDays } from '../../../shared/dates.ts';
import { dutchSkills, outflowKinds } from '../../../shared/doorgroei.ts';
import type { DemoPerson } from './activity.ts';
import { random } from './random.ts';
import type { DemoCall } from './seed.ts';

type Save = CallInput<'doorgroei.save'>;

const studies: Save['opleidingen'][number][] = [
  { land: 'herkomstland', niveau: 'wo', richting: 'Rechten', diploma: true, idw: 'ja' },
  { land: 'herkomstland', niveau: 'hbo', richting: 'Verpleegkunde', diploma: true, idw: 'aangevraagd' },
  { land: 'herkomstland', niveau: 'voortgezet', richting: 'Algemeen', diploma: true, idw: null },
  { land: 'herkomstland', niveau: 'wo', richting: 'Onderwijskunde', diploma: false, idw: 'nee' },
  { land: 'nederland', niveau: 'mbo', richting: 'Maatschappelijke zorg', diploma: false, idw: null },
  { land: 'nederland', niveau: 'mbo', richting: 'Tolk en vertaler', diploma: true, idw: null },
];
const jobs = [
  { functie: 'Leraar basisschool', sector: 'Onderwijs' },
  { functie: 'Verpleegkundige', sector: 'Zorg' },
  { functie: 'Boekhouder', sector: 'Financiën' },
  { functie: 'Medewerker maaltijdservice', sector: 'Horeca' },
  { functie: 'Tolk', sector: 'Zakelijke dienstverlening' },
];
const levels = ['A2', 'B1', 'B1', 'B2', 'C1'] as const;
const notes: Record<(typeof outflowKinds)[number], string | null> = {
  betaald_werk: 'Werkt als cultuurmediator bij de GGD.',
  studie: 'Begonnen aan de mbo-opleiding Maatschappelijke zorg.',
  andere_organisatie: 'Vrijwilliger bij VluchtelingenWerk.',
  verhuisd: 'Verhuisd naar Rotterdam.',
  gestopt: null,
  anders: 'Zorgt voor een familielid.',
};

export async function seedDoorgroei(
  call: DemoCall,
  people: readonly DemoPerson[],
  today: string,
): Promise<void> {
  const rnd = random(20261201);
  const active = people.filter((p) => p.status === 'actief').slice(0, 30);
  for (const [k, person] of active.entries()) {
    // Every third person at B1 or higher in all four skills, with the staatsexamen to show for it.
    const strong = k % 3 === 0;
    const examenDatum = addDays(today, -rnd.int(60, 900));
    const job = rnd.pick(jobs);
    const van = `${rnd.int(2005, 2015)}-0${rnd.int(1, 9)}-01`;
    await call('doorgroei.save', {
      personId: person.id,
      version: null,
      opleidingen: [rnd.pick(studies), ...(k % 4 === 0 ? [studies[4] as Save['opleidingen'][number]] : [])],
      nederlands: dutchSkills.map((vaardigheid) => ({
        vaardigheid,
        niveau: strong ? rnd.pick(levels.slice(1)) : rnd.pick(levels.slice(0, 2)),
        examen: strong ? 'staatsexamen_nt2_i' : null,
        examenDatum: strong ? examenDatum : null,
      })),
      werkervaring: [
        { ...job, land: 'Land van herkomst', van, tot: `${Number(van.slice(0, 4)) + rnd.int(2, 6)}-06-30` },
      ],
    });
  }
  const stopped = people.filter((p) => p.status === 'gestopt').slice(0, 10);
  for (const [k, person] of stopped.entries()) {
    const vervolg = outflowKinds[k % outflowKinds.length] ?? 'gestopt';
    await call('doorgroei.addOutflow', {
      personId: person.id,
      datum: person.statusDatum,
      vervolg,
      toelichting: notes[vervolg],
    });
  }
}
