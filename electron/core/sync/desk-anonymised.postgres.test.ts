/**
 * Anonymisation reaches every copy on a desk (issue 13 part 8): when a person is anonymised on the server, or on a
 * desk whose command the server then applies, each desk's next pull leaves nothing of them in the commands it
 * keeps outside its tables (waiting, Te verwerken, the undo log), and tells the user in Te verwerken why their
 * change about that person went. Desks on SQLite, the server on PostgreSQL (in-process services).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../../shared/contract.ts';
import { password, personInput } from '../../../test/support/harness.ts';
import { type SyncDesk, syncDesk } from '../../../test/support/sync-desk.ts';
import { type SyncTeam, syncTeam } from '../../../test/support/sync-server.ts';
import { anonymisedNotice } from './desk-anonymised.ts';

let team: SyncTeam;
let leider: SyncDesk;
let guide: SyncDesk;

beforeAll(async () => {
  team = await syncTeam();
  leider = await syncDesk(team, 'projectleider');
  guide = await syncDesk(team, 'begeleider');
}, 60_000);
afterAll(async () => {
  await leider?.close();
  await guide?.close();
  await team?.close();
});

/** A call on the server, as a user signed in there (client 'beheer' is bea, the beheerder). */
async function onServer<N extends CallName>(client: string, name: N, input: CallInput<N>) {
  const r = await team.server().dispatcher.dispatch(name, input, client);
  if (!r.ok) throw new Error(`${name} on the server: ${r.error.message}`);
  return r.value as { id: string; version: number };
}

function update(
  created: CallInput<'persons.create'>,
  id: string,
  version: number,
  changes: Partial<CallInput<'persons.update'>>,
): CallInput<'persons.update'> {
  const { status: _s, statusDatum: _d, ...fields } = created;
  return { ...fields, id, version, ...changes };
}

const syncTables = ['sync_outbox', 'sync_inbox', 'sync_undo'] as const;

/** Which of the texts each of the desk's sync tables holds anywhere in its rows. */
async function traces(desk: SyncDesk, texts: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of syncTables) {
    const rows = JSON.stringify(await desk.db().selectFrom(table).selectAll().execute()).toLowerCase();
    for (const text of texts) if (rows.includes(text.toLowerCase())) found.push(`${table}: ${text}`);
  }
  return found;
}

/** Someone who stopped in 2023 (the retention period has passed), in the begeleider's caseload. */
async function stoppedPerson(personal: Partial<CallInput<'persons.create'>>) {
  const input = personInput({
    ...personal,
    begeleiderId: team.pushers.begeleider.account.id,
    status: 'actief',
    statusDatum: '2022-01-10',
  });
  const created = await onServer('projectleider', 'persons.create', input);
  const entry = await onServer('begeleider', 'begeleiding.addLogEntry', {
    personId: created.id,
    soort: 'signaal',
    signaalSoort: 'overbelasting',
    datum: '2022-06-01',
    duurMinuten: 30,
    samenvatting: 'Te veel tegelijk',
    afspraken: null,
    volgendeAfspraak: null,
    vertrouwelijk: false,
    ownerId: null,
    doelUpdates: [],
  });
  const stopped = await onServer('projectleider', 'persons.setStatus', {
    id: created.id,
    version: created.version,
    status: 'gestopt',
    datum: '2023-02-01',
    toelichting: null,
    uitstroom: null,
  });
  return { id: created.id, version: stopped.version, input, entryId: entry.id };
}

/** A conflict in the projectleider's Te verwerken: their edit of the person, made on a version changed meanwhile. */
async function conflictAbout(person: Awaited<ReturnType<typeof stoppedPerson>>, telefoon: string) {
  await leider.pull();
  await leider.ok('persons.update', update(person.input, person.id, person.version, { telefoon }));
  await onServer(
    'projectleider',
    'persons.update',
    update(person.input, person.id, person.version, { plaats: 'Amersfoort' }),
  );
  expect((await leider.sync()).push).toMatchObject({ conflict: 1, wachtend: 0 });
  return person.version + 1;
}

describe('a person anonymised on the server', () => {
  const zeynep = {
    voornaam: 'Zeynep',
    achternaam: 'Karaman',
    telefoon: '06 55501234',
    email: 'zeynep.karaman@example.org',
    straat: 'Lindelaan',
  };
  const traced = [...Object.values(zeynep), '06 55509876', 'belt op dinsdag', 'Zij belt terug'];

  it('leaves no trace in the commands the desks keep, and says so in Te verwerken', async () => {
    const person = await stoppedPerson(zeynep);
    const other = await onServer('projectleider', 'persons.create', personInput({ voornaam: 'Blijft' }));
    const version = await conflictAbout(person, '06 55509876');
    // Waiting: another edit of her, and an edit of someone else; on the begeleider's desk, a follow-up of her
    // signal, which names only the log entry.
    await leider.ok(
      'persons.update',
      update(person.input, person.id, version, { notities: 'belt op dinsdag' }),
    );
    await leider.ok(
      'persons.update',
      update(personInput({ voornaam: 'Blijft' }), other.id, other.version, { plaats: 'Zeist' }),
    );
    await guide.pull();
    await guide.ok('begeleiding.followUpSignal', {
      id: person.entryId,
      version: 1,
      opvolging: 'Zij belt terug',
      sluiten: false,
      datum: '2026-05-01',
    });
    expect(await traces(leider, traced)).toEqual(
      expect.arrayContaining([
        'sync_outbox: belt op dinsdag',
        'sync_inbox: 06 55509876',
        'sync_undo: Zeynep',
      ]),
    );
    expect(await traces(guide, traced)).toEqual(expect.arrayContaining(['sync_outbox: Zij belt terug']));

    await onServer('beheer', 'avg.anonymise', { personIds: [person.id] });
    await leider.pull();
    await guide.pull();

    for (const desk of [leider, guide]) expect(await traces(desk, traced)).toEqual([]);
    const label = 'Verwijderd persoon 2026-0001';
    expect(
      await leider
        .db()
        .selectFrom('persons')
        .select(['voornaam', 'achternaam'])
        .where('id', '=', person.id)
        .execute(),
    ).toEqual([{ voornaam: 'Verwijderd persoon', achternaam: '2026-0001' }]);
    // Only the edit of someone else still waits, shown on top.
    expect((await leider.outbox()).map((c) => JSON.parse(c.input).id)).toEqual([other.id]);
    expect(
      await leider.db().selectFrom('persons').select('plaats').where('id', '=', other.id).executeTakeFirst(),
    ).toEqual({ plaats: 'Zeist' });
    const notice = {
      outcome: 'afgewezen',
      message: anonymisedNotice(label),
      details: null,
      input: { invoer: '[verwijderd]' },
    };
    const inbox = await leider.ok('sync.inbox', {});
    expect(inbox).toEqual([
      expect.objectContaining({ call: 'persons.update', ...notice }),
      expect.objectContaining({ call: 'persons.update', ...notice }),
    ]);
    expect(await guide.ok('sync.inbox', {})).toEqual([
      expect.objectContaining({ call: 'begeleiding.followUpSignal', ...notice }),
    ]);
    expect(anonymisedNotice(label)).toMatch(/geanonimiseerd \(nu ‘Verwijderd persoon 2026-0001’\)/);

    // What was entered is gone: it cannot go again, only be let go.
    const [first, second] = inbox;
    const again = await leider.call('sync.resolve', {
      id: first?.id as string,
      version: first?.version as number,
      keuze: 'opnieuw',
    });
    expect(again.ok ? null : again.error.message).toMatch(/geanonimiseerde sleutelpersoon/);
    for (const item of [first, second])
      await leider.ok('sync.resolve', {
        id: item?.id as string,
        version: item?.version as number,
        keuze: 'verworpen',
      });
    expect(await leider.ok('sync.inbox', {})).toEqual([]);

    // The next push sends only the other edit; the server wrote nothing more about her.
    expect((await leider.sync()).push).toEqual({ toegepast: 1, afgewezen: 0, conflict: 0, wachtend: 0 });
    expect((await guide.sync()).push).toEqual({ toegepast: 0, afgewezen: 0, conflict: 0, wachtend: 0 });
    expect(
      await team
        .server()
        .db.selectFrom('persons')
        .select(['voornaam', 'telefoon', 'notities'])
        .where('id', '=', person.id)
        .execute(),
    ).toEqual([{ voornaam: 'Verwijderd persoon', telefoon: null, notities: null }]);
    for (const desk of [leider, guide]) expect(await traces(desk, traced)).toEqual([]);
  });
});

describe('a person anonymised on a desk', () => {
  const rahaf = { voornaam: 'Rahaf', achternaam: 'Saleh', telefoon: '06 44407777', straat: 'Beukenhof' };
  const traced = [...Object.values(rahaf), '06 44408888'];

  it('leaves the same result once the server has applied it', async () => {
    // The projectleider is made beheerder on the server: anonymising is theirs now, on their desk too.
    const accounts = (await onServer('beheer', 'accounts.list', {})) as unknown as {
      id: string;
      username: string;
      displayName: string;
      role: 'projectleider';
      version: number;
    }[];
    const own = accounts.find((a) => a.username === 'projectleider');
    await onServer('beheer', 'accounts.update', {
      id: own?.id as string,
      version: own?.version as number,
      displayName: own?.displayName as string,
      role: 'projectleider',
      isBeheerder: true,
    });
    const pusher = team.pushers.projectleider;
    leider.setPusher({ ...pusher, account: { ...pusher.account, isBeheerder: true } });
    await leider.pull();
    await leider.ok('auth.logout', {});
    await leider.ok('auth.login', { username: 'projectleider', password });

    const person = await stoppedPerson(rahaf);
    await conflictAbout(person, '06 44408888');
    expect(await traces(leider, traced)).toEqual(expect.arrayContaining(['sync_inbox: 06 44408888']));

    await leider.ok('avg.anonymise', { personIds: [person.id] });
    // Applied on the server, its answer lost on the way back: the pull brings the anonymisation all the same.
    leider.loseAnswers(true);
    expect((await leider.sync()).push).toMatchObject({ toegepast: 0, wachtend: 1 });
    leider.loseAnswers(false);

    expect(await traces(leider, traced)).toEqual([]);
    // The anonymisation itself (ids only) still waits for its answer, and gets it.
    expect((await leider.outbox()).map((c) => c.call)).toEqual(['avg.anonymise']);
    expect((await leider.sync()).push).toEqual({ toegepast: 1, afgewezen: 0, conflict: 0, wachtend: 0 });
    expect(await traces(leider, traced)).toEqual([]);
    expect(await leider.ok('sync.inbox', {})).toEqual([
      expect.objectContaining({
        call: 'persons.update',
        outcome: 'afgewezen',
        message: anonymisedNotice('Verwijderd persoon 2026-0002'),
      }),
    ]);
    expect(
      await team
        .server()
        .db.selectFrom('retention_removals')
        .select('label')
        .where('person_id', '=', person.id)
        .execute(),
    ).toEqual([{ label: 'Verwijderd persoon 2026-0002' }]);
  });
});
