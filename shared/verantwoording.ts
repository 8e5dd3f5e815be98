/**
 * Verantwoording: the report the gemeente or funder asks for, over a period and a scope (the whole organisation, a
 * gemeente, a partner or a project). One output type with every table as rows, so the screen, the XLSX (a sheet
 * per table) and the PDF show the same figures; counts about people under the threshold show as "< 5" in
 * anything published (maskSmallCounts, the one place that decides it).
 */
import { z } from 'zod';
import { daysBetween } from './dates.ts';
import { formatCents, formatHours } from './format.ts';
import { id, isoDate } from './validation.ts';
import { smallCountThreshold } from './work-vocabulary.ts';

export const scopeKinds = ['organisatie', 'gemeente', 'partner', 'project'] as const;
export type ScopeKind = (typeof scopeKinds)[number];
export const scopeKindLabels: Record<ScopeKind, string> = {
  organisatie: 'Hele organisatie',
  gemeente: 'Gemeente',
  partner: 'Ketenpartner',
  project: 'Project of subsidie',
};

export const reportScope = z.discriminatedUnion(
  'soort',
  [
    z.strictObject({ soort: z.literal('organisatie') }),
    z.strictObject({ soort: z.literal('gemeente'), gemeente: z.string().trim().min(1).max(80) }),
    z.strictObject({ soort: z.literal('partner'), id }),
    z.strictObject({ soort: z.literal('project'), id }),
  ],
  { error: 'kies voor wie het verslag is' },
);
export type ReportScope = z.output<typeof reportScope>;

/** A report covers at most this many years: enough for a multi-year subsidie, bounded for the database. */
export const maxReportYears = 10;

export const reportInput = z
  .strictObject({ van: isoDate, tot: isoDate, scope: reportScope })
  .superRefine((v, ctx) => {
    if (v.tot < v.van)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'de einddatum ligt voor de begindatum' });
    else if (daysBetween(v.van, v.tot) > maxReportYears * 366)
      ctx.addIssue({
        code: 'custom',
        path: ['tot'],
        message: `kies een periode van hoogstens ${maxReportYears} jaar`,
      });
  });
export type ReportInput = z.output<typeof reportInput>;

/** How a value column reads: a count, hours (stored as minutes), euro cents or days. */
export type ValueFormat = 'aantal' | 'minuten' | 'cents' | 'dagen';

/** What a published report shows instead of a count of people under the threshold. */
export const maskedCount = '< 5';
export type ReportValue = number | typeof maskedCount;

export interface ReportColumn {
  title: string;
  format: ValueFormat;
  /** A count of clients or people: masked "< 5" under the threshold when published. */
  people: boolean;
}

export const tableKeys = [
  'aanvragen',
  'reactietijden',
  'inzetSoort',
  'inzetRol',
  'inzetLeefgebied',
  'inzetMaand',
  'bereik',
  'bereikHerkomst',
  'bereikTaal',
  'hulpvraag',
  'doorverwijzing',
  'poolTalen',
  'poolGender',
  'poolHerkomst',
  'poolOntwikkeling',
  'kosten',
  'budget',
] as const;
export type TableKey = (typeof tableKeys)[number];

export interface ReportTable {
  key: TableKey;
  title: string;
  /** Heading of the label column. */
  labelTitle: string;
  columns: ReportColumn[];
  rows: { label: string; values: ReportValue[] }[];
}

export interface VerantwoordingReport {
  van: string;
  tot: string;
  scope: ReportScope;
  /** 'Gemeente Doetinchem', 'Project Samen Sterk', 'Hele organisatie'. */
  scopeNaam: string;
  /** Whether counts under the threshold are shown as "< 5" (always in files; on screen for all but the projectleider). */
  masked: boolean;
  /** The headline figures above the tables. */
  kerncijfers: { label: string; value: ReportValue; format: ValueFormat }[];
  tables: ReportTable[];
}

/** The one rule for small counts: a count of people from 1 to 4 is shown as "< 5". Zero points at nobody. */
export function maskCount(n: number): ReportValue {
  return n > 0 && n < smallCountThreshold ? maskedCount : n;
}

/** The report as published: every people-count under the threshold becomes "< 5"; other figures stay. */
export function maskSmallCounts(report: VerantwoordingReport): VerantwoordingReport {
  const mask = (value: ReportValue, people: boolean) =>
    people && typeof value === 'number' ? maskCount(value) : value;
  return {
    ...report,
    masked: true,
    kerncijfers: report.kerncijfers.map((k) => ({
      ...k,
      value: mask(k.value, k.format === 'aantal' && peopleHeadline.has(k.label)),
    })),
    tables: report.tables.map((t) => ({
      ...t,
      rows: t.rows.map((r) => ({
        ...r,
        values: r.values.map((v, i) => mask(v, t.columns[i]?.people ?? false)),
      })),
    })),
  };
}

/** Headline figures that count people (the others count activities, requests, hours or euros). */
export const headlineLabels = {
  aanvragen: 'Aanvragen ontvangen',
  activiteiten: 'Activiteiten',
  uren: 'Uren inzet',
  bereikt: 'Mensen bereikt',
  sleutelpersonen: 'Actieve sleutelpersonen',
  betaald: 'Vergoedingen en kosten',
} as const;
const peopleHeadline = new Set<string>([headlineLabels.bereikt, headlineLabels.sleutelpersonen]);

/** A figure as the report writes it: '< 5', '12', '3,5 uur' → '3,5', '€ 1.234,56'. */
export function formatReportValue(value: ReportValue, format: ValueFormat): string {
  if (value === maskedCount) return value;
  switch (format) {
    case 'aantal':
      return value.toLocaleString('nl-NL', { maximumFractionDigits: 0 });
    case 'minuten':
      return formatHours(value);
    case 'dagen':
      return value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    case 'cents':
      return formatCents(value);
  }
}

/** The period in words: '1 januari 2026 t/m 31 maart 2026'. */
export function reportFileStem(report: Pick<VerantwoordingReport, 'van' | 'tot'>): string {
  return `verantwoording-${report.van}-tot-${report.tot}`;
}
