import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, startCore } from '../../electron/core/app-core.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics, race } from './measure.ts';
import { searchColumns } from './search-columns.ts';

const people = 50_000;
const password = 'bench bench bench';

async function seeded(key: string | null): Promise<{ core: Core; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-crypt-'));
  const core = await startCore(dir, { key });
  await core.dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Bench', username: 'bench', password, role: 'projectleider' },
    'bench',
  );
  const { sqlite } = core.store;
  const insert =
    sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, gemeente,
    bijstand, toestemming_nodig, notities, search_text, sort_name, created_at, updated_at, version)
    values (?, ?, ?, 'actief', '2025-01-01', ?, 0, 0, ?, ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1)`);
  sqlite.transaction(() => {
    for (let i = 0; i < people; i++) {
      const voornaam = `Persoon${i}`;
      const achternaam = `Achternaam${i}`;
      const gemeente = `Gemeente${i % 40}`;
      const { searchText, sortName } = searchColumns(voornaam, achternaam, gemeente, []);
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      insert.run(id, voornaam, achternaam, gemeente, 'Notitie '.repeat(20), searchText, sortName);
    }
  })();
  gatherStatistics(sqlite);
  return { core, dir };
}

/**
 * The cost of encryption at rest: the same work on an encrypted and on a plain database, seeded alike, measured in
 * alternation in one run. The work is what a day is made of: register pages with a search (a scan of the table),
 * opening a person, and saving a change (a transaction with its audit entry, synced to disk).
 */
export async function encryptionBench(): Promise<Figures> {
  const plain = await seeded(null);
  const encrypted = await seeded(benchKey);
  const work = (core: Core) => {
    let n = 0;
    return async () => {
      const { dispatcher } = core;
      const page = await dispatcher.dispatch(
        'persons.list',
        { search: `persoon${(n * 7919) % people}`, page: 1, pageSize: 25, sort: 'achternaam', desc: false },
        'bench',
      );
      if (!page.ok) throw new Error(page.error.message);
      const id = `00000000-0000-7000-8000-${String((n * 104_729) % people).padStart(12, '0')}`;
      const person = await dispatcher.dispatch('persons.get', { id }, 'bench');
      if (!person.ok) throw new Error(person.error.message);
      const status = await dispatcher.dispatch(
        'persons.setStatus',
        { id, version: (person.value as { version: number }).version, status: 'actief', datum: '2025-02-01' },
        'bench',
      );
      n++;
      return status;
    };
  };
  for (const { core } of [plain, encrypted])
    await core.dispatcher.dispatch('auth.login', { username: 'bench', password }, 'bench');
  const medians = await race({ plain: work(plain.core), encrypted: work(encrypted.core) }, 150);
  for (const { core, dir } of [plain, encrypted]) {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    encryption: { subjectMs: medians.encrypted ?? 0, floorMs: medians.plain ?? 0, about: { people } },
  };
}
