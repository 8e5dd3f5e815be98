import { sql, type Transaction, type Updateable } from 'kysely';
import type { FieldChange } from '../../shared/audit.ts';
import { labelOf } from '../../shared/field-labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { Reader, WriteCtx } from './context.ts';
import { Failure, notFound } from './failure.ts';
import type { DB } from './store/schema.ts';

/** Tables whose rows carry a version that every write bumps. */
export type VersionedTable =
  | 'accounts'
  | 'persons'
  | 'settings'
  | 'function_profiles'
  | 'contracts'
  | 'pops'
  | 'log_entries'
  | 'intervisie_groups'
  | 'claims'
  | 'payout_batches'
  | 'person_status_history'
  | 'intervisie_sessions'
  | 'archived_claim_totals'
  | 'retention_removals'
  | 'audit_log'
  | 'doorgroei_profiles'
  | 'doorgroei_outflows'
  | 'trainings'
  | 'person_trainings'
  | 'training_sessions'
  | 'training_session_attendees'
  | 'partners'
  | 'projects'
  | 'requests'
  | 'person_availability'
  | 'person_absences'
  | 'inzet'
  | 'sync_devices'
  | 'sync_inbox';

/** A record as the caller read it: its id and the version it saw. */
export interface ReadRecord {
  id: string;
  version: number;
}

/** What the audit log keeps of the edit; the record id and its new version are filled in here. */
export interface VersionedAudit {
  recordType: string;
  summary: string;
  changes: FieldChange[];
}

type Values<T extends VersionedTable> = Omit<Updateable<DB[T]>, 'id' | 'version'>;

/**
 * The one versioned write: updates the row only where id and version still match, checks that exactly one row
 * changed (otherwise the conflict message below, the same for every record), bumps the version and records the
 * audit entry. This is the guard that holds when two desks write to one shared database at once.
 */
export async function updateVersioned<T extends VersionedTable>(
  ctx: Pick<WriteCtx, 'db' | 'audit'>,
  table: T,
  record: ReadRecord,
  values: Values<T>,
  audit: VersionedAudit | null,
): Promise<ReadRecord> {
  const next = record.version + 1;
  // Kysely cannot narrow a generic table name; the types above hold the caller to the right table's columns.
  const db = ctx.db as unknown as Transaction<Pick<DB, 'persons'>>;
  const result = await db
    .updateTable(table as 'persons')
    .set({ ...(values as Updateable<DB['persons']>), version: next })
    .where('id', '=', record.id)
    .where('version', '=', record.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw await conflict(ctx.db, table, record);
  if (audit) ctx.audit({ ...audit, recordId: record.id, recordVersion: next });
  return { id: record.id, version: next };
}

/**
 * The versioned delete: removes the row only at the version the caller read, refused as updateVersioned refuses
 * (the caller's transaction rolls back with it). The caller writes the audit entry, naming what was removed.
 */
export async function deleteVersioned(
  ctx: Pick<WriteCtx, 'db'>,
  table: VersionedTable,
  record: ReadRecord,
): Promise<void> {
  const db = ctx.db as unknown as Transaction<Pick<DB, 'persons'>>;
  const result = await db
    .deleteFrom(table as 'persons')
    .where('id', '=', record.id)
    .where('version', '=', record.version)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw await conflict(ctx.db, table, record);
}

/** Rows per statement of a set-based write: two parameters each, well inside SQLite's and PostgreSQL's limits. */
const rowsPerStatement = 1000;

/**
 * updateVersioned for many records at once, with the same values: one statement per thousand records, refused as
 * a whole (the transaction rolls back) when any of them moved on since it was read. The audit entry of each record
 * comes from `audit`, or none where it returns null.
 */
export async function updateVersionedMany<T extends VersionedTable>(
  ctx: Pick<WriteCtx, 'db' | 'audit'>,
  table: T,
  records: readonly ReadRecord[],
  values: Values<T>,
  audit: ((record: ReadRecord) => VersionedAudit | null) | null,
): Promise<ReadRecord[]> {
  const db = ctx.db as unknown as Transaction<Pick<DB, 'persons'>>;
  for (let start = 0; start < records.length; start += rowsPerStatement) {
    const chunk = records.slice(start, start + rowsPerStatement);
    const result = await db
      .updateTable(table as 'persons')
      .set({ ...(values as Updateable<DB['persons']>), version: sql<number>`version + 1` })
      .where((eb) =>
        // Grouped by the version read (usually one or two), so the condition stays shallow for the parser.
        eb.or(
          [...Map.groupBy(chunk, (r) => r.version)].map(([version, rows]) =>
            eb.and([
              eb('version', '=', version),
              eb(
                'id',
                'in',
                rows.map((r) => r.id),
              ),
            ]),
          ),
        ),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== chunk.length) {
      const moved = await firstMoved(ctx.db, table, chunk);
      throw await conflict(ctx.db, table, moved);
    }
  }
  const saved = records.map((r) => ({ id: r.id, version: r.version + 1 }));
  if (audit) {
    for (const record of records) {
      const entry = audit(record);
      if (entry) ctx.audit({ ...entry, recordId: record.id, recordVersion: record.version + 1 });
    }
  }
  return saved;
}

/** The first of `records` whose row is gone or at another version. */
async function firstMoved(
  db: Reader,
  table: VersionedTable,
  records: readonly ReadRecord[],
): Promise<ReadRecord> {
  const rows = await db
    .selectFrom(table)
    .select(['id', 'version'])
    .where(
      'id',
      'in',
      records.map((r) => r.id),
    )
    .execute();
  const current = new Map(rows.map((r) => [r.id, r.version]));
  return records.find((r) => current.get(r.id) !== r.version) ?? (records[0] as ReadRecord);
}

/**
 * Refuses an edit of a record that moved on since the caller read it, before any work is done; the write itself
 * goes through updateVersioned, which checks again.
 */
export async function assertCurrent(db: Reader, table: VersionedTable, record: ReadRecord): Promise<void> {
  const row = await db.selectFrom(table).select('version').where('id', '=', record.id).executeTakeFirst();
  if (row?.version !== record.version) throw await conflict(db, table, record);
}

/**
 * Why an edit found no row at its version: gone, or changed since it was read. The message says who changed which
 * fields, so two windows or colleagues never overwrite each other silently.
 */
async function conflict(db: Reader, table: VersionedTable, record: ReadRecord): Promise<Failure> {
  const row = await db.selectFrom(table).select('version').where('id', '=', record.id).executeTakeFirst();
  if (!row) return notFound('Dit gegeven');
  const later = await db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.id', 'audit_log.account_id')
    .select(['audit_log.changes', 'audit_log.at', 'accounts.display_name'])
    .where('audit_log.record_id', '=', record.id)
    .where('audit_log.record_version', '>', record.version)
    .orderBy('audit_log.at')
    .execute();
  const fields = new Set<string>();
  for (const entry of later) {
    for (const change of JSON.parse(entry.changes) as { field: string }[]) {
      fields.add(labelOf(change.field));
    }
  }
  const last = later.at(-1);
  const who = last
    ? `door ${last.display_name ?? 'een collega'} op ${formatDateTime(last.at)}`
    : 'door een ander';
  const what = fields.size > 0 ? ` (gewijzigd: ${[...fields].join(', ')})` : '';
  const refused = new Failure(
    'conflict',
    `Dit is intussen gewijzigd ${who}${what}. Je wijziging is niet opgeslagen. Laad de nieuwste gegevens en voer je wijziging daarna opnieuw in.`,
  );
  refused.error.conflict = {
    recordType: table,
    recordId: record.id,
    changedBy: last?.display_name ?? null,
    changedAt: last?.at ?? null,
    fields: [...fields],
  };
  return refused;
}
