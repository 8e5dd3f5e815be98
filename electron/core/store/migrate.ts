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

/** A step that failed, with the backup made before the update began (if any): open-store words it for the user. */
export class MigrationStepError extends Error {
  readonly step: { version: number; name: string };
  readonly backup: string | undefined;
  constructor(step: Migration, backup: string | undefined, cause: unknown) {
    super(`migration ${step.version} ${step.name} failed`, { cause });
    this.step = { version: step.version, name: step.name };
    this.backup = backup;
  }
}

/**
 * Brings the database to the newest shipped schema: all pending steps in one transaction, so a step that fails
 * (or a crash) leaves the file exactly as it was, never between two versions. Refuses a database whose applied
 * steps are not a prefix of the shipped list (written by a newer or a different build).
 */
export async function migrate(
  db: Kysely<DB>,
  shipped: readonly Migration[],
  now: string,
  beforeChange?: () => Promise<string | undefined>,
): Promise<number> {
  const applied = await appliedMigrations(db);
  checkApplied(applied, shipped);
  const pending = shipped.slice(applied.length);
  if (pending.length === 0) return shipped.length;
  // A database with data in it gets a backup before its schema changes; a new one has nothing to lose.
  const backup = applied.length > 0 ? await beforeChange?.() : undefined;
  let step: Migration | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('schema_migrations')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      for (step of pending) {
        await step.up(trx, now);
        await trx
          .insertInto('schema_migrations')
          .values({ version: step.version, name: step.name, applied_at: now })
          .execute();
      }
    });
  } catch (err) {
    throw step ? new MigrationStepError(step, backup, err) : err;
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
