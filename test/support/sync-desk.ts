/**
 * A desk in team mode beside the team of test/support/sync-server.ts: its own encrypted SQLite store, filled by a
 * first pull as its user, who then signs in on it offline. Its push and pull go to the real server services
 * in-process (no HTTP), each answer through JSON as over the wire. Its `pull` is what a background round does: the
 * rows, then the files they name from the server's blob service (desk-files.ts); `pullRows` the rows alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/app-core.ts';
import { fetchMissingFiles } from '../../electron/core/sync/desk-files.ts';
import { type PullSummary, pullInto } from '../../electron/core/sync/desk-pull.ts';
import { type PushSummary, pushOutbox } from '../../electron/core/sync/desk-push.ts';
import { blobFor } from '../../electron/core/sync/server-blob.ts';
import { pullChanges } from '../../electron/core/sync/server-pull.ts';
import { applyPush, type Pusher } from '../../electron/core/sync/server-push.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { Role } from '../../shared/roles.ts';
import type { PushedCommand } from '../../shared/sync.ts';
import { password, testKey } from './harness.ts';
import type { SyncTeam } from './sync-server.ts';

const overWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function syncDesk(team: SyncTeam, role: Role, start = '2026-05-01T10:00:00.000Z') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-desk-'));
  let now = new Date(start);
  const core = await startCore(dir, { key: testKey, clock: () => now, idleClock: () => 0, team: true });
  const client = `desk-${role}`;
  /** Who the server takes the pushes to be from (a test may change it, as a role changed on the server). */
  let pusher: Pusher = team.pushers[role];
  /** Commands whose answer is lost on the way back: the server applied them, the desk never heard. */
  let loseAnswers = false;

  const push = async (commands: PushedCommand[]) => {
    const answer = overWire(await applyPush(team.server(0), pusher, commands));
    return loseAnswers ? { results: [] } : answer;
  };
  const pull = async (since: number, limit: number) =>
    overWire(await pullChanges(team.server(1).db, pusher.account, since, limit));
  /** The hashes the desk asked the server for, in order. */
  const fetched: string[] = [];
  /** What the server's answer becomes on the way (a test's tampering); null: as sent. */
  let alterBlob: ((content: Buffer) => Buffer) | null = null;
  const fetchBlob = async (sha256: string) => {
    fetched.push(sha256);
    const content = await blobFor(team.server(1).db, pusher.account, sha256);
    if (!content) throw new Error(`blob ${sha256}: not found for the ${role}`);
    return alterBlob ? alterBlob(content) : content;
  };

  const desk = {
    dir,
    core,
    db: () => core.store.db,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    /** Moves the desk's clock a minute on, so each call has its own moment. */
    tick: () => {
      now = new Date(now.getTime() + 60_000);
    },
    call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
      desk.tick();
      return core.dispatcher.dispatch(name, input, client) as Promise<Result<CallOutput<N>>>;
    },
    async ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      const r = await desk.call(name, input);
      if (!r.ok) throw new Error(`${name} on the ${role}'s desk: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    push: (): Promise<PushSummary> => pushOutbox(core.store.db, push, () => now),
    pullRows: (): Promise<PullSummary> => pullInto(core.dispatcher, pull),
    /** The files still missing, about `budgetBytes` of them (all by default); resolves with how many still are. */
    fetchFiles: (budgetBytes = Number.POSITIVE_INFINITY) =>
      fetchMissingFiles(core.store.db, fetchBlob, budgetBytes),
    async pull(): Promise<PullSummary> {
      const summary = await desk.pullRows();
      await desk.fetchFiles();
      return summary;
    },
    fetched,
    alterBlobs(alter: ((content: Buffer) => Buffer) | null) {
      alterBlob = alter;
    },
    async sync() {
      return { push: await desk.push(), pull: await desk.pull() };
    },
    setPusher(next: Pusher) {
      pusher = next;
    },
    loseAnswers(lose: boolean) {
      loseAnswers = lose;
    },
    outbox: () => core.store.db.selectFrom('sync_outbox').selectAll().orderBy('position').execute(),
    close: async () => {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // The first download, then the user signs in on this desk with the hash it brought.
  await desk.pull();
  const login = await core.dispatcher.dispatch('auth.login', { username: role, password }, client);
  if (!login.ok) throw new Error(`login on the ${role}'s desk: ${login.error.message}`);
  return desk;
}
export type SyncDesk = Awaited<ReturnType<typeof syncDesk>>;
