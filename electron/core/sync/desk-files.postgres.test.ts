/**
 * A connected desk fetches files over HTTPS from the in-process server on PostgreSQL (desk-files.ts): its background
 * round brings each receipt after the rows; a receipt opened before that is fetched at once and kept; offline it is
 * refused in Dutch and nothing is written.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DeskCore, deskCore } from '../../../test/support/desk-core.ts';
import { personRow } from '../../../test/support/migration-db.ts';
import { type InProcessServer, inProcessServer } from '../../../test/support/sync-server.ts';
import { fileRefusals } from './desk-files.ts';

const start = '2026-06-01T12:00:00.000Z';
const scan = Buffer.from(`%PDF-1.7 kassabon Albert Heijn, koffie voor de intervisie ${'x'.repeat(4000)}`);
const ids = { person: '01970000-0000-7000-8000-0000000000a1', claim: '01970000-0000-7000-8000-0000000000c1' };
const receiptId = '01970000-0000-7000-8000-0000000000b1';

let server: InProcessServer;
let desk: DeskCore;
let serverClosed = false;

const deskReceipt = async () =>
  (
    await desk.core.store.db
      .selectFrom('receipts')
      .select('bytes')
      .where('id', '=', receiptId)
      .executeTakeFirstOrThrow()
  ).bytes;
/** As a round leaves a row whose file it did not fetch yet (cut off, or over its budget). */
const notFetchedYet = () =>
  desk.core.store.db
    .updateTable('receipts')
    .set({ bytes: Buffer.alloc(0) })
    .where('id', '=', receiptId)
    .execute();

beforeAll(async () => {
  server = await inProcessServer(start);
  const stamp = start;
  await server.db
    .insertInto('persons')
    .values(personRow(ids.person, {}, stamp))
    .execute();
  await server.db
    .insertInto('claims')
    .values({
      id: ids.claim,
      person_id: ids.person,
      soort: 'onkosten',
      datum: '2026-05-28',
      omschrijving: 'Koffie intervisie',
      bedrag_cents: 12_40,
      status: 'ingediend',
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    })
    .execute();
  await server.db
    .insertInto('receipts')
    .values({
      id: receiptId,
      claim_id: ids.claim,
      mime: 'application/pdf',
      bytes: scan,
      size: scan.length,
      sha256: createHash('sha256').update(scan).digest('hex'),
      created_at: stamp,
      version: 1,
    })
    .execute();

  desk = await deskCore({ clock: () => new Date(start) });
  const { code } = (await server.beheer('sync.pairingCode', {})) as { code: string };
  await desk.connect(server.listening, code, 'Laptop administratie');
}, 60_000);
afterAll(async () => {
  await desk?.close();
  if (!serverClosed) await server?.close();
});

it('brings a receipt in the background round after its rows', async () => {
  expect(await deskReceipt()).toEqual(scan);
});

it('fetches a receipt opened before the background did, and keeps it', async () => {
  await notFetchedYet();
  const [opened] = await desk.ok('claims.receipts', { id: ids.claim });
  expect(Buffer.from(opened?.base64 ?? '', 'base64')).toEqual(scan);
  expect(await deskReceipt()).toEqual(scan);
});

it('says in Dutch that a receipt not fetched yet cannot be opened offline, and writes nothing', async () => {
  await notFetchedYet();
  await server.close();
  serverClosed = true;
  const refused = await desk.call('claims.receipts', { id: ids.claim });
  expect(refused).toEqual({ ok: false, error: { code: 'unavailable', message: fileRefusals.notHere } });
  expect((await deskReceipt()).length).toBe(0);
});
