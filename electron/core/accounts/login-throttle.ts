/**
 * Growing delay after failed logins, per user name: the first two mistakes are free, then each failure doubles the
 * wait (2 s, 4 s, 8 s … up to 15 minutes). A good login clears it.
 */
const freeAttempts = 2;
const baseDelayMs = 2000;
const maxDelayMs = 15 * 60 * 1000;

export class LoginThrottle {
  private readonly state = new Map<string, { failures: number; blockedUntil: number }>();

  /** Milliseconds the caller must still wait before trying this user name again; 0 when allowed. */
  waitMs(username: string, nowMs: number): number {
    const s = this.state.get(username);
    return s ? Math.max(0, s.blockedUntil - nowMs) : 0;
  }

  failed(username: string, nowMs: number): void {
    const failures = (this.state.get(username)?.failures ?? 0) + 1;
    const delay =
      failures <= freeAttempts ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeAttempts - 1));
    this.state.set(username, { failures, blockedUntil: nowMs + delay });
  }

  succeeded(username: string): void {
    this.state.delete(username);
  }
}
