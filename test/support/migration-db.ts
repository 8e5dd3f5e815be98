/**
 * For migration tests: a database at an earlier schema version, filled by the test, then opened as the app opens it
 * (every pending step applied). Each test gets its own folder, removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openStore } from '../../electron/core/store/open-store.ts';
import { migrations } from '../../migrations/index.ts';
import { testKey } from './harness.ts';

let dir: string | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migration-'));
});
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A store with every migration up to and including `version`, and a way to reopen it at the newest version. */
export async function databaseAtVersion(version: number) {
  if (!dir) throw new Error('databaseAtVersion is for use inside a test');
  const file = path.join(dir, 'schakel.sqlite');
  const steps = migrations.filter((m) => m.version <= version);
  expect(steps.map((m) => m.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  const old = await openStore(file, { key: testKey, migrations: steps });
  return {
    db: old.db,
    /** Closes the old store and opens the file as the app does, applying every pending migration. */
    async upgrade() {
      await old.close();
      const store = await openStore(file, { key: testKey });
      const applied = await store.db.selectFrom('schema_migrations').select('version').execute();
      expect(applied.map((a) => a.version)).toEqual(migrations.map((m) => m.version));
      return store;
    },
  };
}

/** A person row as every schema version since 0002 accepts it (the columns later steps added have defaults). */
export function personRow(
  id: string,
  fields: Record<string, unknown> = {},
  stamp = '2026-03-01T09:00:00.000Z',
) {
  return {
    id,
    voornaam: 'Amina',
    achternaam: 'Haddad',
    status: 'actief',
    status_datum: '2026-01-01',
    search_text: 'amina haddad',
    sort_name: 'haddad amina',
    created_at: stamp,
    updated_at: stamp,
    version: 1,
    ...fields,
  } as never;
}
