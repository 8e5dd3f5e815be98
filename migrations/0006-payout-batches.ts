import type { Migration } from './types.ts';

/** Payout batches: approved claims paid by one SEPA file, kept with the file as it was made. */
export const migration0006: Migration = {
  version: 6,
  name: 'payout-batches',
  async up(db) {
    await db.schema
      .createTable('payout_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nummer', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('uitvoerdatum', 'text', (c) => c.notNull())
      .addColumn('aantal', 'integer', (c) => c.notNull())
      .addColumn('totaal_cents', 'integer', (c) => c.notNull())
      .addColumn('xml', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('claims_batch').on('claims').column('batch_id').execute();
  },
};
