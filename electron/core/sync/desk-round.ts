/**
 * One round of a linked desk's sync over HTTPS: users who signed in here while the server was out of reach get
 * their token first; then the outbox goes, each user's commands with that user's token; then the desk pulls as the
 * user signed in last (or another user with a token), its copy made theirs first (desk-pull-as.ts), and fetches
 * part of the files still missing (desk-files.ts). A command of a user without a token waits, and so does
 * everything after it: a later command may build on it. An answer that is no answer (unreachable, another
 * certificate, the desk revoked) ends the round as a ServerRefusal for the link to judge.
 */
import type { AppError, Result } from '../../../shared/result.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { SqliteStore } from '../store/store.ts';
import { type FetchFile, fetchMissingFiles } from './desk-files.ts';
import { type DeskLink, dropToken, readTokens, storePulledAt, storeToken } from './desk-link-state.ts';
import { type Pull, pullInto } from './desk-pull.ts';
import { pullAs } from './desk-pull-as.ts';
import { type Push, pushOutbox } from './desk-push.ts';
import { deviceRefusals } from './device-auth.ts';
import { serverClient } from './server-client.ts';
import { ServerRefusal } from './server-refusal.ts';

/** About how many bytes of files a round fetches after its pull; the next round goes on. */
const filesPerRoundBytes = 32 * 1024 * 1024;

/** The commands from here on wait for a user who has no token. */
class NoToken extends Error {}

/** The device key was accepted, the user's token not (revoked, the account deactivated): they sign in again. */
const tokenRefused = (error: AppError) =>
  error.code === 'unauthenticated' && error.message !== deviceRefusals.unknown;

export interface Credentials {
  username: string;
  password: string;
}

export interface RoundDeps {
  dispatcher: Dispatcher<SqliteStore>;
  link: DeskLink;
  clock: () => Date;
  /** Passwords of users signed in here who have no token yet, by account id; kept in memory only. */
  waiting: Map<string, Credentials>;
  /** Whom to pull as, if they have a token: the user signed in last. */
  preferred: string | null;
  /** Rows and bytes received so far while pulling; null when the pull ended. */
  progress(voortgang: { rijen: number; bytes: number } | null): void;
}

export interface RoundReport {
  pulled: boolean;
  /** A user's password the server refused (changed there meanwhile): said to the user, not retried. */
  refusedSignIn: string | null;
}

export async function syncRound(deps: RoundDeps): Promise<RoundReport> {
  const db = deps.dispatcher.store.db;
  const voortgang = { rijen: 0, bytes: 0 };
  let pulling = false;
  const client = serverClient(deps.link, {
    onBytes: (bytes) => {
      if (!pulling) return;
      voortgang.bytes += bytes;
      deps.progress({ ...voortgang });
    },
  });
  const device = { deviceId: deps.link.deviceId, deviceKey: deps.link.deviceKey };

  const tokens = await readTokens(db);
  let refusedSignIn: string | null = null;
  for (const [accountId, credentials] of deps.waiting) {
    if (!tokens.has(accountId)) {
      const answer = await client.signIn(device, credentials);
      if (answer.ok) {
        await storeToken(db, answer.value.account.id, answer.value.token);
        tokens.set(answer.value.account.id, answer.value.token);
      } else if (tokenRefused(answer.error))
        refusedSignIn = `Aanmelden bij de server lukte niet: ${answer.error.message}`;
      else throw new ServerRefusal(answer.error);
    }
    deps.waiting.delete(accountId);
  }

  const withToken = async <T>(accountId: string, ask: (token: string) => Promise<Result<T>>): Promise<T> => {
    const token = tokens.get(accountId);
    if (token === undefined) throw new NoToken();
    const answer = await ask(token);
    if (answer.ok) return answer.value;
    if (!tokenRefused(answer.error)) throw new ServerRefusal(answer.error);
    await dropToken(db, accountId);
    tokens.delete(accountId);
    throw new NoToken();
  };

  const push: Push = (commands, accountId) =>
    withToken(accountId, (userToken) => client.push({ ...device, userToken }, commands));
  try {
    await pushOutbox(db, push, deps.clock);
  } catch (thrown) {
    if (!(thrown instanceof NoToken)) throw thrown;
  }

  const as = deps.preferred !== null && tokens.has(deps.preferred) ? deps.preferred : [...tokens.keys()][0];
  if (as === undefined) return { pulled: false, refusedSignIn };
  const pull: Pull = async (since, limit) => {
    const page = await withToken(as, (userToken) => client.pull({ ...device, userToken }, since, limit));
    voortgang.rijen += page.tables.reduce((n, t) => n + t.rows.length + t.dropped.length, 0);
    deps.progress({ ...voortgang });
    return page;
  };
  const fetchFile: FetchFile = (sha256) =>
    withToken(as, (userToken) => client.blob({ ...device, userToken }, sha256));
  await pullAs(db, as);
  pulling = true;
  deps.progress({ ...voortgang });
  try {
    await pullInto(deps.dispatcher, pull);
    // Then the files the rows name, a part each round, for the times this computer is offline.
    await fetchMissingFiles(db, fetchFile, filesPerRoundBytes);
  } catch (thrown) {
    if (thrown instanceof NoToken) return { pulled: false, refusedSignIn };
    throw thrown;
  } finally {
    deps.progress(null);
  }
  await storePulledAt(db, deps.clock().toISOString());
  return { pulled: true, refusedSignIn };
}
