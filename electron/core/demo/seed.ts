import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import { dutchDate } from '../../../shared/dates.ts';
import { ageOn } from '../../../shared/format.ts';
import type { PersonStatus } from '../../../shared/persons.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { type DemoPerson, seedGuidance } from './activity.ts';
import { seedClaims } from './claims-activity.ts';
import { seedDoorgroei } from './doorgroei-activity.ts';
import { type Random, random } from './random.ts';
import { seedScholing } from './scholing-activity.ts';
import { approveInzetClaims, seedWork } from './work-activity.ts';

/** Groups the pool is drawn from: names, country, languages, as an organisation in the Netherlands might have. */
const origins = [
  {
    land: 'Syrië',
    voornamen: ['Amira', 'Rania', 'Hiba', 'Omar', 'Khaled', 'Yousef', 'Lina', 'Rama', 'Tariq', 'Nour'],
    achternamen: ['Al-Hassan', 'Haddad', 'Khoury', 'Al-Masri', 'Darwish', 'Sabbagh', 'Nasser'],
    talen: ['Arabisch', 'Koerdisch (Kurmanci)', 'Engels'],
  },
  {
    land: 'Eritrea',
    voornamen: ['Senait', 'Yonas', 'Helen', 'Semere', 'Luwam', 'Filmon', 'Selam', 'Aron'],
    achternamen: ['Tesfay', 'Ghebremedhin', 'Haile', 'Kidane', 'Berhane', 'Woldu'],
    talen: ['Tigrinya', 'Amhaars', 'Arabisch'],
  },
  {
    land: 'Afghanistan',
    voornamen: ['Farid', 'Zahra', 'Mursal', 'Ahmad', 'Fatima', 'Habib', 'Shabnam', 'Wahid'],
    achternamen: ['Ahmadi', 'Rahimi', 'Karimi', 'Noori', 'Sultani', 'Haidari'],
    talen: ['Dari', 'Pashto', 'Farsi'],
  },
  {
    land: 'Iran',
    voornamen: ['Shirin', 'Dariush', 'Parisa', 'Reza', 'Leila', 'Kaveh', 'Mahsa'],
    achternamen: ['Mohammadi', 'Hosseini', 'Rezaei', 'Tehrani', 'Jafari'],
    talen: ['Farsi', 'Engels'],
  },
  {
    land: 'Turkije',
    voornamen: ['Şükrü', 'Ayşe', 'Gülşen', 'Mehmet', 'Özlem', 'İbrahim', 'Çiğdem', 'Erdoğan', 'Büşra'],
    achternamen: ['Çelik', 'Yılmaz', 'Öztürk', 'Şahin', 'Doğan', 'Aydın', 'Güneş'],
    talen: ['Turks', 'Koerdisch (Kurmanci)'],
  },
  {
    land: 'Somalië',
    voornamen: ['Hodan', 'Abdi', 'Faadumo', 'Mohamed', 'Ifrah', 'Warsame', 'Sahra'],
    achternamen: ['Warsame', 'Hussein', 'Abdullahi', 'Farah', 'Osman', 'Jama'],
    talen: ['Somalisch', 'Arabisch', 'Engels'],
  },
  {
    land: 'Oekraïne',
    voornamen: ['Olena', 'Oksana', 'Dmytro', 'Iryna', 'Andriy', 'Kateryna', 'Yuliia', 'Serhiy'],
    achternamen: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchuk', 'Melnyk'],
    talen: ['Oekraïens', 'Russisch', 'Engels'],
  },
  {
    land: 'Polen',
    voornamen: ['Małgorzata', 'Łukasz', 'Agnieszka', 'Paweł', 'Zofia', 'Wojciech', 'Katarzyna'],
    achternamen: ['Wiśniewska', 'Kowalczyk', 'Zieliński', 'Wójcik', 'Dąbrowski', 'Lewandowska'],
    talen: ['Pools', 'Engels'],
  },
  {
    land: 'Vietnam',
    voornamen: ['Hương', 'Minh', 'Thảo', 'Đức', 'Lan', 'Quang'],
    achternamen: ['Nguyễn Thị', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Nguyễn Văn'],
    talen: ['Vietnamees', 'Engels'],
  },
  {
    land: 'Marokko',
    voornamen: ['Fatima', 'Youssef', 'Samira', 'Mustafa', 'Naima', 'Hamid'],
    achternamen: ['el Amrani', 'Bouzid', 'Benali', 'el Idrissi', 'Ouali'],
    talen: ['Arabisch', 'Berbers (Tamazight)', 'Frans'],
  },
];

const places = [
  { plaats: 'Utrecht', gemeente: 'Utrecht', pc: 35 },
  { plaats: 'Amersfoort', gemeente: 'Amersfoort', pc: 38 },
  { plaats: 'Nieuwegein', gemeente: 'Nieuwegein', pc: 34 },
  { plaats: 'Zeist', gemeente: 'Zeist', pc: 37 },
  { plaats: 'Houten', gemeente: 'Houten', pc: 39 },
  { plaats: 'Veenendaal', gemeente: 'Veenendaal', pc: 39 },
];
const streets = [
  'Kerkstraat',
  'Dorpsstraat',
  'Julianalaan',
  'Molenweg',
  'Lindenlaan',
  'Oranjestraat',
  'Vlierweg',
];
const statuses: PersonStatus[] = [
  'aangemeld',
  'intake',
  'actief',
  'actief',
  'actief',
  'actief',
  'gepauzeerd',
  'gestopt',
];
const levels = ['moedertaal', 'vloeiend', 'goed', 'redelijk'] as const;
const cefr = ['A2', 'B1', 'B1', 'B2', 'B2', 'C1'] as const;

/** A valid Dutch test IBAN from a bank code and a number: MOD-97 computed, never a real person's account. */
function dutchIban(bank: string, account: number): string {
  const bban = `${bank}${String(account).padStart(10, '0')}`;
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`;
}

export const demoPassword = 'demo-wachtwoord-2026';
/** The demo folder holds only made-up people, so its database key is fixed and printed at start. */
export const demoPassphrase = 'demo-sleutel-2026';
export const demoAccounts: { username: string; displayName: string; role: Role; isBeheerder: boolean }[] = [
  { username: 'annelies', displayName: 'Annelies de Vries', role: 'administrateur', isBeheerder: true },
  { username: 'marco', displayName: 'Marco Jansen', role: 'projectleider', isBeheerder: false },
  { username: 'samira', displayName: 'Samira Bouali', role: 'begeleider', isBeheerder: false },
  { username: 'pieter', displayName: 'Pieter van Dijk', role: 'begeleider', isBeheerder: false },
  { username: 'esther', displayName: 'Esther Kramer', role: 'begeleider', isBeheerder: false },
  { username: 'johan', displayName: 'Johan Smit', role: 'administrateur', isBeheerder: false },
];

/** The demo organisation: its own bank account (the IBAN of the Dutch IBAN example) and address on its letters. */
export const demoOrganisation = {
  naam: 'Stichting Welzijn Utrecht-Oost (demo)',
  straat: 'Vlierweg',
  huisnummer: '12',
  postcode: '3572 BK',
  plaats: 'Utrecht',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
} as const;

/** A dispatcher call as one logged-in client makes it; a refusal stops the seed with the call's Dutch message. */
export type DemoCall = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

/** The calls of `username` on a client key of its own, so each account acts as itself through the dispatcher. */
function callsAs(dispatcher: Dispatcher, username: string): DemoCall {
  const client = `demo-seed-${username}`;
  return async (name, input) => {
    const r = await dispatcher.dispatch(name, input, client);
    if (!r.ok) throw new Error(`Demo-gegevens: ${name} (${username}) mislukt: ${r.error.message}`);
    return r.value as CallOutput<typeof name>;
  };
}

async function demoSession(dispatcher: Dispatcher, username: string): Promise<DemoCall> {
  const call = callsAs(dispatcher, username);
  await call('auth.login', { username, password: demoPassword });
  return call;
}

/**
 * Fills an empty database with a demo organisation through the dispatcher, exactly as users would, each account
 * logged in as itself: accounts and the organisation's details, `count` sleutelpersonen with varied names,
 * languages and statuses, contracts for the active ones, then what each role works with (POPs, begeleidingslog,
 * signals, intervisie, scholing, claims in every state and payout batches; see activity.ts). Deterministic: the same
 * `count` and `today` give the same set on every machine. Refuses a database that already has accounts.
 */
export async function seedDemo(dispatcher: Dispatcher, count = 180, today = dutchDate()): Promise<void> {
  const [first, ...others] = demoAccounts;
  if (!first) return;
  // The first account is beheerder and stays logged in: it sets up the organisation and, as administrateur,
  // later handles the claims.
  const beheerder = callsAs(dispatcher, first.username);
  await beheerder('auth.setup', {
    organisatieNaam: demoOrganisation.naam,
    displayName: first.displayName,
    username: first.username,
    password: demoPassword,
    role: first.role,
  });
  // Before any contract is printed: the letterhead carries the address, and payouts need the IBAN.
  const { version, vergrendelenNaMinuten } = await beheerder('settings.get', {});
  await beheerder('settings.update', {
    version,
    vergrendelenNaMinuten,
    ...demoOrganisation,
    kvkNummer: null,
    logo: null,
  });
  const accountIds = new Map<string, string>();
  for (const a of others) {
    const saved = await beheerder('accounts.create', { ...a, password: demoPassword });
    accountIds.set(a.username, saved.id);
  }
  const begeleiders = others
    .filter((a) => a.role === 'begeleider')
    .map((a) => accountIds.get(a.username) ?? '');
  const projectleider = await demoSession(dispatcher, 'marco');

  const profiles = await projectleider('profiles.list', {});
  const starter = await projectleider('profiles.get', { id: profiles[0]?.id ?? '' });
  const profileVersionId = starter.current.versionId;
  const rnd = random(20261125);
  const year = Number(today.slice(0, 4));
  const used = new Set<string>();
  const people: DemoPerson[] = [];
  // Making a contract definitief renders its PDF in a worker thread: those run on while the next people are
  // entered, and are all awaited before anything needs the contracts.
  const finalizing: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    let origin = rnd.pick(origins);
    let voornaam = rnd.pick(origin.voornamen);
    let achternaam = rnd.pick(origin.achternamen);
    // A pool has few namesakes: draw again (a bounded number of times) when the name is taken.
    for (let tries = 0; used.has(`${voornaam} ${achternaam}`) && tries < 20; tries++) {
      origin = rnd.pick(origins);
      voornaam = rnd.pick(origin.voornamen);
      achternaam = rnd.pick(origin.achternamen);
    }
    used.add(`${voornaam} ${achternaam}`);
    const place = rnd.pick(places);
    const [main, ...rest] = origin.talen;
    const talen = [
      { taal: main as string, niveau: 'moedertaal' as const },
      ...rest.filter(() => rnd.next() < 0.5).map((taal) => ({ taal, niveau: rnd.pick(levels.slice(1)) })),
    ];
    const bijstand = rnd.next() < 0.3;
    const status = rnd.pick(statuses);
    const month = String(rnd.int(1, 12)).padStart(2, '0');
    const day = String(rnd.int(1, 28)).padStart(2, '0');
    const recent = status === 'aangemeld' || status === 'intake';
    const statusYear = recent ? year : rnd.int(year - 3, year - 1);
    const statusMonth = recent
      ? String(rnd.int(1, Math.max(1, Number(today.slice(5, 7)) - 1))).padStart(2, '0')
      : month;
    const geboortedatum = `${rnd.int(1965, 2005)}-${month}-${day}`;
    const input: CallInput<'persons.create'> = {
      voornaam,
      tussenvoegsel: null,
      achternaam,
      roepnaam: null,
      geboortedatum,
      gender: rnd.next() < 0.55 ? 'vrouw' : rnd.next() < 0.95 ? 'man' : 'anders',
      herkomstland: origin.land,
      talen,
      niveauNederlands: rnd.pick(cefr),
      straat: rnd.pick(streets),
      huisnummer: String(rnd.int(1, 180)),
      postcode: `${place.pc}${rnd.int(10, 99)} ${rnd.pick(['AB', 'BK', 'CD', 'GH', 'KL', 'MN', 'PR', 'TV'])}`,
      plaats: place.plaats,
      gemeente: place.gemeente,
      telefoon: `06 ${rnd.int(10000000, 99999999)}`,
      email: `${voornaam}.${achternaam}`
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z.]/g, '')
        .concat(`${i}@example.org`),
      iban:
        rnd.next() < 0.85
          ? dutchIban(rnd.pick(['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO']), rnd.int(10000000, 999999999))
          : null,
      bijstand,
      toestemmingNodig: bijstand && rnd.next() < 0.7,
      toestemmingDatum: bijstand && rnd.next() < 0.5 ? `${year - 1}-${month}-${day}` : null,
      vogAfgiftedatum: rnd.next() < 0.6 ? `${rnd.int(year - 4, year)}-${month}-${day}` : null,
      begeleiderId: status === 'aangemeld' ? null : rnd.pick(begeleiders),
      notities: null,
      status,
      statusDatum: `${statusYear}-${statusMonth}-${day}`,
    };
    const person = await projectleider('persons.create', input);
    const contract =
      status === 'actief' || status === 'gepauzeerd'
        ? await demoContract(
            projectleider,
            rnd,
            { id: person.id, geboortedatum },
            profileVersionId,
            `${statusYear}-${statusMonth}-${day}`,
            today,
          )
        : null;
    if (contract) finalizing.push(contract.finalized);
    people.push({
      id: person.id,
      naam: `${voornaam} ${achternaam}`,
      status,
      statusDatum: input.statusDatum,
      begeleiderId: (input.begeleiderId as string | null | undefined) ?? null,
      geboortedatum,
      iban: input.iban !== null,
      toestemmingOntbreekt: input.toestemmingNodig && !input.toestemmingDatum,
      talen: talen.map((t) => t.taal),
      gemeente: place.gemeente,
      contract: contract && {
        startdatum: contract.startdatum,
        uurCents: contract.uurCents,
        kmCents: contract.kmCents,
      },
    });
  }
  const sessions = new Map<string, DemoCall>([
    [first.username, beheerder],
    ['marco', projectleider],
  ]);
  const guides: { id: string; call: DemoCall }[] = [];
  for (const a of others.filter((o) => o.role === 'begeleider')) {
    const call = await demoSession(dispatcher, a.username);
    sessions.set(a.username, call);
    guides.push({ id: accountIds.get(a.username) ?? '', call });
  }
  // The begeleiders' work needs no contracts: it is entered while their PDFs are still being rendered.
  const guidance = seedGuidance(guides, people, today);
  guidance.catch(() => {});
  // Settled, not all: a refusal is thrown only once all has finished, nothing left running unawaited.
  const outcomes = await Promise.allSettled([guidance, ...finalizing]);
  const refused = outcomes.find((o) => o.status === 'rejected');
  if (refused) throw refused.reason;
  await seedDoorgroei(projectleider, people, today);
  const [firstGuide] = guides;
  if (firstGuide) await seedScholing(firstGuide.call, people, today);
  await seedClaims(beheerder, people, today);
  await seedWork(projectleider, people, today);
  await approveInzetClaims(beheerder);
  for (const call of sessions.values()) await call('auth.logout', {});
}

/**
 * A volunteer contract from the starter profile, made definitief and mostly signed, as most active people have.
 * Every draw from `rnd` is made before it returns; making it definitief and signing it go on in `finalized`.
 */
async function demoContract(
  call: DemoCall,
  rnd: Random,
  person: { id: string; geboortedatum: string },
  profileVersionId: string,
  since: string,
  today: string,
): Promise<{ startdatum: string; uurCents: number; kmCents: number; finalized: Promise<void> }> {
  const startdatum = since > today ? today : since;
  // Within the fiscal limits: the under-21 hourly maximum is lower.
  const young = ageOn(person.geboortedatum, startdatum) < 21;
  const year = Number(today.slice(0, 4));
  const velden = {
    uren_per_week: rnd.int(4, 12),
    gemeente: rnd.pick(places).gemeente,
    doelgroep: rnd.pick([
      'Statushouders en hun gezinnen',
      'Nieuwkomers in de wijk',
      'Ouders van jonge kinderen',
    ]),
    talen: ['Nederlands'],
  };
  const einddatum = rnd.next() < 0.3 ? `${year}-${String(rnd.int(12, 12)).padStart(2, '0')}-31` : null;
  const vergoedingCents = young ? 3_00 : rnd.pick([4_00, 5_00, 5_50]);
  const verwachtUrenPerMaand = rnd.int(12, 30);
  const kmVergoedingCents = rnd.next() < 0.5 ? 23 : 0;
  const verwachteKmPerMaand = rnd.int(0, 60);
  const werktelefoon = rnd.next() < 0.4;
  const signed = rnd.next() < 0.85;
  const saved = await call('contracts.create', {
    personId: person.id,
    profileVersionId,
    vorm: 'vrijwilligersovereenkomst',
    velden,
    startdatum,
    einddatum,
    vergoedingEenheid: 'uur',
    vergoedingCents,
    verwachtUrenPerMaand,
    verwachteActiviteitenPerMaand: null,
    kmVergoedingCents,
    verwachteKmPerMaand,
    andereOrganisatiesPerMaandCents: 0,
    onkostenMetBon: true,
    waVerzekering: true,
    ongevallenVerzekering: true,
    verzekeringVia: null,
    vasteBegeleiderId: null,
    werktijden: null,
    bereikbaarheid: null,
    werktelefoon,
    scholing: null,
    opzegtermijnWeken: 2,
  });
  const finalized = (async () => {
    const final = await call('contracts.finalize', {
      id: saved.id,
      version: saved.version,
      fiscaleReden: null,
      bevestigOverlap: false,
    });
    if (signed) await call('contracts.sign', { id: saved.id, version: final.version, datum: today });
  })();
  // Handled here so that a refusal is never unhandled while the seed goes on; seedDemo rethrows it.
  finalized.catch(() => {});
  return { startdatum, uurCents: vergoedingCents, kmCents: kmVergoedingCents, finalized };
}
