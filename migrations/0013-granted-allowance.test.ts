import { expect, it } from 'vitest';
import { expectGrantedToAgreeWithClaims } from '../test/support/granted.ts';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0013 fills the granted allowance from the approved, batched and paid claims already there', async () => {
  const old = await databaseAtVersion(12);
  await old.db
    .insertInto('persons')
    .values([personRow('p1'), personRow('p2')])
    .execute();
  const claim = (
    id: string,
    person: string,
    soort: string,
    datum: string,
    cents: number,
    status: string,
  ) => ({
    id,
    person_id: person,
    soort,
    datum,
    omschrijving: 'Voorlichting',
    bedrag_cents: cents,
    status,
    created_at: '2026-03-01T09:00:00.000Z',
    updated_at: '2026-03-01T09:00:00.000Z',
    version: 1,
  });
  await old.db
    .insertInto('claims')
    .values([
      claim('c1', 'p1', 'activiteit', '2026-01-10', 25_00, 'goedgekeurd'),
      claim('c2', 'p1', 'km', '2026-01-31', 4_60, 'betaald'),
      claim('c3', 'p1', 'uren', '2026-02-01', 11_50, 'in_batch'),
      claim('c4', 'p1', 'activiteit', '2025-12-31', 30_00, 'betaald'),
      // Not granted, or not allowance: left out.
      claim('c5', 'p1', 'activiteit', '2026-01-11', 99_00, 'ingediend'),
      claim('c6', 'p1', 'activiteit', '2026-01-12', 99_00, 'afgewezen'),
      claim('c7', 'p1', 'ov', '2026-01-13', 7_95, 'betaald'),
      claim('c8', 'p2', 'maand', '2026-01-01', 100_00, 'goedgekeurd'),
    ] as never)
    .execute();

  const store = await old.upgrade();
  expect(
    await store.db
      .selectFrom('granted_allowance')
      .selectAll()
      .orderBy('person_id')
      .orderBy('period')
      .execute(),
  ).toEqual([
    { person_id: 'p1', period: '2025', cents: 30_00 },
    { person_id: 'p1', period: '2025-12', cents: 30_00 },
    { person_id: 'p1', period: '2026', cents: 41_10 },
    { person_id: 'p1', period: '2026-01', cents: 29_60 },
    { person_id: 'p1', period: '2026-02', cents: 11_50 },
    { person_id: 'p2', period: '2026', cents: 100_00 },
    { person_id: 'p2', period: '2026-01', cents: 100_00 },
  ]);
  expectGrantedToAgreeWithClaims(store.sqlite);
  await store.close();
});
