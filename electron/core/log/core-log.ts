/**
 * What the core writes to the application log: start and stop, the store opened (and the migrations this start
 * applied) or refused, and calls that failed or ran slow. Only names, codes, numbers and references; see app-log.ts.
 */
import path from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { contract } from '../../../shared/contract.ts';
import type { DispatcherDeps } from '../dispatcher-deps.ts';
import type { Store } from '../store/store.ts';
import { StoreError } from '../store/store-error.ts';
import { type AppLog, cleanFields, describeError, openAppLog } from './app-log.ts';

export const logDirName = 'logs';
/** A call that takes longer than this is worth a line: the user waited for it. */
export const slowCallMs = 2000;

/** The log of one data folder, with the start line written. */
export function startLog(dataDir: string): AppLog {
  const log = openAppLog(path.join(dataDir, logDirName));
  log.info('app.start', { version: packageJson.version, platform: process.platform, node: process.version });
  return log;
}

/**
 * The store opened: its schema version, and which migrations this start applied (those recorded with the `now`
 * the store was opened with).
 */
export async function logStoreOpened(log: AppLog, store: Store, openedAt: string): Promise<void> {
  try {
    const rows = await store.db.selectFrom('schema_migrations').select(['version', 'applied_at']).execute();
    const applied = rows.filter((r) => r.applied_at === openedAt).map((r) => r.version);
    const schema = Math.max(0, ...rows.map((r) => r.version));
    log.info('store.open', { schema });
    if (applied.length > 0) log.info('store.migrated', { migrations: applied, schema });
  } catch {
    // The log never stops a start.
  }
}

/** The store was refused: its kind ('corrupt', 'locked', …), never the message (which names the file's folder). */
export function logStoreFailure(log: AppLog, err: unknown): void {
  log.error('store.open_failed', err instanceof StoreError ? { kind: err.kind } : describeError(err));
}

/**
 * The dispatcher's reporting: an internal error as an error line under the reference the user sees (plus one line
 * on stderr, as a console shows it); a refused write and any call the database was too busy for as a line with its
 * code; a slow call with its duration.
 */
export function callLogging(log: AppLog): Required<Pick<DispatcherDeps, 'logError' | 'onCall'>> {
  return {
    logError: (call, err, reference) => {
      const described = describeError(err);
      log.error('call.internal', { call, reference, ...described });
      // The console line passes the same checks as the file.
      const checked = cleanFields({ error: described.error, sqlite: described.sqlite });
      const kind = [checked.error, checked.sqlite].filter(Boolean).join(' ');
      console.error(`[schakel] ${call} mislukt: ${kind} (kenmerk ${reference})`);
    },
    onCall: (call, result, ms) => {
      if (!result.ok && result.error.code !== 'internal') {
        const busy = result.error.code === 'unavailable';
        if (busy || contract[call].write) {
          log[busy ? 'warn' : 'info']('call.failed', { call, code: result.error.code, ms });
        }
      }
      if (ms >= slowCallMs)
        log.warn('call.slow', { call, ms, ...(result.ok ? {} : { code: result.error.code }) });
    },
  };
}
