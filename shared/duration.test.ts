import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationInput, parseDurationToMinutes } from './duration.ts';

describe('time typed in a claim', () => {
  it('reads hours and minutes with a colon', () => {
    expect(parseDurationToMinutes('1:30')).toBe(90);
    expect(parseDurationToMinutes('0:45')).toBe(45);
    expect(parseDurationToMinutes(' 12:05 ')).toBe(725);
    expect(parseDurationToMinutes('1:60')).toBeNull();
    expect(parseDurationToMinutes('1:5')).toBeNull();
  });
  it('reads hours with a decimal comma or point, at most two decimals', () => {
    expect(parseDurationToMinutes('1,5')).toBe(90);
    expect(parseDurationToMinutes('1.5')).toBe(90);
    expect(parseDurationToMinutes('0,25')).toBe(15);
    expect(parseDurationToMinutes('2')).toBe(120);
    expect(parseDurationToMinutes('1,75 uur')).toBe(105);
    expect(parseDurationToMinutes('1,125')).toBeNull();
  });
  it('refuses what is not a whole number of minutes instead of rounding it', () => {
    expect(parseDurationToMinutes('1,33')).toBeNull();
    expect(parseDurationToMinutes('0,01')).toBeNull();
  });
  it('reads the words people add', () => {
    expect(parseDurationToMinutes('1 uur 30')).toBe(90);
    expect(parseDurationToMinutes('1u30')).toBe(90);
    expect(parseDurationToMinutes('3 U')).toBe(180);
    expect(parseDurationToMinutes('45 min')).toBe(45);
    expect(parseDurationToMinutes('90 minuten')).toBe(90);
    expect(parseDurationToMinutes('1 uur 75')).toBeNull();
  });
  it('refuses anything else', () => {
    for (const text of ['', 'anderhalf', '-1', '1:30:00', '1,5,5', 'u', '1 uur en een kwartier'])
      expect(parseDurationToMinutes(text), text).toBeNull();
  });
  it('shows minutes as hours:minutes, which reads back the same', () => {
    expect(formatDurationInput(90)).toBe('1:30');
    expect(formatDurationInput(45)).toBe('0:45');
    expect(formatDurationInput(1440)).toBe('24:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 60 + 59 }), (minutes) => {
        expect(parseDurationToMinutes(formatDurationInput(minutes))).toBe(minutes);
      }),
    );
  });
});
