import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { startCore } from '../../electron/core/app-core.ts';
import type { SqliteStore } from '../../electron/core/store/store.ts';
import { benchKey } from './bench-key.ts';

export function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
}

/**
 * Statistics for SQLite's planner, as a well-kept database has them. BENCH_WITHOUT_STATISTICS=1 leaves them out and
 * measures as on a desk that never ran ANALYZE (Schakel does not): SQLite then plans without them, and plans a
 * statement only once.
 */
export function gatherStatistics(sqlite: Database.Database): void {
  if (!process.env.BENCH_WITHOUT_STATISTICS) sqlite.exec('analyze');
}

/**
 * Median milliseconds of each contender, measured in alternation (in a shuffled order each round) so neither gets a
 * warmer cache, a quieter moment or the garbage collection of the other's allocations.
 */
export async function race(
  contenders: Record<string, () => unknown>,
  rounds: number,
  warmup = 20,
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let i = 0; i < rounds + warmup; i++) {
    const order = Object.entries(contenders).sort(() => Math.random() - 0.5);
    for (const [name, fn] of order) {
      const t = performance.now();
      await fn();
      if (i >= warmup) samples[name]?.push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)]));
}

/**
 * The very statements a call runs, captured from a second core on the same data folder (logged in as `login`), and
 * returned as a function that runs them on the raw better-sqlite3 handle: the baseline "same SQL, no layers".
 */
export async function rawReplay(
  dir: string,
  store: SqliteStore,
  login: { username: string; password: string },
  call: string,
  input: unknown,
): Promise<() => void> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const realPrepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const statement = realPrepare.call(this, sql);
    const all = statement.all.bind(statement);
    statement.all = ((params: unknown[] = []) => {
      captured.push({ sql, params });
      return all(params);
    }) as typeof statement.all;
    return statement;
  } as typeof realPrepare;
  try {
    const core = await startCore(dir, { key: benchKey });
    await core.dispatcher.dispatch('auth.login', login, 'replay');
    captured.length = 0;
    const result = await core.dispatcher.dispatch(call, input, 'replay');
    if (!result.ok) throw new Error(`${call}: ${result.error.message}`);
    await core.close();
  } finally {
    Database.prototype.prepare = realPrepare;
  }
  const statements = captured.map((c) => ({ statement: store.sqlite.prepare(c.sql), params: c.params }));
  return () => {
    for (const { statement, params } of statements) statement.all(params);
  };
}

/**
 * One figure of the bench: the median time of the subject (the app's own path) and of its floor (the same work done
 * the plainest way: raw SQL, the bare library, a bare node:http server), both measured in the same run. A figure
 * without a natural floor has `floorMs: null` and is printed as a plain time. `about` says what was measured (sizes,
 * counts) and is printed as is.
 */
export interface Measurement {
  subjectMs: number;
  floorMs: number | null;
  about?: Record<string, unknown>;
}

/** The figures of one bench function, by name (see run.ts). */
export type Figures = Record<string, Measurement>;
