/**
 * The desk's outbox: every command call made here in team mode, in the order made, written in the call's own
 * transaction (so a call that fails leaves none), until the server has answered it (desk-push.ts).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PushedCommand } from '../../../shared/sync.ts';
import { IdSource } from '../ids.ts';
import type { DB, SyncOutboxTable } from '../store/schema.ts';
import { commandParts } from './command-parts.ts';
import type { CommandRecorder } from './command-recorder.ts';
import { startCapture, stopCapture } from './desk-undo.ts';

export interface CommandContext {
  now: string;
  ids: string[];
}

/** Puts a command at the end of the outbox. */
export async function appendToOutbox(
  transaction: Transaction<DB>,
  command: { id: string; accountId: string; call: string; input: unknown; context: CommandContext },
  createdAt: string,
): Promise<void> {
  const last = await transaction
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst();
  await transaction
    .insertInto('sync_outbox')
    .values({
      id: command.id,
      position: (last?.position ?? 0) + 1,
      account_id: command.accountId,
      call: command.call,
      input: JSON.stringify(command.input),
      context: JSON.stringify(command.context),
      created_at: createdAt,
    })
    .execute();
}

/** Records each command call in the outbox (command-parts.ts) and captures the rows it changes (desk-undo.ts). */
export const outboxRecorder: CommandRecorder = {
  before: startCapture,
  async after(transaction, command) {
    await stopCapture(transaction);
    // Every command call needs a signed-in user (shared/permissions.ts); the server replays it as them.
    if (!command.accountId) throw new Error(`${command.call} recorded without an account`);
    const commandIds = new IdSource(command.now);
    for (const part of commandParts(command))
      await appendToOutbox(
        transaction,
        {
          id: commandIds.next(),
          accountId: command.accountId,
          call: command.call,
          input: part.input,
          context: { now: command.now, ids: part.ids },
        },
        command.now,
      );
  },
};

/**
 * The outbox recorder for a desk whose mode can change while it runs (connecting, a revoked desk): whether a write
 * is recorded is decided as its transaction starts, and kept to its end. `recorded` is told after each one.
 */
export function teamRecorder(inTeam: () => boolean, recorded: () => void): CommandRecorder {
  const recording = new WeakSet<Transaction<DB>>();
  return {
    async before(transaction) {
      if (!inTeam()) return;
      recording.add(transaction);
      await outboxRecorder.before(transaction);
    },
    async after(transaction, command) {
      if (!recording.has(transaction)) return;
      await outboxRecorder.after(transaction, command);
      recorded();
    },
  };
}

/** The outbox in order, from `after` on. */
export function readOutbox(db: Kysely<DB>, limit: number, after = 0): Promise<Selectable<SyncOutboxTable>[]> {
  return db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
}

export function asPushed(row: Selectable<SyncOutboxTable>): PushedCommand {
  const context = JSON.parse(row.context) as CommandContext;
  return { id: row.id, call: row.call, input: JSON.parse(row.input), now: context.now, ids: context.ids };
}
