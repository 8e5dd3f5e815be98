import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../electron/core/store/open-store.ts';
import { testKey } from '../test/support/harness.ts';
import { migrations } from './index.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stamp = '2026-03-01T09:00:00.000Z';

it('0010 keeps audit entries under the calls’ new names, so the log filter and a replay find them', async () => {
  const file = path.join(dir, 'schakel.sqlite');
  const before = migrations.filter((m) => m.version < 10);
  const old = await openStore(file, { key: testKey, migrations: before });
  const entry = (id: string, call: string, summary: string) => ({
    id,
    at: stamp,
    account_id: null,
    call,
    record_type: null,
    record_id: null,
    record_version: null,
    summary,
    changes: '[]',
    input: '{}',
    context: '{}',
    version: 1,
  });
  await old.db
    .insertInto('audit_log')
    .values([
      entry('a1', 'persons.inzage', 'Inzage gemaakt: Amina Haddad'),
      entry('a2', 'retention.purge', 'retention.purge'),
      entry('a3', 'pop.save', 'POP versie 2: Amina Haddad'),
      entry('a4', 'persons.update', 'Gegevens gewijzigd: Amina Haddad'),
    ])
    .execute();
  await old.close();

  const store = await openStore(file, { key: testKey });
  const rows = await store.db
    .selectFrom('audit_log')
    .select(['id', 'call', 'summary'])
    .orderBy('id')
    .execute();
  expect(rows).toEqual([
    { id: 'a1', call: 'avg.inzage', summary: 'Inzage gemaakt: Amina Haddad' },
    { id: 'a2', call: 'avg.purge', summary: 'avg.purge' },
    { id: 'a3', call: 'begeleiding.savePop', summary: 'POP versie 2: Amina Haddad' },
    { id: 'a4', call: 'persons.update', summary: 'Gegevens gewijzigd: Amina Haddad' },
  ]);
  await store.close();
});
