import type { Kysely } from 'kysely';
import { IdSource } from '../ids.ts';
import type { DB } from '../store/schema.ts';
import {
  type ClientLoginThrottle,
  delayAfter,
  type LoginAttempt,
  overallWaitMs,
  overallWindowMs,
  refuseWhileWaiting,
} from './login-throttle.ts';

/** A name's or client's failures are forgotten a day after the last one (the longest wait is 15 minutes). */
const forgetAfterMs = 24 * 60 * 60 * 1000;
/** The row every attempt updates first (migration 0022). */
const turnKey = '*';
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The server's limits on guessing (login-throttle.ts), kept in its database: several server processes on one
 * database count the same failures, so an attacker gains nothing by spreading guesses over them. Each attempt
 * starts in a transaction that first updates the turn row (attempts on every process wait for each other there,
 * as requests on one process do), then reads the waits, and counts itself as failed until it succeeds.
 */
export class StoredLoginThrottle {
  private readonly db: Kysely<DB>;
  private readonly scope: string;
  /** `scope`: what is guessed (`wachtwoord`, `koppelcode`); each is limited on its own, as on a desk. */
  constructor(db: Kysely<DB>, scope: string) {
    this.db = db;
    this.scope = scope;
  }

  forClient(client: string): ClientLoginThrottle {
    return {
      begin: (username, nowMs) =>
        this.begin([`${this.scope}/naam:${username}`, `${this.scope}/client:${client}`], nowMs),
    };
  }

  private async begin(keys: readonly string[], nowMs: number): Promise<LoginAttempt> {
    const now = iso(nowMs);
    const attemptId = new IdSource(now).next();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sync_login_failures')
        .set({ last_failed_at: now })
        .where('key', '=', turnKey)
        .execute();
      await trx
        .deleteFrom('sync_login_attempts')
        .where('scope', '=', this.scope)
        .where('started_at', '<=', iso(nowMs - overallWindowMs))
        .execute();
      await trx
        .deleteFrom('sync_login_failures')
        .where('key', '!=', turnKey)
        .where('last_failed_at', '<=', iso(nowMs - forgetAfterMs))
        .execute();
      const counted = await trx
        .selectFrom('sync_login_failures')
        .select(['key', 'failures', 'blocked_until'])
        .where('key', 'in', keys)
        .execute();
      const recent = await trx
        .selectFrom('sync_login_attempts')
        .select('started_at')
        .where('scope', '=', this.scope)
        .orderBy('started_at')
        .execute();
      refuseWhileWaiting(
        Math.max(
          ...counted.map((c) => Date.parse(c.blocked_until) - nowMs),
          overallWaitMs(
            recent.map((r) => Date.parse(r.started_at)),
            nowMs,
          ),
        ),
      );
      for (const key of keys) {
        const failures = (counted.find((c) => c.key === key)?.failures ?? 0) + 1;
        const row = { failures, blocked_until: iso(nowMs + delayAfter(failures)), last_failed_at: now };
        await trx
          .insertInto('sync_login_failures')
          .values({ key, ...row })
          .onConflict((oc) => oc.column('key').doUpdateSet(row))
          .execute();
      }
      await trx
        .insertInto('sync_login_attempts')
        .values({ id: attemptId, scope: this.scope, started_at: now })
        .execute();
    });
    return {
      succeeded: async () => {
        await this.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('sync_login_failures').where('key', 'in', keys).execute();
          await trx.deleteFrom('sync_login_attempts').where('id', '=', attemptId).execute();
        });
      },
    };
  }
}
