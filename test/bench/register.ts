import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/app-core.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics, race, rawReplay } from './measure.ts';
import { searchColumns } from './search-columns.ts';

const login = { username: 'bench', password: 'bench bench bench' };
const surnames = [
  'Çelik',
  'Haddad',
  'Tesfay',
  'Ahmadi',
  'Kowalczyk',
  'Nguyễn',
  'Warsame',
  'Kovalenko',
  'Jansen',
];

/**
 * One page of the register (filtered, sorted) among 100,000 other people: through the dispatcher versus the same
 * SQL on raw better-sqlite3.
 */
export async function registerBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Bench', ...login, role: 'projectleider' },
    'bench',
  );

  // Seed raw: 300 people who match the filter, 100,000 who do not.
  const insert =
    store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, gemeente,
    bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
    values (?, ?, ?, ?, '2025-01-01', ?, 0, 0, ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1)`);
  const language = store.sqlite.prepare(
    `insert into person_languages (id, person_id, position, taal, niveau, version) values (?, ?, 0, ?, 'moedertaal', 1)`,
  );
  store.sqlite.transaction(() => {
    for (let i = 0; i < 100_300; i++) {
      const match = i % 335 === 0 && i / 335 < 300;
      const achternaam = `${surnames[i % surnames.length]}${i}`;
      const voornaam = `Persoon${i}`;
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const gemeente = match ? 'Utrecht' : `Gemeente${i % 40}`;
      const talen = [i % 2 ? 'Arabisch' : 'Tigrinya'];
      const columns = searchColumns(voornaam, achternaam, gemeente, talen);
      insert.run(
        id,
        voornaam,
        achternaam,
        match ? 'actief' : 'gestopt',
        gemeente,
        columns.searchText,
        columns.sortName,
      );
      language.run(`00000000-0000-7000-9000-${String(i).padStart(12, '0')}`, id, talen[0]);
    }
  })();
  gatherStatistics(store.sqlite);

  const input = {
    gemeente: 'Utrecht',
    status: ['actief'],
    sort: 'achternaam',
    desc: false,
    page: 2,
    pageSize: 25,
  };
  const check = await dispatcher.dispatch('persons.list', input, 'bench');
  if (!check.ok || (check.value as { total: number }).total !== 300)
    throw new Error(`unexpected register result ${JSON.stringify(check).slice(0, 200)}`);

  const raw = await rawReplay(dir, store, login, 'persons.list', input);
  const medians = await race(
    { dispatcher: () => dispatcher.dispatch('persons.list', input, 'bench'), raw },
    1000,
  );
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    registerQuery: {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: { rows: 100_300, matching: 300, pageSize: 25 },
    },
  };
}
