/**
 * Pushes replayed on a real PostgreSQL server: each command applied once (also when pushed again, or by two server
 * processes at once), in the desk's order, with the desk's time and ids; refusals and conflicts kept with their
 * Dutch reason; every changed row in the feed under its command's number.
 */

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../../shared/contract.ts';
import type { PushedCommand } from '../../../shared/sync.ts';
import { password, personInput } from '../../../test/support/harness.ts';
import { postgresDatabase } from '../../../test/support/postgres.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { capturedTables, installChangeCapture } from './change-feed.ts';
import { applyPush, type Pusher } from './server-push.ts';

let team: SyncTeam;
let projectleider: Pusher;
let administrateur: Pusher;
const madeOnDesk = <N extends CallName>(name: N, input: CallInput<N>) =>
  team.madeOnDesk('projectleider', name, input);

beforeAll(async () => {
  team = await syncTeam();
  ({ projectleider, administrateur } = team.pushers);
});
afterAll(() => team.close());

const server = (i = 0) => team.server(i);
const personRow = (id: string) =>
  server().db.selectFrom('persons').select(['id', 'voornaam', 'version', 'created_at']).where('id', '=', id);

describe('a push on the server', () => {
  it('applies a command with the desk’s time and ids, numbers its rows, and applies it only once', async () => {
    const command = await madeOnDesk('persons.create', personInput({ voornaam: 'Şükrü' }));
    const first = await applyPush(server(), projectleider, [command]);
    expect(first.results).toEqual([{ id: command.id, outcome: 'toegepast', message: null, details: null }]);
    const personId = command.ids[0] as string;
    expect(await personRow(personId).executeTakeFirst()).toMatchObject({
      voornaam: 'Şükrü',
      created_at: command.now,
    });
    const numbered = await server()
      .db.selectFrom('sync_changes')
      .selectAll()
      .where('row_id', '=', personId)
      .executeTakeFirstOrThrow();
    const kept = await server()
      .db.selectFrom('sync_commands')
      .selectAll()
      .where('id', '=', command.id)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ outcome: 'toegepast', device_id: 'desk-projectleider', seq: numbered.seq });

    // The answer was lost on the way: the desk pushes again, on the other server process.
    const again = await applyPush(server(1), projectleider, [command]);
    expect(again.results).toEqual(first.results);
    const persons = await server().db.selectFrom('persons').select('id').where('id', '=', personId).execute();
    expect(persons).toHaveLength(1);
    expect((await server().db.selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow()).seq).toBe(
      numbered.seq,
    );
  });

  it('keeps a refusal with its Dutch reason, and a conflict with who changed which field', async () => {
    const created = await madeOnDesk(
      'persons.create',
      personInput({ voornaam: 'Amina', telefoon: '0612345678' }),
    );
    const personId = created.ids[0] as string;
    const refusedRole = { ...created, id: (await import('uuid')).v7(), ids: [] };
    const pushed = await applyPush(server(), projectleider, [created]);
    expect(pushed.results[0]?.outcome).toBe('toegepast');

    // The administrateur may not register people: refused, with the reason, and nothing written.
    const [refused] = (await applyPush(server(), administrateur, [refusedRole])).results;
    expect(refused).toMatchObject({ outcome: 'afgewezen', message: expect.stringMatching(/Geen toegang/) });

    // Two desks edit the same version: the first to arrive wins, the second is a conflict naming the field and
    // the person. (Each desk drew ids of its own for the rows the edit writes.)
    const person = await personRow(personId).executeTakeFirstOrThrow();
    const { status: _s, statusDatum: _d, ...fields } = created.input as Record<string, unknown>;
    const first = await madeOnDesk('persons.update', {
      ...(fields as CallInput<'persons.update'>),
      id: personId,
      version: person.version,
      telefoon: '0687654321',
    });
    const { v7 } = await import('uuid');
    const second: PushedCommand = {
      ...first,
      id: v7(),
      input: { ...(first.input as object), telefoon: '0611111111' },
      ids: first.ids.map(() => v7()),
    };
    const [won, lost] = (await applyPush(server(), projectleider, [first, second])).results;
    expect(won?.outcome).toBe('toegepast');
    expect(lost).toMatchObject({
      outcome: 'conflict',
      message: expect.stringContaining('Priya Projectleider'),
      details: { recordType: 'persons', recordId: personId, changedBy: 'Priya Projectleider' },
    });
    expect(lost?.details?.fields).toContain('Telefoon');
    // Kept: the same answer again, and the winning edit stands.
    expect((await applyPush(server(1), projectleider, [second])).results).toEqual([lost]);
    expect(await personRow(personId).select('telefoon').executeTakeFirst()).toMatchObject({
      telefoon: '0687654321',
    });
  });

  it('takes a changed password to the server, where the user signs in with it next', async () => {
    const newPassword = 'een nieuw wachtwoord van de projectleider';
    const made = await madeOnDesk('auth.changePassword', { currentPassword: password, newPassword });
    // The audit entry hides the passwords; the command carries them, as the desk's outbox does.
    const command = { ...made, input: { currentPassword: password, newPassword } };
    const [result] = (await applyPush(server(), projectleider, [command])).results;
    expect(result?.outcome).toBe('toegepast');
    const login = (pw: string) =>
      server().dispatcher.dispatch(
        'auth.login',
        { username: 'projectleider', password: pw },
        'nieuw-venster',
      );
    expect((await login(newPassword)).ok).toBe(true);
    expect((await login(password)).ok).toBe(false);
  });

  it('refuses a call that is not a command (signing in stays on the desk)', async () => {
    const { v7 } = await import('uuid');
    const [result] = (
      await applyPush(server(), projectleider, [
        {
          id: v7(),
          call: 'auth.login',
          input: { username: 'bea', password },
          now: server().clock().toISOString(),
          ids: [],
        },
      ])
    ).results;
    expect(result).toMatchObject({
      outcome: 'afgewezen',
      message: 'Deze opdracht wordt niet via de server gedeeld.',
    });
  });

  it('applies each command once when two server processes take the same pushes at once, numbered in commit order', async () => {
    const commands = [];
    for (let i = 0; i < 12; i++)
      commands.push(await madeOnDesk('persons.create', personInput({ voornaam: `Gelijk${i}` })));
    const [a, b] = await Promise.all([
      applyPush(server(0), projectleider, commands),
      applyPush(server(1), projectleider, commands),
    ]);
    expect(a.results.map((r) => r.outcome)).toEqual(commands.map(() => 'toegepast'));
    expect(b.results).toEqual(a.results);
    const ids = commands.map((c) => c.ids[0] as string);
    const rows = await server().db.selectFrom('persons').select('id').where('id', 'in', ids).execute();
    expect(rows).toHaveLength(12);
    const kept = await server()
      .db.selectFrom('sync_commands')
      .select(['id', 'seq'])
      .where(
        'id',
        'in',
        commands.map((c) => c.id),
      )
      .execute();
    expect(kept).toHaveLength(12);
    // One number per command, none shared, in the order the desk sent them (each push keeps it).
    const bySent = commands.map((c) => kept.find((k) => k.id === c.id)?.seq as number);
    expect(new Set(bySent).size).toBe(12);
    expect([...bySent].sort((x, y) => x - y)).toEqual(bySent);
  });
});

describe('the change feed', () => {
  it('captures every table of the schema but its own machinery, a table added later included', async () => {
    const { db } = server();
    const { rows } = await sql<{ table: string }>`
      select distinct event_object_table as table from information_schema.triggers
      where trigger_name = 'schakel_capture'`.execute(db);
    const tables = await capturedTables(db);
    expect(tables).toContain('persons');
    expect(tables).toContain('inzet_reach');
    expect(tables.filter((t) => t.startsWith('sync_') || t === 'schema_migrations')).toEqual([]);
    expect(rows.map((r) => r.table).sort()).toEqual([...tables].sort());
    await sql`create table later_area (id text primary key, naam text)`.execute(db);
    await installChangeCapture(db);
    await db.transaction().execute(async (t) => {
      await sql`insert into later_area values ('l1', 'nieuw')`.execute(t);
    });
    const feed = await db
      .selectFrom('sync_changes')
      .selectAll()
      .where('table_name', '=', 'later_area')
      .execute();
    expect(feed).toHaveLength(1);
    await sql`drop table later_area`.execute(db);
  });

  it('numbers a write made outside any command (a retention run on the server) all the same', async () => {
    const { db } = server();
    const before = (await db.selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow()).seq;
    await db.transaction().execute(async (t) => {
      await t
        .updateTable('persons')
        .set({ telefoon: null })
        .where('voornaam', 'in', ['Gelijk0', 'Gelijk1'])
        .execute();
    });
    const numbered = await db
      .selectFrom('sync_changes')
      .innerJoin('persons', 'persons.id', 'sync_changes.row_id')
      .select('sync_changes.seq')
      .where('persons.voornaam', 'in', ['Gelijk0', 'Gelijk1'])
      .execute();
    // One transaction, one new number for both rows.
    expect(numbered.map((r) => r.seq)).toEqual([before + 1, before + 1]);
  });

  it('lists the rows written before the capture was installed (by the migrations) once, under one number', async () => {
    const database = await postgresDatabase({ migrated: true });
    const store = await openPostgresStore(database.url);
    try {
      // Rows from before the capture: what the migrations wrote, and a partner a script put in.
      const at = '2026-05-01T09:00:00.000Z';
      await store.db
        .insertInto('partners')
        .values({
          id: 'p-voor',
          naam: 'Wijkteam Noord',
          soort: 'wijkteam',
          contactpersoon: null,
          telefoon: null,
          email: null,
          gemeente: null,
          archived: 0,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
      const before = await store.db.selectFrom('function_profiles').select('id').execute();
      await installChangeCapture(store.db);
      const { seq } = await store.db.selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow();
      const listed = await store.db.selectFrom('sync_changes').selectAll().execute();
      expect(listed).toContainEqual({ table_name: 'partners', row_id: 'p-voor', seq });
      for (const profile of before)
        expect(listed).toContainEqual({ table_name: 'function_profiles', row_id: profile.id, seq });
      expect(new Set(listed.map((c) => c.seq))).toEqual(new Set([seq]));
      // A restart finds nothing new to list and takes no number.
      await installChangeCapture(store.db);
      expect((await store.db.selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow()).seq).toBe(seq);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
