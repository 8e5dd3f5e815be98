/**
 * The sets of rows the visibility rules share, each the SQL twin of a check a read handler makes in code. Portable
 * SQL only (comparisons, IN with subqueries): they run on PostgreSQL and SQLite alike.
 */
import { expressionBuilder } from 'kysely';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { DB } from '../store/schema.ts';

/** Builds subqueries outside any one table's rule; each rule puts them in its own where. */
const eb = expressionBuilder<DB, never>();

/** The people this begeleider guides: their claims (claims.list) and inzet (inzet.list) are theirs to read. */
export function caseload(account: SessionAccount) {
  return eb.selectFrom('persons').select('persons.id').where('persons.begeleider_id', '=', account.id);
}

/** Activities with at least one person this begeleider guides (listInzet's `begeleiderId`, inzet.get). */
export function caseloadInzet(account: SessionAccount) {
  return eb
    .selectFrom('inzet_persons')
    .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
    .select('inzet_persons.inzet_id')
    .where('persons.begeleider_id', '=', account.id);
}

/** maySee in begeleiding/log.ts for someone who is not a projectleider: not vertrouwelijk, or their own. */
export function readableEntries(account: SessionAccount) {
  return eb
    .selectFrom('log_entries as entry')
    .select('entry.id')
    .where((e) => e.or([e('entry.vertrouwelijk', '<>', 1), e('entry.author_id', '=', account.id)]));
}
