/** How the dispatcher hands a desk's command calls to its outbox (DispatcherDeps.commandRecorder). */
import type { Transaction } from 'kysely';
import type { CallName } from '../../../shared/contract.ts';
import type { DB } from '../store/schema.ts';

/** A command call as a desk records it: what the server's replay needs to write the very same records. */
export interface RecordedCommand {
  call: CallName;
  /** Parsed, secrets included (the server needs them; the audit log hides them). */
  input: unknown;
  accountId: string | null;
  now: string;
  ids: string[];
}

export interface CommandRecorder {
  /** Inside the transaction, before the handler. */
  before(transaction: Transaction<DB>): Promise<void>;
  /** Inside the transaction, after the handler and its audit. */
  after(transaction: Transaction<DB>, command: RecordedCommand): Promise<void>;
}
