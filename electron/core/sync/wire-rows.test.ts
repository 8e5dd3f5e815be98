import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PulledTable } from '../../../shared/sync.ts';
import { isWireValue, rowsOf, tableOnWire } from './wire-rows.ts';

const overWire = (table: PulledTable): PulledTable => JSON.parse(JSON.stringify(table)) as PulledTable;

describe('a pulled table on the wire', () => {
  it('names the columns once, carries each row as its values and the dropped ids apart', () => {
    const table = tableOnWire(
      'persons',
      [
        { id: 'p1', voornaam: 'Şükrü', notities: null, version: 2 },
        { id: 'p3', voornaam: 'Fatima', notities: 'Belt terug', version: 1 },
      ],
      ['p2'],
    );
    expect(overWire(table)).toEqual({
      table: 'persons',
      columns: ['id', 'voornaam', 'notities', 'version'],
      rows: [
        ['p1', 'Şükrü', null, 2],
        ['p3', 'Fatima', 'Belt terug', 1],
      ],
      dropped: ['p2'],
    });
    expect(rowsOf(overWire(table))).toEqual([
      { id: 'p1', voornaam: 'Şükrü', notities: null, version: 2 },
      { id: 'p3', voornaam: 'Fatima', notities: 'Belt terug', version: 1 },
    ]);
  });

  it('reads each row by column name, whatever the order a redaction left its keys in', () => {
    const table = tableOnWire(
      'persons',
      [
        { id: 'p1', voornaam: 'A', notities: 'x' },
        { notities: null, id: 'p2', voornaam: 'B' },
      ],
      [],
    );
    expect(rowsOf(overWire(table))).toEqual([
      { id: 'p1', voornaam: 'A', notities: 'x' },
      { id: 'p2', voornaam: 'B', notities: null },
    ]);
  });

  it('carries a file as a reference to its content, and puts back the bytes held for it or a placeholder', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    // A view into a larger buffer, as a driver may hand out: only its own bytes count.
    const view = new Uint8Array(new Uint8Array([9, 9, 7, 8, 9]).buffer, 2, 2);
    const table = overWire(tableOnWire('receipts', [{ id: 'r1', bytes, kopie: view }], []));
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(table.rows).toEqual([
      ['r1', { $blob: hash(bytes), size: 5 }, { $blob: hash(Buffer.from([7, 8])), size: 2 }],
    ]);
    expect(JSON.stringify(table)).not.toContain(bytes.toString('base64'));
    // Without the files (a test looking), the references stay.
    expect(rowsOf(table)[0]?.bytes).toEqual({ $blob: hash(bytes), size: 5 });
    const blobs = new Map([
      [hash(bytes), bytes],
      [hash(view), Buffer.from(view)],
    ]);
    const [row] = rowsOf(table, blobs);
    expect(Buffer.isBuffer(row?.bytes)).toBe(true);
    expect(row?.bytes).toEqual(bytes);
    expect(row?.kopie).toEqual(Buffer.from([7, 8]));
    // A file the desk does not hold yet: an empty placeholder, fetched later (desk-files.ts).
    const [waiting] = rowsOf(table, new Map([[hash(bytes), bytes]]));
    expect(waiting?.bytes).toEqual(bytes);
    expect(waiting?.kopie).toEqual(Buffer.alloc(0));
  });

  it('allows as a value only what a column holds: text, a number, null, or a reference to a file', () => {
    const hash = 'a'.repeat(64);
    for (const value of [
      '',
      'tekst',
      0,
      -12.5,
      null,
      true,
      { $blob: hash, size: 0 },
      { size: 9, $blob: hash },
    ])
      expect(isWireValue(value)).toBe(true);
    for (const value of [
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      [],
      ['a'],
      {},
      // Bytes themselves travel only in an upload.
      { $bytes: 'AAE=' },
      { $blob: 'A'.repeat(64), size: 1 },
      { $blob: '../etc', size: 1 },
      { $blob: hash, size: -1 },
      { $blob: hash, size: 1.5 },
      { $blob: hash },
      { $blob: hash, size: 1, ander: 1 },
    ])
      expect(isWireValue(value), JSON.stringify(value)).toBe(false);
  });
});
