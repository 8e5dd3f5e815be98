/**
 * The server's database as it is, not migrated: the URL given (`--database-url`), or the `schakel` database of the
 * embedded PostgreSQL in the data folder (started now, or joined while a server runs it). The core migrates it;
 * backups and restores work on it as it is (a restore may be what mends a database that no longer migrates), and
 * load no more than this to get it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type RunningPostgres, startEmbeddedPostgres } from '../core/store/embedded-postgres.ts';

/** The database the embedded PostgreSQL keeps the organisation in. */
const databaseName = 'schakel';

export async function serverDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<{ url: string; postgres: RunningPostgres | null }> {
  if (options.databaseUrl) return { url: options.databaseUrl, postgres: null };
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // Run as root, PostgreSQL runs as the postgres user, who must pass through the data folder (not read it).
  if (os.userInfo().uid === 0) fs.chmodSync(options.dataDir, fs.statSync(options.dataDir).mode | 0o001);
  const postgres = await startEmbeddedPostgres(path.join(options.dataDir, 'postgres'));
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`create database ${databaseName}`);
  } finally {
    await admin.end();
  }
  return { url: postgres.urlOf(databaseName), postgres };
}
