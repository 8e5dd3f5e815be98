/**
 * A team as issue 13 has it, with real parts: a desk (the SQLite harness, where calls are made and recorded as
 * commands) and two Schakel server processes on one PostgreSQL database of the run's server, with the change
 * capture installed and an account per role.
 */
import { v7 } from 'uuid';
import { Dispatcher } from '../../electron/core/dispatcher.ts';
import { Sessions } from '../../electron/core/sessions.ts';
import { openPostgresStore } from '../../electron/core/store/postgres.ts';
import type { PostgresStore } from '../../electron/core/store/store.ts';
import { installChangeCapture } from '../../electron/core/sync/change-feed.ts';
import type { Pusher } from '../../electron/core/sync/server-push.ts';
import type { CallInput, CallName } from '../../shared/contract.ts';
import type { Role, SessionAccount } from '../../shared/roles.ts';
import type { PushedCommand } from '../../shared/sync.ts';
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
