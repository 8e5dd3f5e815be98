/**
 * Crash-test child: approves every submitted claim in the data folder in one call.
 * Usage: node test/support/approve-all.ts <data folder>
 */
import { maxClaimsPerAction } from '../../shared/claims.ts';
import { call, login, openCore, ready } from './crash-child.ts';

const [dir] = process.argv.slice(2) as [string];
const core = await openCore(dir);
await login(core, 'administrateur');
// One page of the largest size holds what one action may approve.
const claims = await call(core, 'claims.list', { status: 'ingediend', pageSize: maxClaimsPerAction });
const done = ready();
await call(core, 'claims.approve', { items: claims.rows.map((c) => ({ id: c.id, version: c.version })) });
done();
await core.close();
