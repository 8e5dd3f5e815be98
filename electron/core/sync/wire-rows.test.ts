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

  it('carries bytes as base64 with a marker, and gives back the same bytes', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    // A view into a larger buffer, as a driver may hand out: only its own bytes travel.
    const view = new Uint8Array(new Uint8Array([9, 9, 7, 8, 9]).buffer, 2, 2);
    const table = overWire(tableOnWire('receipts', [{ id: 'r1', bytes, kopie: view }], []));
    expect(table.rows).toEqual([['r1', { $bytes: bytes.toString('base64') }, { $bytes: 'Bwg=' }]]);
    const [row] = rowsOf(table);
    expect(Buffer.isBuffer(row?.bytes)).toBe(true);
    expect(row?.bytes).toEqual(bytes);
    expect(row?.kopie).toEqual(Buffer.from([7, 8]));
  });

  it('allows as a value only what a column holds: text, a number, null, or bytes so marked', () => {
    for (const value of ['', 'tekst', 0, -12.5, null, true, { $bytes: 'AAE=' }])
      expect(isWireValue(value)).toBe(true);
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, [], ['a'], {}, { $bytes: 1 }])
      expect(isWireValue(value), JSON.stringify(value)).toBe(false);
    expect(isWireValue({ $bytes: 'AAE=', ander: 1 })).toBe(false);
  });
});
