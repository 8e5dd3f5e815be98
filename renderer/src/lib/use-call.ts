import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import type { AppError } from '../../../shared/result.ts';
import { invoke } from './api.ts';

/** Loads a read call and reloads when its input changes; an older answer never overwrites a newer one. */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null) {
  const [data, setData] = useState<CallOutput<N> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (key === 'null') return;
    const ticket = ++latest.current;
    setLoading(true);
    const result = await invoke(name, JSON.parse(key) as CallInput<N>);
    if (ticket !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error);
  }, [name, key]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, loading, reload: load };
}
