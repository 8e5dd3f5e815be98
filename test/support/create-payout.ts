/**
 * Crash-test child: puts every approved claim in the data folder into one payout batch (one transfer per person).
 * Prints `writing batch` as the batch row is about to be written (the SEPA file built and checked), and
 * `writing claims` as the first claim is about to be moved into it.
 * Usage: node test/support/create-payout.ts <data folder> <uitvoerdatum>
 */
import { call, login, markStatement, openCore, ready } from './crash-child.ts';

const [dir, uitvoerdatum] = process.argv.slice(2) as [string, string];
const core = await openCore(dir);
await login(core, 'administrateur');
// Straight from the table: the claims list computes every claim's checks, which only slows the start here.
const claimIds = core.store.sqlite
  .prepare("select id from claims where status = 'goedgekeurd'")
  .pluck()
  .all() as string[];
markStatement(core, /^insert into "payout_batches"/, 'writing batch');
markStatement(core, /^update "claims"/, 'writing claims');
const done = ready();
await call(core, 'payouts.create', { claimIds, uitvoerdatum });
done();
await core.close();
