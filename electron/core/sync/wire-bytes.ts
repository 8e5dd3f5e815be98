/**
 * Bytes inside a pulled row (receipts.bytes, training_certificates.bytes, contracts.pdf) over JSON: JSON.stringify
 * turns a Buffer into `{ type: 'Buffer', data: [...] }`, some four times its size, which nothing turns back. A
 * column of bytes travels as `{ $bytes: '<base64>' }` instead: the server encodes (server-pull.ts), the desk
 * decodes (desk-pull.ts).
 */
import type { PulledRow } from '../../../shared/sync.ts';

const marker = '$bytes';

export function encodeBytes(row: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const [column, value] of Object.entries(row)) {
    if (value instanceof Uint8Array) {
      copy ??= { ...row };
      copy[column] = { [marker]: Buffer.from(value).toString('base64') };
    }
  }
  return copy ?? row;
}

const isEncoded = (value: unknown): value is { [marker]: string } =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[marker] === 'string';

/** The bytes a value carries, or null when it is not encoded bytes. */
export const bytesOf = (value: unknown): Buffer | null =>
  isEncoded(value) ? Buffer.from(value[marker], 'base64') : null;

export function decodeBytes(row: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row };
  for (const [column, value] of Object.entries(row))
    if (isEncoded(value)) copy[column] = Buffer.from(value[marker], 'base64');
  return copy;
}

export const encodePulled = (rows: PulledRow[]): PulledRow[] =>
  rows.map((r) => (r.row ? { ...r, row: encodeBytes(r.row) } : r));
