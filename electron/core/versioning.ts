import type { Transaction } from 'kysely';
import { labelOf } from '../../shared/field-labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import { Failure } from './failure.ts';
import type { DB } from './store/schema.ts';

type VersionedTable =
  | 'accounts'
  | 'persons'
  | 'settings'
  | 'function_profiles'
  | 'contracts'
  | 'pops'
  | 'log_entries'
  | 'intervisie_groups'
  | 'claims'
  | 'payout_batches';

/**
 * Optimistic concurrency: an edit names the version it read. When the record moved on since, the edit is refused
 * and the message says who changed which fields, so two windows or colleagues never overwrite each other silently.
 * Updates also carry `where version = read` so the check holds on a shared server too.
 */
export async function assertVersion(
  db: Transaction<DB>,
  table: VersionedTable,
  id: string,
  readVersion: number,
): Promise<void> {
  const row = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (!row || row.version === readVersion) return;
  const later = await db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.id', 'audit_log.account_id')
    .select(['audit_log.changes', 'audit_log.at', 'accounts.display_name'])
    .where('audit_log.record_id', '=', id)
    .where('audit_log.record_version', '>', readVersion)
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
  throw new Failure(
    'conflict',
    `Dit is intussen gewijzigd ${who}${what}. Je wijziging is niet opgeslagen. Laad de nieuwste gegevens en voer je wijziging daarna opnieuw in.`,
  );
}
