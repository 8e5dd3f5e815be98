import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../electron/core/store/open-store.ts';
import { migrations } from './index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-schema-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the steps made portable to PostgreSQL', () => {
  it('still write, on SQLite, exactly the schema they wrote before (sqlite-schema-0017.sql)', async () => {
    // The file holds sqlite_master as steps 1 to 17 left it before they learnt PostgreSQL's types; it never changes.
    const store = await openStore(path.join(dir, 'schema.sqlite'), {
      key: null,
      migrations: migrations.filter((m) => m.version <= 17),
    });
    const rows = store.sqlite
      .prepare('select sql from sqlite_master where sql is not null order by type, name')
      .pluck()
      .all() as string[];
    await store.close();
    const written = rows.map((sql) => `${sql};\n`).join('');
    expect(written).toBe(fs.readFileSync(path.join(import.meta.dirname, 'sqlite-schema-0017.sql'), 'utf8'));
  });
});
