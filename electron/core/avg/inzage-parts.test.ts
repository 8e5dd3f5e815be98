import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testKey } from '../../../test/support/harness.ts';
import { inzageParts } from '../calls.ts';
import { CallRegistry } from '../registry.ts';
import { openStore } from '../store/open-store.ts';
import { tablesWithoutPersonalData } from './inzage-export.ts';
import type { InzagePart } from './inzage-part.ts';

/** Every table of a store with every shipped migration applied. */
async function migratedTables(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-inzage-'));
  try {
    const store = await openStore(path.join(dir, 'schakel.sqlite'), { key: testKey });
    const rows = store.sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[];
    await store.close();
    return rows.map((r) => r.name).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const part = (tables: InzagePart['tables']): InzagePart => ({
  tables,
  collect: async () => ({ sections: {} }),
  chapters: () => [],
});

describe('inzage parts', () => {
  it('export every table of the store, or list it as holding nothing about a person, with the reason', async () => {
    const exported = inzageParts.flatMap((p) => Object.keys(p.tables));
    const without = Object.keys(tablesWithoutPersonalData);
    // A new table fails here until a part exports it or the list says why it holds nothing about a person.
    expect([...exported, ...without].sort()).toEqual(await migratedTables());
    for (const [table, reason] of [
      ...inzageParts.flatMap((p) => Object.entries(p.tables)),
      ...Object.entries(tablesWithoutPersonalData),
    ])
      expect(reason?.trim(), table).not.toBe('');
  });

  it('come from the areas in their order, the audit log after the records it speaks about', () => {
    expect(inzageParts.length).toBeGreaterThanOrEqual(8);
    expect(inzageParts.filter((p) => p.readsLogged).flatMap((p) => Object.keys(p.tables))).toEqual([
      'audit_log',
    ]);
  });

  it('are registered one per area, after the area, each table by one part only', () => {
    expect(() => new CallRegistry().inzage(part({ claims: 'declaraties' }))).toThrow(
      'An inzage part is registered after its area',
    );
    const registry = new CallRegistry().area('claims').inzage(part({ claims: 'declaraties' }));
    expect(() => registry.inzage(part({ receipts: 'bonnen' }))).toThrow('Area claims has two inzage parts');
    expect(() => registry.area('payouts').inzage(part({ claims: 'nog eens' }))).toThrow(
      'Table claims exported by the inzage parts of claims and payouts',
    );
    // Read only once every area registered, so the export never misses a part.
    expect(() => registry.inzageParts()).toThrow('read before every area registered');
  });
});
