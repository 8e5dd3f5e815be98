/**
 * The demo's scholing, entered by a begeleider: a small trainingsaanbod, the basistraining for most active people
 * (some still without, so the start screen asks for it), EHBO certificates of which one runs out soon and one has
 * run out, a group training given last month and two planned, one of them with too few participants.
 */
import type { CallInput } from '../../../shared/contract.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { DemoPerson } from './activity.ts';
import { receiptPdf } from './claims-activity.ts';
import { random } from './random.ts';
import type { DemoCall } from './seed.ts';

type TrainingInput = CallInput<'scholing.saveTraining'>;

const aanbod: TrainingInput[] = [
  {
    naam: 'Basistraining Sleutelpersonen',
    aanbieder: 'pharos',
    aanbiederAnders: null,
    soort: 'basistraining',
    duurEenheid: 'dagdelen',
    duur: 6,
    certificaat: true,
    geldigheidMaanden: null,
    kostenCents: 350_00,
  },
  {
    naam: 'Bijscholing Psychische gezondheid',
    aanbieder: 'ggd',
    aanbiederAnders: null,
    soort: 'bijscholing',
    duurEenheid: 'dagdelen',
    duur: 2,
    certificaat: false,
    geldigheidMaanden: null,
    kostenCents: 0,
  },
  {
    naam: 'Bijscholing Schulden en armoede',
    aanbieder: 'eigen',
    aanbiederAnders: null,
    soort: 'bijscholing',
    duurEenheid: 'dagdelen',
    duur: 2,
    certificaat: false,
    geldigheidMaanden: null,
    kostenCents: 0,
  },
  {
    naam: 'EHBO-basis',
    aanbieder: 'anders',
    aanbiederAnders: 'Het Oranje Kruis',
    soort: 'ehbo',
    duurEenheid: 'uren',
    duur: 8,
    certificaat: true,
    geldigheidMaanden: 12,
    kostenCents: 95_00,
  },
  {
    naam: 'Taalcoaching Nederlands naar B2',
    aanbieder: 'vluchtelingenwerk',
    aanbiederAnders: null,
    soort: 'taal',
    duurEenheid: 'uren',
    duur: 20,
    certificaat: false,
    geldigheidMaanden: null,
    kostenCents: 0,
  },
];

const completed = (
  personId: string,
  trainingId: string,
  einddatum: string,
): CallInput<'scholing.saveForPerson'> => ({
  personId,
  trainingId,
  status: 'afgerond',
  startdatum: null,
  einddatum,
  minuten: null,
  verloopdatum: null,
  notitie: null,
});

export async function seedScholing(
  call: DemoCall,
  people: readonly DemoPerson[],
  today: string,
): Promise<void> {
  // A generator of its own, so the draws of the other demo data stay as they were.
  const rnd = random(20261201);
  const ids: string[] = [];
  for (const t of aanbod) ids.push((await call('scholing.saveTraining', t)).id);
  const [basis = '', psyche = '', schulden = '', ehbo = ''] = ids;
  const active = people.filter((p) => p.status === 'actief' && p.contract);

  // Most completed the basistraining within a few months of starting; about one in six has not yet.
  for (const p of active) {
    const start = p.contract?.startdatum ?? today;
    if (rnd.next() < 0.17) continue;
    const done = addDays(start, rnd.int(20, 80));
    await call('scholing.saveForPerson', completed(p.id, basis, done < today ? done : addDays(today, -1)));
  }

  // EHBO: one certificate runs out in three weeks (with its scan), one ran out last month, one is fresh.
  const [soon, expired, fresh] = active.slice(0, 3);
  if (soon) {
    const saved = await call(
      'scholing.saveForPerson',
      completed(soon.id, ehbo, addDays(addMonths(today, -12), 21)),
    );
    await call('scholing.setCertificate', {
      ...saved,
      bestand: { base64: receiptPdf(['Het Oranje Kruis', 'Certificaat EHBO-basis', soon.naam]) },
    });
  }
  if (expired)
    await call('scholing.saveForPerson', completed(expired.id, ehbo, addDays(addMonths(today, -13), -3)));
  if (fresh) await call('scholing.saveForPerson', completed(fresh.id, ehbo, addDays(today, -40)));

  // A group training given last month; two planned, the nearer one still short of participants.
  const group = (trainingId: string, datum: string, deelnemers: DemoPerson[], plaats: string) =>
    call('scholing.saveSession', {
      trainingId,
      datum,
      plaats,
      trainer: null,
      minimumDeelnemers: 4,
      deelnemers: deelnemers.map((p) => p.id),
    });
  const given = await group(schulden, addDays(today, -24), active.slice(3, 8), 'Wijkcentrum De Leeuw');
  await call('scholing.recordAttendance', { ...given, aanwezig: active.slice(3, 7).map((p) => p.id) });
  await group(psyche, addDays(today, 12), active.slice(8, 10), 'GGD regio Utrecht, Zeist');
  await group(schulden, addDays(today, 26), active.slice(10, 16), 'Buurthuis Oost');
}
