import { describe, expect, it } from 'vitest';
import { formatChangeValue } from './audit.ts';

const names = (id: string) => (id === '0190a' ? 'Samira Bouali' : undefined);

describe('a changed value in the history and the audit log', () => {
  it('names the account behind an id, not the id', () => {
    expect(formatChangeValue('begeleiderId', '0190a', names)).toBe('Samira Bouali');
    expect(formatChangeValue('begeleiderId', '0190b', names)).toBe('een (oud) account');
  });

  it('shows money in euros, time in hours and minutes, dates the Dutch way', () => {
    expect(formatChangeValue('bedragCents', 795, names)).toBe('€ 7,95');
    expect(formatChangeValue('minuten', 90, names)).toBe('1 uur 30 min');
    expect(formatChangeValue('datum', '2026-11-25', names)).toBe('25-11-2026');
  });

  it('shows yes, no and empty in words, anything else as it is', () => {
    expect(formatChangeValue('bijstand', true, names)).toBe('ja');
    expect(formatChangeValue('bijstand', false, names)).toBe('nee');
    expect(formatChangeValue('email', null, names)).toBe('—');
    expect(formatChangeValue('km', 12, names)).toBe('12');
  });
});
