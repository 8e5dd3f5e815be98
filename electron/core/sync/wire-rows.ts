/**
 * A page's rows over JSON (PulledTable in shared/sync.ts): per table the column names once and each row as an
 * array of its values. The server encodes (server-pull.ts), the desk turns them back into rows (desk-pull.ts). A
 * desk's upload (desk-upload.ts, import-rows.ts) carries whole rows, bytes encoded the same way.
 *
 * Bytes (receipts.bytes, training_certificates.bytes, contracts.pdf) travel as `{ $bytes: '<base64>' }`:
 * JSON.stringify turns a Buffer into `{ type: 'Buffer', data: [...] }`, some four times its size, which nothing
 * turns back.
 */
import type { PulledTable } from '../../../shared/sync.ts';

const marker = '$bytes';

const encoded = (value: Uint8Array) => ({
  [marker]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
});

/** The rows of one table this user reads, and the ids of those the desk drops, as the page carries them. */
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
      values[i] = value instanceof Uint8Array ? encoded(value) : (value ?? null);
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

/** What a row's value may be on the wire: what a column of the store holds, bytes encoded. */
export const isWireValue = (value: unknown): boolean =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  typeof value === 'boolean' ||
  isEncoded(value);

/** The table's rows as the desk writes them: by column name, bytes decoded. */
export function rowsOf(pulled: PulledTable): Record<string, unknown>[] {
  const { columns } = pulled;
  return pulled.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      row[columns[i] as string] = isEncoded(value) ? Buffer.from(value[marker], 'base64') : value;
    }
    return row;
  });
}

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
