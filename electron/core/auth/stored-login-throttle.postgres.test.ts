/**
 * The server's limits on guessing, kept in PostgreSQL (stored-login-throttle.ts): two throttles on one database
 * stand for two server processes behind a load balancer, each with nothing in memory that the other lacks.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { postgresDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { Failure } from '../failure.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { PostgresStore } from '../store/store.ts';
import { StoredLoginThrottle } from './stored-login-throttle.ts';

let database: TestDatabase;
let store: PostgresStore;
beforeAll(async () => {
  database = await postgresDatabase({ migrated: true });
  store = await openPostgresStore(database.url);
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});
beforeEach(async () => {
  await store.db.deleteFrom('sync_login_failures').where('key', '!=', '*').execute();
  await store.db.deleteFrom('sync_login_attempts').execute();
});

const t0 = Date.parse('2026-12-02T10:00:00.000Z');
const second = 1000;
const minute = 60 * second;

/** The wait an attempt is refused with, in ms as the message says it (rounded up to seconds); 0 when allowed. */
async function tryOnce(throttle: StoredLoginThrottle, client: string, name: string, nowMs: number) {
  try {
    await throttle.forClient(client).begin(name, nowMs);
    return 0;
  } catch (thrown) {
    if (!(thrown instanceof Failure) || thrown.error.code !== 'rate_limited') throw thrown;
    const [, amount, unit] = /over (\d+) (seconden|minuten)/.exec(thrown.error.message) ?? [];
    return Number(amount) * (unit === 'minuten' ? minute : second);
  }
}

it('counts wrong passwords sent to two server processes in turn as one series', async () => {
  const one = new StoredLoginThrottle(store.db, 'wachtwoord');
  const two = new StoredLoginThrottle(store.db, 'wachtwoord');
  // Each attempt from another desk, after the last wait has passed: only the user name's limit is at work.
  const waits: number[] = [];
  let now = t0;
  for (let i = 0; i < 6; i++) {
    await tryOnce(i % 2 ? two : one, `desk-${i}`, 'bea', now);
    // The next attempt, on the other process, a moment later.
    waits.push(await tryOnce(i % 2 ? one : two, `desk-x${i}`, 'bea', now + 1));
    now += 20 * minute;
  }
  // The second try of each pair meets the wait the whole series has reached (a refused try adds nothing to it).
  expect(waits).toEqual([0, 2, 4, 8, 16, 32].map((s) => s * second));
});

it('lets only as many attempts through as the limit allows when they arrive at once on both processes', async () => {
  const processes = [0, 1].map(() => new StoredLoginThrottle(store.db, 'wachtwoord'));
  const outcomes = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      tryOnce(processes[i % 2] as StoredLoginThrottle, `desk-${i}`, 'bea', t0),
    ),
  );
  // Two free mistakes and a third that starts the first wait; the other five wait, whichever process took them.
  expect(outcomes.filter((wait) => wait === 0)).toHaveLength(3);
  expect(outcomes.filter((wait) => wait > 0)).toHaveLength(5);
});

it('frees the name and the desk after a good password, on every process', async () => {
  const one = new StoredLoginThrottle(store.db, 'wachtwoord');
  const two = new StoredLoginThrottle(store.db, 'wachtwoord');
  for (let i = 0; i < 3; i++) await tryOnce(one, 'laptop', `naam-${i}`, t0);
  // The desk tried three names: it waits, on the other process too, whatever name it tries next.
  expect(await tryOnce(two, 'laptop', 'bea', t0)).toBe(2 * second);
  const attempt = await two.forClient('laptop').begin('bea', t0 + 2 * second);
  await attempt.succeeded();
  expect(await tryOnce(one, 'laptop', 'bea', t0 + 2 * second)).toBe(0);
  expect(
    await store.db.selectFrom('sync_login_failures').select('key').where('key', 'like', '%bea').execute(),
  ).toEqual([{ key: 'wachtwoord/naam:bea' }]);
});

it('holds everyone to twenty failures in ten minutes, whatever the name or desk, and forgets them in time', async () => {
  const one = new StoredLoginThrottle(store.db, 'wachtwoord');
  const two = new StoredLoginThrottle(store.db, 'wachtwoord');
  for (let i = 0; i < 20; i++)
    expect(await tryOnce(i % 2 ? two : one, `desk-${i}`, `naam-${i}`, t0 + i * second)).toBe(0);
  // Until ten minutes after the first (9 min 40 s, said as 10 minutes).
  expect(await tryOnce(one, 'nieuw', 'nieuw', t0 + 20 * second)).toBe(10 * minute);
  expect(await tryOnce(two, 'nieuw', 'nieuw', t0 + 10 * minute - second)).toBe(1 * second);
  // Pairing codes are counted on their own: a password guesser does not lock the pairing of a new desk.
  const codes = new StoredLoginThrottle(store.db, 'koppelcode');
  expect(await tryOnce(codes, '198.51.100.7', 'koppelcode', t0 + 20 * second)).toBe(0);
  // Ten minutes after the first failure the window has moved on; a day after the last, the names are forgotten.
  expect(await tryOnce(two, 'nieuw', 'nieuw', t0 + 10 * minute)).toBe(0);
  await tryOnce(one, 'desk-0', 'naam-0', t0 + 25 * 60 * minute);
  const kept = await store.db.selectFrom('sync_login_failures').select('key').orderBy('key').execute();
  expect(kept.map((k) => k.key)).toEqual(['*', 'wachtwoord/client:desk-0', 'wachtwoord/naam:naam-0']);
});
