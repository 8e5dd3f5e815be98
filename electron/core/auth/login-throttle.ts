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
 */
const freeAttempts = 2;
const baseDelayMs = 2000;
const maxDelayMs = 15 * 60 * 1000;
const overallMaxFailures = 20;
const overallWindowMs = 10 * 60 * 1000;

/** Growing delay per key after failures. */
class Backoff {
  private readonly state = new Map<string, { failures: number; blockedUntil: number }>();

  waitMs(key: string, nowMs: number): number {
    const s = this.state.get(key);
    return s ? Math.max(0, s.blockedUntil - nowMs) : 0;
  }

  failed(key: string, nowMs: number): void {
    const failures = (this.state.get(key)?.failures ?? 0) + 1;
    const delay =
      failures <= freeAttempts ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeAttempts - 1));
    this.state.set(key, { failures, blockedUntil: nowMs + delay });
  }

  clear(key: string): void {
    this.state.delete(key);
  }
}

/** A started attempt: failed unless `succeeded` is called. */
export interface LoginAttempt {
  succeeded(): void;
}

/** The throttle as one call sees it: its own client is fixed. */
export interface ClientLoginThrottle {
  /** Milliseconds the caller must still wait before trying this user name; 0 when allowed. */
  waitMs(username: string, nowMs: number): number;
  /** Starts an allowed attempt (waitMs was 0); it counts as failed until `succeeded`. */
  start(username: string, nowMs: number): LoginAttempt;
}

export class LoginThrottle {
  private readonly byName = new Backoff();
  private readonly byClient = new Backoff();
  /** Start times of failed (or still running) attempts, oldest first, across all names and clients. */
  private readonly recent: number[] = [];

  waitMs(username: string, client: string, nowMs: number): number {
    while ((this.recent[0] ?? Number.POSITIVE_INFINITY) <= nowMs - overallWindowMs) this.recent.shift();
    const overall =
      this.recent.length >= overallMaxFailures
        ? (this.recent[this.recent.length - overallMaxFailures] as number) + overallWindowMs - nowMs
        : 0;
    return Math.max(this.byName.waitMs(username, nowMs), this.byClient.waitMs(client, nowMs), overall);
  }

  start(username: string, client: string, nowMs: number): LoginAttempt {
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
      waitMs: (username, nowMs) => this.waitMs(username, client, nowMs),
      start: (username, nowMs) => this.start(username, client, nowMs),
    };
  }
}

/** The Dutch refusal for a wait, in seconds or (from two minutes) in minutes. */
export function tooManyAttemptsMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 120 ? `${seconds} seconden` : `${Math.ceil(seconds / 60)} minuten`;
  return `Te veel mislukte pogingen. Probeer het over ${when} opnieuw.`;
}
