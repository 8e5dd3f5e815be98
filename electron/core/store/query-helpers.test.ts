import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../../../test/support/postgres.ts';
import { runCompiledOnce } from './compiled-once.ts';
import { openStore } from './open-store.ts';
import { pageOf } from './page-bounds.ts';
import { openPostgresStore } from './postgres.ts';
import type { Store } from './store.ts';
import { valuesList } from './values-list.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-query-helpers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Plain letters: the two engines sort accented ones by different collations.
const names = ['Abebe', 'Bahar', 'Celik', 'Dawit', 'Ebru', 'Farah', 'Gul'];

async function withStores(test: (store: Store) => Promise<void>): Promise<void> {
  const sqlite = await openStore(path.join(dir, `${names.length}-${Math.random()}.sqlite`), { key: null });
  try {
    await test(sqlite);
  } finally {
    await sqlite.close();
  }
  const database = await postgresDatabase({ migrated: false });
  try {
    const postgres = await openPostgresStore(database.url);
    try {
      await test(postgres);
    } finally {
      await postgres.close();
    }
  } finally {
    await database.drop();
  }
}

async function addAccounts(store: Store): Promise<void> {
  await store.db
    .insertInto('accounts')
    .values(
      names.map((name, i) => ({
        id: `00000000-0000-7000-8000-00000000000${i}`,
        username: name.toLowerCase(),
        display_name: name,
        role: 'begeleider',
        is_beheerder: 0,
        password_hash: 'x',
        active: 1,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        version: 1,
      })),
    )
    .execute();
}

describe('query helpers, on SQLite and on PostgreSQL', () => {
  it('valuesList finds exactly the rows whose value is in the list', async () => {
    await withStores(async (store) => {
      await addAccounts(store);
      const found = await store.db
        .selectFrom('accounts')
        .select('display_name')
        .where('username', 'in', valuesList(['ebru', 'abebe', 'niemand']))
        .orderBy('display_name')
        .execute();
      expect(found.map((r) => r.display_name)).toEqual(['Abebe', 'Ebru']);
    });
  });

  it('pageOf gives the asked page of the sorted rows, and an empty page past the end', async () => {
    await withStores(async (store) => {
      await addAccounts(store);
      const sorted = store.db.selectFrom('accounts').select('display_name').orderBy('display_name', 'desc');
      const page = async (n: number) => (await pageOf(sorted, n, 3).execute()).map((r) => r.display_name);
      expect(await page(0)).toEqual(['Gul', 'Farah', 'Ebru']);
      expect(await page(2)).toEqual(['Abebe']);
      expect(await page(3)).toEqual([]);
    });
  });

  it('pageOf refuses a page that is not a whole number, before any text is written', () => {
    const query = {} as Parameters<typeof pageOf>[0];
    expect(() => pageOf(query, 1.5, 25)).toThrow(/not a page/);
    expect(() => pageOf(query, -1, 25)).toThrow(/not a page/);
    expect(() => pageOf(query, 0, 0)).toThrow(/not a page/);
  });

  it("runCompiledOnce runs a compiled shape with each call's values and keeps its constants", async () => {
    await withStores(async (store) => {
      await addAccounts(store);
      const byNames = async (names: string[], roles: string[]) =>
        (
          await runCompiledOnce(store.db, 'test', { names, roles }, (v) =>
            store.db
              .selectFrom('accounts')
              .select('display_name')
              .where('username', 'in', v.names)
              .where('role', 'in', v.roles)
              .where('display_name', '!=', 'Abebe')
              .orderBy('display_name'),
          )
        ).map((r) => r.display_name);
      expect(await byNames(['gul', 'abebe'], ['begeleider'])).toEqual(['Gul']);
      expect(await byNames(['dawit', 'bahar'], ['begeleider'])).toEqual(['Bahar', 'Dawit']);
      // Another length of a list is another shape.
      expect(await byNames(['ebru'], ['begeleider'])).toEqual(['Ebru']);
      expect(await byNames(['ebru', 'farah'], ['projectleider', 'begeleider'])).toEqual(['Ebru', 'Farah']);
      expect(await byNames(['ebru', 'farah'], ['projectleider', 'administrateur'])).toEqual([]);
    });
  });

  it('runCompiledOnce refuses a shape that would freeze a value into it', async () => {
    await withStores(async (store) => {
      const accounts = store.db.selectFrom('accounts').select('id');
      const name = { name: ['ebru'] };
      await expect(
        runCompiledOnce(store.db, 'inside', name, (v) =>
          accounts.where('username', 'like', `%${v.name[0]}%`),
        ),
      ).rejects.toThrow(/inside a larger text/);
      await expect(
        runCompiledOnce(store.db, 'written', name, (v) =>
          accounts.where('username', '=', sql.lit(v.name[0] as string)),
        ),
      ).rejects.toThrow(/written into the text/);
      await expect(
        runCompiledOnce(store.db, 'unused', { name: ['ebru', 'gul'] }, (v) =>
          accounts.where('username', '=', v.name[0] as string),
        ),
      ).rejects.toThrow(/values 1 are not used/);
    });
  });
});
