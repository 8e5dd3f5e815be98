import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Harness,
  harness,
  password,
  personInput,
  volunteerContract,
} from '../../../test/support/harness.ts';
import { databaseFileName } from '../paths.ts';

let h: Harness;
const claims = 300;

beforeAll(async () => {
  h = await harness('2026-04-01T10:00:00.000Z');
  await h.withTeam();
  const { id } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ status: 'actief', statusDatum: '2026-01-01' }),
  );
  const c = await h.ok('projectleider', 'contracts.create', volunteerContract(id));
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
  // Many small claims, all within the caps, so the one approval runs long enough to be killed in the middle.
  const db = h.core.store.sqlite;
  const insert =
    db.prepare(`insert into claims (id, person_id, contract_id, soort, datum, omschrijving, km, bedrag_cents,
    status, created_at, updated_at, version) values (?, ?, ?, 'km', ?, ?, 1, 23, 'ingediend', ?, ?, 1)`);
  db.transaction(() => {
    for (let i = 0; i < claims; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      insert.run(
        `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        id,
        c.id,
        `2026-03-${day}`,
        `Rit ${i}`,
        '2026-04-01T00:00:00Z',
        '2026-04-01T00:00:00Z',
      );
    }
  })();
  await h.core.close();
});
afterAll(() => h.close().catch(() => {}));

function runAndKill(afterMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      path.resolve('test/support/approve-all.ts'),
      h.dir,
      'administrateur',
      password,
    ]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('start')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', () => resolve(out));
  });
}

it('leaves a batch approval wholly done or wholly undone when the process is killed, and the file intact', async () => {
  const file = path.join(h.dir, databaseFileName);
  const outcomes = new Set<string>();
  for (const delay of [5, 40, 120, 300, 700, 1500]) {
    const out = await runAndKill(delay);
    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const approved = db
        .prepare("select count(*) from claims where status = 'goedgekeurd'")
        .pluck()
        .get() as number;
      const audits = db
        .prepare("select count(*) from audit_log where call = 'claims.approve'")
        .pluck()
        .get() as number;
      expect([0, claims], `after ${delay} ms: ${out.trim()}`).toContain(approved);
      expect(audits).toBe(approved);
      outcomes.add(approved === 0 ? 'undone' : 'done');
      // Back to submitted for the next round, as if nothing happened.
      db.exec(
        "update claims set status = 'ingediend', beoordeeld_door = null, beoordeeld_op = null; delete from audit_log where call = 'claims.approve'",
      );
    } finally {
      db.close();
    }
  }
  // The kills landed inside the transaction at least once; with these delays some rounds may also finish.
  expect(outcomes.has('undone')).toBe(true);
}, 120_000);
