import type { SessionAccount } from '../../shared/roles.ts';

interface Session {
  account: SessionAccount;
  /** The moment (ms) of this client's last call that counted as use. */
  lastUse: number;
  /** Locked after the idle time: every call but unlocking and logging out is refused until the password is given. */
  locked: boolean;
}

/**
 * Logged-in accounts per client: an Electron window (its webContents id) or a browser tab (its client key).
 * Kept in memory only: a restart logs everyone out.
 */
export class Sessions {
  private readonly byClient = new Map<string, Session>();

  get(clientKey: string): SessionAccount | null {
    return this.byClient.get(clientKey)?.account ?? null;
  }
  set(clientKey: string, account: SessionAccount, now: number): void {
    this.byClient.set(clientKey, { account, lastUse: now, locked: false });
  }
  clear(clientKey: string): void {
    this.byClient.delete(clientKey);
  }

  /**
   * Whether this client's session is (now) locked: it was, or it has been idle longer than the limit. A call that
   * finds it unlocked counts as use, unless the window made it by itself (`use` false).
   */
  lockedAt(clientKey: string, now: number, idleLimitMs: number, use = true): boolean {
    const session = this.byClient.get(clientKey);
    if (!session) return false;
    if (!session.locked && now - session.lastUse > idleLimitMs) session.locked = true;
    if (!session.locked && use) session.lastUse = now;
    return session.locked;
  }
  lock(clientKey: string): void {
    const session = this.byClient.get(clientKey);
    if (session) session.locked = true;
  }
  unlock(clientKey: string, now: number): void {
    const session = this.byClient.get(clientKey);
    if (session) Object.assign(session, { locked: false, lastUse: now });
  }

  /**
   * Other windows in use now (logged in, not locked, used within the idle time): a restore waits for them. A browser
   * tab closed without logging out stops counting once it would have locked.
   */
  othersInUse(clientKey: string, now: number, idleLimitMs: number): number {
    let n = 0;
    for (const [key, s] of this.byClient)
      if (key !== clientKey && !s.locked && now - s.lastUse <= idleLimitMs) n++;
    return n;
  }
  /** After a restore the accounts may differ from before: everyone logs in again. */
  clearAll(): void {
    this.byClient.clear();
  }
  /** A changed or deactivated account takes effect at once in every window it is logged in to. */
  update(accountId: string, account: SessionAccount | null): void {
    for (const [key, current] of this.byClient) {
      if (current.account.id !== accountId) continue;
      if (account) current.account = account;
      else this.byClient.delete(key);
    }
  }
}
