import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dutchDate } from '../shared/dates.ts';
import { type Core, startCore } from './core/app-core.ts';
import { demoAccounts, demoPassword, seedDemo } from './core/demo/seed.ts';
import { type BrowserHost, startBrowserHost } from './core/http/browser-host.ts';
import type { LaunchOptions } from './launch-options.ts';

export const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/renderer');

/**
 * Core plus HTTP host for one data folder, opened with the database key; fills the demo set first when asked for
 * and the folder is new. `clock` stands in for the wall clock (tests run on a fixed day).
 */
export async function runBrowserHost(
  options: LaunchOptions,
  key: string,
  clock?: () => Date,
): Promise<{ core: Core; host: BrowserHost }> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('De gebouwde schermen ontbreken (dist/renderer). Voer eerst `npm run build` uit.');
  }
  const core = await startCore(options.dataDir, clock ? { key, clock } : { key });
  if (options.demo) {
    const status = await core.dispatcher.dispatch('settings.status', {}, 'launcher');
    if (status.ok && (status.value as { needsSetup: boolean }).needsSetup)
      await seedDemo(core.dispatcher, undefined, dutchDate(clock?.()));
  }
  const host = await startBrowserHost({
    dispatcher: core.dispatcher,
    staticDir: rendererDir,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return { core, host };
}

export function demoLoginText(): string {
  return `Demo-accounts (wachtwoord ${demoPassword}): ${demoAccounts.map((a) => `${a.username} (${a.role}${a.isBeheerder ? ', beheerder' : ''})`).join(', ')}`;
}
