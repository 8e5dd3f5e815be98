import { z } from 'zod';
import { addDays, addMonths } from './dates.ts';
import type { DocumentModel } from './document-model.ts';
import type { VolunteerCheck } from './fiscal/volunteer-check.ts';
import { allowanceUnits, type ContractForm } from './profiles.ts';
import {
  id,
  isoDate,
  kvkNumber,
  nullable,
  optionalIsoDate,
  optionalText,
  requiredText,
  version,
} from './validation.ts';

export const contractStatuses = ['concept', 'definitief', 'getekend', 'beeindigd'] as const;
export type ContractStatus = (typeof contractStatuses)[number];
export const contractStatusLabels: Record<ContractStatus, string> = {
  concept: 'Concept',
  definitief: 'Definitief',
  getekend: 'Getekend',
  beeindigd: 'Beëindigd',
};

const cents = (max: number) =>
  z.int('vul een bedrag in hele centen in').min(0, 'niet negatief').max(max, 'te hoog bedrag');
const count = (max: number) =>
  z.int('vul een heel getal in').min(0, 'niet negatief').max(max, `hoger dan ${max}`);

/** Values of the profile's fill-in fields, checked against the profile version in the main process. */
export const fieldValues = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{1,30}$/),
    z.union([z.string().max(4000, 'maximaal 4000 tekens'), z.number(), z.array(z.string().max(40)).max(12)]),
  )
  .default({});

const common = {
  personId: id,
  profileVersionId: nullable(id),
  velden: fieldValues,
  startdatum: isoDate,
  einddatum: optionalIsoDate,
};

const volunteerTerms = {
  vorm: z.literal('vrijwilligersovereenkomst'),
  vergoedingEenheid: z.enum(allowanceUnits, { error: 'kies hoe de vergoeding gaat' }),
  vergoedingCents: cents(1_000_00),
  verwachtUrenPerMaand: nullable(count(300)),
  verwachteActiviteitenPerMaand: nullable(count(100)),
  kmVergoedingCents: cents(1_00),
  verwachteKmPerMaand: nullable(count(5000)),
  andereOrganisatiesPerMaandCents: cents(10_000_00),
  onkostenMetBon: z.boolean(),
  waVerzekering: z.boolean(),
  ongevallenVerzekering: z.boolean(),
  verzekeringVia: optionalText(200),
  vasteBegeleiderId: nullable(id),
  werktijden: optionalText(500),
  bereikbaarheid: optionalText(500),
  werktelefoon: z.boolean(),
  scholing: optionalText(1000),
  opzegtermijnWeken: count(26),
};

const employmentTerms = {
  vorm: z.literal('arbeidsovereenkomst'),
  urenPerWeek: z
    .int('vul een heel aantal uren in')
    .min(1, 'minimaal 1 uur')
    .max(60, 'meer dan 60 uur per week'),
  cao: requiredText(120),
  schaal: requiredText(20),
  trede: optionalText(20),
  brutoMaandsalarisCents: z.int('hele centen').min(1, 'vul het salaris in').max(50_000_00, 'te hoog bedrag'),
  proeftijdMaanden: z
    .int('vul een heel aantal maanden in')
    .min(0, 'niet negatief')
    .max(2, 'hoogstens 2 maanden proeftijd (art. 7:652 BW)'),
};

const internshipTerms = {
  vorm: z.literal('stage'),
  onderwijsinstelling: requiredText(120),
  opleiding: requiredText(120),
  praktijkbegeleider: requiredText(120),
  urenPerWeek: z
    .int('vul een heel aantal uren in')
    .min(1, 'minimaal 1 uur')
    .max(40, 'meer dan 40 uur per week'),
  stagevergoedingCents: cents(5_000_00),
};

const assignmentTerms = {
  vorm: z.literal('opdracht'),
  kvkNummer: kvkNumber,
  opdrachtOmschrijving: requiredText(2000),
  tariefSoort: z.enum(['uur', 'vast'], { error: 'kies uurtarief of vaste prijs' }),
  tariefCents: z.int('hele centen').min(1, 'vul het tarief in').max(100_000_00, 'te hoog bedrag'),
};

function checkPeriod(
  v: { vorm: ContractForm; startdatum: string; einddatum: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.einddatum && v.einddatum < v.startdatum) {
    ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'ligt vóór de begindatum' });
  }
  if (!v.einddatum && (v.vorm === 'stage' || v.vorm === 'opdracht')) {
    ctx.addIssue({
      code: 'custom',
      path: ['einddatum'],
      message: 'een stage of opdracht heeft een einddatum',
    });
  }
}

/**
 * The longest proeftijd (in months) the law allows for an arbeidsovereenkomst over this period (BW 7:652): none for
 * a contract of six months or less, one month for a fixed term shorter than two years, two months otherwise
 * (indefinite, or two years or longer). The end date is the contract's last day.
 */
export function maxProeftijdMaanden(startdatum: string, einddatum: string | null): 0 | 1 | 2 {
  if (einddatum === null) return 2;
  const dayAfter = addDays(einddatum, 1);
  if (dayAfter <= addMonths(startdatum, 6)) return 0;
  return dayAfter < addMonths(startdatum, 24) ? 1 : 2;
}

/** Why the proeftijd of these terms is longer than the law allows, or null (see maxProeftijdMaanden). */
export function proeftijdProblem(v: {
  vorm: ContractForm;
  startdatum: string;
  einddatum: string | null;
  proeftijdMaanden?: number;
}): string | null {
  if (v.vorm !== 'arbeidsovereenkomst' || v.proeftijdMaanden === undefined) return null;
  if (v.einddatum !== null && v.einddatum < v.startdatum) return null; // the period itself is refused
  const max = maxProeftijdMaanden(v.startdatum, v.einddatum);
  if (v.proeftijdMaanden <= max) return null;
  if (max === 0) return 'geen proeftijd bij een contract van zes maanden of korter (art. 7:652 BW)';
  if (max === 1) return 'hoogstens 1 maand proeftijd bij een contract korter dan twee jaar (art. 7:652 BW)';
  return 'hoogstens 2 maanden proeftijd (art. 7:652 BW)';
}

/** Rules on new input only: terms stored before a rule existed stay readable (see storedContractDraft). */
function checkTerms(
  v: { vorm: ContractForm; startdatum: string; einddatum: string | null; proeftijdMaanden?: number },
  ctx: z.RefinementCtx,
) {
  // A value the field itself refuses (not whole, below 0, above 2) has its message there already.
  const own = v.proeftijdMaanden;
  if (own !== undefined && !(Number.isInteger(own) && own >= 0 && own <= 2)) return;
  const proeftijd = proeftijdProblem(v);
  if (proeftijd) ctx.addIssue({ code: 'custom', path: ['proeftijdMaanden'], message: proeftijd });
}

const forms = [
  z.strictObject({ ...common, ...volunteerTerms }),
  z.strictObject({ ...common, ...employmentTerms }),
  z.strictObject({ ...common, ...internshipTerms }),
  z.strictObject({ ...common, ...assignmentTerms }),
] as const;
const ref = { id, version };

/**
 * A draft as stored, read back: the shape and period, without the rules on input added later, so a contract saved
 * before such a rule still opens (and the rule refuses it when it is saved or made definitief again).
 */
export const storedContractDraft = z
  .discriminatedUnion('vorm', [...forms], { error: 'kies een contractvorm' })
  .superRefine(checkPeriod);
export const contractDraftInput = z
  .discriminatedUnion('vorm', [...forms], { error: 'kies een contractvorm' })
  .superRefine(checkPeriod)
  .superRefine(checkTerms);
export const contractUpdateInput = z
  .discriminatedUnion(
    'vorm',
    [forms[0].extend(ref), forms[1].extend(ref), forms[2].extend(ref), forms[3].extend(ref)],
    { error: 'kies een contractvorm' },
  )
  .superRefine(checkPeriod)
  .superRefine(checkTerms);
export type ContractDraft = z.output<typeof contractDraftInput>;
export type ContractDraftInput = z.input<typeof contractDraftInput>;

export const contractFinalizeInput = z.strictObject({
  id,
  version,
  /** Required when the fiscal check finds a limit crossed: why it is made definitief anyway. */
  fiscaleReden: optionalText(500),
  /** Confirms a second active contract of the same form for the same period. */
  bevestigOverlap: z.boolean().default(false),
});
export const contractSignInput = z.strictObject({ id, version, datum: isoDate });
export const contractEndInput = z.strictObject({ id, version, datum: isoDate, reden: requiredText(500) });

export interface ContractSummary {
  id: string;
  version: number;
  nummer: string;
  versie: number;
  vorm: ContractForm;
  status: ContractStatus;
  startdatum: string;
  einddatum: string | null;
  profielTitel: string | null;
  getekendDatum: string | null;
  beeindigdDatum: string | null;
  /** A newer version (wijziging) replaces this one. */
  vervangenDoor: string | null;
}

export interface Contract extends ContractSummary {
  personId: string;
  /** The functieprofiel the draft was made from (its version is in the draft). */
  profileId: string | null;
  personNaam: string;
  draft: ContractDraft;
  fiscal: VolunteerCheck | null;
  fiscaleReden: string | null;
  beeindigdReden: string | null;
  definitiefAt: string | null;
  vorigeId: string | null;
  /** The document as it reads now (a draft) or as it was printed (definitief and later). */
  document: DocumentModel;
}

export interface ContractCheck {
  fiscal: VolunteerCheck | null;
  document: DocumentModel;
}

export interface PdfFile {
  fileName: string;
  base64: string;
}

type FormOutput = z.output<(typeof forms)[number]>;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueInUnion<T, K extends PropertyKey> = T extends { [P in K]: infer V } ? V : never;
/** A term while it is being filled in: anything but a yes/no may still be empty. */
type Unfilled<T> = [T] extends [boolean] ? boolean : T | null;

/** The name of every term of every contract form (the person is not a term: the draft is made for them). */
export type ContractTermName = Exclude<KeysOfUnion<FormOutput>, 'personId'>;
/** The names of one form's own terms, without the ones every form shares (vorm, profile, fill-in fields, dates). */
export type ContractFormTermName<F extends ContractForm> = Exclude<
  Extract<keyof Extract<FormOutput, { vorm: F }>, string>,
  keyof typeof common | 'vorm'
>;

/**
 * Every term of every form at once, read off the schema, as the editor holds them: switching form keeps what was
 * typed, and only the chosen form's terms are sent (see `formKeys`).
 */
export type ContractTermsInProgress = {
  [K in ContractTermName]: K extends 'vorm' | 'velden'
    ? ValueInUnion<FormOutput, K>
    : Unfilled<ValueInUnion<FormOutput, K>>;
};

/**
 * What a new draft starts from, before the functieprofiel and the person fill in theirs. A term added to the
 * schema without a default here does not compile. Text is '' (the schema reads '' as not filled in).
 */
export const contractTermDefaults: Readonly<ContractTermsInProgress> = {
  vorm: 'vrijwilligersovereenkomst',
  profileVersionId: null,
  velden: {},
  startdatum: null,
  einddatum: null,
  // vrijwilligersovereenkomst
  vergoedingEenheid: 'uur',
  vergoedingCents: 0,
  verwachtUrenPerMaand: null,
  verwachteActiviteitenPerMaand: null,
  kmVergoedingCents: 0,
  verwachteKmPerMaand: null,
  andereOrganisatiesPerMaandCents: 0,
  onkostenMetBon: true,
  waVerzekering: true,
  ongevallenVerzekering: true,
  verzekeringVia: '',
  vasteBegeleiderId: null,
  werktijden: '',
  bereikbaarheid: '',
  werktelefoon: false,
  scholing: '',
  opzegtermijnWeken: 2,
  // arbeidsovereenkomst (urenPerWeek also for a stage)
  urenPerWeek: 18,
  cao: 'Cao Sociaal Werk',
  schaal: '',
  trede: '',
  brutoMaandsalarisCents: null,
  proeftijdMaanden: 1,
  // stage
  onderwijsinstelling: '',
  opleiding: '',
  praktijkbegeleider: '',
  stagevergoedingCents: 0,
  // opdracht
  kvkNummer: '',
  opdrachtOmschrijving: '',
  tariefSoort: 'uur',
  tariefCents: null,
};

/** The input keys each contract form takes, read off its schema: the editor sends exactly these. */
export const formKeys = Object.fromEntries(
  forms.map((f) => [f.shape.vorm.value, Object.keys(f.shape)]),
) as Record<ContractForm, string[]>;
