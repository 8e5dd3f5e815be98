import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { roles, type SessionAccount } from '../../../shared/roles.ts';
import { testKey } from '../../../test/support/harness.ts';
import { toSessionAccount } from '../accounts/account-rows.ts';
import { type Core, startCore } from '../app-core.ts';
import { demoPassword, seedDemo } from '../demo/seed.ts';
import type { DB } from '../store/schema.ts';
import { ruleFor, visibility, visibleRows } from './visibility.ts';

const today = '2026-11-25';
let core: Core;
let dir: string;
/**
 * The demo's accounts by username: marco projectleider; samira, pieter and esther begeleiders; johan
 * administrateur; annelies administrateur and beheerder.
 */
const accounts = new Map<string, SessionAccount>();
const as = (username: string) => accounts.get(username) as SessionAccount;

const loggedIn = new Set<string>();
/** A call through the dispatcher as that demo user, as the screens make it. */
async function call<N extends CallName>(username: string, name: N, input: CallInput<N>) {
  const client = `visibility-${username}`;
  if (!loggedIn.has(username)) {
    const login = await core.dispatcher.dispatch('auth.login', { username, password: demoPassword }, client);
    if (!login.ok) throw new Error(login.error.message);
    loggedIn.add(username);
  }
  return core.dispatcher.dispatch(name, input, client) as Promise<Result<CallOutput<N>>>;
}
async function ok<N extends CallName>(
  username: string,
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const r = await call(username, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
}

const sqlite = () => core.store.sqlite;
const storeTables = () =>
  (
    sqlite()
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
/** Has a text id, the change feed's row_id (sync_clock's id is a number). */
const hasId = (table: string) =>
  (
    sqlite().prepare(`select name, type from pragma_table_info(?)`).all(table) as {
      name: string;
      type: string;
    }[]
  ).some((c) => c.name === 'id' && c.type.toLowerCase() === 'text');
const idsOf = (table: string, where = '1 = 1') =>
  (sqlite().prepare(`select id from "${table}" where ${where}`).all() as { id: string }[]).map((r) => r.id);

/** The rows of the table this user receives, by id, from a pull that asks for every row there is. */
async function received(table: keyof DB, username: string, where?: string) {
  const rows = await visibleRows(core.store.db, table, idsOf(table, where), as(username));
  return new Map(rows.flatMap((r) => (r.row ? [[r.id, r.row] as const] : [])));
}
const receivedIds = async (table: keyof DB, username: string) =>
  [...(await received(table, username)).keys()].sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-visibility-'));
  let tick = 0;
  const start = Date.parse(`${today}T08:00:00.000Z`);
  core = await startCore(dir, { key: testKey, clock: () => new Date(start + 1000 * tick++) });
  await seedDemo(core.dispatcher, 30, today);
  for (const row of await core.store.db.selectFrom('accounts').selectAll().execute())
    accounts.set(row.username, toSessionAccount(row));

  // Pieter notes a goal's progress in a vertrouwelijk conversation about someone samira guides.
  const { personId } = await core.store.db
    .selectFrom('pops')
    .innerJoin('persons', 'persons.id', 'pops.person_id')
    .select('pops.person_id as personId')
    .where('persons.begeleider_id', '=', as('samira').id)
    .executeTakeFirstOrThrow();
  const pop = await ok('pieter', 'begeleiding.pop', { personId, versie: null });
  const goal = pop?.current.doelen[0];
  if (!goal) throw new Error('the demo POP has no goal');
  await ok('pieter', 'begeleiding.addLogEntry', {
    personId,
    soort: 'ontwikkelingsgesprek',
    signaalSoort: null,
    datum: '2026-11-20',
    duurMinuten: 30,
    samenvatting: 'Vertrouwelijk gesprek over de thuissituatie.',
    afspraken: null,
    volgendeAfspraak: null,
    vertrouwelijk: true,
    ownerId: null,
    doelUpdates: [{ goalId: goal.id, status: 'bezig', notitie: 'Besproken in vertrouwen.' }],
  });
  // A financial removal and an anonymised person, as the retention screen leaves them.
  const removal = {
    grens: '2019-01-01',
    aantallen: '{}',
    account_id: as('annelies').id,
    at: `${today}T08:00:00Z`,
  };
  await core.store.db
    .insertInto('retention_removals')
    .values([
      {
        ...removal,
        id: 'removal-financial',
        soort: 'financieel',
        person_id: null,
        label: 'boekjaar 2018',
        version: 1,
      },
      {
        ...removal,
        id: 'removal-person',
        soort: 'persoon',
        person_id: personId,
        label: 'Persoon 1',
        version: 1,
      },
    ])
    .execute();
}, 60_000);

afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the visibility rules', () => {
  it('give every table of the migrated store a rule for every role, and no rule to a table that is not there', () => {
    const tables = storeTables();
    expect(tables.length).toBeGreaterThan(50);
    expect(Object.keys(visibility).sort()).toEqual(tables);
    for (const table of tables as (keyof DB)[]) {
      for (const role of roles) {
        expect(['alle', 'geen', 'waar'], `${table} × ${role}`).toContain(visibility[table][role].kind);
      }
      // A table without a text id is not in the change feed's terms: no desk receives it.
      if (!hasId(table))
        expect(roles.map((role) => visibility[table][role].kind)).toEqual(['geen', 'geen', 'geen']);
    }
  });

  it('run on the store for every table and account, also over more ids than one statement takes', async () => {
    // Ids of rows that were removed: they come back as null, and push the request past one statement.
    const gone = Array.from({ length: 600 }, (_, i) => `gone-${i}`);
    for (const table of storeTables() as (keyof DB)[]) {
      const ids = [...(hasId(table) ? idsOf(table) : []), ...gone];
      for (const account of accounts.values()) {
        const rows = await visibleRows(core.store.db, table, ids, account);
        expect(rows.map((r) => r.id)).toEqual(ids);
        expect(rows.filter((r) => r.id.startsWith('gone-')).every((r) => r.row === null)).toBe(true);
        if (ruleFor(table, account).kind === 'geen') expect(rows.every((r) => r.row === null)).toBe(true);
      }
    }
  });
});

describe('what the administrateur receives', () => {
  const begeleiding = [
    'log_entries',
    'pops',
    'pop_versions',
    'goal_progress',
    'intervisie_groups',
    'intervisie_members',
    'intervisie_sessions',
    'doorgroei_profiles',
    'doorgroei_education',
    'doorgroei_dutch_levels',
    'doorgroei_work',
    'doorgroei_outflows',
    'requests',
    'request_persons',
    'person_availability',
    'training_certificates',
    'training_sessions',
  ] as const;

  it('never a begeleidingslog entry, a POP, intervisie, doorgroei or aanvraag: also not as beheerder', async () => {
    for (const table of begeleiding) {
      expect(idsOf(table).length, `${table} has rows`).toBeGreaterThan(0);
      expect(await receivedIds(table, 'johan'), table).toEqual([]);
      expect(await receivedIds(table, 'annelies'), table).toEqual([]);
    }
  });

  it('inzet with its hours and roles, without what it was about; people without their wellbeing notes', async () => {
    await core.store.db
      .updateTable('inzet')
      .set({ hulpvraag_notitie: 'Vraag over de huurtoeslag.', uitkomst: 'Doorverwezen.' })
      .execute();
    expect(idsOf('inzet', 'request_id is not null').length).toBeGreaterThan(0);
    const inzet = await received('inzet', 'johan');
    expect(inzet.size).toBe(idsOf('inzet').length);
    for (const row of inzet.values()) {
      expect(row).toMatchObject({ hulpvraag_notitie: null, uitkomst: null, request_id: null });
      expect(row.minuten).toBeGreaterThan(0);
    }
    const tags = await received('inzet_tags', 'johan');
    expect(tags.size).toBe(idsOf('inzet_tags', "kind = 'rol'").length);
    expect(idsOf('inzet_tags', "kind <> 'rol'").length).toBeGreaterThan(0);
    expect(new Set([...tags.values()].map((t) => t.kind))).toEqual(new Set(['rol']));
    expect((await received('inzet_reach', 'johan')).size).toBe(idsOf('inzet_reach').length);

    await core.store.db.updateTable('persons').set({ notities: 'Slaapt slecht.' }).execute();
    const persons = await received('persons', 'johan');
    expect(persons.size).toBe(idsOf('persons').length);
    expect([...persons.values()].every((p) => p.notities === null)).toBe(true);
    expect(
      [...(await received('persons', 'samira')).values()].every((p) => p.notities === 'Slaapt slecht.'),
    ).toBe(true);
  });

  it("a person's trainings only as a training claim needs them; claims, receipts and batches whole", async () => {
    const trainings = await received('person_trainings', 'johan');
    expect(trainings.size).toBe(idsOf('person_trainings', "status <> 'gestopt'").length);
    for (const t of trainings.values()) expect(t).toMatchObject({ notitie: null, session_id: null });
    for (const table of ['claims', 'receipts', 'payout_batches', 'contracts'] as const)
      expect(await receivedIds(table, 'johan'), table).toEqual(idsOf(table).sort());
  });

  it("of the audit log a person's changes only, unless beheerder; never a call's input", async () => {
    const johan = await received('audit_log', 'johan');
    expect(johan.size).toBe(idsOf('audit_log', "record_type = 'person'").length);
    const annelies = await received('audit_log', 'annelies');
    expect(annelies.size).toBe(idsOf('audit_log').length);
    for (const row of [...johan.values(), ...annelies.values()]) expect(row).toMatchObject({ input: 'null' });
  });
});

describe('what a begeleider receives', () => {
  it("no other begeleider's vertrouwelijke entries, nor the goal progress noted in them", async () => {
    const confidential = idsOf('log_entries', `vertrouwelijk = 1 and author_id = '${as('pieter').id}'`);
    expect(confidential.length).toBeGreaterThan(0);
    const samira = await received('log_entries', 'samira');
    const pieter = await received('log_entries', 'pieter');
    for (const id of confidential) {
      expect(samira.has(id)).toBe(false);
      expect(pieter.has(id)).toBe(true);
    }
    expect(samira.size).toBe(
      idsOf('log_entries', `vertrouwelijk = 0 or author_id = '${as('samira').id}'`).length,
    );
    const noted = idsOf('goal_progress', `entry_id in ('${confidential.join("','")}')`);
    expect(noted.length).toBeGreaterThan(0);
    for (const id of noted) {
      expect((await received('goal_progress', 'samira')).has(id)).toBe(false);
      expect((await received('goal_progress', 'pieter')).has(id)).toBe(true);
    }
  });

  it("their own caseload's claims and inzet; no receipts or payout batches; every person", async () => {
    const caseload = `person_id in (select id from persons where begeleider_id = '${as('samira').id}')`;
    expect(await receivedIds('claims', 'samira')).toEqual(idsOf('claims', caseload).sort());
    expect(idsOf('claims', `not ${caseload}`).length).toBeGreaterThan(0);
    expect(await receivedIds('inzet', 'samira')).toEqual(
      idsOf('inzet', `id in (select inzet_id from inzet_persons where ${caseload})`).sort(),
    );
    expect(await receivedIds('receipts', 'samira')).toEqual([]);
    expect(await receivedIds('payout_batches', 'samira')).toEqual([]);
    expect(await receivedIds('persons', 'samira')).toEqual(idsOf('persons').sort());
    expect(await receivedIds('retention_removals', 'samira')).toEqual(['removal-person']);
  });

  it('the password hash of their own account only', async () => {
    const rows = await received('accounts', 'samira');
    expect(rows.size).toBe(accounts.size);
    for (const [id, row] of rows)
      expect(row.password_hash === '', row.username as string).toBe(id !== as('samira').id);
  });
});

describe('what the projectleider receives', () => {
  it('every row of every table a desk holds, but the password hashes of others and the calls’ input', async () => {
    for (const table of storeTables() as (keyof DB)[]) {
      if (!hasId(table) || visibility[table].projectleider.kind === 'geen') continue;
      expect(await receivedIds(table, 'marco'), table).toEqual(idsOf(table).sort());
    }
    const hashes = [...(await received('accounts', 'marco')).values()].filter((a) => a.password_hash !== '');
    expect(hashes.map((a) => a.username)).toEqual(['marco']);
    expect(await receivedIds('retention_removals', 'marco')).toEqual(['removal-financial', 'removal-person']);
  });
});

describe('a row whose visibility changed', () => {
  it('comes back as null: a person moved to another begeleider, an absence removed', async () => {
    const { personId } = await core.store.db
      .selectFrom('claims')
      .innerJoin('persons', 'persons.id', 'claims.person_id')
      .select('persons.id as personId')
      .where('persons.begeleider_id', '=', as('samira').id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('retention_removals')
              .select('retention_removals.id')
              .whereRef('retention_removals.person_id', '=', 'persons.id'),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const claims = idsOf('claims', `person_id = '${personId}'`);
    const before = await visibleRows(core.store.db, 'claims', claims, as('samira'));
    expect(before.every((r) => r.row !== null)).toBe(true);

    const { naam, status, statusDatum, begeleiderNaam, createdAt, updatedAt, geanonimiseerd, ...person } =
      await ok('marco', 'persons.get', { id: personId });
    await ok('marco', 'persons.update', { ...person, begeleiderId: as('pieter').id });
    const after = await visibleRows(core.store.db, 'claims', claims, as('samira'));
    expect(after).toEqual(claims.map((id) => ({ table: 'claims', id, row: null })));
    expect((await visibleRows(core.store.db, 'claims', claims, as('pieter'))).every((r) => r.row)).toBe(true);

    const absence = await core.store.db.selectFrom('person_absences').selectAll().executeTakeFirstOrThrow();
    expect(
      (await visibleRows(core.store.db, 'person_absences', [absence.id], as('samira')))[0]?.row,
    ).toBeTruthy();
    await ok('samira', 'aanvragen.removeAbsence', { id: absence.id, version: absence.version });
    expect(await visibleRows(core.store.db, 'person_absences', [absence.id], as('samira'))).toEqual([
      { table: 'person_absences', id: absence.id, row: null },
    ]);
  });
});

describe('the rows a role receives equal what its read calls give it', () => {
  const users = ['marco', 'samira', 'pieter', 'johan', 'annelies'];

  it('persons', async () => {
    for (const user of users) {
      const { rows } = await ok(user, 'persons.list', { pageSize: 200 });
      expect(await receivedIds('persons', user), user).toEqual(rows.map((p) => p.id).sort());
    }
  });

  it('log entries, person by person', async () => {
    for (const user of users) {
      const read: string[] = [];
      for (const personId of idsOf('persons')) {
        const r = await call(user, 'begeleiding.log', { personId });
        if (r.ok) read.push(...r.value.map((e) => e.id));
        else expect(r.error.code, user).toBe('forbidden');
      }
      expect(await receivedIds('log_entries', user), user).toEqual(read.sort());
    }
  });

  it('claims and inzet', async () => {
    for (const user of users) {
      const claims = await ok(user, 'claims.list', { pageSize: 1000 });
      expect(await receivedIds('claims', user), user).toEqual(claims.rows.map((c) => c.id).sort());
      const inzet = await ok(user, 'inzet.list', { pageSize: 500 });
      expect(await receivedIds('inzet', user), user).toEqual(inzet.rows.map((i) => i.id).sort());
    }
  });
});
