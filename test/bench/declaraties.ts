import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3-multiple-ciphers';
import { startCore } from '../../electron/core/app-core.ts';
import { rebuildGrantedAllowance } from '../../electron/core/claims/granted.ts';
import type { Dispatcher } from '../../electron/core/dispatcher.ts';
import { volunteerContract } from '../support/harness.ts';
import { benchKey } from './bench-key.ts';
import { benchIban as iban } from './iban.ts';
import { type Figures, gatherStatistics, type Measurement, race, rawReplay } from './measure.ts';

const login = { username: 'admin', password: 'bench bench bench' };

/**
 * Approving 1,000 claims in one action against raw writes of the same rows; building and validating a
 * 5,000-transfer SEPA file; the year overview for 300 people over 100,000 claims through the dispatcher against the
 * same statements on raw SQLite; the claims queue's first page (see queueBench).
 */
export async function declaratiesBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-claims-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Admin', ...login, role: 'administrateur' },
    'bench',
  );
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2026-01-01T00:00:00Z';
  store.sqlite.transaction(() => {
    const person =
      store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, iban,
      bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, 'actief', '2026-01-01', ?, 0, 0, '', ?, ?, ?, 1)`);
    const claim =
      store.sqlite.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents,
      status, created_at, updated_at, version) values (?, ?, ?, ?, 'Rit', 1, ?, ?, ?, ?, 1)`);
    const contract =
      store.sqlite.prepare(`insert into contracts (id, person_id, nummer, versie, vorm, status, draft,
      startdatum, created_at, updated_at, version) values (?, ?, ?, 1, 'vrijwilligersovereenkomst', 'getekend', ?, '2026-01-01', ?, ?, 1)`);
    for (let p = 0; p < 300; p++) {
      person.run(id(1, p), `Persoon${p}`, `Achternaam${p}`, iban(p), `achternaam${p}`, stamp, stamp);
      contract.run(
        id(3, p),
        id(1, p),
        `2026-${String(p).padStart(4, '0')}`,
        JSON.stringify(volunteerContract(id(1, p))),
        stamp,
        stamp,
      );
    }
    // Paid public-transport costs (outside the caps, so the pending allowance below stays within them).
    for (let c = 0; c < 100_000; c++) {
      const month = String((c % 12) + 1).padStart(2, '0');
      const day = String((c % 28) + 1).padStart(2, '0');
      claim.run(id(2, c), id(1, c % 300), 'ov', `2026-${month}-${day}`, 23 + c, 'betaald', stamp, stamp);
    }
  })();
  gatherStatistics(store.sqlite);
  await dispatcher.dispatch('auth.login', login, 'bench');

  const overviewInput = { jaar: 2026 };
  const raw = await rawReplay(dir, store, login, 'claims.overview', overviewInput);
  const medians = await race(
    { dispatcher: () => dispatcher.dispatch('claims.overview', overviewInput, 'bench'), raw },
    30,
  );

  // 1,000 submitted km claims, within every cap, approved in one action with every check and audit entry, against
  // the floor: 1,000 updates and 1,000 audit rows of the same content in one transaction on raw better-sqlite3.
  const approveThousand = await approvalRace(dispatcher, store.sqlite);

  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    capOverview: {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: { people: 300, claims: 100_000 },
    },
    claimsApproval: approveThousand,
    ...(await queueBench()),
  };
}

const approvalRounds = 7;

/**
 * Median of `approvalRounds` approvals of the same 1,000 claims (set back to submitted between rounds, untimed)
 * against the floor, alternated. The floor writes what the approval writes, with no checks and no layers: each
 * claim's decision and version, and one audit row per claim with the same summary, changes, input and context
 * (the call's input and context on the first row only, as writeAudit keeps them).
 */
export async function approvalRace(dispatcher: Dispatcher, sqlite: Database.Database): Promise<Measurement> {
  // Two sets of 1,000 submitted km claims: the approval takes the first, the floor the second, the same change.
  const reset =
    "update claims set status = 'ingediend', soort = 'km', bedrag_cents = 23, beoordeeld_door = null, beoordeeld_op = null where rowid <= 2000";
  sqlite.exec(reset);
  const pendingIds = sqlite.prepare('select id from claims where rowid <= 1000').pluck().all() as string[];
  const floorIds = sqlite
    .prepare('select id from claims where rowid > 1000 and rowid <= 2000')
    .pluck()
    .all() as string[];
  const versions = sqlite.prepare('select id, version from claims where id = ?');
  const current = (ids: string[]) => ids.map((i) => versions.get(i) as { id: string; version: number });
  const account = sqlite.prepare('select id from accounts').pluck().get() as string;
  const decide = sqlite.prepare(`update claims set status = ?, reden_afwijzing = null, beoordeeld_door = ?,
    beoordeeld_op = ?, updated_at = ?, version = version + 1 where id = ? and version = ?`);
  const audit = sqlite.prepare(`insert into audit_log (id, at, account_id, call, record_type, record_id,
    record_version, summary, changes, input, context, version) values (?, ?, ?, ?, 'claim', ?, ?, ?, ?, ?, ?, 1)`);
  const changes = JSON.stringify([{ field: 'status', before: 'ingediend', after: 'goedgekeurd' }]);
  let round = 0;
  const floor = sqlite.transaction((records: { id: string; version: number }[]) => {
    const now = new Date().toISOString();
    const input = JSON.stringify({ items: records });
    const context = JSON.stringify({ now, ids: [] });
    for (const [i, r] of records.entries()) {
      if (decide.run('goedgekeurd', account, now, now, r.id, r.version).changes !== 1)
        throw new Error('floor: no row');
      const auditId = `00000000-0000-7000-b${String(round).padStart(3, '0')}-${String(i).padStart(12, '0')}`;
      audit.run(
        auditId,
        now,
        account,
        'claims.approve',
        r.id,
        r.version + 1,
        'Declaratie goedgekeurd: € 0,23 (Persoon1 Achternaam1)',
        changes,
        // As writeAudit stores them: the call's input and context once, on its first row.
        i === 0 ? input : 'null',
        i === 0 ? context : 'null',
      );
    }
  });
  const outcomes = new Set<string>();
  const samples = { dispatcher: [] as number[], raw: [] as number[] };
  for (; round < approvalRounds; round++) {
    const items = current(pendingIds);
    const floorRecords = current(floorIds);
    const contenders: [keyof typeof samples, () => Promise<unknown> | unknown][] = [
      ['dispatcher', () => dispatcher.dispatch('claims.approve', { items }, 'bench')],
      ['raw', () => floor(floorRecords)],
    ];
    if (round % 2) contenders.reverse();
    for (const [name, run] of contenders) {
      const t = performance.now();
      const result = await run();
      samples[name].push(performance.now() - t);
      if (name === 'dispatcher') {
        const r = result as Awaited<ReturnType<Dispatcher['dispatch']>>;
        outcomes.add(r.ok ? 'approved' : `refused: ${r.error.message.slice(0, 80)}`);
      }
    }
    sqlite.exec(reset);
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  return {
    subjectMs: median(samples.dispatcher),
    floorMs: median(samples.raw),
    about: { claims: 1000, outcome: [...outcomes].join('; ') },
  };
}

/** The page statements of the queue written out by hand: the floor "same page, no checks". */
const rawPageSql = `select claims.*, persons.voornaam, persons.tussenvoegsel, persons.achternaam, persons.roepnaam,
  persons.bijstand, persons.toestemming_nodig, persons.toestemming_datum, contracts.nummer,
  (select count(*) from receipts where receipts.claim_id = claims.id) as bonnen
  from claims inner join persons on persons.id = claims.person_id
  left join contracts on contracts.id = claims.contract_id
  where %WHERE% order by claims.datum desc, persons.sort_name, claims.id limit 25 offset 0`;

/**
 * The claims queue's first page (25 rows) with 1,500 claims pending among 25,000, checks included, through the
 * dispatcher, against the raw count and page query for the same page without checks. Both the default view
 * (Ingediend) and the "Alle" view.
 */
/** A data folder with 300 volunteers under contract and 25,000 claims, 1,500 of them submitted. */
export async function queueStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-queue-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher, store } = core;
  await dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Admin', ...login, role: 'administrateur' },
    'bench',
  );
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2026-01-01T00:00:00Z';
  const kinds = ['km', 'activiteit', 'uren', 'ov', 'parkeren'] as const;
  const statuses = ['betaald', 'betaald', 'betaald', 'goedgekeurd', 'afgewezen'] as const;
  store.sqlite.transaction(() => {
    const person =
      store.sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, iban,
      bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
      values (?, ?, ?, 'actief', '2026-01-01', ?, ?, ?, '', ?, ?, ?, 1)`);
    const contract =
      store.sqlite.prepare(`insert into contracts (id, person_id, nummer, versie, vorm, status, draft,
      startdatum, created_at, updated_at, version) values (?, ?, ?, 1, 'vrijwilligersovereenkomst', 'getekend', ?, '2023-01-01', ?, ?, 1)`);
    const claim =
      store.sqlite.prepare(`insert into claims (id, person_id, contract_id, soort, datum, omschrijving, km, minuten,
      bedrag_cents, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, 'Rit', ?, ?, ?, ?, ?, ?, 1)`);
    for (let p = 0; p < 300; p++) {
      person.run(
        id(1, p),
        `Persoon${p}`,
        `Achternaam${p}`,
        iban(p),
        p % 10 === 0 ? 1 : 0,
        p % 20 === 0 ? 1 : 0,
        `achternaam${p}`,
        stamp,
        stamp,
      );
      const terms = volunteerContract(id(1, p), {
        startdatum: '2023-01-01',
        andereOrganisatiesPerMaandCents: p % 7 === 0 ? 50_00 : 0,
      });
      contract.run(
        id(3, p),
        id(1, p),
        `2026-${String(p).padStart(4, '0')}`,
        JSON.stringify(terms),
        stamp,
        stamp,
      );
    }
    for (let c = 0; c < 25_000; c++) {
      const pending = c < 1500;
      const p = c % 300;
      const kind = kinds[c % kinds.length] ?? 'km';
      // The backlog is this year's first half; the history runs over four years, as claims pile up.
      const year = pending ? 2026 : 2023 + (c % 4);
      const month = String(pending ? (c % 6) + 1 : (c % 12) + 1).padStart(2, '0');
      const day = String((Math.floor(c / 300) % 28) + 1).padStart(2, '0');
      const km = kind === 'km' ? (c % 9) + 1 : null;
      const minuten = kind === 'uren' ? 60 : null;
      const cents = km ? km * 23 : minuten ? 500 : 150 + (c % 400);
      const status = pending ? 'ingediend' : (statuses[c % statuses.length] ?? 'betaald');
      claim.run(
        id(2, c),
        id(1, p),
        id(3, p),
        kind,
        `${year}-${month}-${day}`,
        km,
        minuten,
        cents,
        status,
        stamp,
        stamp,
      );
    }
  })();
  // Rows written around the services: derive what an approval keeps beside them.
  await rebuildGrantedAllowance(store.db);
  gatherStatistics(store.sqlite);
  await dispatcher.dispatch('auth.login', login, 'bench');
  return { dir, core };
}

export async function queueBench(): Promise<Figures> {
  const { dir, core } = await queueStore();
  const { dispatcher, store } = core;
  const figures: Figures = {};
  for (const [name, input, where, params] of [
    ['claimsQueue', { status: 'ingediend' }, 'claims.status = ?', ['ingediend']],
    ['claimsQueueAll', {}, '1 = 1', []],
  ] as const) {
    const check = await dispatcher.dispatch('claims.list', input, 'bench');
    if (!check.ok) throw new Error(`claims.list: ${check.error.message}`);
    const page = check.value as { rows: { checks: unknown[] }[]; total: number };
    const count = store.sqlite.prepare(`select count(*) as n from claims where ${where}`);
    const rows = store.sqlite.prepare(rawPageSql.replace('%WHERE%', where));
    const raw = () => {
      count.all(...params);
      rows.all(...params);
    };
    const medians = await race(
      { dispatcher: () => dispatcher.dispatch('claims.list', input, 'bench'), raw },
      200,
    );
    figures[name] = {
      subjectMs: medians.dispatcher ?? 0,
      floorMs: medians.raw ?? 0,
      about: {
        claims: 25_000,
        pending: 1_500,
        total: page.total,
        withChecks: page.rows.filter((r) => r.checks.length > 0).length,
      },
    };
  }
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
