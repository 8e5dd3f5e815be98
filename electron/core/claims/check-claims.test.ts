import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractDraftInput } from '../../../shared/contracts.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { volunteerContract } from '../../../test/support/harness.ts';
import { type CheckBasis, type CheckedClaim, checkClaims } from './checks.ts';

const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
const person = '01900000-0000-7000-8000-000000000001';

/** A basis as loadCheckBasis would read it: one activity contract for 2026, nothing granted yet. */
function basis(overrides: Partial<CheckBasis> = {}): CheckBasis {
  return {
    contracts: new Map([
      [
        person,
        [
          {
            id: 'k1',
            nummer: '2026-0001',
            startdatum: '2026-01-01',
            einddatum: null,
            draft: contractDraftInput.parse(
              volunteerContract(person, { vergoedingEenheid: 'activiteit', vergoedingCents: cap / 4 }),
            ),
          },
        ],
      ],
    ]),
    duplicateKeys: new Set(),
    granted: new Map(),
    ...overrides,
  };
}

const activity = (id: string, datum: string, bedrag_cents = cap / 4): CheckedClaim => ({
  id,
  person_id: person,
  soort: 'activiteit',
  datum,
  km: null,
  minuten: null,
  bedrag_cents,
  bonnen: 0,
  bijstand: 0,
  toestemming_nodig: 0,
  toestemming_datum: null,
  iban: 'NL91ABNA0417164300',
});

const codes = (result: ReturnType<typeof checkClaims>) =>
  Object.fromEntries([...result].map(([id, r]) => [id, r.checks.map((c) => c.code)]));

describe('checkClaims', () => {
  it('alone, each claim has the whole room; together, each has what the earlier ones leave', () => {
    const claims = ['2026-04-20', '2026-04-05', '2026-04-10'].map((d, i) => activity(`c${i}`, d, cap / 2));
    const alone = checkClaims(basis(), claims, { together: false });
    expect([...alone.values()].map((r) => r.ruimteCents)).toEqual([cap, cap, cap]);
    const together = checkClaims(basis(), claims, { together: true });
    // Date order, not the order given: 5, 10, 20 April.
    expect([...together.keys()]).toEqual(['c1', 'c2', 'c0']);
    expect([...together.values()].map((r) => r.ruimteCents)).toEqual([cap, cap / 2, 0]);
    expect(codes(together)).toEqual({ c1: [], c2: [], c0: ['over_grens'] });
  });

  it('a claim that blocks takes no room from the ones after it', () => {
    const a = activity('a', '2026-04-01');
    const b = activity('b', '2026-04-01');
    const c = activity('c', '2026-04-02');
    // a and b look like each other: both block, neither will be approved.
    const result = checkClaims(
      basis({ duplicateKeys: new Set([`${person}|2026-04-01|activiteit|${cap / 4}`]) }),
      [a, b, c],
      {
        together: true,
      },
    );
    expect(codes(result)).toEqual({ a: ['dubbel'], b: ['dubbel'], c: [] });
    expect(result.get('c')?.ruimteCents).toBe(cap);
  });

  it('leaving out the claims that block never makes another one block', () => {
    const claimList = fc.array(
      fc.record({ day: fc.integer({ min: 1, max: 28 }), cents: fc.integer({ min: 1, max: cap }) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(claimList, fc.integer({ min: 0, max: cap }), (list, granted) => {
        const claims = list.map((x, i) =>
          activity(`c${String(i).padStart(2, '0')}`, `2026-04-${String(x.day).padStart(2, '0')}`, x.cents),
        );
        const b = basis({ granted: new Map([[`${person}|2026-04`, granted]]) });
        const all = checkClaims(b, claims, { together: true });
        const rest = claims.filter((c) => !all.get(c.id)?.checks.some((x) => x.blocking));
        // In any order: the approval takes them in date order, ties by id, as the list did.
        const again = checkClaims(b, rest.toReversed(), { together: true });
        expect([...again.values()].filter((r) => r.checks.some((x) => x.blocking))).toEqual([]);
      }),
    );
  });

  it('flags a missing, wrong or non-SEPA IBAN without blocking approval', () => {
    const claims = [
      { ...activity('none', '2026-04-01'), iban: null },
      { ...activity('digit', '2026-04-02'), iban: 'NL91ABNA0417164301' },
      { ...activity('turkey', '2026-04-03'), iban: 'TR330006100519786457841326' },
      activity('fine', '2026-04-04'),
    ];
    const result = checkClaims(basis(), claims, { together: true });
    expect(codes(result)).toEqual({
      none: ['iban_ontbreekt'],
      digit: ['iban_ontbreekt'],
      turkey: ['iban_ontbreekt'],
      fine: [],
    });
    expect([...result.values()].flatMap((r) => r.checks).every((c) => !c.blocking)).toBe(true);
    expect(result.get('digit')?.checks[0]?.message).toContain('controlecijfer klopt niet');
    expect(result.get('turkey')?.checks[0]?.message).toContain('TR doet niet mee aan SEPA');
    // Not blocking, so the claims still count toward the cap for the ones after them.
    expect(result.get('fine')?.ruimteCents).toBe(cap / 4);
  });
});
