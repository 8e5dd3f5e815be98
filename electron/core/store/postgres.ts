import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations as shippedMigrations } from '../../../migrations/index.ts';
import type { Migration } from '../../../migrations/types.ts';
import { MigrationStepError, migrate, migrationFailure } from './migrate.ts';
import type { DB } from './schema.ts';
import type { PostgresStore } from './store.ts';

/**
 * What PostgreSQL returns as text by default but the services read as numbers, as SQLite gives them: count(*) and
 * sum() of an integer column are bigint; sum() of a bigint and avg() are numeric. Our counts and cents stay far below
 * 2^53. Set on this pool only, so another user of `pg` in the process keeps its own parsing.
 */
const asNumber = new Map<number, (text: string) => number>([
  [pg.types.builtins.INT8, Number],
  [pg.types.builtins.NUMERIC, Number],
]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    asNumber.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  migrations?: readonly Migration[];
  now?: string;
  /** Connections in the pool: each open transaction holds one. */
  maxConnections?: number;
}

/** Opens a PostgreSQL database by URL and brings it to the newest shipped schema, as openStore does a file. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types });
  // An idle connection PostgreSQL ends (a restart, or its stop just after close(), whose pool.end() does not wait
  // for its connections to finish closing) is reported here and dropped by the pool; unheard, it ends the process.
  // A statement that needs the database meets a real outage itself, with its own error.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const location = withoutPassword(url);
  try {
    await migrate(db, options.migrations ?? shippedMigrations, options.now ?? new Date().toISOString());
  } catch (err) {
    await db.destroy();
    throw err instanceof MigrationStepError ? migrationFailure(err, location) : err;
  }
  return { engine: 'postgres', db, location, close: () => db.destroy() };
}

/** The URL as a message or log may show it: server and database, never the password. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}
