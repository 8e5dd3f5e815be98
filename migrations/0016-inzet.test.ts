import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0016 adds the work itself beside the register and the claims as they were; a claim carries no project yet', async () => {
  const old = await databaseAtVersion(15);
  await old.db
    .insertInto('persons')
    .values([personRow('p1')])
    .execute();
  const personsBefore = await old.db.selectFrom('persons').selectAll().execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('persons').selectAll().execute()).toEqual(personsBefore);
  for (const table of [
    'partners',
    'projects',
    'requests',
    'inzet',
    'inzet_persons',
    'person_availability',
  ] as const)
    expect(await store.db.selectFrom(table).selectAll().execute()).toEqual([]);

  const at = '2026-03-01T09:00:00.000Z';
  await store.db
    .insertInto('inzet')
    .values({
      id: 'i1',
      datum: '2026-02-27',
      minuten: 90,
      bereik_volwassenen: 3,
      bereik_kinderen: 2,
      bereik_statushouders: 3,
      bereik_professionals: 0,
      soort: 'huisbezoek',
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await store.db
    .insertInto('inzet_persons')
    .values({ id: 'ip1', inzet_id: 'i1', person_id: 'p1', version: 1 })
    .execute();
  // One row per person per activity, and only for people who exist.
  await expect(
    store.db
      .insertInto('inzet_persons')
      .values({ id: 'ip2', inzet_id: 'i1', person_id: 'p1', version: 1 })
      .execute(),
  ).rejects.toThrow(/UNIQUE/);
  await expect(
    store.db
      .insertInto('inzet_persons')
      .values({ id: 'ip3', inzet_id: 'i1', person_id: 'nobody', version: 1 })
      .execute(),
  ).rejects.toThrow(/FOREIGN KEY/);
  const inzet = await store.db.selectFrom('inzet').selectAll().executeTakeFirstOrThrow();
  expect(inzet).toMatchObject({
    bereik_kinderen: 2,
    partner_id: null,
    project_id: null,
    request_id: null,
  });
  await store.close();
});
