import { sql } from 'kysely';
import { isPostgres } from './engine.ts';
import type { Migration } from './types.ts';

/**
 * Files travel to desks as references by the SHA-256 of their content, and a desk fetches each from the server by
 * that hash (GET /sync/blob). The server finds the rows that hold it through an index on the hash of each column of
 * files, computed by PostgreSQL itself (a stored hash column is only as right as whoever wrote it). A desk never
 * looks a file up by hash across a table: on SQLite this step does nothing.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'blob-hashes',
  async up(db) {
    if (!isPostgres(db)) return;
    for (const [table, column] of [
      ['receipts', 'bytes'],
      ['training_certificates', 'bytes'],
      ['contracts', 'pdf'],
    ] as const)
      await sql`create index ${sql.id(`${table}_${column}_sha256`)} on ${sql.table(table)} (sha256(${sql.ref(column)}))`.execute(
        db,
      );
  },
};
