/**
 * Limits on password guessing, kept in the dispatcher so both hosts share them:
 *
 * - per user name: the first two mistakes are free, then each failure doubles the wait (2 s, 4 s, 8 s … up to
 *   15 minutes);
 * - per client (one window: `ipc:<id>` or `http:<key>`): the same, across user names, so one window cannot try a
 *   password on name after name;
 * - overall: at most 20 failures in 10 minutes, whatever the name or client. A browser host's client key is chosen by
 *   the caller and may change with every request; this limit does not depend on it.
 *
 * An attempt counts as failed from the moment it starts until it succeeds, so requests sent at the same moment
 * cannot all pass the check before the first failure is recorded. A good login clears its name and its client.
 *
 * A desk keeps these counts in memory (LoginThrottle); the server keeps them in its database, so that every server
 * process counts the same guesses (StoredLoginThrottle). Both apply the rules below.
 */
import { Failure } from '../failure.ts';

const freeAttempts = 2;
const baseDelayMs = 2000;
const maxDelayMs = 15 * 60 * 1000;
const overallMaxFailures = 20;
export const overallWindowMs = 10 * 60 * 1000;

/** The wait after a name's or client's failures in a row. */
export function delayAfter(failures: number): number {
  return failures <= freeAttempts
    ? 0
    : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeAttempts - 1));
}

/** The wait the overall limit imposes, from the start times of the failed attempts within its window, oldest first. */
export function overallWaitMs(recentMs: readonly number[], nowMs: number): number {
  return recentMs.length >= overallMaxFailures
    ? (recentMs[recentMs.length - overallMaxFailures] as number) + overallWindowMs - nowMs
    : 0;
}

/** Growing delay per key after failures. */
class Backoff {
  private readonly state = new Map<string, { failures: number; blockedUntil: number }>();

  waitMs(key: string, nowMs: number): number {
    const s = this.state.get(key);
    return s ? Math.max(0, s.blockedUntil - nowMs) : 0;
  }

  failed(key: string, nowMs: number): void {
    const failures = (this.state.get(key)?.failures ?? 0) + 1;
    this.state.set(key, { failures, blockedUntil: nowMs + delayAfter(failures) });
  }

  clear(key: string): void {
    this.state.delete(key);
  }
}

/** A started attempt: failed unless `succeeded` is called. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/** The throttle as one call sees it: its own client is fixed. */
export interface ClientLoginThrottle {
  /**
   * Starts an attempt at this user name, counted as failed until `succeeded`; refused in Dutch (rate_limited) while
   * the limits say wait.
   */
  begin(username: string, nowMs: number): Promise<LoginAttempt>;
}

export class LoginThrottle {
  private readonly byName = new Backoff();
  private readonly byClient = new Backoff();
  /** Start times of failed (or still running) attempts, oldest first, across all names and clients. */
  private readonly recent: number[] = [];

  waitMs(username: string, client: string, nowMs: number): number {
    while ((this.recent[0] ?? Number.POSITIVE_INFINITY) <= nowMs - overallWindowMs) this.recent.shift();
    return Math.max(
      this.byName.waitMs(username, nowMs),
      this.byClient.waitMs(client, nowMs),
      overallWaitMs(this.recent, nowMs),
    );
  }

  start(username: string, client: string, nowMs: number): { succeeded(): void } {
    this.byName.failed(username, nowMs);
    this.byClient.failed(client, nowMs);
    this.recent.push(nowMs);
    let done = false;
    return {
      succeeded: () => {
        if (done) return;
        done = true;
        this.byName.clear(username);
        this.byClient.clear(client);
        const index = this.recent.lastIndexOf(nowMs);
        if (index >= 0) this.recent.splice(index, 1);
      },
    };
  }

  forClient(client: string): ClientLoginThrottle {
    return {
      begin: async (username, nowMs) => {
        refuseWhileWaiting(this.waitMs(username, client, nowMs));
        const attempt = this.start(username, client, nowMs);
        return { succeeded: async () => attempt.succeeded() };
      },
    };
  }
}

/** The refusal of an attempt made while the limits say wait. */
export function refuseWhileWaiting(waitMs: number): void {
  if (waitMs > 0) throw new Failure('rate_limited', tooManyAttemptsMessage(waitMs));
}

/** The Dutch refusal for a wait, in seconds or (from two minutes) in minutes. */
export function tooManyAttemptsMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 120 ? `${seconds} seconden` : `${Math.ceil(seconds / 60)} minuten`;
  return `Te veel mislukte pogingen. Probeer het over ${when} opnieuw.`;
}
