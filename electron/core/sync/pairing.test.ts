import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, password } from '../../../test/support/harness.ts';
import { StoredLoginThrottle } from '../auth/stored-login-throttle.ts';
import { Failure } from '../failure.ts';
import { authenticateDevice, deviceRefusals, recordContact } from './device-auth.ts';
import { pairDevice, pairingRefusals } from './pairing.ts';
import { hashSecret, normalisePairingCode } from './secrets.ts';
import { authenticateUser, signedOutMessage, signIn } from './user-sign-in.ts';

let h: Harness;
// The server's limits, kept in its database: pairing codes and passwords each counted on their own.
let codes: StoredLoginThrottle;
let throttle: StoredLoginThrottle;
const at = '2026-11-25T10:00:00.000Z';

beforeEach(async () => {
  // The server's store: on a desk these calls go to the server (desk-beheer.ts).
  h = await harness(at, 'postgres');
  await h.withTeam();
  codes = new StoredLoginThrottle(h.core.store.db, 'koppelcode');
  throttle = new StoredLoginThrottle(h.core.store.db, 'wachtwoord');
});
afterEach(() => h.close());

const db = () => h.core.store.db;
const pair = (code: string, naam = 'Laptop Fatima', now = at) =>
  pairDevice(db(), codes.forClient('198.51.100.7'), { code, naam }, now);

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  const thrown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(thrown instanceof Failure)) throw new Error(`expected a refusal, got ${String(thrown)}`);
  return thrown.error;
}

describe('pairing codes', () => {
  it('are made by the beheerder only: three groups of four unambiguous characters, kept as a hash', async () => {
    const made = await h.ok('beheer', 'sync.pairingCode', {});
    expect(made.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(made.expiresAt).toBe('2026-11-25T10:15:00.000Z');
    const rows = await db().selectFrom('sync_pairing_codes').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).toBe(hashSecret(normalisePairingCode(made.code)));
    expect(JSON.stringify(rows)).not.toContain(made.code.slice(0, 4));
    for (const role of ['projectleider', 'begeleider', 'administrateur'] as const) {
      const r = await h.call(role, 'sync.pairingCode', {});
      expect(r.ok ? null : r.error.code).toBe('forbidden');
    }
  });

  it('pair a desk once: a device key returned once and stored as a hash, the code used up', async () => {
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    // Typed by hand: lower case, without dashes, with spaces.
    const paired = await pair(` ${code.toLowerCase().replaceAll('-', ' ')} `);
    expect(paired.organisatie).toBe('Welzijn Oost');
    expect(paired.deviceKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const device = await db().selectFrom('sync_devices').selectAll().executeTakeFirstOrThrow();
    expect(device).toMatchObject({
      id: paired.deviceId,
      naam: 'Laptop Fatima',
      paired_at: at,
      revoked_at: null,
    });
    expect(device.key_hash).toBe(hashSecret(paired.deviceKey));
    const audit = await db().selectFrom('audit_log').selectAll().where('call', '=', 'sync.pair').execute();
    expect(audit.map((a) => a.summary)).toEqual(['Werkplek gekoppeld: Laptop Fatima']);
    expect(audit[0]?.input).not.toContain(code);

    expect(await refusal(pair(code))).toMatchObject({
      code: 'unauthenticated',
      message: pairingRefusals.used,
    });
    expect(await db().selectFrom('sync_devices').select('id').execute()).toHaveLength(1);
  });

  it('refuse a wrong or expired code in Dutch, and write nothing', async () => {
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    expect(await refusal(pair('ABCD-EFGH-JKMN'))).toMatchObject({ message: pairingRefusals.unknown });
    const late = '2026-11-25T10:15:00.000Z';
    expect(await refusal(pair(code, 'Laptop', late))).toMatchObject({ message: pairingRefusals.expired });
    expect(await db().selectFrom('sync_devices').select('id').execute()).toEqual([]);
    const row = await db().selectFrom('sync_pairing_codes').selectAll().executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it('slow down guessing: after two wrong codes even the right one waits', async () => {
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    await refusal(pair('ABCD-EFGH-JKMN'));
    await refusal(pair('ABCD-EFGH-JKMP'));
    await refusal(pair('ABCD-EFGH-JKMQ'));
    const throttled = await refusal(pair(code));
    expect(throttled).toMatchObject({ code: 'rate_limited' });
    expect(throttled.message).toMatch(
      /^Te veel mislukte pogingen\. Probeer het over \d+ seconden opnieuw\.$/,
    );
    // A guesser from another address meets the same wait: the limit is on the codes, not on who sends them.
    const elsewhere = pairDevice(db(), codes.forClient('203.0.113.9'), { code, naam: 'X' }, at);
    expect(await refusal(elsewhere)).toMatchObject({ code: 'rate_limited' });
    const later = '2026-11-25T10:00:03.000Z';
    await expect(pair(code, 'Laptop', later)).resolves.toMatchObject({ organisatie: 'Welzijn Oost' });
  });
});

describe('a paired desk', () => {
  async function pairedDesk() {
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    const paired = await pair(code);
    return { ...paired, header: `Schakel-Device ${paired.deviceId}.${paired.deviceKey}` };
  }

  it('proves itself with its key; a missing, malformed or wrong key is refused', async () => {
    const desk = await pairedDesk();
    await expect(authenticateDevice(db(), desk.header)).resolves.toEqual({
      id: desk.deviceId,
      naam: 'Laptop Fatima',
      lastContactAt: at,
    });
    const other = `Schakel-Device ${desk.deviceId}.${'A'.repeat(43)}`;
    for (const header of [
      undefined,
      '',
      'Bearer x',
      `Schakel-Device ${desk.deviceId}`,
      other,
      `${desk.header}.x`,
    ]) {
      expect(await refusal(authenticateDevice(db(), header))).toEqual({
        code: 'unauthenticated',
        message: deviceRefusals.unknown,
      });
    }
  });

  it('has its last contact noted at most once a minute', async () => {
    const desk = await pairedDesk();
    const contact = async () =>
      (await db().selectFrom('sync_devices').select('last_contact_at').executeTakeFirstOrThrow())
        .last_contact_at;
    const device = await authenticateDevice(db(), desk.header);
    await recordContact(db(), device, '2026-11-25T10:00:30.000Z');
    expect(await contact()).toBe(at);
    await recordContact(db(), device, '2026-11-25T10:01:01.000Z');
    expect(await contact()).toBe('2026-11-25T10:01:01.000Z');
    // The statement itself notes nothing fresher than a minute, whatever the caller read before.
    await recordContact(db(), { id: desk.deviceId, lastContactAt: null }, '2026-11-25T10:01:30.000Z');
    expect(await contact()).toBe('2026-11-25T10:01:01.000Z');
  });

  it('signs a user in with name and password (under the login limits) and acts as that account', async () => {
    const desk = await pairedDesk();
    const device = await authenticateDevice(db(), desk.header);
    const deskThrottle = throttle.forClient(device.id);
    const now = at;
    const session = await signIn(db(), deskThrottle, device, { username: 'begeleider', password }, now);
    expect(session.account).toMatchObject({ username: 'begeleider', role: 'begeleider' });
    const stored = await db().selectFrom('sync_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ device_id: device.id, token_hash: hashSecret(session.token) });
    await expect(authenticateUser(db(), device, session.token, now)).resolves.toMatchObject({
      username: 'begeleider',
    });

    const wrong = signIn(db(), deskThrottle, device, { username: 'begeleider', password: 'fout' }, now);
    expect(await refusal(wrong)).toMatchObject({ message: 'Gebruikersnaam of wachtwoord klopt niet.' });
    await refusal(signIn(db(), deskThrottle, device, { username: 'begeleider', password: 'fout' }, now));
    await refusal(signIn(db(), deskThrottle, device, { username: 'begeleider', password: 'fout' }, now));
    const throttled = signIn(db(), deskThrottle, device, { username: 'begeleider', password }, now);
    expect(await refusal(throttled)).toMatchObject({ code: 'rate_limited' });

    for (const token of [undefined, '', 'x'.repeat(43), `${session.token}x`]) {
      expect(await refusal(authenticateUser(db(), device, token, now))).toEqual({
        code: 'unauthenticated',
        message: signedOutMessage,
      });
    }
  });

  it('binds a token to its desk: another desk cannot use it', async () => {
    const first = await pairedDesk();
    const second = await pairedDesk();
    const one = await authenticateDevice(db(), first.header);
    const two = await authenticateDevice(db(), second.header);
    const session = await signIn(db(), throttle.forClient(one.id), one, { username: 'bea', password }, at);
    expect(await refusal(authenticateUser(db(), two, session.token, at))).toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('is revoked by the beheerder: its key gets its own refusal, its tokens stop, its list shows it', async () => {
    const desk = await pairedDesk();
    const device = await authenticateDevice(db(), desk.header);
    const session = await signIn(
      db(),
      throttle.forClient(device.id),
      device,
      { username: 'bea', password },
      at,
    );
    const [listed] = await h.ok('beheer', 'sync.devices', {});
    expect(listed).toMatchObject({
      naam: 'Laptop Fatima',
      pairedBy: 'Bea Beheer',
      lastContactAt: at,
      version: 1,
    });
    for (const role of ['projectleider', 'begeleider', 'administrateur'] as const) {
      const r = await h.call(role, 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
      expect(r.ok ? null : r.error.code).toBe('forbidden');
    }

    h.setNow('2026-11-25T11:00:00.000Z');
    await h.ok('beheer', 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
    expect(await refusal(authenticateDevice(db(), desk.header))).toEqual({
      code: 'device_revoked',
      message: deviceRefusals.revoked,
    });
    expect(await refusal(authenticateUser(db(), device, session.token, at))).toMatchObject({
      code: 'unauthenticated',
    });
    const [after] = await h.ok('beheer', 'sync.devices', {});
    expect(after).toMatchObject({ revokedAt: '2026-11-25T11:00:00.000Z', version: 2 });
    const audit = await db()
      .selectFrom('audit_log')
      .select('summary')
      .where('call', '=', 'sync.revokeDevice')
      .execute();
    expect(audit).toEqual([{ summary: 'Werkplek ingetrokken: Laptop Fatima' }]);

    const again = await h.call('beheer', 'sync.revokeDevice', { id: desk.deviceId, version: 2 });
    expect(again.ok ? null : again.error.message).toBe('Deze werkplek is al ingetrokken.');
    const stale = await h.call('beheer', 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
    expect(stale.ok ? null : stale.error.code).toBe('invalid_input');
  });

  it('refuses to revoke at a version read before someone else changed it', async () => {
    const desk = await pairedDesk();
    await db().updateTable('sync_devices').set({ naam: 'Laptop Fatima (thuis)', version: 2 }).execute();
    const r = await h.call('beheer', 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
    expect(r.ok ? null : r.error.code).toBe('conflict');
    await expect(authenticateDevice(db(), desk.header)).resolves.toMatchObject({ id: desk.deviceId });
  });
});
