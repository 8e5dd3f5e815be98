import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { AuditPage, auditListInput, FieldChange } from '../../../shared/audit.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { Reader } from '../context.ts';
import type { DB } from '../store/schema.ts';

/** Fields hidden from an administrateur who reads the log as beheerder: notes about a person's wellbeing. */
const hiddenForAdministrateur = new Set(['notities']);

type AuditQuery = z.output<typeof auditListInput>;

/** Audit entries, newest first, with the fields a reader's role may not see masked. */
export async function listAudit(
  db: Reader,
  input: AuditQuery,
  account: SessionAccount | null,
): Promise<AuditPage> {
  const where = (eb: ExpressionBuilder<DB, 'audit_log'>) => {
    const c = [];
    if (input.accountId) c.push(eb('audit_log.account_id', '=', input.accountId));
    if (input.call) c.push(eb('audit_log.call', '=', input.call));
    if (input.recordType) c.push(eb('audit_log.record_type', '=', input.recordType));
    if (input.recordId) c.push(eb('audit_log.record_id', '=', input.recordId));
    // Days are Dutch calendar days; the log stores UTC, so compare on the day's bounds in UTC.
    if (input.from) c.push(eb('audit_log.at', '>=', amsterdamDayStart(input.from)));
    if (input.to) c.push(eb('audit_log.at', '<', amsterdamDayStart(nextDay(input.to))));
    return eb.and(c);
  };
  const counted = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await db
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
      'accounts.display_name',
    ])
    .where(where)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(input.pageSize)
    .offset(input.page * input.pageSize)
    .execute();
  const hide = account?.role === 'administrateur';
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
      accountName: r.display_name,
      call: r.call,
      recordType: r.record_type,
      recordId: r.record_id,
      summary: r.summary,
      changes: (JSON.parse(r.changes) as FieldChange[]).map((ch) =>
        hide && hiddenForAdministrateur.has(ch.field) ? { ...ch, before: '…', after: '…' } : ch,
      ),
    })),
    total: Number(counted.n),
    page: input.page,
    pageSize: input.pageSize,
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant at which a calendar day starts in Europe/Amsterdam. */
export function amsterdamDayStart(iso: string): string {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(utcMidnight))
    .find((p) => p.type === 'hour');
  const offsetHours = Number(parts?.value ?? 0);
  return new Date(utcMidnight - offsetHours * 3600_000).toISOString();
}
