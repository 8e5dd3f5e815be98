import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The few column types that differ between the two engines the same steps run on. On SQLite each gives the type
 * the step always wrote (the schema SQLite stores stays byte for byte the same); on PostgreSQL its counterpart.
 */
// biome-ignore lint/suspicious/noExplicitAny: as in Migration.up, the schema of a step, not today's DB type.
export function binaryType(db: Kysely<any>): 'blob' | 'bytea' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}

/** A step that only the server's engine needs (an index for a lookup only the server makes). */
// biome-ignore lint/suspicious/noExplicitAny: as in Migration.up, the schema of a step, not today's DB type.
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
