import { describe, expect, it } from 'vitest';
import {
  type ContractDraftInput,
  contractDraftInput,
  contractUpdateInput,
  maxProeftijdMaanden,
  storedContractDraft,
} from './contracts.ts';

const personId = '01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e9f';
const employment = (
  einddatum: string | null,
  proeftijdMaanden: number,
  startdatum = '2026-01-01',
): ContractDraftInput => ({
  personId,
  profileVersionId: null,
  vorm: 'arbeidsovereenkomst',
  velden: {},
  startdatum,
  einddatum,
  urenPerWeek: 18,
  cao: 'Cao Sociaal Werk',
  schaal: '6',
  trede: null,
  brutoMaandsalarisCents: 2800_00,
  proeftijdMaanden,
});
/** The refusals of a draft as `field: message`. */
const refusals = (input: unknown) => {
  const parsed = contractDraftInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('proeftijd (BW 7:652)', () => {
  it('allows none for a contract of exactly six months', () => {
    expect(maxProeftijdMaanden('2026-01-01', '2026-06-30')).toBe(0);
    expect(refusals(employment('2026-06-30', 0))).toEqual([]);
    expect(refusals(employment('2026-06-30', 1))).toEqual([
      'proeftijdMaanden: geen proeftijd bij een contract van zes maanden of korter (art. 7:652 BW)',
    ]);
  });

  it('allows one month for six months and a day', () => {
    expect(maxProeftijdMaanden('2026-01-01', '2026-07-01')).toBe(1);
    expect(refusals(employment('2026-07-01', 1))).toEqual([]);
    expect(refusals(employment('2026-07-01', 2))).toEqual([
      'proeftijdMaanden: hoogstens 1 maand proeftijd bij een contract korter dan twee jaar (art. 7:652 BW)',
    ]);
  });

  it('allows one month for a day under two years, two for exactly two years', () => {
    expect(maxProeftijdMaanden('2026-01-01', '2027-12-30')).toBe(1);
    expect(refusals(employment('2027-12-30', 2))).toHaveLength(1);
    expect(maxProeftijdMaanden('2026-01-01', '2027-12-31')).toBe(2);
    expect(refusals(employment('2027-12-31', 2))).toEqual([]);
  });

  it('allows two months for an indefinite contract and never more', () => {
    expect(maxProeftijdMaanden('2026-01-01', null)).toBe(2);
    expect(refusals(employment(null, 2))).toEqual([]);
    expect(refusals(employment(null, 3))).toEqual([
      'proeftijdMaanden: hoogstens 2 maanden proeftijd (art. 7:652 BW)',
    ]);
    // One message per refusal: a value the field refuses is not refused a second time by the rule.
    expect(refusals(employment('2026-06-30', 1.5))).toEqual([
      'proeftijdMaanden: vul een heel aantal maanden in',
    ]);
  });

  it('counts six months from a month end as the calendar does', () => {
    // From 31 August six months run to 27 February (28 February is the first day after them).
    expect(maxProeftijdMaanden('2026-08-31', '2027-02-27')).toBe(0);
    expect(maxProeftijdMaanden('2026-08-31', '2027-02-28')).toBe(1);
  });

  it('refuses on update as on create, and leaves only the period error for an end before the start', () => {
    const update = contractUpdateInput.safeParse({
      ...employment('2026-06-30', 1),
      id: personId,
      version: 1,
    });
    expect(update.success ? [] : update.error.issues.map((i) => i.path.join('.'))).toEqual([
      'proeftijdMaanden',
    ]);
    expect(refusals(employment('2025-12-31', 2))).toEqual(['einddatum: ligt vóór de begindatum']);
  });

  it('still reads a stored draft saved before the rule', () => {
    expect(storedContractDraft.safeParse(employment('2026-06-30', 1)).success).toBe(true);
  });
});
