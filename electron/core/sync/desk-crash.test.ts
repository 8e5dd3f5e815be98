/**
 * kill -9 of a desk in the middle of a pull, many times (issue 13, Tests): a real server process holds a few hundred
 * people and log entries; a desk process pulls them over HTTPS in small pages into its own encrypted SQLite file and
 * is killed with SIGKILL at random moments, then started again on the same file. After each kill its file passes
 * SQLite's integrity check and its cursor never went back; in the end the desk holds exactly the server's rows,
 * none doubled or lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushedCommand } from '../../../shared/sync.ts';
import { personInput, testKey } from '../../../test/support/harness.ts';
import {
  type Listening,
  pairedDesk,
  type ServerProcess,
  serverProcess,
} from '../../../test/support/server-process.ts';
import { commandDesk } from '../../../test/support/sync-server.ts';
import { startCore } from '../app-core.ts';
import { readCursor } from './desk-pull.ts';
import type { DeskCredentials } from './server-client.ts';
import { serverClient } from './server-client.ts';

const personCount = 60;
const killCount = 8;
const pageRows = 15;
const seed = Number(process.env.SCHAKEL_CRASH_SEED ?? Date.now() % 100_000);
const child = path.resolve(import.meta.dirname, '../../../test/support/desk-pull-child.ts');

let server: ServerProcess;
let listening: Listening;
let credentials: DeskCredentials;
let deskDir: string;

/** The server's data as a desk made it: people, each with a log entry, pushed over HTTPS. */
beforeAll(async () => {
  server = await serverProcess();
  listening = await server.start();
  ({ credentials } = await pairedDesk(server, listening, { via: 'core' }));
  const { desk, madeOnDesk } = await commandDesk('2026-06-01T08:00:00.000Z');
  const commands: PushedCommand[] = [];
  for (let i = 1; i <= personCount; i++) {
    const person = await madeOnDesk(
      'projectleider',
      'persons.create',
      personInput({ voornaam: `Persoon ${i}` }),
    );
    commands.push(person);
    commands.push(
      await madeOnDesk('projectleider', 'begeleiding.addLogEntry', {
        personId: person.ids[0] as string,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-05-30',
        duurMinuten: 30,
        samenvatting: `Gesprek met persoon ${i}`,
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      }),
    );
  }
  await desk.close();
  const client = serverClient(listening);
  for (let at = 0; at < commands.length; at += 100) {
    const pushed = await client.push(credentials, commands.slice(at, at + 100));
    if (!pushed.ok) throw new Error(pushed.error.message);
    expect(new Set(pushed.value.results.map((r) => r.outcome))).toEqual(new Set(['toegepast']));
  }
  deskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-desk-crash-'));
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (deskDir) fs.rmSync(deskDir, { recursive: true, force: true });
});

/** The desk process, and the lines it printed so far. */
function startDesk(): { process: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const started = spawn(
    process.execPath,
    [child, deskDir, JSON.stringify({ ...listening, credentials, pageRows })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let err = '';
  started.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  started.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    started.once('exit', (code) => {
      if (code) console.error(err);
      resolve(code);
    }),
  );
  return { process: started, lines, exited };
}

/** Opens the desk's file as the app does, checks it and reads its cursor. */
async function inspectDesk(): Promise<{ integrity: string; cursor: number }> {
  const core = await startCore(deskDir, { key: testKey, team: true });
  try {
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(core.store.db);
    return {
      integrity: check.rows.map((r) => r.integrity_check).join(', '),
      cursor: await readCursor(core.store.db),
    };
  } finally {
    await core.close();
  }
}

/** A small seeded generator (mulberry32): the kill plan can be repeated from its seed. */
function random(from: number) {
  let a = from >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it(`a desk killed ${killCount} times in the middle of a pull ends with the server's rows, none doubled or lost (seed ${seed})`, async () => {
  const rand = random(seed);
  let lastCursor = 0;
  let kills = 0;
  let midPull = 0;
  while (kills < killCount) {
    const desk = startDesk();
    // Kill once the desk asked for a page beyond the first few (so a page is being fetched or applied), after a
    // random few more milliseconds.
    const pages = 1 + Math.floor(rand() * 3);
    const deadline = Date.now() + 30_000;
    while (desk.lines.filter((l) => l.startsWith('asked')).length < pages && Date.now() < deadline) {
      if (desk.lines.some((l) => l.startsWith('done'))) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * 60)));
    const finished = desk.lines.some((l) => l.startsWith('done'));
    desk.process.kill('SIGKILL');
    await desk.exited;
    kills++;
    if (!finished) midPull++;
    const { integrity, cursor } = await inspectDesk();
    expect(integrity, `seed ${seed}, kill ${kills}`).toBe('ok');
    expect(cursor, `seed ${seed}: the cursor went back`).toBeGreaterThanOrEqual(lastCursor);
    lastCursor = cursor;
  }
  // Most kills came while pages were still coming in.
  expect(midPull, `seed ${seed}`).toBeGreaterThanOrEqual(killCount / 2);

  const last = startDesk();
  expect(await last.exited).toBe(0);
  const done = Number(last.lines.find((l) => l.startsWith('done'))?.split(' ')[1]);
  expect(done).toBeGreaterThanOrEqual(lastCursor);

  const onServer = await server.db();
  const core = await startCore(deskDir, { key: testKey, team: true });
  try {
    for (const table of ['persons', 'log_entries'] as const) {
      const columns = ['id', 'version', 'updated_at'] as const;
      const serverRows = await onServer.selectFrom(table).select(columns).orderBy('id').execute();
      const deskRows = await core.store.db.selectFrom(table).select(columns).orderBy('id').execute();
      expect(deskRows, table).toEqual(serverRows.map((r) => ({ ...r, version: Number(r.version) })));
    }
    expect(await core.store.db.selectFrom('persons').select('id').execute()).toHaveLength(personCount);
    expect(await readCursor(core.store.db)).toBe(done);
  } finally {
    await core.close();
  }
  console.info(`desk-crash (seed ${seed}): ${kills} kills, ${midPull} in the middle of a pull`);
}, 240_000);
