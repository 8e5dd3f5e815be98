/**
 * Crash-test child: makes the given draft contracts definitief one after another, printing `finalized <id>` after
 * each commit, and `writing` as the first one's PDF is about to be stored.
 * Usage: node test/support/finalize-contracts.ts <data folder> <contract id>...
 */
import { call, login, markStatement, openCore, ready } from './crash-child.ts';

const [dir, ...ids] = process.argv.slice(2) as [string, ...string[]];
const core = await openCore(dir);
await login(core, 'projectleider');
markStatement(core, /^update "contracts"/, 'writing');
const done = ready();
for (const id of ids) {
  await call(core, 'contracts.finalize', { id, version: 1 });
  process.stdout.write(`finalized ${id}\n`);
}
done();
await core.close();
