import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from './format.ts';
import { multiplyCents, parseEuroToCents, sumCents } from './money.ts';

describe('parseEuroToCents', () => {
  it('reads Dutch amounts as typed', () => {
    expect(parseEuroToCents('5,75')).toBe(575);
    expect(parseEuroToCents('€ 1.234,56')).toBe(123456);
    expect(parseEuroToCents('€1.234,56')).toBe(123456);
    expect(parseEuroToCents('220')).toBe(22000);
    expect(parseEuroToCents(' 0,5 ')).toBe(50);
    expect(parseEuroToCents('12.345.678,90')).toBe(1234567890);
  });
  it('reads a decimal point with at most two decimals', () => {
    expect(parseEuroToCents('5.75')).toBe(575);
    expect(parseEuroToCents('0.1')).toBe(10);
    expect(parseEuroToCents('12.50')).toBe(1250);
    expect(parseEuroToCents('€ 1234.5')).toBe(123450);
  });
  it('reads whole euros written as 5,- or 5,--', () => {
    expect(parseEuroToCents('5,-')).toBe(500);
    expect(parseEuroToCents('€ 1.000,--')).toBe(100000);
  });
  it('is exact where float arithmetic is not', () => {
    // In floats 0.29 * 100 is 28.999999999999996 and 4.35 * 100 is 434.99999999999994.
    expect(parseEuroToCents('0,29')).toBe(29);
    expect(parseEuroToCents('1,01')).toBe(101);
    expect(parseEuroToCents('4,35')).toBe(435);
  });
  it('reads a negative amount as formatCents shows it', () => {
    expect(parseEuroToCents('€ -25,00')).toBe(-2500);
    expect(parseEuroToCents('-25')).toBe(-2500);
    expect(Object.is(parseEuroToCents('-0,00'), 0)).toBe(true);
  });
  it('refuses more than two decimals instead of rounding', () => {
    expect(parseEuroToCents('5,755')).toBeNull();
    expect(parseEuroToCents('5.755.5')).toBeNull();
    expect(parseEuroToCents('1,234')).toBeNull();
  });
  it('refuses thousands dots without a decimal comma, since 5.755 could be either', () => {
    expect(parseEuroToCents('5.755')).toBeNull();
    expect(parseEuroToCents('1.234')).toBeNull();
  });
  it('refuses garbage', () => {
    for (const bad of [
      '',
      ' ',
      '€',
      'abc',
      '5,',
      ',50',
      '5,7a',
      '1.23.4',
      '12.34,56',
      '1,2,3',
      '--5',
      '€ 5 €',
      '5 75',
      '1e3',
      'NaN',
      'Infinity',
      '0x10',
      '+5',
    ]) {
      expect(parseEuroToCents(bad), bad).toBeNull();
    }
  });
  it('refuses an amount too large to hold exactly', () => {
    expect(parseEuroToCents('999999999999999999,99')).toBeNull();
  });
  it('round-trips every amount formatCents shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
        expect(parseEuroToCents(formatCents(cents))).toBe(cents);
      }),
    );
  });
});

describe('sumCents', () => {
  it('adds an empty list to 0 and refuses fractions, naming the amount', () => {
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([1, 0.5])).toThrow(new RangeError('cents must be a safe integer, got 0.5'));
  });
  it('refuses a sum beyond exact integer range', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(
      new RangeError(`sum of cents must be a safe integer, got ${Number.MAX_SAFE_INTEGER + 1}`),
    );
  });
  it('is exact: the sum equals the BigInt sum in any order', () => {
    const cents = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (list) => {
        const exact = list.reduce((total, c) => total + BigInt(c), 0n);
        expect(BigInt(sumCents(list))).toBe(exact);
        expect(sumCents([...list].reverse())).toBe(sumCents(list));
      }),
    );
  });
});

describe('multiplyCents', () => {
  it('refuses a fractional quantity or amount, naming which', () => {
    expect(() => multiplyCents(575, 1.5)).toThrow(new RangeError('quantity must be a safe integer, got 1.5'));
    expect(() => multiplyCents(5.75, 2)).toThrow(new RangeError('cents must be a safe integer, got 5.75'));
  });
  it('refuses a product beyond exact integer range', () => {
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(
      /^cents × quantity must be a safe integer/,
    );
  });
  it('never returns -0', () => {
    expect(Object.is(multiplyCents(0, -3), 0)).toBe(true);
  });
  it('equals cents × quantity for safe integers', () => {
    const factor = fc.integer({ min: -94_906_265, max: 94_906_265 }); // product stays within 2^53
    fc.assert(
      fc.property(factor, factor, (cents, quantity) => {
        expect(BigInt(multiplyCents(cents, quantity))).toBe(BigInt(cents) * BigInt(quantity));
      }),
    );
  });
});
