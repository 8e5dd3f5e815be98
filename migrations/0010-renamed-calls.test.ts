import { expect, it } from 'vitest';
import { databaseAtVersion } from '../test/support/migration-db.ts';

const stamp = '2026-03-01T09:00:00.000Z';

it('0010 keeps audit entries under the calls’ new names, so the log filter and a replay find them', async () => {
  const old = await databaseAtVersion(9);
  const entry = (id: string, call: string, summary: string) =>
    ({
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
      // As version 9 has the table: the columns later steps added (0020's device) are not there yet.
    }) as never;
  await old.db
    .insertInto('audit_log')
    .values([
      entry('a1', 'persons.inzage', 'Inzage gemaakt: Amina Haddad'),
      entry('a2', 'retention.purge', 'retention.purge'),
      entry('a3', 'pop.save', 'POP versie 2: Amina Haddad'),
      entry('a4', 'persons.update', 'Gegevens gewijzigd: Amina Haddad'),
    ])
    .execute();

  const store = await old.upgrade();
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
