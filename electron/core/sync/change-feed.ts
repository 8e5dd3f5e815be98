/**
 * The server's change feed: every row a write touches is listed in sync_changes under the number of the command
 * that touched it last. Numbers come from the one counter row in sync_clock, which a command's transaction bumps
 * first: a second transaction waits for that row until the first commits, so numbers follow the order of commit
 * and a desk that has seen up to N never misses a change numbered N or lower.
 *
 * Rows are captured by a PostgreSQL trigger on every table, so no handler can forget one. A write outside a
 * command (a retention run on the server) numbers itself the same way.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

/** Tables that are the feed's own machinery, or the migration history each desk keeps for itself. */
export const notCaptured = (table: string) => table.startsWith('sync_') || table === 'schema_migrations';

/** The next change number, for this transaction's writes (the triggers read it). */
export async function nextChangeNumber(transaction: Transaction<DB>): Promise<number> {
  const { seq } = await transaction
    .updateTable('sync_clock')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  await sql`select set_config('schakel.seq', ${String(seq)}, true)`.execute(transaction);
  return Number(seq);
}

const captureFunction = sql`
create or replace function schakel_capture_change() returns trigger language plpgsql as $$
declare
  row_key text;
  number bigint := nullif(current_setting('schakel.seq', true), '')::bigint;
begin
  if tg_op = 'DELETE' then
    row_key := old.id;
  else
    row_key := new.id;
  end if;
  if number is null then
    update sync_clock set seq = seq + 1 where id = 1 returning seq into number;
    perform set_config('schakel.seq', number::text, true);
  end if;
  insert into sync_changes (table_name, row_id, seq) values (tg_table_name, row_key, number)
    on conflict (table_name, row_id) do update set seq = excluded.seq;
  return null;
end $$`;

/**
 * The tables of the schema whose rows the feed lists: those with an id of their own (a derived table without one,
 * such as the granted allowance, each desk works out for itself).
 */
export async function capturedTables(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  return rows.map((r) => r.name).filter((name) => !notCaptured(name));
}

/**
 * Puts the capture trigger on every such table (PostgreSQL only), after the migrations at each start of the server: a
 * table a later migration adds is captured without anyone remembering to. Rows written before a table was
 * captured (by a migration: the organisation's settings row, the starter profile) are listed once, under one new
 * number, so a desk's first pull brings them too.
 */
export async function installChangeCapture(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    // Two servers starting at once would otherwise replace the same trigger side by side.
    await sql`select pg_advisory_xact_lock(hashtext('schakel_capture'))`.execute(transaction);
    await captureFunction.execute(transaction);
    let number: number | null = null;
    for (const table of await capturedTables(transaction as unknown as Kysely<DB>)) {
      await sql`create or replace trigger schakel_capture after insert or update or delete on ${sql.table(table)}
        for each row execute function schakel_capture_change()`.execute(transaction);
      const unlisted = sql`from ${sql.table(table)} t where not exists
        (select 1 from sync_changes c where c.table_name = ${table} and c.row_id = t.id::text)`;
      const { rows } = await sql<{ found: boolean }>`select exists (select 1 ${unlisted}) as found`.execute(
        transaction,
      );
      if (!rows[0]?.found) continue;
      number ??= await nextChangeNumber(transaction);
      await sql`insert into sync_changes (table_name, row_id, seq)
        select ${table}, t.id::text, ${number} ${unlisted}`.execute(transaction);
    }
  });
}
