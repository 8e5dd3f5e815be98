/** A pulled page's rows one by one (the wire carries them table by table), for tests to look at. */

import type { VisibleRow } from '../../electron/core/sync/visibility.ts';
import { rowsOf } from '../../electron/core/sync/wire-rows.ts';
import type { PullResponse } from '../../shared/sync.ts';

/** Each row the page brings, then each it drops (`row: null`), table by table. */
export function pulledRows(page: PullResponse): VisibleRow[] {
  return page.tables.flatMap((pulled) => [
    ...rowsOf(pulled).map((row) => ({ table: pulled.table, id: String(row.id), row })),
    ...pulled.dropped.map((id) => ({ table: pulled.table, id, row: null })),
  ]);
}
