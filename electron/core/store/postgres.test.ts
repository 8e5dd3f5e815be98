import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { postgresDatabase } from '../../../test/support/postgres.ts';
import { openStore } from './open-store.ts';
import { openPostgresStore } from './postgres.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-pg-schema-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every table's columns as `table.column` with ' null' when it may be null, from the newest SQLite schema. */
async function sqliteColumns(): Promise<{ columns: string[]; indexes: string[] }> {
  const store = await openStore(path.join(dir, 'reference.sqlite'), { key: null });
  try {
    const tables = store.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    const columns = tables.flatMap((table) =>
      (
        store.sqlite.prepare(`select name, "notnull", pk from pragma_table_info(?)`).all(table) as {
          name: string;
          notnull: number;
          pk: number;
        }[]
      ).map((c) => `${table}.${c.name}${c.notnull || c.pk ? '' : ' null'}`),
    );
    const indexes = store.sqlite
      .prepare("select name from sqlite_master where type = 'index' and sql is not null")
      .pluck()
      .all() as string[];
    return { columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    await store.close();
  }
}

describe('the migrations on PostgreSQL', () => {
  it('build from an empty database the same tables, columns and nullability as on SQLite, and its indexes', async () => {
    const database = await postgresDatabase({ migrated: false });
    try {
      const store = await openPostgresStore(database.url);
      const columns = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
        select table_name, column_name, is_nullable from information_schema.columns
        where table_schema = current_schema()`.execute(store.db);
      const indexes = await sql<{ indexname: string }>`
        select indexname from pg_indexes where schemaname = current_schema()`.execute(store.db);
      const applied = await store.db.selectFrom('schema_migrations').select('version').execute();
      await store.close();

      const reference = await sqliteColumns();
      expect(
        columns.rows
          .map((c) => `${c.table_name}.${c.column_name}${c.is_nullable === 'YES' ? ' null' : ''}`)
          .sort(),
      ).toEqual(reference.columns);
      expect(reference.indexes.filter((i) => !indexes.rows.some((r) => r.indexname === i))).toEqual([]);
      expect(applied.map((a) => a.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await database.drop();
    }
  });

  it('are applied once when two servers start on one database at the same moment', async () => {
    const database = await postgresDatabase({ migrated: false });
    try {
      const stores = await Promise.all([openPostgresStore(database.url), openPostgresStore(database.url)]);
      const applied = await stores[0].db.selectFrom('schema_migrations').select('version').execute();
      await Promise.all(stores.map((s) => s.close()));
      expect(applied).toHaveLength(migrations.length);
    } finally {
      await database.drop();
    }
  });

  it('give the services the JS types they get on SQLite: counts and sums as numbers, bytes as bytes', async () => {
    const database = await postgresDatabase({ migrated: true });
    try {
      const store = await openPostgresStore(database.url);
      const counted = await store.db
        .selectFrom('schema_migrations')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('total')])
        .executeTakeFirstOrThrow();
      const averaged = await sql<{ a: number }>`select avg(version) as a from schema_migrations`.execute(
        store.db,
      );
      const bytes = Buffer.from([0, 1, 254, 255]);
      const stored = await sql<{ b: Buffer }>`select ${bytes}::bytea as b`.execute(store.db);
      await store.close();
      expect(stored.rows[0]?.b).toEqual(bytes);
      expect(counted).toEqual({ n: migrations.length, total: migrations.reduce((t, m) => t + m.version, 0) });
      expect(averaged.rows[0]?.a).toBe((migrations.length + 1) / 2);
    } finally {
      await database.drop();
    }
  });
});

it('keeps working when PostgreSQL ends the connections idle in its pool', async () => {
  const database = await postgresDatabase({ migrated: true });
  const store = await openPostgresStore(database.url);
  try {
    await sql`select 1`.execute(store.db);
    const admin = await openPostgresStore(database.url, { maxConnections: 1 });
    const ended = await sql<{ ended: boolean }>`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`.execute(admin.db);
    await admin.close();
    expect(ended.rows.length).toBeGreaterThan(0);
    // The pool hears of it (its error would otherwise end the process), then opens a new connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await sql<{ n: number }>`select 1 as n`.execute(store.db)).rows).toEqual([{ n: 1 }]);
  } finally {
    await store.close();
    await database.drop();
  }
});
