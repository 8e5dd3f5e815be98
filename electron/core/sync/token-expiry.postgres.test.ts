import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskCore } from '../../../test/support/desk-core.ts';
import { password } from '../../../test/support/harness.ts';
import { type InProcessServer, inProcessServer } from '../../../test/support/sync-server.ts';
import type { DeskCredentials } from './server-client.ts';
import { signedOutMessage, tokenLimits } from './user-sign-in.ts';

const start = '2026-06-01T12:00:00.000Z';
let server: InProcessServer;

beforeAll(async () => {
  server = await inProcessServer(start);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const day = 24 * 60 * 60 * 1000;
const later = (ms: number) => new Date(Date.parse(start) + ms).toISOString();
const pull = (desk: DeskCredentials) => server.client.pull(desk, 0, 1);
const signedOut = { ok: false, error: { code: 'unauthenticated', message: signedOutMessage } };

async function lastUsed(desk: DeskCredentials): Promise<string | null> {
  const row = await server.db
    .selectFrom('sync_tokens')
    .select('last_used_at')
    .where('device_id', '=', desk.deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.last_used_at;
}

describe('a user token on the server', () => {
  it('notes its use, at most once a minute', async () => {
    server.setNow(start);
    const desk = await server.pairedDesk('begeleider', 'Laptop gebruik');
    expect(await lastUsed(desk)).toBe(start);
    server.setNow(later(30_000));
    expect((await pull(desk)).ok).toBe(true);
    expect(await lastUsed(desk)).toBe(start);
    server.setNow(later(61_000));
    expect((await pull(desk)).ok).toBe(true);
    expect(await lastUsed(desk)).toBe(later(61_000));
    server.setNow(later(3 * day));
    expect((await pull(desk)).ok).toBe(true);
    expect(await lastUsed(desk)).toBe(later(3 * day));
  });

  it('expires after two weeks without use, with the refusal of a revoked token', async () => {
    server.setNow(start);
    const desk = await server.pairedDesk('begeleider', 'Laptop in de la');
    server.setNow(later(tokenLimits.idleDays * day - 1_000));
    expect((await pull(desk)).ok).toBe(true);
    // Used a second before the limit: the two weeks start again from there.
    server.setNow(later(2 * tokenLimits.idleDays * day - 2_000));
    expect((await pull(desk)).ok).toBe(true);
    server.setNow(later(3 * tokenLimits.idleDays * day - 1_000));
    expect(await pull(desk)).toEqual(signedOut);
    // Its user signs in again: a new token works.
    const again = await server.client.signIn(desk, { username: 'begeleider', password });
    expect(again.ok).toBe(true);
    if (again.ok) expect((await pull({ ...desk, userToken: again.value.token })).ok).toBe(true);
  });

  it('expires three months after the sign-in, however often it is used', async () => {
    server.setNow(start);
    const desk = await server.pairedDesk('projectleider', 'Laptop elke dag');
    for (let d = 7; d < tokenLimits.maxDays; d += 7) {
      server.setNow(later(d * day));
      expect((await pull(desk)).ok, `day ${d}`).toBe(true);
    }
    server.setNow(later(tokenLimits.maxDays * day - 1_000));
    expect((await pull(desk)).ok).toBe(true);
    server.setNow(later(tokenLimits.maxDays * day));
    expect(await pull(desk)).toEqual(signedOut);
  });

  it('stops at once when the beheerder deactivates the account', async () => {
    server.setNow(start);
    const desk = await server.pairedDesk('administrateur', 'Laptop vertrek');
    expect((await pull(desk)).ok).toBe(true);
    const accounts = (await server.beheer('accounts.list', {})) as {
      id: string;
      username: string;
      version: number;
    }[];
    const ada = accounts.find((a) => a.username === 'administrateur');
    await server.beheer('accounts.deactivate', { id: ada?.id, version: ada?.version });
    expect(await pull(desk)).toEqual(signedOut);
  });

  it('ends on every desk when the password is reset, and on the others when a user changes their own', async () => {
    server.setNow(start);
    const office = await server.pairedDesk('projectleider', 'Pc kantoor');
    const laptop = await server.pairedDesk('projectleider', 'Laptop zoekgeraakt');
    const accounts = (await server.beheer('accounts.list', {})) as {
      id: string;
      username: string;
      version: number;
    }[];
    const paula = accounts.find((a) => a.username === 'projectleider');

    // From the office desk, Paula changes her own password: she stays signed in there, the lost laptop is out.
    const newPassword = 'een heel ander wachtwoord';
    const changed = await server.client.push(office, [
      {
        id: v7({ msecs: Date.parse(start) }),
        call: 'auth.changePassword',
        input: { currentPassword: password, newPassword },
        now: start,
        ids: [],
      },
    ]);
    expect(changed).toMatchObject({ ok: true, value: { results: [{ outcome: 'toegepast' }] } });
    expect((await pull(office)).ok).toBe(true);
    expect(await pull(laptop)).toEqual(signedOut);

    // The beheerder resets it: no desk keeps her signed in, until she signs in with the new one.
    await server.beheer('accounts.resetPassword', {
      id: paula?.id,
      version: (paula?.version ?? 0) + 1,
      password: 'door de beheerder gezet',
    });
    expect(await pull(office)).toEqual(signedOut);
    const again = await server.client.signIn(office, {
      username: 'projectleider',
      password: 'door de beheerder gezet',
    });
    expect(again.ok).toBe(true);
  });
});

describe('a desk whose token expired', () => {
  it('says its user is not signed in, and their next sign-in there gets a new token', async () => {
    server.setNow(start);
    let now = new Date(start);
    const desk = await deskCore({ clock: () => now });
    const { ok } = desk;
    try {
      const { code } = (await server.beheer('sync.pairingCode', {})) as { code: string };
      await desk.connect(server.listening, code, 'Laptop vakantie');
      expect(await ok('sync.status', {})).toMatchObject({ verbinding: 'online', melding: null });

      // Three weeks away: the desk's first round after finds its token expired.
      now = new Date(later(21 * day));
      server.setNow(now.toISOString());
      expect(await ok('sync.now', {})).toMatchObject({
        verbinding: 'niet-aangemeld',
        melding: expect.stringMatching(/niet aangemeld/),
      });
      await ok('auth.logout', {});
      await ok('auth.login', { username: 'bea', password });
      await desk.core.link.settled();
      expect(await ok('sync.status', {})).toMatchObject({ verbinding: 'online', melding: null });
      const tokens = await server.db
        .selectFrom('sync_tokens')
        .innerJoin('sync_devices', 'sync_devices.id', 'sync_tokens.device_id')
        .select('sync_tokens.created_at')
        .where('sync_devices.naam', '=', 'Laptop vakantie')
        .orderBy('sync_tokens.created_at')
        .execute();
      expect(tokens.map((t) => t.created_at)).toEqual([start, later(21 * day)]);
    } finally {
      await desk.close();
    }
  }, 60_000);
});
