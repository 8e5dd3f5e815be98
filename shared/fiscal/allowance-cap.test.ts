import { describe, expect, it } from 'vitest';
import { checkAllowanceCap, elsewhereInMonth, elsewhereInYear } from './allowance-cap.ts';
import { type FiscalYear, fiscalYear } from './fiscal-table.ts';

// Figures come from the table, never typed here a second time (FISCAL.md).
// Not figures(): a year missing from the table fails the tests that use it, not the loading of this file.
const y2026 = fiscalYear(2026) as FiscalYear;

const base = {
  date: '2026-04-10',
  amountCents: 10_00,
  monthBeforeCents: 0,
  yearBeforeCents: 0,
  elsewhere: [],
};

describe('allowance against the month and year caps', () => {
  it('lets an allowance reach the month cap exactly, and flags one cent more', () => {
    const at = checkAllowanceCap({ ...base, monthBeforeCents: y2026.maxPerMonth - 10_00 });
    expect(at).toMatchObject({ known: true, over: null, roomCents: 10_00 });
    const over = checkAllowanceCap({ ...base, monthBeforeCents: y2026.maxPerMonth - 9_99 });
    expect(over).toMatchObject({
      known: true,
      over: { period: 'maand', totalCents: y2026.maxPerMonth + 1, capCents: y2026.maxPerMonth },
    });
  });

  it('flags an allowance that fits on its own once what another organisation pays is counted', () => {
    const alone = checkAllowanceCap({ ...base, amountCents: 150_00 });
    expect(alone).toMatchObject({ known: true, over: null, roomCents: y2026.maxPerMonth });
    const elsewhere = [{ start: '2026-01-01', end: null, monthlyCents: 100_00 }];
    const counted = checkAllowanceCap({ ...base, amountCents: 150_00, elsewhere });
    expect(counted).toMatchObject({
      known: true,
      elsewhereMonthCents: 100_00,
      roomCents: y2026.maxPerMonth - 100_00,
      over: { period: 'maand', totalCents: 250_00, capCents: y2026.maxPerMonth },
    });
  });

  it('counts the declared income of every month of the year toward the year cap', () => {
    // Nine months at the month cap elsewhere: the year has room for one month's cap, and no more.
    const elsewhere = [{ start: '2026-01-01', end: '2026-09-30', monthlyCents: y2026.maxPerMonth }];
    expect(elsewhereInYear(elsewhere, 2026)).toBe(9 * y2026.maxPerMonth);
    const december = { ...base, date: '2026-12-01', elsewhere };
    expect(
      checkAllowanceCap({ ...december, amountCents: y2026.maxPerYear - 9 * y2026.maxPerMonth }),
    ).toMatchObject({ over: null, roomCents: y2026.maxPerYear - 9 * y2026.maxPerMonth });
    expect(
      checkAllowanceCap({
        ...december,
        yearBeforeCents: 1,
        amountCents: y2026.maxPerYear - 9 * y2026.maxPerMonth,
      }),
    ).toMatchObject({ over: { period: 'jaar', capCents: y2026.maxPerYear } });
  });

  it('counts a month two contracts share once, at the higher declaration', () => {
    const elsewhere = [
      { start: '2026-01-01', end: '2026-03-15', monthlyCents: 40_00 },
      { start: '2026-03-16', end: null, monthlyCents: 60_00 },
    ];
    expect(elsewhereInMonth(elsewhere, '2026-03')).toBe(60_00);
    expect(elsewhereInMonth(elsewhere, '2026-02')).toBe(40_00);
    expect(elsewhereInMonth(elsewhere, '2025-12')).toBe(0);
    expect(elsewhereInYear(elsewhere, 2026)).toBe(2 * 40_00 + 10 * 60_00);
  });

  it('never guesses a year it has no figures for', () => {
    expect(checkAllowanceCap({ ...base, date: '2031-01-05' })).toEqual({ known: false, year: 2031 });
  });

  it('counts a declaration for every month it touches, from its first to its last day', () => {
    const from31 = [{ start: '2026-01-31', end: '2026-03-01', monthlyCents: 40_00 }];
    expect(elsewhereInMonth(from31, '2026-01')).toBe(40_00);
    expect(elsewhereInMonth(from31, '2026-03')).toBe(40_00);
    expect(elsewhereInMonth(from31, '2026-04')).toBe(0);
    expect(elsewhereInYear(from31, 2026)).toBe(3 * 40_00);
  });

  it('counts a declaration that ended early in the month for an allowance later that month', () => {
    const elsewhere = [{ start: '2026-01-01', end: '2026-04-05', monthlyCents: 100_00 }];
    const result = checkAllowanceCap({ ...base, date: '2026-04-20', elsewhere });
    expect(result).toMatchObject({ elsewhereMonthCents: 100_00, roomCents: y2026.maxPerMonth - 100_00 });
  });

  it('gives as room the tighter of what is left in the month and in the year', () => {
    const result = checkAllowanceCap({ ...base, yearBeforeCents: y2026.maxPerYear - 50_00 });
    expect(result).toMatchObject({ roomCents: 50_00, over: null });
    expect(checkAllowanceCap({ ...base, yearBeforeCents: y2026.maxPerYear - 9_99 })).toMatchObject({
      roomCents: 9_99,
      over: { period: 'jaar', totalCents: y2026.maxPerYear + 1, capCents: y2026.maxPerYear },
    });
  });
});
