import type { CallInput, CallName } from '../../../shared/contract.ts';
import { dutchDate } from '../../../shared/dates.ts';
import { ageOn } from '../../../shared/format.ts';
import type { PersonStatus } from '../../../shared/persons.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Dispatcher } from '../dispatcher.ts';

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

/** Small deterministic generator, so the demo set is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

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

/**
 * Fills an empty database with a demo organisation through the dispatcher, exactly as users would: accounts, and
 * `count` sleutelpersonen with varied names, languages and statuses. Refuses a database that already has accounts.
 */
export async function seedDemo(dispatcher: Dispatcher, count = 180, today = dutchDate()): Promise<void> {
  const client = 'demo-seed';
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const r = await dispatcher.dispatch(name, input, client);
    if (!r.ok) throw new Error(`Demo-gegevens: ${name} mislukt: ${r.error.message}`);
    return r.value as { id: string; version: number };
  };
  const [first, ...others] = demoAccounts;
  if (!first) return;
  await call('auth.setup', {
    organisatieNaam: 'Stichting Welzijn Utrecht-Oost (demo)',
    displayName: first.displayName,
    username: first.username,
    password: demoPassword,
    role: first.role,
  });
  const begeleiders: string[] = [];
  for (const a of others) {
    const saved = await call('accounts.create', { ...a, password: demoPassword });
    if (a.role === 'begeleider') begeleiders.push(saved.id);
  }
  await call('auth.logout', {});
  await dispatcher.dispatch('auth.login', { username: 'marco', password: demoPassword }, client);

  const profiles = (await dispatcher.dispatch('profiles.list', {}, client)) as {
    ok: true;
    value: { id: string }[];
  };
  const starter = (await dispatcher.dispatch('profiles.get', { id: profiles.value[0]?.id }, client)) as {
    ok: true;
    value: { current: { versionId: string } };
  };
  const profileVersionId = starter.value.current.versionId;
  const rnd = random(20261125);
  const year = Number(today.slice(0, 4));
  const used = new Set<string>();
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
    const person = await call('persons.create', {
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
    });
    if (status === 'actief' || status === 'gepauzeerd') {
      await demoContract(
        call,
        rnd,
        { id: person.id, geboortedatum },
        profileVersionId,
        `${statusYear}-${statusMonth}-${day}`,
        today,
      );
    }
  }
  await call('auth.logout', {});
}

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<{ id: string; version: number }>;

/** A volunteer contract from the starter profile, made definitief and mostly signed, as most active people have. */
async function demoContract(
  call: Call,
  rnd: ReturnType<typeof random>,
  person: { id: string; geboortedatum: string },
  profileVersionId: string,
  since: string,
  today: string,
): Promise<void> {
  const startdatum = since > today ? today : since;
  // Within the fiscal limits: the under-21 hourly maximum is lower.
  const young = ageOn(person.geboortedatum, startdatum) < 21;
  const year = Number(today.slice(0, 4));
  const saved = await call('contracts.create', {
    personId: person.id,
    profileVersionId,
    vorm: 'vrijwilligersovereenkomst',
    velden: {
      uren_per_week: rnd.int(4, 12),
      gemeente: rnd.pick(places).gemeente,
      doelgroep: rnd.pick([
        'Statushouders en hun gezinnen',
        'Nieuwkomers in de wijk',
        'Ouders van jonge kinderen',
      ]),
      talen: ['Nederlands'],
    },
    startdatum,
    einddatum: rnd.next() < 0.3 ? `${year}-${String(rnd.int(12, 12)).padStart(2, '0')}-31` : null,
    vergoedingEenheid: 'uur',
    vergoedingCents: young ? 3_00 : rnd.pick([4_00, 5_00, 5_50]),
    verwachtUrenPerMaand: rnd.int(12, 30),
    verwachteActiviteitenPerMaand: null,
    kmVergoedingCents: rnd.next() < 0.5 ? 23 : 0,
    verwachteKmPerMaand: rnd.int(0, 60),
    andereOrganisatiesPerMaandCents: 0,
    onkostenMetBon: true,
    waVerzekering: true,
    ongevallenVerzekering: true,
    verzekeringVia: null,
    vasteBegeleiderId: null,
    werktijden: null,
    bereikbaarheid: null,
    werktelefoon: rnd.next() < 0.4,
    scholing: null,
    opzegtermijnWeken: 2,
  });
  const final = await call('contracts.finalize', {
    id: saved.id,
    version: saved.version,
    fiscaleReden: null,
    bevestigOverlap: false,
  });
  if (rnd.next() < 0.85) await call('contracts.sign', { id: saved.id, version: final.version, datum: today });
}
