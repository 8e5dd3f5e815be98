import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDraftInput } from '../../../shared/contracts.ts';
import { type FiscalYear, fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { formatCents } from '../../../shared/format.ts';
import { claimsStore, employmentDraft, volunteerDraft } from '../../../test/support/claims-store.ts';
import {
  type CheckBasis,
  type CheckedClaim,
  type ClaimCheckResult,
  checkClaims,
  loadCheckBasis,
} from './checks.ts';
import type { ActiveContract } from './contract-terms.ts';

const personA = '00000000-0000-4000-8000-00000000000a';
const personB = '00000000-0000-4000-8000-00000000000b';
const y2026 = fiscalYear(2026) as FiscalYear;

function activeContract(personId: string, terms: Partial<ContractDraftInput> = {}): ActiveContract {
  const draft = volunteerDraft({ personId, ...terms });
  return {
    id: `contract-${personId}`,
    nummer: 'C-1',
    startdatum: draft.startdatum,
    einddatum: draft.einddatum,
    draft,
  };
}
let claimNumber = 0;
function claimOf(values: Partial<CheckedClaim> = {}): CheckedClaim {
  return {
    id: `claim-${++claimNumber}`,
    person_id: personA,
    soort: 'activiteit',
    datum: '2026-03-10',
    km: null,
    minuten: null,
    bedrag_cents: 5_00,
    bonnen: 0,
    bijstand: 0,
    toestemming_nodig: 0,
    toestemming_datum: null,
    iban: 'NL91ABNA0417164300',
    ...values,
  };
}
function basisOf(values: Partial<CheckBasis> = {}): CheckBasis {
  return {
    contracts: new Map([[personA, [activeContract(personA, { einddatum: '2026-12-31' })]]]),
    duplicateKeys: new Set(),
    granted: new Map(),
    ...values,
  };
}
/** The checks of one claim, checked on its own. */
function checksOf(claim: CheckedClaim, basis = basisOf()): ClaimCheckResult {
  const result = checkClaims(basis, [claim], { together: false }).get(claim.id);
  if (!result) throw new Error('no result');
  return result;
}
const codes = (result: ClaimCheckResult) => result.checks.map((c) => c.code);

// The schema of the shipped migrations, in memory: the plan is the store's, without a core to start.
describe('a claim and its contract', () => {
  it('passes on the first and the last day of the contract, and has none the day before or after', () => {
    expect(codes(checksOf(claimOf({ datum: '2026-01-01' })))).toEqual([]);
    expect(codes(checksOf(claimOf({ datum: '2026-12-31' })))).toEqual([]);
    for (const datum of ['2025-12-31', '2027-01-01']) {
      const result = checksOf(claimOf({ datum }));
      expect(result.checks.filter((c) => c.code === 'geen_contract')).toEqual([
        { code: 'geen_contract', message: 'Geen lopend contract op deze datum.', blocking: true },
      ]);
    }
  });

  it('has no contract for a person without one', () => {
    expect(codes(checksOf(claimOf({ person_id: personB })))).toContain('geen_contract');
  });

  it('refuses an activity under an hourly contract, and hours under one per activity', () => {
    const hourly = basisOf({
      contracts: new Map([
        [personA, [activeContract(personA, { vergoedingEenheid: 'uur', vergoedingCents: 5_00 })]],
      ]),
    });
    expect(checksOf(claimOf({ soort: 'activiteit' }), hourly).checks).toEqual([
      {
        code: 'soort_niet_toegestaan',
        message: 'Het contract kent deze soort vergoeding niet.',
        blocking: true,
      },
    ]);
    expect(codes(checksOf(claimOf({ soort: 'uren', minuten: 60 }), hourly))).toEqual([]);
    expect(codes(checksOf(claimOf({ soort: 'uren', minuten: 60 })))).toEqual(['soort_niet_toegestaan']);
  });
});

describe('costs with a receipt', () => {
  it('need the receipt, and allowance claims do not', () => {
    expect(checksOf(claimOf({ soort: 'ov', bedrag_cents: 7_45 })).checks).toEqual([
      { code: 'bon_ontbreekt', message: 'Bon ontbreekt.', blocking: true },
    ]);
    expect(codes(checksOf(claimOf({ soort: 'parkeren', bedrag_cents: 7_45, bonnen: 1 })))).toEqual([]);
    expect(codes(checksOf(claimOf({ soort: 'activiteit' })))).toEqual([]);
  });

  it('are kept out of the caps: never over a limit, no room shown, no bijstand warning', () => {
    const full = new Map([
      [`${personA}|2026-03`, y2026.maxPerMonth],
      [`${personA}|2026`, y2026.maxPerMonth],
    ]);
    const costs = claimOf({
      soort: 'onkosten',
      bedrag_cents: 500_00,
      bonnen: 1,
      bijstand: 1,
      toestemming_nodig: 1,
    });
    expect(checksOf(costs, basisOf({ granted: full }))).toEqual({ checks: [], ruimteCents: null });
  });
});

describe('a claim against the fiscal limits', () => {
  it('shows the room left before it, and passes when it fills the month exactly', () => {
    const granted = new Map([
      [`${personA}|2026-03`, y2026.maxPerMonth - 5_00],
      [`${personA}|2026`, y2026.maxPerMonth - 5_00],
    ]);
    expect(checksOf(claimOf(), basisOf({ granted }))).toEqual({ checks: [], ruimteCents: 5_00 });
  });

  it('is over the month cap by one cent, and says so with the total and the cap', () => {
    const granted = new Map([
      [`${personA}|2026-03`, y2026.maxPerMonth - 4_99],
      [`${personA}|2026`, y2026.maxPerMonth - 4_99],
    ]);
    const result = checksOf(claimOf(), basisOf({ granted }));
    expect(result.ruimteCents).toBe(4_99);
    expect(result.checks).toEqual([
      {
        code: 'over_grens',
        message: `Na goedkeuring ${formatCents(y2026.maxPerMonth + 1)} in deze maand: boven het maximum van ${formatCents(y2026.maxPerMonth)}; de hele vergoeding wordt dan belast.`,
        blocking: true,
      },
    ]);
  });

  it('names what other organisations pay, declared on the contract, in the month and in the year', () => {
    const contracts = new Map([
      [personA, [activeContract(personA, { andereOrganisatiesPerMaandCents: y2026.maxPerMonth })]],
    ]);
    const month = checksOf(claimOf(), basisOf({ contracts }));
    expect(month.checks[0]?.message).toContain(
      `in deze maand (waarvan ${formatCents(y2026.maxPerMonth)} van andere organisaties)`,
    );
    // Nine months declared elsewhere at the month cap, then a contract without: in October the year is full.
    const twoContracts = [
      activeContract(personA, {
        einddatum: '2026-09-30',
        andereOrganisatiesPerMaandCents: y2026.maxPerMonth,
      }),
      { ...activeContract(personA, { startdatum: '2026-10-01' }), id: 'contract-october' },
    ];
    const granted = new Map([[`${personA}|2026`, y2026.maxPerYear - 9 * y2026.maxPerMonth]]);
    const year = checksOf(
      claimOf({ datum: '2026-10-15' }),
      basisOf({ contracts: new Map([[personA, twoContracts]]), granted }),
    );
    expect(year.checks.map((c) => c.code)).toEqual(['over_grens']);
    expect(year.checks[0]?.message).toContain(
      `in 2026 (waarvan ${formatCents(9 * y2026.maxPerMonth)} van andere organisaties)`,
    );
  });

  it('counts no income from elsewhere that was not declared, and says nothing of it', () => {
    const granted = new Map([[`${personA}|2026`, y2026.maxPerYear]]);
    const result = checksOf(claimOf(), basisOf({ granted }));
    expect(result.checks[0]?.message).toBe(
      `Na goedkeuring ${formatCents(y2026.maxPerYear + 5_00)} in 2026: boven het maximum van ${formatCents(y2026.maxPerYear)}; de hele vergoeding wordt dan belast.`,
    );
  });

  it('says the limit cannot be checked in a year without figures, without blocking', () => {
    const contracts = new Map([[personA, [activeContract(personA)]]]);
    const result = checksOf(claimOf({ datum: '2031-02-01' }), basisOf({ contracts }));
    expect(result).toEqual({
      checks: [
        {
          code: 'jaar_onbekend',
          message: 'Voor 2031 zijn geen fiscale bedragen bekend; Schakel kan de grens niet controleren.',
          blocking: false,
        },
      ],
      ruimteCents: null,
    });
  });

  it('warns, without blocking, that toestemming is missing for an allowance of a volunteer on bijstand', () => {
    const warning = {
      code: 'toestemming_ontbreekt',
      message: 'Bijstand: toestemming van de gemeente is niet vastgelegd.',
      blocking: false,
    };
    expect(checksOf(claimOf({ bijstand: 1, toestemming_nodig: 1 })).checks).toEqual([warning]);
    expect(
      codes(checksOf(claimOf({ bijstand: 1, toestemming_nodig: 1, toestemming_datum: '2026-01-05' }))),
    ).toEqual([]);
    expect(codes(checksOf(claimOf({ bijstand: 1, toestemming_nodig: 0 })))).toEqual([]);
    expect(codes(checksOf(claimOf({ bijstand: 0, toestemming_nodig: 1 })))).toEqual([]);
  });

  it('flags a likely duplicate: same person, day, kind and amount', () => {
    const claim = claimOf();
    const duplicateKeys = new Set([`${personA}|2026-03-10|activiteit|500`]);
    expect(checksOf(claim, basisOf({ duplicateKeys })).checks).toEqual([
      { code: 'dubbel', message: 'Lijkt dubbel: zelfde persoon, datum, soort en bedrag.', blocking: true },
    ]);
    expect(codes(checksOf(claimOf({ bedrag_cents: 5_01 }), basisOf({ duplicateKeys })))).not.toContain(
      'dubbel',
    );
  });
});

describe('claims approved together', () => {
  const nearlyFull = () =>
    new Map([
      [`${personA}|2026-03`, y2026.maxPerMonth - 8_00],
      [`${personA}|2026`, y2026.maxPerMonth - 8_00],
    ]);

  it('count each with the ones dated before it, so two that each fit can cross a limit together', () => {
    const later = claimOf({ datum: '2026-03-20' });
    const earlier = claimOf({ datum: '2026-03-05' });
    const basis = basisOf({ granted: nearlyFull() });
    const together = checkClaims(basis, [later, earlier], { together: true });
    expect(together.get(earlier.id)).toEqual({ checks: [], ruimteCents: 8_00 });
    expect(together.get(later.id)?.ruimteCents).toBe(3_00);
    expect(together.get(later.id)?.checks.map((c) => c.code)).toEqual(['over_grens']);
    // Apart, each fits; and checking them together left what was granted as it was.
    const apart = checkClaims(basis, [later, earlier], { together: false });
    expect([...apart.values()]).toEqual([
      { checks: [], ruimteCents: 8_00 },
      { checks: [], ruimteCents: 8_00 },
    ]);
  });

  it('count toward the year as well as the month', () => {
    const granted = new Map([
      [`${personA}|2026-03`, 0],
      [`${personA}|2026`, y2026.maxPerYear - 8_00],
    ]);
    const march = claimOf({ datum: '2026-03-05' });
    const april = claimOf({ datum: '2026-04-05' });
    const together = checkClaims(basisOf({ granted }), [march, april], { together: true });
    expect(together.get(april.id)?.ruimteCents).toBe(3_00);
    expect(together.get(april.id)?.checks[0]?.message).toContain('in 2026');
  });

  it('keep the costs with a receipt out of what counts', () => {
    const costs = claimOf({ soort: 'onkosten', bedrag_cents: 100_00, bonnen: 1, datum: '2026-03-01' });
    const allowance = claimOf({ datum: '2026-03-02' });
    const together = checkClaims(basisOf({ granted: nearlyFull() }), [costs, allowance], { together: true });
    expect(together.get(allowance.id)).toEqual({ checks: [], ruimteCents: 8_00 });
  });
});

describe('what the checks read from the store', () => {
  let store: Awaited<ReturnType<typeof claimsStore>>;
  beforeEach(async () => {
    store = await claimsStore();
  });
  afterEach(() => store.close());

  it('reads nothing for no claims', async () => {
    const [basis, statements] = await store.withStatements(() => loadCheckBasis(store.db, []));
    expect([basis.contracts.size, basis.duplicateKeys.size, basis.granted.size]).toEqual([0, 0, 0]);
    expect(statements).toEqual([]);
  });

  it('reads no granted allowance for costs with a receipt, which never count toward the caps', async () => {
    const person = await store.person();
    await store.contract(person);
    await store.claim(person, { datum: '2026-03-01', bedrag_cents: 10_00 });
    const costs = claimOf({ person_id: person, soort: 'onkosten', datum: '2026-03-20', bonnen: 1 });
    const [basis, statements] = await store.withStatements(() => loadCheckBasis(store.db, [costs]));
    expect(basis.granted.size).toBe(0);
    // Two reads, not three: the contracts and the likely duplicates.
    expect(statements).toHaveLength(2);
    expect(basis.contracts.get(person)).toHaveLength(1);
  });

  it('counts only this person’s granted allowance of the claim’s month and year', async () => {
    const person = await store.person();
    const other = await store.person();
    await store.contract(person);
    for (const status of ['goedgekeurd', 'in_batch', 'betaald']) {
      await store.claim(person, { datum: '2026-03-01', bedrag_cents: 10_00, status });
    }
    await store.claim(person, { datum: '2026-03-31', bedrag_cents: 1_00, soort: 'km', km: 4 });
    await store.claim(person, { datum: '2026-01-15', bedrag_cents: 100_00 });
    // None of these count: not granted, costs with a receipt, another year, someone else.
    await store.claim(person, { datum: '2026-03-02', bedrag_cents: 1_000_00, status: 'ingediend' });
    await store.claim(person, { datum: '2026-03-02', bedrag_cents: 1_000_00, status: 'afgewezen' });
    await store.claim(person, { datum: '2026-03-03', bedrag_cents: 1_000_00, soort: 'onkosten' });
    await store.claim(person, { datum: '2025-03-03', bedrag_cents: 1_000_00 });
    await store.claim(person, { datum: '2027-01-01', bedrag_cents: 1_000_00 });
    await store.claim(other, { datum: '2026-03-04', bedrag_cents: 1_000_00 });
    const claim = claimOf({ person_id: person, datum: '2026-03-20' });
    const basis = await loadCheckBasis(store.db, [claim]);
    const result = checkClaims(basis, [claim], { together: false }).get(claim.id);
    expect(result).toEqual({ checks: [], ruimteCents: y2026.maxPerMonth - 31_00 });
    expect(basis.granted.get(`${person}|2026-03`)).toBe(31_00);
    expect(basis.granted.get(`${person}|2026`)).toBe(131_00);
  });

  it('reads each claim’s own month and year when claims span three years, listed in any order', async () => {
    const person = await store.person();
    await store.contract(person, { startdatum: '2024-01-01' });
    const y2024 = fiscalYear(2024) as FiscalYear;
    const y2025 = fiscalYear(2025) as FiscalYear;
    await store.claim(person, { datum: '2024-12-31', bedrag_cents: 60_00 });
    // 2025 is all but full; none of it counts toward 2026.
    await store.claim(person, { datum: '2025-06-30', bedrag_cents: y2025.maxPerYear - 50_00 });
    await store.claim(person, { datum: '2025-12-31', bedrag_cents: 30_00 });
    await store.claim(person, { datum: '2026-01-01', bedrag_cents: 40_00 });
    const january = claimOf({ person_id: person, datum: '2026-01-20' });
    const december = claimOf({ person_id: person, datum: '2025-12-10' });
    const december2024 = claimOf({ person_id: person, datum: '2024-12-01' });
    const claims = [january, december2024, december];
    const basis = await loadCheckBasis(store.db, claims);
    const results = checkClaims(basis, claims, { together: false });
    expect(results.get(december2024.id)?.ruimteCents).toBe(y2024.maxPerMonth - 60_00);
    expect(results.get(december.id)?.ruimteCents).toBe(20_00);
    expect(results.get(january.id)).toEqual({ checks: [], ruimteCents: y2026.maxPerMonth - 40_00 });
  });

  it('refuses an allowance claim under a contract that is no volunteer agreement, and counts it sanely', () => {
    const employment: ActiveContract = { ...activeContract(personA), draft: employmentDraft(personA) };
    const result = checksOf(
      claimOf({ soort: 'km', km: 10, bedrag_cents: 2_30 }),
      basisOf({ contracts: new Map([[personA, [employment]]]) }),
    );
    expect(result).toEqual({
      checks: [expect.objectContaining({ code: 'soort_niet_toegestaan' })],
      ruimteCents: y2026.maxPerMonth,
    });
  });

  it('finds a likely duplicate among the claims that are not rejected', async () => {
    const person = await store.person();
    await store.contract(person);
    await store.claim(person, { datum: '2026-03-10', bedrag_cents: 5_00, status: 'ingediend' });
    await store.claim(person, { datum: '2026-03-10', bedrag_cents: 5_00, status: 'goedgekeurd' });
    await store.claim(person, { datum: '2026-03-11', bedrag_cents: 5_00, status: 'ingediend' });
    await store.claim(person, { datum: '2026-03-11', bedrag_cents: 5_00, status: 'afgewezen' });
    const tenth = claimOf({ person_id: person, datum: '2026-03-10' });
    const eleventh = claimOf({ person_id: person, datum: '2026-03-11' });
    const basis = await loadCheckBasis(store.db, [tenth, eleventh]);
    const results = checkClaims(basis, [tenth, eleventh], { together: false });
    expect(results.get(tenth.id)?.checks.map((c) => c.code)).toContain('dubbel');
    expect(results.get(eleventh.id)?.checks.map((c) => c.code)).not.toContain('dubbel');
  });

  it('finds one fixed allowance per month: a second in that month, on any day or for any amount, looks like a duplicate; the next month has its own', async () => {
    const person = await store.person();
    await store.contract(person, {
      draft: { vergoedingEenheid: 'maand', vergoedingCents: 50_00, verwachtUrenPerMaand: 30 },
    });
    const monthly = async (datum: string, bedrag_cents: number, status = 'ingediend') => {
      await store.claim(person, { soort: 'maand', datum, bedrag_cents, status });
      return claimOf({ person_id: person, soort: 'maand', datum, bedrag_cents });
    };
    // March: approved on the 1st, then one more on the 31st for another amount.
    await monthly('2026-03-01', 50_00, 'goedgekeurd');
    const march = await monthly('2026-03-31', 40_00);
    // April: one, beside a rejected one, which does not count.
    await monthly('2026-04-02', 50_00, 'afgewezen');
    const april = await monthly('2026-04-15', 50_00);
    // May: two submitted, on different days.
    await monthly('2026-05-02', 50_00);
    const may = await monthly('2026-05-20', 50_00);
    const claims = [may, march, april];
    const basis = await loadCheckBasis(store.db, claims);
    const results = checkClaims(basis, claims, { together: false });
    const duplicate = {
      code: 'dubbel',
      message: 'Lijkt dubbel: er is al een vaste vergoeding voor deze maand.',
      blocking: true,
    };
    expect(results.get(march.id)?.checks).toEqual([duplicate]);
    expect(results.get(april.id)?.checks).toEqual([]);
    expect(results.get(may.id)?.checks).toEqual([duplicate]);
  });

  it('reads the contracts of the claims’ people', async () => {
    const person = await store.person();
    await store.contract(person, { einddatum: '2026-06-30' });
    const onLastDay = claimOf({ person_id: person, datum: '2026-06-30' });
    const after = claimOf({ person_id: person, datum: '2026-07-01' });
    const basis = await loadCheckBasis(store.db, [onLastDay, after]);
    const results = checkClaims(basis, [onLastDay, after], { together: false });
    expect(results.get(onLastDay.id)?.checks).toEqual([]);
    expect(results.get(after.id)?.checks.map((c) => c.code)).toEqual(['geen_contract']);
  });
});
