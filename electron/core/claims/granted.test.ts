import { expect, it } from 'vitest';
import { claimsStore } from '../../../test/support/claims-store.ts';
import { expectGrantedToAgreeWithClaims } from '../../../test/support/granted.ts';
import { adjustGrantedAllowance, rebuildGrantedAllowance } from './granted.ts';

it('adds and takes away allowance per month and year, passing over costs with a receipt', async () => {
  const store = await claimsStore();
  try {
    const person = await store.person();
    const granted = [
      { person_id: person, soort: 'km', datum: '2026-01-31', bedrag_cents: 4_60 },
      { person_id: person, soort: 'activiteit', datum: '2026-02-01', bedrag_cents: 25_00 },
      { person_id: person, soort: 'parkeren', datum: '2026-02-01', bedrag_cents: 3_00 },
    ];
    await adjustGrantedAllowance(store.db, granted, 1);
    const table = () =>
      store.db.selectFrom('granted_allowance').select(['period', 'cents']).orderBy('period').execute();
    expect(await table()).toEqual([
      { period: '2026', cents: 29_60 },
      { period: '2026-01', cents: 4_60 },
      { period: '2026-02', cents: 25_00 },
    ]);
    await adjustGrantedAllowance(store.db, granted.slice(0, 1), -1);
    expect(await table()).toEqual([
      { period: '2026', cents: 25_00 },
      { period: '2026-01', cents: 0 },
      { period: '2026-02', cents: 25_00 },
    ]);
  } finally {
    await store.close();
  }
});

it('rebuilds the table from the claims after rows were written around the services', async () => {
  const store = await claimsStore();
  try {
    const [a, b] = [await store.person(), await store.person()];
    await store.claim(a, { datum: '2026-03-01', bedrag_cents: 10_00 });
    await store.claim(a, { datum: '2025-12-31', bedrag_cents: 7_00, status: 'betaald' });
    await store.claim(b, { datum: '2026-03-02', bedrag_cents: 5_00, status: 'in_batch' });
    await store.claim(b, { datum: '2026-03-02', bedrag_cents: 9_00, status: 'ingediend' });
    // A paid train ticket is a cost shown with a receipt: outside the caps, so not granted allowance.
    await store.claim(b, { datum: '2026-03-03', bedrag_cents: 12_40, status: 'betaald', soort: 'ov' });
    // A bulk load that bypassed the table: it is now out of step with the claims.
    await store.db.deleteFrom('granted_allowance').where('person_id', '=', a).execute();
    await store.db.updateTable('granted_allowance').set({ cents: 1 }).execute();
    await rebuildGrantedAllowance(store.db);
    expectGrantedToAgreeWithClaims(store.sqlite);
    expect(
      await store.db.selectFrom('granted_allowance').select('person_id').distinct().execute(),
    ).toHaveLength(2);
  } finally {
    await store.close();
  }
});
