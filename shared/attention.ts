/** What the start screen asks attention for; each item links to the person it is about. */
export const attentionKinds = [
  'niet_getekend',
  'contract_eindigt',
  'geen_contract',
  'toestemming_ontbreekt',
  'vog_verloopt',
  'vog_ontbreekt',
  'basistraining_ontbreekt',
  'certificaat_verloopt',
  'training_te_weinig_deelnemers',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

/** Each kind's heading on the start screen and the action that resolves an item, in the order shown. */
export const attentionKindLabels: Record<AttentionKind, { heading: string; action: string }> = {
  niet_getekend: { heading: 'Definitief maar niet getekend', action: 'Ondertekening vastleggen' },
  contract_eindigt: { heading: 'Contract eindigt binnenkort', action: 'Contract openen' },
  geen_contract: { heading: 'Actief zonder lopend contract', action: 'Contract opstellen' },
  toestemming_ontbreekt: {
    heading: 'Bijstand: toestemming gemeente ontbreekt',
    action: 'Toestemming vastleggen',
  },
  vog_verloopt: { heading: 'VOG verloopt of is verlopen', action: 'VOG-datum bijwerken' },
  vog_ontbreekt: { heading: 'Actief zonder VOG', action: 'VOG-datum vastleggen' },
  basistraining_ontbreekt: {
    heading: 'Basistraining nog niet afgerond',
    action: 'Training plannen',
  },
  certificaat_verloopt: { heading: 'Certificaat verloopt of is verlopen', action: 'Scholing bekijken' },
  training_te_weinig_deelnemers: {
    heading: 'Groepstraining met te weinig deelnemers',
    action: 'Deelnemers toevoegen',
  },
};

/** The kinds that come from scholing, also on the begeleider's start (they maintain the trainings too). */
export const scholingAttentionKinds: readonly AttentionKind[] = [
  'basistraining_ontbreekt',
  'certificaat_verloopt',
  'training_te_weinig_deelnemers',
];

export interface AttentionItem {
  kind: AttentionKind;
  /** The person it is about; null for a group training, which is about the session. */
  personId: string | null;
  /** The person's name, or for a group training the training's name. */
  personNaam: string;
  contractId: string | null;
  /** The planned group training it is about. */
  sessionId: string | null;
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
