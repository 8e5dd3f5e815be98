import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../electron/core/store/open-store.ts';
import { testKey } from '../test/support/harness.ts';
import { migrations } from './index.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stamp = '2026-03-01T09:00:00.000Z';

it('0009 renames claims.uren to minuten on a level-8 database, keeping every claim and its minutes', async () => {
  const file = path.join(dir, 'schakel.sqlite');
  const level8 = migrations.filter((m) => m.version <= 8);
  expect(level8.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  const old = await openStore(file, { key: testKey, migrations: level8 });
  await old.db
    .insertInto('persons')
    .values({
      id: 'p1',
      voornaam: 'Amina',
      achternaam: 'Haddad',
      status: 'actief',
      status_datum: '2026-01-01',
      search_text: 'amina haddad',
      sort_name: 'haddad amina',
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    } as never)
    .execute();
  for (const [id, soort, uren, km, bedrag] of [
    ['c1', 'uren', 90, null, 7_50],
    ['c2', 'km', null, 20, 4_60],
  ] as const) {
    await old.db
      .insertInto('claims')
      .values({
        id,
        person_id: 'p1',
        soort,
        datum: '2026-02-03',
        omschrijving: 'Taalcafé',
        km,
        uren,
        bedrag_cents: bedrag,
        status: 'ingediend',
        created_at: stamp,
        updated_at: stamp,
        version: 3,
      } as never)
      .execute();
  }
  await old.close();

  const store = await openStore(file, { key: testKey });
  const applied = await store.db.selectFrom('schema_migrations').select('version').execute();
  expect(applied.map((a) => a.version)).toEqual(migrations.map((m) => m.version));
  expect(
    await store.db
      .selectFrom('claims')
      .select(['id', 'soort', 'minuten', 'km', 'bedrag_cents', 'version'])
      .orderBy('id')
      .execute(),
  ).toEqual([
    { id: 'c1', soort: 'uren', minuten: 90, km: null, bedrag_cents: 7_50, version: 3 },
    { id: 'c2', soort: 'km', minuten: null, km: 20, bedrag_cents: 4_60, version: 3 },
  ]);
  const columns = await sql<{ name: string }>`select name from pragma_table_info('claims')`.execute(store.db);
  expect(columns.rows.map((c) => c.name)).not.toContain('uren');
  await store.close();
});
