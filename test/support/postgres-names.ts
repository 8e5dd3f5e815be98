import { randomBytes } from 'node:crypto';

/** A database name no other test run picks: several runs may share one server (SCHAKEL_TEST_DATABASE_URL). */
export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** The same server's URL with another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
