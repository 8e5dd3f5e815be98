/**
 * AVG (GDPR): the inzage export of everything stored about one person, and removal after the retention periods.
 * The periods are fixed here, in one place: a person two years after they stopped, financial records after the
 * seven years of the fiscal bewaarplicht.
 */
import { z } from 'zod';
import type { PdfFile } from './contracts.ts';
import { id, isoDate } from './validation.ts';

export const retentionYears = {
  /** A person whose status has been 'gestopt' for longer than this is anonymised. */
  personen: 2,
  /**
   * Claims and payment files are removed into totals this many whole years after the end of their boekjaar
   * (fiscal bewaarplicht): a record of 2024 goes from 1 January 2032.
   */
  financieel: 7,
} as const;

const numberWords = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];

/** A retention period in words, as the screens and messages say it: 'twee jaar', 'zeven jaar'. */
export function retentionPeriod(kind: keyof typeof retentionYears): string {
  const years = retentionYears[kind];
  return `${numberWords[years] ?? String(years)} jaar`;
}

export const retentionAnonymiseInput = z.strictObject({
  personIds: z
    .array(id)
    .min(1, 'kies een of meer sleutelpersonen')
    .max(500, 'maximaal 500 tegelijk')
    .refine((ids) => new Set(ids).size === ids.length, 'elke sleutelpersoon maar één keer'),
});

export const retentionPurgeInput = z.strictObject({
  /**
   * Financial records dated before this day are removed. Whole boekjaren only: it is a 1 January, and no later
   * than the one the bewaarplicht allows.
   */
  grens: isoDate.refine((d) => d.endsWith('-01-01'), 'kies 1 januari: alleen hele boekjaren'),
});

/** What anonymising did, and what it left for the beheerder to look at. */
export interface RetentionAnonymised {
  count: number;
  /**
   * Per person: how often their first name still stands in other people's free text (a verslag about someone
   * else, a session they did not attend). Those are not replaced blindly; the beheerder reads them.
   */
  nakijken: { label: string; voornamen: string[]; vermeldingen: number }[];
}

/** The inzage export: the same content twice, as a readable PDF and as a JSON file. */
export interface InzageFiles {
  pdf: PdfFile;
  json: PdfFile;
}

interface RetentionPerson {
  id: string;
  naam: string;
  statusDatum: string;
  contracten: number;
  verslagen: number;
  declaraties: number;
  /** Why this person cannot be anonymised yet (open claims), or null. */
  blokkade: string | null;
}

interface RetentionYear {
  jaar: number;
  /** Paid and rejected claims of that year dated before the limit. */
  declaraties: number;
  betaaldCents: number;
  afgewezen: number;
  bonnen: number;
}

interface RetentionBatch {
  id: string;
  nummer: string;
  uitvoerdatum: string;
  totaalCents: number;
}

export interface RetentionRemoval {
  id: string;
  soort: 'persoon' | 'financieel';
  label: string;
  grens: string;
  aantallen: Record<string, number>;
  at: string;
  door: string | null;
}

export interface RetentionOverview {
  vandaag: string;
  /** People who stopped before this day are due for anonymisation. */
  grensPersonen: string;
  /** Financial records dated before this day (a 1 January) are due for removal. */
  grensFinancieel: string;
  personen: RetentionPerson[];
  financieel: { jaren: RetentionYear[]; betaalbestanden: RetentionBatch[] };
  /** Totals already kept for removed claims, per year. */
  archief: { jaar: number; aantal: number; betaaldCents: number }[];
  eerder: RetentionRemoval[];
}

/** The neutral name an anonymised person gets: 'Verwijderd persoon 2026-0012'. */
export const anonymousFirstName = 'Verwijderd persoon';
