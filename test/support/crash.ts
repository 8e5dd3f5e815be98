/**
 * Crash tests: an action runs in a child process that is killed with SIGKILL part-way through; the database is then
 * reopened, its integrity checked, and the caller checks that the action is wholly there or wholly absent.
 *
 * The child (written with crash-child.ts) prints `ready` just before the action and `done <ms>` once it has been
 * committed. The first run is killed right after `done` (what was committed must survive) and measures the action;
 * the other kill points are spread over that duration, plus any the test adds at marker lines the child prints.
 * After every kill the file passes integrity_check and foreign_key_check, the test's checks, and opens in the app's
 * own way (openStore); then it is put back as it was for the next run.
 * SCHAKEL_CRASH_VERBOSE=1 prints what each kill found.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../electron/core/store/encryption.ts';
import { openStore } from '../../electron/core/store/open-store.ts';
import type { SqliteStore } from '../../electron/core/store/store.ts';
import { testKey } from './harness.ts';

/**
 * When to kill the child: a number is ms after it printed `ready`; `{ after, ms }` is ms after it printed a line
 * starting with `after` (0: as soon as the parent sees it); `{ self }` has the child kill itself the moment it
 * reaches that marker (see `mark` in crash-child.ts); `done` the moment it reports the action committed; `never`
 * lets it finish.
 */
export type KillAt = number | { after: string; ms: number } | { self: string } | 'done' | 'never';

export function describeKill(killAt: KillAt): string {
  if (typeof killAt === 'number') return `${killAt} ms after ready`;
  if (typeof killAt === 'string') return killAt === 'done' ? 'on done' : 'never';
  if ('self' in killAt) return `by itself at ${killAt.self}`;
  return `${killAt.ms} ms after ${killAt.after}`;
}

function trigger(killAt: KillAt): { after: string; ms: number } | null {
  if (typeof killAt === 'number') return { after: 'ready', ms: killAt };
  if (killAt === 'done') return { after: 'done', ms: 0 };
  if (killAt === 'never' || 'self' in killAt) return null;
  return killAt;
}

export interface ChildRun {
  killAt: KillAt;
  /** Everything the child wrote to stdout and stderr. */
  out: string;
  err: string;
  /** The action's duration as the child measured it, when it got as far as `done`. */
  doneMs: number | null;
  /** True when the SIGKILL ended it; false when it exited by itself. */
  killed: boolean;
  code: number | null;
}

/** Runs `node script ...args`, kills it as `killAt` says, and resolves once it is gone. */
export function runChild(script: string, args: readonly string[], killAt: KillAt): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...(typeof killAt === 'object' && 'self' in killAt ? { SCHAKEL_CRASH_DIE_AT: killAt.self } : {}),
      },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const when = trigger(killAt);
    let armed = when !== null;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!armed || !when || !out.split('\n').some((line) => line.startsWith(when.after))) return;
      armed = false;
      // At once, not on the next turn of the event loop: the marker lines are meant to be hit closely.
      if (when.ms <= 0) kill();
      else timer = setTimeout(kill, when.ms);
    });
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const done = /^done ([\d.]+)$/m.exec(out);
      resolve({
        killAt,
        out,
        err,
        doneMs: done ? Number(done[1]) : null,
        killed: signal === 'SIGKILL',
        code,
      });
    });
  });
}

/** For failure messages: when the child was killed and what it had printed. */
export function explain(run: ChildRun): string {
  return `kill ${describeKill(run.killAt)}; the child printed: ${run.out.trim().replaceAll('\n', ' | ')}`;
}

/** Opens the file with the test key, without migrating: to look at what a killed process left. */
export function openRaw(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, testKey);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const sides = ['', '-wal', '-shm'] as const;

/** Keeps a copy of the (closed) database as it is now; `restore` puts it back, `discard` removes the copy. */
export function keepCopy(file: string): { restore(): void; discard(): void } {
  const copy = `${file}.crash-start`;
  for (const side of sides) {
    if (fs.existsSync(file + side)) fs.copyFileSync(file + side, copy + side);
    else fs.rmSync(copy + side, { force: true });
  }
  return {
    restore() {
      for (const side of sides) {
        fs.rmSync(file + side, { force: true });
        if (fs.existsSync(copy + side)) fs.copyFileSync(copy + side, file + side);
      }
    },
    discard() {
      for (const side of sides) fs.rmSync(copy + side, { force: true });
    },
  };
}

/** Spread over the measured duration, from just after the start to its end. */
export const defaultFractions = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95] as const;

export interface CrashPlan {
  /** The child script, relative to the repository root, and its arguments. */
  script: string;
  args: readonly string[];
  /** The database file the child writes, encrypted with the test key; closed when crashRepeatedly is called. */
  file: string;
  /** Kill points as fractions of the measured duration (after the first round, killed right after `done`). */
  fractions?: readonly number[];
  /** Further kill points, such as right after a marker line the child prints. */
  extraPoints?: readonly KillAt[];
  /**
   * Called after every kill with the reopened database, its integrity and foreign keys already checked: the
   * wholly-there-or-wholly-absent checks (throw, or use expect). Returns a short name for what it found.
   */
  check(db: Database.Database, run: ChildRun): string;
  /** Called after `check` with the database opened again as the app opens it (openStore, every migration). */
  afterCheck?(store: SqliteStore, run: ChildRun): Promise<void> | void;
}

export interface CrashRound {
  killAt: KillAt;
  killed: boolean;
  outcome: string;
}

export interface CrashReport {
  /** The action's duration in the first round, as the child measured it (ms). */
  durationMs: number;
  rounds: CrashRound[];
  outcomes: Set<string>;
  /** One line per round, for failure messages and the curious. */
  summary: string;
}

/** Measures the action once, then kills it at each point and checks what it left; see the file comment. */
export async function crashRepeatedly(plan: CrashPlan): Promise<CrashReport> {
  const start = keepCopy(plan.file);
  const rounds: CrashRound[] = [];
  const round = async (killAt: KillAt): Promise<ChildRun> => {
    const run = await runChild(plan.script, plan.args, killAt);
    if (!/^ready$/m.test(run.out) || (!run.killed && run.code !== 0)) {
      throw new Error(`${plan.script} (kill ${describeKill(killAt)}) failed: ${run.err || run.out}`);
    }
    // A marker that never came would make the round test nothing: say so rather than pass.
    const marker = typeof killAt === 'object' ? ('self' in killAt ? killAt.self : killAt.after) : null;
    if (marker && !run.out.split('\n').some((line) => line.startsWith(marker))) {
      throw new Error(`${plan.script} never printed '${marker}': ${run.out}`);
    }
    const db = openRaw(plan.file);
    let outcome: string;
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new Error(`integrity_check after a kill ${describeKill(killAt)}: ${integrity}`);
      const orphans = db.pragma('foreign_key_check') as unknown[];
      if (orphans.length > 0) {
        throw new Error(`foreign_key_check after a kill ${describeKill(killAt)}: ${JSON.stringify(orphans)}`);
      }
      outcome = plan.check(db, run);
    } finally {
      db.close();
    }
    // Then as the app opens it: accepted, and migrated where a migration was cut off.
    const store = await openStore(plan.file, { key: testKey });
    try {
      await plan.afterCheck?.(store, run);
    } finally {
      await store.close();
    }
    rounds.push({ killAt, killed: run.killed, outcome });
    start.restore();
    return run;
  };
  try {
    // The first round measures the action: killed the moment it reports its commit, which must then be all there.
    const durationMs = (await round('done')).doneMs;
    if (durationMs === null) throw new Error(`${plan.script} never reported done`);
    const points = [
      ...(plan.fractions ?? defaultFractions).map((f) => Math.round(f * durationMs * 10) / 10),
      ...(plan.extraPoints ?? []),
    ];
    for (const killAt of points) await round(killAt);
    const summary = [
      `${plan.script}: ${durationMs} ms undisturbed`,
      ...rounds.map(
        (r) => `  kill ${describeKill(r.killAt)}: ${r.killed ? 'killed' : 'finished first'}, ${r.outcome}`,
      ),
    ].join('\n');
    if (process.env.SCHAKEL_CRASH_VERBOSE) console.info(summary);
    return { durationMs, rounds, outcomes: new Set(rounds.map((r) => r.outcome)), summary };
  } finally {
    start.restore();
    start.discard();
  }
}
