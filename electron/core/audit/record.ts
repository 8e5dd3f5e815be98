import type { Insertable, Kysely } from 'kysely';
import { secretFields } from '../../../shared/accounts.ts';
import type { AuditRecord } from '../context.ts';
import { IdSource } from '../ids.ts';
import type { AuditLogTable, DB } from '../store/schema.ts';

/**
 * The desk a write came from when it was not made here: a command it pushed (replayed on the server), its pairing,
 * a user signing in on it. The name is kept as it was then, for desks that read the log without the list of devices.
 */
export interface AuditOrigin {
  deviceId: string;
  deviceNaam: string | null;
  commandId: string | null;
}

export interface AuditWrite {
  call: string;
  now: string;
  accountId: string | null;
  input: unknown;
  /** The call's context, kept so a recorded call replays to the same ids. */
  context: string;
  records: readonly AuditRecord[];
  /** Absent for a write made here (on a single desk always): the entry then names no device. */
  origin?: AuditOrigin;
}

/**
 * Rows per insert statement: fifteen parameters each, so a statement stays well inside SQLite's (32,766) and
 * PostgreSQL's (65,535) limits, and a call that touched a thousand records writes its audit in one statement.
 */
const rowsPerStatement = 1000;

/** Input and context of a call's second and later rows: the call's first row holds them. */
export const keptOnFirstRow = 'null';

/**
 * The account to name in an audit row written after the data was replaced under it (a restored backup, a desk
 * that connected and took the server's records): the account if it exists in the data now, else null; the
 * summary still says who did it.
 */
export async function accountStillThere(db: Kysely<DB>, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  return row ? accountId : null;
}

/**
 * The audit rows of one call: one per record it touched, or one for the call itself. The call's input and context
 * (what a replay needs) are stored once, on its first row; the rows after it, which share its call, time and
 * account, hold JSON null there. Copying them onto every row made a call over N records write N copies of an input
 * that lists all N: an approval of 1,000 claims wrote some 55 MB.
 */
export async function writeAudit(db: Pick<Kysely<DB>, 'insertInto'>, write: AuditWrite): Promise<void> {
  const auditIds = new IdSource(write.now);
  const input = JSON.stringify(loggedInput(write.call, write.input));
  const rows = (write.records.length > 0 ? write.records : [null]).map(
    (record, i): Insertable<AuditLogTable> => ({
      id: auditIds.next(),
      at: write.now,
      account_id: write.accountId ?? (record?.recordType === 'account' ? record.recordId : null),
      call: write.call,
      record_type: record?.recordType ?? null,
      record_id: record?.recordId ?? null,
      record_version: record?.recordVersion ?? null,
      summary: record?.summary ?? write.call,
      changes: JSON.stringify(record?.changes ?? []),
      input: i === 0 ? input : keptOnFirstRow,
      context: i === 0 ? write.context : keptOnFirstRow,
      version: 1,
      device_id: write.origin?.deviceId ?? null,
      device_naam: write.origin?.deviceNaam ?? null,
      command_id: write.origin?.commandId ?? null,
    }),
  );
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(start, start + rowsPerStatement))
      .execute();
  }
}

/**
 * A desk's upload (sync.importRows) is logged as which rows of which table came in: the rows themselves are the
 * desk's records with their own history in the desk's log that came along. A copy of each here would keep every
 * record, password hashes and receipts included, a second time, out of reach of anonymisation (audit-scrub.ts).
 */
function loggedInput(call: string, input: unknown): unknown {
  if (call !== 'sync.importRows') return redactSecrets(input);
  const { table, rows } = input as { table: string; rows: { id?: unknown }[] };
  return { table, ids: rows.map((row) => row.id) };
}

function redactSecrets(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of secretFields) if (key in copy) copy[key] = '[verborgen]';
  return copy;
}
