/** What a dispatcher is made of, and what a replayed command brings along (dispatcher.ts). */
import type { Transaction } from 'kysely';
import type { CallName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { AuditOrigin } from './audit/record.ts';
import type { BackupControl, ReadCtx } from './context.ts';
import type { Handlers } from './handler-types.ts';
import type { Sessions } from './sessions.ts';
import type { DB } from './store/schema.ts';
import type { Store } from './store/store.ts';
import type { CommandRecorder } from './sync/command-recorder.ts';

export interface DispatcherDeps<S extends Store = Store> {
  /** The desk's SQLite file or the server's PostgreSQL: the calls run the same on either. */
  store: S;
  sessions: Sessions;
  /**
   * Milliseconds on a clock of real time, for the idle lock: a person's inactivity, not the call's business time
   * (`clock`, which a test or a replay may set anywhere).
   */
  idleClock?: () => number;
  /** Backups of the data folder; a dispatcher without them (a test's, or on PostgreSQL) refuses the backup calls. */
  backups?: BackupControl;
  /** A desk's link with a server (sync/desk-link.ts); without one the sync calls of a desk are refused. */
  link?: ReadCtx['link'];
  clock?: () => Date;
  handlers?: Handlers;
  /**
   * Where unexpected failures are reported, with the reference the user is shown; never receives input values
   * (they may hold personal data).
   */
  logError?: (call: CallName, thrown: unknown, reference: string) => void;
  /** Told of every call's outcome (a known call only) and how long it took, for the log. */
  onCall?: (call: CallName, result: Result<unknown>, milliseconds: number) => void;
  /**
   * A desk working with a server: every command call (sync/commands.ts) made here is recorded for the server in
   * the write's own transaction (sync/desk-outbox.ts). A replay is a command recorded already, so never again.
   */
  commandRecorder?: CommandRecorder;
}

/** A recorded write, replayed to the same result: the audit log's input and context. */
export interface Replay {
  now: string;
  ids: string[];
  /** The desk that pushed the command, named in its audit rows. */
  origin?: AuditOrigin;
  /**
   * Steps of the server's command log inside the write's own transaction: `first` before the handler (number the
   * change, refuse a command applied already), `last` after the audit (record the command as applied).
   */
  transaction?: {
    first(transaction: Transaction<DB>): Promise<void>;
    last(transaction: Transaction<DB>): Promise<void>;
  };
}
