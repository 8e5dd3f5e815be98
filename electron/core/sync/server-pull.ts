/**
 * The server's side of a pull: the rows that changed after the desk's cursor, each as this user may read it now
 * (or its id among those to drop: removed, or no longer for this user's eyes). A page is a range of change numbers
 * and never splits the rows of one, so the cursor it returns is a point where the desk has all of it.
 *
 * The feed's rows stay in the database (pull-page.ts finds the page): each table's rows are read with a subquery
 * that names them, so a first download of a hundred thousand rows does not bring each id to the server and back.
 */
import type { Kysely } from 'kysely';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { PulledTable, PullResponse } from '../../../shared/sync.ts';
import type { DB } from '../store/schema.ts';
import { changesIn, pageAfter, pageFileBytes } from './pull-page.ts';
import { readableRows, ruleFor, visibility } from './visibility.ts';
import { tableOnWire } from './wire-rows.ts';

const isTable = (name: string): name is keyof DB => Object.hasOwn(visibility, name);

export async function pullChanges(
  db: Kysely<DB>,
  account: SessionAccount,
  since: number,
  limit: number,
  fileBudget = pageFileBytes,
): Promise<PullResponse> {
  // Nothing new, the usual answer to a desk that pulls every few seconds: one statement (its own snapshot) says
  // so, without opening a transaction, and also whether the desk is ahead of the server: a cursor past the last
  // number given out means the database was put back from a backup, and the desk starts again from the first.
  const clock = await db
    .selectFrom('sync_clock')
    .select((eb) => [
      'seq',
      eb.exists(eb.selectFrom('sync_changes').select('seq').where('seq', '>', since)).as('newer'),
    ])
    .executeTakeFirst();
  if (clock && Number(clock.seq) < since) return { cursor: 0, tables: [], more: true, opnieuw: true };
  if (!clock?.newer) return { cursor: since, tables: [], more: false };
  // One snapshot for the page: the feed and the rows it names are read as of the same moment.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (transaction) => {
      const { range, more, tables: onPage } = await pageAfter(transaction, since, limit, fileBudget);
      const tables: PulledTable[] = [];
      for (const { table_name: table, changed } of onPage) {
        // A table this user never reads is left out whole: not even the ids of its rows reach the desk.
        if (!isTable(table) || ruleFor(table, account).kind === 'geen') continue;
        const feed = changesIn(transaction, range).select('row_id').where('table_name', '=', table);
        const rows = await readableRows(transaction, table, account, feed);
        // Rows not read (removed, or not for this user) are named by the feed alone: asked for only if there are.
        let dropped: string[] = [];
        if (rows.length < Number(changed)) {
          const read = new Set(rows.map((row) => row.id));
          dropped = (await feed.orderBy('row_id').execute())
            .map((c) => c.row_id)
            .filter((id) => !read.has(id));
        }
        tables.push(tableOnWire(table, rows, dropped));
      }
      const cursor = onPage.reduce((max, t) => Math.max(max, Number(t.last)), since);
      return { cursor, tables, more };
    });
}
