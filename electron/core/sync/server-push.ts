/**
 * The server's side of a push: each command a desk sends is replayed once, in the order sent, through the same
 * dispatcher as any call (role, input, rules, one transaction, audit), with the desk's `now` and ids. Its outcome is
 * kept under the command's id, so a push repeated after a lost answer gets the same answer and changes nothing.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ConflictDetails } from '../../../shared/result.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { CommandOutcome, CommandResult, PushedCommand, PushResponse } from '../../../shared/sync.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { Failure } from '../failure.ts';
import type { DB, SyncCommandsTable } from '../store/schema.ts';
import { nextChangeNumber } from './change-feed.ts';
import { isCommandCall } from './commands.ts';

export interface Pusher {
  account: SessionAccount;
  deviceId: string;
}

/** The pusher with its desk's name, read once per push for the audit rows of its commands. */
type Sender = Pusher & { deviceNaam: string | null };

interface PushDeps {
  dispatcher: Dispatcher;
  db: Kysely<DB>;
  /** The server's clock, for when a command was received (its own `now` is the desk's and is kept). */
  clock: () => Date;
}

async function storedResult(db: Kysely<DB> | Transaction<DB>, id: string): Promise<CommandResult | null> {
  const row = await db
    .selectFrom('sync_commands')
    .select(['id', 'outcome', 'message', 'details'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    outcome: row.outcome as CommandOutcome,
    message: row.message,
    details: row.details ? (JSON.parse(row.details) as ConflictDetails) : null,
  };
}

/** The command log's row of a command and how it ended. */
function commandRow(
  deps: PushDeps,
  who: Pusher,
  command: PushedCommand,
  outcome: CommandOutcome,
  ending: { message: string | null; details: ConflictDetails | null; seq: number | null },
): Insertable<SyncCommandsTable> {
  return {
    id: command.id,
    device_id: who.deviceId,
    account_id: who.account.id,
    call: command.call,
    outcome,
    message: ending.message,
    details: ending.details ? JSON.stringify(ending.details) : null,
    seq: ending.seq,
    received_at: deps.clock().toISOString(),
  };
}

/** Keeps a command's outcome; another server process that kept one first wins, and its answer is returned. */
async function keepOutcome(
  deps: PushDeps,
  who: Pusher,
  command: PushedCommand,
  outcome: Exclude<CommandOutcome, 'toegepast'>,
  message: string,
  details: ConflictDetails | null,
): Promise<CommandResult> {
  await deps.db
    .insertInto('sync_commands')
    .values(commandRow(deps, who, command, outcome, { message, details, seq: null }))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await storedResult(deps.db, command.id)) as CommandResult;
}

/** Errors that say nothing about the command itself: the server cannot take it now, the desk sends it again later. */
const tryAgainLater = new Set(['unavailable', 'rate_limited']);

async function applyOne(deps: PushDeps, who: Sender, command: PushedCommand): Promise<CommandResult | null> {
  const stored = await storedResult(deps.db, command.id);
  if (stored) return stored;
  if (!isCommandCall(command.call)) {
    return keepOutcome(
      deps,
      who,
      command,
      'afgewezen',
      'Deze opdracht wordt niet via de server gedeeld.',
      null,
    );
  }
  let seq: number | null = null;
  const result = await deps.dispatcher.dispatchAs(who.account, command.call, command.input, {
    now: command.now,
    ids: command.ids,
    origin: { deviceId: who.deviceId, deviceNaam: who.deviceNaam, commandId: command.id },
    transaction: {
      first: async (transaction) => {
        seq = await nextChangeNumber(transaction);
        // Checked again under the counter's lock: another server process may have applied it meanwhile.
        if (await storedResult(transaction, command.id)) throw new Failure('conflict', 'al verwerkt');
      },
      last: async (transaction) => {
        await transaction
          .insertInto('sync_commands')
          .values(commandRow(deps, who, command, 'toegepast', { message: null, details: null, seq }))
          .execute();
      },
    },
  });
  if (result.ok) return { id: command.id, outcome: 'toegepast', message: null, details: null };
  const meanwhile = await storedResult(deps.db, command.id);
  if (meanwhile) return meanwhile;
  if (tryAgainLater.has(result.error.code)) return null;
  const outcome = result.error.code === 'conflict' ? 'conflict' : 'afgewezen';
  return keepOutcome(deps, who, command, outcome, result.error.message, result.error.conflict ?? null);
}

/**
 * Applies the commands in order. One the server cannot take now (busy, restoring) ends the push there: the ones
 * after it wait, since they may build on it, and the desk sends them again.
 */
export async function applyPush(
  deps: PushDeps,
  who: Pusher,
  commands: readonly PushedCommand[],
): Promise<PushResponse> {
  const results: CommandResult[] = [];
  const device = await deps.db
    .selectFrom('sync_devices')
    .select('naam')
    .where('id', '=', who.deviceId)
    .executeTakeFirst();
  const sender = { ...who, deviceNaam: device?.naam ?? null };
  for (const command of commands) {
    const result = await applyOne(deps, sender, command);
    if (!result) break;
    results.push(result);
  }
  return { results };
}
