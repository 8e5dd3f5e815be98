/**
 * A team as issue 13 has it, with real parts: a desk (the SQLite harness, where calls are made and recorded as
 * commands) and two Schakel server processes on one PostgreSQL database of the run's server, with the change
 * capture installed and an account per role; or the whole server (core and HTTPS front) in the test's process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { v7 } from 'uuid';
import { Dispatcher } from '../../electron/core/dispatcher.ts';
import { Sessions } from '../../electron/core/sessions.ts';
import { openPostgresStore } from '../../electron/core/store/postgres.ts';
import type { DB } from '../../electron/core/store/schema.ts';
import type { PostgresStore } from '../../electron/core/store/store.ts';
import { installChangeCapture } from '../../electron/core/sync/change-feed.ts';
import { type DeskCredentials, serverClient } from '../../electron/core/sync/server-client.ts';
import type { Pusher } from '../../electron/core/sync/server-push.ts';
import { startServerCore } from '../../electron/server/server-core.ts';
import { startSchakelServer } from '../../electron/server/start-server.ts';
import type { CallInput, CallName } from '../../shared/contract.ts';
import type { Role, SessionAccount } from '../../shared/roles.ts';
import type { PairingCode, PushedCommand } from '../../shared/sync.ts';
import { harness, password } from './harness.ts';
import { postgresDatabase } from './postgres.ts';

const serverNames: Record<Role, string> = {
  projectleider: 'Priya Projectleider',
  begeleider: 'Bram Begeleider',
  administrateur: 'Ada Administrateur',
};

/**
 * A desk (the SQLite harness with a team) whose calls are recorded as the commands it pushes: the input and the
 * time and ids its audit entry keeps. Its clock starts at `start` and moves a second per call.
 */
/**
 * Forgets the server's record of failed guesses (stored-login-throttle.ts), kept in the database for every server
 * process: a test that does not look at those limits starts from none, whatever the tests before it guessed.
 */
export async function forgetFailedGuesses(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sync_login_failures').where('key', '!=', '*').execute();
  await db.deleteFrom('sync_login_attempts').execute();
}

export async function commandDesk(start = '2026-04-30T14:00:00.000Z') {
  const desk = await harness(start, 'sqlite');
  await desk.withTeam();
  let deskSeconds = 0;
  /** A call made on the desk, as the desk pushes it: its input, and the time and ids its audit entry keeps. */
  async function madeOnDesk<N extends CallName>(
    role: Role,
    name: N,
    input: CallInput<N>,
  ): Promise<PushedCommand> {
    // A second apart, so the call's audit entry is the newest.
    desk.setNow(new Date(Date.parse(start) + ++deskSeconds * 1000).toISOString());
    await desk.ok(role, name, input);
    const entry = await desk.core.store.db
      .selectFrom('audit_log')
      .select(['input', 'context'])
      .where('call', '=', name)
      .where('input', '!=', 'null')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    const context = JSON.parse(entry.context) as { now: string; ids: string[] };
    return { id: v7(), call: name, input: JSON.parse(entry.input), ...context };
  }
  return { desk, madeOnDesk };
}

export async function syncTeam() {
  const { desk, madeOnDesk } = await commandDesk();

  const database = await postgresDatabase({ migrated: true });
  const clock = () => new Date('2026-05-01T09:00:00.000Z');
  const stores: PostgresStore[] = [];
  const dispatchers: Dispatcher[] = [];
  for (let i = 0; i < 2; i++) {
    const store = await openPostgresStore(database.url, { now: clock().toISOString() });
    stores.push(store);
    dispatchers.push(
      new Dispatcher({
        store,
        sessions: new Sessions(),
        clock,
        logError: (call, thrown, reference) => console.error(`${call} (${reference})`, thrown),
      }),
    );
  }
  const first = dispatchers[0] as Dispatcher;
  await installChangeCapture(first.store.db);
  const setup = async (client: string, name: CallName, input: unknown) => {
    const r = await first.dispatch(name, input, client);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  await setup('beheer', 'auth.setup', {
    organisatieNaam: 'Welzijn Oost',
    displayName: 'Bea Beheer',
    username: 'bea',
    password,
    role: 'administrateur',
  });
  const pushers = {} as Record<Role, Pusher>;
  for (const role of ['projectleider', 'begeleider', 'administrateur'] as const) {
    await setup('beheer', 'accounts.create', {
      displayName: serverNames[role],
      username: role,
      role,
      isBeheerder: false,
      password,
    });
    await setup(role, 'auth.login', { username: role, password });
    pushers[role] = {
      account: (await setup(role, 'auth.me', {})) as SessionAccount,
      deviceId: `desk-${role}`,
    };
  }

  return {
    desk,
    madeOnDesk,
    pushers,
    /** Server process 0 or 1, as the push and pull services take it. */
    server: (i = 0) => ({
      dispatcher: dispatchers[i] as Dispatcher,
      db: (stores[i] as PostgresStore).db,
      clock,
    }),
    close: async () => {
      await desk.close();
      for (const store of stores) await store.close();
      await database.drop();
    },
  };
}
export type SyncTeam = Awaited<ReturnType<typeof syncTeam>>;

/**
 * The Schakel server in the test's own process, as `scripts/schakel server` wires it: its core (migrations, change
 * capture, push, pull) on a database of its own on the run's PostgreSQL and its HTTPS front on 127.0.0.1, with a
 * clock the test moves. Set up with the first account (bea, administrateur and beheerder, client 'beheer') and one
 * account per role (named after it); `pairedDesk` pairs a desk and signs a user in on it.
 */
export async function inProcessServer(start = '2026-06-01T12:00:00.000Z') {
  const database = await postgresDatabase({ migrated: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-server-'));
  let now = new Date(start);
  const clock = () => now;
  /** Unexpected failures the server logged (an internal error): a test of bad input expects none. */
  const internalErrors: unknown[] = [];
  const logError = (thrown: unknown, reference: string) => {
    internalErrors.push(thrown);
    console.error(`server (${reference})`, thrown);
  };
  const core = await startServerCore({ dataDir, databaseUrl: database.url, clock, logError });
  const front = await startSchakelServer({
    dataDir,
    db: core.store.db,
    services: core.services,
    host: '127.0.0.1',
    clock,
    logError,
  });
  const listening = { url: `https://127.0.0.1:${front.port}`, fingerprint: front.fingerprint };
  const client = serverClient(listening);
  const setup = async (name: CallName, input: unknown) => {
    const r = await core.dispatcher.dispatch(name, input, 'beheer');
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  await setup('auth.setup', {
    organisatieNaam: 'Welzijn Oost',
    displayName: 'Bea Beheer',
    username: 'bea',
    password,
    role: 'administrateur',
  });
  for (const role of ['projectleider', 'begeleider', 'administrateur'] as const) {
    await setup('accounts.create', {
      displayName: serverNames[role],
      username: role,
      role,
      isBeheerder: false,
      password,
    });
  }

  /** A desk paired with a code the beheerder made now, and `username` signed in on it. */
  async function pairedDesk(username: string, naam = `Laptop ${username}`): Promise<DeskCredentials> {
    const { code } = (await setup('sync.pairingCode', {})) as PairingCode;
    const paired = await client.pair({ code, naam });
    if (!paired.ok) throw new Error(paired.error.message);
    const desk = { deviceId: paired.value.deviceId, deviceKey: paired.value.deviceKey };
    const signedIn = await client.signIn(desk, { username, password });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    return { ...desk, userToken: signedIn.value.token };
  }

  return {
    core,
    db: core.store.db,
    listening,
    internalErrors,
    client,
    /** A call as the beheerder on the server (client 'beheer'). */
    beheer: setup,
    pairedDesk,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    close: async () => {
      await front.close();
      await core.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type InProcessServer = Awaited<ReturnType<typeof inProcessServer>>;
