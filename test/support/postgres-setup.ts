/**
 * Vitest's global setup: one PostgreSQL for the whole run (the embedded one, or the server SCHAKEL_TEST_DATABASE_URL
 * names), and on it a template database with every migration applied, which each test copies (postgres.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../electron/core/store/embedded-postgres.ts';
import { openPostgresStore } from '../../electron/core/store/postgres.ts';
import { databaseUrl, randomDatabaseName } from './postgres-names.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL, connected to a database tests may create others from. */
    postgresUrl: string;
    /** A database at the newest schema, to copy (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.SCHAKEL_TEST_DATABASE_URL;
  const dir = given ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-pg-'));
  const server = dir ? await startEmbeddedPostgres(dir, { durable: false }) : undefined;
  const url = given ?? (server?.url as string);
  const template = randomDatabaseName('schakel_template');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const store = await openPostgresStore(databaseUrl(url, template), { maxConnections: 1 });
  await store.close();
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template);
  return async () => {
    try {
      await admin.query(`drop database if exists "${template}" with (force)`);
      await admin.end();
    } finally {
      await server?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
