import { sql } from 'kysely';
import type { Migration } from './types.ts';

/**
 * The column `claims.uren` always held minutes: it is called `minuten` from here on, as the code calls it.
 *
 * In the same step, an index of the allowance granted per person and day: the claim checks sum it per month and
 * year for every claim in the queue. Partial, so it holds only what counts toward the caps (approved, in a batch or
 * paid, and not a receipt-backed cost); status and kind are in it too, so the sums read the index alone. A query
 * uses it only when its condition is written exactly like this one
 * (claims/checks.ts; a test there holds the two together).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'claim-minutes',
  async up(db) {
    await db.schema.alterTable('claims').renameColumn('uren', 'minuten').execute();
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
