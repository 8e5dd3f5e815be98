import { describe, expect, it } from 'vitest';
import {
  intersect,
  lastDayOfMonth,
  monthPeriod,
  monthsOf,
  periodDays,
  periodOf,
  prorateMonthly,
  quarterPeriod,
} from './periods.ts';

describe('periods', () => {
  it('knows the last day of every kind of month, leap years included', () => {
    expect(lastDayOfMonth('2026-01')).toBe('2026-01-31');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('gives the month and the quarter a date falls in', () => {
    expect(monthPeriod('2026-11-25')).toEqual({ van: '2026-11-01', tot: '2026-11-30' });
    expect(monthPeriod('2026-02-28')).toEqual({ van: '2026-02-01', tot: '2026-02-28' });
    expect(quarterPeriod('2026-11-25')).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
    expect(quarterPeriod('2026-01-01')).toEqual({ van: '2026-01-01', tot: '2026-03-31' });
    expect(quarterPeriod('2026-06-30')).toEqual({ van: '2026-04-01', tot: '2026-06-30' });
    expect(periodDays(quarterPeriod('2026-02-10'))).toBe(90);
  });

  it('finds the days two periods share, an open end running on', () => {
    const nov = monthPeriod('2026-11-01');
    expect(intersect(nov, { van: '2026-11-16', tot: null })).toEqual({
      van: '2026-11-16',
      tot: '2026-11-30',
    });
    expect(intersect(nov, { van: '2026-01-01', tot: '2026-11-10' })).toEqual({
      van: '2026-11-01',
      tot: '2026-11-10',
    });
    expect(intersect(nov, { van: '2026-12-01', tot: null })).toBeNull();
    expect(intersect(nov, { van: '2026-01-01', tot: '2026-10-31' })).toBeNull();
  });
});

describe('prorating a monthly figure', () => {
  it('gives a whole month its whole figure, however long the month', () => {
    expect(prorateMonthly(960, monthPeriod('2026-02-01'))).toBeCloseTo(960);
    expect(prorateMonthly(960, monthPeriod('2028-02-01'))).toBeCloseTo(960);
    expect(prorateMonthly(960, monthPeriod('2026-01-01'))).toBeCloseTo(960);
    expect(prorateMonthly(960, quarterPeriod('2026-05-01'))).toBeCloseTo(3 * 960);
    expect(prorateMonthly(960, { van: '2026-01-01', tot: '2026-12-31' })).toBeCloseTo(12 * 960);
  });

  it('splits a range across a month end by the share of each month it covers', () => {
    // 16 of 31 January days and 15 of 28 February days.
    expect(prorateMonthly(600, { van: '2026-01-16', tot: '2026-02-15' })).toBeCloseTo(
      600 * (16 / 31) + 600 * (15 / 28),
    );
    // Across the year end.
    expect(prorateMonthly(310, { van: '2026-12-31', tot: '2027-01-01' })).toBeCloseTo(10 + 10);
    // One day of a 30-day month.
    expect(prorateMonthly(300, { van: '2026-11-30', tot: '2026-11-30' })).toBeCloseTo(10);
    // 29 February in a leap year is a day like any other.
    expect(prorateMonthly(290, { van: '2028-02-29', tot: '2028-03-01' })).toBeCloseTo(10 + 290 / 31);
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(prorateMonthly(600, { van: '2026-02-02', tot: '2026-02-01' })).toBe(0);
  });
});

describe('a report period by its kind', () => {
  it('gives the month, quarter or year asked, and the months a range touches', () => {
    expect(periodOf('maand', 2028, 2)).toEqual({ van: '2028-02-01', tot: '2028-02-29' });
    expect(periodOf('kwartaal', 2026, 4)).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
    expect(periodOf('jaar', 2026, 1)).toEqual({ van: '2026-01-01', tot: '2026-12-31' });
    expect(monthsOf('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
