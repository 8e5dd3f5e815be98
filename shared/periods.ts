/**
 * Periods of the calendar, in ISO dates compared as strings: a month, a quarter, a report's period by kind, the
 * months a range touches, the days two ranges share, and a monthly figure prorated over any range. The one place
 * for this arithmetic: matching, the load overview and the verantwoording all use it.
 */
import { daysBetween } from './dates.ts';

export interface Period {
  /** First day, ISO. */
  van: string;
  /** Last day, ISO, inclusive. */
  tot: string;
}

/** Days in a calendar month (1-12) of a year, by the Gregorian leap rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a calendar month 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  return `${month}-${daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))}`;
}

/** The calendar month an ISO date falls in, as a period. */
export function monthPeriod(date: string): Period {
  const month = date.slice(0, 7);
  return { van: `${month}-01`, tot: lastDayOfMonth(month) };
}

/** The calendar quarter an ISO date falls in. */
export function quarterPeriod(date: string): Period {
  const year = date.slice(0, 4);
  const firstMonth = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  const first = `${year}-${String(firstMonth).padStart(2, '0')}`;
  const last = `${year}-${String(firstMonth + 2).padStart(2, '0')}`;
  return { van: `${first}-01`, tot: lastDayOfMonth(last) };
}

// ISO dates compare as strings. (Written with `if`: the linter reads a ternary on strings as Math.min.)
function earlier(a: string, b: string): string {
  if (b < a) return b;
  return a;
}
function later(a: string, b: string): string {
  if (b > a) return b;
  return a;
}

/** Days in a period, both ends counted. */
export function periodDays(p: Period): number {
  return daysBetween(p.van, p.tot) + 1;
}

/** The part two periods share (an open end runs on), or null when they do not meet. */
export function intersect(a: Period, b: { van: string; tot: string | null }): Period | null {
  const van = later(a.van, b.van);
  const tot = b.tot === null ? a.tot : earlier(a.tot, b.tot);
  return van <= tot ? { van, tot } : null;
}

/**
 * A monthly figure (expected minutes per month) over any range: each calendar month the range touches counts for
 * the share of its days inside the range, so a whole month gives the whole figure whatever its length, and 16 to
 * 15 of the next month gives about one month.
 */
export function prorateMonthly(perMonth: number, range: Period): number {
  if (range.tot < range.van) return 0;
  // Counted on numbers, not Date objects: it runs for every person of every overview.
  let year = Number(range.van.slice(0, 4));
  let month = Number(range.van.slice(5, 7));
  let day = Number(range.van.slice(8, 10));
  const endYear = Number(range.tot.slice(0, 4));
  const endMonth = Number(range.tot.slice(5, 7));
  let total = 0;
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const days = daysInMonth(year, month);
    const last = year === endYear && month === endMonth ? Number(range.tot.slice(8, 10)) : days;
    total += (perMonth * (last - day + 1)) / days;
    day = 1;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return total;
}

export const periodKinds = ['maand', 'kwartaal', 'jaar', 'anders'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** The first and last day of a month (index 1–12), quarter (1–4) or year of `year`. */
export function periodOf(kind: Exclude<PeriodKind, 'anders'>, year: number, index: number): Period {
  const [first, months] = kind === 'maand' ? [index, 1] : kind === 'kwartaal' ? [3 * index - 2, 3] : [1, 12];
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { van: `${month(first)}-01`, tot: lastDayOfMonth(month(first + months - 1)) };
}

/** The months of the period, each 'YYYY-MM', in order. */
export function monthsOf(van: string, tot: string): string[] {
  const months: string[] = [];
  let [y, m] = van.slice(0, 7).split('-').map(Number) as [number, number];
  const last = tot.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
