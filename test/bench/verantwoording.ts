import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { startCore } from '../../electron/core/app-core.ts';
import { organisationHead } from '../../electron/core/contracts/documents.ts';
import type { Dispatcher } from '../../electron/core/dispatcher.ts';
import { pdfDefinition } from '../../electron/core/pdf/render-document.ts';
import { loadSettings } from '../../electron/core/settings/read.ts';
import { reportChartSvgs } from '../../electron/core/verantwoording/charts-svg.ts';
import { reportDocument } from '../../electron/core/verantwoording/document.ts';
import { reportPdf } from '../../electron/core/verantwoording/handlers.ts';
import { knownRoles, leefgebieden } from '../../shared/profiles.ts';
import { maskSmallCounts, type VerantwoordingReport } from '../../shared/verantwoording.ts';
import { activityKinds, hulpvraagCategories } from '../../shared/work-vocabulary.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics, race } from './measure.ts';

const client = 'bench';
const login = { username: 'projectleider', password: 'bench bench bench' };
const quarter = { van: '2026-04-01', tot: '2026-06-30', scope: { soort: 'organisatie' } };

async function call<T>(dispatcher: Dispatcher, name: string, input: unknown): Promise<T> {
  const r = await dispatcher.dispatch(name, input, client);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * Five years (2022–2026) of 200,000 activities by 300 people, each with one or two people, a role, a leefgebied,
 * often a hulpvraag, and reach by origin; 3,000 requests and 20,000 claims. Bulk inserts in one transaction.
 */
export function fillForTest(sqlite: import('better-sqlite3-multiple-ciphers').Database) {
  const rnd = random(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2022-01-01T00:00:00Z';
  const day = () => {
    const d = new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd() * 1826) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const countries = ['Eritrea', 'Syrië', 'Afghanistan', 'Somalië', 'Oekraïne', 'Turkije', 'Irak'];
  const languages = ['Tigrinya', 'Arabisch', 'Dari', 'Somalisch', 'Oekraïens', 'Turks', 'Koerdisch'];
  sqlite.transaction(() => {
    const person =
      sqlite.prepare(`insert into persons (id, voornaam, achternaam, gender, herkomstland, status,
      status_datum, bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, ?, ?, 'actief', '2022-01-01', 0, 0, '', ?, ?, ?, 1)`);
    const language = sqlite.prepare(
      `insert into person_languages (id, person_id, position, taal, niveau, version) values (?, ?, ?, ?, 'moedertaal', 1)`,
    );
    for (let p = 0; p < 300; p++) {
      person.run(
        id(1, p),
        `Persoon${p}`,
        `Achternaam${p}`,
        pick(['vrouw', 'man']),
        pick(countries),
        `a${p}`,
        stamp,
        stamp,
      );
      language.run(id(2, p * 2), id(1, p), 0, pick(languages));
      if (rnd() < 0.5) language.run(id(2, p * 2 + 1), id(1, p), 1, 'Engels');
    }
    const inzet =
      sqlite.prepare(`insert into inzet (id, datum, minuten, partner_id, request_id, project_id, soort,
      gemeente, bereik_volwassenen, bereik_kinderen, bereik_statushouders, bereik_professionals, hulpvraag_notitie,
      uitkomst, account_id, created_at, updated_at, version)
      values (?, ?, ?, null, null, null, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?, 1)`);
    const persons = sqlite.prepare(
      'insert into inzet_persons (id, inzet_id, person_id, claim_id, version) values (?, ?, ?, null, 1)',
    );
    const tag = sqlite.prepare(
      'insert into inzet_tags (id, inzet_id, kind, waarde, version) values (?, ?, ?, ?, 1)',
    );
    const reach = sqlite.prepare(
      'insert into inzet_reach (id, inzet_id, dimensie, waarde, aantal, version) values (?, ?, ?, ?, ?, 1)',
    );
    // Recorded over five years in date order, as a real record grows (UUIDv7 ids follow the moment of recording).
    const dates = Array.from({ length: 200_000 }, day).sort();
    let row = 0;
    for (let i = 0; i < 200_000; i++) {
      const inzetId = id(3, i);
      inzet.run(
        inzetId,
        dates[i],
        30 + 15 * Math.floor(rnd() * 12),
        pick(activityKinds),
        pick(['Doetinchem', 'Winterswijk', 'Aalten']),
        Math.floor(rnd() * 8),
        Math.floor(rnd() * 5),
        Math.floor(rnd() * 4),
        Math.floor(rnd() * 2),
        stamp,
        stamp,
      );
      const first = Math.floor(rnd() * 300);
      persons.run(id(4, row++), inzetId, id(1, first));
      if (rnd() < 0.3) persons.run(id(4, row++), inzetId, id(1, (first + 1 + Math.floor(rnd() * 299)) % 300));
      tag.run(id(5, row++), inzetId, 'rol', pick(knownRoles));
      tag.run(id(5, row++), inzetId, 'leefgebied', pick(leefgebieden));
      if (rnd() < 0.6) tag.run(id(5, row++), inzetId, 'hulpvraag', pick(hulpvraagCategories));
      if (rnd() < 0.2) tag.run(id(5, row++), inzetId, 'doorverwijzing', 'huisarts');
      reach.run(
        id(6, row++),
        inzetId,
        'herkomst',
        pick(['hoorn_van_afrika', 'midden_oosten', 'oekraine']),
        1 + Math.floor(rnd() * 6),
      );
    }
    const request =
      sqlite.prepare(`insert into requests (id, partner_id, project_id, ontvangen_op, soort_hulp,
      omschrijving, status, gematcht_op, uitgevoerd_op, gemeente, created_at, updated_at, version)
      values (?, null, null, ?, 'huisbezoek', 'Vraag', ?, ?, ?, 'Doetinchem', ?, ?, 1)`);
    for (let i = 0; i < 3000; i++) {
      const received = day();
      request.run(
        id(7, i),
        received,
        'uitgevoerd',
        `${received}T12:00:00Z`,
        `${received}T15:00:00Z`,
        stamp,
        stamp,
      );
    }
    const claim =
      sqlite.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, bedrag_cents, status,
      created_at, updated_at, version) values (?, ?, ?, ?, 'Vergoeding', ?, 'betaald', ?, ?, 1)`);
    for (let i = 0; i < 20_000; i++)
      claim.run(
        id(8, i),
        id(1, i % 300),
        pick(['uren', 'km', 'activiteit']),
        day(),
        500 + Math.floor(rnd() * 5000),
        stamp,
        stamp,
      );
  })();
}

/** The report's aggregates, written by hand as plain SQL on the raw handle: the floor. */
export function rawStatements(): [string, unknown[]][] {
  const { van, tot } = quarter;
  const inzet = 'inzet.datum >= ? and inzet.datum <= ?';
  const active = `select inzet_persons.person_id from inzet_persons inner join inzet on inzet.id = inzet_persons.inzet_id where ${inzet}`;
  const statements: [string, unknown[]][] = [
    [
      'select status, count(*) as n from requests where ontvangen_op >= ? and ontvangen_op <= ? group by status',
      [van, tot],
    ],
    [
      'select count(*) as n from requests where uitgevoerd_op >= ? and uitgevoerd_op <= ?',
      [van, `${tot}T99`],
    ],
    [
      'select ontvangen_op, gematcht_op, uitgevoerd_op from requests where ontvangen_op >= ? and ontvangen_op <= ? and gematcht_op is not null',
      [van, tot],
    ],
    [`select soort, count(*) as n, sum(minuten) as m from inzet where ${inzet} group by soort`, [van, tot]],
    [
      `select substr(datum, 1, 7) as maand, count(*) as n, sum(minuten) as m from inzet where ${inzet} group by substr(datum, 1, 7)`,
      [van, tot],
    ],
    [
      `select kind, waarde, count(*) as n, sum(inzet.minuten) as m from inzet_tags inner join inzet on inzet.id = inzet_tags.inzet_id where ${inzet} group by kind, waarde`,
      [van, tot],
    ],
    [
      `select sum(bereik_volwassenen), sum(bereik_kinderen), sum(bereik_statushouders), sum(bereik_professionals) from inzet where ${inzet}`,
      [van, tot],
    ],
    [
      `select dimensie, waarde, sum(aantal) as n from inzet_reach inner join inzet on inzet.id = inzet_reach.inzet_id where ${inzet} group by dimensie, waarde`,
      [van, tot],
    ],
    [
      `select gender, herkomstland, count(*) as n from persons where id in (${active}) group by gender, herkomstland`,
      [van, tot],
    ],
    [
      `select taal, count(distinct person_id) as n from person_languages where person_id in (${active}) group by taal`,
      [van, tot],
    ],
    [
      `select count(*) as n from persons where id in (${active}) and exists (select done.id from person_trainings as done inner join trainings as training on training.id = done.training_id where done.person_id = persons.id and done.status = 'afgerond' and training.soort = 'basistraining')`,
      [van, tot],
    ],
    [
      'select vervolg, count(*) as n from doorgroei_outflows where datum >= ? and datum <= ? group by vervolg',
      [van, tot],
    ],
    [
      `select soort, count(*) as n, sum(bedrag_cents) as c from claims where datum >= ? and datum <= ? and status in ('goedgekeurd', 'in_batch', 'betaald') group by soort`,
      [van, tot],
    ],
  ];
  return statements;
}

function rawAggregates(sqlite: import('better-sqlite3-multiple-ciphers').Database) {
  const prepared = rawStatements().map(([sql, params]) => ({ statement: sqlite.prepare(sql), params }));
  return () => {
    for (const { statement, params } of prepared) statement.all(params);
  };
}

/**
 * The quarter report over five years of inzet (service vs the same aggregates in raw SQL), and its PDF with six
 * charts (service vs bare pdfmake drawing the same six SVGs).
 */
export async function verantwoordingBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-verantwoording-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Projectleider', ...login, role: 'projectleider' },
    client,
  );
  const t = performance.now();
  fillForTest(store.sqlite);
  gatherStatistics(store.sqlite);
  const fillMs = Math.round(performance.now() - t);

  const report = () => call<VerantwoordingReport>(dispatcher, 'verantwoording.report', quarter);
  const raw = rawAggregates(store.sqlite);
  const reportTimes = await race({ report, raw }, 15, 3);

  // The PDF of a built report (its six charts rendered to SVG, the document on the letterhead, pdfmake in the
  // worker) against bare pdfmake drawing the same six SVGs, and against bare pdfmake on the whole same document.
  const published = maskSmallCounts(await report());
  const ctx = { db: store.db, now: '2026-07-01T10:00:00.000Z', today: '2026-07-01', account: null };
  const svgs = reportChartSvgs(published);
  const model = reportDocument(published, svgs, organisationHead(await loadSettings(store.db)), ctx.today);
  const pdf = () => reportPdf(ctx, published);
  const bare = () =>
    pdfmake
      .createPdf({
        pageSize: 'A4',
        pageMargins: [57, 51, 57, 62],
        content: svgs.map((c) => ({ svg: c.svg, width: c.width, height: c.height })),
      })
      .getBuffer();
  const bareDocument = () => pdfmake.createPdf(pdfDefinition(model, undefined)).getBuffer();
  const pdfTimes = await race({ pdf, bare, bareDocument }, 10, 2);
  const callTimes = await race({ call: () => call(dispatcher, 'verantwoording.pdf', quarter) }, 5, 1);
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) reportChartSvgs(published);
  const chartsMs = (performance.now() - t0) / 10;
  const pages = ((await reportPdf(ctx, published)).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    verantwoordingReport: {
      subjectMs: reportTimes.report ?? 0,
      floorMs: reportTimes.raw ?? 0,
      about: { inzet: 200_000, people: 300, fillMs },
    },
    verantwoordingPdf: {
      subjectMs: pdfTimes.pdf ?? 0,
      floorMs: pdfTimes.bare ?? 0,
      about: {
        charts: svgs.length,
        wholeCallMs: Math.round(callTimes.call ?? 0),
        chartsSvgMs: Math.round(chartsMs),
      },
    },
    verantwoordingPdfDocument: {
      subjectMs: pdfTimes.pdf ?? 0,
      floorMs: pdfTimes.bareDocument ?? 0,
      about: { pages },
    },
  };
}
