import type Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';

/**
 * The granted allowance table as kept by the services, against the same figures derived here from the claims
 * themselves (approved, batched or paid, costs with a receipt left out), per month and per year. Zero rows (all
 * of a period's claims removed) count as absent.
 */
export function expectGrantedToAgreeWithClaims(sqlite: Database.Database): void {
  const kept = sqlite
    .prepare('select person_id, period, cents from granted_allowance where cents <> 0 order by 1, 2')
    .all();
  const claims = `from claims where status in ('goedgekeurd', 'in_batch', 'betaald')
    and soort not in ('ov', 'parkeren', 'onkosten')`;
  const derived = sqlite
    .prepare(
      `select person_id, period, sum(bedrag_cents) as cents from (
         select person_id, substr(datum, 1, 7) as period, bedrag_cents ${claims}
         union all select person_id, substr(datum, 1, 4), bedrag_cents ${claims}
       ) group by person_id, period having sum(bedrag_cents) <> 0 order by 1, 2`,
    )
    .all();
  expect(kept).toEqual(derived);
}
