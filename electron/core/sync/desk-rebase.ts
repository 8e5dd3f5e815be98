/**
 * After a pull, the commands still waiting in the outbox are shown on top of the server's state: each is replayed
 * through the dispatcher as its user, with its recorded `now` and ids, so it writes the very records it wrote
 * before (and the undo log captures them again for the next pull).
 *
 * The rule, kept simple on purpose: the pull first puts back every row the waiting commands changed (desk-undo.ts),
 * so the store is exactly the server's state; then every waiting command runs again, in order, on that state.
 * - A waiting edit of a record the server changed meanwhile fails its version check here as it will on the server.
 *   Then it is run once more on the record's current version, so the desk keeps showing the user's own pending
 *   edit; the outbox keeps the version it was made on, and the server decides (a conflict lands in the inbox).
 * - A command that the server has answered is no longer in the outbox: its rows are the server's, as pulled. A
 *   refused one thereby disappears from the screen, and waits in the user's inbox.
 * - A waiting command that cannot run on the new state at all (its record removed, a rule broken now) is not
 *   shown, stays in the outbox, and gets the server's answer at the next push.
 */

import type { Result } from '../../../shared/result.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import { toSessionAccount } from '../accounts/account-rows.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { Replay } from '../dispatcher-deps.ts';
import type { DB } from '../store/schema.ts';
import { asPushed, readOutbox } from './desk-outbox.ts';
import { startCapture, stopCapture } from './desk-undo.ts';

const everyWaiting = 1_000_000;

/** Replays the outbox on the store as it is; returns each command's local result by id. */
export async function replayOutbox(dispatcher: Dispatcher): Promise<Map<string, Result<unknown>>> {
  const db = dispatcher.store.db;
  const results = new Map<string, Result<unknown>>();
  const accounts = new Map<string, SessionAccount>();
  for (const row of await readOutbox(db, everyWaiting)) {
    let account = accounts.get(row.account_id);
    if (!account) {
      const found = await db
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', row.account_id)
        .executeTakeFirst();
      if (!found) continue;
      account = toSessionAccount(found);
      accounts.set(row.account_id, account);
    }
    const command = asPushed(row);
    const replay: Replay = {
      now: command.now,
      ids: command.ids,
      transaction: { first: startCapture, last: stopCapture },
    };
    let result = await dispatcher.dispatchAs(account, command.call, command.input, replay);
    const conflict = result.ok ? undefined : result.error.conflict;
    if (conflict && hasVersion(command.input)) {
      const current = await currentVersion(dispatcher, conflict.recordType, conflict.recordId);
      if (current !== null)
        result = await dispatcher.dispatchAs(
          account,
          command.call,
          { ...command.input, version: current },
          replay,
        );
    }
    results.set(row.id, result);
  }
  return results;
}

const hasVersion = (input: unknown): input is Record<string, unknown> & { version: number } =>
  typeof input === 'object' && input !== null && typeof (input as { version?: unknown }).version === 'number';

/** The version the desk holds of a record, by the table name a conflict names. */
export async function currentVersion(
  dispatcher: Dispatcher,
  table: string,
  id: string,
): Promise<number | null> {
  const row = await dispatcher.store.db
    // Any versioned table; kysely types none chosen at run time.
    .selectFrom(table as keyof DB as 'persons')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst()
    .catch(() => undefined);
  return row?.version ?? null;
}
