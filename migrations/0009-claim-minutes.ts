import { sql } from 'kysely';
import type { Migration } from './types.ts';

/**
 * The column `claims.uren` always held minutes: it is called `minuten` from here on, as the code calls it.
 *
 * In the same step, the indexes the claim checks read, so a queue page's checks never touch the table:
 * - the per-person index grows to cover kind, amount and status (its first two columns are the old index's), so
 *   likely duplicates are counted from it alone;
 * - an index of the allowance granted per person and day, summed per month and year for every claim in the queue.
 *   Partial, so it holds only what counts toward the caps (approved, in a batch or paid, and not a receipt-backed
 *   cost). A query uses it only when its condition is written exactly like this one (claims/checks.ts; a test
 *   there holds the two together).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'claim-minutes',
  async up(db) {
    await db.schema.alterTable('claims').renameColumn('uren', 'minuten').execute();
    await db.schema.dropIndex('claims_person_date').execute();
    await db.schema
      .createIndex('claims_person_date')
      .on('claims')
      .columns(['person_id', 'datum', 'soort', 'bedrag_cents', 'status'])
      .execute();
    await db.schema
      .createIndex('claims_granted_allowance')
      .on('claims')
      .columns(['person_id', 'datum', 'bedrag_cents', 'status', 'soort'])
      .where(
        sql<boolean>`status in ('goedgekeurd', 'in_batch', 'betaald') and soort not in ('ov', 'parkeren', 'onkosten')`,
      )
      .execute();
  },
};
