/**
 * What the demo's people have been doing, so each role's screens have something in them from the first click:
 * POPs with goals and progress, begeleidingslog entries, open and closed signals and intervisie for the
 * begeleiders; claims in every state, checks included, and payout batches for the administrateur. Everything goes
 * through the dispatcher's calls as the right account, so every rule applies; every choice comes from a seeded
 * generator and every date is counted back from `today`, so the set is the same on every run of the same day.
 */
import type { GoalStatus } from '../../../shared/begeleiding/pop-diff.ts';
import type { Rhythm } from '../../../shared/begeleiding/rhythm.ts';
import type { ClaimKind } from '../../../shared/claims.ts';
import type { CallInput } from '../../../shared/contract.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { formatCents, formatDate } from '../../../shared/format.ts';
import type { PersonStatus } from '../../../shared/persons.ts';
import { type Random, random } from './random.ts';
import type { DemoCall } from './seed.ts';

/** A demo person as the seed made them: what choosing who does what needs. */
export interface DemoPerson {
  id: string;
  naam: string;
  status: PersonStatus;
  begeleiderId: string | null;
  geboortedatum: string;
  iban: boolean;
  /** On bijstand, permission needed and no date recorded. */
  toestemmingOntbreekt: boolean;
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
function distinct<T>(rnd: Random, list: readonly T[], n: number): T[] {
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

/** A receipt as a small one-page PDF: what a scanned till receipt would say. */
export function receiptPdf(lines: readonly string[]): string {
  // Courier in WinAnsiEncoding, where the euro sign is byte 0x80; parentheses and backslashes escaped.
  const text = lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`).replace(/€/g, '\\200')}) Tj T*`);
  const stream = `BT /F1 10 Tf 14 TL 16 ${40 + lines.length * 14} Td ${text.join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 240 ${80 + lines.length * 14}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1').toString('base64');
}

const hourTasks = [
  'Huisbezoeken en spreekuur',
  'Voorlichting in de bibliotheek',
  'Taalcafé begeleid',
  'Ouderbijeenkomst op school',
  'Meegegaan naar het wijkteam',
];
const rides: [van: string, naar: string][] = [
  ['Utrecht', 'Nieuwegein'],
  ['Amersfoort', 'Utrecht'],
  ['Zeist', 'Houten'],
  ['Veenendaal', 'Amersfoort'],
];
const trips = [
  { omschrijving: 'Trein naar de voorlichting in Amersfoort', bedragCents: 795, winkel: 'NS Reizigers' },
  { omschrijving: 'Bus naar huisbezoek', bedragCents: 395, winkel: 'U-OV' },
  { omschrijving: 'Trein naar de training bij de GGD', bedragCents: 1240, winkel: 'NS Reizigers' },
];
const rejections = [
  'Deze rit is al vergoed in de declaratie van vorige week.',
  'Parkeren in de eigen straat valt niet onder de afspraken.',
  'Deze uren vallen buiten de afgesproken taken; eerst met de begeleider overleggen.',
];

type ClaimInput = CallInput<'claims.create'>;

/**
 * Claims in every state, as the administrateur enters and decides them: paid in a batch two months ago, in a concept
 * batch, approved, rejected with a reason, and submitted, most without checks and some with one of each kind that
 * stops or warns (over the monthly limit, receipt missing, a kind the contract does not know, a likely duplicate,
 * no contract, bijstand without toestemming). Needs the contracts definitief.
 */
export async function seedClaims(
  call: DemoCall,
  people: readonly DemoPerson[],
  today: string,
): Promise<void> {
  const rnd = random(20261127);
  const thisMonth = `${today.slice(0, 8)}01`;
  const twoMonthsAgo = addMonths(thisMonth, -2);
  const lastMonth = addMonths(thisMonth, -1);
  // People who can be paid: active, under contract since before the claims' months, with an IBAN.
  const payable = people.filter(
    (p) =>
      p.status === 'actief' &&
      p.iban &&
      !p.toestemmingOntbreekt &&
      p.contract !== null &&
      p.contract.startdatum < addMonths(thisMonth, -3),
  );
  // The person who crosses the monthly limit needs an hourly rate at which four long weeks exceed it.
  const busy = payable.find((p) => (p.contract?.uurCents ?? 0) >= 5_00);
  const pool = payable.filter((p) => p !== busy);
  const take = (n: number) => pool.splice(0, n);

  const receipt = (winkel: string, datum: string, bedragCents: number) => ({
    base64: receiptPdf([
      winkel,
      formatDate(datum),
      '',
      `Totaal ${formatCents(bedragCents)}`,
      'Betaald met pin',
    ]),
  });
  /** An everyday claim of one of the kinds the person's contract pays: hours, km or a trip with its receipt. */
  const everyday = (person: DemoPerson, datum: string): ClaimInput => {
    const kind: ClaimKind = rnd.pick(
      person.contract?.kmCents ? ['uren', 'uren', 'km', 'ov'] : ['uren', 'ov'],
    );
    const base = {
      personId: person.id,
      datum,
      van: null,
      naar: null,
      km: null,
      minuten: null,
      bedragCents: null,
    };
    if (kind === 'uren')
      return {
        ...base,
        soort: 'uren',
        omschrijving: rnd.pick(hourTasks),
        minuten: rnd.pick([90, 120, 150, 180, 240]),
      };
    if (kind === 'km') {
      const [van, naar] = rnd.pick(rides);
      return { ...base, soort: 'km', omschrijving: 'Rit naar huisbezoek', van, naar, km: rnd.int(6, 38) };
    }
    const trip = rnd.pick(trips);
    return {
      ...base,
      soort: 'ov',
      omschrijving: trip.omschrijving,
      bedragCents: trip.bedragCents,
      bonnen: [receipt(trip.winkel, datum, trip.bedragCents)],
    };
  };
  /** Up to `max` claims per person on different days in the `spread` days from `from` (all before today). */
  const claimsOf = async (group: DemoPerson[], from: string, spread: number, max = 2) => {
    const made: { id: string; version: number }[] = [];
    for (const person of group) {
      const days = distinct(
        rnd,
        Array.from({ length: spread }, (_, i) => i),
        rnd.int(1, max),
      );
      for (const day of days) made.push(await call('claims.create', everyday(person, addDays(from, day))));
    }
    return made;
  };

  // Paid: approved, in a batch, offered to the bank and paid.
  const paid = await claimsOf(take(8), twoMonthsAgo, 26);
  if (paid.length > 0) {
    await call('claims.approve', { items: paid });
    const batch = await call('payouts.create', { claimIds: paid.map((c) => c.id), uitvoerdatum: today });
    const offered = await call('payouts.submit', batch);
    await call('payouts.paid', offered);
  }

  // Last month: approved; most in a concept batch, some waiting for the next one.
  const inBatch = await claimsOf(take(6), lastMonth, 26);
  const approved = await claimsOf(take(4), lastMonth, 26, 1);
  // Three long weeks of the busy person, approved: a fourth will not fit the month.
  const weeks: { id: string; version: number }[] = [];
  if (busy) {
    for (const day of [1, 8, 15]) {
      weeks.push(
        await call('claims.create', {
          personId: busy.id,
          soort: 'uren',
          datum: addDays(lastMonth, day),
          omschrijving: 'Weekstaat huisbezoeken en spreekuur',
          minuten: 12 * 60,
        }),
      );
    }
  }
  const decided = [...inBatch, ...approved, ...weeks];
  if (decided.length > 0) await call('claims.approve', { items: decided });
  if (inBatch.length > 0)
    await call('payouts.create', { claimIds: inBatch.map((c) => c.id), uitvoerdatum: addDays(today, 3) });

  // Rejected, each with the reason the person reads.
  const refused = await claimsOf(take(3), lastMonth, 26, 1);
  if (refused.length > 0)
    await call('claims.reject', {
      items: refused.map((c, i) => ({ ...c, reden: rejections[i % rejections.length] as string })),
    });

  // Submitted, each with something the administrateur has to look at.
  const recent = () => addDays(today, -rnd.int(1, 12));
  if (busy) {
    await call('claims.create', {
      personId: busy.id,
      soort: 'uren',
      datum: addDays(lastMonth, 22),
      omschrijving: 'Weekstaat huisbezoeken en spreekuur',
      minuten: 12 * 60,
    });
  }
  const [noReceipt, wrongKind, twice] = take(3);
  // Submitted in the last weeks, nothing in the way (the group that is smaller when the demo has fewer people).
  await claimsOf(take(10), addDays(today, -20), 20);
  if (noReceipt) {
    await call('claims.create', {
      personId: noReceipt.id,
      soort: 'onkosten',
      datum: recent(),
      omschrijving: 'Koffie en thee voor de ouderbijeenkomst',
      bedragCents: 1240,
    });
  }
  if (wrongKind) {
    await call('claims.create', {
      personId: wrongKind.id,
      soort: 'activiteit',
      datum: recent(),
      omschrijving: 'Voorlichting op de basisschool',
    });
  }
  if (twice) {
    const datum = recent();
    const trip = rnd.pick(trips);
    for (let i = 0; i < 2; i++) {
      await call('claims.create', {
        personId: twice.id,
        soort: 'ov',
        datum,
        omschrijving: trip.omschrijving,
        bedragCents: trip.bedragCents,
        bonnen: [receipt(trip.winkel, datum, trip.bedragCents)],
      });
    }
  }
  const withoutContract = people.find((p) => p.status === 'intake');
  if (withoutContract) {
    const datum = recent();
    await call('claims.create', {
      personId: withoutContract.id,
      soort: 'ov',
      datum,
      omschrijving: 'Bus naar het kennismakingsgesprek',
      bedragCents: 395,
      bonnen: [receipt('U-OV', datum, 395)],
    });
  }
  const withoutPermission = people.find(
    (p) => p.status === 'actief' && p.toestemmingOntbreekt && p.contract !== null,
  );
  if (withoutPermission) {
    await call('claims.create', {
      personId: withoutPermission.id,
      soort: 'uren',
      datum: recent(),
      omschrijving: rnd.pick(hourTasks),
      minuten: 180,
    });
  }
}
