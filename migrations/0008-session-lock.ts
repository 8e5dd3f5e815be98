import type { Migration } from './types.ts';

/** The organisation's idle time before an open Schakel locks and asks for the password again (minutes). */
export const migration0008: Migration = {
  version: 8,
  name: 'session-lock',
  async up(db) {
    await db.schema
      .alterTable('settings')
      .addColumn('vergrendelen_na_minuten', 'integer', (c) => c.notNull().defaultTo(15))
      .execute();
  },
};
