/**
 * A desk's pull: the pages of rows changed on the server since the desk's cursor, each applied in one local
 * transaction with the cursor it ends at. The first page's transaction first puts back the rows the waiting
 * commands changed (desk-undo.ts); a page that reports a person anonymised also forgets the commands about them
 * (desk-anonymised.ts); after the last page the waiting commands run again on top (desk-rebase.ts). A file a page
 * names keeps the bytes its row here holds (desk-blobs.ts, read before the transaction) or waits to be fetched
 * (desk-files.ts).
 *
 * Foreign keys are off while a page applies. Rows arrive in the order they changed, not parents first, and a
 * user's copy is filtered by role: a begeleider's claims name payout batches that only finance receives, so the
 * desk's copy may hold references the server keeps whole and the desk cannot check (`defer_foreign_keys` would
 * refuse the commit for them). The server, where every command ran with its checks, is what keeps them right. The
 * pragma cannot change inside a transaction, so it is set on the connection held for the page, and set back on
 * the same connection before any other call can use it.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { type PullResponse, pullPageLimit } from '../../../shared/sync.ts';
import { rebuildGrantedAllowance } from '../claims/granted.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { DB } from '../store/schema.ts';
import { anonymisedOnPage, forgetAnonymised } from './desk-anonymised.ts';
import { heldBlobs } from './desk-blobs.ts';
import { keepHashes, restoreHashes } from './desk-kept-hashes.ts';
import { readState, writeState } from './desk-link-state.ts';
import { replayOutbox } from './desk-rebase.ts';
import { upsertRow } from './desk-rows.ts';
import { restoreUndone, syncedTables } from './desk-undo.ts';
import { rowsOf } from './wire-rows.ts';

export type Pull = (since: number, limit: number) => Promise<PullResponse>;

const cursorKey = 'cursor';

export async function readCursor(db: Kysely<DB>): Promise<number> {
  return Number((await readState(db, cursorKey)) ?? 0);
}

/** The cursor, stored in the transaction of the page it ends (or of a new start from 0, desk-pull-as.ts). */
export async function storeCursor(transaction: Transaction<DB>, cursor: number): Promise<void> {
  await writeState(transaction, cursorKey, String(cursor));
}

export async function withoutForeignKeys<T>(
  db: Kysely<DB>,
  work: (t: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

/**
 * The server was put back from a backup: what this desk holds may be newer than anything there, and no change will
 * ever say so. Its copy goes (the rows, and the undo log of rows as they were before the waiting commands), the
 * cursor returns to 0, and the pull brings the server's state; the waiting commands are replayed on top after it.
 */
async function emptyCopy(transaction: Transaction<DB>, tables: Iterable<string>): Promise<void> {
  await keepHashes(transaction);
  for (const table of tables) await transaction.deleteFrom(table as 'persons').execute();
  await transaction.deleteFrom('sync_undo').execute();
  await rebuildGrantedAllowance(transaction);
  await storeCursor(transaction, 0);
}

export interface PullSummary {
  cursor: number;
  rows: number;
}

/** Pulls every page since the cursor; files the desk does not hold come later (desk-files.ts). */
export async function pullInto(dispatcher: Dispatcher, pull: Pull): Promise<PullSummary> {
  const db = dispatcher.store.db;
  const tables = await syncedTables(db);
  let first = true;
  let changed = false;
  let rows = 0;
  let cursor = await readCursor(db);
  try {
    for (;;) {
      const page = await pull(cursor, pullPageLimit);
      if (page.opnieuw) {
        await withoutForeignKeys(db, (transaction) => emptyCopy(transaction, tables.keys()));
        changed = true;
        first = false;
        cursor = 0;
        continue;
      }
      const blobs = await heldBlobs(db, page, tables);
      await withoutForeignKeys(db, async (transaction) => {
        const touched = first ? await restoreUndone(transaction) : new Set<string>();
        changed ||= touched.size > 0;
        first = false;
        const anonymised = await anonymisedOnPage(transaction, page.tables);
        for (const pulled of page.tables) {
          // A table this desk does not have (a newer server) is left to the desk's next version.
          if (!tables.has(pulled.table)) continue;
          touched.add(pulled.table);
          for (const id of pulled.dropped) {
            await transaction
              .deleteFrom(pulled.table as 'persons')
              .where('id', '=', id)
              .execute();
          }
          for (const row of rowsOf(pulled, blobs))
            await upsertRow(transaction, pulled.table, row, { keepPasswordHash: true });
        }
        await restoreHashes(transaction, !page.more);
        // Not synced: derived from the claims, as every desk's own.
        if (touched.has('claims')) await rebuildGrantedAllowance(transaction);
        await forgetAnonymised(transaction, anonymised);
        await storeCursor(transaction, page.cursor);
      });
      for (const pulled of page.tables) rows += pulled.rows.length + pulled.dropped.length;
      changed ||= page.tables.length > 0;
      cursor = page.cursor;
      if (!page.more) break;
    }
  } finally {
    // Also after a page that failed: what was put back is shown again with the waiting commands on top.
    if (changed) await replayOutbox(dispatcher);
  }
  return { cursor, rows };
}
