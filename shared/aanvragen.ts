/**
 * Aanvragen: requests from a ketenpartner (or a walk-in) for a sleutelpersoon, their life cycle and the people the
 * coordinator matched to them; and each person's availability (a weekly pattern of dagdelen, own transport, the
 * gemeenten they will go to, absences), which matching reads. A request's description carries no client names.
 */
import { z } from 'zod';
import { genders } from './persons.ts';
import { leefgebieden } from './profiles.ts';
import { id, isoDate, nullable, optionalIsoDate, optionalText, requiredText, version } from './validation.ts';
import {
  type ActivityKind,
  activityKinds,
  type Dagdeel,
  dagdelen,
  type RequestStatus,
  requestStatuses,
} from './work-vocabulary.ts';

/** Days from received to matched, matched to done, and received to done; null while a step is still open. */
export interface ResponseTimes {
  ontvangenTotGematcht: number | null;
  gematchtTotUitgevoerd: number | null;
  ontvangenTotUitgevoerd: number | null;
}

export interface RequestLanguage {
  taal: string;
  verplicht: boolean;
}

/** A row of the requests table. */
export interface RequestRow {
  id: string;
  version: number;
  ontvangenOp: string;
  partnerId: string | null;
  /** Null for a walk-in. */
  partnerNaam: string | null;
  gemeente: string | null;
  soortHulp: ActivityKind;
  status: RequestStatus;
  gewenstVan: string | null;
  gewenstTot: string | null;
  talen: string[];
  /** The matched sleutelpersonen's names. */
  personen: string[];
}

export interface MatchedPerson {
  personId: string;
  naam: string;
  gematchtOp: string;
}

export interface RequestDetail {
  id: string;
  version: number;
  partnerId: string | null;
  partnerNaam: string | null;
  projectId: string | null;
  projectNaam: string | null;
  ontvangenOp: string;
  gewenstVan: string | null;
  gewenstTot: string | null;
  plaats: string | null;
  gemeente: string | null;
  talen: RequestLanguage[];
  voorkeurGender: (typeof genders)[number] | null;
  voorkeurHerkomst: string | null;
  leefgebieden: string[];
  soortHulp: ActivityKind;
  verwachteMinuten: number | null;
  omschrijving: string;
  status: RequestStatus;
  redenNietUitvoerbaar: string | null;
  gematchtOp: string | null;
  uitgevoerdOp: string | null;
  afgeslotenOp: string | null;
  personen: MatchedPerson[];
  reactietijd: ResponseTimes;
}

/**
 * The status changes a user makes by hand (matching is its own call, aanvragen.match). 'nieuw' reopens a request
 * that was found niet uitvoerbaar; 'uitgevoerd' from afgesloten reopens a closed one.
 */
export const statusTransitions: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  nieuw: ['niet_uitvoerbaar'],
  gematcht: ['uitgevoerd', 'niet_uitvoerbaar'],
  uitgevoerd: ['afgesloten'],
  afgesloten: ['uitgevoerd'],
  niet_uitvoerbaar: ['nieuw'],
};

/** The words of a status change's button, by the status it leads from and to. */
export function transitionLabel(from: RequestStatus, to: RequestStatus): string {
  if (to === 'niet_uitvoerbaar') return 'Niet uitvoerbaar';
  if (to === 'uitgevoerd') return from === 'afgesloten' ? 'Heropenen' : 'Uitgevoerd';
  if (to === 'afgesloten') return 'Afsluiten';
  if (to === 'nieuw') return 'Heropenen';
  return to;
}

/** At most this many sleutelpersonen go to one request. */
export const maxMatchedPersons = 10;

const languageEntry = z.strictObject({ taal: requiredText(40), verplicht: z.boolean() });

export const requestSaveInput = z
  .strictObject({
    id: id.nullish(),
    version: version.nullish(),
    partnerId: nullable(id),
    projectId: nullable(id),
    ontvangenOp: isoDate,
    gewenstVan: optionalIsoDate,
    gewenstTot: optionalIsoDate,
    plaats: optionalText(80),
    gemeente: optionalText(80),
    talen: z
      .array(languageEntry)
      .max(6, 'maximaal 6 talen')
      .refine(
        (list) => new Set(list.map((l) => l.taal.toLowerCase())).size === list.length,
        'elke taal maar één keer',
      ),
    voorkeurGender: nullable(z.enum(genders, { error: 'kies een optie' })),
    voorkeurHerkomst: optionalText(60),
    leefgebieden: z
      .array(z.enum(leefgebieden, { error: 'kies een leefgebied uit de lijst' }))
      .max(leefgebieden.length)
      .refine((list) => new Set(list).size === list.length, 'elk leefgebied maar één keer'),
    soortHulp: z.enum(activityKinds, { error: 'kies het soort hulp' }),
    verwachteMinuten: nullable(
      z.int('vul een heel aantal minuten in').min(5, 'minstens 5 minuten').max(1440, 'hoogstens 24 uur'),
    ),
    omschrijving: requiredText(600),
  })
  .superRefine((r, ctx) => {
    if (r.gewenstTot && !r.gewenstVan)
      ctx.addIssue({ code: 'custom', path: ['gewenstVan'], message: 'vul ook de begindatum in' });
    if (r.gewenstVan && r.gewenstTot && r.gewenstTot < r.gewenstVan)
      ctx.addIssue({ code: 'custom', path: ['gewenstTot'], message: 'ligt vóór de begindatum' });
  });
export type RequestSaveInput = z.input<typeof requestSaveInput>;

export const requestListInput = z.strictObject({
  status: z
    .array(z.enum(requestStatuses, { error: 'kies een status' }))
    .max(5)
    .default([]),
  /** A partner's id, or 'inloop' for the walk-ins; null for all. */
  partnerId: nullable(z.union([id, z.literal('inloop')])),
  van: optionalIsoDate,
  tot: optionalIsoDate,
  /** Only the requests this sleutelpersoon was matched to. */
  personId: id.nullish().transform((v) => v ?? null),
});

export const requestStatusInput = z
  .strictObject({
    id,
    version,
    status: z.enum(requestStatuses, { error: 'kies een status' }),
    reden: optionalText(300),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'niet_uitvoerbaar' && !r.reden)
      ctx.addIssue({ code: 'custom', path: ['reden'], message: 'schrijf waarom dit niet uitvoerbaar is' });
  });

export const requestMatchInput = z.strictObject({
  id,
  version,
  personIds: z
    .array(id)
    .min(1, 'kies minstens één sleutelpersoon')
    .max(maxMatchedPersons, `hoogstens ${maxMatchedPersons} sleutelpersonen`)
    .refine((list) => new Set(list).size === list.length, 'elke sleutelpersoon maar één keer'),
});

export const requestUnmatchInput = z.strictObject({ id, version, personId: id });

/** A person's availability, as the Beschikbaarheid tab shows and edits it. */
export interface Availability {
  personId: string;
  /** Null while nothing was saved. */
  id: string | null;
  version: number | null;
  dagdelen: Dagdeel[];
  eigenVervoer: boolean;
  ookGemeenten: string[];
  toelichting: string | null;
  afwezigheden: Absence[];
}

export interface Absence {
  id: string;
  version: number;
  van: string;
  tot: string;
  reden: string | null;
}

export const availabilityInput = z.strictObject({ personId: id });

export const availabilitySaveInput = z.strictObject({
  personId: id,
  /** The version read; null when the person had no availability yet. */
  version: nullable(version),
  dagdelen: z
    .array(z.enum(dagdelen as [Dagdeel, ...Dagdeel[]], { error: 'onbekend dagdeel' }))
    .max(dagdelen.length)
    .refine((list) => new Set(list).size === list.length, 'elk dagdeel maar één keer'),
  eigenVervoer: z.boolean(),
  ookGemeenten: z
    .array(requiredText(80).refine((g) => !g.includes('|'), 'zonder het teken |'))
    .max(20, 'hoogstens 20 gemeenten')
    .refine(
      (list) => new Set(list.map((g) => g.toLowerCase())).size === list.length,
      'elke gemeente maar één keer',
    ),
  toelichting: optionalText(500),
});

export const absenceAddInput = z
  .strictObject({ personId: id, van: isoDate, tot: isoDate, reden: optionalText(200) })
  .superRefine((a, ctx) => {
    if (a.tot < a.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'ligt vóór de begindatum' });
  });

export const absenceRemoveInput = z.strictObject({ id, version });
