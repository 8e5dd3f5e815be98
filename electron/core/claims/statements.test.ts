import { afterEach, expect, it } from 'vitest';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * Counts every statement the store runs (begin and commit included) while `action` runs: kysely executes each
 * through `all` or `run` of a prepared statement, so wrapping those on the statement class sees them all.
 */
async function countStatements(target: Harness, action: () => Promise<unknown>): Promise<number> {
  const sqlite = target.core.store.sqlite;
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<string, unknown>;
  const names = ['all', 'run', 'get', 'iterate'] as const;
  const originals = names.map((name) => proto[name] as (...args: unknown[]) => unknown);
  let count = 0;
  names.forEach((name, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  });
  try {
    await action();
  } finally {
    names.forEach((name, i) => {
      proto[name] = originals[i];
    });
  }
  return count;
}

/**
 * Three volunteers with a contract and `n` submitted km claims each for approval (January to March) and for
 * rejection (April to June), within every cap and none like another.
 */
async function seed(n: number) {
  const target = await harness('2026-07-01T10:00:00.000Z');
  await target.withTeam();
  const people: string[] = [];
  for (const voornaam of ['Amina', 'Bram', 'Chen']) {
    const { id } = await target.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam, email: null, status: 'actief', statusDatum: '2026-01-01' }),
    );
    const c = await target.ok('projectleider', 'contracts.create', volunteerContract(id));
    await target.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
    people.push(id);
  }
  const insert =
    target.core.store.sqlite.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents, status,
      created_at, updated_at, version) values (?, ?, 'km', ?, 'Rit', ?, ?, 'ingediend', ?, ?, 1)`);
  target.core.store.sqlite.transaction(() => {
    for (const [half, firstMonth] of [
      [0, 1],
      [1, 4],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const j = Math.floor(i / 9);
        const km = Math.floor(j / 28) + 1;
        const datum = `2026-0${firstMonth + (i % 3)}-${String((j % 28) + 1).padStart(2, '0')}`;
        const id = `01900000-0000-7000-800${half}-${String(i).padStart(12, '0')}`;
        const stamp = '2026-06-01T00:00:00Z';
        insert.run(id, people[Math.floor(i / 3) % 3], datum, km, km * 23, stamp, stamp);
      }
    }
  })();
  return target;
}

/** Statements of loading the queue with its checks, approving half, and rejecting the other half with reasons. */
async function measure(n: number) {
  h = await seed(n);
  const target = h;
  let page = await target.ok('administrateur', 'claims.list', { status: 'ingediend', pageSize: 5 });
  const listed = await countStatements(target, async () => {
    page = await target.ok('administrateur', 'claims.list', { status: 'ingediend', pageSize: 2 * n });
  });
  expect(page.total).toBe(2 * n);
  expect(page.rows.filter((c) => c.checks.length > 0)).toEqual([]);
  const first = page.rows.filter((c) => c.datum < '2026-04-01');
  const second = page.rows.filter((c) => c.datum >= '2026-04-01');
  const approved = await countStatements(target, () =>
    target.ok('administrateur', 'claims.approve', {
      items: first.map((c) => ({ id: c.id, version: c.version })),
    }),
  );
  const rejected = await countStatements(target, () =>
    target.ok('administrateur', 'claims.reject', {
      items: second.map((c, i) => ({
        id: c.id,
        version: c.version,
        reden: i % 2 ? 'Geen rit volgens het rooster' : 'Dubbel met de rit van die week',
      })),
    }),
  );
  const after = await target.ok('administrateur', 'claims.list', { pageSize: 2 * n });
  expect(after.rows.filter((c) => c.status === 'goedgekeurd')).toHaveLength(n);
  expect(after.rows.filter((c) => c.status === 'afgewezen')).toHaveLength(n);
  const audits = target.core.store.sqlite
    .prepare("select count(*) from audit_log where call in ('claims.approve', 'claims.reject')")
    .pluck()
    .get();
  expect(audits).toBe(2 * n);
  // The input lists every claim; it is kept once per call, not on each of its rows.
  const inputs = target.core.store.sqlite
    .prepare("select count(*) from audit_log where call = 'claims.approve' and input != 'null'")
    .pluck()
    .get();
  expect(inputs).toBe(1);
  await target.close();
  h = null;
  return { listed, approved, rejected };
}

it('loads, checks, approves and rejects 10 or 300 claims in the same number of statements', async () => {
  const few = await measure(10);
  const many = await measure(300);
  expect(many).toEqual(few);
  // The queue: the page with its total, contracts, likely duplicates with the granted allowance. The approval:
  // begin, the claims, two for the checks, the update, the audit rows, the granted allowance, commit; a rejection:
  // one update per reason instead of the checks.
  expect(few).toEqual({ listed: 3, approved: 8, rejected: 6 });
}, 60_000);
