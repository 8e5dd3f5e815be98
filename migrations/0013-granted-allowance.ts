import { sql } from 'kysely';
import type { Migration } from './types.ts';

/**
 * The untaxed allowance granted per person and period ('YYYY' and 'YYYY-MM'): the sum of their approved, batched
 * and paid claims other than costs with a receipt. Kept up to date in the same transaction as every approval and
 * removal, so the fiscal checks read two rows per person instead of summing a year of claims for each queue page.
 * Derived data: the claims stay the record (and the inzage covers it through them). The partial index that served
 * the summing (0009) goes: nothing reads claims that way any more, and every claim write paid for it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'granted-allowance',
  async up(db) {
    await db.schema
      .createTable('granted_allowance')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('cents', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('granted_allowance_pk', ['person_id', 'period'])
      .execute();
    // The statuses and kinds as they are at this step (shared/claims.ts may change; this fill may not).
    for (const length of [7, 4]) {
      await sql`insert into granted_allowance (person_id, period, cents)
        select person_id, substr(datum, 1, ${sql.lit(length)}), sum(bedrag_cents) from claims
        where status in ('goedgekeurd', 'in_batch', 'betaald') and soort not in ('ov', 'parkeren', 'onkosten')
        group by person_id, substr(datum, 1, ${sql.lit(length)})`.execute(db);
    }
    await db.schema.dropIndex('claims_granted_allowance').execute();
  },
};
