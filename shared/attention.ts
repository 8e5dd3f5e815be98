/** What the start screen asks attention for; each item links to the person it is about. */
export const attentionKinds = ['contract_eindigt', 'niet_getekend', 'vog_verloopt', 'geen_contract'] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export interface AttentionItem {
  kind: AttentionKind;
  personId: string;
  personNaam: string;
  contractId: string | null;
  /** Dutch, e.g. 'Vrijwilligersovereenkomst 2026-0003 eindigt op 1 februari 2027'. */
  text: string;
  /** The date that makes it urgent (end date, VOG renewal date, definitief since). */
  date: string | null;
}

/** How far ahead and how long after, in days: one place for the attention rules. */
export const attentionRules = {
  contractEndsWithinDays: 60,
  unsignedAfterDays: 14,
  vogValidYears: 3,
  vogWarnWithinDays: 60,
} as const;
