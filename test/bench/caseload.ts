import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/app-core.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics, race, rawReplay } from './measure.ts';

const login = { username: 'begeleider', password: 'bench bench bench' };

/** The caseload of one begeleider with 300 people and ten years of log entries (30,000), dispatcher vs raw SQL. */
export async function caseloadBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-caseload-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    {
      organisatieNaam: 'Bench',
      displayName: 'Begeleider',
      username: login.username,
      password: login.password,
      role: 'begeleider',
    },
    'bench',
  );
  const me = store.sqlite.prepare('select id from accounts').pluck().get() as string;
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2016-01-01T00:00:00Z';
  store.sqlite.transaction(() => {
    const person =
      store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, begeleider_id,
      bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, 'actief', '2016-01-01', ?, 0, 0, '', ?, ?, ?, 1)`);
    const pop = store.sqlite.prepare('insert into pops values (?, ?, ?, ?, ?, 1)');
    const version = store.sqlite.prepare('insert into pop_versions values (?, ?, 1, ?, ?, ?, 1)');
    const entry =
      store.sqlite.prepare(`insert into log_entries (id, person_id, soort, signaal_soort, datum, duur_minuten,
      samenvatting, vertrouwelijk, author_id, gesloten_op, created_at, updated_at, version)
      values (?, ?, ?, ?, ?, 60, 'Gesprek', 0, ?, ?, ?, ?, 1)`);
    const progress = store.sqlite.prepare(
      'insert into goal_progress values (?, ?, ?, ?, ?, ?, null, ?, ?, 1)',
    );
    let e = 0;
    for (let p = 0; p < 300; p++) {
      const personId = id(1, p);
      person.run(personId, `Persoon${p}`, `Achternaam${p}`, me, `achternaam${p} persoon${p}`, stamp, stamp);
      const goals = [0, 1, 2, 3].map((g) => ({
        id: id(2, p * 10 + g),
        wat: `Doel ${g}`,
        hoe: '',
        wieHelpt: '',
        streefdatum: `202${g}-06-01`,
        status: 'bezig',
      }));
      const content = JSON.stringify({
        startdatum: '2016-01-01',
        kwaliteiten: '',
        ambitie: '',
        ritme: 'maandelijks',
        doelen: goals,
      });
      pop.run(id(3, p), personId, id(4, p), stamp, stamp);
      version.run(id(4, p), id(3, p), content, me, stamp);
      for (let k = 0; k < 100; k++) {
        const year = 2016 + Math.floor(k / 10);
        const datum = `${year}-${String((k % 10) + 1).padStart(2, '0')}-15`;
        const signal = k % 25 === 0;
        entry.run(
          id(5, e),
          personId,
          signal ? 'signaal' : 'ontwikkelingsgesprek',
          signal ? 'overbelasting' : null,
          datum,
          me,
          signal && k < 90 ? datum : null,
          stamp,
          stamp,
        );
        if (k % 10 === 0)
          progress.run(
            id(6, e),
            personId,
            goals[k % 4]?.id,
            datum,
            k % 20 === 0 ? 'behaald' : 'bezig',
            'Voortgang',
            me,
            `${datum}T12:00:00Z`,
          );
        e++;
      }
    }
  })();
  gatherStatistics(store.sqlite);
  await dispatcher.dispatch('auth.login', login, 'bench');
  const rows = await dispatcher.dispatch('begeleiding.caseload', {}, 'bench');
  if (!rows.ok || (rows.value as unknown[]).length !== 300)
    throw new Error(`caseload bench: ${JSON.stringify(rows).slice(0, 200)}`);
  const raw = await rawReplay(dir, store, login, 'begeleiding.caseload', {});
  const medians = await race(
    { dispatcher: () => dispatcher.dispatch('begeleiding.caseload', {}, 'bench'), raw },
    60,
  );
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    caseload: {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: { people: 300, entries: 30_000 },
    },
  };
}
