import type { Migration } from './types.ts';

/**
 * The server's side of working as a team (several desks, one PostgreSQL database): the paired devices, their
 * one-time pairing codes and the users signed in on them, the log of commands the desks pushed (each applied exactly once, keyed by its id), and
 * the change feed: every changed row once, under the number of the last command that changed it. The numbers come
 * from one counter row that each command's transaction bumps first, so they follow the order of commit.
 * On a desk these tables stay empty.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'sync',
  async up(db) {
    await db.schema
      .createTable('sync_clock')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('sync_clock').values({ id: 1, seq: 0 }).execute();

    await db.schema
      .createTable('sync_changes')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_changes_pk', ['table_name', 'row_id'])
      .execute();
    await db.schema.createIndex('sync_changes_seq').on('sync_changes').column('seq').execute();

    await db.schema
      .createTable('sync_devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('naam', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('paired_at', 'text', (c) => c.notNull())
      .addColumn('paired_by', 'text', (c) => c.notNull())
      .addColumn('last_contact_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('sync_pairing_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('device_id', 'text')
      .execute();

    // A user signed in at the server from a paired desk: pushes and pulls carry the token and act as that user.
    await db.schema
      .createTable('sync_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('sync_commands')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('call', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('details', 'text')
      .addColumn('seq', 'integer')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sync_commands_device')
      .on('sync_commands')
      .columns(['device_id', 'received_at'])
      .execute();
  },
};
