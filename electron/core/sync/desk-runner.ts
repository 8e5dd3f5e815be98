/**
 * When a linked desk syncs: a round every 30 seconds, one soon after a local write (debounced, so a burst of writes
 * makes one round), and one whenever asked (sync.now, a sign-in). Never two at once: a round asked for while one
 * runs follows it. When the server cannot be reached the rounds back off, 5 seconds doubling up to 5 minutes, and
 * a write does not hurry them; the first round that reaches the server again resets that.
 */

/** The timers a runner uses; a test passes its own so that it can move time on without waiting. */
export interface Timers {
  /** Calls `run` after `ms` milliseconds; returns how to cancel it. */
  after(ms: number, run: () => void): () => void;
}

/** Real timers that do not keep the process alive. */
export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export const syncIntervals = {
  regular: 30_000,
  afterWrite: 1_000,
  firstBackoff: 5_000,
  maxBackoff: 5 * 60_000,
};

/** How a round ended: it reached the server, it did not (back off), or syncing is over (a revoked desk). */
export type RoundOutcome = 'ok' | 'failed' | 'stop';

export class DeskRunner {
  private readonly round: () => Promise<RoundOutcome>;
  private readonly timers: Timers;
  private running: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;
  /** Rounds in a row that did not reach the server. */
  private failures = 0;
  /** A write came while a round ran: the next round comes soon, not after the regular wait. */
  private dirty = false;
  private stopped = false;

  constructor(round: () => Promise<RoundOutcome>, timers: Timers) {
    this.round = round;
    this.timers = timers;
  }

  /** The first round at once (a desk started, or just connected), then on schedule. */
  start(): void {
    this.schedule(0);
  }

  /** A local write: a round soon, unless the server was out of reach (then the backoff decides). */
  written(): void {
    if (this.stopped || this.failures > 0) return;
    if (this.running) this.dirty = true;
    else this.schedule(syncIntervals.afterWrite);
  }

  /** A round at once (after the one running, if any), also while backing off; resolves when it ended. */
  async now(): Promise<void> {
    while (this.running) await this.running;
    if (this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = null;
    const running = this.once();
    this.running = running;
    try {
      await running;
    } finally {
      this.running = null;
    }
  }

  /** Resolves when no round runs. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more rounds; waits for the one running (the store must not close under it). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.settled();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = this.timers.after(ms, () => {
      this.cancelTimer = null;
      void this.now();
    });
  }

  private async once(): Promise<void> {
    this.dirty = false;
    // A round reports its own troubles; anything thrown past it counts as not reaching the server.
    const outcome = await this.round().catch((): RoundOutcome => 'failed');
    if (outcome === 'stop') {
      this.stopped = true;
      return;
    }
    this.failures = outcome === 'ok' ? 0 : this.failures + 1;
    if (this.failures > 0) {
      const backoff = syncIntervals.firstBackoff * 2 ** (this.failures - 1);
      this.schedule(Math.min(backoff, syncIntervals.maxBackoff));
    } else this.schedule(this.dirty ? syncIntervals.afterWrite : syncIntervals.regular);
  }
}
