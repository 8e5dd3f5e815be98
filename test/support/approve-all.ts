/**
 * Crash-test child: approves every submitted claim in the data folder in one call.
 * Usage: node test/support/approve-all.ts <data folder>
 */
import { call, login, openCore, ready } from './crash-child.ts';

const [dir] = process.argv.slice(2) as [string];
const core = await openCore(dir);
await login(core, 'administrateur');
const claims = await call(core, 'claims.list', { status: 'ingediend' });
const done = ready();
await call(core, 'claims.approve', { items: claims.map((c) => ({ id: c.id, version: c.version })) });
done();
await core.close();
