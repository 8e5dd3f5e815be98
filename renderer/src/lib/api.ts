/**
 * The renderer's only way to the main process: `invoke(name, input)` typed by the shared contract. Under Electron
 * the preload provides it; in the browser host it is a POST to /api/<name> with the per-start token.
 */
import { type CallInput, type CallName, type CallOutput, contract } from '../../../shared/contract.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { clientHeader, tokenHeader } from '../../../shared/security.ts';
import { reportInternalError } from './error-report.ts';

interface Bridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    schakel?: Bridge;
  }
}

/** Reads the token from the start URL (#token=…) once, keeps it for this tab and removes it from the address bar. */
function browserTransport(): Bridge {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem('schakel-token', match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  let client = sessionStorage.getItem('schakel-client');
  if (!client) {
    client = crypto.randomUUID();
    sessionStorage.setItem('schakel-client', client);
  }
  const clientKey = client;
  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [tokenHeader]: sessionStorage.getItem('schakel-token') ?? '',
            [clientHeader]: clientKey,
          },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Schakel is niet bereikbaar. Draait het programma nog?' },
        };
      }
    },
  };
}

const bridge: Bridge = window.schakel ?? browserTransport();

/** Listeners for a lost session, so the app can return to the login screen from anywhere. */
const sessionLost = new Set<() => void>();
export function onSessionLost(fn: () => void): () => void {
  sessionLost.add(fn);
  return () => sessionLost.delete(fn);
}

/** Listeners for a session the main process locked (idle), so the lock screen can cover whatever is open. */
const sessionLocked = new Set<() => void>();
export function onSessionLocked(fn: () => void): () => void {
  sessionLocked.add(fn);
  return () => sessionLocked.delete(fn);
}

/** Listeners for a write that succeeded: what shows the state of the data (the sync status line) looks again. */
const written = new Set<(call: CallName) => void>();
export function onWritten(fn: (call: CallName) => void): () => void {
  written.add(fn);
  return () => written.delete(fn);
}

export async function invoke<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<Result<CallOutput<N>>> {
  const result = (await bridge.invoke(name, input)) as Result<CallOutput<N>>;
  if (result.ok && contract[name].write) for (const fn of written) fn(name);
  if (!result.ok && result.error.code === 'unauthenticated' && name !== 'auth.login') {
    for (const fn of sessionLost) fn();
  }
  if (!result.ok && result.error.code === 'locked') for (const fn of sessionLocked) fn();
  // A failure inside Schakel: one place offers the technical report, whichever screen made the call.
  if (!result.ok && result.error.code === 'internal')
    reportInternalError({ kind: 'call', call: name, error: result.error });
  return result;
}

/** For screens that show a failure as a whole: throws the Dutch error. */
export class CallError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

export async function invokeOrThrow<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const result = await invoke(name, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}
