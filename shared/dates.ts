/** Calendar arithmetic on ISO dates ('YYYY-MM-DD'), in UTC so no time zone or DST shifts a day. */
const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** The calendar day (ISO) it is in the Netherlands at a moment: what "today" means for every date rule. */
export function dutchDate(moment: Date = new Date()): string {
  return dutchDay.format(moment);
}

function toDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Calendar months, clamped to the month's last day: 31 January + 1 month is 28 (or 29) February, never 3 March, so
 * a monthly rhythm does not drift into the month after.
 */
export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
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
