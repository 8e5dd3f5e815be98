/**
 * Run by the backup test under `prlimit --fsize`: opens the data folder and makes a backup that cannot fit, then
 * prints what the user would be told and which files are left in the backup folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/core/app-core.ts';
import { testKey } from './harness.ts';

const [dir] = process.argv.slice(2) as [string];
const core = await startCore(dir, { key: testKey });
const before = new Set(fs.readdirSync(core.backups.folder()));
let result: { ok: boolean; message: string };
try {
  await core.backups.createInBackground('handmatig');
  result = { ok: true, message: '' };
} catch (err) {
  result = { ok: false, message: err instanceof Error ? err.message : String(err) };
}
const leftovers = fs.readdirSync(core.backups.folder()).filter((n) => !before.has(n));
await core.close();
process.stdout.write(JSON.stringify({ ...result, leftovers, folder: path.basename(core.backups.folder()) }));
