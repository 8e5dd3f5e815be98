import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, password } from '../../test/support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness('2026-11-25T09:00:00.000Z');
  await h.withTeam();
});
afterEach(() => h.close());

describe('session lock', () => {
  it('locks a session idle longer than the organisation setting, and only the password opens it', async () => {
    h.idle(14);
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(true);
    h.idle(15.5);
    const locked = await h.call('projectleider', 'persons.list', {});
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error.code).toBe('locked');
      expect(locked.error.message).toMatch(/vergrendeld .* Vul je wachtwoord in/);
    }
    // Who is locked is still known (the lock screen names them), but nothing else is served.
    expect((await h.ok('projectleider', 'auth.me', {}))?.username).toBe('projectleider');
    expect((await h.call('projectleider', 'auth.activity', {})).ok).toBe(false);

    const wrong = await h.call('projectleider', 'auth.unlock', { password: 'niet het wachtwoord' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toBe('Wachtwoord: klopt niet');
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(false);

    await h.ok('projectleider', 'auth.unlock', { password });
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(true);
    // Other windows have their own idle time: the begeleider, idle just as long, is locked too.
    expect((await h.call('begeleider', 'persons.list', {})).ok).toBe(false);
  });

  it('measures idleness in real time, not in the business time a call is recorded at', async () => {
    h.setNow('2026-12-31T09:00:00.000Z');
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(true);
  });

  it('keeps a session in use open, however long the day', async () => {
    for (let minute = 10; minute <= 8 * 60; minute += 10) {
      h.idle(10);
      expect((await h.call('projectleider', 'auth.activity', {})).ok).toBe(true);
    }
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(true);
  });

  it("does not count the status line's polling as use: a window left alone still locks", async () => {
    for (let minute = 4; minute <= 12; minute += 4) {
      h.idle(4);
      const polled = await h.call('projectleider', 'sync.status', {});
      expect(polled.ok || polled.error.code !== 'locked').toBe(true);
    }
    h.idle(4);
    const locked = await h.call('projectleider', 'sync.status', {});
    expect(locked.ok ? null : locked.error.code).toBe('locked');
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(false);
  });

  it('locks at once on request (the window saw no use), and follows a changed idle time', async () => {
    await h.ok('projectleider', 'auth.lock', {});
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(false);
    await h.ok('projectleider', 'auth.unlock', { password });

    const { updatedAt: _, ...settings } = await h.ok('beheer', 'settings.get', {});
    await h.ok('beheer', 'settings.update', { ...settings, vergrendelenNaMinuten: 60 });
    h.idle(45);
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(true);
    h.idle(61);
    expect((await h.call('projectleider', 'persons.list', {})).ok).toBe(false);

    await h.ok('beheer', 'auth.unlock', { password });
    const never = await h.call('beheer', 'settings.update', {
      ...settings,
      version: 2,
      vergrendelenNaMinuten: 0,
    });
    expect(never.ok).toBe(false);
    if (!never.ok) expect(never.error.message).toBe('Vergrendelen na: minimaal 1 minuut');
  });

  it('lets a locked window log out', async () => {
    await h.ok('projectleider', 'auth.lock', {});
    await h.ok('projectleider', 'auth.logout', {});
    expect(await h.ok('projectleider', 'auth.me', {})).toBeNull();
  });
});
