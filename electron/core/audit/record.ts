import type { Insertable, Kysely } from 'kysely';
import { secretFields } from '../../../shared/accounts.ts';
import type { AuditRecord } from '../context.ts';
import { IdSource } from '../ids.ts';
import type { AuditLogTable, DB } from '../store/schema.ts';

export interface AuditWrite {
  call: string;
  now: string;
  accountId: string | null;
  input: unknown;
  /** The call's context, kept so a recorded call replays to the same ids. */
  context: string;
  records: readonly AuditRecord[];
}

/**
 * Rows per insert statement: twelve parameters each, so a statement stays well inside SQLite's (32,766) and
 * PostgreSQL's (65,535) limits, and a call that touched a thousand records writes its audit in one statement.
 */
const rowsPerStatement = 1000;

/** The audit rows of one call: one per record it touched, or one for the call itself. */
export async function writeAudit(db: Pick<Kysely<DB>, 'insertInto'>, write: AuditWrite): Promise<void> {
  const auditIds = new IdSource(write.now);
  const input = JSON.stringify(redactSecrets(write.input));
  const rows = (write.records.length > 0 ? write.records : [null]).map(
    (record): Insertable<AuditLogTable> => ({
      id: auditIds.next(),
      at: write.now,
      account_id: write.accountId ?? (record?.recordType === 'account' ? record.recordId : null),
      call: write.call,
      record_type: record?.recordType ?? null,
      record_id: record?.recordId ?? null,
      record_version: record?.recordVersion ?? null,
      summary: record?.summary ?? write.call,
      changes: JSON.stringify(record?.changes ?? []),
      input,
      context: write.context,
      version: 1,
    }),
  );
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(start, start + rowsPerStatement))
      .execute();
  }
}

function redactSecrets(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of secretFields) if (key in copy) copy[key] = '[verborgen]';
  return copy;
}
