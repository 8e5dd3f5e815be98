/**
 * Files reach a desk by their hash against a real PostgreSQL server (in-process services): a pulled page names each
 * receipt by its SHA-256, the desk fetches each content once and writes the same bytes; content that does not match
 * its hash is refused with nothing of the page applied.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '../../../test/support/harness.ts';
import { type SyncDesk, syncDesk } from '../../../test/support/sync-desk.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { blobRefusal } from './desk-blobs.ts';
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
  it('arrive byte for byte on a first download, the same file in two rows fetched once', async () => {
    const trein = Buffer.from('%PDF-1.7 bon van de trein, Utrecht–Zwolle');
    const bus = Buffer.from([0, 255, 1, 254, 37, 80, 68, 70]);
    await insertReceipt(1, trein);
    await insertReceipt(2, bus);
    // The same scan attached twice.
    await insertReceipt(3, trein);
    finance = await syncDesk(team, 'administrateur');
    expect(await onDesk(finance)).toEqual(await onServer());
    expect((await onDesk(finance)).map((r) => Buffer.isBuffer(r.bytes))).toEqual([true, true, true]);
    expect(finance.fetched.toSorted()).toEqual([sha256(trein), sha256(bus)].toSorted());
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

  it('refuses content that does not match its hash: nothing of the page applied, the cursor where it was', async () => {
    if (!finance) throw new Error('the first test makes the desk');
    const taxi = Buffer.from('%PDF-1.7 bon van de taxi');
    await insertReceipt(4, taxi);
    await team
      .server()
      .db.updateTable('claims')
      .set({ omschrijving: 'Bonnen en taxi', version: 2 })
      .where('id', '=', claimId)
      .execute();
    const cursor = await readCursor(finance.db());
    // The same size, other bytes: as a server (or something between) that sends the wrong file.
    finance.alterBlobs((content) => Buffer.alloc(content.length, 0x41));
    const refused = await finance.pull().catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(ServerRefusal);
    expect((refused as ServerRefusal).error.message).toBe(blobRefusal);
    expect(await readCursor(finance.db())).toBe(cursor);
    expect((await onDesk(finance)).map((r) => r.id)).toEqual([receiptId(1), receiptId(2), receiptId(3)]);
    const claim = await finance
      .db()
      .selectFrom('claims')
      .select('omschrijving')
      .where('id', '=', claimId)
      .executeTakeFirst();
    expect(claim?.omschrijving).toBe('Bonnen');

    finance.alterBlobs(null);
    await finance.pull();
    expect(await onDesk(finance)).toEqual(await onServer());
    expect(await readCursor(finance.db())).toBeGreaterThan(cursor);
  });
});
