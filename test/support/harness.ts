import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, startCore } from '../../electron/core/app-core.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { Role } from '../../shared/roles.ts';
import { postgresCore } from './postgres-core.ts';

export const validIban = 'NL91ABNA0417164300';
export const password = 'correct paard batterij nietje';
/**
 * The database key of every test's data folder: a raw 256-bit key (SQLCipher's x'…' form), so the many opens skip
 * the passphrase's key derivation (some 0.2 s each). Passphrases are tested where they matter: start.spec.ts and
 * the backup from another installation.
 */
export const testKey = `x'${'5c0a'.repeat(16)}'`;

/**
 * The engine the harness runs the core on: the desk's SQLite file, or with SCHAKEL_TEST_ENGINE=postgres a database of
 * its own on the run's PostgreSQL (test/support/postgres.ts), so a test file can be run on either.
 */
export const testEngine = process.env.SCHAKEL_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A core on a fresh temporary data folder (or PostgreSQL database), with a clock the test can move. */
export async function harness(
  start = '2026-11-25T10:00:00.000Z',
  engine: 'sqlite' | 'postgres' = testEngine,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-test-'));
  let now = new Date(start);
  let idleMs = 0;
  const clocks = { clock: () => now, idleClock: () => idleMs };
  const core: Core =
    engine === 'postgres' ? await postgresCore(clocks) : await startCore(dir, { key: testKey, ...clocks });

  function call<N extends CallName>(
    client: string,
    name: N,
    input: CallInput<N>,
  ): Promise<Result<CallOutput<N>>> {
    return core.dispatcher.dispatch(name, input, client) as Promise<Result<CallOutput<N>>>;
  }
  async function ok<N extends CallName>(
    client: string,
    name: N,
    input: CallInput<N>,
  ): Promise<CallOutput<N>> {
    const r = await call(client, name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  /** The first account (administrateur + beheerder, client 'beheer') and one logged-in client per role. */
  async function withTeam() {
    const beheer = await ok('beheer', 'auth.setup', {
      organisatieNaam: 'Welzijn Oost',
      displayName: 'Bea Beheer',
      username: 'bea',
      password,
      role: 'administrateur',
    });
    const ids: Record<Role, string> = { administrateur: '', begeleider: '', projectleider: '' };
    for (const role of ['projectleider', 'begeleider', 'administrateur'] as const) {
      const saved = await ok('beheer', 'accounts.create', {
        displayName: `${role} Test`,
        username: role,
        role,
        isBeheerder: false,
        password,
      });
      ids[role] = saved.id;
      await ok(role, 'auth.login', { username: role, password });
    }
    return { beheerId: beheer.id, ids };
  }

  return {
    dir,
    core,
    call,
    ok,
    withTeam,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    /** Lets real time pass for the idle lock (business time, setNow, is apart from it). */
    idle: (minutes: number) => {
      idleMs += minutes * 60_000;
    },
    close: async () => {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof harness>>;

export function personInput(
  overrides: Partial<CallInput<'persons.create'>> = {},
): CallInput<'persons.create'> {
  return {
    voornaam: 'Şükrü',
    tussenvoegsel: null,
    achternaam: 'Çelik',
    roepnaam: null,
    geboortedatum: '1988-04-12',
    gender: 'man',
    herkomstland: 'Turkije',
    talen: [
      { taal: 'Turks', niveau: 'moedertaal' },
      { taal: 'Koerdisch (Kurmanci)', niveau: 'goed' },
    ],
    niveauNederlands: 'B1',
    straat: 'Kerkstraat',
    huisnummer: '12 A',
    postcode: '3511ab',
    plaats: 'Utrecht',
    gemeente: 'Utrecht',
    telefoon: '06 12345678',
    email: 'Sukru@example.org',
    iban: 'nl91 abna 0417 1643 00',
    bijstand: false,
    toestemmingNodig: false,
    toestemmingDatum: null,
    vogAfgiftedatum: null,
    vogVernieuwdatum: null,
    begeleiderId: null,
    notities: null,
    status: 'aangemeld',
    statusDatum: '2026-11-20',
    ...overrides,
  };
}

type VolunteerDraft = Extract<CallInput<'contracts.create'>, { vorm: 'vrijwilligersovereenkomst' }>;

/** A volunteer contract draft for 2026 on: €5 an hour, 23 ct a km, receipts reimbursed. */
export function volunteerContract(personId: string, overrides: Partial<VolunteerDraft> = {}): VolunteerDraft {
  return {
    personId,
    profileVersionId: null,
    vorm: 'vrijwilligersovereenkomst',
    velden: {},
    startdatum: '2026-01-01',
    einddatum: null,
    vergoedingEenheid: 'uur',
    vergoedingCents: 5_00,
    verwachtUrenPerMaand: 10,
    verwachteActiviteitenPerMaand: null,
    kmVergoedingCents: 23,
    verwachteKmPerMaand: 20,
    andereOrganisatiesPerMaandCents: 0,
    onkostenMetBon: true,
    waVerzekering: true,
    ongevallenVerzekering: true,
    verzekeringVia: null,
    vasteBegeleiderId: null,
    werktijden: null,
    bereikbaarheid: null,
    werktelefoon: false,
    scholing: null,
    opzegtermijnWeken: 2,
    ...overrides,
  };
}
