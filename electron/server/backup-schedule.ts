/**
 * Backups on a schedule inside the running server (`--backup-every <uren>`): one at start, then one per interval.
 * A failure is logged and the next attempt still comes; the server keeps serving whatever happens here. Several
 * server processes on one database take turns: a PostgreSQL advisory lock lets one dump at a time, and a process
 * that finds a backup younger than half the interval in the folder (made by another process sharing it) skips
 * its turn.
 */
import pg from 'pg';
import { type Backup, type BackupOptions, listBackups, makeBackup } from './backup.ts';

const lock = `hashtext('schakel_backup')`;

/** The most hours `--backup-every` takes: a longer wait overflows Node's timers. */
export const maxHours = 504;

export type ScheduledOutcome =
  | { made: Backup }
  | { skipped: 'bezig' }
  | { skipped: 'recent'; newest: Backup };

export interface ScheduleOptions extends Omit<BackupOptions, 'signal'> {
  everyMs: number;
}

/** One turn: a backup, unless another process holds the lock or made one moments ago. Throws when it fails. */
export async function scheduledBackup(
  options: ScheduleOptions,
  signal?: AbortSignal,
): Promise<ScheduledOutcome> {
  const client = new pg.Client({ connectionString: options.url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ held: boolean }>(`select pg_try_advisory_lock(${lock}) as held`);
    if (!rows[0]?.held) return { skipped: 'bezig' };
    const now = (options.clock ?? (() => new Date()))();
    const newest = listBackups(options.folder)[0];
    if (newest && now.getTime() - newest.takenAt.getTime() < options.everyMs / 2)
      return { skipped: 'recent', newest };
    return { made: await makeBackup({ ...options, ...(signal ? { signal } : {}) }) };
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => {});
  }
}

/** Starts the schedule; `stop` ends a running pg_dump (its partial file removed) and waits for it. */
export function scheduleBackups(
  options: ScheduleOptions,
  log: { info(message: string): void; error(message: string): void },
): { stop(): Promise<void> } {
  const aborts = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const hours = options.everyMs / 3_600_000;

  async function turn(): Promise<void> {
    try {
      const outcome = await scheduledBackup(options, aborts.signal);
      if ('made' in outcome) log.info(`Back-up gemaakt: ${outcome.made.file}`);
      else if (outcome.skipped === 'recent')
        log.info(`Back-up overgeslagen: ${outcome.newest.name} is recent.`);
      else log.info('Back-up overgeslagen: een ander serverproces maakt er nu een.');
    } catch (err) {
      if (aborts.signal.aborted) return;
      log.error(`Geplande back-up mislukt: ${(err as Error).message} (volgende poging over ${hours} uur)`);
    }
  }
  function next(delay: number) {
    timer = setTimeout(() => {
      running = turn().finally(() => {
        if (!aborts.signal.aborted) next(options.everyMs);
      });
    }, delay);
  }
  next(0);
  return {
    stop: async () => {
      clearTimeout(timer);
      aborts.abort();
      await running;
    },
  };
}
