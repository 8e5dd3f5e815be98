import { type Dispatch, type SetStateAction, useCallback, useState } from 'react';

/**
 * A screen's view state (search, filters, sort, page) kept for this tab, so opening a record and going back finds the
 * list as it was. Cleared at logout: the next person starts on a clean list.
 */
const prefix = 'schakel-view:';

export function useRememberedState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(prefix + key);
    if (stored === null) return initial;
    try {
      return JSON.parse(stored) as T;
    } catch {
      return initial;
    }
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) =>
      setValue((previous) => {
        const value = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        sessionStorage.setItem(prefix + key, JSON.stringify(value));
        return value;
      }),
    [key],
  );
  return [value, set];
}

export function forgetViewState(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
}
