/**
 * Two people with data in every table that can hold data about a person: register, languages, status history,
 * contracts, POP versions with progress, begeleidingslog (a vertrouwelijk entry and a followed-up signal too),
 * intervisie, a group training with a certificate, claims with a receipt, a correction and a rejection, an import,
 * a cancelled payout batch and a paid one, doorgroei (education, Dutch levels, work experience, portfolio text, the uitstroom given
 * when Zerihun stopped), a request each was matched to, availability and an absence. Zerihun is on bijstand; the intervisie summary names him by full name and by first name, and one of
 * Rahaf's verslagen mentions him by first name. Zerihun's data carries recognisable strings (`personal`), so a
 * test can look for them anywhere in the database. On request a namesake joins: another, living Zerihun
 * Tesfamariam, paid in the same batches.
 */
import type { CallInput } from '../../shared/contract.ts';
import { type Harness, personInput, volunteerContract } from './harness.ts';

/** The day the data is made: claims in February 2024, a batch executed on 5 March, Zerihun stopped on 1 March. */
export const madeOn = '2024-03-01T10:00:00.000Z';

/** Text that identifies Zerihun or says something about him; none of it may survive anonymisation. */
export const personal = {
  voornaam: 'Zerihun',
  roepnaam: 'Zeri',
  achternaam: 'Tesfamariam',
  email: 'zerihun.t@example.org',
  oudTelefoon: '06 11223344',
  telefoon: '06 98765432',
  oudIban: 'NL57ASNB0123456789',
  iban: 'NL44RABO0123456789',
  straat: 'Wittevrouwensingel',
  geboortedatum: '1979-09-23',
  notities: 'Notitie-Z-mantelzorg',
  taal: 'Tigrinya',
  werktijden: 'Werktijden-Z-avonden',
  ambitie: 'Ambitie-Z-verpleegkunde',
  leerdoel: 'Leerdoel-Z-presenteren',
  voortgang: 'Voortgang-Z-eerste-presentatie',
  gesprek: 'Gesprek-Z-over-werkdruk',
  vertrouwelijk: 'Vertrouwelijk-Z-gezondheid',
  signaal: 'Signaal-Z-te-veel-belletjes',
  opvolging: 'Opvolging-Z-belafspraak',
  rit: 'Rit-Z-naar-Amersfoort',
  onkosten: 'Onkosten-Z-printpapier',
  afwijzing: 'Afwijzing-Z-al-vergoed',
  import: 'Import-Z-taalcafe',
  toelichting: 'Toelichting-Z-verhuisd',
  bon: 'Bon-Z-inhoud',
  richting: 'Richting-Z-verpleegkunde',
  functie: 'Functie-Z-vroedvrouw',
  uitstroom: 'Uitstroom-Z-ziekenhuis',
  scholing: 'Scholing-Z-notitie',
  certificaat: 'Certificaat-Z-inhoud',
  portfolio: 'Portfolio-Z-betrouwbaar',
  beschikbaarheid: 'Beschikbaarheid-Z-na-school',
  afwezig: 'Afwezig-Z-familiebezoek',
} as const;

/** Rahaf's strings: they must stay where they are and never appear in Zerihun's export. */
export const other = {
  voornaam: 'Rahaf',
  achternaam: 'Haddad',
  email: 'rahaf.h@example.org',
  iban: 'NL21INGB0987654321',
  notities: 'Notitie-R-eigen',
  gesprek: 'Gesprek-R-eigen',
  rit: 'Rit-R-naar-Zeist',
  richting: 'Richting-R-rechten',
  portfolio: 'Portfolio-R-eigen',
  beschikbaarheid: 'Beschikbaarheid-R-eigen',
} as const;

/** The intervisie session's summary: about Zerihun (full name, then first name alone) and about Rahaf. */
export const intervisie = {
  overRahaf: 'Sessie-R-huisvesting',
  samenvatting: `${personal.roepnaam} ${personal.achternaam} bracht een casus in. ${personal.voornaam} vertelde over de eerste maanden. ${other.voornaam}: Sessie-R-huisvesting.`,
} as const;

/** A verslag about Rahaf that mentions Zerihun by first name only: someone else's text, left for a person to read. */
export const mention = `Gesprek-R over vervoer met ${personal.voornaam} geregeld`;

/** The namesake: the same name as Zerihun, another person, account and e-mail. */
export const namesake = {
  voornaam: personal.voornaam,
  achternaam: personal.achternaam,
  email: 'z.tesfamariam@example.net',
  iban: 'NL20INGB0001234567',
  rit: 'Rit-N-naar-Nieuwegein',
} as const;

export const goalId = '01900000-0000-7000-8000-00000000002a';

const km = (
  personId: string,
  datum: string,
  omschrijving: string,
  extra: Partial<CallInput<'claims.create'>> = {},
) =>
  ({
    personId,
    soort: 'km',
    datum,
    omschrijving,
    van: null,
    naar: null,
    km: 20,
    minuten: null,
    bedragCents: null,
    bonnen: [],
    ...extra,
  }) satisfies CallInput<'claims.create'>;

export interface FullPeople {
  zerihun: string;
  rahaf: string;
  /** The namesake, when asked for. */
  naamgenoot: string | null;
  /** The paid batch, B2024-0002. */
  batchId: string;
  /** B2024-0001: made with the same claims, then cancelled; its payment file stays. */
  cancelledBatchId: string;
  ids: { projectleider: string; begeleider: string; administrateur: string };
}

/** Builds the people through the dispatcher, as the screens would. The harness must stand on `madeOn`. */
export async function fullPeople(h: Harness, options: { namesake?: boolean } = {}): Promise<FullPeople> {
  const { ids } = await h.withTeam();
  const { updatedAt: _u, ...settings } = await h.ok('beheer', 'settings.get', {});
  await h.ok('beheer', 'settings.update', {
    ...settings,
    straat: 'Stationsplein',
    huisnummer: '1',
    postcode: '3511 ED',
    plaats: 'Utrecht',
    kvkNummer: '12345678',
    iban: 'NL91ABNA0417164300',
    bic: 'ABNANL2A',
  });

  const zerihunInput = personInput({
    voornaam: personal.voornaam,
    roepnaam: personal.roepnaam,
    achternaam: personal.achternaam,
    geboortedatum: personal.geboortedatum,
    herkomstland: 'Eritrea',
    talen: [
      { taal: personal.taal, niveau: 'moedertaal' },
      { taal: 'Engels', niveau: 'goed' },
    ],
    straat: personal.straat,
    huisnummer: '77',
    postcode: '3581 CE',
    telefoon: personal.oudTelefoon,
    email: personal.email,
    iban: personal.oudIban,
    bijstand: true,
    toestemmingNodig: true,
    toestemmingDatum: '2024-01-10',
    notities: personal.notities,
    begeleiderId: ids.begeleider,
    status: 'actief',
    statusDatum: '2024-01-15',
  });
  const zerihun = (await h.ok('projectleider', 'persons.create', zerihunInput)).id;
  const { status: _s, statusDatum: _d, ...fields } = zerihunInput;
  await h.ok('projectleider', 'persons.update', {
    ...fields,
    id: zerihun,
    version: 1,
    telefoon: personal.telefoon,
    iban: personal.iban,
  });
  const rahaf = (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam: other.voornaam,
        achternaam: other.achternaam,
        email: other.email,
        iban: other.iban,
        herkomstland: 'Syrië',
        talen: [{ taal: 'Arabisch', niveau: 'moedertaal' }],
        notities: other.notities,
        telefoon: '06 55554444',
        begeleiderId: ids.begeleider,
        status: 'actief',
        statusDatum: '2024-01-15',
      }),
    )
  ).id;

  const naamgenoot = options.namesake
    ? (
        await h.ok(
          'projectleider',
          'persons.create',
          personInput({
            voornaam: namesake.voornaam,
            achternaam: namesake.achternaam,
            email: namesake.email,
            iban: namesake.iban,
            telefoon: '06 33332222',
            status: 'actief',
            statusDatum: '2024-01-15',
          }),
        )
      ).id
    : null;

  for (const [personId, werktijden] of [
    [zerihun, personal.werktijden],
    [rahaf, 'Werktijden-R'],
    ...(naamgenoot ? [[naamgenoot, 'Werktijden-N'] as const] : []),
  ] as const) {
    const c = await h.ok(
      'projectleider',
      'contracts.create',
      volunteerContract(personId, {
        startdatum: '2024-01-01',
        kmVergoedingCents: 21,
        werktijden,
        vasteBegeleiderId: ids.begeleider,
      }),
    );
    await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
    await h.ok('projectleider', 'contracts.sign', { id: c.id, version: 2, datum: '2024-03-01' });
  }

  const pop = (ambitie: string): CallInput<'begeleiding.savePop'>['content'] => ({
    startdatum: '2024-01-15',
    kwaliteiten: 'Spreekt Tigrinya en Engels',
    ambitie,
    ritme: 'maandelijks',
    doelen: [
      {
        id: goalId,
        wat: personal.leerdoel,
        hoe: 'Twee voorlichtingen',
        wieHelpt: 'Begeleider',
        streefdatum: '2024-06-01',
        status: 'open',
      },
    ],
  });
  await h.ok('begeleider', 'begeleiding.savePop', {
    personId: zerihun,
    version: null,
    content: pop('Eerste ambitie'),
  });
  await h.ok('begeleider', 'begeleiding.savePop', {
    personId: zerihun,
    version: 1,
    content: pop(personal.ambitie),
  });

  const entry = (
    personId: string,
    samenvatting: string,
    extra: Partial<CallInput<'begeleiding.addLogEntry'>> = {},
  ) =>
    ({
      personId,
      soort: 'ontwikkelingsgesprek',
      signaalSoort: null,
      datum: '2024-02-20',
      duurMinuten: 45,
      samenvatting,
      afspraken: null,
      volgendeAfspraak: null,
      vertrouwelijk: false,
      ownerId: null,
      doelUpdates: [],
      ...extra,
    }) satisfies CallInput<'begeleiding.addLogEntry'>;
  await h.ok(
    'begeleider',
    'begeleiding.addLogEntry',
    entry(zerihun, personal.gesprek, {
      doelUpdates: [{ goalId, status: 'bezig', notitie: personal.voortgang }],
    }),
  );
  await h.ok(
    'begeleider',
    'begeleiding.addLogEntry',
    entry(zerihun, personal.vertrouwelijk, { vertrouwelijk: true }),
  );
  const signal = await h.ok(
    'begeleider',
    'begeleiding.addLogEntry',
    entry(zerihun, personal.signaal, { soort: 'signaal', signaalSoort: 'overbelasting' }),
  );
  await h.ok('begeleider', 'begeleiding.followUpSignal', {
    id: signal.id,
    version: 1,
    opvolging: personal.opvolging,
    sluiten: true,
    datum: '2024-02-25',
  });
  await h.ok('begeleider', 'begeleiding.addLogEntry', entry(rahaf, other.gesprek));
  await h.ok(
    'begeleider',
    'begeleiding.addLogEntry',
    entry(rahaf, mention, { soort: 'praktisch', duurMinuten: 10 }),
  );

  const group = await h.ok('begeleider', 'intervisie.save', {
    naam: 'Intervisie Oost',
    begeleiderId: ids.begeleider,
    leden: [zerihun, rahaf],
  });
  await h.ok('begeleider', 'intervisie.session', {
    groupId: group.id,
    datum: '2024-02-22',
    thema: 'Grenzen bewaken',
    duurMinuten: 90,
    samenvatting: intervisie.samenvatting,
    aanwezig: [zerihun, rahaf],
  });

  // Both followed the basistraining in a group; his training carries a note and a certificate.
  const training = await h.ok('begeleider', 'scholing.saveTraining', {
    naam: 'Basistraining Sleutelpersonen',
    aanbieder: 'pharos',
    aanbiederAnders: null,
    soort: 'basistraining',
    duurEenheid: 'dagdelen',
    duur: 6,
    certificaat: true,
    geldigheidMaanden: 24,
    kostenCents: 350_00,
  });
  const session = await h.ok('begeleider', 'scholing.saveSession', {
    trainingId: training.id,
    datum: '2024-02-15',
    plaats: 'Wijkcentrum Oost',
    trainer: null,
    minimumDeelnemers: 2,
    deelnemers: [zerihun, rahaf],
  });
  await h.ok('begeleider', 'scholing.recordAttendance', { ...session, aanwezig: [zerihun, rahaf] });
  const [completed] = (await h.ok('begeleider', 'scholing.listForPerson', { personId: zerihun })).trainingen;
  if (!completed) throw new Error('the group training wrote no record');
  const noted = await h.ok('begeleider', 'scholing.saveForPerson', {
    id: completed.id,
    version: completed.version,
    personId: zerihun,
    trainingId: training.id,
    status: 'afgerond',
    startdatum: completed.startdatum,
    einddatum: completed.einddatum,
    minuten: null,
    verloopdatum: null,
    notitie: personal.scholing,
  });
  await h.ok('begeleider', 'scholing.setCertificate', {
    ...noted,
    bestand: {
      base64: Buffer.from(`%PDF-1.4\n${personal.certificaat} ${personal.voornaam}\n`).toString('base64'),
    },
  });

  const ritZ = await h.ok(
    'administrateur',
    'claims.create',
    km(zerihun, '2024-02-10', 'Eerst-ingevoerd', { van: personal.straat, naar: 'Amersfoort' }),
  );
  const { bonnen: _b, ...corrected } = km(zerihun, '2024-02-10', personal.rit, {
    van: personal.straat,
    naar: 'Amersfoort',
    km: 25,
  });
  await h.ok('administrateur', 'claims.correct', { ...corrected, id: ritZ.id, version: 1 });
  const onkosten = await h.ok('administrateur', 'claims.create', {
    ...km(zerihun, '2024-02-12', personal.onkosten),
    soort: 'onkosten',
    km: null,
    bedragCents: 12_50,
    bonnen: [{ base64: Buffer.from(`%PDF-1.4\n${personal.bon} ${personal.voornaam}\n`).toString('base64') }],
  });
  const rejected = await h.ok('administrateur', 'claims.create', km(zerihun, '2024-02-20', 'Nog een rit'));
  const ritR = await h.ok('administrateur', 'claims.create', km(rahaf, '2024-02-11', other.rit));
  await h.ok('administrateur', 'claims.reject', {
    items: [{ id: rejected.id, version: 1, reden: personal.afwijzing }],
  });
  await h.ok('administrateur', 'claims.approve', {
    items: [
      { id: ritZ.id, version: 2 },
      { id: onkosten.id, version: 1 },
      { id: ritR.id, version: 1 },
    ],
  });
  const ritN = naamgenoot
    ? await h.ok('administrateur', 'claims.create', km(naamgenoot, '2024-02-14', namesake.rit))
    : null;
  if (ritN) await h.ok('administrateur', 'claims.approve', { items: [{ id: ritN.id, version: 1 }] });
  const paid = [ritZ.id, onkosten.id, ritR.id, ...(ritN ? [ritN.id] : [])];
  // First a batch that is cancelled: its claims go back to approved, its payment file stays.
  const cancelled = await h.ok('administrateur', 'payouts.create', {
    claimIds: paid,
    uitvoerdatum: '2024-03-04',
  });
  await h.ok('administrateur', 'payouts.cancel', { id: cancelled.id, version: 1 });
  const batch = await h.ok('administrateur', 'payouts.create', {
    claimIds: paid,
    uitvoerdatum: '2024-03-05',
  });
  await h.ok('administrateur', 'payouts.submit', { id: batch.id, version: 1 });
  await h.ok('administrateur', 'payouts.paid', { id: batch.id, version: 2 });

  const imported = [
    'e-mail;soort;datum;omschrijving;van;naar;km;minuten;bedrag',
    `${personal.email};km;2024-02-21;${personal.import};${personal.straat};Utrecht;5;;`,
    `${other.email};km;2024-02-21;Import-R-taalcafe;;;7;;`,
  ].join('\n');
  await h.ok('administrateur', 'claims.import', { csv: imported });
  const open = await h.ok('administrateur', 'claims.list', { status: 'ingediend', pageSize: 1000 });
  await h.ok('administrateur', 'claims.reject', {
    items: open.rows.map((c) => ({ id: c.id, version: c.version, reden: 'Buiten het contract' })),
  });

  // Inzet: one activity of both (before their contracts, so it prepares no claim); his export lists it without
  // Rahaf's name or what the newcomers asked.
  await h.ok('projectleider', 'inzet.save', {
    datum: '2023-12-15',
    minuten: 120,
    personIds: [zerihun, rahaf],
    partnerId: null,
    requestId: null,
    projectId: null,
    soort: 'groepsvoorlichting',
    gemeente: 'Utrecht',
    rollen: ['voorlichter'],
    leefgebieden: ['gezondheid'],
    bereikVolwassenen: 12,
    bereikKinderen: 0,
    bereikStatushouders: 10,
    bereikProfessionals: 0,
    herkomst: [{ waarde: 'hoorn_van_afrika', aantal: 12 }],
    talen: [{ waarde: 'Somalisch', aantal: 12 }],
    hulpvraag: ['gezondheidszorg'],
    hulpvraagNotitie: 'Inzet-vraag over de huisarts',
    doorverwijzing: ['huisarts'],
    uitkomst: null,
  });

  const doorgroei = (personId: string, richting: string, functie: string, land: string, portfolio: string) =>
    h.ok('begeleider', 'doorgroei.save', {
      personId,
      version: null,
      opleidingen: [{ land: 'herkomstland', niveau: 'hbo', richting, diploma: true, idw: 'ja' }],
      nederlands: [
        { vaardigheid: 'lezen', niveau: 'B1', examen: 'staatsexamen_nt2_i', examenDatum: '2023-11-20' },
        { vaardigheid: 'spreken', niveau: 'A2', examen: null, examenDatum: null },
      ],
      werkervaring: [{ functie, sector: 'Zorg', land, van: '2005-01-01', tot: '2012-06-30' }],
      portfolioTekst: portfolio,
    });
  await doorgroei(zerihun, personal.richting, personal.functie, 'Eritrea', personal.portfolio);
  await doorgroei(rahaf, other.richting, 'Advocaat', 'Syrië', other.portfolio);

  // Aanvragen: a request Zerihun was matched to, another that Rahaf was; availability and an absence each.
  const partner = await h.ok('projectleider', 'ketenpartners.save', {
    naam: 'GGD Utrecht',
    soort: 'ggd',
    telefoon: null,
    email: null,
  });
  const request = (omschrijving: string) =>
    h.ok('begeleider', 'aanvragen.save', {
      partnerId: partner.id,
      projectId: null,
      ontvangenOp: '2024-02-12',
      gewenstVan: null,
      gewenstTot: null,
      plaats: 'Utrecht',
      gemeente: 'Utrecht',
      talen: [{ taal: 'Amhaars', verplicht: true }],
      voorkeurGender: null,
      voorkeurHerkomst: null,
      leefgebieden: ['gezondheid'],
      soortHulp: 'huisbezoek',
      verwachteMinuten: 90,
      omschrijving,
    });
  const forZerihun = await request('Moeder met baby, uitleg consultatiebureau');
  await h.ok('projectleider', 'aanvragen.match', { ...forZerihun, personIds: [zerihun] });
  const forRahaf = await request('Gezin met vragen over school');
  await h.ok('projectleider', 'aanvragen.match', { ...forRahaf, personIds: [rahaf] });
  const availability = (personId: string, toelichting: string) =>
    h.ok('begeleider', 'aanvragen.saveAvailability', {
      personId,
      version: null,
      dagdelen: ['ma-avond', 'wo-middag'],
      eigenVervoer: true,
      ookGemeenten: ['Zeist'],
      toelichting,
    });
  await availability(zerihun, personal.beschikbaarheid);
  await availability(rahaf, other.beschikbaarheid);
  await h.ok('begeleider', 'aanvragen.addAbsence', {
    personId: zerihun,
    van: '2024-04-01',
    tot: '2024-04-14',
    reden: personal.afwezig,
  });
  await h.ok('begeleider', 'aanvragen.addAbsence', {
    personId: rahaf,
    van: '2024-05-01',
    tot: '2024-05-02',
    reden: null,
  });

  await h.ok('projectleider', 'persons.setStatus', {
    id: zerihun,
    version: 2,
    status: 'gestopt',
    datum: '2024-03-01',
    toelichting: personal.toelichting,
    uitstroom: { vervolg: 'betaald_werk', toelichting: personal.uitstroom },
  });
  return { zerihun, rahaf, naamgenoot, batchId: batch.id, cancelledBatchId: cancelled.id, ids };
}
