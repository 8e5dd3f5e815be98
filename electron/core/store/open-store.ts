import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as shippedMigrations } from '../../../migrations/index.ts';
import type { Migration } from '../../../migrations/types.ts';
import { checkApplied, migrate } from './migrate.ts';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { StoreError, storeErrorFrom } from './store-error.ts';

export interface Store {
  db: Kysely<DB>;
  /** The raw handle, for pragmas, backups and the benchmark's baseline; services never use it. */
  sqlite: Database.Database;
  file: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  now?: string;
}

/**
 * Opens (or creates) the database file and migrates it. A file that is corrupt, locked or from a newer version is
 * first looked at read-only, so it is refused without a single byte written.
 */
export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const migrations = options.migrations ?? shippedMigrations;
  try {
    if (fs.existsSync(file)) preflight(file, migrations, busyTimeoutMs);
    else fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

    const sqlite = new Database(file, { timeout: busyTimeoutMs });
    try {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // Take the write lock once, so a database held by another program is reported now, not at the first save.
      sqlite.exec('BEGIN IMMEDIATE; ROLLBACK;');
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
      await migrate(db, migrations, options.now ?? new Date().toISOString());
      return { db, sqlite, file, close: () => db.destroy() };
    } catch (err) {
      sqlite.close();
      throw err;
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom(err, file) ?? err;
  }
}

/** Read-only look at an existing file: is it a database, is it ours, is it not from a newer version? */
function preflight(file: string, migrations: readonly Migration[], busyTimeoutMs: number): void {
  const probe = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  try {
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    }
    const tables = probe
      .prepare("select name from sqlite_master where type = 'table'")
      .pluck()
      .all() as string[];
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw Object.assign(new Error('no schema_migrations table'), { code: 'SQLITE_NOTADB' });
    }
    if (tables.length > 0) {
      const applied = probe.prepare('select version, name from schema_migrations order by version').all() as {
        version: number;
        name: string;
      }[];
      checkApplied(applied, migrations);
    }
  } finally {
    probe.close();
  }
}
