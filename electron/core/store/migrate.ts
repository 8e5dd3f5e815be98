import { type Kysely, sql } from 'kysely';
import type { Migration } from '../../../migrations/types.ts';
import type { DB } from './schema.ts';
import { StoreError } from './store-error.ts';

export async function appliedMigrations(db: Kysely<DB>): Promise<{ version: number; name: string }[]> {
  const exists = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = 'schema_migrations'`.execute(db);
  if (!exists.rows[0]?.n) return [];
  return db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
}

/**
 * Brings the database to the newest shipped schema, one transaction per step. Refuses a database whose applied
 * steps are not a prefix of the shipped list (written by a newer or a different build).
 */
export async function migrate(
  db: Kysely<DB>,
  shipped: readonly Migration[],
  now: string,
  beforeChange?: () => Promise<void>,
): Promise<number> {
  const applied = await appliedMigrations(db);
  checkApplied(applied, shipped);
  // A database with data in it gets a backup before its schema changes; a new one has nothing to lose.
  if (applied.length > 0 && applied.length < shipped.length) await beforeChange?.();
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  for (const m of shipped.slice(applied.length)) {
    await db.transaction().execute(async (trx) => {
      await m.up(trx, now);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: now })
        .execute();
    });
  }
  return shipped.length;
}

export function checkApplied(
  applied: { version: number; name: string }[],
  shipped: readonly Migration[],
): void {
  const newest = shipped.at(-1)?.version ?? 0;
  const highest = applied.at(-1)?.version ?? 0;
  if (highest > newest) {
    throw new StoreError(
      'newer_version',
      `Deze database is gemaakt met een nieuwere versie van Schakel (schema ${highest}; deze versie kent tot en met ${newest}). Werk Schakel bij. Het bestand is niet gewijzigd.`,
    );
  }
  applied.forEach((a, i) => {
    const expected = shipped[i];
    if (!expected || expected.version !== a.version || expected.name !== a.name) {
      throw new StoreError(
        'unknown_migrations',
        `Deze database heeft een schemastap (${a.version} ${a.name}) die deze versie van Schakel niet kent. Het bestand is niet gewijzigd.`,
      );
    }
  });
}
