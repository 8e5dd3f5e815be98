import type { Migration } from './types.ts';

/**
 * The desk's side of working as a team: the outbox of commands made here and not yet answered by the server (in
 * the order made), the Te verwerken inbox of commands the server refused or found in conflict, the desk's own
 * sync state (its pull cursor), and the undo log that lets a pull put the server's rows back under the commands
 * still waiting (see electron/core/sync/desk-rebase.ts). On the server these tables stay empty.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'desk-sync',
  async up(db) {
    await db.schema
      .createTable('sync_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull().unique())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('call', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sync_inbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('call', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolution', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('sync_inbox_account')
      .on('sync_inbox')
      .columns(['account_id', 'resolved_at'])
      .execute();

    await db.schema
      .createTable('sync_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    // A row as it was before the first waiting command changed it (row null: it did not exist yet).
    await db.schema
      .createTable('sync_undo')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('row', 'text')
      .addPrimaryKeyConstraint('sync_undo_pk', ['table_name', 'row_id'])
      .execute();
  },
};
