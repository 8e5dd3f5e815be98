/**
 * A page's rows over JSON (PulledTable in shared/sync.ts): per table the column names once and each row as an
 * array of its values. The server encodes (server-pull.ts), the desk turns them back into rows (desk-pull.ts).
 *
 * Bytes (receipts.bytes, training_certificates.bytes, contracts.pdf) travel as `{ $bytes: '<base64>' }`:
 * JSON.stringify turns a Buffer into `{ type: 'Buffer', data: [...] }`, some four times its size, which nothing
 * turns back.
 */
import type { PulledTable } from '../../../shared/sync.ts';
import type { VisibleRow } from './visibility.ts';

const marker = '$bytes';

const encoded = (value: Uint8Array) => ({
  [marker]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
});

/** The rows of one table as visibleRows gives them (`row: null` to be dropped), as the page carries them. */
export function tableOnWire(table: string, visible: readonly VisibleRow[]): PulledTable {
  let columns: string[] | undefined;
  const rows: unknown[][] = [];
  const dropped: string[] = [];
  for (const { id, row } of visible) {
    if (row === null) {
      dropped.push(id);
      continue;
    }
    // Every row of a table has the same columns: its names are taken once.
    columns ??= Object.keys(row);
    const values: unknown[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i] as string];
      values[i] = value instanceof Uint8Array ? encoded(value) : (value ?? null);
    }
    rows.push(values);
  }
  return { table, columns: columns ?? [], rows, dropped };
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
