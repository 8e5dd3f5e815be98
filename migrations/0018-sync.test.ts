import { expect, it } from 'vitest';
import { databaseAtVersion } from '../test/support/migration-db.ts';

it('0018 adds the empty command log and change feed beside the data, which stays as it was', async () => {
  const old = await databaseAtVersion(17);
  const at = '2026-03-01T09:00:00.000Z';
  await old.db
    .insertInto('partners')
    .values({
      id: 'p1',
      naam: 'GGD Noord- en Oost-Gelderland',
      soort: 'ggd',
      contactpersoon: null,
      telefoon: null,
      email: null,
      gemeente: 'Doetinchem',
      archived: 0,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const before = await old.db.selectFrom('partners').selectAll().execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('partners').selectAll().execute()).toEqual(before);
  expect(await store.db.selectFrom('sync_clock').selectAll().execute()).toEqual([{ id: 1, seq: 0 }]);
  for (const table of [
    'sync_changes',
    'sync_devices',
    'sync_pairing_codes',
    'sync_tokens',
    'sync_commands',
  ] as const)
    expect(await store.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
  // One row per changed record: a second change of the same row is refused as a new row.
  await store.db
    .insertInto('sync_changes')
    .values({ table_name: 'partners', row_id: 'p1', seq: 1 })
    .execute();
  await expect(
    store.db.insertInto('sync_changes').values({ table_name: 'partners', row_id: 'p1', seq: 2 }).execute(),
  ).rejects.toThrow(/UNIQUE|PRIMARY/i);
  await store.close();
});
