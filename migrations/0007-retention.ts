import type { Migration } from './types.ts';

/**
 * Bewaartermijnen (AVG): what removal after the retention period leaves behind. Paid and rejected claims older than
 * the fiscal seven years are deleted and counted into totals per month, kind and status, so the year overviews keep
 * their sums; and every removal (a person anonymised, a set of financial records deleted) is listed with counts
 * only, never with the data it removed.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'retention',
  async up(db) {
    await db.schema
      .createTable('archived_claim_totals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('maand', 'text', (c) => c.notNull())
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('aantal', 'integer', (c) => c.notNull())
      .addColumn('bedrag_cents', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('archived_claim_totals_key', ['maand', 'soort', 'status'])
      .execute();

    await db.schema
      .createTable('retention_removals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.references('persons.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('grens', 'text', (c) => c.notNull())
      .addColumn('aantallen', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('retention_removals_person')
      .on('retention_removals')
      .column('person_id')
      .execute();
  },
};
