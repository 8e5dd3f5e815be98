import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/app-core.ts';
import { volunteerContract } from '../support/harness.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics, race, rawReplay } from './measure.ts';

const login = { username: 'projectleider', password: 'bench bench bench' };

const languages = [
  'Tigrinya',
  'Arabisch',
  'Dari',
  'Farsi',
  'Somalisch',
  'Oekraïens',
  'Russisch',
  'Turks',
  'Amhaars',
  'Koerdisch',
];
const gemeenten = ['Doetinchem', 'Zutphen', 'Winterswijk', 'Lochem', 'Oost Gelre', 'Berkelland'];
const dagdelen = ['ma', 'di', 'wo', 'do', 'vr', 'za'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((p) => `${d}-${p}`),
);

/**
 * Match proposals for one request in a pool of 300 active people (two or three languages each, availability,
 * volunteer or employment contracts, four months of inzet, granted allowance), through the dispatcher against the
 * same statements replayed raw on the handle: what the layers and the ranking cost above fetching the candidate rows.
 */
export async function verdelingBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-verdeling-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    {
      organisatieNaam: 'Bench',
      displayName: 'Projectleider',
      username: login.username,
      password: login.password,
      role: 'projectleider',
    },
    'bench',
  );
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2026-01-01T00:00:00Z';
  let inzetCount = 0;
  store.sqlite.transaction(() => {
    const person =
      store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, gender, herkomstland, gemeente,
      status, status_datum, bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, ?, ?, ?, 'actief', '2026-01-01', 0, 0, '', ?, ?, ?, 1)`);
    const language = store.sqlite.prepare(
      `insert into person_languages (id, person_id, position, taal, niveau, version) values (?, ?, ?, ?, 'goed', 1)`,
    );
    const availability =
      store.sqlite.prepare(`insert into person_availability (id, person_id, dagdelen, eigen_vervoer,
      ook_gemeenten, toelichting, updated_at, version) values (?, ?, ?, ?, ?, null, ?, 1)`);
    const contract =
      store.sqlite.prepare(`insert into contracts (id, person_id, nummer, versie, vorige_id, vorm, status,
      profile_version_id, draft, startdatum, einddatum, created_at, updated_at, version)
      values (?, ?, ?, 1, null, ?, 'definitief', null, ?, '2026-01-01', null, ?, ?, 1)`);
    const inzet =
      store.sqlite.prepare(`insert into inzet (id, datum, minuten, soort, bereik_volwassenen, bereik_kinderen,
      bereik_statushouders, bereik_professionals, created_at, updated_at, version)
      values (?, ?, ?, 'individuele_ondersteuning', 1, 0, 1, 0, ?, ?, 1)`);
    const inzetPerson = store.sqlite.prepare(
      'insert into inzet_persons (id, inzet_id, person_id, claim_id, version) values (?, ?, ?, null, 1)',
    );
    const granted = store.sqlite.prepare(
      'insert into granted_allowance (person_id, period, cents) values (?, ?, ?)',
    );
    const absence = store.sqlite.prepare(
      `insert into person_absences (id, person_id, van, tot, reden, created_at, version) values (?, ?, ?, ?, null, ?, 1)`,
    );
    for (let p = 0; p < 300; p++) {
      const personId = id(1, p);
      person.run(
        personId,
        `Persoon${p}`,
        `Achternaam${p}`,
        p % 2 ? 'vrouw' : 'man',
        'Eritrea',
        gemeenten[p % 6],
        `achternaam${p}`,
        stamp,
        stamp,
      );
      const count = 2 + (p % 2);
      for (let l = 0; l < count; l++)
        language.run(id(2, p * 3 + l), personId, l, languages[(p + l * 3) % languages.length]);
      if (p % 4 !== 3)
        availability.run(
          id(3, p),
          personId,
          dagdelen.filter((_, d) => (d + p) % 3 === 0).join(' '),
          p % 3 === 0 ? 1 : 0,
          p % 2 ? `${gemeenten[(p + 1) % 6]}|${gemeenten[(p + 2) % 6]}` : null,
          stamp,
        );
      const employee = p % 10 === 0;
      const draft = employee
        ? {
            personId,
            profileVersionId: null,
            vorm: 'arbeidsovereenkomst',
            velden: {},
            startdatum: '2026-01-01',
            einddatum: null,
            urenPerWeek: 18,
            cao: 'Cao Sociaal Werk',
            schaal: '6',
            trede: null,
            brutoMaandsalarisCents: 2800_00,
            proeftijdMaanden: 0,
          }
        : volunteerContract(personId, {
            verwachtUrenPerMaand: 8 + (p % 12),
            andereOrganisatiesPerMaandCents: p % 7 === 0 ? 50_00 : 0,
          });
      contract.run(id(4, p), personId, `C-${p}`, draft.vorm, JSON.stringify(draft), stamp, stamp);
      // Four months of inzet: a few activities a month, more for some.
      for (let m = 8; m <= 11; m++) {
        for (let a = 0; a < 1 + ((p * m) % 6); a++) {
          const inzetId = id(5, inzetCount++);
          inzet.run(
            inzetId,
            `2026-${String(m).padStart(2, '0')}-${String(1 + ((a * 5 + p) % 28)).padStart(2, '0')}`,
            60 + 30 * (a % 4),
            stamp,
            stamp,
          );
          inzetPerson.run(id(6, inzetCount), inzetId, personId);
        }
        if (!employee) granted.run(personId, `2026-${String(m).padStart(2, '0')}`, 2000 + 300 * (p % 20));
      }
      if (!employee) granted.run(personId, '2026', 4 * (2000 + 300 * (p % 20)));
      if (p % 25 === 0) absence.run(id(7, p), personId, '2026-12-01', '2026-12-14', stamp);
    }
    store.sqlite
      .prepare(`insert into requests (id, ontvangen_op, gewenst_van, gemeente, soort_hulp, verwachte_minuten, omschrijving,
        status, created_at, updated_at, version) values (?, '2026-11-20', '2026-12-08T19:00', 'Doetinchem',
        'individuele_ondersteuning', 120, 'Ouderavond', 'nieuw', ?, ?, 1)`)
      .run(id(8, 0), stamp, stamp);
    const requestLanguage = store.sqlite.prepare(
      'insert into request_languages (id, request_id, taal, verplicht, version) values (?, ?, ?, ?, 1)',
    );
    requestLanguage.run(id(9, 0), id(8, 0), 'Tigrinya', 1);
    requestLanguage.run(id(9, 1), id(8, 0), 'Arabisch', 0);
  })();
  gatherStatistics(store.sqlite);
  await dispatcher.dispatch('auth.login', login, 'bench');
  const input = { requestId: id(8, 0) };
  const result = await dispatcher.dispatch('verdeling.proposals', input, 'bench');
  if (!result.ok) throw new Error(`verdeling bench: ${JSON.stringify(result).slice(0, 300)}`);
  const { voorstellen, spreektDeTaalNietTotaal } = result.value as {
    voorstellen: unknown[];
    spreektDeTaalNietTotaal: number;
  };
  if (voorstellen.length + spreektDeTaalNietTotaal !== 300)
    throw new Error(`verdeling bench: ${voorstellen.length} + ${spreektDeTaalNietTotaal} people, not 300`);
  const raw = await rawReplay(dir, store, login, 'verdeling.proposals', input);
  const medians = await race(
    { dispatcher: () => dispatcher.dispatch('verdeling.proposals', input, 'bench'), raw },
    60,
  );
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    matchProposals: {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: { people: 300, inzet: inzetCount, proposed: voorstellen.length },
    },
  };
}
