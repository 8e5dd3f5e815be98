/**
 * A desk's token expires on the server (issue 13 part 2): after two weeks without use or three months after the
 * sign-in, whichever comes first, it gets the same refusal as a revoked one; its use is noted at most once a
 * minute; a deactivated account's tokens stop at once. A desk whose token expired says its user is not signed in,
 * and their next sign-in there mends it. The in-process server on PostgreSQL, over HTTPS, with a clock the test moves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { password, testKey } from '../../../test/support/harness.ts';
import { manualTimers } from '../../../test/support/manual-timers.ts';
import { type InProcessServer, inProcessServer } from '../../../test/support/sync-server.ts';
import { type Core, startCore } from '../app-core.ts';
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-expiry-'));
    let now = new Date(start);
    const timers = manualTimers();
    const core: Core = await startCore(dir, { key: testKey, clock: () => now, timers: timers.timers });
    const ok = async <N extends CallName>(name: N, input: CallInput<N>) => {
      const r = (await core.dispatcher.dispatch(name, input, 'w')) as Result<CallOutput<N>>;
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    try {
      // Set up on its own first, as a beheerder does before connecting it.
      await ok('auth.setup', {
        organisatieNaam: 'Eigen Stichting',
        displayName: 'Anna Alleen',
        username: 'anna',
        password,
        role: 'projectleider',
      });
      const { code } = (await server.beheer('sync.pairingCode', {})) as { code: string };
      await ok('sync.connect', {
        ...server.listening,
        code,
        naam: 'Laptop vakantie',
        username: 'bea',
        password,
        meenemen: false,
      });
      await ok('auth.login', { username: 'bea', password });
      await core.link.settled();
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
      await core.link.settled();
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
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
