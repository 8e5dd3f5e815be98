/**
 * A desk that worked alone takes its records to a PostgreSQL server: the demo's organisation (people, contracts
 * with their PDFs, claims with receipts, begeleiding, scholing, inzet, accounts) queued as sync.importRows commands,
 * pushed through the real push services, and found on the server as the desk held it, the beheerder under the
 * server's id. Another desk pulls the people; a repeated push changes nothing; hostile imports are refused whole.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { CommandResult, PushedCommand } from '../../../shared/sync.ts';
import { fingerprint } from '../../../test/support/fuzz.ts';
import { testKey } from '../../../test/support/harness.ts';
import { syncDesk } from '../../../test/support/sync-desk.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { toSessionAccount } from '../accounts/account-rows.ts';
import { type Core, startCore } from '../app-core.ts';
import { demoPassword, seedDemo } from '../demo/seed.ts';
import type { DB } from '../store/schema.ts';
import { asPushed, readOutbox } from './desk-outbox.ts';
import { pushOutbox } from './desk-push.ts';
import {
  parentsFirst,
  queueUpload,
  referredFirst,
  uploadableRows,
  uploadCommandBytes,
} from './desk-upload.ts';
import { applyPush, type Pusher } from './server-push.ts';
import { uploadTables } from './upload-tables.ts';
import { encodeBytes } from './wire-rows.ts';

const today = '2026-11-25';
let team: SyncTeam;
let dir: string;
/** The lone desk: the demo organisation, seeded through its real calls, never connected. */
let lone: Core;
let deskBeheerder: string;
let bea: SessionAccount;
let queued: number;
let upload: PushedCommand[];
let pushedAs: Pusher;

const overWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const server = () => team.server(0);
const push = async (commands: PushedCommand[], who: Pusher = pushedAs): Promise<CommandResult[]> =>
  overWire(await applyPush(server(), who, commands)).results;
const importing = (input: unknown): PushedCommand => ({
  id: v7(),
  call: 'sync.importRows',
  input,
  now: '2026-11-26T09:00:00.000Z',
  ids: [],
});

beforeAll(async () => {
  team = await syncTeam();
  const row = await server()
    .db.selectFrom('accounts')
    .selectAll()
    .where('username', '=', 'bea')
    .executeTakeFirstOrThrow();
  bea = toSessionAccount(row);
  pushedAs = { account: bea, deviceId: 'desk-alleen' };

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-lone-desk-'));
  let tick = 0;
  const start = Date.parse(`${today}T08:00:00.000Z`);
  lone = await startCore(dir, { key: testKey, clock: () => new Date(start + 1000 * tick++) });
  await seedDemo(lone.dispatcher, 16, today);
  await scannedReceipts();
  deskBeheerder = (
    await lone.store.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'annelies')
      .executeTakeFirstOrThrow()
  ).id;
  queued = await lone.store.db.transaction().execute((transaction) =>
    queueUpload(transaction, {
      accountId: deskBeheerder,
      serverAccount: bea,
      now: '2026-11-26T08:00:00.000Z',
    }),
  );
  upload = (await readOutbox(lone.store.db, 1_000_000)).map(asPushed);
}, 120_000);
/**
 * Two claims with large scans (1.2 MB each, photographed till receipts) beside the demo's small ones: too large to
 * travel together in one command.
 */
async function scannedReceipts() {
  const login = await lone.dispatcher.dispatch(
    'auth.login',
    { username: 'annelies', password: demoPassword },
    'annelies',
  );
  expect(login.ok).toBe(true);
  const { person_id: personId } = await lone.store.db
    .selectFrom('claims')
    .select('person_id')
    .where('soort', '=', 'ov')
    .executeTakeFirstOrThrow();
  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_200_000)]).toString('base64');
  for (const datum of ['2026-11-18', '2026-11-19']) {
    const made = await lone.dispatcher.dispatch(
      'claims.create',
      {
        personId,
        datum,
        soort: 'ov',
        omschrijving: 'Treinkaartje naar de cursus',
        van: null,
        naar: null,
        km: null,
        minuten: null,
        bedragCents: 12_40,
        bonnen: [{ base64: scan }],
      },
      'annelies',
    );
    if (!made.ok) throw new Error(made.error.message);
  }
}

afterAll(async () => {
  await lone?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await team?.close();
});

/** A table's rows as the server should hold them: bytes as on the wire, the desk's beheerder as the server's. */
async function rowsOf(db: Kysely<DB>, table: string, ids: string[]) {
  const rows = await db
    .selectFrom(table as 'persons')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((r) => overWire(encodeBytes(r)));
}

describe("a lone desk's upload", () => {
  it('queues every data table, parents first, in commands of bounded size, as the server account', async () => {
    const outbox = await readOutbox(lone.store.db, 1_000_000);
    expect(queued).toBe(await uploadableRows(lone.store.db, deskBeheerder));
    expect(outbox.every((c) => c.account_id === bea.id && c.call === 'sync.importRows')).toBe(true);
    const tables = upload.map((c) => (c.input as { table: string }).table);
    for (const needed of [
      'accounts',
      'persons',
      'contracts',
      'claims',
      'receipts',
      'log_entries',
      'audit_log',
      'settings',
    ])
      expect(tables).toContain(needed);
    expect(tables.some((t) => t.startsWith('sync_') || t === 'schema_migrations')).toBe(false);
    expect(tables.indexOf('persons')).toBeLessThan(tables.indexOf('contracts'));
    expect(tables.indexOf('claims')).toBeLessThan(tables.indexOf('receipts'));
    expect(tables.lastIndexOf('accounts')).toBeLessThan(tables.indexOf('persons'));
    // A command stays within its budget unless one row alone is larger: the two scans travel apart.
    const receipts = outbox.filter((c) => JSON.parse(c.input).table === 'receipts');
    expect(receipts.length).toBeGreaterThanOrEqual(2);
    for (const c of outbox)
      if (JSON.parse(c.input).rows.length > 1) expect(c.input.length).toBeLessThanOrEqual(uploadCommandBytes);
    const rows = receipts.map((c) => JSON.parse(c.input).rows.length as number);
    expect(rows.reduce((a, b) => a + b)).toBe(
      Number(
        (
          await lone.store.db
            .selectFrom('receipts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    // The desk's beheerder travels as the server's: not sent, and named nowhere.
    const all = outbox.map((c) => c.input).join('');
    expect(all).not.toContain(deskBeheerder);
    expect(all).toContain(bea.id);
  });

  it('orders tables by their foreign keys and names the columns by which a table refers to itself', async () => {
    await lone.store.db.transaction().execute(async (t) => {
      const order = await parentsFirst(t, ['receipts', 'claims', 'persons', 'contracts', 'accounts']);
      expect(order.map((o) => o.table)).toEqual(['accounts', 'persons', 'contracts', 'claims', 'receipts']);
      expect(order.find((o) => o.table === 'contracts')?.selfReferences).toEqual(['vorige_id']);
    });
  });

  it('sends a row of a table that refers to itself after the row it refers to, whatever their ids', () => {
    const rows = [
      { id: 'a', vorige_id: 'c' },
      { id: 'b', vorige_id: null },
      { id: 'c', vorige_id: 'b' },
      { id: 'd', vorige_id: 'elders' },
    ];
    expect(referredFirst(rows, ['vorige_id'])).toEqual(['b', 'c', 'a', 'd']);
  });

  it('is applied whole on the server: the same rows, table by table, and the derived allowance', async () => {
    const summary = await pushOutbox(lone.store.db, async (commands, accountId) => {
      expect(accountId).toBe(bea.id);
      return { results: await push(commands) };
    });
    expect(summary).toEqual({ toegepast: upload.length, afgewezen: 0, conflict: 0, wachtend: 0 });

    const swap = (text: string) => text.replaceAll(deskBeheerder, bea.id);
    for (const table of (await uploadTables(lone.store.db)).keys()) {
      const ids = (
        await lone.store.db
          .selectFrom(table as 'persons')
          .select('id')
          .execute()
      )
        .map((r) => r.id)
        .filter((id) => id !== deskBeheerder);
      if (ids.length === 0) continue;
      const onDesk = JSON.parse(swap(JSON.stringify(await rowsOf(lone.store.db, table, ids))));
      const onServer = await rowsOf(server().db, table, ids);
      // The organisation's settings replace the server's own row: a new version of it, as of the push.
      const unversioned = (rows: Record<string, unknown>[]) =>
        rows.map(({ version: _v, updated_at: _u, ...rest }) => rest);
      if (table === 'settings') expect(unversioned(onServer), table).toEqual(unversioned(onDesk));
      else expect(onServer, table).toEqual(onDesk);
    }
    const personIds = (await lone.store.db.selectFrom('persons').select('id').execute()).map((p) => p.id);
    const allowance = (db: Kysely<DB>) =>
      db
        .selectFrom('granted_allowance')
        .select(['person_id', 'period', 'cents'])
        .where('person_id', 'in', personIds)
        .orderBy('person_id')
        .orderBy('period')
        .execute();
    const granted = await allowance(lone.store.db);
    expect(granted.length).toBeGreaterThan(0);
    expect((await allowance(server().db)).map((g) => ({ ...g, cents: Number(g.cents) }))).toEqual(granted);
    // The log keeps which rows came in, not a second copy of them (password hashes, receipts).
    const logged = await server()
      .db.selectFrom('audit_log')
      .select('input')
      .where('call', '=', 'sync.importRows')
      .where('input', '<>', 'null')
      .execute();
    expect(logged).toHaveLength(upload.length);
    expect(logged.every((l) => !l.input.includes('password_hash') && !l.input.includes('$bytes'))).toBe(true);
  });

  it("reaches another desk's pull: the projectleider sees the people and signs the desk's users in by name", async () => {
    const leider = await syncDesk(team, 'projectleider');
    try {
      const people = await leider.ok('persons.list', { pageSize: 200 });
      const names = (await lone.store.db.selectFrom('persons').select('voornaam').execute()).map(
        (p) => p.voornaam,
      );
      expect(people.rows.map((p) => p.voornaam).sort()).toEqual(expect.arrayContaining(names.sort()));
      const usernames = (await leider.db().selectFrom('accounts').select('username').execute()).map(
        (a) => a.username,
      );
      expect(usernames).toEqual(expect.arrayContaining(['bea', 'marco', 'samira', 'johan']));
      expect(usernames).not.toContain('annelies');
    } finally {
      await leider.close();
    }
  });

  it('changes nothing when pushed again, or queued again', async () => {
    const before = await fingerprint(server().db, ['sync_commands']);
    const again = await push(upload);
    expect(again.every((r) => r.outcome === 'toegepast')).toBe(true);
    expect(await fingerprint(server().db, ['sync_commands'])).toEqual(before);

    const twice = await lone.store.db.transaction().execute((transaction) =>
      queueUpload(transaction, {
        accountId: deskBeheerder,
        serverAccount: bea,
        now: '2026-11-27T08:00:00.000Z',
      }),
    );
    expect(twice).toBe(queued);
    const refused = await push((await readOutbox(lone.store.db, 1_000_000)).map(asPushed));
    expect(refused.every((r) => r.outcome === 'afgewezen')).toBe(true);
    // The settings came once: the server's are no longer as its setup left them.
    expect(refused.map((r) => r.message)).toContainEqual(
      expect.stringMatching(/^De instellingen van de organisatie zijn op de server al gewijzigd/),
    );
    expect(refused[0]?.message).toMatch(
      /^Rij .+ van tabel accounts bestaat al op de server\. Er is niets overgenomen\.$/,
    );
    expect(await fingerprint(server().db, ['sync_commands'])).toEqual(before);
  });
});

describe('sync.importRows on the server', () => {
  it('refuses what could not have come from a desk, in Dutch, naming it, and writes nothing', async () => {
    const before = await fingerprint(server().db, ['sync_commands']);
    const person = await server().db.selectFrom('persons').selectAll().limit(1).executeTakeFirstOrThrow();
    const fresh = { ...person, id: v7() };
    const account = await server()
      .db.selectFrom('accounts')
      .selectAll()
      .where('username', '=', 'marco')
      .executeTakeFirstOrThrow();
    const cases: [PushedCommand, RegExp, Pusher?][] = [
      [importing({ table: 'bestaat_niet', rows: [{ id: v7() }] }), /^Tabel bestaat_niet kan niet/],
      [importing({ table: 'sync_devices', rows: [{ id: v7(), naam: 'x' }] }), /^Tabel sync_devices kan niet/],
      [importing({ table: 'schema_migrations', rows: [{ id: v7() }] }), /^Tabel schema_migrations kan niet/],
      [
        importing({ table: 'settings', rows: [{ id: v7(), naam: 'x' }] }),
        /^Tabel settings neemt alleen de instellingen van de organisatie over\./,
      ],
      [
        importing({ table: 'persons', rows: [{ ...fresh, geheim: 1 }] }),
        /^Kolom geheim bestaat niet in tabel persons\./,
      ],
      [
        importing({ table: 'persons', rows: [fresh, person] }),
        new RegExp(`^Rij ${person.id} van tabel persons bestaat al op de server\\.`),
      ],
      [importing({ table: 'persons', rows: [fresh, fresh] }), /staat twee keer in deze opdracht/],
      [
        importing({ table: 'persons', rows: [{ ...fresh, notities: { $bytes: 'AA==' } }] }),
        /^Kolom notities van tabel persons heeft een waarde/,
      ],
      [
        importing({ table: 'persons', rows: [{ ...fresh, begeleider_id: v7() }] }),
        /^Een rij van tabel persons verwijst naar iets dat niet op de server staat/,
      ],
      [
        importing({ table: 'accounts', rows: [{ ...account, id: v7() }] }),
        /^De gebruikersnaam marco bestaat al op de server\./,
      ],
      [importing({ table: 'persons', rows: [fresh] }), /^Geen toegang/, team.pushers.projectleider],
    ];
    for (const [command, message, who] of cases) {
      const [result] = await push([command], who);
      expect(result?.outcome, String(message)).toBe('afgewezen');
      expect(result?.message).toMatch(message);
    }
    expect(await fingerprint(server().db, ['sync_commands'])).toEqual(before);
  });
});
