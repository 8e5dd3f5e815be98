/**
 * A desk's push: the outbox in order, in batches of one user's commands (a push acts as the user who made them),
 * each answered per command. Applied: gone from the outbox. Refused or in conflict: moved to that user's Te
 * verwerken inbox, never dropped. Not answered (the server stopped early): stays, and goes first next time.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CommandResult, PushedCommand, PushResponse } from '../../../shared/sync.ts';
import type { DB, SyncOutboxTable } from '../store/schema.ts';
import { asPushed, readOutbox } from './desk-outbox.ts';

/** The most commands one push carries (pushRequest in shared/sync.ts). */
export const pushBatch = 500;
/**
 * The most input one push carries, counted as stored: a few claims with receipts fill it. A single command larger
 * than this still goes, alone (the server takes up to bodyLimits.push).
 */
export const pushBytes = 8 * 1024 * 1024;

/** The first commands of one user that fit one push: at least one, so a large one is never stuck behind itself. */
export function nextBatch(waiting: readonly Selectable<SyncOutboxTable>[]): Selectable<SyncOutboxTable>[] {
  const first = waiting[0];
  if (!first) return [];
  const batch = [first];
  let bytes = first.input.length + first.context.length;
  for (const row of waiting.slice(1)) {
    bytes += row.input.length + row.context.length;
    if (row.account_id !== first.account_id || bytes > pushBytes) break;
    batch.push(row);
  }
  return batch;
}

export type Push = (commands: PushedCommand[], accountId: string) => Promise<PushResponse>;

export interface PushSummary {
  toegepast: number;
  afgewezen: number;
  conflict: number;
  /** Still in the outbox: the server did not answer them. */
  wachtend: number;
}

export async function pushOutbox(
  db: Kysely<DB>,
  push: Push,
  clock: () => Date = () => new Date(),
): Promise<PushSummary> {
  const summary: PushSummary = { toegepast: 0, afgewezen: 0, conflict: 0, wachtend: 0 };
  for (;;) {
    const batch = nextBatch(await readOutbox(db, pushBatch));
    const first = batch[0];
    if (!first) break;
    const { results } = await push(batch.map(asPushed), first.account_id);
    const answered = new Map(results.map((r) => [r.id, r]));
    await db.transaction().execute(async (transaction) => {
      for (const row of batch) {
        const result = answered.get(row.id);
        if (!result) continue;
        summary[result.outcome]++;
        if (result.outcome !== 'toegepast') await toInbox(transaction, row, result, clock().toISOString());
        await transaction.deleteFrom('sync_outbox').where('id', '=', row.id).execute();
      }
    });
    // The server stopped early (busy, restoring): what follows may build on what it did not take.
    if (batch.some((row) => !answered.has(row.id))) break;
  }
  summary.wachtend = Number(
    (
      await db
        .selectFrom('sync_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return summary;
}

async function toInbox(
  transaction: Transaction<DB>,
  row: Selectable<SyncOutboxTable>,
  result: CommandResult,
  now: string,
): Promise<void> {
  await transaction
    .insertInto('sync_inbox')
    .values({
      id: row.id,
      account_id: row.account_id,
      call: row.call,
      input: row.input,
      context: row.context,
      outcome: result.outcome === 'conflict' ? 'conflict' : 'afgewezen',
      message: result.message ?? 'De server heeft deze wijziging niet verwerkt.',
      details: result.details ? JSON.stringify(result.details) : null,
      created_at: now,
    })
    .execute();
}
