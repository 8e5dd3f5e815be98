/**
 * The child side of the crash tests (see crash.ts): open the data folder as the app does, tell the parent when the
 * action starts and when it has been committed. The app is loaded only when a child opens it.
 */
import type { Core } from '../../electron/core/app-core.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.ts';
import { testKey } from './harness.ts';

/** The same moment as the harness the test data was made with, so dates and caps come out the same. */
export const crashNow = '2026-04-01T10:00:00.000Z';

export async function openCore(dir: string): Promise<Core> {
  const { startCore } = await import('../../electron/core/app-core.ts');
  return startCore(dir, { key: testKey, clock: () => new Date(crashNow) });
}

/** One call on the core; a refusal ends the child with a non-zero exit, which fails the test. */
export async function call<N extends CallName>(
  core: Core,
  name: N,
  input: CallInput<N>,
  client = 'crash',
): Promise<CallOutput<N>> {
  const result = await core.dispatcher.dispatch(name, input, client);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

/** Logs in one of the harness's team accounts (withTeam names them after their role). */
export async function login(core: Core, username: string): Promise<void> {
  const { password } = await import('./harness.ts');
  await call(core, 'auth.login', { username, password });
}

/**
 * Prints a marker line for the parent. When the parent asked for a kill at exactly this marker (SCHAKEL_CRASH_DIE_AT),
 * the child sends itself SIGKILL right here: as abrupt as a kill from outside, without the parent's delay.
 */
export function mark(line: string): void {
  process.stdout.write(`${line}\n`);
  if (process.env.SCHAKEL_CRASH_DIE_AT === line) process.kill(process.pid, 'SIGKILL');
}

/** Prints `ready`; the returned function prints `done <ms>`, to be called once the action is committed. */
export function ready(): () => void {
  mark('ready');
  const start = performance.now();
  return () => {
    process.stdout.write(`done ${(performance.now() - start).toFixed(1)}\n`);
  };
}

/**
 * Prints `line` when the core first prepares a statement matching `sql` (the store prepares each text once and
 * keeps it), so the parent can kill right inside the action's writes. Only looks; the statement runs unchanged.
 */
export function markStatement(core: Core, sql: RegExp, line: string): void {
  const sqlite = core.store.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  let seen = false;
  sqlite.prepare = ((source: string) => {
    if (!seen && sql.test(source)) {
      seen = true;
      mark(line);
    }
    return prepare(source);
  }) as typeof sqlite.prepare;
}
