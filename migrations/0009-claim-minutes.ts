import type { Migration } from './types.ts';

/** The column `claims.uren` always held minutes: it is called `minuten` from here on, as the code calls it. */
export const migration0009: Migration = {
  version: 9,
  name: 'claim-minutes',
  async up(db) {
    await db.schema.alterTable('claims').renameColumn('uren', 'minuten').execute();
  },
};
