import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultFractions, explain, type KillAt, keepCopy, runChild } from '../../../test/support/crash.ts';
import { testKey } from '../../../test/support/harness.ts';
import { applyKey, isPlainDatabase } from './encryption.ts';
import { openStore } from './open-store.ts';

const people = 20_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-encrypt-crash-'));
  file = path.join(dir, 'schakel.sqlite');
  // A plain database from before encryption, with enough rows that encrypting it takes a measurable while.
  const store = await openStore(file, { key: null });
  const insert = store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum,
    bijstand, toestemming_nodig, notities, created_at, updated_at, version)
    values (?, ?, 'Haddad', 'actief', '2025-01-01', 0, 0, ?, 'x', 'x', 1)`);
  store.sqlite.transaction(() => {
    for (let i = 0; i < people; i++) {
      insert.run(
        `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        `Rahaf ${i}`,
        'Notitie '.repeat(10),
      );
    }
  })();
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Whatever a kill left: the plain original whole, or the encrypted database whole; never half of either. */
function whatIsThere(run: Awaited<ReturnType<typeof runChild>>): 'plain' | 'encrypted' {
  const why = explain(run);
  const plain = isPlainDatabase(file);
  // Not read-only: a kill can leave a write-ahead log behind, and reading it back (as the next start does) writes
  // its index file; the queries below change nothing.
  const db = new Database(file, { fileMustExist: true });
  try {
    if (!plain) applyKey(db, testKey);
    expect(db.pragma('integrity_check', { simple: true }), why).toBe('ok');
    expect(db.prepare('select count(*) from persons').pluck().get(), why).toBe(people);
  } finally {
    db.close();
  }
  return plain ? 'plain' : 'encrypted';
}

it('leaves the plain original or the encrypted database, each whole, when encrypting is killed', async () => {
  const start = keepCopy(file);
  const outcomes = new Set<string>();
  try {
    const round = async (killAt: KillAt) => {
      const run = await runChild('test/support/encrypt-store.ts', [file], killAt);
      const outcome = whatIsThere(run);
      outcomes.add(outcome);
      // The next start finishes the job: encrypted, every row there, nothing left beside it.
      const store = await openStore(file, { key: testKey });
      const count = store.sqlite.prepare('select count(*) from persons').pluck().get();
      await store.close();
      expect(count, explain(run)).toBe(people);
      expect(isPlainDatabase(file), explain(run)).toBe(false);
      expect(
        fs.readdirSync(dir).filter((n) => n.includes('versleutelen')),
        explain(run),
      ).toEqual([]);
      start.restore();
      return run;
    };
    const measured = await round('done');
    const ms = measured.doneMs ?? 0;
    expect(ms).toBeGreaterThan(0);
    for (const f of defaultFractions) await round(Math.round(f * ms * 10) / 10);
    await round({ self: 'encrypted copy checked' });
    await round({ after: 'ready', ms: 0 });
  } finally {
    start.restore();
    start.discard();
  }
  // The kill right at the safety copy (copy whole, original not yet replaced) leaves the plain original.
  expect(outcomes).toContain('plain');
  expect(outcomes).toContain('encrypted');
}, 120_000);
