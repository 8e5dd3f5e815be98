/**
 * For the inzet area: recording inzet for a request marks it uitgevoerd when it was gematcht (uitgevoerd_op is the
 * inzet's date, so the response time counts to the day the work was done, not the day it was typed in). Any other
 * status is left alone: a request still nieuw was not matched, one already done or closed keeps its day.
 * Runs inside the caller's transaction; the audit entry names the request.
 */
import { formatDate } from '../../../shared/format.ts';
import type { WriteCtx } from '../context.ts';
import { updateVersioned } from '../versioning.ts';
import { loadRequestRow, requestTitle } from './read.ts';

export async function markRequestDone(ctx: WriteCtx, requestId: string, datum: string): Promise<boolean> {
  const row = await loadRequestRow(ctx.db, requestId);
  if (row.status !== 'gematcht') return false;
  // Done before it was matched cannot be: the day of matching is the earliest.
  const day = row.gematcht_op && datum < row.gematcht_op ? row.gematcht_op : datum;
  await updateVersioned(
    ctx,
    'requests',
    row,
    { status: 'uitgevoerd', uitgevoerd_op: day, updated_at: ctx.now },
    {
      recordType: 'aanvraag',
      summary: `Aanvraag uitgevoerd: ${requestTitle(row)}`,
      changes: [
        { field: 'status', before: 'Gematcht', after: 'Uitgevoerd' },
        { field: 'uitgevoerdOp', before: null, after: formatDate(day) },
      ],
    },
  );
  return true;
}
