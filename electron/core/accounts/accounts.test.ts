import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, password } from '../../../test/support/harness.ts';
import { LoginThrottle, tooManyAttemptsMessage } from '../auth/login-throttle.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const version = async (id: string) =>
  (await h.ok('beheer', 'accounts.list', {})).find((a) => a.id === id)?.version ?? 0;

describe('first run', () => {
  it('has no account and no default password; the first account becomes beheerder, once', async () => {
    expect(await h.ok('x', 'settings.status', {})).toMatchObject({ needsSetup: true, organisatieNaam: null });
    const denied = await h.call('x', 'auth.login', { username: 'admin', password: 'admin' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const { ids } = await h.withTeam();
    expect(await h.ok('x', 'settings.status', {})).toMatchObject({
      needsSetup: false,
      organisatieNaam: 'Welzijn Oost',
    });
    expect(await h.ok('beheer', 'auth.me', {})).toMatchObject({ role: 'administrateur', isBeheerder: true });
    const again = await h.call('y', 'auth.setup', {
      organisatieNaam: 'Kaper',
      displayName: 'Kaper',
      username: 'kaper',
      password,
      role: 'administrateur',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'setup_done' } });
    expect(ids.projectleider).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logging in', () => {
  beforeEach(() => h.withTeam());

  it('refuses a wrong password in Dutch without saying whether the name exists', async () => {
    const wrong = await h.call('x', 'auth.login', {
      username: 'begeleider',
      password: 'verkeerd wachtwoord',
    });
    const unknown = await h.call('x', 'auth.login', { username: 'niemand', password: 'verkeerd wachtwoord' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({
      ok: false,
      error: { message: 'Gebruikersnaam of wachtwoord klopt niet.' },
    });
  });

  it('makes people wait longer after each failed attempt, and a good login clears it', async () => {
    for (let i = 0; i < 3; i++)
      await h.call('x', 'auth.login', { username: 'begeleider', password: 'fout fout fout' });
    const blocked = await h.call('x', 'auth.login', { username: 'begeleider', password });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/over 2 seconden/);
    h.setNow('2026-11-25T10:00:03.000Z');
    expect((await h.call('x', 'auth.login', { username: 'begeleider', password })).ok).toBe(true);
  });

  it('holds back one window that tries name after name, and a wrong current password counts too', async () => {
    for (const username of ['anna', 'bert', 'cor']) {
      await h.call('x', 'auth.login', { username, password: 'fout fout fout' });
    }
    const blocked = await h.call('x', 'auth.login', { username: 'begeleider', password });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Another window is not held back by this one.
    expect((await h.call('y', 'auth.login', { username: 'begeleider', password })).ok).toBe(true);

    const change = { currentPassword: 'niet mijn wachtwoord', newPassword: 'een heel nieuwe lange zin' };
    for (let i = 0; i < 3; i++) await h.call('begeleider', 'auth.changePassword', change);
    const guess = await h.call('begeleider', 'auth.changePassword', { ...change, currentPassword: password });
    expect(guess).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const login = await h.call('z', 'auth.login', { username: 'begeleider', password });
    expect(login).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('logs a deactivated account out everywhere and refuses it at the door', async () => {
    const account = (await h.ok('beheer', 'accounts.list', {})).find((a) => a.username === 'begeleider');
    if (!account) throw new Error('missing');
    await h.ok('beheer', 'accounts.deactivate', { id: account.id, version: account.version });
    expect(await h.ok('begeleider', 'auth.me', {})).toBeNull();
    const again = await h.call('begeleider', 'auth.login', { username: 'begeleider', password });
    expect(again).toMatchObject({
      ok: false,
      error: { message: 'Dit account is gedeactiveerd. Vraag de beheerder.' },
    });
    // Never deleted: still listed, still named in the audit log.
    const log = await h.ok('projectleider', 'audit.list', { recordId: account.id });
    expect(log.rows.map((r) => r.summary)).toContain('Account gedeactiveerd: begeleider Test');
  });

  it('applies a role change to open sessions at once', async () => {
    const account = (await h.ok('beheer', 'accounts.list', {})).find((a) => a.username === 'administrateur');
    if (!account) throw new Error('missing');
    expect((await h.call('administrateur', 'audit.list', {})).ok).toBe(false);
    await h.ok('beheer', 'accounts.update', {
      id: account.id,
      version: account.version,
      displayName: 'Admin',
      role: 'projectleider',
      isBeheerder: false,
    });
    expect((await h.call('administrateur', 'audit.list', {})).ok).toBe(true);
  });
});

describe('account management', () => {
  it('keeps at least one active beheerder', async () => {
    const { beheerId } = await h.withTeam();
    const demote = await h.call('beheer', 'accounts.update', {
      id: beheerId,
      version: await version(beheerId),
      displayName: 'Bea',
      role: 'administrateur',
      isBeheerder: false,
    });
    expect(demote).toMatchObject({ ok: false, error: { field: 'isBeheerder' } });
    const self = await h.call('beheer', 'accounts.deactivate', {
      id: beheerId,
      version: await version(beheerId),
    });
    expect(self).toMatchObject({
      ok: false,
      error: { message: 'Je kunt je eigen account niet deactiveren.' },
    });
  });

  it('refuses a user name that is taken, naming the field', async () => {
    await h.withTeam();
    const r = await h.call('beheer', 'accounts.create', {
      displayName: 'Tweede',
      username: 'Begeleider',
      role: 'begeleider',
      isBeheerder: false,
      password,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { field: 'username', message: 'Gebruikersnaam: deze naam is al in gebruik' },
    });
  });

  it('changes a password only with the current one, and the new one works', async () => {
    await h.withTeam();
    const wrong = await h.call('begeleider', 'auth.changePassword', {
      currentPassword: 'niet het mijne',
      newPassword: 'nieuwe lange zin hier',
    });
    expect(wrong).toMatchObject({ ok: false, error: { field: 'currentPassword' } });
    const short = await h.call('begeleider', 'auth.changePassword', {
      currentPassword: password,
      newPassword: 'kort',
    });
    expect(short).toMatchObject({
      ok: false,
      error: { field: 'newPassword', message: 'Nieuw wachtwoord: minimaal 10 tekens' },
    });
    await h.ok('begeleider', 'auth.changePassword', {
      currentPassword: password,
      newPassword: 'nieuwe lange zin hier',
    });
    expect((await h.call('z', 'auth.login', { username: 'begeleider', password })).ok).toBe(false);
    expect(
      (await h.call('z', 'auth.login', { username: 'begeleider', password: 'nieuwe lange zin hier' })).ok,
    ).toBe(true);
  });
});

describe('password hashing and throttle', () => {
  it('stores a salted scrypt hash that verifies only the right password', async () => {
    const a = await hashPassword('correct paard batterij');
    const b = await hashPassword('correct paard batterij');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct paard batterij', a)).toBe(true);
    expect(await verifyPassword('correct paard batterij!', a)).toBe(false);
  });

  it('doubles the wait after the free attempts, up to a ceiling', () => {
    const t = new LoginThrottle();
    const waits: number[] = [];
    // Each from another client, so only the user name's limit is at work (the overall one never fills: the
    // clock jumps ahead of every wait).
    for (let i = 0; i < 14; i++) {
      const now = i * 3_600_000;
      t.start('x', `client-${i}`, now);
      waits.push(t.waitMs('x', 'another', now));
    }
    expect(waits.slice(0, 6)).toEqual([0, 0, 2000, 4000, 8000, 16000]);
    expect(waits.at(-1)).toBe(15 * 60 * 1000);
    t.start('x', 'c', 100 * 3_600_000).succeeded();
    expect(t.waitMs('x', 'c', 100 * 3_600_000)).toBe(0);
  });

  it('limits one client across user names, and everyone together across clients', () => {
    const t = new LoginThrottle();
    for (const name of ['a', 'b', 'c']) t.start(name, 'venster', 0);
    expect(t.waitMs('d', 'venster', 0)).toBe(2000);
    expect(t.waitMs('d', 'ander venster', 0)).toBe(0);

    // Twenty failures from twenty clients on twenty names: the next attempt waits for the oldest to age out.
    const all = new LoginThrottle();
    for (let i = 0; i < 20; i++) all.start(`naam-${i}`, `client-${i}`, i * 1000);
    expect(all.waitMs('nieuw', 'nieuw', 20_000)).toBe(10 * 60 * 1000 - 20_000);
    expect(all.waitMs('nieuw', 'nieuw', 10 * 60 * 1000 - 1000)).toBe(1000);
    expect(all.waitMs('nieuw', 'nieuw', 10 * 60 * 1000)).toBe(0);
  });

  it('counts an attempt as failed until it succeeds, and a success frees its name, client and place', () => {
    const t = new LoginThrottle();
    const running = [t.start('x', 'a', 0), t.start('x', 'b', 0), t.start('x', 'c', 0)];
    // Three checks still running already hold the fourth back: they cannot all slip past at once.
    expect(t.waitMs('x', 'd', 0)).toBe(2000);
    for (const attempt of running) attempt.succeeded();
    expect(t.waitMs('x', 'd', 0)).toBe(0);
    for (let i = 0; i < 25; i++) t.start(`n${i}`, `c${i}`, 0).succeeded();
    expect(t.waitMs('y', 'z', 0)).toBe(0);
  });

  it('says long waits in minutes', () => {
    expect(tooManyAttemptsMessage(2000)).toBe(
      'Te veel mislukte pogingen. Probeer het over 2 seconden opnieuw.',
    );
    expect(tooManyAttemptsMessage(15 * 60 * 1000)).toBe(
      'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
    );
  });
});
