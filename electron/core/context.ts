import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { FieldChange } from '../../shared/audit.ts';
import type { BackupInfo, BackupOverview, BackupPreview, RecoveryKey } from '../../shared/backups.ts';
import type { Result } from '../../shared/result.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import type { BeheerCall, ConnectResult, connectInput, SyncStatus } from '../../shared/sync.ts';
import type { ClientLoginThrottle } from './auth/login-throttle.ts';
import type { Failure } from './failure.ts';
import type { DB } from './store/schema.ts';

/** Read access only: code that holds a Reader cannot write. */
export type Reader = Pick<Kysely<DB>, 'selectFrom' | 'fn'>;

/** What the audit log keeps of a write: the record it touched and its fields before and after. */
export interface AuditRecord {
  recordType: string;
  recordId: string;
  recordVersion: number | null;
  summary: string;
  changes: FieldChange[];
}

export interface CallContext {
  /** The moment of the call, ISO UTC. Services never read the clock themselves. */
  now: string;
  /** The calendar day of the call in the Netherlands, ISO date. */
  today: string;
  account: SessionAccount | null;
}

/**
 * What a write's preparation may use (see PreparedWrite): the call's moment and account, and read access outside
 * the transaction. It draws no ids and records no audit entry: that is the write's part.
 */
export interface PrepareCtx extends CallContext {
  db: Reader;
}

export interface ReadCtx extends CallContext {
  db: Reader;
  session: SessionControl;
  /** Backups of this data folder; made and restored outside any transaction, so only read calls get them. */
  backups: BackupControl;
  /** The desk's link with a Schakel server (sync/desk-link.ts); network and a swap of data, so read calls only. */
  link: LinkControl;
}

/** What the sync calls and a sign-in may ask of the desk's link; the core implements it. */
export interface LinkControl {
  status(account: SessionAccount): Promise<SyncStatus>;
  /**
   * Pairs this computer with a server; its own records go along to the server (meenemen) or make way for the
   * server's. `account` is the beheerder who connects, as signed in here. Audited.
   */
  connect(input: z.output<typeof connectInput>, account: SessionAccount): Promise<ConnectResult>;
  /** A round of sync at once, then the status. */
  syncNow(account: SessionAccount): Promise<SyncStatus>;
  /** A user signed in (or unlocked) here with this password: sign them in at the server too, in the background. */
  signedIn(account: SessionAccount, password: string): void;
  /**
   * A sign-in this desk could not confirm (`refused`): on a linked desk the server decides, since a user's password
   * hash travels only to desks they signed in on. Throws `refused` when this desk works on its own.
   */
  /** What the sign-in and first-start screens say about this computer's link (revoked, wiped), or null. */
  notice(): string | null;
  signInAtServer(
    credentials: { username: string; password: string },
    refused: Failure,
  ): Promise<SessionAccount>;
  /**
   * A beheerder's call about the server's desks (beheerCalls): on a linked desk the server's answer, asked at once
   * as `account`; null where the calls run here (the server's own core). Refused on a desk working alone.
   */
  atServer(call: BeheerCall, input: unknown, account: SessionAccount): Promise<Result<unknown> | null>;
  /**
   * A file a linked desk has not fetched yet (desk-files.ts), by the hash its row records: fetched from the server
   * as `account`, checked, kept. Refused in Dutch when the server cannot be reached.
   */
  file(sha256: string, account: SessionAccount | null): Promise<Buffer>;
}

/** What the backup calls may do; the core implements it (a restore swaps the open store). */
export interface BackupControl {
  overview(): BackupOverview;
  setFolder(folder: string, account: SessionAccount): Promise<void>;
  create(account: SessionAccount): Promise<BackupInfo>;
  preview(name: string): Promise<BackupPreview>;
  /** Replaces the data with a backup, after a backup of the current state; logs everyone out. */
  restore(name: string, account: SessionAccount): Promise<{ safetyCopy: BackupInfo }>;
  /** The key that opens the data elsewhere (see RecoveryKey); audited. */
  recoveryKey(account: SessionAccount): Promise<RecoveryKey>;
}

export interface WriteCtx extends CallContext {
  db: Transaction<DB>;
  /** A new UUIDv7 drawn from the call's context, so a recorded call replays to the same ids. */
  newId(): string;
  audit(record: AuditRecord): void;
  /** Runs after the transaction committed (session changes must not outlive a rolled-back write). */
  afterCommit(fn: () => void): void;
  session: SessionControl;
  /** On the server, the paired desk whose command this is; null for a call made where it runs. */
  originDevice: string | null;
}

/** The calling client's session, and the process-wide session state a call may change. */
export interface SessionControl {
  login(account: SessionAccount): void;
  logout(): void;
  /** A changed account takes effect in every window it is logged in to; null logs it out everywhere. */
  update(accountId: string, account: SessionAccount | null): void;
  /** Limits on password guesses, for the calling client. */
  throttle: ClientLoginThrottle;
  /** How many other windows or tabs are in use now (logged in, not locked or idle). */
  othersInUse(): Promise<number>;
  /** Locks this client's session (idle); unlock after the password was checked. */
  lock(): void;
  unlock(): void;
}

/** Fields that differ between two flat snapshots of a record. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after)) {
    const b = before ? before[field] : null;
    const a = after[field];
    if (JSON.stringify(b ?? null) !== JSON.stringify(a ?? null))
      changes.push({ field, before: b ?? null, after: a ?? null });
  }
  return changes;
}
