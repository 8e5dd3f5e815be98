import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0012 refolds only the people whose details hold a Catalan l·l, so "pallares" finds them', async () => {
  const old = await databaseAtVersion(11);
  await old.db
    .insertInto('persons')
    .values([
      personRow('p1', {
        voornaam: 'Núria',
        achternaam: 'Paŀlarès',
        search_text: 'nuria pal lares',
        sort_name: 'pal lares nuria',
      }),
      personRow('p2', {
        voornaam: 'Jordi',
        achternaam: 'Pal·lí',
        plaats: 'Utrecht',
        search_text: 'jordi pal li utrecht',
        sort_name: 'pal li jordi',
      }),
      // Stored texts that do not match today's folding, left alone: the step only touches the dotted names.
      personRow('p3', { voornaam: 'Amina', achternaam: 'Haddad', search_text: 'oud', sort_name: 'oud' }),
    ])
    .execute();
  await old.db
    .insertInto('person_languages')
    .values({ id: 'l1', person_id: 'p1', position: 0, taal: 'Catalaans', niveau: 'moedertaal' } as never)
    .execute();

  const store = await old.upgrade();
  expect(
    await store.db.selectFrom('persons').select(['id', 'search_text', 'sort_name']).orderBy('id').execute(),
  ).toEqual([
    { id: 'p1', search_text: 'nuria pallares catalaans', sort_name: 'pallares nuria' },
    { id: 'p2', search_text: 'jordi palli utrecht', sort_name: 'palli jordi' },
    { id: 'p3', search_text: 'oud', sort_name: 'oud' },
  ]);
  await store.close();
});
