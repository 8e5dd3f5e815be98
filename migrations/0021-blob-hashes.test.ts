import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openPostgresStore } from '../electron/core/store/postgres.ts';
import { databaseAtVersion, personRow } from '../test/support/migration-db.ts';
import { postgresDatabase } from '../test/support/postgres.ts';
import { migrations } from './index.ts';

const bytes = Buffer.from('%PDF-1.7 bon van de trein');
const hash = createHash('sha256').update(bytes).digest('hex');
const stamp = '2026-04-30T10:00:00.000Z';

// biome-ignore lint/suspicious/noExplicitAny: a database at version 20, not today's DB type.
async function fill(db: any) {
  await db.insertInto('persons').values(personRow('p1')).execute();
  await db
    .insertInto('claims')
    .values({
      id: 'c1',
      person_id: 'p1',
      soort: 'onkosten',
      datum: '2026-04-30',
      omschrijving: 'Trein',
      bedrag_cents: 12_50,
      status: 'ingediend',
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    })
    .execute();
  await db
    .insertInto('receipts')
    .values({
      id: 'r1',
      claim_id: 'c1',
      mime: 'application/pdf',
      bytes,
      size: bytes.length,
      sha256: hash,
      created_at: stamp,
      version: 1,
    })
    .execute();
}

it('0021 indexes the hash of every file column on PostgreSQL, and finds a receipt kept before by its hash', async () => {
  const database = await postgresDatabase({ migrated: false });
  try {
    const old = await openPostgresStore(database.url, {
      migrations: migrations.filter((m) => m.version <= 20),
    });
    await fill(old.db);
    await old.close();

    const store = await openPostgresStore(database.url);
    try {
      const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where indexname like '%_sha256' order by indexname`.execute(
        store.db,
      );
      expect(indexes.map((i) => i.indexname)).toEqual([
        'contracts_pdf_sha256',
        'receipts_bytes_sha256',
        'training_certificates_bytes_sha256',
      ]);
      expect(indexes.every((i) => i.indexdef.includes('sha256('))).toBe(true);
      const found = await sql<{ id: string; bytes: Buffer }>`
        select id, bytes from receipts where sha256(bytes) = decode(${hash}, 'hex')`.execute(store.db);
      expect(found.rows).toEqual([{ id: 'r1', bytes }]);
      // The lookup the blob route makes is answered by the index, not by hashing every receipt.
      const plan = await store.db.transaction().execute(async (t) => {
        await sql`set local enable_seqscan = off`.execute(t);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`
          explain select id from receipts where sha256(bytes) = decode(${hash}, 'hex')`.execute(t);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('receipts_bytes_sha256');
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
});

it('0021 leaves a desk (SQLite) as it was: it never looks a file up by hash', async () => {
  const old = await databaseAtVersion(20);
  await fill(old.db);
  const before = await old.db.selectFrom('receipts').selectAll().execute();
  const store = await old.upgrade();
  expect(await store.db.selectFrom('receipts').selectAll().execute()).toEqual(before);
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'index' and name like '%sha256%'`.execute(store.db);
  expect(rows).toEqual([]);
  await store.close();
});
