/** The one place for how dates and money look on screen and in print (nl-NL). */
const dateShort = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateLong = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
const timeOnly = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** 'voorlichter' → 'Voorlichter': a key or a message that starts a label or a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isoDateToUtc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** '2026-11-25' → '25-11-2026' */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateShort.format(isoDateToUtc(iso)) : '';
}

/** '2026-01-01' → '1 januari 2026' */
export function formatDateLong(iso: string | null | undefined): string {
  return iso ? dateLong.format(isoDateToUtc(iso)) : '';
}

/** A month, as 'YYYY-MM' or any ISO date in it: '2026-03' → 'maart 2026'. */
export function formatMonth(isoMonth: string): string {
  return monthYear.format(isoDateToUtc(`${isoMonth.slice(0, 7)}-01`));
}

/**
 * The months a set of dates spans, for a payment text: 'maart 2026', 'maart t/m mei 2026' or
 * 'december 2025 t/m januari 2026' (plain characters, as a bank's remittance field allows).
 */
export function formatMonthSpan(isoDates: readonly string[]): string {
  const months = [...new Set(isoDates.map((d) => d.slice(0, 7)))].sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return '';
  if (first === last) return formatMonth(first);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${formatMonthName(first)} t/m ${formatMonth(last)}`;
  return `${formatMonth(first)} t/m ${formatMonth(last)}`;
}

/** The month's name alone, where the year stands beside it: '2026-03' → 'maart'. */
export function formatMonthName(isoMonth: string): string {
  return monthOnly.format(isoDateToUtc(`${isoMonth.slice(0, 7)}-01`));
}

/** An ISO UTC timestamp shown in Dutch local time: '25-11-2026 13:41'. */
export function formatDateTime(isoTimestamp: string | null | undefined): string {
  return isoTimestamp ? dateTime.format(new Date(isoTimestamp)).replace(',', '') : '';
}

/** An ISO UTC timestamp's time of day in the Netherlands: '14:32'. */
export function formatTime(isoTimestamp: string | null | undefined): string {
  return isoTimestamp ? timeOnly.format(new Date(isoTimestamp)) : '';
}

/** A count with the Dutch thousands separator: 1234 → '1.234'. */
export function formatNumber(n: number): string {
  return whole.format(n);
}

/** Integer euro cents → '€ 1.234,56'. Never takes a float amount. */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`formatCents expects integer cents, got ${cents}`);
  return euro.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** 'NL91ABNA0417164300' → 'NL91 ABNA 0417 1643 00' */
export function formatIban(iban: string | null | undefined): string {
  return iban ? iban.replace(/(.{4})/g, '$1 ').trim() : '';
}

/** Age in whole years on a given day, both ISO dates. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 90 → '1 uur 30 min', 45 → '45 min', 120 → '2 uur'. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} uur` : `${hours} uur ${rest} min`;
}

const hoursFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/**
 * Hours as people say them: whole when whole, else one decimal ('6', '6,5'). Below a thousand hours written out
 * by hand: a proposal list formats a few hundred of them, and Intl's formatter costs more than ranking a person.
 */
export function formatHours(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  if (tenths < 0 || tenths >= 10_000) return hoursFormat.format(tenths / 10);
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return rest === 0 ? String(whole) : `${whole},${rest}`;
}
