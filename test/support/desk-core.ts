/**
 * A desk as a real core on an encrypted SQLite file of its own, its background rounds on timers the test moves by
 * hand, set up on its own as a beheerder does before connecting it (an account 'anna', projectleider), with its
 * calls as client 'w' and `connect` to a server over HTTPS as `username` (bea by default), who then signs in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, startCore } from '../../electron/core/app-core.ts';
import type { DeviceKeyVault } from '../../electron/core/sync/device-key-vault.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { password, testKey } from './harness.ts';
import { manualTimers } from './manual-timers.ts';

export interface DeskCoreOptions {
  /** The desk's clock; a fixed moment by default. */
  clock?: () => Date;
  vault?: DeviceKeyVault;
}

export async function deskCore(options: DeskCoreOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-desk-core-'));
  const timers = manualTimers();
  const core: Core = await startCore(dir, {
    key: testKey,
    clock: options.clock ?? (() => new Date('2026-06-01T09:00:00.000Z')),
    timers: timers.timers,
    ...(options.vault ? { deviceKeyVault: options.vault } : {}),
  });
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    core.dispatcher.dispatch(name, input, 'w') as Promise<Result<CallOutput<N>>>;
  const ok = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await ok('auth.setup', {
    organisatieNaam: 'Eigen Stichting',
    displayName: 'Anna Alleen',
    username: 'anna',
    password,
    role: 'projectleider',
  });
  return {
    dir,
    core,
    call,
    ok,
    /** Connects with a pairing code, replacing its own records, and signs `username` in; the first round ran. */
    async connect(
      server: { url: string; fingerprint: string },
      code: string,
      naam: string,
      username = 'bea',
    ) {
      await ok('sync.connect', { ...server, code, naam, username, password, meenemen: false });
      await ok('auth.login', { username, password });
      await core.link.settled();
    },
    close: async () => {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type DeskCore = Awaited<ReturnType<typeof deskCore>>;
