/**
 * A database of its own on the run's PostgreSQL (see postgres-setup.ts), dropped when the test is done with it:
 * either empty, or a copy of the template with every migration applied.
 */

import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl, randomDatabaseName } from './postgres-names.ts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function postgresDatabase(options: { migrated: boolean }): Promise<TestDatabase> {
  const server = inject('postgresUrl');
  const name = randomDatabaseName('schakel_test');
  const template = options.migrated ? ` template "${inject('postgresTemplate')}" strategy file_copy` : '';
  await onServer(server, `create database "${name}"${template}`);
  return {
    url: databaseUrl(server, name),
    drop: () => onServer(server, `drop database if exists "${name}" with (force)`),
  };
}

async function onServer(server: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
