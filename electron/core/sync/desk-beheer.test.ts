import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskCore } from '../../../test/support/desk-core.ts';
import { password, personInput } from '../../../test/support/harness.ts';
import {
  asBeheerder,
  type Listening,
  type ServerProcess,
  serverProcess,
} from '../../../test/support/server-process.ts';
import { selfRevokeMessage } from '../../server/sync-routes.ts';
import { beheerRefusals } from './desk-beheer.ts';
import { deviceRefusals } from './device-auth.ts';

let server: ServerProcess;
let listening: Listening;
const desks: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await serverProcess();
  listening = await server.start();
  await asBeheerder(server, true, async (call) => {
    await call('persons.create', personInput({ voornaam: 'Op de server' }));
    await call('accounts.create', {
      displayName: 'Piet Begeleider',
      username: 'piet',
      role: 'begeleider',
      isBeheerder: false,
      password,
    });
  });
}, 60_000);
afterAll(async () => {
  for (const desk of desks) await desk.close();
  await server?.close();
});

/** A desk set up on its own (deskCore), connected as bea with `connect(code, naam)`. */
async function desk() {
  const d = await deskCore();
  desks.push(d);
  return {
    ...d,
    /** What this desk keeps for the server: nothing of the beheerder's calls, ever. */
    outbox: () => d.core.store.db.selectFrom('sync_outbox').select('call').execute(),
    connect: (code: string, naam: string) => d.connect(listening, code, naam),
  };
}
type Desk = Awaited<ReturnType<typeof desk>>;

const pairingCode = () =>
  asBeheerder(server, false, async (call) => ((await call('sync.pairingCode', {})) as { code: string }).code);

let kantoor: Desk;
let laptop: Desk;

describe('the beheerder on a linked desk', () => {
  it('lists every desk with its last contact, this computer among them', async () => {
    kantoor = await desk();
    await kantoor.connect(await pairingCode(), 'Kantoor');
    laptop = await desk();
    await laptop.connect(await pairingCode(), 'Laptop');

    const devices = await kantoor.ok('sync.devices', {});
    expect(devices.map((d) => d.naam)).toEqual(['Laptop', 'Kantoor']);
    for (const device of devices) {
      expect(device).toMatchObject({ pairedBy: 'Bea Beheer', revokedAt: null, version: 1 });
      // The server's clock, not the desk's: the contact is the server's to note.
      expect(Date.now() - Date.parse(device.lastContactAt ?? '')).toBeLessThan(60_000);
    }
    const status = await kantoor.ok('sync.status', {});
    expect(devices.find((d) => d.naam === 'Kantoor')?.id).toBe(status.server?.apparaatId);
    // Nothing of it is kept here: the list is the server's.
    expect(await kantoor.core.store.db.selectFrom('sync_devices').selectAll().execute()).toEqual([]);
  }, 90_000);

  it('makes a pairing code with which a third desk connects, and keeps nothing of it here', async () => {
    const made = await kantoor.ok('sync.pairingCode', {});
    expect(made.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await kantoor.outbox()).toEqual([]);
    expect(await kantoor.core.store.db.selectFrom('sync_pairing_codes').selectAll().execute()).toEqual([]);

    const derde = await desk();
    await derde.connect(made.code, 'Balie');
    expect((await kantoor.ok('sync.devices', {})).map((d) => d.naam)).toEqual(['Balie', 'Laptop', 'Kantoor']);
    // The server's audit log has the code, made by bea, as any call of hers there.
    const audit = await (await server.db())
      .selectFrom('audit_log')
      .innerJoin('accounts', 'accounts.id', 'audit_log.account_id')
      .select(['accounts.username', 'audit_log.summary'])
      .where('audit_log.call', '=', 'sync.pairingCode')
      .orderBy('audit_log.at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: 'bea', summary: expect.stringMatching(/^Koppelcode gemaakt/) });
  }, 90_000);

  it('revokes the laptop, which is refused and wiped at its next round; this computer it does not revoke', async () => {
    const devices = await kantoor.ok('sync.devices', {});
    const own = devices.find((d) => d.naam === 'Kantoor');
    const self = await kantoor.call('sync.revokeDevice', { id: own?.id ?? '', version: own?.version ?? 1 });
    expect(self).toEqual({ ok: false, error: { code: 'invalid_input', message: selfRevokeMessage } });

    const lost = devices.find((d) => d.naam === 'Laptop');
    const saved = await kantoor.ok('sync.revokeDevice', { id: lost?.id ?? '', version: lost?.version ?? 1 });
    expect(saved).toEqual({ id: lost?.id, version: (lost?.version ?? 1) + 1 });
    expect(await kantoor.outbox()).toEqual([]);
    const after = (await kantoor.ok('sync.devices', {})).find((d) => d.naam === 'Laptop');
    expect(after?.revokedAt).not.toBeNull();
    const again = await kantoor.call('sync.revokeDevice', { id: lost?.id ?? '', version: saved.version });
    expect(again.ok ? null : again.error.message).toBe('Deze werkplek is al ingetrokken.');

    expect(await laptop.ok('persons.list', {})).toMatchObject({ total: 1 });
    const status = await laptop.ok('sync.now', {});
    expect(status).toMatchObject({
      mode: 'alleen',
      verbinding: 'ingetrokken',
      melding: deviceRefusals.revoked,
    });
    expect(await laptop.core.store.db.selectFrom('persons').selectAll().execute()).toEqual([]);
    // The office desk works on as before.
    expect(await kantoor.ok('sync.now', {})).toMatchObject({ mode: 'team', verbinding: 'online' });
  }, 90_000);

  it('refuses another role on the desk, as the server would', async () => {
    await kantoor.ok('auth.logout', {});
    await kantoor.ok('auth.login', { username: 'piet', password });
    for (const [name, input] of [
      ['sync.devices', {}],
      ['sync.pairingCode', {}],
    ] as const) {
      const r = await kantoor.call(name, input);
      expect(r.ok ? null : r.error.code, name).toBe('forbidden');
    }
    await kantoor.ok('auth.logout', {});
    await kantoor.ok('auth.login', { username: 'bea', password });
  }, 60_000);

  it('says so when the server is out of reach, and queues nothing', async () => {
    await server.stop();
    try {
      for (const [name, input] of [
        ['sync.devices', {}],
        ['sync.pairingCode', {}],
        ['sync.revokeDevice', { id: '019abcde-0000-7000-8000-000000000001', version: 1 }],
      ] as const) {
        const r = await kantoor.call(name, input);
        expect(r, name).toEqual({
          ok: false,
          error: { code: 'unavailable', message: beheerRefusals.unreachable },
        });
      }
      expect(await kantoor.outbox()).toEqual([]);
      expect((await kantoor.ok('sync.status', {})).wachtend).toBe(0);
    } finally {
      listening = await server.start();
    }
    expect((await kantoor.ok('sync.devices', {})).length).toBe(3);
  }, 60_000);
});

describe('a desk working alone', () => {
  it('refuses the calls about the server’s desks, and changes nothing', async () => {
    const alone = await desk();
    for (const [name, input] of [
      ['sync.devices', {}],
      ['sync.pairingCode', {}],
      ['sync.revokeDevice', { id: '019abcde-0000-7000-8000-000000000001', version: 1 }],
    ] as const) {
      const r = await alone.call(name, input);
      expect(r, name).toEqual({ ok: false, error: { code: 'invalid_input', message: beheerRefusals.alone } });
    }
    expect(await alone.core.store.db.selectFrom('sync_pairing_codes').selectAll().execute()).toEqual([]);
    expect(await alone.outbox()).toEqual([]);
  }, 60_000);
});
