/**
 * The work itself in the demo: ketenpartners and two projects, the availability of part of the pool, aanvragen in
 * every state of their life cycle (matched to people who speak the language), and inzet over the last weeks (for a
 * request or not, each preparing the claim its contract pays), so the Verdeling and the verantwoording have
 * something to show. Drawn from its own seed, so the other demo data stays as it was.
 */
import type { CallInput } from '../../../shared/contract.ts';
import { addDays } from '../../../shared/dates.ts';
import { knownRoles, leefgebieden } from '../../../shared/profiles.ts';
import {
  type ActivityKind,
  dagdelen,
  hulpvraagCategories,
  originRegions,
  referralKinds,
} from '../../../shared/work-vocabulary.ts';
import type { DemoPerson } from './activity.ts';
import { random } from './random.ts';
import type { DemoCall } from './seed.ts';

const partners: CallInput<'ketenpartners.save'>[] = [
  {
    naam: 'Gemeente Doetinchem',
    soort: 'gemeente',
    contactpersoon: 'Team Inburgering',
    gemeente: 'Doetinchem',
  },
  {
    naam: 'GGD Noord- en Oost-Gelderland',
    soort: 'ggd',
    contactpersoon: 'Jeugdverpleegkundige',
    gemeente: 'Doetinchem',
  },
  { naam: 'Consultatiebureau De Huet', soort: 'jgz', contactpersoon: null, gemeente: 'Doetinchem' },
  {
    naam: 'Basisschool De Regenboog',
    soort: 'school',
    contactpersoon: 'Intern begeleider',
    gemeente: 'Winterswijk',
  },
  { naam: 'Wijkteam Zutphen-Noord', soort: 'wijkteam', contactpersoon: 'Coördinator', gemeente: 'Zutphen' },
  {
    naam: 'VluchtelingenWerk Oost Nederland',
    soort: 'vluchtelingenwerk',
    contactpersoon: null,
    gemeente: 'Zutphen',
  },
].map((p) => ({ telefoon: null, email: null, ...p }) as CallInput<'ketenpartners.save'>);

const askedFor: { soort: ActivityKind; omschrijving: string; minuten: number; leefgebied: string }[] = [
  {
    soort: 'groepsvoorlichting',
    omschrijving: 'Informatieavond voor ouders over de overgang naar het voortgezet onderwijs',
    minuten: 120,
    leefgebied: 'opvoeding en onderwijs',
  },
  {
    soort: 'individuele_ondersteuning',
    omschrijving: 'Uitleg over het consultatiebureau aan een moeder met baby',
    minuten: 90,
    leefgebied: 'gezondheid',
  },
  {
    soort: 'bemiddeling',
    omschrijving: 'Gesprek met de woningcorporatie over een huurachterstand',
    minuten: 60,
    leefgebied: 'wonen',
  },
  {
    soort: 'huisbezoek',
    omschrijving: 'Huisbezoek bij een gezin dat de hulpverlening niet vertrouwt',
    minuten: 120,
    leefgebied: 'psychische gezondheid',
  },
  {
    soort: 'individuele_ondersteuning',
    omschrijving: 'Meegaan naar de brede intake van de gemeente',
    minuten: 90,
    leefgebied: 'taal en inburgering',
  },
  {
    soort: 'groepsvoorlichting',
    omschrijving: 'Voorlichting over de zorgverzekering in de moskee',
    minuten: 120,
    leefgebied: 'financiën en schulden',
  },
];

/** Seeds the work as the projectleider does it. */
export async function seedWork(call: DemoCall, people: readonly DemoPerson[], today: string): Promise<void> {
  const rnd = random(20261202);
  const partnerIds: string[] = [];
  for (const partner of partners) partnerIds.push((await call('ketenpartners.save', partner)).id);
  const year = today.slice(0, 4);
  const project = await call('ketenpartners.saveProject', {
    naam: `Sleutelpersonen Achterhoek ${year}`,
    partnerId: partnerIds[0] ?? null,
    gemeente: 'Doetinchem',
    startdatum: `${year}-01-01`,
    einddatum: `${year}-12-31`,
    budgetCents: 48_500_00,
  });
  await call('ketenpartners.saveProject', {
    naam: 'Gezond in de wijk (GGD)',
    partnerId: partnerIds[1] ?? null,
    gemeente: null,
    startdatum: `${year}-03-01`,
    einddatum: null,
    budgetCents: 12_000_00,
  });

  // Paid activities only for people who can be paid (an IBAN, the claims' usual case) and whose contract began
  // before the weeks the inzet covers.
  const active = people.filter(
    (p) =>
      p.status === 'actief' && p.iban && p.contract !== null && p.contract.startdatum < addDays(today, -70),
  );
  for (const person of active.slice(0, 40)) {
    await call('aanvragen.saveAvailability', {
      personId: person.id,
      version: null,
      dagdelen: dagdelen.filter(() => rnd.next() < 0.25),
      eigenVervoer: rnd.next() < 0.4,
      ookGemeenten: rnd.next() < 0.3 ? [rnd.pick(['Zutphen', 'Winterswijk', 'Doetinchem', 'Apeldoorn'])] : [],
      toelichting: null,
    });
    if (rnd.next() < 0.1) {
      const van = addDays(today, rnd.int(3, 30));
      await call('aanvragen.addAbsence', {
        personId: person.id,
        van,
        tot: addDays(van, 13),
        reden: 'Vakantie',
      });
    }
  }

  const activity = async (datum: string, persons: typeof active, extra: Partial<CallInput<'inzet.save'>>) => {
    const volwassenen = rnd.int(1, extra.soort === 'groepsvoorlichting' ? 18 : 3);
    const kinderen = rnd.int(0, 3);
    return call('inzet.save', {
      datum,
      minuten: rnd.pick([60, 90, 120]),
      personIds: persons.map((p) => p.id),
      partnerId: null,
      requestId: null,
      projectId: project.id,
      soort: rnd.pick(askedFor).soort,
      gemeente: persons[0]?.gemeente ?? null,
      rollen: [rnd.pick(knownRoles), rnd.pick(['vertaler', 'verbinder'])].filter(
        (r, i, a) => a.indexOf(r) === i,
      ),
      leefgebieden: [rnd.pick(leefgebieden)],
      bereikVolwassenen: volwassenen,
      bereikKinderen: kinderen,
      bereikStatushouders: rnd.int(0, volwassenen),
      bereikProfessionals: 0,
      herkomst: [{ waarde: rnd.pick(originRegions), aantal: volwassenen }],
      talen: [{ waarde: persons[0]?.talen[0] ?? 'Arabisch', aantal: volwassenen }],
      hulpvraag: [rnd.pick(hulpvraagCategories)],
      hulpvraagNotitie: null,
      doorverwijzing: rnd.next() < 0.4 ? [rnd.pick(referralKinds)] : [],
      uitkomst: rnd.pick(['Afspraak gemaakt', 'Vraag beantwoord', 'Doorverwezen', null]),
      ...extra,
    });
  };

  // Matching and marking done happen on the day they are done (today, for the seed): requests of the last weeks.
  for (let k = 0; k < 18; k++) {
    const ontvangenOp = addDays(today, -rnd.int(2, 20));
    const ask = rnd.pick(askedFor);
    const speaker = rnd.pick(active);
    const partnerIndex = rnd.int(-1, partnerIds.length - 1);
    const request = await call('aanvragen.save', {
      partnerId: partnerIndex < 0 ? null : (partnerIds[partnerIndex] ?? null),
      projectId: project.id,
      ontvangenOp,
      gewenstVan: addDays(ontvangenOp, rnd.int(3, 14)),
      gewenstTot: null,
      plaats: speaker.gemeente,
      gemeente: speaker.gemeente,
      talen: [{ taal: speaker.talen[0] ?? 'Arabisch', verplicht: true }],
      voorkeurGender: null,
      voorkeurHerkomst: null,
      leefgebieden: [ask.leefgebied as (typeof leefgebieden)[number]],
      soortHulp: ask.soort,
      verwachteMinuten: ask.minuten,
      omschrijving: ask.omschrijving,
    });
    if (k % 7 === 0) continue;
    if (k % 9 === 4) {
      await call('aanvragen.setStatus', {
        ...request,
        status: 'niet_uitvoerbaar',
        reden: 'Niemand beschikbaar op de gevraagde avond',
      });
      continue;
    }
    const matched = await call('aanvragen.match', { ...request, personIds: [speaker.id] });
    if (k % 5 === 3) continue;
    await activity(today, [speaker], {
      requestId: request.id,
      partnerId: partnerIndex < 0 ? null : (partnerIds[partnerIndex] ?? null),
      soort: ask.soort,
      minuten: ask.minuten,
      leefgebieden: [ask.leefgebied],
    });
    if (k % 3 === 0) {
      const done = await call('aanvragen.get', { id: matched.id });
      await call('aanvragen.setStatus', {
        id: done.id,
        version: done.version,
        status: 'afgesloten',
        reden: null,
      });
    }
  }

  // Inzet without a request: the daily work of part of the pool, some people far more than others.
  for (let k = 0; k < 30; k++) {
    const busy = k % 3 === 0;
    const person = busy ? (active[k % 4] ?? active[0]) : rnd.pick(active);
    if (!person) break;
    await activity(addDays(today, -rnd.int(1, 60)), [person], { partnerId: rnd.pick(partnerIds) });
  }
}

/**
 * The administrateur has approved the claims the inzet prepared, as they do week by week, so the queue shows what
 * the claims demo set up to decide (a claim blocked by a check stays for them to look at).
 */
export async function approveInzetClaims(administrateur: DemoCall): Promise<void> {
  const queue = await administrateur('claims.list', { status: 'ingediend', pageSize: 5000 });
  const items = queue.rows
    .filter((c) => c.omschrijving.startsWith('Inzet ') && !c.checks.some((k) => k.blocking))
    .map((c) => ({ id: c.id, version: c.version }));
  if (items.length > 0) await administrateur('claims.approve', { items });
}
