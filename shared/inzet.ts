/**
 * Inzet: one record per activity (DOMAIN.md, "Inzet and verantwoording"): when, how long, which sleutelpersonen,
 * for which partner, request or project, what kind, the roles and leefgebieden, how many people were reached and of
 * which groups, the hulpvraag (categories and a short note without names), referrals and the outcome. For a
 * volunteer paid per hour or per activity, saving it prepares their claim.
 */
import { z } from 'zod';
import type { ClaimStatus } from './claims.ts';
import { knownRoles, leefgebieden } from './profiles.ts';
import { id, isoDate, nullable, optionalText, version } from './validation.ts';
import {
  type ActivityKind,
  activityKinds,
  type HulpvraagCategory,
  hulpvraagCategories,
  type OriginRegion,
  originRegions,
  type ReferralKind,
  referralKinds,
} from './work-vocabulary.ts';

/** Whole people, zero or more; a single activity reaching more than this is a typing error. */
const count = z.int('een heel aantal').min(0, 'niet negatief').max(10_000, 'meer dan 10.000');

const unique = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, `maximaal ${max} ${what}`)
    .refine((a) => new Set(a).size === a.length, `een ${what.replace(/en$/, '')} staat er dubbel in`)
    .default([]);

export const reachRow = z.strictObject({
  waarde: z.string().trim().min(1, 'verplicht').max(60),
  aantal: count,
});

const inzetFields = {
  datum: isoDate,
  minuten: z
    .int('hele minuten')
    .min(1, 'minimaal 1 minuut')
    .max(24 * 60, 'meer dan een dag'),
  personIds: z
    .array(id)
    .min(1, 'kies een of meer sleutelpersonen')
    .max(20, 'maximaal 20 sleutelpersonen')
    .refine((a) => new Set(a).size === a.length, 'een sleutelpersoon staat er dubbel in'),
  partnerId: nullable(id),
  requestId: nullable(id),
  projectId: nullable(id),
  soort: z.enum(activityKinds, { error: 'kies een soort activiteit' }),
  gemeente: optionalText(80),
  rollen: unique(z.enum(knownRoles as [string, ...string[]], { error: 'onbekende rol' }), 12, 'rollen'),
  leefgebieden: unique(
    z.enum(leefgebieden as unknown as [string, ...string[]], { error: 'onbekend leefgebied' }),
    12,
    'leefgebieden',
  ),
  bereikVolwassenen: count,
  bereikKinderen: count,
  bereikStatushouders: count,
  bereikProfessionals: count,
  herkomst: z
    .array(
      reachRow.extend({
        waarde: z.enum(originRegions, { error: 'kies een herkomstregio' }) as z.ZodType<string>,
      }),
    )
    .max(originRegions.length)
    .default([]),
  talen: z.array(reachRow).max(20, 'maximaal 20 talen').default([]),
  hulpvraag: unique(z.enum(hulpvraagCategories, { error: 'onbekende hulpvraag' }), 13, 'hulpvragen'),
  hulpvraagNotitie: optionalText(300),
  doorverwijzing: unique(
    z.enum(referralKinds, { error: 'onbekende doorverwijzing' }),
    13,
    'doorverwijzingen',
  ),
  uitkomst: optionalText(500),
};

type InzetShape = {
  bereikVolwassenen: number;
  bereikKinderen: number;
  bereikStatushouders: number;
  bereikProfessionals: number;
  herkomst: { waarde: string; aantal: number }[];
  talen: { waarde: string; aantal: number }[];
};

/** The "of whom" counts are part of the people reached: never more than adults and children together. */
export function checkReach(i: InzetShape, ctx: z.RefinementCtx) {
  const total = i.bereikVolwassenen + i.bereikKinderen;
  for (const field of ['bereikStatushouders', 'bereikProfessionals'] as const) {
    if (i[field] > total)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `meer dan het aantal bereikte mensen (${total})`,
      });
  }
  for (const field of ['herkomst', 'talen'] as const) {
    const sum = i[field].reduce((s, r) => s + r.aantal, 0);
    if (sum > total)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `samen ${sum}, meer dan het aantal bereikte mensen (${total})`,
      });
    const values = i[field].map((r) => r.waarde.toLowerCase());
    if (new Set(values).size !== values.length)
      ctx.addIssue({ code: 'custom', path: [field], message: 'een waarde staat er dubbel in' });
  }
}

export const inzetSaveInput = z
  .strictObject({ id: id.nullish(), version: version.nullish(), ...inzetFields })
  .superRefine(checkReach);
export type InzetSaveInput = z.input<typeof inzetSaveInput>;
export type InzetFields = Omit<z.output<typeof inzetSaveInput>, 'id' | 'version'>;

export const inzetRemoveInput = z.strictObject({ id, version });

export const inzetListInput = z
  .strictObject({
    van: isoDate.nullish(),
    tot: isoDate.nullish(),
    personId: id.nullish(),
    partnerId: id.nullish(),
    projectId: id.nullish(),
    page: z.int().min(0).max(100_000).default(0),
    pageSize: z.int().min(5).max(500).default(50),
  })
  .superRefine((i, ctx) => {
    if (i.van && i.tot && i.tot < i.van)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'ligt vóór de begindatum' });
  });

/** A spreadsheet's bytes: XLSX is told apart from CSV by its content (a zip file). */
export const inzetImportInput = z.strictObject({
  base64: z.string().max(4_000_000, 'bestand groter dan 3 MB'),
});

export const inzetRequestsInput = z.strictObject({});

/** A sleutelpersoon of the activity, with the claim it prepared for them (if their contract pays per hour or activity). */
export interface InzetPerson {
  personId: string;
  naam: string;
  claim: { id: string; status: ClaimStatus; bedragCents: number } | null;
}

/** What the activity was about: never sent to the administrateur, who reads hours and costs only. */
export interface InzetContent {
  leefgebieden: string[];
  hulpvraag: HulpvraagCategory[];
  hulpvraagNotitie: string | null;
  doorverwijzing: ReferralKind[];
  uitkomst: string | null;
}

export interface Inzet {
  id: string;
  version: number;
  datum: string;
  minuten: number;
  personen: InzetPerson[];
  partnerId: string | null;
  partnerNaam: string | null;
  requestId: string | null;
  projectId: string | null;
  projectNaam: string | null;
  soort: ActivityKind;
  gemeente: string | null;
  rollen: string[];
  bereikVolwassenen: number;
  bereikKinderen: number;
  bereikStatushouders: number;
  bereikProfessionals: number;
  herkomst: { waarde: OriginRegion; aantal: number }[];
  talen: { waarde: string; aantal: number }[];
  /** Null for the administrateur. */
  inhoud: InzetContent | null;
}

/** A row of the list: no hulpvraag, no notes, for every role alike. */
export interface InzetRow {
  id: string;
  version: number;
  datum: string;
  minuten: number;
  soort: ActivityKind;
  personen: { personId: string; naam: string }[];
  partnerNaam: string | null;
  projectNaam: string | null;
  gemeente: string | null;
  bereik: number;
  /** Allowance prepared by this activity, in cents, over all its claims. */
  declaratieCents: number;
}

export interface InzetPage {
  rows: InzetRow[];
  total: number;
  totaalMinuten: number;
}

/** A request that inzet can be recorded for: matched (or new), with what it fills in. */
export interface InzetRequestOption {
  id: string;
  ontvangenOp: string;
  status: string;
  partnerId: string | null;
  partnerNaam: string | null;
  projectId: string | null;
  soortHulp: string;
  gemeente: string | null;
  omschrijving: string;
  personIds: string[];
}

/** The columns of an import file, in Dutch; one activity per row. */
export const inzetImportColumns = [
  'datum',
  'duur',
  'sleutelpersonen',
  'soort',
  'partner',
  'project',
  'gemeente',
  'rollen',
  'leefgebieden',
  'bereik volwassenen',
  'bereik kinderen',
  'bereik statushouders',
  'bereik professionals',
  'hulpvraag',
  'hulpvraag notitie',
  'doorverwijzing',
  'uitkomst',
] as const;
/** Columns a file must have; the rest may be left out. */
export const requiredImportColumns = ['datum', 'duur', 'sleutelpersonen', 'soort'] as const;

/** The import template: the header and one example row, as Dutch Excel saves CSV (semicolons). */
export function inzetImportTemplate(): string {
  const example = [
    '25-11-2026',
    '90',
    'Amina Yusuf, Samir Haddad',
    'Huisbezoek',
    '',
    '',
    'Utrecht',
    'voorlichter, verbinder',
    'gezondheid',
    '2',
    '3',
    '2',
    '0',
    'Gezondheidszorg, Opvoeding',
    'vraag over inentingen, zonder namen',
    'Huisarts',
    'afspraak bij de huisarts gemaakt',
  ];
  return `${inzetImportColumns.join(';')}\r\n${example.join(';')}\r\n`;
}
