import type { Generated } from 'kysely';

/** Tables of the sync area (the server's command log and change feed), part of the DB type in schema.ts. */

/** One row: the number of the last command applied; each command's transaction bumps it first. */
export interface SyncClockTable {
  id: number;
  seq: number;
}

/** Every row that changed, once, under the number of the last command that changed it (a deleted row stays). */
export interface SyncChangesTable {
  table_name: string;
  row_id: string;
  seq: number;
}

/** A desk paired with the server; its key is kept only as a hash. */
export interface SyncDevicesTable {
  id: string;
  naam: string;
  key_hash: string;
  paired_at: string;
  paired_by: string;
  last_contact_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  version: number;
}

/** A one-time code the beheerder hands to a desk to pair it; only its hash is kept. */
export interface SyncPairingCodesTable {
  id: string;
  code_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

/** A user signed in at the server from a paired desk; the token is kept only as a hash. */
export interface SyncTokensTable {
  id: string;
  device_id: string;
  account_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/**
 * A command a desk pushed, with how it ended: kept so a repeated push gets the same answer. Not its input: that
 * is in the audit log (which anonymisation scrubs), and a command log should not hold a second copy.
 */
export interface SyncCommandsTable {
  id: string;
  device_id: string;
  account_id: string;
  call: string;
  outcome: string;
  message: string | null;
  /** JSON: for a conflict, what the server has now (who changed the record, when, which fields). */
  details: string | null;
  /** The change number of an applied command. */
  seq: number | null;
  received_at: string;
}

/** A command made on this desk, waiting to be pushed (desk only). `position` is the order it was made in. */
export interface SyncOutboxTable {
  id: string;
  position: number;
  account_id: string;
  call: string;
  /** JSON: the parsed input, secrets included (the server needs them; the audit log hides them). */
  input: string;
  /** JSON: { now, ids }, what the server's replay needs to write the same records. */
  context: string;
  created_at: string;
}

/** Te verwerken: a command of this desk's user that the server refused or found in conflict (desk only). */
export interface SyncInboxTable {
  id: string;
  account_id: string;
  call: string;
  input: string;
  context: string;
  outcome: 'afgewezen' | 'conflict';
  message: string;
  /** JSON ConflictDetails: for a conflict, who changed which fields of which record, and when. */
  details: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: 'opnieuw' | 'aangepast' | 'verworpen' | null;
  version: Generated<number>;
}

/** The desk's own sync facts by key: its pull cursor. */
export interface SyncStateTable {
  key: string;
  value: string;
}

/** A row as it was before the commands still waiting changed it; `row` null: it did not exist (desk only). */
export interface SyncUndoTable {
  table_name: string;
  row_id: string;
  /** JSON of the row, bytes as hex (see desk-undo.ts). */
  row: string | null;
}

/** Failed guesses by `<scope>/naam:<username>` or `<scope>/client:<id>`, on the server (migration 0022); `*` is the turn row. */
export interface SyncLoginFailuresTable {
  key: string;
  failures: number;
  blocked_until: string;
  last_failed_at: string;
}

/** The start of each failed (or still running) attempt, for the limit on all attempts together (server only). */
export interface SyncLoginAttemptsTable {
  id: string;
  /** What is guessed: `wachtwoord` or `koppelcode`. */
  scope: string;
  started_at: string;
}

export interface SyncTables {
  sync_clock: SyncClockTable;
  sync_changes: SyncChangesTable;
  sync_devices: SyncDevicesTable;
  sync_pairing_codes: SyncPairingCodesTable;
  sync_tokens: SyncTokensTable;
  sync_commands: SyncCommandsTable;
  sync_outbox: SyncOutboxTable;
  sync_inbox: SyncInboxTable;
  sync_state: SyncStateTable;
  sync_undo: SyncUndoTable;
  sync_login_failures: SyncLoginFailuresTable;
  sync_login_attempts: SyncLoginAttemptsTable;
}
