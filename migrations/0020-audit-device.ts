import type { Migration } from './types.ts';

/**
 * The desk a change came from, beside who made it: when the server replays a command a desk pushed (or a desk pairs
 * or signs in), its audit rows keep the desk's id, its name as it was then (a desk reads the log it pulled without
 * the server's list of devices) and the command's id. A change made on the desk itself, or on a single desk, has
 * none of these (null).
 */
export const migration0020: Migration = {
  version: 20,
  name: 'audit-device',
  async up(db) {
    // One column per statement: SQLite adds only one at a time.
    for (const column of ['device_id', 'device_naam', 'command_id'])
      await db.schema.alterTable('audit_log').addColumn(column, 'text').execute();
  },
};
