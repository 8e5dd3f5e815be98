import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * An open store, whichever engine holds it. Services and the dispatcher use only `db` (kysely's portable builder);
 * what is one engine's own (the SQLite handle for pragmas and backups) sits on that engine's variant.
 */
interface OpenStore {
  db: Kysely<DB>;
  /** Where the data is, as a message may name it: the file, or the PostgreSQL server and database (no password). */
  location: string;
  close(): Promise<void>;
}

/** The desk's encrypted SQLite file (store/open-store.ts). */
export interface SqliteStore extends OpenStore {
  engine: 'sqlite';
  /** The raw handle, for pragmas, backups and the benchmark's baseline; services never use it. */
  sqlite: Database.Database;
  file: string;
}

/** A PostgreSQL database, for the Schakel server (store/postgres.ts). Backups of it are PostgreSQL's own. */
export interface PostgresStore extends OpenStore {
  engine: 'postgres';
}

export type Store = SqliteStore | PostgresStore;
