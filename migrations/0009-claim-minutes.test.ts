import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

const stamp = '2026-03-01T09:00:00.000Z';

it('0009 renames claims.uren to minuten on a level-8 database, keeping every claim and its minutes', async () => {
  const old = await databaseAtVersion(8);
  await old.db
    .insertInto('persons')
    .values(personRow('p1', {}, stamp))
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

  const store = await old.upgrade();
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
