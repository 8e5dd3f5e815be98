/**
 * The server's side of a pull: the rows that changed after the desk's cursor, each as this user may read it now
 * (or `row: null`, and the desk drops its copy). A page never splits the rows of one change number, so the cursor
 * it returns is a point where the desk has all of it.
 */
import type { Kysely } from 'kysely';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { PulledTable, PullResponse } from '../../../shared/sync.ts';
import type { DB } from '../store/schema.ts';
import { ruleFor, visibility, visibleRows } from './visibility.ts';
import { tableOnWire } from './wire-rows.ts';

const isTable = (name: string): name is keyof DB => Object.hasOwn(visibility, name);

export async function pullChanges(
  db: Kysely<DB>,
  account: SessionAccount,
  since: number,
  limit: number,
): Promise<PullResponse> {
  // Nothing new, the usual answer to a desk that pulls every few seconds: one statement (its own snapshot) says
  // so, without opening a transaction.
  const anything = await db
    .selectFrom('sync_changes')
    .select('seq')
    .where('seq', '>', since)
    .limit(1)
    .execute();
  if (anything.length === 0) return { cursor: since, tables: [], more: false };
  // One snapshot for the page: the feed and the rows it names are read as of the same moment.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (transaction) => {
      const feed = transaction
        .selectFrom('sync_changes')
        .select(['table_name', 'row_id', 'seq'])
        .orderBy('seq')
        .orderBy('table_name')
        .orderBy('row_id');
      const changes = await feed
        .where('seq', '>', since)
        .limit(limit + 1)
        .execute();
      let page = changes.slice(0, limit);
      const more = changes.length > limit;
      if (more) {
        const cut = (changes[limit] as (typeof changes)[number]).seq;
        page = page.filter((c) => c.seq < cut);
        // One command changed more rows than a page holds: its rows travel together, whatever their number.
        if (page.length === 0) page = await feed.where('seq', '=', cut).execute();
      }
      const byTable = Map.groupBy(page, (c) => c.table_name);
      const tables: PulledTable[] = [];
      for (const [table, changed] of byTable) {
        // A table this user never reads is left out whole: not even the ids of its rows reach the desk.
        if (!isTable(table) || ruleFor(table, account).kind === 'geen') continue;
        const ids = changed.map((c) => c.row_id);
        tables.push(tableOnWire(table, await visibleRows(transaction, table, ids, account)));
      }
      const cursor = page.reduce((max, c) => Math.max(max, Number(c.seq)), since);
      return { cursor, tables, more };
    });
}
