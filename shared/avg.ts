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
  /** Claims and payment files older than this (fiscal bewaarplicht) are removed into totals. */
  financieel: 7,
} as const;

export const retentionAnonymiseInput = z.strictObject({
  personIds: z
    .array(id)
    .min(1, 'kies een of meer sleutelpersonen')
    .max(500, 'maximaal 500 tegelijk')
    .refine((ids) => new Set(ids).size === ids.length, 'elke sleutelpersoon maar één keer'),
});

export const retentionPurgeInput = z.strictObject({
  /** Financial records dated before this day are removed; it may not lie within the seven years. */
  grens: isoDate,
});

/** The inzage export: the same content twice, as a readable PDF and as a JSON file. */
export interface InzageFiles {
  pdf: PdfFile;
  json: PdfFile;
}

export interface RetentionPerson {
  id: string;
  naam: string;
  statusDatum: string;
  contracten: number;
  verslagen: number;
  declaraties: number;
  /** Why this person cannot be anonymised yet (open claims), or null. */
  blokkade: string | null;
}

export interface RetentionYear {
  jaar: number;
  /** Paid and rejected claims of that year dated before the limit. */
  declaraties: number;
  betaaldCents: number;
  afgewezen: number;
  bonnen: number;
}

export interface RetentionBatch {
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
  /** Financial records dated before this day are due for removal. */
  grensFinancieel: string;
  personen: RetentionPerson[];
  financieel: { jaren: RetentionYear[]; betaalbestanden: RetentionBatch[] };
  /** Totals already kept for removed claims, per year. */
  archief: { jaar: number; aantal: number; betaaldCents: number }[];
  eerder: RetentionRemoval[];
}

/** The neutral name an anonymised person gets: 'Verwijderd persoon 2026-0012'. */
export const anonymousFirstName = 'Verwijderd persoon';
