import { describe, expect, it } from 'vitest';
import { formatCents } from '../format.ts';
import { type FiscalYear, fiscalYear, knownFiscalYears } from './fiscal-table.ts';
import {
  checkOutcome,
  checkVolunteerAllowance,
  type VolunteerCheck,
  type VolunteerCheckInput,
} from './volunteer-check.ts';

// Figures come from the table, never typed here a second time (FISCAL.md).
function figures(year: number): FiscalYear {
  const fy = fiscalYear(year);
  if (!fy) throw new Error(`no figures for ${year}`);
  return fy;
}
// Not figures(): a year missing from the table fails the tests that use it, not the loading of this file.
const y2025 = fiscalYear(2025) as FiscalYear;
const y2026 = fiscalYear(2026) as FiscalYear;

const base: VolunteerCheckInput = {
  birthDate: '1980-05-01',
  start: '2026-01-01',
  end: '2026-12-31',
  allowance: { unit: 'maand', amountCents: 0 },
  expectedHoursPerMonth: null,
  expectedActivitiesPerMonth: null,
  kmRateCents: 0,
  expectedKmPerMonth: null,
  otherOrganisationsMonthlyCents: 0,
  bijstand: { onBijstand: false, permissionNeeded: false, permissionDate: null },
};
const check = (change: Partial<VolunteerCheckInput>) => checkVolunteerAllowance({ ...base, ...change });
const monthly = (amountCents: number) => ({ allowance: { unit: 'maand' as const, amountCents } });
const hourly = (amountCents: number, hours: number) => ({
  allowance: { unit: 'uur' as const, amountCents },
  expectedHoursPerMonth: hours,
});
const errors = (result: VolunteerCheck) => result.findings.filter((f) => f.level === 'fout');
const withCode = (result: VolunteerCheck, code: string) => result.findings.filter((f) => f.code === code);

describe('fiscal table', () => {
  it('knows 2024 to 2026 and nothing else', () => {
    expect(knownFiscalYears).toEqual([2024, 2025, 2026]);
    expect(fiscalYear(2023)).toBeNull();
    expect(fiscalYear(2027)).toBeNull();
  });
  it('marks only 2026 as provisional and keeps a source beside every year', () => {
    expect(knownFiscalYears.filter((y) => figures(y).provisional)).toEqual([2026]);
    for (const year of knownFiscalYears) expect(figures(year).source.length).toBeGreaterThan(10);
  });
});

describe('volunteer allowance check', () => {
  it('accepts an hourly amount exactly at the 21+ maximum', () => {
    const result = check({ ...hourly(y2026.maxPerHour21Plus, 10) });
    expect(errors(result)).toEqual([]);
    expect(result.overLimit).toBe(false);
  });

  it('accepts a monthly amount exactly at the month cap, and ten such months exactly at the year cap', () => {
    expect(y2026.maxPerMonth * 10).toBe(y2026.maxPerYear);
    const result = check({ ...monthly(y2026.maxPerMonth), end: '2026-10-31' });
    expect(errors(result)).toEqual([]);
    expect(result.months.every((m) => m.roomCents === 0)).toBe(true);
    expect(result.years).toEqual([
      { year: 2026, expectedCents: y2026.maxPerYear, capCents: y2026.maxPerYear, roomCents: 0 },
    ]);
  });

  it('flags one cent over the monthly cap and says the whole allowance is taxed', () => {
    const result = check({ ...monthly(y2026.maxPerMonth + 1), end: '2026-03-31' });
    expect(result.overLimit).toBe(true);
    const [fout, ...rest] = errors(result);
    expect(rest).toEqual([]);
    expect(fout?.code).toBe('maand_boven_max');
    expect(fout?.message).toContain('de hele vergoeding wordt dan belast als inkomen');
    expect(fout?.message).toContain(
      `${formatCents(1)} meer dan het maximum van ${formatCents(y2026.maxPerMonth)}`,
    );
    expect(fout?.message).toContain('van 1 januari 2026 tot en met 31 maart 2026');
    expect(result.months.map((m) => m.roomCents)).toEqual([-1, -1, -1]);
  });

  it('flags one cent over the hourly maximum for 21 and older', () => {
    const result = check({ ...hourly(y2026.maxPerHour21Plus + 1, 10) });
    expect(result.overLimit).toBe(true);
    expect(errors(result).map((f) => f.code)).toEqual(['uur_boven_max']);
    const message = errors(result)[0]?.message;
    expect(message).toContain(formatCents(y2026.maxPerHour21Plus + 1));
    expect(message).toContain('van 21 jaar en ouder');
    expect(message).toContain('hele vergoeding');
    // An hourly amount is over whatever the hours per month: without them it is still checked.
    const noHours = check({ allowance: { unit: 'uur', amountCents: y2026.maxPerHour21Plus + 1 } });
    expect(withCode(noHours, 'uur_boven_max')).toHaveLength(1);
    expect(withCode(noHours, 'uurgrens_onbekend')).toEqual([]);
  });

  it('flags the period before the 21st birthday and not the period after it', () => {
    // Turns 21 on 10 March 2026: fine at 21+, over the under-21 maximum before the birthday.
    const rate = y2026.maxPerHourUnder21 + 100;
    expect(rate).toBeLessThanOrEqual(y2026.maxPerHour21Plus);
    const result = check({ birthDate: '2005-03-10', ...hourly(rate, 10) });
    const hourFindings = withCode(result, 'uur_boven_max');
    expect(hourFindings).toHaveLength(1);
    expect(hourFindings[0]?.message).toContain('jonger dan 21');
    expect(hourFindings[0]?.message).toContain('van 1 januari 2026 tot en met 9 maart 2026');
    expect(result.overLimit).toBe(true);
  });

  it('takes 1 March as the 21st birthday of someone born on 29 February', () => {
    const result = check({
      birthDate: '2004-02-29',
      start: '2025-01-01',
      end: '2025-12-31',
      ...hourly(y2025.maxPerHour21Plus, 4),
    });
    const hourFindings = withCode(result, 'uur_boven_max');
    expect(hourFindings).toHaveLength(1);
    expect(hourFindings[0]?.message).toContain('tot en met 28 februari 2025');
  });

  it('checks a contract spanning 2025 and 2026 against each year its own caps', () => {
    const amount = y2025.maxPerMonth + 500;
    expect(amount).toBeLessThanOrEqual(y2026.maxPerMonth);
    const result = check({ ...monthly(amount), start: '2025-07-01', end: '2026-06-30' });
    expect(result.months).toHaveLength(12);
    expect(result.months[0]).toEqual({
      month: '2025-07',
      expectedCents: amount,
      capCents: y2025.maxPerMonth,
      roomCents: -500,
    });
    expect(result.months[11]).toEqual({
      month: '2026-06',
      expectedCents: amount,
      capCents: y2026.maxPerMonth,
      roomCents: y2026.maxPerMonth - amount,
    });
    expect(result.years.map((y) => [y.year, y.expectedCents, y.capCents])).toEqual([
      [2025, amount * 6, y2025.maxPerYear],
      [2026, amount * 6, y2026.maxPerYear],
    ]);
    const monthFindings = withCode(result, 'maand_boven_max');
    expect(monthFindings).toHaveLength(1);
    expect(monthFindings[0]?.message).toContain('Maandgrens 2025');
    expect(monthFindings[0]?.message).toContain('van 1 juli 2025 tot en met 31 december 2025');
  });

  it('does not guess for a year without figures and invents no fout for it', () => {
    const result = check({ ...monthly(y2026.maxPerMonth + 100), start: '2026-11-01', end: '2027-02-28' });
    expect(result.missingYears).toEqual([2027]);
    const in2027 = result.months.filter((m) => m.month.startsWith('2027'));
    expect(in2027.map((m) => [m.month, m.capCents, m.roomCents])).toEqual([
      ['2027-01', null, null],
      ['2027-02', null, null],
    ]);
    expect(result.years.find((y) => y.year === 2027)).toEqual({
      year: 2027,
      expectedCents: (y2026.maxPerMonth + 100) * 2,
      capCents: null,
      roomCents: null,
    });
    const missing = withCode(result, 'jaar_ontbreekt');
    expect(missing.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(missing[0]?.message).toContain('geen bedragen voor 2027');
    expect(missing[0]?.message).toContain('van 1 januari 2027 tot en met 28 februari 2027');
    expect(errors(result).map((f) => f.message.includes('2027'))).toEqual([false]);
  });

  it('accepts eleven months that together stay at the year cap', () => {
    const perMonth = Math.floor(y2026.maxPerYear / 11);
    expect(perMonth).toBeLessThanOrEqual(y2026.maxPerMonth);
    const result = check({ ...monthly(perMonth), end: '2026-11-30' });
    expect(errors(result)).toEqual([]);
    expect(result.years[0]?.roomCents).toBe(y2026.maxPerYear - perMonth * 11);
  });

  it('flags the year cap when twelve months each under the month cap add up to more', () => {
    const perMonth = Math.floor(y2026.maxPerYear / 11);
    const result = check({ ...monthly(perMonth), end: '2026-12-31' });
    expect(result.months.every((m) => (m.roomCents ?? -1) >= 0)).toBe(true);
    expect(result.years[0]?.roomCents).toBe(y2026.maxPerYear - perMonth * 12);
    expect(errors(result).map((f) => f.code)).toEqual(['jaar_boven_max']);
    expect(errors(result)[0]?.message).toContain(formatCents(perMonth * 12 - y2026.maxPerYear));
    expect(errors(result)[0]?.message).toContain('hele vergoeding');
    expect(result.overLimit).toBe(true);
  });

  it('counts the km allowance toward the limits', () => {
    const km = 100;
    const allowance = y2026.maxPerMonth - y2026.kmRate * km + 1;
    const result = check({
      ...monthly(allowance),
      end: '2026-01-31',
      kmRateCents: y2026.kmRate,
      expectedKmPerMonth: km,
    });
    expect(result.expectedMonthlyCents).toBe(y2026.maxPerMonth + 1);
    expect(errors(result).map((f) => f.code)).toEqual(['maand_boven_max']);
  });

  it('warns when the km rate is above the untaxed rate', () => {
    const result = check({ kmRateCents: y2026.kmRate + 1, expectedKmPerMonth: 10 });
    const warning = withCode(result, 'km_boven_vrij_tarief');
    expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(warning[0]?.message).toContain(formatCents(y2026.kmRate));
  });

  it('counts what other organisations pay toward the limits', () => {
    const result = check({
      ...monthly(10_000),
      end: '2026-01-31',
      otherOrganisationsMonthlyCents: y2026.maxPerMonth - 9_999,
    });
    expect(result.expectedMonthlyCents).toBe(y2026.maxPerMonth + 1);
    expect(result.overLimit).toBe(true);
  });

  it('warns that the municipality’s permission is missing for a volunteer on bijstand', () => {
    const bijstand = { onBijstand: true, permissionNeeded: true, permissionDate: null };
    const warning = withCode(check({ bijstand }), 'toestemming_ontbreekt');
    expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(warning[0]?.message).toContain('toestemming van de gemeente');
    const given = check({ bijstand: { ...bijstand, permissionDate: '2025-12-01' } });
    expect(withCode(given, 'toestemming_ontbreekt')).toEqual([]);
  });

  it('warns that the gemeente decides for a volunteer on bijstand under 27', () => {
    const bijstand = { onBijstand: true, permissionNeeded: false, permissionDate: null };
    const young = check({ birthDate: '2000-01-02', bijstand });
    expect(withCode(young, 'bijstand_onder_27')[0]?.message).toContain('gemeente');
    expect(withCode(check({ birthDate: '1999-01-01', bijstand }), 'bijstand_onder_27')).toEqual([]);
  });

  it('tells a volunteer on bijstand that the whole allowance also goes off the benefit', () => {
    const bijstand = { onBijstand: true, permissionNeeded: false, permissionDate: null };
    const result = check({ ...monthly(y2026.maxPerMonth + 1), end: '2026-01-31', bijstand });
    expect(errors(result)[0]?.message).toContain('uitkering');
  });

  it('checks an open-ended contract through the end of the next year and says so', () => {
    const result = check({ start: '2025-03-15', end: null });
    expect(result.months[0]?.month).toBe('2025-03');
    expect(result.months.at(-1)?.month).toBe('2026-12');
    expect(result.months).toHaveLength(22);
    const note = withCode(result, 'open_einde');
    expect(note.map((f) => f.level)).toEqual(['info']);
    expect(note[0]?.message).toContain('van 15 maart 2025 tot en met 31 december 2026');
  });

  it('names the source of provisional figures', () => {
    const note = withCode(check({}), 'voorlopig');
    expect(note.map((f) => f.level)).toEqual(['info']);
    expect(note[0]?.message).toContain(y2026.source);
    expect(withCode(check({ start: '2025-01-01', end: '2025-12-31' }), 'voorlopig')).toEqual([]);
  });

  it('checks an unknown age against the 21+ maximum and warns that under 21 was not checked', () => {
    const result = check({ birthDate: null, ...hourly(y2026.maxPerHour21Plus, 10) });
    expect(errors(result)).toEqual([]);
    expect(withCode(result, 'leeftijd_onbekend').map((f) => f.level)).toEqual(['waarschuwing']);
  });

  it('asks for the hours per month of an hourly allowance, and activities for a per-activity one', () => {
    expect(errors(check({ allowance: { unit: 'uur', amountCents: 500 } })).map((f) => f.code)).toEqual([
      'uren_ontbreken',
    ]);
    expect(errors(check({ allowance: { unit: 'activiteit', amountCents: 500 } })).map((f) => f.code)).toEqual(
      ['activiteiten_ontbreken'],
    );
  });

  it('rounds a fractional count up and says so', () => {
    const result = check({ ...hourly(500, 10.5) });
    expect(result.expectedMonthlyCents).toBe(500 * 11);
    expect(withCode(result, 'afgerond')[0]?.message).toContain('10,5');
  });

  it('returns a fout instead of throwing for a negative amount or an end before the start', () => {
    const negative = check({ ...monthly(-1) });
    expect(errors(negative).map((f) => f.code)).toEqual(['ongeldig_bedrag']);
    expect(negative.months).toEqual([]);
    const backwards = check({ start: '2026-05-01', end: '2026-04-30' });
    expect(errors(backwards).map((f) => f.code)).toEqual(['einde_voor_begin']);
    expect(backwards.overLimit).toBe(false);
  });

  it('lists fouten before waarschuwingen before info', () => {
    const bijstand = { onBijstand: true, permissionNeeded: true, permissionDate: null };
    const result = check({ ...monthly(y2026.maxPerMonth + 1), bijstand, end: null });
    const rank = { fout: 0, waarschuwing: 1, info: 2 };
    const levels = result.findings.map((f) => f.level);
    const ranks = levels.map((level) => rank[level]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(levels)).toEqual(new Set(['fout', 'waarschuwing', 'info']));
    expect(levels[0]).toBe('fout');
  });
});

describe('the hourly maximum for an allowance per month or per activity', () => {
  const perMonth = (amountCents: number, hours: number | null) => ({
    ...monthly(amountCents),
    expectedHoursPerMonth: hours,
  });
  const perActivity = (amountCents: number, activities: number, hours: number | null) => ({
    allowance: { unit: 'activiteit' as const, amountCents },
    expectedActivitiesPerMonth: activities,
    expectedHoursPerMonth: hours,
  });
  // 20 hours at the 21+ maximum stays well inside the month cap, so only the hourly limit is at stake.
  const hours = 20;
  const atMax = y2026.maxPerHour21Plus * hours;
  expect(atMax).toBeLessThan(y2026.maxPerMonth);

  it('accepts a month’s amount that comes to exactly the hourly maximum over the expected hours', () => {
    const result = check(perMonth(atMax, hours));
    expect(errors(result)).toEqual([]);
    expect(result.outcome).toBe('binnen');
  });

  it('flags a month’s amount one cent over the hourly maximum, with what it comes to per hour', () => {
    const result = check(perMonth(atMax + 1, hours));
    expect(result.overLimit).toBe(true);
    expect(result.outcome).toBe('over');
    expect(errors(result).map((f) => f.code)).toEqual(['vast_uur_boven_max']);
    const message = errors(result)[0]?.message ?? '';
    expect(message).toContain(`${formatCents(atMax + 1)} per maand voor 20 verwachte uren`);
    expect(message).toContain(`${formatCents(y2026.maxPerHour21Plus + 1)} per uur`);
    expect(message).toContain(`maximum van ${formatCents(y2026.maxPerHour21Plus)} per uur`);
    expect(message).toContain('hele vergoeding');
  });

  it('flags activities that together pay more per expected hour than the maximum', () => {
    // Four activities a month over eight hours: each may pay at most two hours at the maximum.
    const limit = (y2026.maxPerHour21Plus * 8) / 4;
    expect(Number.isInteger(limit)).toBe(true);
    expect(errors(check(perActivity(limit, 4, 8)))).toEqual([]);
    const over = check(perActivity(limit + 1, 4, 8));
    expect(errors(over).map((f) => f.code)).toEqual(['vast_uur_boven_max']);
    expect(errors(over)[0]?.message).toContain('per activiteit');
  });

  it('uses the under-21 maximum before the 21st birthday', () => {
    const amount = y2026.maxPerHourUnder21 * hours + 1;
    const result = check({ birthDate: '2005-03-10', ...perMonth(amount, hours) });
    const found = withCode(result, 'vast_uur_boven_max');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('jonger dan 21');
    expect(found[0]?.message).toContain('van 1 januari 2026 tot en met 9 maart 2026');
  });

  it('says the hourly limit could not be checked without expected hours, and does not call it passed', () => {
    for (const unknown of [null, 0]) {
      const result = check(perMonth(atMax, unknown));
      expect(errors(result)).toEqual([]);
      const warning = withCode(result, 'uurgrens_onbekend');
      expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
      expect(warning[0]?.message).toContain('uurgrens niet controleren');
      expect(result.outcome).toBe('onvolledig');
    }
    expect(withCode(check(perActivity(500, 4, null)), 'uurgrens_onbekend')[0]?.message).toContain(
      'per activiteit',
    );
  });

  it('needs no hours when nothing is paid', () => {
    expect(check(perMonth(0, null)).outcome).toBe('binnen');
    expect(check({ allowance: { unit: 'geen', amountCents: 0 } }).outcome).toBe('binnen');
  });
});

describe('never passed when a limit could not be checked', () => {
  it('passes a check only when every limit was checked', () => {
    expect(check({ ...hourly(y2026.maxPerHour21Plus, 10) }).outcome).toBe('binnen');
  });

  it('does not pass a contract in a year without figures', () => {
    const result = check({ ...hourly(500, 10), start: '2027-01-01', end: '2027-12-31' });
    expect(errors(result)).toEqual([]);
    expect(result.overLimit).toBe(false);
    expect(result.outcome).toBe('onvolledig');
    expect(withCode(result, 'jaar_ontbreekt')[0]?.message).toContain('geen bedragen voor 2027');
  });

  it('does not pass a check with a missing count or a missing km estimate', () => {
    expect(check({ allowance: { unit: 'uur', amountCents: 500 } }).outcome).toBe('onvolledig');
    expect(check({ allowance: { unit: 'activiteit', amountCents: 500 } }).outcome).toBe('onvolledig');
    expect(check({ kmRateCents: y2026.kmRate }).outcome).toBe('onvolledig');
    expect(check({ start: '2026-05-01', end: '2026-04-30' }).outcome).toBe('onvolledig');
  });

  it('needs the age only when the amount is above the under-21 maximum', () => {
    const low = check({ birthDate: null, ...hourly(y2026.maxPerHourUnder21, 10) });
    expect(withCode(low, 'leeftijd_onbekend')).toEqual([]);
    expect(low.outcome).toBe('binnen');
    const high = check({ birthDate: null, ...hourly(y2026.maxPerHourUnder21 + 1, 10) });
    expect(withCode(high, 'leeftijd_onbekend')).toHaveLength(1);
    expect(high.outcome).toBe('onvolledig');
    // A fixed amount per month, by what it comes to per expected hour.
    const fixed = (cents: number) => check({ birthDate: null, ...monthly(cents), expectedHoursPerMonth: 10 });
    expect(withCode(fixed(y2026.maxPerHourUnder21 * 10), 'leeftijd_onbekend')).toEqual([]);
    expect(withCode(fixed(y2026.maxPerHourUnder21 * 10 + 1), 'leeftijd_onbekend')).toHaveLength(1);
  });

  it('calls a crossed limit over, even where another could not be checked', () => {
    const result = check({ ...monthly(y2026.maxPerMonth + 1), start: '2026-12-01', end: '2027-01-31' });
    expect(result.outcome).toBe('over');
  });

  it('reads a check stored before the outcome existed from its findings', () => {
    const stored = check({ ...hourly(500, 10), start: '2027-01-01', end: '2027-03-31' });
    const { outcome: _outcome, ...old } = stored;
    expect(checkOutcome(old)).toBe('onvolledig');
  });
});

describe('hourly maximum per year and per age', () => {
  const hourFindings = (result: VolunteerCheck) => withCode(result, 'uur_boven_max').map((f) => f.message);

  it('says by how much an hourly amount is over the maximum', () => {
    const [message] = hourFindings(check({ ...hourly(y2026.maxPerHour21Plus + 1, 10) }));
    expect(message).toContain(
      `${formatCents(1)} meer dan het maximum van ${formatCents(y2026.maxPerHour21Plus)} per uur`,
    );
  });

  it('checks an hourly contract spanning 1 January against each year its own maximum', () => {
    // Over the 2025 maximum, within the 2026 one.
    const rate = y2025.maxPerHour21Plus + 1;
    expect(rate).toBeLessThanOrEqual(y2026.maxPerHour21Plus);
    const result = check({ ...hourly(rate, 10), start: '2025-07-01', end: '2026-06-30' });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Uurgrens 2025');
    expect(messages[0]).toContain('van 1 juli 2025 tot en met 31 december 2025');
  });

  it('checks the hours in a year with figures and leaves a year without them unchecked, saying so', () => {
    const result = check({
      ...hourly(y2026.maxPerHour21Plus + 1, 10),
      start: '2026-10-01',
      end: '2027-03-31',
    });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('van 1 oktober 2026 tot en met 31 december 2026');
    expect(result.missingYears).toEqual([2027]);
    expect(withCode(result, 'jaar_ontbreekt')[0]?.message).toContain(
      'van 1 januari 2027 tot en met 31 maart 2027',
    );
  });

  it('checks a volunteer under 21 in a year with figures and leaves a year without them unchecked', () => {
    const result = check({
      birthDate: '2010-01-01',
      ...hourly(y2026.maxPerHourUnder21 + 1, 10),
      start: '2026-10-01',
      end: '2027-03-31',
    });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('jonger dan 21');
    expect(messages[0]).toContain('van 1 oktober 2026 tot en met 31 december 2026');
  });

  it('checks someone born on 29 February against the 21+ maximum from 1 March', () => {
    // Over both maxima: one finding before the birthday (under 21), one from 1 March (21 and older).
    const result = check({
      birthDate: '2004-02-29',
      start: '2025-01-01',
      end: '2025-12-31',
      ...hourly(y2025.maxPerHour21Plus + 1, 4),
    });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('jonger dan 21');
    expect(messages[0]).toContain('van 1 januari 2025 tot en met 28 februari 2025');
    expect(messages[1]).toContain('van 21 jaar en ouder');
    expect(messages[1]).toContain('van 1 maart 2025 tot en met 31 december 2025');
  });

  it('checks someone who turns 21 on the first day of the contract against the 21+ maximum throughout', () => {
    const result = check({ birthDate: '2005-01-01', ...hourly(y2026.maxPerHour21Plus + 1, 10) });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('van 21 jaar en ouder');
    expect(messages[0]).toContain('van 1 januari 2026 tot en met 31 december 2026');
  });

  it('checks someone who turns 21 on the last day of the contract against the 21+ maximum on that day only', () => {
    const rate = y2026.maxPerHourUnder21 + 1;
    const result = check({ birthDate: '2005-12-31', ...hourly(rate, 10) });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('jonger dan 21');
    expect(messages[0]).toContain('van 1 januari 2026 tot en met 30 december 2026');
  });

  it('checks someone who turns 21 after the contract against the under-21 maximum throughout', () => {
    const result = check({ birthDate: '2006-03-01', ...hourly(y2026.maxPerHourUnder21 + 1, 10) });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('van 1 januari 2026 tot en met 31 december 2026');
  });

  it('splits a two-year contract at the 21st birthday in its first year and at 1 January', () => {
    // Turns 21 on 1 June 2025; the rate is over the under-21 maximum and within the 21+ maxima.
    const rate = y2025.maxPerHourUnder21 + 1;
    const result = check({
      birthDate: '2004-06-01',
      start: '2025-01-01',
      end: '2026-12-31',
      ...hourly(rate, 10),
    });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('van 1 januari 2025 tot en met 31 mei 2025');
  });

  it('counts a 21st birthday on 1 January once', () => {
    // Over both maxima: 2025 under 21, 2026 at 21 and older; no third, empty period.
    const result = check({
      birthDate: '2005-01-01',
      start: '2025-07-01',
      end: '2026-06-30',
      ...hourly(y2026.maxPerHour21Plus + 1, 10),
    });
    const messages = hourFindings(result);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('jonger dan 21');
    expect(messages[0]).toContain('van 1 juli 2025 tot en met 31 december 2025');
    expect(messages[1]).toContain('van 21 jaar en ouder');
    expect(messages[1]).toContain('van 1 januari 2026 tot en met 30 juni 2026');
  });

  it('warns about an unknown age only when the birth date is missing', () => {
    const unknown = withCode(check({ birthDate: null, ...hourly(500, 10) }), 'leeftijd_onbekend');
    expect(unknown[0]?.message).toContain('geboortedatum is onbekend');
    expect(unknown[0]?.message).toContain('onder 21 jaar kon niet worden gecontroleerd');
    expect(withCode(check({ ...hourly(500, 10) }), 'leeftijd_onbekend')).toEqual([]);
  });
});

describe('what counts toward the month and year limits', () => {
  it('counts an allowance per activity by the expected activities, not the hours', () => {
    const result = check({
      allowance: { unit: 'activiteit', amountCents: 25_00 },
      expectedActivitiesPerMonth: 4,
      // Twenty hours: € 5,00 an hour, within the hourly maximum too.
      expectedHoursPerMonth: 20,
    });
    expect(result.expectedMonthlyCents).toBe(100_00);
    expect(errors(result)).toEqual([]);
  });

  it('rounds a fractional number of activities or kilometres up and names which', () => {
    const activities = check({
      allowance: { unit: 'activiteit', amountCents: 10_00 },
      expectedActivitiesPerMonth: 2.5,
    });
    expect(activities.expectedMonthlyCents).toBe(30_00);
    const note = withCode(activities, 'afgerond');
    expect(note.map((f) => f.level)).toEqual(['info']);
    expect(note[0]?.message).toContain('Het aantal activiteiten per maand (2,5) is naar boven afgerond op 3');
    const km = check({ kmRateCents: 20, expectedKmPerMonth: 10.2 });
    expect(km.expectedMonthlyCents).toBe(20 * 11);
    expect(withCode(km, 'afgerond')[0]?.message).toContain('Het aantal kilometers per maand (10,2)');
    expect(withCode(check({ ...hourly(500, 10.5) }), 'afgerond')[0]?.message).toContain(
      'aantal uren per maand',
    );
  });

  it('adds no rounding note for whole numbers', () => {
    expect(
      withCode(check({ ...hourly(500, 10), kmRateCents: 20, expectedKmPerMonth: 7 }), 'afgerond'),
    ).toEqual([]);
  });

  it('asks for the hours or activities per month in so many words', () => {
    const hours = errors(check({ allowance: { unit: 'uur', amountCents: 500 } }))[0]?.message;
    expect(hours).toContain('Vul het verwachte aantal uren per maand in');
    expect(hours).toContain('maand- en jaargrens niet controleren');
    const activities = errors(check({ allowance: { unit: 'activiteit', amountCents: 500 } }))[0]?.message;
    expect(activities).toContain('Vul het verwachte aantal activiteiten per maand in');
  });

  it('counts a contract without an allowance as nothing, and asks for no numbers', () => {
    // An amount left in the form from before 'geen' was chosen is not paid, so it does not count.
    const result = check({
      allowance: { unit: 'geen', amountCents: 50_00 },
      otherOrganisationsMonthlyCents: 30_00,
    });
    expect(result.expectedMonthlyCents).toBe(30_00);
    expect(result.findings.filter((f) => f.level !== 'info')).toEqual([]);
  });

  it('warns that a km rate without expected km is not counted, and counts the rest', () => {
    const result = check({ ...monthly(100_00), kmRateCents: y2026.kmRate, expectedKmPerMonth: null });
    expect(result.expectedMonthlyCents).toBe(100_00);
    const warning = withCode(result, 'km_ontbreken');
    expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(warning[0]?.message).toContain('verwachte aantal kilometers per maand ontbreekt');
    expect(warning[0]?.message).toContain('niet meegerekend');
  });

  it('asks nothing about kilometres when there is no km rate', () => {
    const result = check({
      ...monthly(100_00),
      expectedHoursPerMonth: 20,
      kmRateCents: 0,
      expectedKmPerMonth: null,
    });
    expect(result.findings).toEqual([expect.objectContaining({ code: 'voorlopig' })]);
    expect(result.expectedMonthlyCents).toBe(100_00);
  });

  it('accepts a km rate exactly at the untaxed rate, and warns once for a contract over several years', () => {
    expect(
      withCode(check({ kmRateCents: y2026.kmRate, expectedKmPerMonth: 10 }), 'km_boven_vrij_tarief'),
    ).toEqual([]);
    const twoYears = check({
      kmRateCents: Math.max(y2025.kmRate, y2026.kmRate) + 1,
      expectedKmPerMonth: 10,
      start: '2025-01-01',
      end: '2026-12-31',
    });
    expect(withCode(twoYears, 'km_boven_vrij_tarief')).toHaveLength(1);
  });

  it('says no contract end only for an open-ended contract', () => {
    expect(withCode(check({ end: '2026-06-30' }), 'open_einde')).toEqual([]);
  });

  it('tells a volunteer not on bijstand nothing about the benefit', () => {
    const message = errors(check({ ...monthly(y2026.maxPerMonth + 1), end: '2026-01-31' }))[0]?.message;
    expect(message).toMatch(/de hele vergoeding wordt dan belast als inkomen\.$/);
    expect(message).not.toContain('uitkering');
  });
});

describe('bijstand', () => {
  const bijstand = { onBijstand: true, permissionNeeded: false, permissionDate: null };

  it('says the age cannot be checked when the birth date is unknown', () => {
    const warning = withCode(check({ birthDate: null, bijstand }), 'bijstand_leeftijd_onbekend');
    expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(warning[0]?.message).toContain('geboortedatum is onbekend');
    expect(warning[0]?.message).toContain('27 jaar of ouder');
  });

  it('names the start date for a volunteer under 27 and warns', () => {
    const warning = withCode(check({ birthDate: '2000-01-02', bijstand }), 'bijstand_onder_27');
    expect(warning.map((f) => f.level)).toEqual(['waarschuwing']);
    expect(warning[0]?.message).toContain('op 1 januari 2026 jonger dan 27');
  });

  it('says nothing about bijstand to a young volunteer who has none', () => {
    const notOnBijstand = { ...bijstand, onBijstand: false };
    for (const birthDate of ['2000-01-02', null]) {
      const result = check({ birthDate, bijstand: notOnBijstand });
      expect(result.findings.filter((f) => f.code.startsWith('bijstand'))).toEqual([]);
    }
  });
});

describe('input the check refuses', () => {
  const refused = (change: Partial<VolunteerCheckInput>) => {
    const result = check(change);
    expect(result).toMatchObject({ months: [], years: [], missingYears: [], overLimit: false });
    expect(result.outcome).toBe('onvolledig');
    return errors(result).map((f) => [f.code, f.message]);
  };

  it('refuses a date that does not exist in any of the date fields', () => {
    const message = 'De begindatum, einddatum, geboortedatum of datum van toestemming is geen geldige datum.';
    expect(refused({ start: '2026-02-30' })).toEqual([['ongeldige_datum', message]]);
    expect(refused({ end: '2026-13-01' })).toEqual([['ongeldige_datum', message]]);
    expect(refused({ birthDate: '1980-02-30' })).toEqual([['ongeldige_datum', message]]);
    const bijstand = { onBijstand: true, permissionNeeded: true, permissionDate: '2026-04-31' };
    expect(refused({ bijstand })).toEqual([['ongeldige_datum', message]]);
  });

  it('refuses an end before the start, naming both, and accepts a contract of one day', () => {
    expect(refused({ start: '2026-05-01', end: '2026-04-30' })).toEqual([
      ['einde_voor_begin', 'De einddatum (30 april 2026) ligt voor de begindatum (1 mei 2026).'],
    ]);
    const oneDay = check({ start: '2026-05-01', end: '2026-05-01' });
    expect(errors(oneDay)).toEqual([]);
    expect(oneDay.months.map((m) => m.month)).toEqual(['2026-05']);
  });

  it('refuses a negative amount', () => {
    expect(refused({ kmRateCents: -1 })).toEqual([
      ['ongeldig_bedrag', 'Een bedrag is negatief of geen geldig bedrag in centen.'],
    ]);
  });

  it('refuses a negative or non-numeric expected count, and accepts zero', () => {
    const message =
      'Een verwacht aantal per maand (uren, activiteiten of kilometers) is negatief of geen getal.';
    expect(refused({ ...hourly(500, -1) })).toEqual([['ongeldig_aantal', message]]);
    expect(refused({ expectedActivitiesPerMonth: Number.NaN })).toEqual([['ongeldig_aantal', message]]);
    expect(refused({ expectedKmPerMonth: Number.POSITIVE_INFINITY })).toEqual([['ongeldig_aantal', message]]);
    expect(errors(check({ ...hourly(500, 0) }))).toEqual([]);
  });
});
