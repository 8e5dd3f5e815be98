/**
 * kill -9 of the Schakel server in the middle of pushes, many times (issue 13, Tests): a real server process on its
 * embedded PostgreSQL, and a desk that made some sixty commands (people registered and edited again and again, log
 * entries) and pushes them in batches over HTTPS, sending again whatever got no answer, as a desk does. The server
 * is killed with SIGKILL at random moments, some of them right after part of a batch was committed, and started
 * again on the same data folder: the node process alone (its PostgreSQL keeps running, orphaned) or its whole
 * process group (PostgreSQL too, which then recovers from its log). In the end every command is applied exactly
 * once, in the desk's order, the server's records equal the desk's, its change numbers never went backwards, and
 * PostgreSQL's indexes check out.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract.ts';
import type { CommandResult, PushedCommand } from '../../shared/sync.ts';
import { personInput } from '../../test/support/harness.ts';
import { pairedDesk, type ServerProcess, serverProcess } from '../../test/support/server-process.ts';
import { commandDesk } from '../../test/support/sync-server.ts';
import { serverClient } from '../core/sync/server-client.ts';

const commandCount = 60;
const killCount = 8;
/** Printed with a failure: the same seed makes the same commands, batches and kill plan (not the same timing). */
const seed = Number(process.env.SCHAKEL_CRASH_SEED ?? Date.now() % 100_000);

/** A small seeded generator (mulberry32): the run can be repeated from its seed. */
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
const rand = random(seed);
const below = (n: number) => Math.floor(rand() * n);

let server: ServerProcess;
let deskTeam: Awaited<ReturnType<typeof commandDesk>>;

beforeAll(async () => {
  server = await serverProcess();
  deskTeam = await commandDesk('2026-06-01T08:00:00.000Z');
});
afterAll(async () => {
  await deskTeam?.desk.close();
  await server?.close();
});

interface Made {
  commands: PushedCommand[];
  /** Per person: its id, and the notes of each edit in order. */
  persons: Map<string, string[]>;
  logEntries: number;
}

/** The desk's work: people registered, then edited again and again (each edit on the version before), log entries. */
async function makeCommands(): Promise<Made> {
  const made: Made = { commands: [], persons: new Map(), logEntries: 0 };
  const { status: _status, statusDatum: _datum, ...fields } = personInput();
  while (made.commands.length < commandCount) {
    const ids = [...made.persons.keys()];
    const choice = rand();
    if (ids.length === 0 || (choice < 0.2 && ids.length < 12)) {
      const command = await deskTeam.madeOnDesk(
        'projectleider',
        'persons.create',
        personInput({ voornaam: `Persoon ${ids.length + 1}`, notities: null }),
      );
      made.persons.set(command.ids[0] as string, []);
      made.commands.push(command);
    } else if (choice < 0.3) {
      const input: CallInput<'begeleiding.addLogEntry'> = {
        personId: ids[below(ids.length)] as string,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-05-30',
        duurMinuten: 30,
        samenvatting: `Gesprek ${made.commands.length}`,
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      };
      made.commands.push(await deskTeam.madeOnDesk('projectleider', 'begeleiding.addLogEntry', input));
      made.logEntries++;
    } else {
      const id = ids[below(ids.length)] as string;
      const edits = made.persons.get(id) as string[];
      const notities = `Wijziging ${made.commands.length}`;
      const input = {
        ...fields,
        voornaam: `Persoon ${ids.indexOf(id) + 1}`,
        notities,
        id,
        version: edits.length + 1,
      };
      made.commands.push(await deskTeam.madeOnDesk('projectleider', 'persons.update', input));
      edits.push(notities);
    }
  }
  return made;
}

const count = (n: unknown) => Number(n);

it(`applies every command exactly once through ${killCount} kills of the server in the middle of pushes (seed ${seed})`, async () => {
  const made = await makeCommands();
  const { commands } = made;
  const allIds = commands.map((c) => c.id);

  let listening = await server.start();
  const { credentials } = await pairedDesk(server, listening, { via: 'core' });
  let client = serverClient(listening);

  const answers = new Map<string, CommandResult>();
  /** sync_clock.seq and the pull cursor as last seen: neither may go back, restarts and all. */
  let lastSeq = 0;
  let lastCursor = 0;
  const seqNow = async () =>
    count((await (await server.db()).selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow()).seq);
  const committedOf = async (ids: string[]) =>
    count(
      (
        await (
          await server.db()
        )
          .selectFrom('sync_commands')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', 'in', ids)
          .executeTakeFirstOrThrow()
      ).n,
    );

  let kills = 0;
  /** Kills after which the server had committed commands of the batch whose answer the desk never got. */
  let answersLost = 0;
  let pushes = 0;
  const restartMs: number[] = [];
  while (answers.size < commands.length) {
    // The outbox: every command without an answer, in the order made; a batch from its start.
    const waiting = commands.filter((c) => !answers.has(c.id));
    const kill = kills < killCount;
    const target = kills % 2 === 0 ? 'server' : 'group';
    // Half the kills wait until part of a batch of several is committed (its answer then never leaves); the
    // others come at a random moment: before the request is read, in the middle, or after the answer.
    const midway = kill && kills % 4 < 2;
    const batch = waiting.slice(0, midway ? 4 + below(5) : 1 + below(8));
    const batchIds = batch.map((c) => c.id);
    const seqBefore = await seqNow();
    expect(seqBefore).toBeGreaterThanOrEqual(lastSeq);
    lastSeq = seqBefore;

    const delayMs = below(40);
    pushes++;
    const pushing = client.push(credentials, batch);
    let killing: Promise<void> | undefined;
    if (kill) {
      killing = (async () => {
        if (midway) {
          const deadline = Date.now() + 5_000;
          while ((await committedOf(batchIds)) === 0 && Date.now() < deadline) {}
        } else await new Promise((resolve) => setTimeout(resolve, delayMs));
        await server.kill(target);
      })();
    }
    const answer = await pushing;
    if (answer.ok) {
      for (const result of answer.value.results) {
        expect(result, `seed ${seed}`).toMatchObject({ outcome: 'toegepast', message: null });
        answers.set(result.id, result);
      }
      // Applied in order: the answer covers a prefix of the batch.
      expect(answer.value.results.map((r) => r.id)).toEqual(batchIds.slice(0, answer.value.results.length));
    } else {
      expect(answer.error.code, answer.error.message).toBe('unavailable');
      // Only a kill may take the server away.
      expect(kill, `seed ${seed}: the server stopped by itself`).toBe(true);
    }
    if (killing) {
      await killing;
      kills++;
      const restarting = Date.now();
      listening = await server.start();
      restartMs.push(Date.now() - restarting);
      client = serverClient(listening);
      const unanswered = batchIds.filter((id) => !answers.has(id));
      if (unanswered.length > 0 && (await committedOf(unanswered)) > 0) answersLost++;
      const seqAfter = await seqNow();
      expect(seqAfter, `seed ${seed}: the change counter went back after a restart`).toBeGreaterThanOrEqual(
        lastSeq,
      );
      lastSeq = seqAfter;
      const pulled = await client.pull(credentials, lastCursor);
      if (!pulled.ok) throw new Error(pulled.error.message);
      expect(pulled.value.cursor).toBeGreaterThanOrEqual(lastCursor);
      lastCursor = pulled.value.cursor;
    }
  }
  expect(kills).toBe(killCount);
  // The case that proves exactly-once: a command committed whose answer was lost, sent again, applied once.
  expect(answersLost, `seed ${seed}`).toBeGreaterThan(0);
  console.info(
    `server-crash (seed ${seed}): ${commands.length} commands in ${pushes} pushes, ${kills} kills, ${answersLost} with committed commands unanswered; restarts took ${restartMs.join(', ')} ms`,
  );

  const db = await server.db();
  // Every command once, applied, numbered in the order the desk made them; no other command on the server.
  const kept = await db
    .selectFrom('sync_commands')
    .select(['id', 'outcome', 'seq', 'call'])
    .orderBy('seq')
    .execute();
  expect(kept.map((k) => k.id)).toEqual(allIds);
  expect(new Set(kept.map((k) => k.outcome))).toEqual(new Set(['toegepast']));
  const seqs = kept.map((k) => count(k.seq));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(await seqNow()).toBeGreaterThanOrEqual(seqs.at(-1) as number);

  // Each call left one audit entry per command, no more.
  const audited = await db
    .selectFrom('audit_log')
    .select(['call', (eb) => eb.fn.countAll().as('n')])
    .where('call', 'in', ['persons.create', 'persons.update', 'begeleiding.addLogEntry'])
    .groupBy('call')
    .execute();
  const perCall = Map.groupBy(commands, (c) => c.call);
  expect(Object.fromEntries(audited.map((a) => [a.call, count(a.n)]))).toEqual(
    Object.fromEntries([...perCall].map(([call, list]) => [call, list.length])),
  );

  // The records: each person once, at version 1 + its edits, with its last edit; each log entry once.
  const persons = await db.selectFrom('persons').select(['id', 'version', 'notities']).execute();
  expect(persons).toHaveLength(made.persons.size);
  for (const person of persons) {
    const edits = made.persons.get(person.id) as string[];
    expect(person).toEqual({ id: person.id, version: edits.length + 1, notities: edits.at(-1) ?? null });
  }
  const logEntries = await db
    .selectFrom('log_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  expect(count(logEntries.n)).toBe(made.logEntries);

  // The server's rows are the desk's: the same ids, times and versions (the desk's `now` is kept).
  const columns = ['id', 'voornaam', 'notities', 'version', 'created_at', 'updated_at'] as const;
  const onServer = await db.selectFrom('persons').select(columns).orderBy('id').execute();
  const onDesk = await deskTeam.desk.core.store.db
    .selectFrom('persons')
    .select(columns)
    .orderBy('id')
    .execute();
  expect(onServer).toEqual(onDesk);

  // Every changed row is in the feed under one of the commands' numbers.
  const feed = await db.selectFrom('sync_changes').select(['table_name', 'seq']).execute();
  const numbers = new Set(seqs);
  expect(feed.filter((f) => f.table_name === 'persons')).toHaveLength(made.persons.size);
  for (const change of feed.filter((f) => ['persons', 'log_entries'].includes(f.table_name))) {
    expect(numbers.has(count(change.seq))).toBe(true);
  }

  // PostgreSQL's own check of every B-tree index against its table.
  await sql`create extension if not exists amcheck`.execute(db);
  const checked = await sql<{ n: number }>`
    select count(bt_index_check(index => c.oid, heapallindexed => true)) as n
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    join pg_namespace s on s.oid = c.relnamespace
    where a.amname = 'btree' and s.nspname = current_schema()`.execute(db);
  expect(count(checked.rows[0]?.n)).toBeGreaterThan(10);
}, 150_000);
