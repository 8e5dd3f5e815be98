/**
 * How the inzage parts write values, for the JSON file and the PDF alike: codes in the words the screens use,
 * amounts as cents beside their written form, dates in Dutch. Pure functions; every area's part may use them.
 */
import { logKindLabels, signalKindLabels } from '../../../shared/begeleiding/inputs.ts';
import { claimKindLabels, claimStatusLabels } from '../../../shared/claims.ts';
import { contractStatusLabels } from '../../../shared/contracts.ts';
import { dutchDate } from '../../../shared/dates.ts';
import type { Block } from '../../../shared/document-model.ts';
import { labelOf } from '../../../shared/field-labels.ts';
import { formatCents, formatDate, formatDateLong, formatDateTime } from '../../../shared/format.ts';
import { batchStatusLabels } from '../../../shared/payouts.ts';
import { genderLabels, statusLabels } from '../../../shared/persons.ts';
import { allowanceUnitLabels, contractFormLabels } from '../../../shared/profiles.ts';
import type { Bedrag, Json } from './inzage-part.ts';

export const bedrag = (cents: number): Bedrag => ({ centen: cents, weergave: formatCents(cents) });

/** The name as the register holds it, voornaam first (not the roepnaam): the export's title and file name. */
export const legalName = (p: { voornaam: string; tussenvoegsel: string | null; achternaam: string }) =>
  [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');

/** Codes stored in a field, in the words the screens use; 'status' and 'soort' depend on the kind of record. */
const codesByRecord: Record<string, Record<string, Record<string, string>>> = {
  status: {
    person: statusLabels,
    contract: contractStatusLabels,
    claim: claimStatusLabels,
    payout: batchStatusLabels,
  },
  soort: { claim: claimKindLabels, log: logKindLabels },
};
const codes: Record<string, Record<string, string>> = {
  vorm: contractFormLabels,
  gender: genderLabels,
  vergoedingEenheid: allowanceUnitLabels,
  signaalSoort: signalKindLabels,
  tariefSoort: { uur: 'uurtarief', vast: 'vaste prijs' },
};

/** A stored value as the person reads it: a code in words, an amount in euros beside its cents. */
export function readable(field: string, value: unknown, recordType: string | null = null): Json {
  // The audit log keeps a contract's fill-in fields as one JSON text.
  if (field === 'velden' && typeof value === 'string' && value.startsWith('{')) {
    try {
      return JSON.parse(value) as Json;
    } catch {
      return value;
    }
  }
  if (typeof value === 'string') {
    const labels = codesByRecord[field]?.[recordType ?? ''] ?? codes[field];
    return labels && Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
  }
  if (field.endsWith('Cents') && typeof value === 'number' && Number.isInteger(value))
    return { ...bedrag(value) };
  return (value ?? null) as Json;
}

/** A stored object's fields readable, amounts ('vergoedingCents': 500) under the name without 'Cents'. */
export function readableFields(
  value: Record<string, unknown>,
  recordType: string | null,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key.endsWith('Cents') && typeof v === 'number' ? key.slice(0, -'Cents'.length) : key;
    out[name] = readable(key, v, recordType);
  }
  return out;
}

// For the PDF chapters.

export const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : String(v);
export const yes = (v: boolean) => (v ? 'ja' : 'nee');
/** A chapter's only paragraph when the person has nothing of its kind. */
export const none = (text: string): Block[] => [{ kind: 'paragraph', text }];
/** A fact row only when its value is there: `...row('Afspraken', e.afspraken)`. */
export const row = (label: string, value: string | null | false | undefined | 0): [string, string][] =>
  value ? [[label, value]] : [];

/** The Dutch calendar day of a moment: a timestamp is UTC, the day it fell on is Dutch. */
export const dayOf = (timestamp: string) => formatDateLong(dutchDate(new Date(timestamp)));

/**
 * A value of the export as a reader sees it: dates in Dutch, amounts written out, yes/no, fill-in fields as
 * 'name: value'. Codes and amounts were made readable when the data was gathered.
 */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (Array.isArray(value)) return value.map(shown).join(', ') || '—';
  if (typeof value === 'object' && 'weergave' in value) return String(value.weergave);
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}: ${shown(v)}`).join('; ');
  }
  return String(value);
}

/** A stored field's label; amounts lost their 'Cents' on the way into the export ('vergoeding'). */
export function termLabel(key: string): string {
  if (key === 'vasteBegeleider') return 'Vaste begeleider';
  return labelOf(key) !== key ? labelOf(key) : labelOf(`${key}Cents`);
}
