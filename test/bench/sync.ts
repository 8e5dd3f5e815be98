/**
 * The Schakel server's three figures of issue 13, on one embedded PostgreSQL (not durable, in a temporary folder)
 * with the server core as `scripts/schakel server` runs it: migrated, change capture installed, the push and pull
 * services wired, and its HTTPS front with a self-signed certificate the desk pins.
 *   syncReplayApprovals  1,000 pushed approval commands replayed, against the same 1,000 calls dispatched directly
 *   syncFirstDownload    a projectleider's first full download, against `select *` of every table they receive
 *   syncEmptyPull        a pull with nothing new, against a bare HTTPS round trip
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { v7 } from 'uuid';
import { rebuildGrantedAllowance } from '../../electron/core/claims/granted.ts';
import { type RunningPostgres, startEmbeddedPostgres } from '../../electron/core/store/embedded-postgres.ts';
import type { DB } from '../../electron/core/store/schema.ts';
import { serverClient } from '../../electron/core/sync/server-client.ts';
import { ruleFor, visibility } from '../../electron/core/sync/visibility.ts';
import { serverCertificate } from '../../electron/server/certificate.ts';
import { type ServerCore, startServerCore } from '../../electron/server/server-core.ts';
import { startSchakelServer } from '../../electron/server/start-server.ts';
import type { CallName } from '../../shared/contract.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import { type PairingCode, type PushedCommand, pullPageLimit } from '../../shared/sync.ts';
import { volunteerContract } from '../support/harness.ts';
import { type Figures, type Measurement, median, race } from './measure.ts';

const password = 'bench bench bench';
const people = 300;
const logEntries = 30_000;
const claims = 100_000;
/** Claims submitted for the approval figure: a warm-up set and one per timed round, each for both contenders. */
const approvalSet = 1_000;
const warmupSet = 100;
const approvalRounds = 3;
const downloadRounds = 3;
/** The largest page a pull may ask for (shared/sync.ts): what a desk asks for (desk-pull.ts). */
const pageSize = pullPageLimit;
/** The time on the desks and the server: after every claim's date, so no check finds one in the future. */
const clockAt = '2027-01-15T09:00:00.000Z';

const id = (kind: number, i: number) => `00000000-0000-7000-${8000 + kind}-${String(i).padStart(12, '0')}`;
const personId = (p: number) => id(1, p);
const claimId = (c: number) => id(2, c);

export async function syncBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-sync-'));
  // Run as root, PostgreSQL runs as the postgres user, who must pass through this folder to its own.
  fs.chmodSync(dir, 0o701);
  let postgres: RunningPostgres | undefined;
  let core: ServerCore | undefined;
  try {
    postgres = await startEmbeddedPostgres(path.join(dir, 'postgres'), { durable: false });
    await onServer(postgres.url, 'create database schakel');
    const url = postgres.urlOf('schakel');
    core = await startServerCore({
      dataDir: dir,
      databaseUrl: url,
      clock: () => new Date(clockAt),
      logError: (thrown, reference) => console.error(`bench: server error ${reference}`, thrown),
    });
    const accounts = await setUpAccounts(core);
    const fillMs = await fill(core, url, accounts.projectleider.id);

    const syncReplayApprovals = await replayRace(core, accounts.administrateur);
    const server = await startSchakelServer({
      dataDir: dir,
      db: core.store.db,
      services: core.services,
      host: '127.0.0.1',
    });
    try {
      const { fingerprint } = server;
      const client = serverClient({ url: `https://127.0.0.1:${server.port}`, fingerprint });
      const code = await call<PairingCode>(core, 'beheer', 'sync.pairingCode', {});
      const paired = await client.pair({ code: code.code, naam: 'Bureau projectleider' });
      if (!paired.ok) throw new Error(`pair: ${paired.error.message}`);
      const signedIn = await client.signIn(
        { deviceId: paired.value.deviceId, deviceKey: paired.value.deviceKey },
        { username: 'projectleider', password },
      );
      if (!signedIn.ok) throw new Error(`signIn: ${signedIn.error.message}`);
      const desk = {
        deviceId: paired.value.deviceId,
        deviceKey: paired.value.deviceKey,
        userToken: signedIn.value.token,
      };

      const download = async () => {
        let cursor = 0;
        let rows = 0;
        let pages = 0;
        for (;;) {
          const page = await client.pull(desk, cursor, pageSize);
          if (!page.ok) throw new Error(`pull: ${page.error.message}`);
          for (const t of page.value.tables) rows += t.rows.length + t.dropped.length;
          pages++;
          cursor = page.value.cursor;
          if (!page.value.more) return { cursor, rows, pages };
        }
      };
      // A desk that has everything: its cursor is the feed's newest change number.
      const newest = await core.store.db
        .selectFrom('sync_changes')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow();
      const syncEmptyPull = await emptyPullRace(await serverCertificate(dir), async () => {
        const page = await client.pull(desk, Number(newest.seq));
        if (!page.ok || page.value.tables.length > 0) throw new Error('pull: not an empty pull');
      });
      const syncFirstDownload = await downloadRace(core, url, accounts.projectleider, download, fillMs);
      return { syncReplayApprovals, syncFirstDownload, syncEmptyPull };
    } finally {
      await server.close();
    }
  } finally {
    await core?.close();
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function call<T>(core: ServerCore, client: string, name: CallName, input: unknown): Promise<T> {
  const r = await core.dispatcher.dispatch(name, input, client);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** The beheerder, a projectleider (who downloads) and an administrateur (who approves), each logged in. */
export async function setUpAccounts(core: ServerCore) {
  await call(core, 'beheer', 'auth.setup', {
    organisatieNaam: 'Bench',
    displayName: 'Bea Beheer',
    username: 'beheer',
    password,
    role: 'administrateur',
  });
  const found = {} as Record<'projectleider' | 'administrateur', SessionAccount>;
  for (const role of ['projectleider', 'administrateur'] as const) {
    await call(core, 'beheer', 'accounts.create', {
      displayName: `Bench ${role}`,
      username: role,
      role,
      isBeheerder: false,
      password,
    });
    await call(core, role, 'auth.login', { username: role, password });
    found[role] = await call<SessionAccount>(core, role, 'auth.me', {});
  }
  return found;
}

/**
 * 300 volunteers under contract, 30,000 log entries and 100,000 claims, by bulk inserts (deterministic), with the
 * capture triggers off; then the feed lists every row as a real server's would: each person, contract, log entry
 * and claim under a change number of its own (one command made each), numbered after the setup's own changes.
 * The first claims are submitted km claims for the approval figure, the rest paid public-transport costs (outside
 * the caps, as in declaraties.ts).
 */
export async function fill(core: ServerCore, url: string, authorId: string): Promise<number> {
  const t = performance.now();
  const stamp = '2026-01-01T00:00:00Z';
  const submitted = (warmupSet + approvalRounds * approvalSet) * 2;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    // The cluster's owner may: the rows go in without the per-row capture, and are listed in bulk below.
    await client.query('set local session_replication_role = replica');
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    const persons = range(people);
    await client.query(
      `insert into persons (id, voornaam, achternaam, status, status_datum, iban, bijstand, toestemming_nodig,
        search_text, sort_name, created_at, updated_at, version)
      select id, 'Persoon' || n, 'Achternaam' || n, 'actief', '2026-01-01', null, 0, 0,
        'persoon' || n || ' achternaam' || n, 'achternaam' || n, $2, $2, 1
      from unnest($1::text[]) with ordinality as t(id, n)`,
      [persons.map(personId), stamp],
    );
    await client.query(
      `insert into contracts (id, person_id, nummer, versie, vorm, status, draft, startdatum, created_at,
        updated_at, version)
      select id, person_id, nummer, 1, 'vrijwilligersovereenkomst', 'getekend', draft, '2026-01-01', $5, $5, 1
      from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(id, person_id, nummer, draft)`,
      [
        persons.map((p) => id(3, p)),
        persons.map(personId),
        persons.map((p) => `2026-${String(p).padStart(4, '0')}`),
        persons.map((p) => JSON.stringify(volunteerContract(personId(p)))),
        stamp,
      ],
    );
    const entries = range(logEntries);
    const date = (i: number) =>
      `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((Math.floor(i / 12) % 28) + 1).padStart(2, '0')}`;
    await client.query(
      `insert into log_entries (id, person_id, soort, datum, duur_minuten, samenvatting, afspraken, vertrouwelijk,
        author_id, created_at, updated_at, version)
      select id, person_id, 'ontwikkelingsgesprek', datum, 45,
        'Gesprek over de voortgang, de training en wat de komende weken nodig is.', 'Over vier weken opnieuw.',
        vertrouwelijk, $5, $6, $6, 1
      from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as t(id, person_id, datum, vertrouwelijk)`,
      [
        entries.map((i) => id(4, i)),
        entries.map((i) => personId(i % people)),
        entries.map(date),
        entries.map((i) => (i % 10 === 0 ? 1 : 0)),
        authorId,
        stamp,
      ],
    );
    const claimRange = range(claims);
    await client.query(
      `insert into claims (id, person_id, soort, datum, omschrijving, km, bedrag_cents, status, created_at,
        updated_at, version)
      select id, person_id, soort, datum, 'Rit', 1, bedrag, status, $6, $6, 1
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) as t(id, person_id, soort, datum, bedrag)
        cross join lateral (select case when soort = 'km' then 'ingediend' else 'betaald' end as status) as s`,
      [
        claimRange.map(claimId),
        claimRange.map((c) => personId(c % people)),
        claimRange.map((c) => (c < submitted ? 'km' : 'ov')),
        claimRange.map(date),
        claimRange.map((c) => (c < submitted ? 23 : 23 + (c % 500))),
        stamp,
      ],
    );
    // The feed as a real server holds it: one change number per command that made a row, after the setup's.
    const { rows } = await client.query<{ seq: number }>('select seq from sync_clock where id = 1');
    const base = Number(rows[0]?.seq ?? 0);
    const listed = [
      ...persons.map((p) => ['persons', personId(p)]),
      ...persons.map((p) => ['contracts', id(3, p)]),
      ...entries.map((i) => ['log_entries', id(4, i)]),
      ...claimRange.map((c) => ['claims', claimId(c)]),
    ];
    await client.query(
      `insert into sync_changes (table_name, row_id, seq)
      select table_name, row_id, $3 + n from unnest($1::text[], $2::text[]) with ordinality as t(table_name, row_id, n)`,
      [listed.map((l) => l[0]), listed.map((l) => l[1]), base],
    );
    await client.query('update sync_clock set seq = $1 where id = 1', [base + listed.length]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
  }
  // Derived beside the claims, as an approval keeps it.
  await rebuildGrantedAllowance(core.store.db);
  await onServer(url, 'analyze');
  return Math.round(performance.now() - t);
}

/**
 * Approving claims one at a time, as a desk records each approval: 1,000 `claims.approve` commands of one claim
 * each, pushed in two pushes of 500 (the most one push carries) through the server's push service, against the
 * same 1,000 calls dispatched directly by the administrateur's session on the same dispatcher and PostgreSQL. Each
 * contender approves its own set of 1,000 submitted claims per round (no reset between rounds), alternated.
 */
async function replayRace(core: ServerCore, administrateur: SessionAccount): Promise<Measurement> {
  const db = core.store.db;
  const deviceId = v7();
  const setOf = (k: number, size: number, offset: number) =>
    Array.from({ length: size }, (_, i) => claimId(offset + k * size + i));
  const versions = async (ids: string[]) => {
    const rows = await db.selectFrom('claims').select(['id', 'version']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r.version]));
    return ids.map((claim) => ({ id: claim, version: byId.get(claim) ?? 0 }));
  };
  const outcomes = new Map<string, number>();
  const note = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const push = async (ids: string[]) => {
    const items = await versions(ids);
    const commands: PushedCommand[] = items.map((item, i) => ({
      id: v7(),
      call: 'claims.approve',
      input: { items: [item] },
      now: new Date(Date.parse(clockAt) + i * 1000).toISOString(),
      ids: [],
    }));
    return async () => {
      for (let start = 0; start < commands.length; start += 500) {
        const { results } = await core.services.push(
          administrateur,
          deviceId,
          commands.slice(start, start + 500),
        );
        for (const r of results)
          note(r.outcome === 'toegepast' ? 'pushed: toegepast' : `pushed: ${r.message}`);
      }
    };
  };
  const direct = async (ids: string[]) => {
    const items = await versions(ids);
    return async () => {
      for (const item of items) {
        const r = await core.dispatcher.dispatch('claims.approve', { items: [item] }, 'administrateur');
        note(r.ok ? 'direct: approved' : `direct: ${r.error.message}`);
      }
    };
  };
  // A warm-up of 100 each, untimed.
  await (await push(setOf(0, warmupSet, 0)))();
  await (await direct(setOf(1, warmupSet, 0)))();
  const offset = warmupSet * 2;
  const samples = { pushed: [] as number[], direct: [] as number[] };
  for (let round = 0; round < approvalRounds; round++) {
    const contenders: [keyof typeof samples, () => Promise<void>][] = [
      ['pushed', await push(setOf(round * 2, approvalSet, offset))],
      ['direct', await direct(setOf(round * 2 + 1, approvalSet, offset))],
    ];
    if (round % 2) contenders.reverse();
    for (const [name, run] of contenders) {
      const t = performance.now();
      await run();
      samples[name].push(performance.now() - t);
    }
  }
  const failed = [...outcomes.keys()].filter((o) => !o.endsWith('toegepast') && !o.endsWith('approved'));
  if (failed.length > 0) throw new Error(`approvals refused: ${failed.join('; ').slice(0, 300)}`);
  return {
    subjectMs: median(samples.pushed),
    floorMs: median(samples.direct),
    about: {
      commands: approvalSet,
      claimsPerCommand: 1,
      rounds: approvalRounds,
      perCommandMs: Math.round((median(samples.pushed) / approvalSet) * 1000) / 1000,
      perCallMs: Math.round((median(samples.direct) / approvalSet) * 1000) / 1000,
    },
  };
}

/**
 * The first download through the real HTTPS front and the desk's client (a pinned TLS connection per request, the
 * JSON answer parsed and checked), page by page from cursor 0, against the floor: `select *` of every table the
 * projectleider receives, one plain query each, straight through pg on one open connection.
 */
async function downloadRace(
  core: ServerCore,
  url: string,
  projectleider: SessionAccount,
  download: () => Promise<{ cursor: number; rows: number; pages: number }>,
  fillMs: number,
): Promise<Measurement> {
  const tables = (await core.store.db.introspection.getTables())
    .map((t) => t.name as keyof DB)
    .filter((name) => Object.hasOwn(visibility, name) && ruleFor(name, projectleider).kind !== 'geen');
  const floorClient = new pg.Client({ connectionString: url });
  await floorClient.connect();
  let floorRows = 0;
  const floor = async () => {
    floorRows = 0;
    for (const table of tables)
      floorRows += (await floorClient.query(`select * from "${table}"`)).rowCount ?? 0;
  };
  let last = { cursor: 0, rows: 0, pages: 0 };
  try {
    const times = await race(
      {
        pull: async () => {
          last = await download();
        },
        floor,
      },
      downloadRounds,
      1,
    );
    // The bytes: the answers' JSON bodies as the server sends them, measured once beside the timed runs.
    const bytes = await answerBytes(core, projectleider);
    return {
      subjectMs: times.pull ?? 0,
      floorMs: times.floor ?? 0,
      about: {
        people,
        logEntries,
        claims,
        rows: last.rows,
        floorRows,
        pages: last.pages,
        pageSize,
        bytes,
        tables: tables.length,
        via: 'HTTPS: the server front and the desk client, a pinned TLS connection per page',
        fillMs,
      },
    };
  } finally {
    await floorClient.end();
  }
}

/** The bytes of every page's JSON answer, as sync-routes sends them. */
async function answerBytes(core: ServerCore, account: SessionAccount): Promise<number> {
  let cursor = 0;
  let bytes = 0;
  for (;;) {
    const page = await core.services.pull(account, cursor, pageSize);
    bytes += Buffer.byteLength(JSON.stringify({ ok: true, value: page }));
    cursor = page.cursor;
    if (!page.more) return bytes;
  }
}

/**
 * A pull with nothing new (device key, user token, the feed read in its own snapshot) through the desk's client,
 * against a bare node:https server on the same machine answering a tiny JSON POST, with the same certificate. Like
 * the client, the floor makes a new TLS connection per request (no keep-alive agent).
 */
async function emptyPullRace(
  certificate: { key: string; cert: string },
  pull: () => Promise<void>,
): Promise<Measurement> {
  const bare = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: true, value: { cursor: 1, rows: [], more: false } }));
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const port = (bare.address() as import('node:net').AddressInfo).port;
  const roundTrip = (agent: https.Agent | false) => () =>
    new Promise<void>((resolve, reject) => {
      const payload = JSON.stringify({ since: 1 });
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/sync/pull',
          agent,
          rejectUnauthorized: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve();
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const keepAlive = new https.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const times = await race({ pull, bare: roundTrip(false), bareKeptAlive: roundTrip(keepAlive) }, 200, 20);
    return {
      subjectMs: times.pull ?? 0,
      floorMs: times.bare ?? 0,
      about: {
        floor: 'a new TLS connection per request, as the client makes',
        bareKeptAliveMs: Math.round((times.bareKeptAlive ?? 0) * 1000) / 1000,
      },
    };
  } finally {
    keepAlive.destroy();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
