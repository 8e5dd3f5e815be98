import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crashRepeatedly, explain } from '../../../test/support/crash.ts';
import { crashNow } from '../../../test/support/crash-child.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';
import { databaseFileName } from '../paths.ts';

let h: Harness;
const claims = 300;

beforeAll(async () => {
  h = await harness(crashNow);
  await h.withTeam();
  const { id } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ status: 'actief', statusDatum: '2026-01-01' }),
  );
  const c = await h.ok('projectleider', 'contracts.create', volunteerContract(id));
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
  // Many small claims, within the caps and none like another (same day, kind and amount would be refused as a
  // likely duplicate), so the one approval succeeds and runs long enough to be killed in the middle.
  const db = h.core.store.sqlite;
  const insert =
    db.prepare(`insert into claims (id, person_id, contract_id, soort, datum, omschrijving, km, bedrag_cents,
    status, created_at, updated_at, version) values (?, ?, ?, 'km', ?, ?, ?, ?, 'ingediend', ?, ?, 1)`);
  db.transaction(() => {
    for (let i = 0; i < claims; i++) {
      const month = (i % 3) + 1;
      const j = Math.floor(i / 3);
      const km = Math.floor(j / 28) + 1;
      insert.run(
        `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        id,
        c.id,
        `2026-0${month}-${String((j % 28) + 1).padStart(2, '0')}`,
        `Rit ${i}`,
        km,
        km * 23,
        '2026-04-01T00:00:00Z',
        '2026-04-01T00:00:00Z',
      );
    }
  })();
  await h.core.close();
});
afterAll(() => h.close().catch(() => {}));

it('leaves a batch approval wholly done or wholly undone when the process is killed, and the file intact', async () => {
  const report = await crashRepeatedly({
    script: 'test/support/approve-all.ts',
    args: [h.dir],
    file: path.join(h.dir, databaseFileName),
    check(db, run) {
      const rows = db
        .prepare(
          `select status, version, beoordeeld_door is not null as door, beoordeeld_op is not null as op
          from claims`,
        )
        .all() as { status: string; version: number; door: number; op: number }[];
      const approved = rows.filter((r) => r.status === 'goedgekeurd');
      const audits = db
        .prepare("select count(*) from audit_log where call = 'claims.approve'")
        .pluck()
        .get() as number;
      const why = explain(run);
      expect([0, claims], why).toContain(approved.length);
      expect(audits, why).toBe(approved.length);
      const state = approved.length === 0 ? 'undone' : 'done';
      const expected =
        state === 'done'
          ? { status: 'goedgekeurd', version: 2, door: 1, op: 1 }
          : { status: 'ingediend', version: 1, door: 0, op: 0 };
      expect(
        rows.filter(
          (r) => r.version !== expected.version || r.door !== expected.door || r.op !== expected.op,
        ),
        why,
      ).toEqual([]);
      // What the child saw committed is there after the kill.
      if (run.doneMs !== null) expect(state, why).toBe('done');
      return state;
    },
  });
  // Kills landed inside the transaction (undone) and after its commit (done).
  expect(report.outcomes, report.summary).toEqual(new Set(['undone', 'done']));
}, 120_000);
