import { expect, it } from 'vitest';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';

it('0014 adds scholing beside the people already there, who start without trainings', async () => {
  const old = await databaseAtVersion(13);
  await old.db
    .insertInto('persons')
    .values([personRow('p1'), personRow('p2', { voornaam: 'Farid', status: 'gestopt' })])
    .execute();
  const store = await old.upgrade();
  const db = store.db;
  expect(await db.selectFrom('persons').select(['id', 'voornaam', 'status']).orderBy('id').execute()).toEqual(
    [
      { id: 'p1', voornaam: 'Amina', status: 'actief' },
      { id: 'p2', voornaam: 'Farid', status: 'gestopt' },
    ],
  );
  expect(await db.selectFrom('person_trainings').selectAll().execute()).toEqual([]);

  const stamp = '2026-03-01T09:00:00.000Z';
  await db
    .insertInto('trainings')
    .values({
      id: 't1',
      naam: 'Basistraining',
      aanbieder: 'pharos',
      aanbieder_anders: null,
      soort: 'basistraining',
      duur_eenheid: 'dagdelen',
      duur: 6,
      geldigheid_maanden: null,
      created_at: stamp,
      updated_at: stamp,
    } as never)
    .execute();
  // Defaults: no certificate, no costs, not archived, version 1.
  expect(
    await db.selectFrom('trainings').select(['certificaat', 'kosten_cents', 'archived', 'version']).execute(),
  ).toEqual([{ certificaat: 0, kosten_cents: 0, archived: 0, version: 1 }]);
  const training = (id: string, person: string) => ({
    id,
    person_id: person,
    training_id: 't1',
    status: 'afgerond',
    einddatum: '2026-02-28',
    created_at: stamp,
    updated_at: stamp,
  });
  await db
    .insertInto('person_trainings')
    .values(training('pt1', 'p1') as never)
    .execute();
  // A training belongs to a person in the register, and a certificate to one training.
  await expect(
    db
      .insertInto('person_trainings')
      .values(training('pt2', 'nobody') as never)
      .execute(),
  ).rejects.toThrow(/FOREIGN KEY/);
  const certificate = (id: string) => ({
    id,
    person_training_id: 'pt1',
    mime: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4'),
    size: 8,
    sha256: 'x',
    created_at: stamp,
  });
  await db
    .insertInto('training_certificates')
    .values(certificate('c1') as never)
    .execute();
  await expect(
    db
      .insertInto('training_certificates')
      .values(certificate('c2') as never)
      .execute(),
  ).rejects.toThrow(/UNIQUE/);
  await store.close();
});
