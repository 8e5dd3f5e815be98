import { describe, expect, it } from 'vitest';
import { type ClaimKind, claimKinds, receiptKinds } from '../../../shared/claims.ts';
import { storedContractDraft } from '../../../shared/contracts.ts';
import { allowanceUnits } from '../../../shared/profiles.ts';
import { volunteerContract } from '../../../test/support/harness.ts';
import { type ActiveContract, claimAmount } from './contract-terms.ts';

const personId = '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e9f';
const under = (overrides: Parameters<typeof volunteerContract>[1]): ActiveContract => ({
  id: 'c',
  nummer: '2026-0001',
  startdatum: '2026-01-01',
  einddatum: null,
  draft: storedContractDraft.parse(volunteerContract(personId, overrides)),
});
const entered = { km: 10, minuten: 90, bedragCents: 12_34 };
const allowanceKinds = claimKinds.filter((kind) => !receiptKinds.has(kind));
/** The allowance kinds a contract pays a positive amount for. */
const payable = (contract: ActiveContract): ClaimKind[] =>
  allowanceKinds.filter((kind) => (claimAmount(kind, entered, contract) ?? 0) > 0);

describe('claim amounts from the contract terms', () => {
  it('can pay every form of allowance a contract can hold, and only that form', () => {
    const expected = { uur: ['uren'], maand: ['maand'], activiteit: ['activiteit'], geen: [] };
    for (const unit of allowanceUnits) {
      const contract = under({ vergoedingEenheid: unit, vergoedingCents: 25_00, kmVergoedingCents: 0 });
      expect(payable(contract), unit).toEqual(expected[unit]);
    }
    // A km allowance beside any of them.
    expect(payable(under({ vergoedingEenheid: 'geen', vergoedingCents: 0, kmVergoedingCents: 23 }))).toEqual([
      'km',
    ]);
  });

  it('takes each amount from the contract, not from what was entered', () => {
    const terms = { vergoedingCents: 25_00, kmVergoedingCents: 23 };
    expect(claimAmount('maand', entered, under({ ...terms, vergoedingEenheid: 'maand' }))).toBe(25_00);
    expect(claimAmount('activiteit', entered, under({ ...terms, vergoedingEenheid: 'activiteit' }))).toBe(
      25_00,
    );
    expect(claimAmount('uren', entered, under({ ...terms, vergoedingEenheid: 'uur' }))).toBe(37_50);
    expect(claimAmount('km', entered, under({ ...terms, vergoedingEenheid: 'geen' }))).toBe(2_30);
  });

  it('pays no monthly allowance of nothing, and none without a volunteer contract', () => {
    expect(
      claimAmount('maand', entered, under({ vergoedingEenheid: 'maand', vergoedingCents: 0 })),
    ).toBeNull();
    expect(claimAmount('maand', entered, null)).toBeNull();
  });
});
