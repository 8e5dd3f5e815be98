/**
 * Timers for a desk's background sync (electron/core/sync/desk-runner.ts) that a test moves on by hand: nothing
 * fires until `advance`, so a test of 30-second rounds and minutes of backoff takes no time.
 */
import type { Timers } from '../../electron/core/sync/desk-runner.ts';

interface Due {
  at: number;
  run: () => void;
}

export function manualTimers() {
  let now = 0;
  const due = new Set<Due>();
  const timers: Timers = {
    after(ms, run) {
      const entry = { at: now + ms, run };
      due.add(entry);
      return () => due.delete(entry);
    },
  };
  return {
    timers,
    /** Moves time on by `ms`, running each timer that falls due on the way, the earliest first. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...due].filter((d) => d.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        due.delete(next);
        now = next.at;
        next.run();
      }
      now = until;
    },
    /** In how many ms each waiting timer fires. */
    waiting: () => [...due].map((d) => d.at - now).sort((a, b) => a - b),
  };
}
