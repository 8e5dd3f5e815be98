/**
 * Run as a child process by the crash test: opens the data folder and approves every submitted claim in one call,
 * so the test can kill it part-way through.
 */
import { startCore } from '../../electron/core/app-core.ts';

const [dir, username, password] = process.argv.slice(2) as [string, string, string];
const core = await startCore(dir);
await core.dispatcher.dispatch('auth.login', { username, password }, 'crash');
const list = await core.dispatcher.dispatch('claims.list', { status: 'ingediend' }, 'crash');
if (!list.ok) throw new Error(list.error.message);
const items = (list.value as { id: string; version: number }[]).map((c) => ({
  id: c.id,
  version: c.version,
}));
process.stdout.write(`start ${items.length}\n`);
const result = await core.dispatcher.dispatch('claims.approve', { items }, 'crash');
process.stdout.write(`${result.ok ? 'done' : `failed ${result.error.message}`}\n`);
await core.close();
