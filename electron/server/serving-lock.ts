/**
 * Whether a server serves a database, as PostgreSQL knows it across processes and machines: every serving process
 * holds a shared advisory lock on a connection of its own, and a restore takes the same lock alone. So a restore is
 * refused while any server process serves the database, and a server does not start in the middle of a restore.
 */
import pg from 'pg';
import { Refusal } from './refusal.ts';

const lock = `hashtext('schakel_serving')`;
/** After a lost connection (PostgreSQL restarted), how soon the lock is taken again. */
const retryMs = 2_000;

export interface ServingLock {
  release(): Promise<void>;
}

/** Held while the server serves; refused in Dutch when a restore runs on the database now. */
export async function holdServingLock(url: string, log: (message: string) => void): Promise<ServingLock> {
  let held: pg.Client | null = null;
  let released = false;
  let retry: NodeJS.Timeout | undefined;

  async function take(): Promise<boolean> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    const { rows } = await client.query<{ held: boolean }>(
      `select pg_try_advisory_lock_shared(${lock}) as held`,
    );
    if (!rows[0]?.held) {
      await client.end();
      return false;
    }
    client.once('end', () => {
      if (held !== client || released) return;
      held = null;
      again();
    });
    held = client;
    return true;
  }
  function again() {
    retry = setTimeout(async () => {
      if (released) return;
      const taken = await take().catch(() => null);
      if (taken === false)
        log('Let op: er wordt een back-up hersteld op de database van deze draaiende server.');
      if (!taken) again();
    }, retryMs).unref();
  }

  if (!(await take()))
    throw new Refusal('Er wordt een back-up hersteld op deze database: start de server als dat klaar is.');
  return {
    release: async () => {
      released = true;
      clearTimeout(retry);
      await held?.end().catch(() => {});
    },
  };
}

/** Taken by a restore on its own connection, held until that connection ends: refused while a server serves. */
export async function excludeServers(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ held: boolean }>(`select pg_try_advisory_lock(${lock}) as held`);
  if (!rows[0]?.held)
    throw new Refusal(
      'Er draait een Schakel-server op deze database: stop eerst elk serverproces, herstel dan, en start de server daarna weer.',
    );
}
