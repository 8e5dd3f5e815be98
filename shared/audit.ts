import { z } from 'zod';
import { formatCents, formatDate, formatMinutes } from './format.ts';
import { id, optionalIsoDate, optionalText } from './validation.ts';

/** One changed field of a record: its value before and after the call. */
export type FieldChange = { field: string; before: unknown; after: unknown };

export interface AuditEntry {
  id: string;
  at: string;
  accountId: string | null;
  accountName: string | null;
  /** The desk the change came from, when a server replayed it from one; null for a change made on this desk. */
  deviceName: string | null;
  call: string;
  recordType: string | null;
  recordId: string | null;
  summary: string;
  changes: FieldChange[];
}

export interface AuditPage {
  rows: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export const auditListInput = z.strictObject({
  accountId: id.nullish(),
  call: optionalText(60),
  recordType: optionalText(40),
  recordId: id.nullish(),
  from: optionalIsoDate,
  to: optionalIsoDate,
  page: z.int().min(0).max(1_000_000).default(0),
  pageSize: z.int().min(5).max(200).default(50),
});

export const recordTypeLabels: Record<string, string> = {
  account: 'Account',
  person: 'Sleutelpersoon',
  settings: 'Instellingen',
  profile: 'Functieprofiel',
  contract: 'Contract',
  pop: 'POP',
  log: 'Begeleidingslog',
  intervisie: 'Intervisie',
  claim: 'Declaratie',
  payout: 'Betaalbatch',
  bewaartermijn: 'Bewaartermijn',
  training: 'Trainingsaanbod',
  person_training: 'Scholing',
  training_session: 'Groepstraining',
  werkplek: 'Werkplek',
  koppelcode: 'Koppelcode',
};

/** Fields whose value is an account's id: shown as that person's name. */
const accountFields = new Set(['begeleiderId', 'eigenaarId', 'ownerId', 'accountId']);

/**
 * A changed field's value as a person reads it: 'Samira Bouali', not an id; '€ 7,95', not 795; '1 uur 30 min',
 * not 90; '25-11-2026', not an ISO date.
 */
export function formatChangeValue(
  field: string,
  value: unknown,
  accountName: (id: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  if (typeof value === 'number' && /Cents$/.test(field)) return formatCents(value);
  if (typeof value === 'number' && /^(minuten|duurMinuten)$/.test(field)) return formatMinutes(value);
  if (typeof value === 'string' && accountFields.has(field)) return accountName(value) ?? 'een (oud) account';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}
