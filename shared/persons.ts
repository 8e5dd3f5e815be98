import { z } from 'zod';
import { cefrLevels, dutchFilters, outflowWithStatus } from './doorgroei.ts';
import {
  email,
  iban,
  id,
  isoDate,
  nullable,
  optionalIsoDate,
  optionalText,
  phone,
  postcode,
  requiredText,
  version,
} from './validation.ts';

export const personStatuses = ['aangemeld', 'intake', 'actief', 'gepauzeerd', 'gestopt'] as const;
export type PersonStatus = (typeof personStatuses)[number];
export const statusLabels: Record<PersonStatus, string> = {
  aangemeld: 'Aangemeld',
  intake: 'Intake',
  actief: 'Actief',
  gepauzeerd: 'Gepauzeerd',
  gestopt: 'Gestopt',
};

export const genders = ['vrouw', 'man', 'anders', 'onbekend'] as const;
export const genderLabels: Record<(typeof genders)[number], string> = {
  vrouw: 'Vrouw',
  man: 'Man',
  anders: 'Anders',
  onbekend: 'Zegt liever niet',
};

export { cefrLevels };
export const languageLevels = ['moedertaal', 'vloeiend', 'goed', 'redelijk', 'basis'] as const;
export const languageLevelLabels: Record<(typeof languageLevels)[number], string> = {
  moedertaal: 'Moedertaal',
  vloeiend: 'Vloeiend',
  goed: 'Goed',
  redelijk: 'Redelijk',
  basis: 'Basis',
};

/** Suggestions for the language field; any other language may be typed. */
export const commonLanguages = [
  'Arabisch',
  'Tigrinya',
  'Dari',
  'Farsi',
  'Pashto',
  'Turks',
  'Koerdisch (Kurmanci)',
  'Koerdisch (Sorani)',
  'Somalisch',
  'Amhaars',
  'Oekraïens',
  'Russisch',
  'Pools',
  'Roemeens',
  'Bulgaars',
  'Engels',
  'Frans',
  'Spaans',
  'Portugees',
  'Tamil',
  'Urdu',
  'Vietnamees',
  'Chinees (Mandarijn)',
  'Berbers (Tamazight)',
  'Papiaments',
];

export const personLanguage = z.strictObject({
  taal: requiredText(40),
  niveau: z.enum(languageLevels, { error: 'kies een niveau' }),
});

/** The fields a person form edits (status has its own call, so its history stays complete). */
const personFieldsShape = {
  voornaam: requiredText(80),
  tussenvoegsel: optionalText(20),
  achternaam: requiredText(80),
  roepnaam: optionalText(80),
  geboortedatum: nullable(isoDate),
  gender: nullable(z.enum(genders, { error: 'kies een optie' })),
  herkomstland: optionalText(60),
  talen: z
    .array(personLanguage)
    .max(12, 'maximaal 12 talen')
    .refine(
      (list) => new Set(list.map((l) => l.taal.toLowerCase())).size === list.length,
      'elke taal maar één keer',
    ),
  niveauNederlands: nullable(z.enum(cefrLevels, { error: 'kies A1 tot en met C2' })),
  straat: optionalText(100),
  huisnummer: nullable(
    z
      .string()
      .trim()
      .regex(/^[0-9]{1,5}( ?[A-Za-z0-9-]{1,6})?$/, 'vul een huisnummer in, eventueel met toevoeging (12 A)'),
  ),
  postcode: nullable(postcode),
  plaats: optionalText(80),
  gemeente: optionalText(80),
  telefoon: nullable(phone),
  email: nullable(email),
  iban: nullable(iban),
  bijstand: z.boolean(),
  toestemmingNodig: z.boolean(),
  toestemmingDatum: optionalIsoDate,
  vogAfgiftedatum: optionalIsoDate,
  vogVernieuwdatum: optionalIsoDate,
  begeleiderId: nullable(id),
  notities: optionalText(5000),
} as const;

function checkPerson(
  v: {
    bijstand: boolean;
    toestemmingNodig: boolean;
    toestemmingDatum: string | null;
    vogAfgiftedatum: string | null;
    vogVernieuwdatum: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.vogVernieuwdatum && v.vogAfgiftedatum && v.vogVernieuwdatum <= v.vogAfgiftedatum) {
    ctx.addIssue({ code: 'custom', path: ['vogVernieuwdatum'], message: 'ligt na de afgiftedatum' });
  }
  if (!v.bijstand && (v.toestemmingNodig || v.toestemmingDatum)) {
    ctx.addIssue({
      code: 'custom',
      path: ['toestemmingNodig'],
      message: 'alleen van toepassing bij bijstand',
    });
  }
}

export const personCreateInput = z
  .strictObject({
    ...personFieldsShape,
    status: z.enum(personStatuses, { error: 'kies een status' }),
    statusDatum: isoDate,
  })
  .superRefine(checkPerson);

export const personUpdateInput = z
  .strictObject({ id, version, ...personFieldsShape })
  .superRefine(checkPerson);

export const personStatusInput = z
  .strictObject({
    id,
    version,
    status: z.enum(personStatuses, { error: 'kies een status' }),
    datum: isoDate,
    toelichting: optionalText(500),
    /** What the person went on to (doorgroei), given when they stop; it can also be recorded later. */
    uitstroom: outflowWithStatus.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.uitstroom && v.status !== 'gestopt')
      ctx.addIssue({ code: 'custom', path: ['uitstroom'], message: 'alleen bij de status gestopt' });
  });

export const personSortColumns = [
  'achternaam',
  'voornaam',
  'gemeente',
  'status',
  'statusDatum',
  'geboortedatum',
  'begeleider',
  'updatedAt',
] as const;
export type PersonSortColumn = (typeof personSortColumns)[number];

export const personListInput = z.strictObject({
  search: z.string().max(100, 'maximaal 100 tekens').default(''),
  status: z.array(z.enum(personStatuses)).max(5).default([]),
  gemeente: optionalText(80),
  taal: optionalText(40),
  /** An account id, or 'geen' for people without a vaste begeleider. */
  begeleider: z.union([id, z.literal('geen')]).nullish(),
  bijstand: z.boolean().nullish(),
  /** Dutch at B1 or higher in one skill, or in all four (doorgroei; not for the administrateur). */
  nederlands: z.enum(dutchFilters, { error: 'kies een vaardigheid' }).nullish(),
  /** Only people who completed a basistraining (scholing; not for the administrateur). */
  basistraining: z.boolean().default(false),
  sort: z.enum(personSortColumns).default('achternaam'),
  desc: z.boolean().default(false),
  page: z.int().min(0).max(100_000).default(0),
  pageSize: z.int().min(5).max(200).default(25),
});

export type PersonCreateInput = z.input<typeof personCreateInput>;
export type PersonUpdateInput = z.input<typeof personUpdateInput>;
export type PersonLanguage = z.output<typeof personLanguage>;

export interface PersonListRow {
  id: string;
  version: number;
  naam: string;
  voornaam: string;
  achternaam: string;
  roepnaam: string | null;
  geboortedatum: string | null;
  gemeente: string | null;
  status: PersonStatus;
  statusDatum: string;
  begeleiderId: string | null;
  begeleiderNaam: string | null;
  talen: string[];
  niveauNederlands: string | null;
  /** On bijstand, permission needed and no date recorded. */
  toestemmingOntbreekt: boolean;
}

export interface PersonPage {
  rows: PersonListRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Person extends z.output<typeof personUpdateInput> {
  naam: string;
  status: PersonStatus;
  statusDatum: string;
  begeleiderNaam: string | null;
  createdAt: string;
  updatedAt: string;
  /** Anonymised after the retention period: shown, never edited again. */
  geanonimiseerd: boolean;
}

export interface PersonStatusEntry {
  id: string;
  status: PersonStatus;
  datum: string;
  toelichting: string | null;
  doorNaam: string | null;
  at: string;
}

export interface PersonFilterOptions {
  gemeenten: string[];
  talen: string[];
}

/** 'Amina' 'el' 'Haddad' → 'Amina el Haddad'; the roepnaam is shown instead of the voornaam when set. */
export function fullName(p: {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  roepnaam?: string | null;
}): string {
  return [p.roepnaam || p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
}
