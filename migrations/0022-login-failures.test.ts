import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0022 adds the empty tables of failed guesses with their turn row beside the data, which stays as it was', async () => {
  const old = await databaseAtVersion(21);
  await old.db.insertInto('persons').values(personRow('p1')).execute();
  const persons = await old.db.selectFrom('persons').selectAll().execute();

  const store = await old.upgrade();
  expect(await store.db.selectFrom('persons').selectAll().execute()).toEqual(persons);
  expect(await store.db.selectFrom('sync_login_failures').selectAll().execute()).toEqual([
    { key: '*', failures: 0, blocked_until: '', last_failed_at: '' },
  ]);
  expect(await store.db.selectFrom('sync_login_attempts').selectAll().execute()).toEqual([]);
  // One row per name or client.
  const failure = { failures: 1, blocked_until: 'x', last_failed_at: 'x' };
  await store.db
    .insertInto('sync_login_failures')
    .values({ key: 'wachtwoord/naam:bea', ...failure })
    .execute();
  await expect(
    store.db
      .insertInto('sync_login_failures')
      .values({ key: 'wachtwoord/naam:bea', ...failure })
      .execute(),
  ).rejects.toThrow(/UNIQUE/i);
  await store.close();
});
