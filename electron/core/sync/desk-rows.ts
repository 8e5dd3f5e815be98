/** Writing a whole row by id on the desk, as a pull or an undo puts it back. */
import type { Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

export type SyncRow = Record<string, unknown> & { id?: unknown };

/**
 * Inserts the row, or replaces every column of the row with its id. `keepPasswordHash`: a blank hash (the server
 * sends '' for every account but the puller's own) never replaces a hash the desk holds, so every user of a shared
 * desk keeps signing in offline.
 */
export async function upsertRow(
  transaction: Transaction<DB>,
  table: string,
  row: SyncRow,
  { keepPasswordHash }: { keepPasswordHash: boolean },
): Promise<void> {
  const { id: _id, ...columns } = row;
  if (keepPasswordHash && table === 'accounts' && columns.password_hash === '') delete columns.password_hash;
  // The table is chosen at run time; kysely types none such, so one stands in for all.
  await transaction
    .insertInto(table as 'persons')
    .values(row as never)
    .onConflict((oc) => oc.column('id').doUpdateSet(columns as never))
    .execute();
}
