import type { CallName } from '../../shared/contract.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { BackupControl, LinkControl, SessionControl } from './context.ts';
import { Failure } from './failure.ts';
import type { Sessions } from './sessions.ts';

/** Calls a locked session may still make: what any window may see, who it is, locking, unlocking, logging out. */
export const passesLock = new Set<CallName>([
  'settings.status',
  'auth.me',
  'auth.lock',
  'auth.unlock',
  'auth.logout',
]);

/**
 * Calls a window makes by itself, every few seconds (the sync status line): refused while locked like any other,
 * but no sign that a person is there, so they never keep a session from locking.
 */
export const notUse = new Set<CallName>(['sync.status']);

const refusingBackups = (message: string): BackupControl =>
  new Proxy({} as BackupControl, {
    get: () => () => {
      throw new Failure('unavailable', message);
    },
  });

/** The backup calls of a dispatcher built without a data folder (a unit test's). */
export const noBackups = refusingBackups('Reservekopieën zijn hier niet beschikbaar.');

/** The backup calls on PostgreSQL: the server's backups are PostgreSQL's own, made and restored by its beheerder. */
export const postgresBackups = refusingBackups(
  'Deze Schakel werkt met een database op de server. Reservekopieën daarvan maakt en zet de beheerder van de server terug met de middelen van PostgreSQL (pg_dump); Schakel doet dat hier niet zelf.',
);

/** The link of a dispatcher without one (the server's own, a unit test's): a sign-in there has nothing to pass on. */
export const noLink: LinkControl = {
  status: refuseLink,
  connect: refuseLink,
  syncNow: refuseLink,
  signedIn: () => {},
  notice: () => null,
  signInAtServer: (_credentials, refused) => Promise.reject(refused),
  // The server's own core: the desks are in its own store.
  atServer: async () => null,
  // Only a linked desk waits for files; elsewhere every file is in the store.
  file: refuseLink,
};
function refuseLink(): never {
  throw new Failure('unavailable', 'Koppelen met een server kan alleen in Schakel op een computer.');
}

/**
 * The calling client's session as a call's context offers it. `nowMilliseconds` is the idle clock's time of the
 * call; `idleLimitMilliseconds` reads the organisation's idle time before a session locks.
 */
export function sessionControlFor(options: {
  sessions: Sessions;
  throttle: LoginThrottle;
  clientKey: string;
  nowMilliseconds: number;
  idleLimitMilliseconds: () => Promise<number>;
}): SessionControl {
  const { sessions, throttle, clientKey, nowMilliseconds, idleLimitMilliseconds } = options;
  return {
    login: (account) => sessions.set(clientKey, account, nowMilliseconds),
    lock: () => sessions.lock(clientKey),
    unlock: () => sessions.unlock(clientKey, nowMilliseconds),
    logout: () => sessions.clear(clientKey),
    update: (accountId, account) => sessions.update(accountId, account),
    throttle: throttle.forClient(clientKey),
    othersInUse: async () => sessions.othersInUse(clientKey, nowMilliseconds, await idleLimitMilliseconds()),
  };
}
