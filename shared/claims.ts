import { z } from 'zod';
import { id, isoDate, optionalText, requiredText, version } from './validation.ts';

/** 'maand': the fixed allowance of a month from the contract, one per person per month, dated on any day of it. */
export const claimKinds = ['km', 'ov', 'parkeren', 'onkosten', 'activiteit', 'uren', 'maand'] as const;
export type ClaimKind = (typeof claimKinds)[number];
export const claimKindLabels: Record<ClaimKind, string> = {
  km: 'Reiskosten auto of fiets',
  ov: 'Openbaar vervoer',
  parkeren: 'Parkeerkosten',
  onkosten: 'Onkosten',
  activiteit: 'Vergoeding per activiteit',
  uren: 'Uren (vrijwilligersvergoeding)',
  maand: 'Vaste vergoeding per maand',
};

/** Short names for a table column. */
export const claimKindShort: Record<ClaimKind, string> = {
  km: 'Reiskosten',
  ov: 'OV',
  parkeren: 'Parkeren',
  onkosten: 'Onkosten',
  activiteit: 'Activiteit',
  uren: 'Uren',
  maand: 'Per maand',
};

/** Costs shown with a receipt are reimbursed outside the fiscal limits; the rest is allowance and counts. */
export const receiptKinds: ReadonlySet<ClaimKind> = new Set(['ov', 'parkeren', 'onkosten']);

export const claimStatuses = ['ingediend', 'goedgekeurd', 'afgewezen', 'in_batch', 'betaald'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export const claimStatusLabels: Record<ClaimStatus, string> = {
  ingediend: 'Ingediend',
  goedgekeurd: 'Goedgekeurd',
  afgewezen: 'Afgewezen',
  in_batch: 'In betaalbatch',
  betaald: 'Betaald',
};

export const claimCheckCodes = [
  'geen_contract',
  'soort_niet_toegestaan',
  'dubbel',
  'bon_ontbreekt',
  'over_grens',
  'jaar_onbekend',
  'toestemming_ontbreekt',
  'iban_ontbreekt',
] as const;
export type ClaimCheckCode = (typeof claimCheckCodes)[number];
export const claimCheckLabels: Record<ClaimCheckCode, string> = {
  geen_contract: 'Geen contract',
  soort_niet_toegestaan: 'Niet in contract',
  dubbel: 'Lijkt dubbel',
  bon_ontbreekt: 'Bon ontbreekt',
  over_grens: 'Boven fiscale grens',
  jaar_onbekend: 'Jaar onbekend',
  toestemming_ontbreekt: 'Toestemming ontbreekt',
  iban_ontbreekt: 'Geen geldig IBAN',
};

/** Checks that stop approval until the claim is corrected or rejected; the others only warn. */
export const blockingChecks: ReadonlySet<ClaimCheckCode> = new Set([
  'geen_contract',
  'soort_niet_toegestaan',
  'dubbel',
  'bon_ontbreekt',
  'over_grens',
]);

/**
 * Checks that do not stop approval (the claim is owed all the same) but keep an approved claim out of a payout
 * batch until they are resolved: without a valid IBAN there is nowhere to send the money.
 */
export const payoutBlockingChecks: ReadonlySet<ClaimCheckCode> = new Set(['iban_ontbreekt']);

export const maxReceiptBytes = 5 * 1024 * 1024;

const claimFields = {
  personId: id,
  soort: z.enum(claimKinds, { error: 'kies een soort' }),
  datum: isoDate,
  omschrijving: requiredText(300),
  van: optionalText(120),
  naar: optionalText(120),
  km: z
    .int('hele kilometers')
    .min(1, 'minimaal 1 km')
    .max(1000, 'meer dan 1.000 km in één declaratie')
    .nullish(),
  minuten: z
    .int('hele minuten')
    .min(1, 'minimaal 1 minuut')
    .max(24 * 60, 'meer dan een dag')
    .nullish(),
  bedragCents: z
    .int('een bedrag heeft hoogstens 2 decimalen')
    .min(1, 'moet groter zijn dan € 0,00')
    .max(10_000_00, 'hoger dan € 10.000')
    .nullish(),
  /** The project or subsidie the claim is set against; left out, a correction keeps the one it has. */
  projectId: id.nullish(),
};

function checkShape(
  c: { soort: ClaimKind; km?: number | null; minuten?: number | null; bedragCents?: number | null },
  ctx: z.RefinementCtx,
) {
  if (c.soort === 'km' && !c.km)
    ctx.addIssue({ code: 'custom', path: ['km'], message: 'vul het aantal kilometers in' });
  if (c.soort === 'uren' && !c.minuten)
    ctx.addIssue({ code: 'custom', path: ['minuten'], message: 'vul de tijd in' });
  if (receiptKinds.has(c.soort) && !c.bedragCents) {
    ctx.addIssue({ code: 'custom', path: ['bedragCents'], message: 'vul het bedrag van de bon in' });
  }
}

export const receiptInput = z.strictObject({
  base64: z.string().max(Math.ceil((maxReceiptBytes * 4) / 3) + 4, 'bestand groter dan 5 MB'),
});

export const claimCreateInput = z
  .strictObject({ ...claimFields, bonnen: z.array(receiptInput).max(5, 'maximaal 5 bonnen').default([]) })
  .superRefine(checkShape);
export const claimCorrectInput = z.strictObject({ id, version, ...claimFields }).superRefine(checkShape);
/** At most this many claims are approved or rejected in one action, and shown on one page of the queue. */
export const maxClaimsPerAction = 5000;

export const claimApproveInput = z.strictObject({
  items: z
    .array(z.strictObject({ id, version }))
    .min(1, 'kies een of meer declaraties')
    .max(maxClaimsPerAction),
});
export const claimRejectInput = z.strictObject({
  items: z
    .array(z.strictObject({ id, version, reden: requiredText(500) }))
    .min(1, 'kies een of meer declaraties')
    .max(maxClaimsPerAction),
});
/** Adds receipts to a submitted claim, or replaces the ones it has, until it is decided. */
export const claimSetReceiptsInput = z.strictObject({
  id,
  version,
  bonnen: z.array(receiptInput).min(1, 'kies een of meer bonnen').max(5, 'maximaal 5 bonnen'),
});
/** Columns the queue may be sorted on: the allow-list both sides share (the main process maps each to SQL). */
export const claimSortColumns = ['datum', 'persoon', 'soort', 'bedrag', 'status'] as const;
export type ClaimSortColumn = (typeof claimSortColumns)[number];

export const claimListInput = z.strictObject({
  personId: id.nullish(),
  maand: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'kies een maand')
    .nullish(),
  soort: z.enum(claimKinds).nullish(),
  status: z.enum(claimStatuses).nullish(),
  alleenMetMelding: z.boolean().default(false),
  /** Newest first unless asked otherwise. */
  sort: z.enum(claimSortColumns).default('datum'),
  desc: z.boolean().default(true),
  page: z.int().min(0).max(100_000).default(0),
  pageSize: z.int().min(5).max(maxClaimsPerAction).default(25),
});

export interface ClaimCheck {
  code: ClaimCheckCode;
  message: string;
  blocking: boolean;
}

export interface Claim {
  id: string;
  version: number;
  personId: string;
  personNaam: string;
  contractNummer: string | null;
  soort: ClaimKind;
  datum: string;
  omschrijving: string;
  van: string | null;
  naar: string | null;
  km: number | null;
  minuten: number | null;
  bedragCents: number;
  origineel: Record<string, unknown> | null;
  status: ClaimStatus;
  redenAfwijzing: string | null;
  bonnen: number;
  /**
   * What stands in the way: for a submitted claim every check, for an approved claim not yet in a batch what keeps
   * it out of one (payoutBlockingChecks); none for the rest.
   */
  checks: ClaimCheck[];
  /**
   * Untaxed allowance the person still has in this claim's month and year before it (submitted allowance only):
   * after what is granted and after the person's earlier submitted claims in the same list, in date order.
   */
  ruimteCents: number | null;
}

/** One page of the queue, and how many claims match the filters in all. */
export interface ClaimPage {
  rows: Claim[];
  total: number;
}

export const overviewInput = z.strictObject({ jaar: z.int().min(2000).max(2100) });

export interface ClaimsOverview {
  jaar: number;
  /** The year's cap, or null where Schakel has no figures for that year. */
  jaarMaximumCents: number | null;
  personen: {
    personId: string;
    naam: string;
    vergoedingCents: number;
    kostenCents: number;
    ruimteCents: number | null;
  }[];
  /**
   * Paid claims removed after the seven-year retention period, no longer per person but still in the year's sums
   * (and in maanden); null when none of this year's claims were removed.
   */
  archief: { vergoedingCents: number; kostenCents: number } | null;
  maanden: { maand: string; perSoort: Partial<Record<ClaimKind, number>>; totaalCents: number }[];
}

export interface ReceiptFile {
  fileName: string;
  mime: string;
  base64: string;
}

export const claimImportInput = z.strictObject({ csv: z.string().max(2_000_000, 'bestand groter dan 2 MB') });
