import { expect, it } from 'vitest';
import { databaseAtVersion } from '../test/support/migration-db.ts';

it('0020 gives every audit entry a device, command and device name, empty for the entries made before', async () => {
  const old = await databaseAtVersion(19);
  const entry = (id: string, summary: string) =>
    ({
      id,
      at: '2026-05-01T10:00:00.000Z',
      account_id: null,
      call: 'persons.update',
      record_type: 'person',
      record_id: 'p1',
      record_version: 2,
      summary,
      changes: '[{"field":"telefoon","before":null,"after":"0612345678"}]',
      input: '{"id":"p1"}',
      context: '{"now":"2026-05-01T10:00:00.000Z","ids":[]}',
      version: 1,
      // As version 19 has the table: 0020's columns are not there yet.
    }) as never;
  await old.db
    .insertInto('audit_log')
    .values([
      entry('a1', 'Gegevens gewijzigd: Amina Haddad'),
      entry('a2', 'Gegevens gewijzigd: Amina Haddad'),
    ])
    .execute();
  const before = await old.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

  const store = await old.upgrade();
  const after = await store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  expect(after).toEqual(
    before.map((row) => ({ ...row, device_id: null, device_naam: null, command_id: null })),
  );
  // A replayed command's entry keeps the desk it came from.
  await store.db
    .insertInto('audit_log')
    .values({
      ...(entry('a3', 'Gegevens gewijzigd: Amina Haddad') as object),
      device_id: 'd1',
      device_naam: 'Laptop administratie',
      command_id: 'c1',
    } as never)
    .execute();
  expect(
    await store.db
      .selectFrom('audit_log')
      .select(['device_id', 'device_naam', 'command_id'])
      .where('id', '=', 'a3')
      .executeTakeFirst(),
  ).toEqual({ device_id: 'd1', device_naam: 'Laptop administratie', command_id: 'c1' });
  await store.close();
});
