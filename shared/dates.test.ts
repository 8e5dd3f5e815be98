import { describe, expect, it } from 'vitest';
import { isRealDate, parseDutchDate } from './dates.ts';

describe('reading a date as people type it (every date field and every imported file)', () => {
  it('reads day, month, year: with or without leading zeros, the same day', () => {
    expect(parseDutchDate('1-3-2026')).toBe('2026-03-01');
    expect(parseDutchDate('01-03-2026')).toBe('2026-03-01');
    expect(parseDutchDate(' 25-11-2026 ')).toBe('2026-11-25');
  });

  it('takes -, /, . or a space between the parts', () => {
    for (const typed of ['25-11-2026', '25/11/2026', '25.11.2026', '25 11 2026'])
      expect(parseDutchDate(typed), typed).toBe('2026-11-25');
  });

  it('reads a two-digit year up to 40 as 20xx, from 41 up as 19xx', () => {
    expect(parseDutchDate('25-11-26')).toBe('2026-11-25');
    expect(parseDutchDate('1-1-40')).toBe('2040-01-01');
    expect(parseDutchDate('12-05-58')).toBe('1958-05-12');
  });

  it('reads an ISO date as it is', () => {
    expect(parseDutchDate('2026-03-01')).toBe('2026-03-01');
  });

  it('refuses a day that does not exist, never moving it into the next month', () => {
    expect(parseDutchDate('31-2-2026')).toBeNull();
    expect(parseDutchDate('29-02-2027')).toBeNull();
    expect(parseDutchDate('31-04-2026')).toBeNull();
    expect(parseDutchDate('2026-02-31')).toBeNull();
    expect(parseDutchDate('29-2-2028')).toBe('2028-02-29');
  });

  it('refuses anything else: month first, three-digit years, words, empty', () => {
    expect(parseDutchDate('13-25-2026')).toBeNull();
    expect(parseDutchDate('1-3-202')).toBeNull();
    expect(parseDutchDate('1 maart 2026')).toBeNull();
    expect(parseDutchDate('2026-3-1')).toBeNull();
    expect(parseDutchDate('')).toBeNull();
  });

  it('knows which ISO dates exist', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('25-11-2026')).toBe(false);
  });
});
