/**
 * A desk's link with a real Schakel server process over HTTPS (test/support/server-process.ts), desks as real cores
 * on their own encrypted SQLite files, their background rounds on timers the test moves by hand: connecting (and
 * every way it fails changing nothing), a write made offline that waits and goes once the server is back, a second
 * desk that sees it, a sign-in made offline that gets its token later, and a revoked desk wiped at its next start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { SyncDevice, SyncStatus } from '../../../shared/sync.ts';
import { password, personInput, testKey } from '../../../test/support/harness.ts';
import { manualTimers } from '../../../test/support/manual-timers.ts';
import {
  asBeheerder,
  type Listening,
  type ServerProcess,
  serverProcess,
} from '../../../test/support/server-process.ts';
import { type Core, startCore } from '../app-core.ts';
import { readState } from './desk-link-state.ts';
import { syncIntervals } from './desk-runner.ts';
import { firstSignInOffline } from './desk-sign-in.ts';
import { deviceRefusals } from './device-auth.ts';
import { type DeviceKeyVault, keychainVault, keyElsewhereMessage } from './device-key-vault.ts';
import { clientRefusals } from './server-client.ts';

let server: ServerProcess;
let listening: Listening;
const desks: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await serverProcess();
  listening = await server.start();
  // bea (projectleider, beheerder) sets the server up; a person is there before any desk connects.
  await asBeheerder(server, true, (call) =>
    call('persons.create', personInput({ voornaam: 'Op de server' })),
  );
}, 60_000);
afterAll(async () => {
  for (const desk of desks) await desk.close();
  await server?.close();
});

const pairingCode = () =>
  asBeheerder(server, false, async (call) => ((await call('sync.pairingCode', {})) as { code: string }).code);

/** A desk as a beheerder set it up on its own: an account 'anna' and a person, signed in as client 'w'. */
async function desk(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-link-')), vault?: DeviceKeyVault) {
  let now = new Date('2026-06-01T09:00:00.000Z');
  const clock = manualTimers();
  const core: Core = await startCore(dir, {
    key: testKey,
    clock: () => now,
    timers: clock.timers,
    ...(vault ? { deviceKeyVault: vault } : {}),
  });
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    core.dispatcher.dispatch(name, input, 'w') as Promise<Result<CallOutput<N>>>;
  const ok = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const d = {
    dir,
    core,
    call,
    ok,
    db: () => core.store.db,
    later(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    /** Moves the runner's timers on and waits for the round they started. */
    async advance(ms: number) {
      d.later(ms);
      clock.advance(ms);
      await core.link.settled();
    },
    waiting: clock.waiting,
    status: () => ok('sync.status', {}),
    /** Every row of every table but the migrations', to compare before and after. */
    async snapshot() {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master
        where type = 'table' and name not like 'sqlite_%' and name <> 'schema_migrations' order by name`.execute(
        core.store.db,
      );
      const all: Record<string, unknown[]> = {};
      for (const { name } of rows)
        all[name] = (await sql`select * from ${sql.id(name)} order by 1`.execute(core.store.db)).rows;
      return all;
    },
    persons: async () =>
      (await core.store.db.selectFrom('persons').select('voornaam').orderBy('voornaam').execute()).map(
        (p) => p.voornaam,
      ),
    close: async () => {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  desks.push(d);
  return d;
}
type Desk = Awaited<ReturnType<typeof desk>>;

async function ownSetUp(d: Desk) {
  await d.ok('auth.setup', {
    organisatieNaam: 'Eigen Stichting',
    displayName: 'Anna Alleen',
    username: 'anna',
    password,
    role: 'projectleider',
  });
  await d.ok('persons.create', personInput({ voornaam: 'Eigen' }));
}

const connectInput = (code: string, changes: Partial<CallInput<'sync.connect'>> = {}) => ({
  url: listening.url,
  fingerprint: listening.fingerprint,
  code,
  naam: 'Laptop Anna',
  username: 'bea',
  password,
  meenemen: false,
  ...changes,
});

let first: Desk;
let second: Desk;
let code: string;

describe('connecting a desk', () => {
  it('changes nothing on this computer when it fails: code, fingerprint, address, password', async () => {
    first = await desk();
    await ownSetUp(first);
    const before = await first.snapshot();
    code = await pairingCode();
    const attempts: [Partial<CallInput<'sync.connect'>>, { code: string; message: RegExp | string }][] = [
      [{ code: 'AAAA-BBBB-CCCC' }, { code: 'invalid_input', message: /koppelcode/i }],
      [{ fingerprint: 'AB'.repeat(32) }, { code: 'unavailable', message: clientRefusals.wrongCertificate }],
      [{ url: 'https://127.0.0.1:1' }, { code: 'unavailable', message: clientRefusals.unreachable }],
      // The pairing takes the code; the sign-in then fails. Trying again below with the same code works.
      [{ password: 'niet het wachtwoord' }, { code: 'invalid_input', message: /wachtwoord klopt niet/ }],
    ];
    for (const [changes, expected] of attempts) {
      const r = await first.call('sync.connect', connectInput(code, changes));
      expect(r.ok ? null : r.error.code, JSON.stringify(changes)).toBe(expected.code);
      if (!r.ok) expect(r.error.message).toMatch(expected.message);
      expect(await first.snapshot()).toEqual(before);
    }
    const status = await first.status();
    expect(status).toMatchObject({ mode: 'alleen', server: null, wachtend: 0 });
    expect(status.eigenGegevens).toBeGreaterThan(2);
    // Working on its own, nothing is recorded for a server.
    await first.ok('persons.create', personInput({ voornaam: 'Nog eigen' }));
    expect(await first.db().selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
  }, 60_000);

  it('pairs over HTTPS, replaces its records with the server’s, signs everyone out, and audits it', async () => {
    // The same code as the attempt with the wrong password: that pairing is used again.
    const result = await first.ok('sync.connect', connectInput(code));
    expect(result).toEqual({ organisatie: 'Welzijn Oost', meegenomen: 0 });
    expect(await first.persons()).toEqual(['Op de server']);
    const accounts = await first.db().selectFrom('accounts').select('username').execute();
    expect(accounts.map((a) => a.username)).toEqual(['bea']);
    // Anna's account is gone: her window is signed out, and bea signs in with her server password.
    expect(await first.call('auth.me', {})).toEqual({ ok: true, value: null });
    await first.ok('auth.login', { username: 'bea', password });
    const status = await first.status();
    expect(status).toMatchObject({
      mode: 'team',
      server: { url: listening.url, organisatie: 'Welzijn Oost', apparaat: 'Laptop Anna' },
      verbinding: 'online',
      wachtend: 0,
      teVerwerken: 0,
      melding: null,
      eigenGegevens: 0,
      voortgang: null,
    });
    expect(status.bijgewerktOm).not.toBeNull();
    const audit = await first.ok('audit.list', { call: 'sync.connect' });
    expect(audit.rows[0]?.summary).toMatch(/gekoppeld aan de server van Welzijn Oost door Bea Beheer/);
    const devices = await asBeheerder(server, false, (call) => call('sync.devices', {}));
    expect((devices as SyncDevice[]).map((d) => d.naam)).toEqual(['Laptop Anna']);

    const again = await first.call('sync.connect', connectInput(await pairingCode()));
    expect(again.ok ? null : again.error.message).toMatch(/al gekoppeld/);
  }, 60_000);
});

describe('a linked desk in the background', () => {
  it('keeps a write made offline, backs off, and sends it when the server is back', async () => {
    await server.stop();
    const saved = await first.ok('persons.create', personInput({ voornaam: 'Offline' }));
    expect(first.waiting()[0]).toBe(syncIntervals.afterWrite);
    await first.advance(syncIntervals.afterWrite);
    expect(await first.status()).toMatchObject({
      verbinding: 'offline',
      wachtend: 1,
      melding: clientRefusals.unreachable,
    });
    expect(first.waiting()).toEqual([5_000]);
    await first.advance(5_000);
    expect(first.waiting()).toEqual([10_000]);
    // A write while backing off does not hurry the next try.
    const {
      status: _s,
      statusDatum: _d,
      ...fields
    } = personInput({ voornaam: 'Offline', telefoon: '06 11111111' });
    await first.ok('persons.update', { ...fields, id: saved.id, version: saved.version });
    expect(first.waiting()).toEqual([10_000]);

    listening = await server.start();
    const updatedBefore = (await first.status()).bijgewerktOm;
    await first.advance(10_000);
    const status = await first.status();
    expect(status).toMatchObject({ verbinding: 'online', wachtend: 0, melding: null });
    expect(status.bijgewerktOm).not.toBe(updatedBefore);
    expect(first.waiting()).toEqual([syncIntervals.regular]);
    const onServer = await (await server.db())
      .selectFrom('persons')
      .select(['voornaam', 'telefoon'])
      .where('id', '=', saved.id)
      .executeTakeFirst();
    expect(onServer).toEqual({ voornaam: 'Offline', telefoon: '06 11111111' });
  }, 60_000);

  it('brings the change to a second desk in its round, and shows the round’s progress', async () => {
    second = await desk();
    await ownSetUp(second);
    await second.ok('sync.connect', { ...connectInput(await pairingCode()), naam: 'Wijkcentrum' });
    await second.ok('auth.login', { username: 'bea', password });
    expect(await second.persons()).toEqual(['Offline', 'Op de server']);

    // Enough for an answer in several parts, so the progress shows between them.
    for (let i = 0; i < 30; i++)
      await first.ok(
        'persons.create',
        personInput({ voornaam: `Van de eerste ${i}`, notities: 'Notitie. '.repeat(400) }),
      );
    await first.advance(syncIntervals.afterWrite);
    expect((await first.status()).wachtend).toBe(0);
    // The second desk's regular round brings it; meanwhile its status says so, with the bytes received so far.
    const seen: SyncStatus[] = [];
    let done = false;
    const round = second.advance(syncIntervals.regular).then(() => {
      done = true;
    });
    while (!done) {
      seen.push(await second.status());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await round;
    expect(await second.persons()).toEqual(await first.persons());
    expect(await second.persons()).toHaveLength(32);
    expect(seen.some((s) => s.verbinding === 'bezig')).toBe(true);
    expect(seen.some((s) => (s.voortgang?.bytes ?? 0) > 0)).toBe(true);
    expect(await second.status()).toMatchObject({ verbinding: 'online', voortgang: null });
  }, 60_000);

  it('gets a token later for a user who signed in while the server was out of reach', async () => {
    // The server stops taking bea's token on the second desk: she signs in there again.
    await (await server.db())
      .updateTable('sync_tokens')
      .set({ revoked_at: '2026-06-01T10:00:00.000Z' })
      .where('revoked_at', 'is', null)
      .execute();
    const afterNow = await second.ok('sync.now', {});
    expect(afterNow).toMatchObject({
      verbinding: 'niet-aangemeld',
      melding: expect.stringMatching(/niet aangemeld/),
    });
    await server.stop();
    await second.ok('auth.logout', {});
    await second.ok('auth.login', { username: 'bea', password });
    await second.core.link.settled();
    expect(await second.status()).toMatchObject({ verbinding: 'niet-aangemeld' });
    // The password is kept in memory only: nothing of it in the store.
    const state = await second.db().selectFrom('sync_state').select(['key', 'value']).execute();
    expect(state.some((r) => r.value.includes(password))).toBe(false);
    expect(state.some((r) => r.key.startsWith('token:'))).toBe(false);

    listening = await server.start();
    await second.advance(second.waiting()[0] ?? 0);
    expect(await second.status()).toMatchObject({ verbinding: 'online', melding: null });
    const tokens = await second
      .db()
      .selectFrom('sync_state')
      .select('key')
      .where('key', 'like', 'token:%')
      .execute();
    expect(tokens).toHaveLength(1);
    // bea's token on the first desk was refused too: its next round finds out, and her next sign-in mends it.
    expect(await first.ok('sync.now', {})).toMatchObject({ verbinding: 'niet-aangemeld' });
    await first.ok('auth.login', { username: 'bea', password });
    await first.core.link.settled();
    expect(await first.status()).toMatchObject({ verbinding: 'online', melding: null });
  }, 60_000);

  it('wipes a revoked desk at its next start and works on its own again', async () => {
    const dir = second.dir;
    await second.core.close();
    desks.splice(desks.indexOf(second), 1);
    await asBeheerder(server, false, async (call) => {
      const devices = (await call('sync.devices', {})) as SyncDevice[];
      const wijk = devices.find((d) => d.naam === 'Wijkcentrum') as SyncDevice;
      await call('sync.revokeDevice', { id: wijk.id, version: wijk.version });
    });
    const again = await desk(dir);
    await again.advance(0);
    const left = await again.snapshot();
    const filled = Object.entries(left).filter(([table, rows]) => table !== 'audit_log' && rows.length > 0);
    expect(filled).toEqual([]);
    expect((left.audit_log as { summary: string }[]).map((a) => a.summary)).toEqual([
      expect.stringMatching(/ingetrokken; de gegevens van Schakel erop zijn gewist/),
    ]);
    const nobody = { id: 'x', username: 'x', displayName: 'x', role: 'projectleider', isBeheerder: true };
    expect(await again.core.link.status(nobody as SessionAccount)).toMatchObject({
      mode: 'alleen',
      verbinding: 'ingetrokken',
      melding: deviceRefusals.revoked,
    });
    // Whoever comes to it reads why it is empty, on the first-start screen.
    expect(await again.ok('settings.status', {})).toMatchObject({
      needsSetup: true,
      melding: deviceRefusals.revoked,
    });
    // Set up anew, it records nothing for a server and runs no rounds.
    await ownSetUp(again);
    expect(await again.db().selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
    expect(again.waiting()).toEqual([]);
  }, 60_000);
});

describe('a device key kept by the keychain (as under Electron)', () => {
  /**
   * Stands for the operating system's keychain behind Electron's safeStorage, which cannot run here: a secret only
   * this test holds seals and opens (AES-256-GCM). The vault around it is the one the Electron shell uses.
   */
  const secret = crypto.randomBytes(32);
  const keychain = {
    encryptString(plain: string) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };

  it('is stored sealed; opened elsewhere the desk keeps its changes until the keychain is back', async () => {
    const vault = keychainVault(keychain);
    const laptop = await desk(undefined, vault);
    await ownSetUp(laptop);
    await laptop.ok('sync.connect', connectInput(await pairingCode(), { naam: 'Laptop sleutelbos' }));
    await laptop.ok('auth.login', { username: 'bea', password });
    await laptop.advance(0);
    expect(await laptop.status()).toMatchObject({ verbinding: 'online' });
    const stored = await readState(laptop.db(), 'device.key');
    expect(stored).toMatch(/^sleutelbos:/);
    const { dir } = laptop;
    await laptop.core.close();
    desks.splice(desks.indexOf(laptop), 1);

    // The same data folder without that keychain (the browser host): no contact, the change waits, said in Dutch.
    const elsewhere = await desk(dir);
    await elsewhere.ok('auth.login', { username: 'bea', password });
    await elsewhere.ok('persons.create', personInput({ voornaam: 'Zonder', achternaam: 'Sleutelbos' }));
    await elsewhere.advance(60_000);
    expect(await elsewhere.status()).toMatchObject({
      mode: 'team',
      verbinding: 'offline',
      wachtend: 1,
      melding: keyElsewhereMessage,
    });
    expect(elsewhere.waiting()).toEqual([]);
    await elsewhere.core.close();
    desks.splice(desks.indexOf(elsewhere), 1);

    // With the keychain again, the waiting change goes to the server.
    const back = await desk(dir, vault);
    await back.ok('auth.login', { username: 'bea', password });
    await back.advance(0);
    expect(await back.status()).toMatchObject({ verbinding: 'online', wachtend: 0, melding: null });
    const onServer = await asBeheerder(server, false, (call) =>
      call('persons.list', { search: 'Sleutelbos' }),
    );
    expect(JSON.stringify(onServer)).toContain('Zonder');
  }, 60_000);

  it('is sealed at the first start with the keychain of a desk linked in the browser host', async () => {
    const plain = await desk();
    await ownSetUp(plain);
    await plain.ok('sync.connect', connectInput(await pairingCode(), { naam: 'Eerst in de browser' }));
    const key = await readState(plain.db(), 'device.key');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { dir } = plain;
    await plain.core.close();
    desks.splice(desks.indexOf(plain), 1);

    const sealed = await desk(dir, keychainVault(keychain));
    const stored = await readState(sealed.db(), 'device.key');
    expect(stored).toMatch(/^sleutelbos:/);
    expect(stored).not.toContain(key);
    await sealed.ok('auth.login', { username: 'bea', password });
    await sealed.advance(0);
    expect(await sealed.status()).toMatchObject({ verbinding: 'online', melding: null });
  }, 60_000);
});

describe('a desk that takes its own records along', () => {
  it('queues them for the server when connecting, pushes them in its first round and gets them back from there', async () => {
    const own = await desk();
    await ownSetUp(own);
    const meegenomen = await own.ok('persons.create', personInput({ voornaam: 'Meegenomen' }));
    const { eigenGegevens } = await own.status();
    const result = await own.ok('sync.connect', {
      ...connectInput(await pairingCode()),
      naam: 'Kantoor',
      meenemen: true,
    });
    // Anna's own account stays behind (bea connects): every other record goes.
    expect(result).toEqual({ organisatie: 'Welzijn Oost', meegenomen: eigenGegevens });
    await own.ok('auth.login', { username: 'bea', password });
    expect(await own.status()).toMatchObject({ mode: 'team', wachtend: 0, teVerwerken: 0 });
    const onServer = await (await server.db())
      .selectFrom('persons')
      .select(['id', 'voornaam'])
      .where('voornaam', 'in', ['Eigen', 'Meegenomen'])
      .orderBy('voornaam')
      .execute();
    const bea = await (await server.db())
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'bea')
      .executeTakeFirstOrThrow();
    expect(onServer.map((p) => p.voornaam)).toEqual(['Eigen', 'Meegenomen']);
    expect(onServer.find((p) => p.voornaam === 'Meegenomen')?.id).toBe(meegenomen.id);
    // Their history came along, now under bea's account on the server (Anna's was the beheerder's account here).
    const made = await (await server.db())
      .selectFrom('audit_log')
      .select('account_id')
      .where('call', '=', 'persons.create')
      .where('record_id', '=', meegenomen.id)
      .execute();
    expect(made).toEqual([{ account_id: bea.id }]);
    // This desk holds them again, as the server has them, beside what was there already.
    expect(await own.persons()).toEqual(expect.arrayContaining(['Eigen', 'Meegenomen', 'Op de server']));
    const audit = await own.ok('audit.list', { call: 'sync.connect' });
    expect(audit.rows[0]?.summary).toMatch(/gaan mee naar de server/);
  }, 60_000);
});

describe('another user on a linked desk', () => {
  it('is checked by the server the first time, then also offline; the copy becomes theirs', async () => {
    await asBeheerder(server, false, async (call) => {
      for (const [username, role] of [
        ['ada', 'administrateur'],
        ['piet', 'begeleider'],
      ] as const)
        await call('accounts.create', {
          displayName: username,
          username,
          role,
          isBeheerder: false,
          password,
        });
      const { rows } = (await call('persons.list', { search: 'Sleutelbos' })) as { rows: { id: string }[] };
      await call('begeleiding.addLogEntry', {
        personId: rows[0]?.id,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-05-30',
        duurMinuten: 30,
        samenvatting: 'Gesprek',
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      });
    });
    const lap = await desk();
    await ownSetUp(lap);
    await lap.ok('sync.connect', { ...connectInput(await pairingCode()), naam: 'Laptop Ada' });
    const logEntries = async () => (await lap.db().selectFrom('log_entries').select('id').execute()).length;
    // Pulled as bea, the projectleider who connected it.
    expect(await logEntries()).toBeGreaterThan(0);

    // Ada's password hash never came to this desk: the server checks it.
    await lap.ok('auth.login', { username: 'ada', password });
    await lap.core.link.settled();
    expect(await lap.status()).toMatchObject({ verbinding: 'online', melding: null });
    await lap.ok('sync.now', {});
    // Her copy: no begeleidingslog on the administrateur's laptop, the people still there.
    expect(await logEntries()).toBe(0);
    expect(await lap.persons()).toContain('Op de server');

    await server.stop();
    await lap.ok('auth.logout', {});
    // Offline, her second sign-in is checked here; a wrong password is refused here too.
    await lap.ok('auth.login', { username: 'ada', password });
    await lap.ok('auth.logout', {});
    const wrong = await lap.call('auth.login', { username: 'ada', password: 'niet het wachtwoord' });
    expect(wrong.ok ? null : wrong.error.message).toBe('Gebruikersnaam of wachtwoord klopt niet.');
    // Piet never signed in here: that waits for the server.
    const piet = await lap.call('auth.login', { username: 'piet', password });
    expect(piet.ok ? null : piet.error.message).toBe(firstSignInOffline);
    listening = await server.start();
    await lap.ok('auth.login', { username: 'piet', password });
  }, 90_000);
});
