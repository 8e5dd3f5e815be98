/**
 * The Schakel server's core: the same migrations, dispatcher and calls as a desk, on PostgreSQL (an existing one by
 * URL, or one started from the embedded binaries in the data folder), with the change feed installed and the
 * desks' push and pull wired to it. Data, command log and change feed are in PostgreSQL, so several processes may
 * serve one database (given the same certificate); the limits on wrong codes and passwords are kept there too.
 */
import type { SessionAccount } from '../../shared/roles.ts';
import { Dispatcher } from '../core/dispatcher.ts';
import { Sessions } from '../core/sessions.ts';
import type { RunningPostgres } from '../core/store/embedded-postgres.ts';
import { openPostgresStore } from '../core/store/postgres.ts';
import type { PostgresStore } from '../core/store/store.ts';
import { installChangeCapture } from '../core/sync/change-feed.ts';
import { blobFor } from '../core/sync/server-blob.ts';
import { pullChanges } from '../core/sync/server-pull.ts';
import { applyPush } from '../core/sync/server-push.ts';
import { serverDatabase } from './server-database.ts';
import type { SyncServices } from './sync-routes.ts';

export interface ServerCoreOptions {
  dataDir: string;
  /** An existing PostgreSQL database; without it, the embedded one in `dataDir/postgres`. */
  databaseUrl?: string;
  clock?: () => Date;
  logError?: (thrown: unknown, reference: string) => void;
}

export interface ServerCore {
  /** The database's URL, with its password (for a connection of the server's own, never for a message). */
  url: string;
  store: PostgresStore;
  dispatcher: Dispatcher;
  services: SyncServices;
  /** The embedded PostgreSQL, when the server started one. */
  postgres: RunningPostgres | null;
  close(): Promise<void>;
}

export async function startServerCore(options: ServerCoreOptions): Promise<ServerCore> {
  const clock = options.clock ?? (() => new Date());
  const { url, postgres } = await serverDatabase(options);
  let store: PostgresStore;
  try {
    store = await openPostgresStore(url, { now: clock().toISOString() });
    await installChangeCapture(store.db);
  } catch (err) {
    await postgres?.stop();
    throw err;
  }
  const dispatcher = new Dispatcher({
    store,
    sessions: new Sessions(),
    clock,
    ...(options.logError
      ? { logError: (_call, thrown, reference) => options.logError?.(thrown, reference) }
      : {}),
  });
  const services: SyncServices = {
    push: (account: SessionAccount, deviceId: string, commands) =>
      applyPush({ dispatcher, db: store.db, clock }, { account, deviceId }, commands),
    pull: (account, since, limit) => pullChanges(store.db, account, since, limit),
    blob: (account, sha256) => blobFor(store.db, account, sha256),
    beheer: (account, call, input) => dispatcher.dispatchAs(account, call, input),
  };
  return {
    url,
    store,
    dispatcher,
    services,
    postgres,
    close: async () => {
      await store.close();
      await postgres?.stop();
    },
  };
}
