import { z } from 'zod';
import { id, optionalText, requiredText, version } from './validation.ts';

/** The two role lists in use (DOMAIN.md); a profile may also name roles of its own. */
export const roleLists = {
  handreiking: ['voorlichter', 'adviseur', 'bemiddelaar', 'verkenner'],
  evaluatie: [
    'vertaler',
    'verbinder',
    'voorlichter',
    'activeerder',
    'vertrouwenspersoon',
    'adviseur',
    'voorbeeldfunctie',
  ],
} as const;
export const knownRoles = [...new Set([...roleLists.handreiking, ...roleLists.evaluatie])];

export const leefgebieden = [
  'gezondheid',
  'psychische gezondheid',
  'opvoeding en onderwijs',
  'werk en inkomen',
  'financiën en schulden',
  'wonen',
  'taal en inburgering',
  'normen en waarden',
  'gezinshereniging',
] as const;

export const contractForms = [
  'vrijwilligersovereenkomst',
  'arbeidsovereenkomst',
  'stage',
  'opdracht',
] as const;
export type ContractForm = (typeof contractForms)[number];
export const contractFormLabels: Record<ContractForm, string> = {
  vrijwilligersovereenkomst: 'Vrijwilligersovereenkomst',
  arbeidsovereenkomst: 'Arbeidsovereenkomst',
  stage: 'Stage / werkervaringsplek',
  opdracht: 'Opdracht (zzp)',
};

export const allowanceUnits = ['uur', 'maand', 'activiteit', 'geen'] as const;
export type AllowanceUnit = (typeof allowanceUnits)[number];
export const allowanceUnitLabels: Record<AllowanceUnit, string> = {
  uur: 'per uur',
  maand: 'per maand',
  activiteit: 'per activiteit',
  geen: 'geen vergoeding',
};

export const fieldKinds = ['tekst', 'lange_tekst', 'getal', 'keuze', 'talen'] as const;
export type FieldKind = (typeof fieldKinds)[number];
export const fieldKindLabels: Record<FieldKind, string> = {
  tekst: 'Tekst',
  lange_tekst: 'Lange tekst',
  getal: 'Getal',
  keuze: 'Keuze',
  talen: 'Lijst van talen',
};

const lines = (max: number, each: number) => z.array(requiredText(each)).max(max, `maximaal ${max} regels`);

/** A field a profile declares and every contract drafted from it fills in, e.g. hours per week or gemeente. */
export const profileField = z
  .strictObject({
    naam: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,30}$/, 'kleine letters, cijfers en _, beginnend met een letter'),
    label: requiredText(60),
    soort: z.enum(fieldKinds, { error: 'kies een soort' }),
    verplicht: z.boolean(),
    keuzes: z.array(requiredText(60)).max(30).default([]),
  })
  .superRefine((f, ctx) => {
    if (f.soort === 'keuze' && f.keuzes.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['keuzes'], message: 'geef minstens twee keuzes' });
    }
  });
export type ProfileField = z.output<typeof profileField>;

export const profileContent = {
  titel: requiredText(120),
  doel: requiredText(2000),
  taken: z
    .array(z.strictObject({ rol: requiredText(40), taken: lines(20, 300) }))
    .max(12, 'maximaal 12 rollen')
    .refine((t) => new Set(t.map((r) => r.rol.toLowerCase())).size === t.length, 'elke rol maar één keer'),
  leefgebieden: z.array(requiredText(60)).max(12),
  eisen: lines(30, 300),
  competenties: lines(30, 200),
  werkomstandigheden: optionalText(2000),
  velden: z
    .array(profileField)
    .max(20, 'maximaal 20 invulvelden')
    .refine((v) => new Set(v.map((f) => f.naam)).size === v.length, 'elke veldnaam maar één keer'),
  standaardVorm: z.enum(contractForms, { error: 'kies een contractvorm' }),
  standaardVergoedingEenheid: z.enum(allowanceUnits),
  standaardVergoedingCents: z.int('hele centen').min(0, 'niet negatief').max(1_000_00, 'hoger dan € 1.000'),
} as const;

export const profileCreateInput = z.strictObject(profileContent);
export const profileSaveInput = z.strictObject({ id, version, ...profileContent });
export const profileRefInput = z.strictObject({ id, version });
export const profileGetInput = z.strictObject({ id, versie: z.int().min(1).nullish() });
export const profileListInput = z.strictObject({ archived: z.boolean().default(false) });

export type ProfileContent = z.output<typeof profileCreateInput>;

export interface ProfileSummary {
  id: string;
  version: number;
  titel: string;
  versie: number;
  standaardVorm: ContractForm;
  archived: boolean;
  updatedAt: string;
  contracten: number;
}

export interface ProfileVersion extends ProfileContent {
  profileId: string;
  versionId: string;
  versie: number;
  createdAt: string;
  createdBy: string | null;
}

export interface Profile {
  id: string;
  version: number;
  archived: boolean;
  current: ProfileVersion;
  /** The version asked for (an old one stays readable), or the current one. */
  shown: ProfileVersion;
  versions: { versie: number; versionId: string; createdAt: string; createdBy: string | null }[];
}
