/**
 * Scholing: the organisation's trainingsaanbod, each person's trainings with their certificates, and group sessions
 * whose attendance completes the training of everyone present. Inputs, labels and the date rules of expiry and
 * attention live here, so the screens and the main process count the same.
 */
import { z } from 'zod';
import { addDays, addMonths } from './dates.ts';
import { id, isoDate, nullable, optionalText, requiredText, version } from './validation.ts';

export const providers = ['pharos', 'ggd', 'vluchtelingenwerk', 'eigen', 'anders'] as const;
export type Provider = (typeof providers)[number];
export const providerLabels: Record<Provider, string> = {
  pharos: 'Pharos',
  ggd: 'GGD',
  vluchtelingenwerk: 'VluchtelingenWerk',
  eigen: 'Eigen organisatie',
  anders: 'Anders',
};

export const trainingKinds = [
  'basistraining',
  'bijscholing',
  'intervisietraining',
  'taal',
  'ehbo',
  'anders',
] as const;
export type TrainingKind = (typeof trainingKinds)[number];
export const trainingKindLabels: Record<TrainingKind, string> = {
  basistraining: 'Basistraining',
  bijscholing: 'Bijscholing',
  intervisietraining: 'Intervisietraining',
  taal: 'Taal',
  ehbo: 'EHBO',
  anders: 'Anders',
};

export const durationUnits = ['dagdelen', 'uren'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const trainingStatuses = ['gepland', 'bezig', 'afgerond', 'gestopt'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];
export const trainingStatusLabels: Record<TrainingStatus, string> = {
  gepland: 'Gepland',
  bezig: 'Bezig',
  afgerond: 'Afgerond',
  gestopt: 'Gestopt',
};

export const sessionStatuses = ['gepland', 'gegeven', 'geannuleerd'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** The rules the start screen applies; one place, so the tests and the screens read the same numbers. */
export const scholingRules = {
  basistrainingWithinMonths: 3,
  certificateWarnWithinDays: 60,
  sessionWarnWithinDays: 30,
  defaultMinimumAttendees: 4,
} as const;

/** The same size limit as a receipt: a scan or a photo of a certificate. */
export const maxCertificateBytes = 5 * 1024 * 1024;

/** The day a certificate stops being valid: completed on + validity, clamped at month ends (31-01 + 1 = 28/29-02). */
export function certificateExpiry(completedOn: string, validMonths: number): string {
  return addMonths(completedOn, validMonths);
}

/** Someone active since `since` is due their basistraining from this day on. */
export function basistrainingDueOn(activeSince: string): string {
  return addMonths(activeSince, scholingRules.basistrainingWithinMonths);
}

/** Does a certificate that expires on `expiry` ask attention today (within 60 days, or already expired)? */
export function certificateNeedsAttention(expiry: string, today: string): boolean {
  return expiry <= addDays(today, scholingRules.certificateWarnWithinDays);
}

/** Is a planned session on `date` near enough to warn about too few attendees? Past sessions are not. */
export function sessionIsNear(date: string, today: string): boolean {
  return date >= today && date <= addDays(today, scholingRules.sessionWarnWithinDays);
}

export const trainingSaveInput = z
  .strictObject({
    id: id.nullish(),
    version: version.nullish(),
    naam: requiredText(150),
    aanbieder: z.enum(providers, { error: 'kies een aanbieder' }),
    aanbiederAnders: optionalText(120),
    soort: z.enum(trainingKinds, { error: 'kies een soort' }),
    duurEenheid: z.enum(durationUnits, { error: 'kies dagdelen of uren' }),
    duur: z.int('een heel getal').min(1, 'minimaal 1').max(500, 'hoogstens 500'),
    certificaat: z.boolean({ error: 'kies ja of nee' }),
    geldigheidMaanden: nullable(
      z.int('hele maanden').min(1, 'minimaal 1 maand').max(240, 'hoogstens 240 maanden'),
    ),
    kostenCents: z
      .int('een bedrag heeft hoogstens 2 decimalen')
      .min(0, 'niet negatief')
      .max(100_000_00, 'hoger dan € 100.000'),
  })
  .superRefine((t, ctx) => {
    if (t.aanbieder === 'anders' && !t.aanbiederAnders)
      ctx.addIssue({ code: 'custom', path: ['aanbiederAnders'], message: 'vul de naam van de aanbieder in' });
    if (!t.certificaat && t.geldigheidMaanden !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['geldigheidMaanden'],
        message: 'alleen bij een training met certificaat',
      });
  });

export const trainingArchiveInput = z.strictObject({ id, version, gearchiveerd: z.boolean() });
export const catalogueInput = z.strictObject({ metGearchiveerd: z.boolean().default(false) });

export const personTrainingSaveInput = z
  .strictObject({
    id: id.nullish(),
    version: version.nullish(),
    personId: id,
    trainingId: id,
    status: z.enum(trainingStatuses, { error: 'kies een status' }),
    startdatum: nullable(isoDate),
    einddatum: nullable(isoDate),
    minuten: nullable(
      z
        .int('hele minuten')
        .min(1, 'minimaal 1 minuut')
        .max(2000 * 60, 'meer dan 2.000 uur'),
    ),
    /** Empty: completion date + the training's validity. */
    verloopdatum: nullable(isoDate),
    notitie: optionalText(1000),
  })
  .superRefine((t, ctx) => {
    const ended = t.status === 'afgerond' || t.status === 'gestopt';
    if (ended && !t.einddatum)
      ctx.addIssue({
        code: 'custom',
        path: ['einddatum'],
        message: t.status === 'afgerond' ? 'vul de datum van afronding in' : 'vul de datum van stoppen in',
      });
    if (!ended && t.einddatum)
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'alleen bij afgerond of gestopt' });
    if (t.startdatum && t.einddatum && t.einddatum < t.startdatum)
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'ligt voor de begindatum' });
    if (t.verloopdatum && t.status !== 'afgerond')
      ctx.addIssue({ code: 'custom', path: ['verloopdatum'], message: 'alleen bij een afgeronde training' });
    if (t.verloopdatum && t.einddatum && t.verloopdatum <= t.einddatum)
      ctx.addIssue({
        code: 'custom',
        path: ['verloopdatum'],
        message: 'ligt niet na de datum van afronding',
      });
  });

export const certificateSetInput = z.strictObject({
  id,
  version,
  /** null removes the stored certificate. */
  bestand: z
    .strictObject({
      base64: z.string().max(Math.ceil((maxCertificateBytes * 4) / 3) + 4, 'bestand groter dan 5 MB'),
    })
    .nullable(),
});

export const sessionSaveInput = z.strictObject({
  id: id.nullish(),
  version: version.nullish(),
  trainingId: id,
  datum: isoDate,
  plaats: requiredText(150),
  trainer: optionalText(150),
  minimumDeelnemers: z.int('een heel getal').min(1, 'minimaal 1').max(100, 'hoogstens 100'),
  deelnemers: z.array(id).max(60, 'maximaal 60 deelnemers'),
});

export const attendanceInput = z.strictObject({
  id,
  version,
  aanwezig: z.array(id).min(1, 'kies wie er waren').max(60),
});
export const sessionRefInput = z.strictObject({ id, version });
export const sessionsInput = z.strictObject({ metAfgelopen: z.boolean().default(false) });
export const personRefInput = z.strictObject({ personId: id });

export interface Training {
  id: string;
  version: number;
  naam: string;
  aanbieder: Provider;
  aanbiederAnders: string | null;
  soort: TrainingKind;
  duurEenheid: DurationUnit;
  duur: number;
  certificaat: boolean;
  geldigheidMaanden: number | null;
  kostenCents: number;
  gearchiveerd: boolean;
}

/** 'Pharos', or the name typed under 'anders'. */
export function providerName(t: { aanbieder: string; aanbiederAnders: string | null }): string {
  if (t.aanbieder === 'anders') return t.aanbiederAnders ?? providerLabels.anders;
  return providerLabels[t.aanbieder as Provider] ?? t.aanbieder;
}

/** '3 dagdelen', '1 uur'. */
export function formatTrainingDuration(t: { duurEenheid: DurationUnit; duur: number }): string {
  if (t.duurEenheid === 'dagdelen') return `${t.duur} ${t.duur === 1 ? 'dagdeel' : 'dagdelen'}`;
  return `${t.duur} uur`;
}

/** One training of a person as other areas read it (scholing/read.ts), in date order. */
export interface TrainingOfPerson {
  id: string;
  trainingId: string;
  naam: string;
  aanbieder: string;
  soort: TrainingKind;
  status: TrainingStatus;
  startdatum: string | null;
  einddatum: string | null;
  /** Time spent, in minutes; null when not recorded. */
  minuten: number | null;
  heeftCertificaat: boolean;
  verloopdatum: string | null;
}

/** The person tab's row: what the portfolio reads, plus what editing needs. */
export interface PersonTraining extends TrainingOfPerson {
  version: number;
  notitie: string | null;
  sessionId: string | null;
  geeftCertificaat: boolean;
  geldigheidMaanden: number | null;
  certificaat: { fileName: string; mime: string; size: number } | null;
}

export interface PersonTrainings {
  trainingen: PersonTraining[];
  /** On bijstand, toestemming needed and not recorded: following a training may need the gemeente's consent. */
  toestemmingOntbreekt: boolean;
}

/** What a training claim needs (administrateur): names and costs, never notes or certificates. */
export interface TrainingForClaim {
  id: string;
  naam: string;
  aanbieder: string;
  datum: string | null;
  kostenCents: number;
}

export interface TrainingSession {
  id: string;
  version: number;
  trainingId: string;
  trainingNaam: string;
  datum: string;
  plaats: string;
  trainer: string | null;
  minimumDeelnemers: number;
  status: SessionStatus;
  /** aanwezig is null until the attendance is recorded. */
  deelnemers: { personId: string; naam: string; aanwezig: boolean | null }[];
}

export interface CertificateFile {
  fileName: string;
  mime: string;
  base64: string;
}
