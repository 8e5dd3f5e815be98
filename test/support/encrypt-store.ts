/**
 * Crash-test child: opens a plain database with the test key, so openStore encrypts it. Prints `encrypted copy
 * checked` at the safety copy (the encrypted copy is whole, the original not yet replaced), so the parent can also
 * kill it in that window. Usage: node test/support/encrypt-store.ts <database file>
 */
import { openStore } from '../../electron/core/store/open-store.ts';
import { crashNow, mark, ready } from './crash-child.ts';
import { testKey } from './harness.ts';

const [file] = process.argv.slice(2) as [string];
const done = ready();
const store = await openStore(file, {
  key: testKey,
  now: crashNow,
  safetyCopy: async (_sqlite, reason) => {
    if (reason === 'versleuteling') mark('encrypted copy checked');
  },
});
done();
await store.close();
