import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0015 adds doorgroei beside the register as it was: people unchanged, one level per skill, only for people', async () => {
  const old = await databaseAtVersion(14);
  await old.db
    .insertInto('persons')
    .values([personRow('p1'), personRow('p2', { status: 'gestopt', status_datum: '2025-06-30' })])
    .execute();
  const before = await old.db.selectFrom('persons').selectAll().orderBy('id').execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('persons').selectAll().orderBy('id').execute()).toEqual(before);
  // A person who stopped before this step has no uitstroom yet; nothing is made up for them.
  expect(await store.db.selectFrom('doorgroei_outflows').selectAll().execute()).toEqual([]);

  const level = (id: string, person: string, niveau: string) => ({
    id,
    person_id: person,
    vaardigheid: 'lezen',
    niveau,
    examen: null,
    examen_datum: null,
    version: 1,
  });
  await store.db
    .insertInto('doorgroei_dutch_levels')
    .values(level('l1', 'p1', 'B1'))
    .execute();
  await expect(
    store.db
      .insertInto('doorgroei_dutch_levels')
      .values(level('l2', 'p1', 'B2'))
      .execute(),
  ).rejects.toThrow(/UNIQUE/);
  await expect(
    store.db
      .insertInto('doorgroei_dutch_levels')
      .values(level('l3', 'nobody', 'B2'))
      .execute(),
  ).rejects.toThrow(/FOREIGN KEY/);
  await store.db
    .insertInto('doorgroei_outflows')
    .values({
      id: 'o1',
      person_id: 'p2',
      datum: '2025-06-30',
      vervolg: 'betaald_werk',
      toelichting: null,
      account_id: null,
      created_at: '2026-03-01T09:00:00.000Z',
      updated_at: '2026-03-01T09:00:00.000Z',
      version: 1,
    })
    .execute();
  expect(await store.db.selectFrom('doorgroei_outflows').select(['person_id', 'version']).execute()).toEqual([
    { person_id: 'p2', version: 1 },
  ]);
  await store.close();
});
