import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  formatCents,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatIban,
  formatMinutes,
  formatMonth,
  formatMonthName,
  formatMonthSpan,
  formatNumber,
  formatTime,
} from './format.ts';

describe('Dutch formats', () => {
  it('shows dates as 25-11-2026 and 1 januari 2026', () => {
    expect(formatDate('2026-11-25')).toBe('25-11-2026');
    expect(formatDateLong('2026-01-01')).toBe('1 januari 2026');
    expect(formatDate(null)).toBe('');
  });
  it('names months in Dutch, lower case: maart 2026, or maart where the year stands beside it', () => {
    expect(formatMonth('2026-03')).toBe('maart 2026');
    expect(formatMonth('2026-01-31')).toBe('januari 2026');
    expect(formatMonth('2026-12')).toBe('december 2026');
    expect(formatMonthName('2026-03')).toBe('maart');
  });
  it('shows a UTC moment in Dutch local time, summer and winter', () => {
    expect(formatDateTime('2026-11-25T13:41:00.000Z')).toBe('25-11-2026 14:41');
    expect(formatDateTime('2026-07-01T13:41:00.000Z')).toBe('01-07-2026 15:41');
    expect(formatTime('2026-11-25T13:02:00.000Z')).toBe('14:02');
    expect(formatTime('2026-07-01T22:30:00.000Z')).toBe('00:30');
    expect(formatTime(null)).toBe('');
  });
  it('writes counts with a thousands dot', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1_234_567)).toBe('1.234.567');
    expect(formatNumber(7)).toBe('7');
  });
  it('shows cents as euros with a comma and thousands dots', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56');
    expect(formatCents(575)).toBe('€ 5,75');
    expect(formatCents(0)).toBe('€ 0,00');
    expect(formatCents(-2500)).toBe('€ -25,00');
  });
  it('refuses float money', () => {
    expect(() => formatCents(5.75)).toThrow();
  });
  it('round-trips every amount: the shown euros and cents are the stored cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
        const digits = formatCents(cents)
          .replace(/[€\s.]/g, '')
          .replace(',', '');
        expect(Number(digits)).toBe(cents);
      }),
    );
  });
  it('groups an IBAN by four and computes age on a day', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(ageOn('2005-03-10', '2026-03-09')).toBe(20);
    expect(ageOn('2005-03-10', '2026-03-10')).toBe(21);
  });
});

describe('formatMinutes', () => {
  it('reads as hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 uur');
    expect(formatMinutes(90)).toBe('1 uur 30 min');
    expect(formatMinutes(150)).toBe('2 uur 30 min');
  });
});

describe('formatMonthSpan', () => {
  it('names every month a batch of claims comes from, in plain characters', () => {
    expect(formatMonthSpan(['2026-03-02', '2026-03-28'])).toBe('maart 2026');
    expect(formatMonthSpan(['2026-05-10', '2026-03-02', '2026-04-01'])).toBe('maart t/m mei 2026');
    expect(formatMonthSpan(['2026-01-05', '2025-12-20'])).toBe('december 2025 t/m januari 2026');
    expect(formatMonthSpan([])).toBe('');
  });
});
