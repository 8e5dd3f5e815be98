/**
 * Desks in team mode against a real PostgreSQL server (two server processes, in-process services): the outbox
 * records each command with its effect, push moves every command to applied or the user's inbox, pull brings the
 * server's rows and shows the commands still waiting on top, and the inbox's resolution sends one again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { personInput, volunteerContract } from '../../../test/support/harness.ts';
import { type SyncDesk, syncDesk } from '../../../test/support/sync-desk.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { hashPassword } from '../auth/password.ts';

let team: SyncTeam;
let leider: SyncDesk;
let guide: SyncDesk;

beforeAll(async () => {
  team = await syncTeam();
  leider = await syncDesk(team, 'projectleider');
  guide = await syncDesk(team, 'begeleider');
});
afterAll(async () => {
  await leider?.close();
  await guide?.close();
  await team?.close();
});

const serverPerson = (id: string) =>
  team.server().db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
const deskPerson = (desk: SyncDesk, id: string) =>
  desk.db().selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();

function update(
  created: CallInput<'persons.create'>,
  id: string,
  version: number,
  changes: Partial<CallInput<'persons.update'>>,
): CallInput<'persons.update'> {
  const { status: _s, statusDatum: _d, ...fields } = created;
  return { ...fields, id, version, ...changes };
}

describe('a desk in team mode', () => {
  it('starts from a first pull: the register and its own password hash, the others blank', async () => {
    const accounts = await leider.db().selectFrom('accounts').select(['username', 'password_hash']).execute();
    expect(accounts.find((a) => a.username === 'projectleider')?.password_hash).not.toBe('');
    expect(accounts.filter((a) => a.username !== 'projectleider').every((a) => a.password_hash === '')).toBe(
      true,
    );
    expect(await leider.outbox()).toEqual([]);
  });

  it('records each command in its outbox with the effect, in order, and nothing for a call that fails', async () => {
    const input = personInput({ voornaam: 'Amina', achternaam: 'Haddad' });
    const saved = await leider.ok('persons.create', input);
    const refused = await leider.call('persons.update', update(input, saved.id, saved.version + 5, {}));
    expect(refused.ok).toBe(false);
    await leider.ok('persons.update', update(input, saved.id, saved.version, { telefoon: '06 11111111' }));
    const outbox = await leider.outbox();
    expect(outbox.map((c) => c.call)).toEqual(['persons.create', 'persons.update']);
    expect(outbox.map((c) => c.position)).toEqual([1, 2]);
    const context = JSON.parse(outbox[0]?.context ?? '{}') as { now: string; ids: string[] };
    expect(context.ids[0]).toBe(saved.id);
    expect(JSON.parse(outbox[1]?.input ?? '{}')).toMatchObject({ id: saved.id, telefoon: '06 11111111' });
    // Signing in, and the inbox's own calls, stay on the desk.
    await leider.ok('sync.inbox', {});
    expect(await leider.outbox()).toHaveLength(2);

    // The round trip: pushed, applied once on the server with the desk's ids, pulled by the other desk.
    const { push } = await leider.sync();
    expect(push).toEqual({ toegepast: 2, afgewezen: 0, conflict: 0, wachtend: 0 });
    expect(await serverPerson(saved.id)).toMatchObject({
      voornaam: 'Amina',
      telefoon: '06 11111111',
      version: 2,
    });
    await guide.pull();
    expect(await deskPerson(guide, saved.id)).toMatchObject({ telefoon: '06 11111111', version: 2 });
    expect(await deskPerson(leider, saved.id)).toEqual(await deskPerson(guide, saved.id));
    expect(await leider.db().selectFrom('sync_undo').selectAll().execute()).toEqual([]);
  });

  it('applies a command once when its answer was lost and it is pushed again', async () => {
    const saved = await leider.ok('persons.create', personInput({ voornaam: 'Yonas' }));
    leider.loseAnswers(true);
    expect((await leider.push()).wachtend).toBe(1);
    leider.loseAnswers(false);
    expect(await leider.push()).toEqual({ toegepast: 1, afgewezen: 0, conflict: 0, wachtend: 0 });
    const rows = await team
      .server()
      .db.selectFrom('persons')
      .select('id')
      .where('voornaam', '=', 'Yonas')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([saved.id]);
  });

  it('puts a refused command in its author’s inbox with the reason, and the next pull undoes its effect', async () => {
    // Meanwhile the server knows this user as administrateur (a role changed there): people are not theirs to add.
    const own = team.pushers.projectleider;
    leider.setPusher({ ...own, account: { ...own.account, role: 'administrateur' } });
    const saved = await leider.ok('persons.create', personInput({ voornaam: 'Weigering' }));
    expect(await deskPerson(leider, saved.id)).toBeDefined();
    const { push } = await leider.sync();
    leider.setPusher(own);
    expect(push).toMatchObject({ afgewezen: 1, wachtend: 0 });
    expect(await deskPerson(leider, saved.id)).toBeUndefined();
    expect(await serverPerson(saved.id)).toBeUndefined();
    const inbox = await leider.ok('sync.inbox', {});
    expect(inbox).toEqual([
      expect.objectContaining({
        call: 'persons.create',
        outcome: 'afgewezen',
        message: expect.stringMatching(/Geen toegang/),
        input: expect.objectContaining({ voornaam: 'Weigering' }),
      }),
    ]);
    // Only its author sees it.
    expect(await guide.ok('sync.inbox', {})).toEqual([]);
    await leider.ok('sync.resolve', { id: inbox[0]?.id as string, version: 1, keuze: 'verworpen' });
    expect(await leider.ok('sync.inbox', {})).toEqual([]);
    const resolved = await leider.db().selectFrom('sync_inbox').selectAll().executeTakeFirstOrThrow();
    expect(resolved).toMatchObject({ resolution: 'verworpen', version: 2 });
    const audit = await leider
      .db()
      .selectFrom('audit_log')
      .selectAll()
      .where('call', '=', 'sync.resolve')
      .execute();
    expect(audit).toMatchObject([{ record_id: resolved.id, summary: 'Te verwerken: verworpen' }]);
  });

  it('shows a pending edit over a pull that changed the record, lands the conflict in the inbox, and sends it again', async () => {
    const input = personInput({ voornaam: 'Conflict', email: 'oud@example.org' });
    const saved = await leider.ok('persons.create', input);
    await leider.sync();
    await guide.pull();
    // The begeleider changes the e-mail address and syncs; the projectleider, offline, the phone number.
    await guide.ok('persons.update', update(input, saved.id, 1, { email: 'nieuw@example.org' }));
    await guide.sync();
    await leider.ok('persons.update', update(input, saved.id, 1, { telefoon: '06 22222222' }));

    // A pull (no push): the server's new version arrives, the desk still shows its own waiting edit on top.
    await leider.pull();
    expect(await deskPerson(leider, saved.id)).toMatchObject({ telefoon: '06 22222222', version: 3 });
    expect(await leider.outbox()).toHaveLength(1);

    // Pushed: the server had moved on, a conflict for the projectleider, and the desk shows the server's state.
    const { push } = await leider.sync();
    expect(push).toMatchObject({ conflict: 1, wachtend: 0 });
    expect(await deskPerson(leider, saved.id)).toMatchObject({
      email: 'nieuw@example.org',
      telefoon: '06 12345678',
      version: 2,
    });
    const [item] = await leider.ok('sync.inbox', {});
    expect(item).toMatchObject({
      outcome: 'conflict',
      details: { recordType: 'persons', recordId: saved.id, changedBy: 'Bram Begeleider' },
    });
    expect(item?.details?.fields).toContain('E-mail');

    // Again, on the current data: the whole edit as made, on version 2.
    await leider.ok('sync.resolve', {
      id: item?.id as string,
      version: item?.version as number,
      keuze: 'opnieuw',
    });
    expect(await leider.sync()).toMatchObject({ push: { toegepast: 1, wachtend: 0 } });
    expect(await serverPerson(saved.id)).toMatchObject({ telefoon: '06 22222222', version: 3 });
    expect(await deskPerson(leider, saved.id)).toMatchObject({ telefoon: '06 22222222', version: 3 });
    expect(await leider.ok('sync.inbox', {})).toEqual([]);
  });

  it('sends a conflicting edit again with the text its user changed first, checked as the call checks it', async () => {
    const input = personInput({ voornaam: 'Aanpas', email: 'oud@example.org' });
    const saved = await leider.ok('persons.create', input);
    await leider.sync();
    await guide.pull();
    await guide.ok('persons.update', update(input, saved.id, 1, { email: 'nieuw@example.org' }));
    await guide.sync();
    await leider.ok(
      'persons.update',
      update(input, saved.id, 1, { email: 'mijn@example.org', telefoon: '06 30000000' }),
    );
    expect(await leider.sync()).toMatchObject({ push: { conflict: 1 } });
    const [item] = await leider.ok('sync.inbox', {});
    const resolve = (invoer: Record<string, string>) =>
      leider.call('sync.resolve', { id: item?.id as string, version: 1, keuze: 'aangepast', invoer });

    // Refused whole, in Dutch, naming the field: a value the call refuses, a field that is not text typed here.
    expect(await resolve({ email: 'geen adres' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'email', message: expect.stringMatching(/^E-mail: /) },
    });
    expect(await resolve({ id: saved.id })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await leider.outbox()).toEqual([]);

    // The user keeps the begeleider's address and their own phone number: sent on the current version.
    await leider.ok('sync.resolve', {
      id: item?.id as string,
      version: 1,
      keuze: 'aangepast',
      invoer: { email: 'nieuw@example.org', telefoon: '06 33333333' },
    });
    expect(await leider.sync()).toMatchObject({ push: { toegepast: 1, wachtend: 0 } });
    expect(await serverPerson(saved.id)).toMatchObject({
      email: 'nieuw@example.org',
      telefoon: '06 33333333',
      version: 3,
    });
    const audit = await leider
      .db()
      .selectFrom('audit_log')
      .select(['summary', 'changes'])
      .where('call', '=', 'sync.resolve')
      .where('record_id', '=', item?.id as string)
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('Te verwerken: aangepast en verstuurd');
    expect(JSON.parse(audit.changes)).toContainEqual({
      field: 'telefoon',
      before: '06 30000000',
      after: '06 33333333',
    });
  });
});

describe('a session of two desks with offline periods', () => {
  it('ends every command applied on the server, or in its author’s inbox and then resolved', async () => {
    const made = new Map<string, SyncDesk>();
    const record = async (desk: SyncDesk, work: () => Promise<unknown>) => {
      await work();
      const last = (await desk.outbox()).at(-1);
      if (last) made.set(last.id, desk);
    };
    const people: { id: string; input: CallInput<'persons.create'> }[] = [];
    for (let i = 0; i < 5; i++) {
      const input = personInput({ voornaam: `Sessie${i}` });
      await record(leider, async () =>
        people.push({ id: (await leider.ok('persons.create', input)).id, input }),
      );
    }
    await leider.sync();
    await guide.pull();
    // Both desks offline: each edits the same people, the begeleider also writes log entries.
    for (const [i, p] of people.entries()) {
      await record(leider, () =>
        leider.ok('persons.update', update(p.input, p.id, 1, { plaats: `Leider${i}` })),
      );
      await record(guide, () =>
        guide.ok('persons.update', update(p.input, p.id, 1, { gemeente: `Gids${i}` })),
      );
      await record(guide, () =>
        guide.ok('begeleiding.addLogEntry', {
          personId: p.id,
          soort: 'ontwikkelingsgesprek',
          signaalSoort: null,
          datum: '2026-05-01',
          duurMinuten: 30,
          samenvatting: `Gesprek ${i}`,
          afspraken: null,
          volgendeAfspraak: null,
          vertrouwelijk: i % 2 === 0,
          ownerId: null,
          doelUpdates: [],
        }),
      );
    }
    // The begeleider comes back first, the projectleider later, with more made in between.
    await guide.sync();
    await record(leider, () => leider.ok('persons.create', personInput({ voornaam: 'Later' })));
    await leider.sync();
    await guide.sync();
    expect(made.size).toBeGreaterThanOrEqual(20);
    expect(await leider.outbox()).toEqual([]);
    expect(await guide.outbox()).toEqual([]);

    const applied = new Set(
      (
        await team
          .server()
          .db.selectFrom('sync_commands')
          .select('id')
          .where('outcome', '=', 'toegepast')
          .where('id', 'in', [...made.keys()])
          .execute()
      ).map((r) => r.id),
    );
    for (const desk of [leider, guide]) {
      for (const item of await desk.ok('sync.inbox', {})) {
        expect(made.get(item.id), `${item.call} in the inbox of its author`).toBe(desk);
        await desk.ok('sync.resolve', { id: item.id, version: item.version, keuze: 'verworpen' });
      }
      expect(await desk.ok('sync.inbox', {})).toEqual([]);
    }
    const resolved = new Set<string>();
    for (const desk of [leider, guide])
      for (const r of await desk
        .db()
        .selectFrom('sync_inbox')
        .select('id')
        .where('resolution', 'is not', null)
        .execute())
        resolved.add(r.id);
    const lost = [...made.keys()].filter((id) => !applied.has(id) && !resolved.has(id));
    expect(lost).toEqual([]);
    expect([...made.keys()].filter((id) => applied.has(id) && resolved.has(id))).toEqual([]);
    // The conflicting edits reached the inbox: one desk's edit of each person won.
    expect(resolved.size).toBeGreaterThanOrEqual(4);

    // Both desks show the server's register.
    const server = await team
      .server()
      .db.selectFrom('persons')
      .select(['id', 'plaats', 'gemeente', 'version'])
      .orderBy('id')
      .execute();
    for (const desk of [leider, guide])
      expect(
        await desk
          .db()
          .selectFrom('persons')
          .select(['id', 'plaats', 'gemeente', 'version'])
          .orderBy('id')
          .execute(),
      ).toEqual(server);
  });
});

describe('a server put back from a backup', () => {
  it('has a desk ahead of it drop its copy and pull again, its waiting command kept', async () => {
    const db = team.server().db;
    const { seq: atBackup } = await db.selectFrom('sync_clock').select('seq').executeTakeFirstOrThrow();
    const later = await leider.ok('persons.create', personInput({ voornaam: 'Na', achternaam: 'Backup' }));
    await leider.sync();
    expect(await deskPerson(leider, later.id)).toBeDefined();
    // What a restore of the backup does to the server: the person and the changes after it are gone (the rows
    // that refer to the person too; triggers and foreign keys are held off, as pg_restore does).
    await db.transaction().execute(async (t) => {
      await sql`set local session_replication_role = replica`.execute(t);
      await t.deleteFrom('audit_log').where('record_id', '=', later.id).execute();
      await t.deleteFrom('person_languages').where('person_id', '=', later.id).execute();
      await t.deleteFrom('person_status_history').where('person_id', '=', later.id).execute();
      await t.deleteFrom('persons').where('id', '=', later.id).execute();
      await t.deleteFrom('sync_changes').where('seq', '>', atBackup).execute();
      await t.updateTable('sync_clock').set({ seq: atBackup }).execute();
    });
    // Meanwhile this desk made one more change, which waits.
    const waiting = await leider.ok('persons.create', personInput({ voornaam: 'Wacht', achternaam: 'Nog' }));
    // A begeleider signed in on this desk before: the desk holds a hash for them that the server never sends.
    const hashes = () =>
      leider.db().selectFrom('accounts').select(['username', 'password_hash']).orderBy('username').execute();
    await leider
      .db()
      .updateTable('accounts')
      .set({ password_hash: await hashPassword('begeleider op deze pc') })
      .where('username', '=', 'begeleider')
      .execute();
    const held = (await hashes()).filter((a) => a.password_hash !== '');
    expect(held.map((a) => a.username)).toEqual(['begeleider', 'projectleider']);

    const pulled = await leider.pull();
    expect(pulled.cursor).toBeLessThanOrEqual(Number(atBackup));
    // Gone as on the server; the waiting one shown on top, and still waiting.
    expect(await deskPerson(leider, later.id)).toBeUndefined();
    expect(await deskPerson(leider, waiting.id)).toBeDefined();
    expect((await leider.outbox()).map((c) => c.call)).toEqual(['persons.create']);
    // The desk's copy is the server's again: every person there is here.
    const onServer = await db.selectFrom('persons').select('id').orderBy('id').execute();
    const onDesk = await leider
      .db()
      .selectFrom('persons')
      .select('id')
      .where('id', '<>', waiting.id)
      .orderBy('id')
      .execute();
    expect(onDesk).toEqual(onServer);
    // Both users still sign in here offline: their hashes came back with their accounts, none left aside.
    expect((await hashes()).filter((a) => a.password_hash !== '')).toEqual(held);
    expect(
      await leider.db().selectFrom('sync_state').select('key').where('key', 'like', 'bewaard%').execute(),
    ).toEqual([]);
    await leider.sync();
    expect(await serverPerson(waiting.id)).toBeDefined();
  });
});

describe('claims approved offline', () => {
  it('are checked again by the server, which refuses only the claim that now crosses the month cap', async () => {
    const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
    const admin = await syncDesk(team, 'administrateur');
    const other = await syncDesk(team, 'administrateur');
    try {
      // The projectleider registers a volunteer whose every activity pays half the month cap, and a km one cent.
      const input = personInput({
        voornaam: 'Fatima',
        achternaam: 'Cap',
        status: 'actief',
        statusDatum: '2026-01-01',
      });
      const person = await leider.ok('persons.create', input);
      const draft = await leider.ok(
        'contracts.create',
        volunteerContract(person.id, {
          vergoedingEenheid: 'activiteit',
          vergoedingCents: cap / 2,
          kmVergoedingCents: 1,
        }),
      );
      await leider.ok('contracts.finalize', { id: draft.id, version: 1 });
      await leider.sync();
      await admin.pull();
      const claim = (datum: string, soort: 'activiteit' | 'km') =>
        admin.ok('claims.create', {
          personId: person.id,
          soort,
          datum,
          omschrijving: `Voorlichting ${datum}`,
          van: soort === 'km' ? 'Utrecht' : null,
          naar: soort === 'km' ? 'Zeist' : null,
          km: soort === 'km' ? 1 : null,
          minuten: null,
          bedragCents: null,
          bonnen: [],
        });
      const a = await claim('2026-04-01', 'activiteit');
      const b = await claim('2026-04-02', 'activiteit');
      const c = await claim('2026-04-03', 'km');
      await admin.sync();
      await other.pull();

      // Offline, the laptop approves a and c together: within the cap, as far as it knows.
      await admin.ok('claims.approve', { items: [a, c].map((x) => ({ id: x.id, version: 1 })) });
      expect((await admin.outbox()).map((o) => JSON.parse(o.input).items.length)).toEqual([1, 1]);
      // Meanwhile the other desk approves b, the projectleider edits the person, the begeleider writes a log entry.
      await other.ok('claims.approve', { items: [{ id: b.id, version: 1 }] });
      await other.sync();
      await leider.pull();
      const { status: _s, statusDatum: _d, ...fields } = input;
      await leider.ok('persons.update', { ...fields, id: person.id, version: 1, telefoon: '06 55555555' });
      await leider.sync();
      await guide.pull();
      await guide.ok('begeleiding.addLogEntry', {
        personId: person.id,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-04-05',
        duurMinuten: 30,
        samenvatting: 'Gesprek over de declaraties',
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      });
      await guide.sync();

      // Back online: a fits beside b (exactly the cap), c now crosses it and waits in the laptop's inbox.
      const { push } = await admin.sync();
      expect(push).toMatchObject({ toegepast: 1, afgewezen: 1, conflict: 0, wachtend: 0 });
      const status = async (id: string) =>
        (
          await team
            .server()
            .db.selectFrom('claims')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status;
      expect([await status(a.id), await status(b.id), await status(c.id)]).toEqual([
        'goedgekeurd',
        'goedgekeurd',
        'ingediend',
      ]);
      const inbox = await admin.ok('sync.inbox', {});
      expect(inbox).toHaveLength(1);
      expect(inbox[0]).toMatchObject({ call: 'claims.approve', outcome: 'afgewezen' });
      expect(inbox[0]?.message).toContain('boven het maximum');
      expect(JSON.stringify(inbox[0]?.input)).toContain(c.id);
      // Nothing else was lost: the phone number and the log entry are on the server; the laptop holds no log.
      expect((await serverPerson(person.id))?.telefoon).toBe('06 55555555');
      expect((await deskPerson(admin, person.id))?.telefoon).toBe('06 55555555');
      const logOnServer = await team
        .server()
        .db.selectFrom('log_entries')
        .select('id')
        .where('person_id', '=', person.id)
        .execute();
      expect(logOnServer).toHaveLength(1);
      expect(await admin.db().selectFrom('log_entries').select('id').execute()).toEqual([]);
      expect(
        (
          await admin
            .db()
            .selectFrom('claims')
            .select('status')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('ingediend');
    } finally {
      await admin.close();
      await other.close();
    }
  });
});
