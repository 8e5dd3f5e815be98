/**
 * The desk's link with the server as every part of the window sees it (status line, menu, Instellingen, Te
 * verwerken): one sync.status for all, asked again every few seconds in team mode and right after each write.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../../shared/result.ts';
import type { SyncStatus } from '../../../../shared/sync.ts';
import { invoke, onWritten } from '../../lib/api.ts';

/** Cheap to ask (a few counts), and a person notices a change within this time. */
const pollEveryMs = 4_000;

interface SyncStatusValue {
  /** Null until the first answer, and after a failure. */
  status: SyncStatus | null;
  error: AppError | null;
  refresh(): void;
  /** Pushes and pulls now (sync.now); the answer is the status after it. */
  syncNow(): Promise<Result<SyncStatus>>;
}

const SyncStatusContext = createContext<SyncStatusValue | null>(null);

export function useSyncStatus(): SyncStatusValue {
  const value = useContext(SyncStatusContext);
  if (!value) throw new Error('useSyncStatus outside SyncStatusProvider');
  return value;
}

export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef(0);
  // The same answer again changes nothing on screen: no new render every few seconds.
  const shown = useRef('');
  const take = useCallback((result: Result<SyncStatus>) => {
    const key = JSON.stringify(result);
    if (key === shown.current) return;
    shown.current = key;
    setStatus(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  }, []);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await invoke('sync.status', {});
    if (ticket === latest.current) take(result);
  }, [take]);

  const syncNow = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await invoke('sync.now', {});
    if (ticket === latest.current && result.ok) take(result);
    return result;
  }, [take]);

  // A desk working alone stays so until it is connected (which signs the user out): asked once, not polled.
  const polling = status?.mode !== 'alleen';
  useEffect(() => {
    void refresh();
    if (!polling) return;
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh();
    }, pollEveryMs);
    const stop = onWritten(() => void refresh());
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [refresh, polling]);

  return (
    <SyncStatusContext.Provider value={{ status, error, refresh: () => void refresh(), syncNow }}>
      {children}
    </SyncStatusContext.Provider>
  );
}
