import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as shippedMigrations } from '../../../migrations/index.ts';
import type { Migration } from '../../../migrations/types.ts';
import { applyCipherSettings, applyKey, isPlainDatabase } from './encryption.ts';
import { checkApplied, MigrationStepError, migrate, migrationFailure } from './migrate.ts';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import type { SqliteStore } from './store.ts';
import { StoreError, storeErrorFrom } from './store-error.ts';

/** Why a copy is made before the file is changed in a way the user did not ask for. */
export type SafetyCopyReason = 'versleuteling' | 'migratie';

export interface OpenOptions {
  /** The encryption key; null opens a plain database (the benchmark's baseline and the migration from plain). */
  key: string | null;
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  now?: string;
  /** Makes a backup before the database is encrypted or migrated; given an open handle with the data as it is. */
  /**
   * Makes a backup before the database is encrypted or migrated; given an open handle with the data as it is. May
   * return where the backup lies (a path), for the message should the change fail.
   */
  safetyCopy?: (sqlite: Database.Database, reason: SafetyCopyReason) => Promise<unknown>;
}

/**
 * Opens (or creates) the database file and migrates it. A file that is corrupt, locked, from a newer version or
 * opened with the wrong key is first looked at read-only, so it is refused without a single byte written. A plain
 * database from before encryption is encrypted first (after a safety copy).
 */
export async function openStore(file: string, options: OpenOptions): Promise<SqliteStore> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const migrations = options.migrations ?? shippedMigrations;
  let plainOnDisk = false;
  try {
    removeUnfinishedWork(file);
    plainOnDisk = isPlainDatabase(file);
    if (fs.existsSync(file)) {
      preflight(file, plainOnDisk ? null : options.key, migrations, busyTimeoutMs);
      if (plainOnDisk && options.key !== null) await encryptInPlace(file, options.key, options.safetyCopy);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    }

    const sqlite = new Database(file, { timeout: busyTimeoutMs });
    try {
      if (options.key !== null) applyKey(sqlite, options.key);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = FULL');
      // Removed rows (a person anonymised after the retention period) are overwritten, not left in free pages.
      sqlite.pragma('secure_delete = ON');
      // A page in the cache is decrypted once, not at every read: 64 MB holds the working set of an organisation.
      sqlite.pragma('cache_size = -65536');
      sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // Take the write lock once, so a database held by another program is reported now, not at the first save.
      sqlite.exec('BEGIN IMMEDIATE; ROLLBACK;');
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
      try {
        await migrate(db, migrations, options.now ?? new Date().toISOString(), async () => {
          const backup = await options.safetyCopy?.(sqlite, 'migratie');
          return typeof backup === 'string' ? backup : undefined;
        });
      } catch (err) {
        await db.destroy();
        throw err instanceof MigrationStepError ? migrationFailure(err, file) : err;
      }
      return { engine: 'sqlite', db, sqlite, file, location: file, close: () => db.destroy() };
    } catch (err) {
      if (sqlite.open) sqlite.close();
      throw err;
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom(err, file, { encrypted: options.key !== null && !plainOnDisk }) ?? err;
  }
}

/** Read-only look at an existing file: is it a database, does the key fit, is it ours, not from a newer version? */
function preflight(
  file: string,
  key: string | null,
  migrations: readonly Migration[],
  busyTimeoutMs: number,
): void {
  const probe = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  try {
    if (key !== null) applyKey(probe, key);
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

const conversionSuffix = '.versleutelen';
/** A restore puts the chosen backup beside the database (incoming) and the live file aside (previous). */
export const restoreSuffixes = { incoming: '.terugzetten', previous: '.oud' } as const;

/**
 * What a conversion or restore cut off (power cut, kill) left beside the database. An unfinished encryption left a
 * temporary copy (and maybe its journal, with plain pages): the original is whole. A restore cut off between its two
 * renames left no database but the previous one aside: it goes back. Otherwise the leftovers are stale copies.
 */
function removeUnfinishedWork(file: string): void {
  if (!fs.existsSync(file) && fs.existsSync(file + restoreSuffixes.previous)) {
    fs.renameSync(file + restoreSuffixes.previous, file);
  }
  for (const leftover of [
    conversionSuffix,
    `${conversionSuffix}-journal`,
    restoreSuffixes.incoming,
    restoreSuffixes.previous,
  ]) {
    fs.rmSync(file + leftover, { force: true });
  }
}

/**
 * Plain → encrypted: copy the database with SQLite's backup, encrypt the copy, check it, let the caller keep a
 * safety copy of it, then rename it over the original in one step. Until that rename the original is untouched.
 */
async function encryptInPlace(
  file: string,
  key: string,
  safetyCopy: OpenOptions['safetyCopy'],
): Promise<void> {
  const temp = file + conversionSuffix;
  const plain = new Database(file, { fileMustExist: true });
  try {
    await plain.backup(temp);
  } finally {
    plain.close();
  }
  const copy = new Database(temp, { fileMustExist: true });
  try {
    // SQLite3 Multiple Ciphers encrypts a plain file in place with rekey, but only outside WAL mode.
    copy.pragma('journal_mode = DELETE');
    applyCipherSettings(copy);
    copy.rekey(Buffer.from(key, 'utf8'));
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new StoreError('corrupt', `De versleutelde kopie is niet in orde (${String(check)}).`);
    await safetyCopy?.(copy, 'versleuteling');
  } catch (err) {
    copy.close();
    fs.rmSync(temp, { force: true });
    throw err;
  }
  copy.close();
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  fs.renameSync(temp, file);
}
