/**
 * `npm run bench`: prints JSON.
 * - registerQuery: one page of the register (filtered, sorted) among 100k other people, through the dispatcher
 *   versus the same SQL on raw better-sqlite3, measured in the same run; target ratio ≤ 1.5.
 * - encryption: the same day's work on an encrypted and on a plain database in one run; target ratio ≤ 1.3.
 * - browserHostStart: from starting `node electron/start.ts --browser` (passphrase typed at once) to the first page.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app-core.ts';
import { benchKey } from './bench-key.ts';
import { caseloadBench } from './caseload.ts';
import { contractPdfBench } from './contract-pdf.ts';
import { declaratiesBench } from './declaraties.ts';
import { encryptionBench } from './encryption.ts';
import { race, ratioReport, rawReplay } from './measure.ts';
import { searchColumns } from './search-columns.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-'));
const core = await startCore(dir, { key: benchKey });
const { dispatcher, store } = core;

await dispatcher.dispatch(
  'auth.setup',
  {
    organisatieNaam: 'Bench',
    displayName: 'Bench',
    username: 'bench',
    password: 'bench bench bench',
    role: 'projectleider',
  },
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
store.sqlite.exec('analyze');

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
  throw new Error(`unexpected bench result ${JSON.stringify(check)}`);

const raw = await rawReplay(
  dir,
  store,
  { username: 'bench', password: 'bench bench bench' },
  'persons.list',
  input,
);
const medians = await race(
  { dispatcher: () => dispatcher.dispatch('persons.list', input, 'bench'), raw },
  1000,
);
const dispatcherMs = medians.dispatcher ?? 0;
const rawMs = medians.raw ?? 0;
// Contract PDFs: through the dispatcher (load, assemble, render) versus pdfmake on the identical definition.
const pdfBench = await contractPdfBench(dispatcher);
await core.close();

const caseloadResult = await caseloadBench();
const declaraties = await declaratiesBench();
const encryption = await encryptionBench();

// Browser host: a fresh process, from start to the first page served.
const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-host-'));
const started = performance.now();
const child = spawn(process.execPath, ['electron/start.ts', '--browser', '--data-dir', hostDir], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
child.stdin.write(`${benchKey}-host\n${benchKey}-host\n`);
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /(http:\/\/127\.0\.0\.1:\d+\/)#token=/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  child.on('exit', () => reject(new Error(`browser host stopped: ${out}`)));
});
const page = await fetch(url);
await page.text();
const firstPageMs = performance.now() - started;
child.kill('SIGTERM');

fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(hostDir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      registerQuery: { rows: 100_300, matching: 300, pageSize: 25, ...ratioReport(dispatcherMs, rawMs, 1.5) },
      caseload: caseloadResult,
      declaraties,
      encryption,
      contractPdf: pdfBench,
      browserHostStart: { firstPageMs: Math.round(firstPageMs), status: page.status },
    },
    null,
    2,
  ),
);
