/**
 * Crash-test child: opens the database with every shipped migration, so an older file is brought up to date.
 * Each step prints `step <version>` as it starts and `step <version> written` when its changes are made but not yet
 * committed, so the parent can also kill it right inside a given step; the steps themselves are the shipped ones.
 * Usage: node test/support/migrate-store.ts <database file>
 */

import { openStore } from '../../electron/core/store/open-store.ts';
import { migrations } from '../../migrations/index.ts';
import { crashNow, mark, ready } from './crash-child.ts';
import { testKey } from './harness.ts';

const [file] = process.argv.slice(2) as [string];
const marked = migrations.map((m) => ({
  ...m,
  up: async (...args: Parameters<typeof m.up>) => {
    mark(`step ${m.version}`);
    await m.up(...args);
    // The step's own changes are made; its row in schema_migrations and the commit are still to come.
    mark(`step ${m.version} written`);
  },
}));
const done = ready();
const store = await openStore(file, { key: testKey, migrations: marked, now: crashNow });
done();
await store.close();
