/**
 * Run by the store fault tests in a child process under a fault the parent arranged: a file size limit (a full
 * disk, as SQLite sees it) or another user without write access (a read-only data folder). Prints JSON.
 *   store-faults.ts open DIR          open the data folder
 *   store-faults.ts fill DIR          log in and save people until a save fails
 */
import { startCore } from '../../electron/core/app-core.ts';
import { password, personInput, testKey } from './harness.ts';

const [mode, dir] = process.argv.slice(2) as ['open' | 'fill', string];
const out = (value: unknown) => process.stdout.write(JSON.stringify(value));

let core: Awaited<ReturnType<typeof startCore>>;
try {
  core = await startCore(dir, { key: testKey });
} catch (err) {
  out({ opened: false, message: err instanceof Error ? err.message : String(err) });
  process.exit(0);
}
if (mode === 'open') {
  out({ opened: true });
} else {
  await core.dispatcher.dispatch('auth.login', { username: 'projectleider', password }, 'fill');
  let saved = 0;
  let failure: { code: string; message: string } | null = null;
  while (!failure && saved < 10_000) {
    const r = await core.dispatcher.dispatch(
      'persons.create',
      personInput({ email: `vol${saved}@example.org`, notities: 'Lang verslag. '.repeat(300) }),
      'fill',
    );
    if (r.ok) saved++;
    else failure = r.error;
  }
  out({ opened: true, saved, failure });
}
await core.close();
