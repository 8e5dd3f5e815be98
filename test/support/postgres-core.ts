/**
 * The core as the harness offers it, on a copy of the migrated template on the run's PostgreSQL: the same
 * dispatcher and calls, with no data folder. What only the desk has (the SQLite handle, the backups of the data
 * folder, the application log) is not there: a test that reaches for it fails on PostgreSQL, saying so.
 */
import type { Core } from '../../electron/core/app-core.ts';
import { Dispatcher } from '../../electron/core/dispatcher.ts';
import { Sessions } from '../../electron/core/sessions.ts';
import { openPostgresStore } from '../../electron/core/store/postgres.ts';
import { postgresDatabase } from './postgres.ts';

export async function postgresCore(clocks: { clock: () => Date; idleClock: () => number }): Promise<Core> {
  const database = await postgresDatabase({ migrated: true });
  const store = await openPostgresStore(database.url, { now: clocks.clock().toISOString() });
  const dispatcher = new Dispatcher({
    store,
    sessions: new Sessions(),
    ...clocks,
    // An internal error shows its cause in the test's output; the desk writes it to its log file instead.
    logError: (call, thrown, reference) => console.error(`${call} (${reference})`, thrown),
  });
  const sqliteOnly = (what: string) => () => {
    throw new Error(`${what} is SQLite-only: this test cannot run on PostgreSQL`);
  };
  // A Core's store and backups are the desk's; on PostgreSQL they are refused the moment a test touches them.
  return Object.defineProperties(
    {
      dispatcher,
      close: async () => {
        await store.close();
        await database.drop();
      },
    },
    {
      store: {
        get: () =>
          new Proxy(store, {
            get: (target, key) =>
              key === 'sqlite' || key === 'file' ? sqliteOnly(`store.${key}`)() : Reflect.get(target, key),
          }),
      },
      backups: { get: sqliteOnly('core.backups') },
      log: { get: sqliteOnly('core.log') },
    },
  ) as unknown as Core;
}
