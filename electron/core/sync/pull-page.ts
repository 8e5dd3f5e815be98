/**
 * Which changes a page of a pull holds: a range of change numbers after the desk's cursor, never splitting the rows
 * of one number, with at most `limit` changes and `fileBudget` bytes of files unless one number alone holds more.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

/** The change numbers of a page: after `since`, up to and including `upto` (null: no end). */
export interface Range {
  since: number;
  upto: number | null;
}

/**
 * Columns that hold files (receipts, certificates, printed contracts): the only values whose size no input check
 * bounds. A page carries each as a reference to its hash (wire-rows.ts), but the server reads the bytes to hash
 * them, so a page is still cut by their bytes as well as by its count of changes: what one page holds in the
 * server's memory stays bounded. The blob route looks a file up in these columns (server-blob.ts). A test holds
 * this list to the schema.
 */
export const fileColumns: Readonly<Partial<Record<keyof DB, readonly string[]>>> = {
  contracts: ['pdf'],
  receipts: ['bytes'],
  training_certificates: ['bytes'],
};

/** The bytes of files the server reads for a page, unless one change number alone holds more. */
export const pageFileBytes = 16 * 1024 * 1024;

export function changesIn(transaction: Transaction<DB>, { since, upto }: Range) {
  const after = transaction.selectFrom('sync_changes').where('seq', '>', since);
  return upto === null ? after : after.where('seq', '<=', upto);
}

/** The tables with changes in the range, in the order of their first change, with their count and last number. */
function tablesIn(transaction: Transaction<DB>, range: Range) {
  return changesIn(transaction, range)
    .select((eb) => [
      'table_name',
      eb.fn.countAll<number>().as('changed'),
      eb.fn.min('seq').as('first'),
      eb.fn.max('seq').as('last'),
    ])
    .groupBy('table_name')
    .orderBy('first')
    .execute();
}

/** The bytes of files each change number in the range brings, of the tables with files on the page. */
async function fileBytesByNumber(
  transaction: Transaction<DB>,
  { since, upto }: Range,
  tables: readonly string[],
): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  for (const table of tables) {
    const columns = fileColumns[table as keyof DB];
    if (!columns) continue;
    // length() of bytes is their count on both engines, and PostgreSQL reads it without fetching the bytes.
    const size = sql.join(
      columns.map((column) => sql`coalesce(length(t.${sql.ref(column)}), 0)`),
      sql` + `,
    );
    const { rows } = await sql<{ seq: number; bytes: number }>`
      select c.seq, sum(${size}) as bytes from sync_changes c join ${sql.table(table)} t on t.id = c.row_id
      where c.table_name = ${table} and c.seq > ${since} ${upto === null ? sql`` : sql`and c.seq <= ${upto}`}
      group by c.seq`.execute(transaction);
    for (const { seq, bytes } of rows) sizes.set(Number(seq), (sizes.get(Number(seq)) ?? 0) + Number(bytes));
  }
  return sizes;
}

/**
 * The last number that keeps the files within the budget, counted from the page's first: the one before the
 * number that would pass it, or that number itself when it is the first (its rows travel together). Null: all fit.
 */
export function lastWithinBudget(sizes: Map<number, number>, first: number, budget: number): number | null {
  let total = 0;
  for (const seq of [...sizes.keys()].sort((a, b) => a - b)) {
    total += sizes.get(seq) ?? 0;
    if (total > budget) return seq > first ? seq - 1 : seq;
  }
  return null;
}

/**
 * The page after `since` and the tables on it: the first `limit` changes, less those of the number the limit cuts
 * through (or all the changes of that one number, whatever their count, when it is the first); then cut again
 * before the number whose files would pass `fileBudget`.
 */
export async function pageAfter(
  transaction: Transaction<DB>,
  since: number,
  limit: number,
  fileBudget: number,
) {
  const numbers = transaction
    .selectFrom('sync_changes')
    .select('seq')
    .where('seq', '>', since)
    .orderBy('seq');
  const start = await numbers.limit(1).executeTakeFirst();
  const beyond = await numbers.offset(limit).limit(1).executeTakeFirst();
  const first = Number(start?.seq ?? since);
  let range: Range = { since, upto: null };
  let more = false;
  if (start && beyond) {
    const cut = Number(beyond.seq);
    range = { since, upto: first < cut ? cut - 1 : cut };
    more = true;
  }
  let tables = await tablesIn(transaction, range);
  const sizes = await fileBytesByNumber(
    transaction,
    range,
    tables.map((t) => t.table_name),
  );
  const upto = lastWithinBudget(sizes, first, fileBudget);
  if (upto !== null) {
    range = { since, upto };
    more = true;
    tables = await tablesIn(transaction, range);
  }
  return { range, more, tables };
}
