import { expect, it } from 'vitest';
import { overviewHandlers } from '../electron/core/claims/overview.ts';
import type { ReadCtx } from '../electron/core/context.ts';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

const stamp = '2025-03-01T09:00:00.000Z';

it('0007 adds the retention tables to a level-6 database with claims and batches, leaving its data as it was', async () => {
  const old = await databaseAtVersion(6);
  await old.db
    .insertInto('persons')
    .values(personRow('p1', { status: 'gestopt', status_datum: '2022-01-01', version: 4 }, stamp))
    .execute();
  await old.db
    .insertInto('payout_batches')
    .values({
      id: 'b1',
      nummer: 'B2025-0001',
      status: 'betaald',
      uitvoerdatum: '2025-02-10',
      aantal: 1,
      totaal_cents: 4_60,
      xml: '<Document/>',
      account_id: null,
      created_at: stamp,
      updated_at: stamp,
      version: 3,
    })
    .execute();
  for (const [id, soort, bedrag, status] of [
    ['c1', 'km', 4_60, 'betaald'],
    ['c2', 'ov', 3_10, 'afgewezen'],
  ] as const) {
    await old.db
      .insertInto('claims')
      .values({
        id,
        person_id: 'p1',
        soort,
        datum: '2025-02-03',
        omschrijving: 'Voorlichting',
        bedrag_cents: bedrag,
        status,
        batch_id: status === 'betaald' ? 'b1' : null,
        created_at: stamp,
        updated_at: stamp,
        version: 2,
      } as never)
      .execute();
  }

  const store = await old.upgrade();
  expect(await store.db.selectFrom('persons').select(['id', 'voornaam', 'version']).execute()).toEqual([
    { id: 'p1', voornaam: 'Amina', version: 4 },
  ]);
  expect(
    await store.db.selectFrom('claims').select(['id', 'bedrag_cents', 'batch_id']).orderBy('id').execute(),
  ).toEqual([
    { id: 'c1', bedrag_cents: 4_60, batch_id: 'b1' },
    { id: 'c2', bedrag_cents: 3_10, batch_id: null },
  ]);
  expect(await store.db.selectFrom('payout_batches').select(['xml', 'version']).execute()).toEqual([
    { xml: '<Document/>', version: 3 },
  ]);
  expect(await store.db.selectFrom('archived_claim_totals').selectAll().execute()).toEqual([]);
  expect(await store.db.selectFrom('retention_removals').selectAll().execute()).toEqual([]);

  // The year overview reads the new totals beside the claims that are still there.
  const ctx = { db: store.db, now: stamp, today: '2025-03-01', account: null } as unknown as ReadCtx;
  const before = await overviewHandlers['claims.overview'](ctx, { jaar: 2025 });
  expect(before).toMatchObject({ archief: null, maanden: [{ maand: '2025-02', totaalCents: 4_60 }] });
  await store.db
    .insertInto('archived_claim_totals')
    .values({
      id: 't1',
      maand: '2025-01',
      soort: 'parkeren',
      status: 'betaald',
      aantal: 2,
      bedrag_cents: 7_00,
      updated_at: stamp,
      version: 1,
    })
    .execute();
  const after = await overviewHandlers['claims.overview'](ctx, { jaar: 2025 });
  expect(after.archief).toEqual({ vergoedingCents: 0, kostenCents: 7_00 });
  expect(after.maanden.map((m) => [m.maand, m.totaalCents])).toEqual([
    ['2025-01', 7_00],
    ['2025-02', 4_60],
  ]);
  // A removal row needs a real person (foreign key) and takes one.
  await store.db
    .insertInto('retention_removals')
    .values({
      id: 'r1',
      soort: 'persoon',
      person_id: 'p1',
      label: 'Verwijderd persoon 2025-0001',
      grens: '2023-03-01',
      aantallen: '{}',
      account_id: null,
      at: stamp,
      version: 1,
    })
    .execute();
  await expect(
    store.db
      .insertInto('retention_removals')
      .values({
        id: 'r2',
        soort: 'persoon',
        person_id: 'nobody',
        label: 'x',
        grens: '2023-03-01',
        aantallen: '{}',
        account_id: null,
        at: stamp,
        version: 1,
      })
      .execute(),
  ).rejects.toThrow(/FOREIGN KEY/);
  await store.close();
});
