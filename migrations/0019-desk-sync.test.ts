import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0019 adds the desk’s empty outbox, inbox, state and undo log beside the data, which stays as it was', async () => {
  const old = await databaseAtVersion(18);
  await old.db.insertInto('persons').values(personRow('p1')).execute();
  await old.db.insertInto('sync_changes').values({ table_name: 'persons', row_id: 'p1', seq: 1 }).execute();
  const persons = await old.db.selectFrom('persons').selectAll().execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('persons').selectAll().execute()).toEqual(persons);
  expect(await store.db.selectFrom('sync_changes').selectAll().execute()).toEqual([
    { table_name: 'persons', row_id: 'p1', seq: 1 },
  ]);
  for (const table of ['sync_outbox', 'sync_inbox', 'sync_state', 'sync_undo'] as const)
    expect(await store.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
  const command = {
    account_id: 'a1',
    call: 'persons.update',
    input: '{}',
    context: '{"now":"2026-05-01T10:00:00.000Z","ids":[]}',
    created_at: '2026-05-01T10:00:00.000Z',
  };
  await store.db
    .insertInto('sync_outbox')
    .values({ id: 'c1', position: 1, ...command })
    .execute();
  // The order is one position per command.
  await expect(
    store.db
      .insertInto('sync_outbox')
      .values({ id: 'c2', position: 1, ...command })
      .execute(),
  ).rejects.toThrow(/UNIQUE/i);
  await store.db
    .insertInto('sync_inbox')
    .values({
      id: 'c1',
      ...command,
      outcome: 'afgewezen',
      message: 'Geen toegang.',
      details: null,
      resolved_at: null,
      resolution: null,
    })
    .execute();
  expect(await store.db.selectFrom('sync_inbox').select('version').executeTakeFirst()).toEqual({
    version: 1,
  });
  await store.close();
});
