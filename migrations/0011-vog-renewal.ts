import type { Migration } from './types.ts';

/** The date a VOG is to be renewed, beside the date it was issued (only the two dates; never the document). */
export const migration0011: Migration = {
  version: 11,
  name: 'vog-renewal',
  async up(db) {
    await db.schema.alterTable('persons').addColumn('vog_vernieuwdatum', 'text').execute();
  },
};
