import { describe, expect, it } from 'vitest';
import { formatHours } from './format.ts';
import { loadFlags } from './verdeling.ts';

describe('load flags', () => {
  it('flags more than 120% of the expected hours as overbelast', () => {
    expect(loadFlags({ actief: true, minuten: 1200, verwachtMinuten: 1000 })).toEqual([]);
    expect(loadFlags({ actief: true, minuten: 1201, verwachtMinuten: 1000 })).toEqual(['overbelast']);
  });

  it('flags an active person with no inzet, or under a quarter of the expected hours, as nauwelijks gevraagd', () => {
    expect(loadFlags({ actief: true, minuten: 0, verwachtMinuten: null })).toEqual(['nauwelijks_gevraagd']);
    expect(loadFlags({ actief: true, minuten: 249, verwachtMinuten: 1000 })).toEqual(['nauwelijks_gevraagd']);
    expect(loadFlags({ actief: true, minuten: 250, verwachtMinuten: 1000 })).toEqual([]);
    // Someone who stopped is not waiting to be asked.
    expect(loadFlags({ actief: false, minuten: 0, verwachtMinuten: 1000 })).toEqual([]);
    // Without an expectation any inzet is enough.
    expect(loadFlags({ actief: true, minuten: 30, verwachtMinuten: null })).toEqual([]);
  });

  it('shows hours whole when whole, else with one decimal in Dutch', () => {
    expect(formatHours(360)).toBe('6');
    expect(formatHours(390)).toBe('6,5');
    expect(formatHours(20)).toBe('0,3');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(59_940)).toBe('999');
    expect(formatHours(60_000)).toBe('1.000');
    // Written out by hand below a thousand hours: the same as Intl's Dutch format.
    const intl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
    for (let minutes = 0; minutes < 60_000; minutes += 7)
      expect(formatHours(minutes)).toBe(intl.format(Math.round(minutes / 6) / 10));
  });
});
