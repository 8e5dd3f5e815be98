import type { SessionAccount } from '../../shared/roles.ts';

/**
 * Logged-in accounts per client: an Electron window (its webContents id) or a browser tab (its client key).
 * Kept in memory only: a restart logs everyone out.
 */
export class Sessions {
  private readonly byClient = new Map<string, SessionAccount>();

  get(clientKey: string): SessionAccount | null {
    return this.byClient.get(clientKey) ?? null;
  }
  set(clientKey: string, account: SessionAccount): void {
    this.byClient.set(clientKey, account);
  }
  clear(clientKey: string): void {
    this.byClient.delete(clientKey);
  }
  /** A changed or deactivated account takes effect at once in every window it is logged in to. */
  update(accountId: string, account: SessionAccount | null): void {
    for (const [key, current] of this.byClient) {
      if (current.id !== accountId) continue;
      if (account) this.byClient.set(key, account);
      else this.byClient.delete(key);
    }
  }
}
