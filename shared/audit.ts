import { z } from 'zod';
import { id, optionalIsoDate, optionalText } from './validation.ts';

/** One changed field of a record: its value before and after the call. */
export type FieldChange = { field: string; before: unknown; after: unknown };

export interface AuditEntry {
  id: string;
  at: string;
  accountId: string | null;
  accountName: string | null;
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
};
