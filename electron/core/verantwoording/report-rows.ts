/** Building blocks of the report's tables: columns, and rows from what the GROUP BY queries found. */

import { capitalise, formatMonth } from '../../../shared/format.ts';
import { monthsOf } from '../../../shared/periods.ts';
import type { ReportColumn, ReportInput, ReportTable } from '../../../shared/verantwoording.ts';

export const count = (title: string, people = false): ReportColumn => ({ title, format: 'aantal', people });
export const hours: ReportColumn = { title: 'Uren', format: 'minuten', people: false };
export const n = (value: unknown) => Number(value ?? 0);

/**
 * Rows for a fixed list of keys in its order (every key shown, 0 where nothing was counted), then any other
 * values found in the store (a role of the organisation's own, an older key) under their own name.
 */
export function keyed<K extends string>(
  keys: readonly K[],
  labels: Partial<Record<string, string>>,
  found: Map<string, number[]>,
  width: number,
): ReportTable['rows'] {
  const rows = keys.map((key) => ({
    label: labels[key] ?? key,
    values: found.get(key) ?? Array(width).fill(0),
  }));
  const known = new Set<string>(keys);
  const rest = [...found].filter(([key]) => !known.has(key)).sort(([a], [b]) => a.localeCompare(b, 'nl'));
  return [...rows, ...rest.map(([key, values]) => ({ label: labels[key] ?? key, values }))];
}

/** Rows sorted by their first value, largest first: for open lists (languages, countries). */
export function ranked(
  found: Map<string, number[]>,
  labels: Partial<Record<string, string>> = {},
): ReportTable['rows'] {
  return [...found]
    .sort(([a, x], [b, y]) => (y[0] ?? 0) - (x[0] ?? 0) || a.localeCompare(b, 'nl'))
    .map(([key, values]) => ({ label: labels[key] ?? key, values }));
}

export const firstOnly = (found: Map<string, number[]>) =>
  new Map([...found].map(([key, values]) => [key, values.slice(0, 1)]));
export const capitalised = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, capitalise(k)]));
export const monthLabels = ({ van, tot }: ReportInput) =>
  Object.fromEntries(monthsOf(van, tot).map((m) => [m, formatMonth(m)]));

export const countOf = (found: Map<string, number[]>, kinds: readonly string[]) =>
  kinds.reduce((s, k) => s + (found.get(k)?.[0] ?? 0), 0);
