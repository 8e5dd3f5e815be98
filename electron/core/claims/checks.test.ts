import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';
import { type CheckedClaim, loadCheckBasis } from './checks.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness('2026-05-01T10:00:00.000Z');
});
afterEach(() => h.close());

it('sums granted allowance from the partial index of migration 0009 (its condition and the query agree)', async () => {
  await h.withTeam();
  const { id } = await h.ok('projectleider', 'persons.create', personInput({ email: null }));
  const claim: CheckedClaim = {
    id: 'c1',
    person_id: id,
    soort: 'km',
    datum: '2026-03-10',
    km: 1,
    minuten: null,
    bedrag_cents: 23,
    bonnen: 0,
    bijstand: 0,
    toestemming_nodig: 0,
    toestemming_datum: null,
    iban: 'NL91ABNA0417164300',
  };
  const sqlite = h.core.store.sqlite;
  const plans: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    if (source.includes('sum(case')) {
      const params = Array.from(source.matchAll(/\?/g), () => null);
      const plan = prepare(`explain query plan ${source}`).all(...params) as { detail: string }[];
      plans.push(...plan.map((p) => p.detail));
    }
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    await loadCheckBasis(h.core.store.db, [claim]);
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
  expect(plans.join(' | ')).toContain('COVERING INDEX claims_granted_allowance');
});
