/**
 * Emptying this computer's copy: when it connects to a server (its own records then make way for the server's, or
 * wait in the outbox to go there), and when the beheerder revoked it. Every table goes, the link and the outbox
 * included unless kept; the migrations' bookkeeping always stays, so the store opens as the same schema version.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

/** Deletes every row of every table but the migrations' (and `keep`), inside the caller's transaction. */
export async function wipeStore(transaction: Transaction<DB>, keep: readonly string[] = []): Promise<void> {
  const kept = ['schema_migrations', ...keep];
  // Checked at commit, when nothing refers to anything any more: no order of tables to get right.
  await sql`pragma defer_foreign_keys = on`.execute(transaction);
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(transaction);
  for (const { name } of rows)
    if (!kept.includes(name)) await sql`delete from ${sql.id(name)}`.execute(transaction);
}
