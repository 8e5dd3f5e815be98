import { z } from 'zod';
import { id, isoDate, version } from './validation.ts';

export const batchStatuses = ['concept', 'aangeboden', 'betaald', 'geannuleerd'] as const;
export type BatchStatus = (typeof batchStatuses)[number];
export const batchStatusLabels: Record<BatchStatus, string> = {
  concept: 'Concept',
  aangeboden: 'Aangeboden aan bank',
  betaald: 'Betaald',
  geannuleerd: 'Geannuleerd',
};

export const batchCreateInput = z.strictObject({
  claimIds: z.array(id).min(1, 'kies een of meer goedgekeurde declaraties').max(10_000),
  uitvoerdatum: isoDate,
});
export const batchRefInput = z.strictObject({ id, version });

export interface PayoutBatch {
  id: string;
  version: number;
  nummer: string;
  status: BatchStatus;
  uitvoerdatum: string;
  /** Transfers in the payment file: one per person. */
  aantal: number;
  totaalCents: number;
  /** The people paid: the same number, kept when the claims are gone (cancelled, or removed after seven years). */
  personen: number;
  createdAt: string;
}
