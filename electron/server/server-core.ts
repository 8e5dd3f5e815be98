/**
 * The Schakel server's core: the same migrations, dispatcher and calls as a desk, on PostgreSQL (an existing one by
 * URL, or one started from the embedded binaries in the data folder), with the change feed installed and the
 * desks' push and pull wired to it. Data, command log and change feed are in PostgreSQL, so several processes may
 * serve one database (given the same certificate; the throttles of wrong codes and passwords are per process).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionAccount } from '../../shared/roles.ts';
import { Dispatcher } from '../core/dispatcher.ts';
import { Sessions } from '../core/sessions.ts';
import { type RunningPostgres, startEmbeddedPostgres } from '../core/store/embedded-postgres.ts';
import { openPostgresStore } from '../core/store/postgres.ts';
import type { PostgresStore } from '../core/store/store.ts';
import { installChangeCapture } from '../core/sync/change-feed.ts';
import { pullChanges } from '../core/sync/server-pull.ts';
import { applyPush } from '../core/sync/server-push.ts';
import type { SyncServices } from './sync-routes.ts';

export interface ServerCoreOptions {
  dataDir: string;
  /** An existing PostgreSQL database; without it, the embedded one in `dataDir/postgres`. */
  databaseUrl?: string;
  clock?: () => Date;
  logError?: (thrown: unknown, reference: string) => void;
}

export interface ServerCore {
  store: PostgresStore;
  dispatcher: Dispatcher;
  services: SyncServices;
  /** The embedded PostgreSQL, when the server started one. */
  postgres: RunningPostgres | null;
  close(): Promise<void>;
}

/** The database the embedded PostgreSQL keeps the organisation in. */
const databaseName = 'schakel';

async function databaseUrlOf(
  options: ServerCoreOptions,
): Promise<{ url: string; postgres: RunningPostgres | null }> {
  if (options.databaseUrl) return { url: options.databaseUrl, postgres: null };
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // Run as root, PostgreSQL runs as the postgres user, who must pass through the data folder (not read it).
  if (os.userInfo().uid === 0) fs.chmodSync(options.dataDir, fs.statSync(options.dataDir).mode | 0o001);
  const postgres = await startEmbeddedPostgres(path.join(options.dataDir, 'postgres'));
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`create database ${databaseName}`);
  } finally {
    await admin.end();
  }
  return { url: postgres.urlOf(databaseName), postgres };
}

export async function startServerCore(options: ServerCoreOptions): Promise<ServerCore> {
  const clock = options.clock ?? (() => new Date());
  const { url, postgres } = await databaseUrlOf(options);
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
    // Receipts and printed PDFs still travel inside their rows; the blob route answers none yet.
    blob: async () => null,
  };
  return {
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
