import { binaryType } from './engine.ts';
import type { Migration } from './types.ts';

/**
 * Declaraties: expense claims per person (and the contract active on their date), with the values as first entered
 * kept beside any correction, and the receipts stored in the database so a backup holds them.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'declaraties',
  async up(db) {
    await db.schema
      .createTable('claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
      .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
      .addColumn('soort', 'text', (c) => c.notNull())
      .addColumn('datum', 'text', (c) => c.notNull())
      .addColumn('omschrijving', 'text', (c) => c.notNull())
      .addColumn('van', 'text')
      .addColumn('naar', 'text')
      .addColumn('km', 'integer')
      .addColumn('uren', 'integer')
      .addColumn('bedrag_cents', 'integer', (c) => c.notNull())
      .addColumn('origineel', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reden_afwijzing', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('beoordeeld_door', 'text', (c) => c.references('accounts.id'))
      .addColumn('beoordeeld_op', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('claims_person_date').on('claims').columns(['person_id', 'datum']).execute();
    await db.schema.createIndex('claims_status').on('claims').columns(['status', 'datum']).execute();

    await db.schema
      .createTable('receipts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', binaryType(db), (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('receipts_claim').on('receipts').column('claim_id').execute();
  },
};
