import type { Kysely } from 'kysely';

/** One forward-only schema step. Uses kysely's schema builder so the same step runs on PostgreSQL later. */
export interface Migration {
  version: number;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was at its own step, not today's DB type.
  up(db: Kysely<any>, now: string): Promise<void>;
}
