/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'): read from what people type, and counted with in UTC so no time
 * zone or DST shifts a day. How a date looks on screen and in print is in format.ts.
 */
const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** The calendar day (ISO) it is in the Netherlands at a moment: what "today" means for every date rule. */
export function dutchDate(moment: Date = new Date()): string {
  return dutchDay.format(moment);
}

function toDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Does an ISO date exist on the calendar? '2026-02-29' and '2026-04-31' do not; '2028-02-29' does. */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = toDate(iso);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const dayMonthYear = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/;

/**
 * A date as people in the Netherlands type it, as an ISO date, or null when it is not one. The one rule for
 * every date field and every imported file:
 * - day, month, year in that order; day and month with or without a leading zero ('1-3-2026' = '01-03-2026');
 * - separated by '-', '/', '.' or a space;
 * - a two-digit year is 1941–1999 from 41 up, 2000–2040 up to 40 ('25-11-26' is 2026, '12-05-58' is 1958);
 * - an ISO date ('2026-03-01') is read as it is;
 * - a day that does not exist is refused ('31-2-2026', '29-02-2027'), never moved to the next month.
 */
export function parseDutchDate(text: string): string | null {
  const typed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) return isRealDate(typed) ? typed : null;
  const match = dayMonthYear.exec(typed);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const fullYear = year.length === 2 ? Number(year) + (Number(year) > 40 ? 1900 : 2000) : Number(year);
  const iso = `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Calendar months, clamped to the month's last day: 31 January + 1 month is 28 (or 29) February, never 3 March, so
 * a monthly rhythm does not drift into the month after.
 */
export function addMonths(iso: string, months: number): string {
  const date = toDate(iso);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

/** 29 February plus one year is 28 February, not 1 March. */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, 12 * years);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** Do two periods overlap? An open end (null) runs on forever. */
export function periodsOverlap(
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean {
  return (a.end === null || a.end >= b.start) && (b.end === null || b.end >= a.start);
}
