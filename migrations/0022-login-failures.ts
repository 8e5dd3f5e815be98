import type { Migration } from './types.ts';

/**
 * The server's limits on guessing passwords and pairing codes, kept in its database so that every server process
 * behind a load balancer counts the same guesses: per user name or client, the failures in a row and until when the
 * next attempt waits; and the start of each failed attempt, for the limit on all attempts together. Passwords and
 * pairing codes are counted apart (`scope`). One row, `*`,
 * is updated first by every attempt, so attempts on different processes take their turn. A desk keeps these counts
 * in memory and leaves the tables empty.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'login-failures',
  async up(db) {
    await db.schema
      .createTable('sync_login_failures')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('blocked_until', 'text', (c) => c.notNull())
      .addColumn('last_failed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sync_login_failures_last')
      .on('sync_login_failures')
      .column('last_failed_at')
      .execute();
    await db
      .insertInto('sync_login_failures')
      .values({ key: '*', failures: 0, blocked_until: '', last_failed_at: '' })
      .execute();
    await db.schema
      .createTable('sync_login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sync_login_attempts_started')
      .on('sync_login_attempts')
      .columns(['scope', 'started_at'])
      .execute();
  },
};
