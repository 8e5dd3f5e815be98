/**
 * The desk's undo log: each row as it was before the first command still waiting for the server changed it. A
 * pull puts these rows back first (the store is then the server's state as last pulled), applies what the server
 * sent, and replays the commands still waiting on top (desk-rebase.ts). Triggers on every table of the desk write
 * the log, so no handler can forget a row; they act only while a command runs (the `vastleggen` flag in
 * sync_state, set and cleared inside the command's own transaction), never while a pull applies the server's rows
 * or a desk-only call (signing in, backups) writes.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';
import { type SyncRow, upsertRow } from './desk-rows.ts';

const flag = 'vastleggen';

/** Starts capturing, inside a command's transaction. */
export async function startCapture(transaction: Transaction<DB>): Promise<void> {
  await transaction.insertInto('sync_state').values({ key: flag, value: '1' }).execute();
}

/** Stops capturing, before the command's transaction commits. */
export async function stopCapture(transaction: Transaction<DB>): Promise<void> {
  await transaction.deleteFrom('sync_state').where('key', '=', flag).execute();
}

interface Column {
  name: string;
  type: string;
}

/** Tables of the desk whose rows sync: those with an id, apart from the sync machinery itself. */
export async function syncedTables(db: Kysely<DB>): Promise<Map<string, Column[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      and name not like 'sync_%' and name <> 'schema_migrations' order by name`.execute(db);
  const result = new Map<string, Column[]>();
  for (const { name } of tables) {
    const { rows } = await sql<Column>`select name, type from pragma_table_info(${name})`.execute(db);
    if (rows.some((c) => c.name === 'id')) result.set(name, rows);
  }
  return result;
}

/** A row as JSON in SQL; bytes as hex (json_object refuses a blob). */
function rowJson(columns: Column[]): string {
  const pairs = columns.map((c) =>
    c.type.toLowerCase() === 'blob'
      ? `'${c.name}', case when old."${c.name}" is null then null else hex(old."${c.name}") end`
      : `'${c.name}', old."${c.name}"`,
  );
  return `json_object(${pairs.join(', ')})`;
}

/**
 * Puts the capture triggers on every synced table (again at each start of a desk in team mode, so a table or
 * column a later migration adds is captured too). SQLite only: the desk's store.
 */
export async function installUndoCapture(db: Kysely<DB>): Promise<void> {
  const tables = await syncedTables(db);
  await db.transaction().execute(async (transaction) => {
    const when = `when exists (select 1 from sync_state where key = '${flag}')`;
    for (const [table, columns] of tables) {
      const keep = (id: string, row: string) =>
        `begin insert or ignore into sync_undo (table_name, row_id, row) values ('${table}', ${id}, ${row}); end`;
      const triggers = {
        i: `after insert on "${table}" ${when} ${keep('new.id', 'null')}`,
        u: `after update on "${table}" ${when} ${keep('old.id', rowJson(columns))}`,
        d: `after delete on "${table}" ${when} ${keep('old.id', rowJson(columns))}`,
      };
      for (const [kind, body] of Object.entries(triggers)) {
        const name = `sync_undo_${table}_${kind}`;
        await sql`drop trigger if exists ${sql.id(name)}`.execute(transaction);
        await sql.raw(`create trigger "${name}" ${body}`).execute(transaction);
      }
    }
  });
}

/**
 * Puts every logged row back as it was (deleting the ones the waiting commands created) and empties the log.
 * Returns the tables touched. Runs inside the pull's transaction, with foreign keys off (desk-pull.ts).
 */
export async function restoreUndone(transaction: Transaction<DB>): Promise<Set<string>> {
  const logged = await transaction.selectFrom('sync_undo').selectAll().execute();
  if (logged.length === 0) return new Set();
  const tables = await syncedTables(transaction);
  for (const entry of logged) {
    const columns = tables.get(entry.table_name);
    if (!columns) continue;
    if (entry.row === null) {
      await transaction
        .deleteFrom(entry.table_name as 'persons')
        .where('id', '=', entry.row_id)
        .execute();
      continue;
    }
    const row = JSON.parse(entry.row) as SyncRow;
    for (const c of columns) {
      const value = row[c.name];
      if (c.type.toLowerCase() === 'blob' && typeof value === 'string')
        row[c.name] = Buffer.from(value, 'hex');
    }
    await upsertRow(transaction, entry.table_name, row, { keepPasswordHash: false });
  }
  await transaction.deleteFrom('sync_undo').execute();
  return new Set(logged.map((l) => l.table_name));
}

/** Takes the capture triggers off again (a desk back on its own); they would be inert, but cost each write a check. */
export async function removeUndoCapture(db: Kysely<DB> | Transaction<DB>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'trigger' and name glob 'sync_undo_*'`.execute(db);
  for (const { name } of rows) await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
}
