import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../electron/core/store/open-store.ts';
import { testKey } from '../test/support/harness.ts';
import { migration0001 } from './0001-initial.ts';
import { migrations } from './index.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('0002 fills the search text and sort name of people already in a level-1 database, keeping their data', async () => {
  const file = path.join(dir, 'schakel.sqlite');
  const old = await openStore(file, { key: testKey, migrations: [migration0001] });
  const stamp = '2025-03-01T09:00:00.000Z';
  await old.db
    .insertInto('accounts')
    .values({
      id: 'a1',
      username: 'bea',
      display_name: 'Bea',
      role: 'begeleider',
      is_beheerder: 1,
      password_hash: 'x',
      active: 1,
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    })
    .execute();
  for (const [id, voornaam, achternaam] of [
    ['p1', 'Şükrü', 'Çelik'],
    ['p2', 'Hương', 'Nguyễn Thị'],
  ] as const) {
    await old.db
      .insertInto('persons')
      .values({
        id,
        voornaam,
        achternaam,
        status: 'actief',
        status_datum: '2025-01-01',
        begeleider_id: 'a1',
        gemeente: 'Utrecht',
        created_at: stamp,
        updated_at: stamp,
        version: 3,
      } as never)
      .execute();
  }
  await old.db
    .insertInto('person_languages')
    .values({ id: 'l1', person_id: 'p1', position: 0, taal: 'Turks', niveau: 'moedertaal', version: 1 })
    .execute();
  await old.close();

  const store = await openStore(file, { key: testKey });
  const rows = await store.db.selectFrom('persons').selectAll().orderBy('id').execute();
  expect(rows.map((r) => [r.voornaam, r.achternaam, r.version, r.begeleider_id])).toEqual([
    ['Şükrü', 'Çelik', 3, 'a1'],
    ['Hương', 'Nguyễn Thị', 3, 'a1'],
  ]);
  expect(rows[0]?.search_text).toBe('sukru celik utrecht turks');
  expect(rows[1]?.search_text).toBe('huong nguyen thi utrecht');
  expect(rows.map((r) => r.sort_name)).toEqual(['celik sukru', 'nguyen thi huong']);
  const applied = await store.db.selectFrom('schema_migrations').select('version').execute();
  expect(applied.map((a) => a.version)).toEqual(migrations.map((m) => m.version));
  await store.close();
});
