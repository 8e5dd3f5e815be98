import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { AuditPage, auditListInput, FieldChange } from '../../../shared/audit.ts';
import { addDays } from '../../../shared/dates.ts';
import { isWellbeingNote, seesWellbeingNotes } from '../../../shared/permissions.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { Reader } from '../context.ts';
import { pageOf } from '../store/page-bounds.ts';
import type { DB } from '../store/schema.ts';

type AuditQuery = z.output<typeof auditListInput>;

/** Audit entries, newest first, with the fields a reader's role may not see masked. */
export async function listAudit(
  db: Reader,
  input: AuditQuery,
  account: SessionAccount | null,
): Promise<AuditPage> {
  const where = (eb: ExpressionBuilder<DB, 'audit_log'>) => {
    const conditions = [];
    if (input.accountId) conditions.push(eb('audit_log.account_id', '=', input.accountId));
    if (input.call) conditions.push(eb('audit_log.call', '=', input.call));
    if (input.recordType) conditions.push(eb('audit_log.record_type', '=', input.recordType));
    if (input.recordId) conditions.push(eb('audit_log.record_id', '=', input.recordId));
    // Days are Dutch calendar days; the log stores UTC, so compare on the day's bounds in UTC.
    if (input.from) conditions.push(eb('audit_log.at', '>=', amsterdamDayStart(input.from)));
    if (input.to) conditions.push(eb('audit_log.at', '<', amsterdamDayStart(addDays(input.to, 1))));
    return eb.and(conditions);
  };
  const counted = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const sorted = db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.id', 'audit_log.account_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.account_id',
      'audit_log.call',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.summary',
      'audit_log.changes',
      'audit_log.device_naam',
      'accounts.display_name',
    ])
    .where(where)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc');
  const rows = await pageOf(sorted, input.page, input.pageSize).execute();
  // An administrateur who reads the log as beheerder sees that notes changed, not what they say.
  const hideNotes = !seesWellbeingNotes(account);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      accountId: row.account_id,
      accountName: row.display_name,
      deviceName: row.device_naam,
      call: row.call,
      recordType: row.record_type,
      recordId: row.record_id,
      summary: row.summary,
      changes: (JSON.parse(row.changes) as FieldChange[]).map((change) =>
        hideNotes && isWellbeingNote(change.field) ? { ...change, before: '…', after: '…' } : change,
      ),
    })),
    total: Number(counted.n),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The UTC instant at which a calendar day starts in Europe/Amsterdam. */
export function amsterdamDayStart(iso: string): string {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  const hourInAmsterdam = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(utcMidnight))
    .find((part) => part.type === 'hour');
  const offsetHours = Number(hourInAmsterdam?.value ?? 0);
  return new Date(utcMidnight - offsetHours * 3600_000).toISOString();
}
