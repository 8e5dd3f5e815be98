/**
 * What the demo's people have been doing, so each role's screens have something in them from the first click:
 * POPs with goals and progress, begeleidingslog entries, open and closed signals and intervisie for the
 * begeleiders (the claims and payout batches for the administrateur are in claims-activity.ts). Everything goes
 * through the dispatcher's calls as the right account, so every rule applies; every choice comes from a seeded
 * generator and every date is counted back from `today`, so the set is the same on every run of the same day.
 */
import type { GoalStatus } from '../../../shared/begeleiding/pop-diff.ts';
import type { Rhythm } from '../../../shared/begeleiding/rhythm.ts';
import type { CallInput } from '../../../shared/contract.ts';
import { addDays } from '../../../shared/dates.ts';
import type { PersonStatus } from '../../../shared/persons.ts';
import { type Random, random } from './random.ts';
import type { DemoCall } from './seed.ts';

/** A demo person as the seed made them: what choosing who does what needs. */
export interface DemoPerson {
  id: string;
  naam: string;
  status: PersonStatus;
  statusDatum: string;
  begeleiderId: string | null;
  geboortedatum: string;
  iban: boolean;
  /** On bijstand, permission needed and no date recorded. */
  toestemmingOntbreekt: boolean;
  /** The languages they speak, mother tongue first, and the gemeente they live in (for matching and inzet). */
  talen: readonly string[];
  gemeente: string;
  /** The contract made for them (active and paused people), with its hourly and km rate. */
  contract: { startdatum: string; uurCents: number; kmCents: number } | null;
}

const goalBank = [
  {
    wat: 'Zelfstandig een informatiebijeenkomst voor nieuwkomers leiden',
    hoe: 'Eerst samen met de begeleider, daarna alleen; na afloop kort nabespreken.',
    wieHelpt: 'Begeleider en een ervaren sleutelpersoon',
  },
  {
    wat: 'Nederlands spreken op niveau B2',
    hoe: 'Elke week naar het taalcafé in de bibliotheek.',
    wieHelpt: 'Taalmaatje van de bibliotheek',
  },
  {
    wat: 'Grenzen aangeven bij hulpvragen buiten de afspraken',
    hoe: 'Oefenen in de intervisie; een vaste zin klaar hebben.',
    wieHelpt: 'Intervisiegroep',
  },
  {
    wat: 'Goed doorverwijzen naar schuldhulp, huisarts en school',
    hoe: 'De sociale kaart van de gemeente leren kennen.',
    wieHelpt: 'Wijkteam',
  },
  {
    wat: 'De training Voorlichting geven afronden',
    hoe: 'Vier avonden bij de GGD.',
    wieHelpt: 'Projectleider regelt de aanmelding',
  },
  {
    wat: 'Een netwerk opbouwen met de scholen in de wijk',
    hoe: 'Kennismaken met twee schoolmaatschappelijk werkers.',
    wieHelpt: 'Begeleider stelt voor',
  },
  {
    wat: 'Solliciteren op betaald werk in zorg of welzijn',
    hoe: 'Cv bijwerken en een proefsollicitatie doen.',
    wieHelpt: 'Werkcoach van de gemeente',
  },
];
const qualities = [
  'Spreekt meerdere talen en legt dingen geduldig uit.',
  'Kent veel mensen in de eigen gemeenschap en wordt vertrouwd.',
  'Rustig, luistert goed en komt afspraken na.',
  'Praktisch ingesteld; regelt dingen snel.',
];
const ambitions = [
  'Over een jaar zelfstandig voorlichtingen geven.',
  'Doorgroeien naar betaald werk als consulent.',
  'Meer vrouwen uit de buurt bereiken.',
  'Een eigen groep voor ouders opzetten.',
];
const talks = [
  'Voortgang besproken. De huisbezoeken gaan goed; wil meer weten over toeslagen.',
  'Terugblik op de afgelopen weken. Voelt zich op haar of zijn plek; nee zeggen blijft lastig.',
  'Leerdoelen doorgenomen; de training staat gepland. Heeft er zin in.',
  'Besproken hoe de voorlichting op school ging: goede vragen gekregen, volgende keer met tolk.',
];
const agreements = [
  'Volgende keer samen de sociale kaart doorlopen.',
  'Meedoen aan de intervisie van volgende maand.',
  'Zelf een afspraak maken met het wijkteam.',
];
const rhythmsUsed: Rhythm[] = ['tweewekelijks', 'maandelijks', 'maandelijks', 'zeswekelijks'];
const groups = [
  { naam: 'Intervisie dinsdagochtend', thema: 'Nee zeggen zonder de relatie te schaden' },
  { naam: 'Intervisie donderdagavond', thema: 'Verhalen die je mee naar huis neemt' },
  { naam: 'Intervisie voorlichters', thema: 'Wanneer verwijs je door?' },
];

/** Draws `n` different items of a list, in the order drawn. */
export function distinct<T>(rnd: Random, list: readonly T[], n: number): T[] {
  const rest = [...list];
  const chosen: T[] = [];
  while (chosen.length < n && rest.length > 0) chosen.push(...rest.splice(rnd.int(0, rest.length - 1), 1));
  return chosen;
}

/**
 * Each begeleider's own work on up to eight active people of their caseload, in four patterns: a conversation on
 * schedule with a goal reached; a conversation overdue with a goal past its target date; an open signal; a signal
 * followed up and closed (vertrouwelijk), the first one with a second POP version. Plus an intervisie group with a
 * session. Needs no contracts, so it runs while the contracts' PDFs are rendered.
 */
export async function seedGuidance(
  begeleiders: { id: string; call: DemoCall }[],
  people: readonly DemoPerson[],
  today: string,
): Promise<void> {
  const rnd = random(20261126);
  for (const [index, begeleider] of begeleiders.entries()) {
    const { call } = begeleider;
    const mine = people.filter((p) => p.begeleiderId === begeleider.id && p.status === 'actief').slice(0, 8);
    for (const [k, person] of mine.entries()) {
      const pattern = k % 4;
      const startdatum = addDays(today, -rnd.int(90, 240));
      const doelen = distinct(rnd, goalBank, rnd.int(2, 3)).map((goal, g) => ({
        id: rnd.uuid(),
        ...goal,
        // The overdue pattern has its first goal past the target date, still in progress.
        streefdatum:
          pattern === 1 && g === 0 ? addDays(today, -rnd.int(5, 40)) : addDays(today, rnd.int(30, 150)),
        status: (pattern === 1 && g === 0 ? 'bezig' : 'open') as GoalStatus,
      }));
      const content = {
        startdatum,
        kwaliteiten: rnd.pick(qualities),
        ambitie: rnd.pick(ambitions),
        ritme: rnd.pick(rhythmsUsed),
        doelen,
      };
      const pop = await call('begeleiding.savePop', { personId: person.id, version: null, content });
      const [firstGoal, secondGoal] = doelen;
      const talk = (datum: string, doelUpdates: CallInput<'begeleiding.addLogEntry'>['doelUpdates']) =>
        call('begeleiding.addLogEntry', {
          personId: person.id,
          soort: 'ontwikkelingsgesprek',
          signaalSoort: null,
          datum,
          duurMinuten: rnd.pick([45, 60, 60, 90]),
          samenvatting: rnd.pick(talks),
          afspraken: rnd.pick(agreements),
          volgendeAfspraak: addDays(datum, 28),
          vertrouwelijk: false,
          ownerId: null,
          doelUpdates,
        });
      // The first conversation, two weeks after the plan was made: the first goal under way.
      await talk(
        addDays(startdatum, 14),
        firstGoal ? [{ goalId: firstGoal.id, status: 'bezig', notitie: 'Eerste stappen gezet.' }] : [],
      );
      if (pattern === 1) continue;
      await call('begeleiding.addLogEntry', {
        personId: person.id,
        soort: 'praktisch',
        signaalSoort: null,
        datum: addDays(today, -rnd.int(15, 40)),
        duurMinuten: 15,
        samenvatting: 'Telefonisch contact over het rooster en vervanging in de vakantie.',
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      });
      await talk(
        addDays(today, -rnd.int(2, 9)),
        pattern === 0 && secondGoal
          ? [{ goalId: secondGoal.id, status: 'behaald', notitie: 'Behaald; zie het verslag.' }]
          : [],
      );
      if (pattern === 2) {
        await call('begeleiding.addLogEntry', {
          personId: person.id,
          soort: 'signaal',
          signaalSoort: rnd.pick(['overbelasting', 'grenzen'] as const),
          datum: addDays(today, -rnd.int(1, 6)),
          duurMinuten: null,
          samenvatting:
            'Krijgt veel hulpvragen buiten de afgesproken uren, ook ’s avonds en in het weekend. Maakt zich zorgen en slaapt slecht.',
          afspraken: 'Binnen een week bellen; samen kijken welke vragen naar het wijkteam kunnen.',
          volgendeAfspraak: null,
          vertrouwelijk: false,
          ownerId: null,
          doelUpdates: [],
        });
      }
      if (pattern === 3) {
        const datum = addDays(today, -rnd.int(30, 60));
        const signal = await call('begeleiding.addLogEntry', {
          personId: person.id,
          soort: 'signaal',
          signaalSoort: 'persoonlijke_situatie',
          datum,
          duurMinuten: null,
          samenvatting: 'Familielid ernstig ziek in het land van herkomst; wil een paar weken minder doen.',
          afspraken: 'Drie weken minder uren; daarna samen bekijken hoe het gaat.',
          volgendeAfspraak: null,
          vertrouwelijk: true,
          ownerId: null,
          doelUpdates: [],
        });
        await call('begeleiding.followUpSignal', {
          id: signal.id,
          version: signal.version,
          opvolging: 'Gaat weer beter; pakt het werk in de gewone uren weer op. Signaal gesloten.',
          sluiten: true,
          datum: addDays(datum, 21),
        });
        if (k === 3) {
          // A review: the first goal reached, one added, in a second version of the plan.
          await call('begeleiding.savePop', {
            personId: person.id,
            version: pop.version,
            content: {
              ...content,
              doelen: [
                ...doelen.map((g, i) => (i === 0 ? { ...g, status: 'behaald' as const } : g)),
                {
                  id: rnd.uuid(),
                  wat: 'Een nieuwe sleutelpersoon inwerken',
                  hoe: 'Twee keer samen op huisbezoek.',
                  wieHelpt: 'Begeleider',
                  streefdatum: addDays(today, 90),
                  status: 'open' as const,
                },
              ],
            },
          });
        }
      }
    }
    const group = groups[index % groups.length];
    const members = mine.slice(0, 6).map((p) => p.id);
    if (!group || members.length < 2) continue;
    const saved = await call('intervisie.save', {
      id: null,
      version: null,
      naam: group.naam,
      begeleiderId: begeleider.id,
      leden: members,
    });
    await call('intervisie.session', {
      groupId: saved.id,
      datum: addDays(today, -rnd.int(10, 30)),
      thema: group.thema,
      duurMinuten: 120,
      samenvatting: 'Ieder bracht een situatie in; twee uitgewerkt met de incidentmethode.',
      aanwezig: members.slice(0, members.length - 1),
    });
  }
}
