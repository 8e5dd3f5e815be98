/**
 * Emptying this computer's copy: when it connects to a server and takes the server's records instead of its own,
 * and when the beheerder revoked it. Every table goes, the link and the outbox included; only the migrations'
 * bookkeeping stays, so the store opens as the same schema version.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';
import { syncedTables } from './desk-undo.ts';

const kept = 'schema_migrations';

/** Deletes every row of every table but the migrations', inside the caller's transaction. */
export async function wipeStore(transaction: Transaction<DB>): Promise<void> {
  // Checked at commit, when nothing refers to anything any more: no order of tables to get right.
  await sql`pragma defer_foreign_keys = on`.execute(transaction);
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> ${kept}`.execute(
    transaction,
  );
  for (const { name } of rows) await sql`delete from ${sql.id(name)}`.execute(transaction);
}

/** The records of this computer's own that connecting would concern: every row of the synced tables. */
export async function ownRecordCount(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (const table of (await syncedTables(db)).keys()) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(table)}`.execute(db);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}
