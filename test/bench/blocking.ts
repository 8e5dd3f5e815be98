/**
 * No call holds the desk hostage: while one heavy call runs (a backup, a contract PDF, a contract made definitief,
 * an inzage export, the year overview) beside a stream of light calls (persons.get every 5 ms, as other windows
 * would), on an organisation of 20,000 people and 100,000 claims:
 * - the main thread's longest own block (CPU time between two turns of the event loop): target ≤ 50 ms;
 * - the longest block by the wall clock: reported, not judged (it also holds the time a busy machine gave the CPU
 *   to other processes, so on a shared machine it says more about the machine than about Schakel);
 * - the slowest light call, which also waits for a transaction holding the connection: target ≤ 50 ms;
 * - the light calls refused meanwhile ("try again"): target 0;
 * - the heavy call's duration (reported, not judged).
 * Each is the median of `rounds` runs. A first row measures the light stream alone: the machine's own noise.
 *
 * Usage: `const figures = await blockingBench({ rounds: 3, calls: ['backups.create'] })` (both optional; all calls
 * by default), or `node test/bench/blocking.ts` for a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3-multiple-ciphers';
import { startCore } from '../../electron/core/app-core.ts';
import type { Dispatcher } from '../../electron/core/dispatcher.ts';
import { longestBlock } from '../support/event-loop.ts';
import { personInput, volunteerContract } from '../support/harness.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, gatherStatistics } from './measure.ts';
import { searchColumns } from './search-columns.ts';

export interface BlockingFigure {
  /** What was measured, e.g. 'backups.create: longest own block'. */
  name: string;
  value: number;
  /** The most `value` may be; null for a figure that is reported, not judged (a duration). */
  target: number | null;
  unit: 'ms' | 'calls';
}

/** What an ordinary screen may cost the other windows at most. */
const targetMs = 50;
const client = 'bench';

async function ok<T>(dispatcher: Dispatcher, name: string, input: unknown): Promise<T> {
  const r = await dispatcher.dispatch(name, input, client);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Light calls one after another, 5 ms apart, until `stop`: the slowest answer in milliseconds, and how many were
 * refused (a call refused while the database is busy is as good as blocked to the user).
 */
async function lightStream(dispatcher: Dispatcher, personId: string, stop: Promise<unknown>) {
  let done = false;
  void stop.finally(() => {
    done = true;
  });
  let slowest = 0;
  let refused = 0;
  while (!done) {
    const t = performance.now();
    const r = await dispatcher.dispatch('persons.get', { id: personId }, client);
    slowest = Math.max(slowest, performance.now() - t);
    if (!r.ok) refused++;
    await sleep(5);
  }
  return { slowest, refused };
}

interface Measured {
  ownBlockMs: number;
  wallBlockMs: number;
  slowestLightMs: number;
  refusedLight: number;
  durationMs: number;
}

/** The heavy call beside the light stream. */
async function beside(
  dispatcher: Dispatcher,
  personId: string,
  heavy: () => Promise<unknown>,
): Promise<Measured> {
  await sleep(50);
  const started = performance.now();
  const { value, longestMs, longestCpuMs } = await longestBlock(async () => {
    const work = heavy();
    const light = await lightStream(dispatcher, personId, work);
    await work;
    return light;
  });
  return {
    ownBlockMs: longestCpuMs,
    wallBlockMs: longestMs,
    slowestLightMs: value.slowest,
    refusedLight: value.refused,
    durationMs: performance.now() - started,
  };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Seeds the organisation straight into SQLite; the heavy calls then go through the dispatcher. */
async function seed(dispatcher: Dispatcher, sqlite: Database.Database) {
  const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
  const stamp = '2026-01-01T00:00:00Z';
  const person =
    sqlite.prepare(`insert into persons (id, voornaam, achternaam, status, status_datum, gemeente,
    notities, bijstand, toestemming_nodig, search_text, sort_name, created_at, updated_at, version)
    values (?, ?, ?, 'actief', '2026-01-01', ?, ?, 0, 0, ?, ?, ?, ?, 1)`);
  const claim =
    sqlite.prepare(`insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents,
    status, created_at, updated_at, version) values (?, ?, 'km', ?, ?, 10, ?, 'betaald', ?, ?, 1)`);
  const note = 'Afspraken over begeleiding, taalles en vrijwilligerswerk in de wijk. '.repeat(8);
  sqlite.transaction(() => {
    for (let p = 0; p < 20_000; p++) {
      const columns = searchColumns(`Persoon${p}`, `Achternaam${p}`, 'Utrecht', []);
      person.run(
        id(1, p),
        `Persoon${p}`,
        `Achternaam${p}`,
        'Utrecht',
        note,
        columns.searchText,
        columns.sortName,
        stamp,
        stamp,
      );
    }
    for (let c = 0; c < 100_000; c++) {
      const month = String((c % 12) + 1).padStart(2, '0');
      const day = String((c % 28) + 1).padStart(2, '0');
      // One person of the register holds 2,000 claims: their inzage export is a long document.
      const personIndex = c < 2000 ? 0 : c % 20_000;
      claim.run(
        id(2, c),
        id(1, personIndex),
        `2026-${month}-${day}`,
        `Rit ${c} naar het buurthuis`,
        230,
        stamp,
        stamp,
      );
    }
  })();
  gatherStatistics(sqlite);
  const light = await ok<{ id: string }>(dispatcher, 'persons.create', personInput());
  return { heavyPersonId: id(1, 0), lightPersonId: light.id };
}

/** The heavy calls measured, each beside the light stream; 'light calls alone' is the baseline. */
export const heavyCalls = [
  'light calls alone',
  'backups.create',
  'contracts.pdf',
  'contracts.finalize',
  'avg.inzage',
  'claims.overview',
] as const;
export type HeavyCall = (typeof heavyCalls)[number];

export async function blockingBench(
  options: { rounds?: number; calls?: readonly HeavyCall[] } = {},
): Promise<BlockingFigure[]> {
  const rounds = options.rounds ?? 3;
  const calls = new Set(options.calls ?? heavyCalls);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-blocking-'));
  const core = await startCore(dir, { key: benchKey });
  const { dispatcher } = core;
  try {
    await ok(dispatcher, 'auth.setup', {
      organisatieNaam: 'Bench',
      displayName: 'Bench',
      username: 'bench',
      password: 'bench bench bench',
      role: 'projectleider',
    });
    const { heavyPersonId, lightPersonId } = await seed(dispatcher, core.store.sqlite);
    // One draft per round to make definitief (each in its own year, so none overlaps another), and one to print.
    const drafts: string[] = [];
    for (let i = 0; i <= rounds; i++) {
      const { id } = await ok<{ id: string }>(
        dispatcher,
        'contracts.create',
        volunteerContract(lightPersonId, { startdatum: `${2030 + i}-01-01`, einddatum: `${2030 + i}-12-31` }),
      );
      drafts.push(id);
    }
    const printed = drafts.pop() as string;
    // Warm: the first PDF loads pdfmake and its fonts.
    await ok(dispatcher, 'contracts.pdf', { id: printed });

    const heavy: [HeavyCall, (round: number) => Promise<unknown>][] = [
      ['light calls alone', () => sleep(1000)],
      ['backups.create', () => ok(dispatcher, 'backups.create', {})],
      ['contracts.pdf', () => ok(dispatcher, 'contracts.pdf', { id: printed })],
      [
        'contracts.finalize',
        (round) => ok(dispatcher, 'contracts.finalize', { id: drafts[round], version: 1 }),
      ],
      ['avg.inzage', () => ok(dispatcher, 'avg.inzage', { id: heavyPersonId })],
      ['claims.overview', () => ok(dispatcher, 'claims.overview', { jaar: 2026 })],
    ];
    const figures: BlockingFigure[] = [];
    const round1 = (n: number) => Math.round(n * 10) / 10;
    for (const [name, run] of heavy.filter(([call]) => calls.has(call))) {
      const runs: Measured[] = [];
      for (let round = 0; round < rounds; round++) {
        runs.push(await beside(dispatcher, lightPersonId, () => run(round)));
      }
      const of = (key: keyof Measured) => round1(median(runs.map((r) => r[key])));
      figures.push(
        { name: `${name}: longest own block`, value: of('ownBlockMs'), target: targetMs, unit: 'ms' },
        {
          name: `${name}: longest block (wall clock)`,
          value: of('wallBlockMs'),
          target: null,
          unit: 'ms',
        },
        {
          name: `${name}: slowest light call beside it`,
          value: of('slowestLightMs'),
          target: targetMs,
          unit: 'ms',
        },
        {
          name: `${name}: light calls refused beside it`,
          value: of('refusedLight'),
          target: 0,
          unit: 'calls',
        },
        { name: `${name}: duration`, value: of('durationMs'), target: null, unit: 'ms' },
      );
    }
    return figures;
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const figure of await blockingBench()) {
    const over = figure.target !== null && figure.value > figure.target ? '  over target' : '';
    console.log(`${figure.name.padEnd(58)} ${String(figure.value).padStart(9)} ${figure.unit}${over}`);
  }
}

/**
 * The main thread's longest own block beside each heavy call, for run.ts: as a ratio to the 50 ms an ordinary
 * screen may block the other windows (a budget rather than a measured floor; target 1).
 */
export async function blockingFigures(): Promise<Figures> {
  const figures: Figures = {};
  for (const figure of await blockingBench()) {
    const match = /^(.*): longest own block$/.exec(figure.name);
    if (match?.[1] && match[1] !== 'light calls alone') {
      figures[`block ${match[1]}`] = {
        subjectMs: figure.value,
        floorMs: targetMs,
        about: { budget: '50 ms' },
      };
    }
  }
  return figures;
}
