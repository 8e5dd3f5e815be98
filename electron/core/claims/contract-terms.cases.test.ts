import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimKind } from '../../../shared/claims.ts';
import type { ContractDraftInput } from '../../../shared/contracts.ts';
import { claimsStore, employmentDraft, volunteerDraft } from '../../../test/support/claims-store.ts';
import {
  type ActiveContract,
  activeContracts,
  activityClaimKind,
  claimAmount,
  contractOn,
} from './contract-terms.ts';

const contract = (
  startdatum: string,
  einddatum: string | null,
  terms: Partial<ContractDraftInput> = {},
): ActiveContract => ({
  id: `contract-${startdatum}`,
  nummer: 'C-1',
  startdatum,
  einddatum,
  draft: volunteerDraft({ startdatum, einddatum, ...terms }),
});
const entered = (values: Partial<{ km: number; minuten: number; bedragCents: number }> = {}) => ({
  km: null,
  minuten: null,
  bedragCents: null,
  ...values,
});
const employment: ActiveContract = { ...contract('2026-01-01', null), draft: employmentDraft() };

describe('the claim an activity earns', () => {
  it('is hours or the activity for a volunteer paid that way, and none for a monthly sum, employment or no contract', () => {
    expect(activityClaimKind(contract('2026-01-01', null, { vergoedingEenheid: 'uur' }))).toBe('uren');
    expect(activityClaimKind(contract('2026-01-01', null, { vergoedingEenheid: 'activiteit' }))).toBe(
      'activiteit',
    );
    expect(activityClaimKind(contract('2026-01-01', null, { vergoedingEenheid: 'maand' }))).toBeNull();
    expect(activityClaimKind(employment)).toBeNull();
    expect(activityClaimKind(null)).toBeNull();
  });
});

describe('the contract a claim falls under', () => {
  const first = contract('2026-01-01', '2026-06-30');
  const second = contract('2026-09-01', null);

  it('is the contract running on the claim date, from its first through its last day', () => {
    expect(contractOn([first, second], '2026-01-01')).toBe(first);
    expect(contractOn([first, second], '2026-06-30')).toBe(first);
    expect(contractOn([first, second], '2026-09-01')).toBe(second);
    expect(contractOn([first, second], '2031-12-31')).toBe(second);
  });

  it('is none before the start, after the end, between two contracts, or for someone without one', () => {
    expect(contractOn([first, second], '2025-12-31')).toBeNull();
    expect(contractOn([first, second], '2026-07-01')).toBeNull();
    expect(contractOn([first, second], '2026-08-31')).toBeNull();
    expect(contractOn([], '2026-03-01')).toBeNull();
    expect(contractOn(undefined, '2026-03-01')).toBeNull();
  });
});

describe('the amount of a claim by the terms of its contract', () => {
  it('pays kilometres at the contract rate, and none without a rate or a distance', () => {
    expect(claimAmount('km', entered({ km: 12 }), contract('2026-01-01', null))).toBe(12 * 23);
    expect(
      claimAmount('km', entered({ km: 12 }), contract('2026-01-01', null, { kmVergoedingCents: 0 })),
    ).toBeNull();
    expect(claimAmount('km', entered(), contract('2026-01-01', null))).toBeNull();
  });

  it('pays an activity under an allowance per activity, and not under an hourly one', () => {
    expect(claimAmount('activiteit', entered(), contract('2026-01-01', null))).toBe(5_00);
    const hourly = contract('2026-01-01', null, { vergoedingEenheid: 'uur', vergoedingCents: 5_75 });
    expect(claimAmount('activiteit', entered(), hourly)).toBeNull();
  });

  it('pays hours under an hourly allowance, rounded to the cent, and not under one per activity', () => {
    const hourly = contract('2026-01-01', null, { vergoedingEenheid: 'uur', vergoedingCents: 5_75 });
    expect(claimAmount('uren', entered({ minuten: 120 }), hourly)).toBe(11_50);
    // 90 minutes at € 5,75 is € 8,625: rounded to € 8,63.
    expect(claimAmount('uren', entered({ minuten: 90 }), hourly)).toBe(8_63);
    expect(claimAmount('uren', entered(), hourly)).toBeNull();
    expect(claimAmount('uren', entered({ minuten: 60 }), contract('2026-01-01', null))).toBeNull();
  });

  it('pays public transport and parking as entered, under any contract or none', () => {
    for (const soort of ['ov', 'parkeren'] as const) {
      expect(claimAmount(soort, entered({ bedragCents: 7_45 }), contract('2026-01-01', null))).toBe(7_45);
      expect(claimAmount(soort, entered({ bedragCents: 7_45 }), employment)).toBe(7_45);
      expect(claimAmount(soort, entered({ bedragCents: 7_45 }), null)).toBe(7_45);
    }
  });

  it('pays costs with a receipt as entered, unless the volunteer contract rules them out', () => {
    expect(claimAmount('onkosten', entered({ bedragCents: 12_50 }), contract('2026-01-01', null))).toBe(
      12_50,
    );
    const noCosts = contract('2026-01-01', null, { onkostenMetBon: false });
    expect(claimAmount('onkosten', entered({ bedragCents: 12_50 }), noCosts)).toBeNull();
    expect(claimAmount('onkosten', entered({ bedragCents: 12_50 }), employment)).toBe(12_50);
    expect(claimAmount('onkosten', entered({ bedragCents: 12_50 }), null)).toBe(12_50);
  });

  it('pays no volunteer allowance under another form of contract', () => {
    expect(claimAmount('km', entered({ km: 12 }), employment)).toBeNull();
    expect(claimAmount('activiteit', entered(), employment)).toBeNull();
    expect(claimAmount('uren', entered({ minuten: 60 }), employment)).toBeNull();
    expect(claimAmount('activiteit', entered(), null)).toBeNull();
  });

  it('pays nothing for a kind of claim it does not know', () => {
    const hourly = contract('2026-01-01', null, { vergoedingEenheid: 'uur', vergoedingCents: 5_75 });
    expect(
      claimAmount('fiets' as ClaimKind, entered({ minuten: 60, km: 5, bedragCents: 1_00 }), hourly),
    ).toBeNull();
  });
});

describe('the contracts that count for claims', () => {
  let store: Awaited<ReturnType<typeof claimsStore>>;
  beforeEach(async () => {
    store = await claimsStore();
  });
  afterEach(() => store.close());

  it('are the definitief, signed and ended ones, each with its terms; a concept is not', async () => {
    const person = await store.person();
    const definitief = await store.contract(person, { startdatum: '2026-01-01', einddatum: '2026-03-31' });
    const getekend = await store.contract(person, { status: 'getekend', startdatum: '2026-04-01' });
    await store.contract(person, { status: 'concept', startdatum: '2025-01-01', einddatum: '2025-12-31' });
    const contracts = (await activeContracts(store.db, [person])).get(person) ?? [];
    expect(contracts.map((c) => [c.id, c.startdatum, c.einddatum]).sort()).toEqual([
      [definitief, '2026-01-01', '2026-03-31'],
      [getekend, '2026-04-01', null],
    ]);
    expect(contracts[0]?.nummer).toMatch(/^C-/);
    expect(contracts.every((c) => c.draft.vorm === 'vrijwilligersovereenkomst')).toBe(true);
  });

  it('end an ended contract on the day it was ended, not its agreed end', async () => {
    const person = await store.person();
    await store.contract(person, {
      status: 'beeindigd',
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      beeindigd_datum: '2026-06-30',
    });
    const contracts = (await activeContracts(store.db, [person])).get(person);
    expect(contracts?.map((c) => c.einddatum)).toEqual(['2026-06-30']);
    expect(contractOn(contracts, '2026-06-30')).not.toBeNull();
    expect(contractOn(contracts, '2026-07-01')).toBeNull();
  });

  it('leave out a version that a newer one replaced', async () => {
    const person = await store.person();
    const old = await store.contract(person, { startdatum: '2026-01-01' });
    const newer = await store.contract(person, { startdatum: '2026-01-01', vorige_id: old });
    const contracts = (await activeContracts(store.db, [person])).get(person);
    expect(contracts?.map((c) => c.id)).toEqual([newer]);
  });

  it('are kept apart per person, and none are read for nobody', async () => {
    const [a, b, c] = [await store.person(), await store.person(), await store.person()];
    await store.contract(a);
    await store.contract(b);
    await store.contract(b, { startdatum: '2027-01-01' });
    const byPerson = await activeContracts(store.db, [a, b, c]);
    expect(byPerson.get(a)).toHaveLength(1);
    expect(byPerson.get(b)).toHaveLength(2);
    expect(byPerson.has(c)).toBe(false);
    const [nobody, statements] = await store.withStatements(() => activeContracts(store.db, []));
    expect(nobody.size).toBe(0);
    expect(statements).toEqual([]);
  });

  it('share their terms between reads: each contract’s stored terms are parsed once', async () => {
    const person = await store.person();
    await store.contract(person, { startdatum: '2026-01-01', einddatum: '2026-06-30' });
    await store.contract(person, { startdatum: '2026-07-01' });
    const terms = async () =>
      ((await activeContracts(store.db, [person])).get(person) ?? []).map((c) => c.draft);
    const first = await terms();
    const again = await terms();
    expect(first).toHaveLength(2);
    first.forEach((draft, i) => {
      expect(again[i]).toBe(draft);
    });
  });
});
