import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Migration } from '../../../migrations/types.ts';
import type { DB } from './schema.ts';
import { StoreError, storeErrorFrom } from './store-error.ts';

const onPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function appliedMigrations(db: Kysely<DB>): Promise<{ version: number; name: string }[]> {
  const found = await (onPostgres(db)
    ? sql`select table_name from information_schema.tables where table_schema = current_schema() and table_name = 'schema_migrations'`
    : sql`select name from sqlite_master where type = 'table' and name = 'schema_migrations'`
  ).execute(db);
  if (found.rows.length === 0) return [];
  return db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
}

/** The key of the PostgreSQL advisory lock a migrating process holds ('SCHK' in ASCII). */
const migrationLock = 0x5343_484b;

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
      // Several server processes may start on one PostgreSQL at once: one migrates, the others wait and then find
      // the steps applied. (A SQLite file has one writer; its transaction holds the file.)
      let alreadyApplied = applied.length;
      if (onPostgres(trx)) {
        await sql`select pg_advisory_xact_lock(${sql.lit(migrationLock)})`.execute(trx);
        const current = await appliedMigrations(trx);
        checkApplied(current, shipped);
        alreadyApplied = current.length;
      }
      await trx.schema
        .createTable('schema_migrations')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      for (step of shipped.slice(alreadyApplied)) {
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

/** A failed update in Dutch: which step, that nothing changed, and where the backup made before it lies. */
export function migrationFailure(err: MigrationStepError, file: string): StoreError {
  // A full disk or a lock during the update is that, not a broken step.
  const known = storeErrorFrom(err.cause, file);
  if (known) return known;
  const where = err.backup ? ` Vóór de update is een reservekopie gemaakt: ${err.backup}.` : '';
  return new StoreError(
    'migration_failed',
    `Schakel kon de database niet bijwerken naar deze versie: stap ${err.step.version} (${err.step.name}) mislukte. Er is niets gewijzigd; de database is zoals hij was.${where} Meld dit aan de beheerder of leverancier.`,
    { cause: err.cause },
  );
}
