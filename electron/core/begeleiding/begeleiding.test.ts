import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, password, personInput } from '../../../test/support/harness.ts';

let h: Harness;
let ids: Awaited<ReturnType<Harness['withTeam']>>['ids'];
let personId: string;
const goalA = '01900000-0000-7000-8000-00000000000a';
const goalB = '01900000-0000-7000-8000-00000000000b';

beforeEach(async () => {
  h = await harness('2026-01-31T10:00:00.000Z');
  ({ ids } = await h.withTeam());
  personId = (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ status: 'actief', statusDatum: '2026-01-05', begeleiderId: ids.begeleider }),
    )
  ).id;
});
afterEach(() => h.close());

const pop = (
  overrides: Partial<CallInput<'begeleiding.savePop'>['content']> = {},
): CallInput<'begeleiding.savePop'>['content'] => ({
  startdatum: '2026-01-05',
  kwaliteiten: 'Spreekt Turks en Koerdisch, kent de wijk',
  ambitie: 'Mbo-opleiding Sociaal Werk',
  ritme: 'maandelijks',
  doelen: [
    {
      id: goalA,
      wat: 'Presenteren voor een groep',
      hoe: 'Twee voorlichtingen',
      wieHelpt: 'Begeleider',
      streefdatum: '2026-04-01',
      status: 'open',
    },
    {
      id: goalB,
      wat: 'Grenzen bewaken',
      hoe: 'Vaste belmomenten',
      wieHelpt: '',
      streefdatum: '2026-01-20',
      status: 'bezig',
    },
  ],
  ...overrides,
});

const firstGoal = pop().doelen[0] as CallInput<'begeleiding.savePop'>['content']['doelen'][number];

const entry = (
  overrides: Partial<CallInput<'begeleiding.addLogEntry'>> = {},
): CallInput<'begeleiding.addLogEntry'> => ({
  personId,
  soort: 'ontwikkelingsgesprek',
  signaalSoort: null,
  datum: '2026-01-31',
  duurMinuten: 60,
  samenvatting: 'Voorlichting in de moskee ging goed.',
  afspraken: 'Volgende keer de school',
  volgendeAfspraak: '2026-02-28',
  vertrouwelijk: false,
  ownerId: null,
  doelUpdates: [],
  ...overrides,
});

describe('POP', () => {
  it('keeps every review as a version, with the changes between two visible', async () => {
    expect(await h.ok('begeleider', 'begeleiding.pop', { personId })).toBeNull();
    const first = await h.ok('begeleider', 'begeleiding.savePop', {
      personId,
      version: null,
      content: pop(),
    });
    const twice = await h.call('begeleider', 'begeleiding.savePop', {
      personId,
      version: null,
      content: pop(),
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await h.ok('begeleider', 'begeleiding.savePop', {
      personId,
      version: first.version,
      content: pop({
        ambitie: 'Betaalde baan als cultuurmediator',
        doelen: [{ ...firstGoal, status: 'bezig' }],
      }),
    });
    const view = await h.ok('projectleider', 'begeleiding.pop', { personId });
    expect(view).toMatchObject({ versie: 2, current: { ambitie: 'Betaalde baan als cultuurmediator' } });
    expect(view?.changes.map((c) => c.kind)).toEqual(['veld', 'doel_gewijzigd', 'doel_weg']);
    const old = await h.ok('begeleider', 'begeleiding.pop', { personId, versie: 1 });
    expect(old?.shown.ambitie).toBe('Mbo-opleiding Sociaal Werk');
  });

  it('refuses a goal without text and a target date before the start, naming the field', async () => {
    const noText = await h.call('begeleider', 'begeleiding.savePop', {
      personId,
      version: null,
      content: pop({ doelen: [{ ...firstGoal, wat: ' ' }] }),
    });
    expect(noText).toMatchObject({ ok: false, error: { field: 'content.doelen.0.wat' } });
    const early = await h.call('begeleider', 'begeleiding.savePop', {
      personId,
      version: null,
      content: pop({ doelen: [{ ...firstGoal, streefdatum: '2025-12-01' }] }),
    });
    expect(early).toMatchObject({ ok: false, error: { field: 'content.doelen.0.streefdatum' } });
    expect(await h.ok('begeleider', 'begeleiding.pop', { personId })).toBeNull();
  });
});

describe('begeleidingslog', () => {
  it('moves a goal to behaald in the same save as the conversation, and the caseload follows', async () => {
    await h.ok('begeleider', 'begeleiding.savePop', { personId, version: null, content: pop() });
    h.setNow('2026-03-02T10:00:00.000Z');
    let [row] = await h.ok('begeleider', 'begeleiding.caseload', {});
    // Monthly from the POP start on 5 January: due 5 February, so 25 days late on 2 March; goal B past its date.
    expect(row).toMatchObject({ stand: 'te_laat', dagenTeLaat: 25, doelenOverDatum: 1, heeftPop: true });

    await h.ok(
      'begeleider',
      'begeleiding.addLogEntry',
      entry({
        datum: '2026-03-02',
        volgendeAfspraak: '2026-04-02',
        doelUpdates: [{ goalId: goalB, status: 'behaald', notitie: 'Zet telefoon na 18 uur uit' }],
      }),
    );
    [row] = await h.ok('begeleider', 'begeleiding.caseload', {});
    expect(row).toMatchObject({
      stand: 'op_schema',
      laatsteGesprek: '2026-03-02',
      volgendeGesprek: '2026-04-02',
      doelenOverDatum: 0,
    });
    const view = await h.ok('begeleider', 'begeleiding.pop', { personId });
    expect(view?.goals.find((g) => g.goal.id === goalB)).toMatchObject({
      status: 'behaald',
      progress: [{ notitie: 'Zet telefoon na 18 uur uit' }],
    });
    const [logged] = await h.ok('begeleider', 'begeleiding.log', { personId });
    expect(logged?.doelUpdates).toEqual([
      { goalId: goalB, wat: 'Grenzen bewaken', status: 'behaald', notitie: 'Zet telefoon na 18 uur uit' },
    ]);
  });

  it('refuses an entry in the future and an update of a goal not in the POP', async () => {
    const future = await h.call('begeleider', 'begeleiding.addLogEntry', entry({ datum: '2026-02-01' }));
    expect(future).toMatchObject({ ok: false, error: { field: 'datum' } });
    const unknownGoal = await h.call(
      'begeleider',
      'begeleiding.addLogEntry',
      entry({ doelUpdates: [{ goalId: goalA, status: 'bezig', notitie: 'x' }] }),
    );
    expect(unknownGoal).toMatchObject({ ok: false, error: { field: 'doelUpdates.0.goalId' } });
    const backwards = await h.call(
      'begeleider',
      'begeleiding.addLogEntry',
      entry({ volgendeAfspraak: '2026-01-01' }),
    );
    expect(backwards).toMatchObject({ ok: false, error: { field: 'volgendeAfspraak' } });
    expect(await h.ok('begeleider', 'begeleiding.log', { personId })).toEqual([]);
  });

  it('shows a vertrouwelijk entry only to its author and projectleiders', async () => {
    await h.ok('beheer', 'accounts.create', {
      displayName: 'Tweede begeleider',
      username: 'begeleider2',
      role: 'begeleider',
      isBeheerder: false,
      password,
    });
    await h.ok('begeleider2', 'auth.login', { username: 'begeleider2', password });
    const secret = await h.ok(
      'begeleider',
      'begeleiding.addLogEntry',
      entry({
        soort: 'signaal',
        signaalSoort: 'persoonlijke_situatie',
        vertrouwelijk: true,
        samenvatting: 'Zorgen thuis',
      }),
    );
    expect((await h.ok('begeleider', 'begeleiding.log', { personId })).map((e) => e.samenvatting)).toEqual([
      'Zorgen thuis',
    ]);
    expect((await h.ok('projectleider', 'begeleiding.log', { personId })).map((e) => e.samenvatting)).toEqual(
      ['Zorgen thuis'],
    );
    expect(await h.ok('begeleider2', 'begeleiding.log', { personId })).toEqual([]);
    const peek = await h.call('begeleider2', 'begeleiding.followUpSignal', {
      id: secret.id,
      version: 1,
      opvolging: 'x',
      sluiten: true,
      datum: '2026-01-31',
    });
    expect(peek).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('administrateur', 'begeleiding.log', { personId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const audit = await h.ok('projectleider', 'audit.list', { recordType: 'log' });
    expect(JSON.stringify(audit)).not.toContain('Zorgen thuis');
  });

  it('follows a signal up until it is closed', async () => {
    const s = await h.ok(
      'begeleider',
      'begeleiding.addLogEntry',
      entry({ soort: 'signaal', signaalSoort: 'overbelasting', samenvatting: 'Wordt elke avond gebeld' }),
    );
    expect((await h.ok('begeleider', 'begeleiding.caseload', {}))[0]?.openSignalen).toBe(1);
    const next = await h.ok('begeleider', 'begeleiding.followUpSignal', {
      id: s.id,
      version: 1,
      opvolging: 'Belafspraken gemaakt',
      sluiten: false,
      datum: '2026-01-31',
    });
    await h.ok('projectleider', 'begeleiding.followUpSignal', {
      id: s.id,
      version: next.version,
      opvolging: 'Gaat beter',
      sluiten: true,
      datum: '2026-01-31',
    });
    const [closed] = await h.ok('begeleider', 'begeleiding.log', { personId });
    expect(closed).toMatchObject({ geslotenOp: '2026-01-31', eigenaar: 'begeleider Test' });
    expect(closed?.opvolging).toBe('31-01-2026: Belafspraken gemaakt\n31-01-2026: Gaat beter');
    expect((await h.ok('begeleider', 'begeleiding.caseload', {}))[0]?.openSignalen).toBe(0);
  });
});

describe('intervisie', () => {
  it('writes one entry per attendee and refuses someone outside the group', async () => {
    const other = (
      await h.ok('projectleider', 'persons.create', personInput({ voornaam: 'Amina', achternaam: 'Haddad' }))
    ).id;
    const outsider = (
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({ voornaam: 'Olena', achternaam: 'Kovalenko' }),
      )
    ).id;
    const group = await h.ok('begeleider', 'intervisie.save', {
      naam: 'Groep Oost',
      begeleiderId: ids.begeleider,
      leden: [personId, other],
    });
    const wrong = await h.call('begeleider', 'intervisie.session', {
      groupId: group.id,
      datum: '2026-01-30',
      thema: 'Grenzen',
      duurMinuten: 90,
      samenvatting: null,
      aanwezig: [personId, outsider],
    });
    expect(wrong).toMatchObject({ ok: false, error: { field: 'aanwezig.1' } });
    await h.ok('begeleider', 'intervisie.session', {
      groupId: group.id,
      datum: '2026-01-30',
      thema: 'Grenzen',
      duurMinuten: 90,
      samenvatting: 'Casus over bellen in de avond',
      aanwezig: [personId, other],
    });
    for (const who of [personId, other]) {
      const [e] = await h.ok('begeleider', 'begeleiding.log', { personId: who });
      expect(e).toMatchObject({
        soort: 'intervisie',
        samenvatting: 'Intervisie Groep Oost: Grenzen\nCasus over bellen in de avond',
      });
    }
    expect(await h.ok('begeleider', 'begeleiding.log', { personId: outsider })).toEqual([]);
    const [listed] = await h.ok('projectleider', 'intervisie.list', {});
    expect(listed).toMatchObject({
      naam: 'Groep Oost',
      leden: [{ naam: 'Şükrü Çelik' }, { naam: 'Amina Haddad' }],
      sessies: [{ thema: 'Grenzen', aanwezig: 2 }],
    });
  });
});

describe('caseload', () => {
  it('shows a begeleider their own people only; a projectleider everyone, with who has no POP', async () => {
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Amina', achternaam: 'Haddad', status: 'actief' }),
    );
    expect(
      (await h.ok('begeleider', 'begeleiding.caseload', { begeleiderId: null })).map((r) => r.naam),
    ).toEqual(['Şükrü Çelik']);
    const all = await h.ok('projectleider', 'begeleiding.caseload', {});
    // By surname, accents folded: Çelik before Haddad.
    expect(all.map((r) => [r.naam, r.heeftPop, r.stand])).toEqual([
      ['Şükrü Çelik', false, 'geen_ritme'],
      ['Amina Haddad', false, 'geen_ritme'],
    ]);
  });
});
