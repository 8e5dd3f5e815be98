/**
 * Files reach a desk by their hash against a real PostgreSQL server (in-process services): a pulled page names each
 * receipt by its SHA-256 and the rows arrive without waiting for the files (an empty placeholder); then the desk
 * fetches each content once and writes the same bytes into every row that waits for it. Content that does not match
 * its hash is refused and nothing written.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '../../../test/support/harness.ts';
import { type SyncDesk, syncDesk } from '../../../test/support/sync-desk.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { fileRefusals } from './desk-files.ts';
import { readCursor } from './desk-pull.ts';
import { ServerRefusal } from './server-refusal.ts';

let team: SyncTeam;
let leider: SyncDesk;
let finance: SyncDesk | undefined;
let personId: string;
const stamp = '2026-04-30T10:00:00.000Z';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const receiptId = (n: number) => `00000000-0000-7000-8000-0000000${String(n).padStart(5, '0')}`;
const claimId = '00000000-0000-7000-8000-00000000c1a1';

async function insertReceipt(n: number, bytes: Buffer) {
  await team
    .server()
    .db.insertInto('receipts')
    .values({
      id: receiptId(n),
      claim_id: claimId,
      mime: 'application/pdf',
      bytes,
      size: bytes.length,
      sha256: sha256(bytes),
      created_at: stamp,
      version: 1,
    })
    .execute();
}

const onDesk = (desk: SyncDesk) =>
  desk.db().selectFrom('receipts').select(['id', 'bytes']).orderBy('id').execute();
const onServer = () =>
  team.server().db.selectFrom('receipts').select(['id', 'bytes']).orderBy('id').execute();

beforeAll(async () => {
  team = await syncTeam();
  leider = await syncDesk(team, 'projectleider');
  personId = (await leider.ok('persons.create', personInput({ voornaam: 'Amina' }))).id;
  await leider.push();
  await team
    .server()
    .db.insertInto('claims')
    .values({
      id: claimId,
      person_id: personId,
      soort: 'onkosten',
      datum: '2026-04-30',
      omschrijving: 'Bonnen',
      bedrag_cents: 12_50,
      status: 'ingediend',
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    })
    .execute();
});
afterAll(async () => {
  await finance?.close();
  await leider?.close();
  await team?.close();
});

describe('files on a desk', () => {
  it('arrive after their rows, byte for byte, the same file in two rows fetched once', async () => {
    const trein = Buffer.from('%PDF-1.7 bon van de trein, Utrecht–Zwolle');
    const bus = Buffer.from([0, 255, 1, 254, 37, 80, 68, 70]);
    await insertReceipt(1, trein);
    await insertReceipt(2, bus);
    // The same scan attached twice.
    await insertReceipt(3, trein);
    // The desk's first download (syncDesk pulls rows and files); then a look at a fresh pull of rows alone.
    finance = await syncDesk(team, 'administrateur');
    expect(await onDesk(finance)).toEqual(await onServer());
    expect(finance.fetched.toSorted()).toEqual([sha256(trein), sha256(bus)].toSorted());
  });

  it('writes rows at once and leaves their files for later: a placeholder, then the bytes, a part at a time', async () => {
    if (!finance) throw new Error('the first test makes the desk');
    const fetchedBefore = finance.fetched.length;
    const scans = [5, 6, 7].map((n) => Buffer.from(`%PDF-1.7 scan ${n} `.repeat(100 * n)));
    for (const [i, scan] of scans.entries()) await insertReceipt(5 + i, scan);
    await finance.pullRows();
    const waiting = await onDesk(finance);
    expect(waiting.map((r) => r.id)).toEqual([1, 2, 3, 5, 6, 7].map(receiptId));
    expect(waiting.slice(3).map((r) => r.bytes.length)).toEqual([0, 0, 0]);
    expect(finance.fetched.length).toBe(fetchedBefore);
    // A budget smaller than one file: one file, the rest next time.
    expect(await finance.fetchFiles(1)).toBe(2);
    expect(await finance.fetchFiles()).toBe(0);
    expect(await onDesk(finance)).toEqual(await onServer());
    expect(finance.fetched.length).toBe(fetchedBefore + 3);
  });

  it('takes a file it holds already from its own row, and fetches nothing', async () => {
    if (!finance) throw new Error('the first test makes the desk');
    const before = finance.fetched.length;
    await team
      .server()
      .db.updateTable('receipts')
      .set({ mime: 'image/jpeg', version: 2 })
      .where('id', '=', receiptId(2))
      .execute();
    await finance.pull();
    expect(finance.fetched.length).toBe(before);
    const row = await finance
      .db()
      .selectFrom('receipts')
      .select(['mime', 'bytes'])
      .where('id', '=', receiptId(2))
      .executeTakeFirst();
    expect(row).toEqual({ mime: 'image/jpeg', bytes: Buffer.from([0, 255, 1, 254, 37, 80, 68, 70]) });
  });

  it('refuses content that does not match its hash: the file not written, fetched again later', async () => {
    if (!finance) throw new Error('the first test makes the desk');
    const taxi = Buffer.from('%PDF-1.7 bon van de taxi');
    await insertReceipt(4, taxi);
    await finance.pullRows();
    const cursor = await readCursor(finance.db());
    // The same size, other bytes: as a server (or something between) that sends the wrong file.
    finance.alterBlobs((content) => Buffer.alloc(content.length, 0x41));
    const refused = await finance.fetchFiles().catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(ServerRefusal);
    expect((refused as ServerRefusal).error.message).toBe(fileRefusals.tampered);
    const taxiRow = async () =>
      (await onDesk(finance as SyncDesk)).find((r) => r.id === receiptId(4))?.bytes.length;
    expect(await taxiRow()).toBe(0);
    // The rows themselves stand: the pull was done.
    expect(await readCursor(finance.db())).toBe(cursor);

    finance.alterBlobs(null);
    expect(await finance.fetchFiles()).toBe(0);
    expect(await onDesk(finance)).toEqual(await onServer());
  });
});
