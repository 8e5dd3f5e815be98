/**
 * A page's rows over JSON (PulledTable in shared/sync.ts): per table the column names once and each row as an
 * array of its values. The server encodes (server-pull.ts), the desk turns them back into rows (desk-pull.ts). A
 * desk's upload (desk-upload.ts, import-rows.ts) carries whole rows, bytes encoded the same way.
 *
 * In a pull, a file (receipts.bytes, training_certificates.bytes, contracts.pdf) travels as a reference to its
 * content, `{ $blob: '<sha256 hex>', size }`: the desk uses the bytes it already holds with that hash (desk-blobs.ts),
 * or writes an empty placeholder and fetches them from GET /sync/blob/<sha256> when needed (desk-files.ts). An upload carries bytes themselves, as
 * `{ $bytes: '<base64>' }`: JSON.stringify turns a Buffer into `{ type: 'Buffer', data: [...] }`, some four times
 * its size, which nothing turns back.
 */
import { createHash } from 'node:crypto';
import type { PulledTable } from '../../../shared/sync.ts';

const marker = '$bytes';
const blobMarker = '$blob';

/** A file on a pulled page: the lower-case hex SHA-256 of its content and its size in bytes. */
export interface BlobRef {
  [blobMarker]: string;
  size: number;
}

export const sha256Hex = (value: Uint8Array): string => createHash('sha256').update(value).digest('hex');

const reference = (value: Uint8Array): BlobRef => ({
  [blobMarker]: sha256Hex(value),
  size: value.byteLength,
});

export const isBlobRef = (value: unknown): value is BlobRef =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 2 &&
  typeof (value as Record<string, unknown>)[blobMarker] === 'string' &&
  /^[0-9a-f]{64}$/.test((value as Record<string, string>)[blobMarker] as string) &&
  Number.isSafeInteger((value as Record<string, unknown>).size) &&
  ((value as Record<string, number>).size as number) >= 0;

/** The hash a reference names. */
export const blobHashOf = (value: BlobRef): string => value[blobMarker];

const encoded = (value: Uint8Array) => ({
  [marker]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
});

/** The rows of one table this user reads (files as references), and the ids of those the desk drops. */
export function tableOnWire(
  table: string,
  readable: readonly Record<string, unknown>[],
  dropped: string[],
): PulledTable {
  // Every row of a table has the same columns: their names are taken once.
  const columns = readable[0] ? Object.keys(readable[0]) : [];
  const rows: unknown[][] = new Array(readable.length);
  for (let r = 0; r < readable.length; r++) {
    const row = readable[r] as Record<string, unknown>;
    const values: unknown[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i] as string];
      values[i] = value instanceof Uint8Array ? reference(value) : (value ?? null);
    }
    rows[r] = values;
  }
  return { table, columns, rows, dropped };
}

const isEncoded = (value: unknown): value is { [marker]: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[marker] === 'string' &&
  Object.keys(value).length === 1;

/** What a pulled row's value may be: what a column of the store holds, a file as a reference. */
export const isWireValue = (value: unknown): boolean =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  typeof value === 'boolean' ||
  isBlobRef(value);

/**
 * The table's rows by column name. With `blobs` (the desk writing them) each reference becomes the bytes of its
 * hash the desk holds, or an empty placeholder until the file is fetched (desk-files.ts); without, references stay
 * as they came.
 */
export function rowsOf(pulled: PulledTable, blobs?: ReadonlyMap<string, Buffer>): Record<string, unknown>[] {
  const { columns } = pulled;
  return pulled.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      row[columns[i] as string] = blobs && isBlobRef(value) ? contentOf(blobs, value) : value;
    }
    return row;
  });
}

const placeholder = Buffer.alloc(0);
const contentOf = (blobs: ReadonlyMap<string, Buffer>, ref: BlobRef): Buffer =>
  blobs.get(blobHashOf(ref)) ?? placeholder;

/** A whole row with its bytes encoded (a desk's upload). */
export function encodeBytes(row: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const [column, value] of Object.entries(row)) {
    if (value instanceof Uint8Array) {
      copy ??= { ...row };
      copy[column] = encoded(value);
    }
  }
  return copy ?? row;
}

/** The bytes a value carries, or null when it is not encoded bytes. */
export const bytesOf = (value: unknown): Buffer | null =>
  isEncoded(value) ? Buffer.from(value[marker], 'base64') : null;
