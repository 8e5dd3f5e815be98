/**
 * A desk that worked alone takes its records along when it connects to a server (sync.connect with meenemen): every
 * row of its data tables (upload-tables.ts) is queued in the outbox as `sync.importRows` commands, parents before
 * the rows that refer to them, and the ordinary push (desk-push.ts) sends them as the beheerder's server account.
 *
 * The beheerder exists on both sides under two ids: the server's account stays, the desk's is not sent, and every
 * mention of the desk's id in the rows sent (a column that refers to it, an id inside JSON text such as an audit
 * entry's input) becomes the server's. Ids are UUIDv7s, so a string holding one holds that account's id and no
 * other value.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SessionAccount } from '../../../shared/roles.ts';
import { importRowsBatch } from '../../../shared/sync.ts';
import { IdSource } from '../ids.ts';
import type { DB } from '../store/schema.ts';
import { appendToOutbox } from './desk-outbox.ts';
import { type UploadTable, uploadTables } from './upload-tables.ts';
import { encodeBytes } from './wire-rows.ts';

type Row = Record<string, unknown> & { id: string };

/**
 * Input of one command at most, counted as the outbox stores it: a push of several stays within the server's
 * limit, and a desk on a slow line sends a few megabytes at a time. A single larger row (a 5 MB receipt) goes alone.
 */
export const uploadCommandBytes = 2 * 1024 * 1024;
/** Rows read at a time: fewer where a row may hold a file. */
const readRows = (table: UploadTable) => (table.bytes.size > 0 ? 16 : importRowsBatch);

interface Reference {
  column: string;
  parent: string;
}

async function references(db: Transaction<DB>, table: string): Promise<Reference[]> {
  const { rows } = await sql<Reference>`
    select "from" as "column", "table" as parent from pragma_foreign_key_list(${table})`.execute(db);
  return rows;
}

/** The tables in an order where each comes after the tables it refers to (SQLite's own list of foreign keys). */
export async function parentsFirst(
  db: Transaction<DB>,
  tables: readonly string[],
): Promise<{ table: string; selfReferences: string[] }[]> {
  const parents = new Map<string, Set<string>>();
  const selfReferences = new Map<string, string[]>();
  for (const table of tables) {
    const refs = await references(db, table);
    parents.set(table, new Set(refs.map((r) => r.parent).filter((p) => p !== table && tables.includes(p))));
    selfReferences.set(
      table,
      refs.filter((r) => r.parent === table).map((r) => r.column),
    );
  }
  const ordered: { table: string; selfReferences: string[] }[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.length) {
    const ready = [...tables]
      .sort()
      .filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0)
      throw new Error(`Foreign keys between ${tables.filter((t) => !placed.has(t))} form a cycle`);
    for (const table of ready) {
      placed.add(table);
      ordered.push({ table, selfReferences: selfReferences.get(table) ?? [] });
    }
  }
  return ordered;
}

/** Ids of a table that refers to itself (a contract to the one it follows), each after the row it refers to. */
export function referredFirst(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
): string[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const row = byId.get(id);
    for (const column of columns) {
      const parent = row?.[column];
      if (typeof parent === 'string' && byId.has(parent)) visit(parent);
    }
    ordered.push(id);
  };
  for (const id of byId.keys()) visit(id);
  return ordered;
}

/** A table's rows in the order they can be inserted, a page at a time (a desk may hold gigabytes of receipts). */
async function* rowsInOrder(
  db: Transaction<DB>,
  name: string,
  table: UploadTable,
  selfReferences: readonly string[],
): AsyncGenerator<Row[]> {
  // A table chosen at run time; kysely types none such, so one stands in for all.
  const from = () => db.selectFrom(name as 'persons');
  const page = readRows(table);
  if (selfReferences.length === 0) {
    for (let after = ''; ; ) {
      const rows = (await from()
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(page)
        .execute()) as Row[];
      if (rows.length === 0) return;
      yield rows;
      after = (rows.at(-1) as Row).id;
    }
  }
  const light = await from()
    .select(['id', ...(selfReferences as 'id'[])])
    .orderBy('id')
    .execute();
  const order = referredFirst(light, selfReferences);
  for (let i = 0; i < order.length; i += page) {
    const ids = order.slice(i, i + page);
    const rows = (await from().selectAll().where('id', 'in', ids).execute()) as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield ids.map((id) => byId.get(id) as Row);
  }
}

/** Every mention of one id in a row's text, as another id. */
function renamed(row: Row, from: string, to: string): Row {
  if (from === to) return row;
  const copy: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row))
    copy[column] = typeof value === 'string' && value.includes(from) ? value.replaceAll(from, to) : value;
  return copy as Row;
}

export interface UploadOptions {
  /** The beheerder's account on this desk. */
  accountId: string;
  /** The same person's account on the server (from signing in there): the commands go as them. */
  serverAccount: SessionAccount;
  now: string;
}

/**
 * Queues this desk's records for the server, inside the caller's transaction (connecting stores the link in the
 * same one); returns how many rows were queued. Once, when connecting: the server refuses rows whose id it has.
 */
export async function queueUpload(transaction: Transaction<DB>, options: UploadOptions): Promise<number> {
  const { accountId, serverAccount, now } = options;
  const tables = await uploadTables(transaction);
  const commandIds = new IdSource(now);
  let queued = 0;
  for (const { table, selfReferences } of await parentsFirst(transaction, [...tables.keys()])) {
    let rows: Record<string, unknown>[] = [];
    let bytes = 0;
    const send = async () => {
      if (rows.length === 0) return;
      await appendToOutbox(
        transaction,
        {
          id: commandIds.next(),
          accountId: serverAccount.id,
          call: 'sync.importRows',
          input: { table, rows },
          context: { now, ids: [] },
        },
        now,
      );
      queued += rows.length;
      rows = [];
      bytes = 0;
    };
    for await (const page of rowsInOrder(
      transaction,
      table,
      tables.get(table) as UploadTable,
      selfReferences,
    )) {
      for (const row of page) {
        if (table === 'accounts' && row.id === accountId) continue;
        const sent = encodeBytes(renamed(row, accountId, serverAccount.id));
        const size = JSON.stringify(sent).length;
        if (rows.length >= importRowsBatch || bytes + size > uploadCommandBytes) await send();
        rows.push(sent);
        bytes += size;
      }
    }
    await send();
  }
  return queued;
}

/** How many rows an upload would carry now (the desk's own records, shown before connecting). */
export async function uploadableRows(db: Kysely<DB>, accountId: string): Promise<number> {
  let count = 0;
  for (const table of (await uploadTables(db)).keys()) {
    const { n } = await db
      .selectFrom(table as 'persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '<>', accountId)
      .executeTakeFirstOrThrow();
    count += Number(n);
  }
  return count;
}
