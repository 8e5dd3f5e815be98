import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness;
let team: Awaited<ReturnType<Harness['withTeam']>>;

/** A person guided by the begeleider unless told otherwise. */
async function person(voornaam: string, begeleider: string | null = team.ids.begeleider) {
  return (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam,
        achternaam: 'Test',
        email: `${voornaam.toLowerCase()}@example.org`,
        status: 'actief',
        statusDatum: '2026-01-01',
        begeleiderId: begeleider,
      }),
    )
  ).id;
}

async function volunteer(personId: string, overrides: Parameters<typeof volunteerContract>[1] = {}) {
  const c = await h.ok('projectleider', 'contracts.create', volunteerContract(personId, overrides));
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
}

async function employee(personId: string) {
  const c = await h.ok('projectleider', 'contracts.create', {
    personId,
    profileVersionId: null,
    vorm: 'arbeidsovereenkomst',
    velden: {},
    startdatum: '2026-01-01',
    einddatum: null,
    urenPerWeek: 12,
    cao: 'Cao Sociaal Werk',
    schaal: '6',
    trede: null,
    brutoMaandsalarisCents: 1_500_00,
    proeftijdMaanden: 0,
  });
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
}

const activity = (
  personIds: string[],
  overrides: Partial<CallInput<'inzet.save'>> = {},
): CallInput<'inzet.save'> => ({
  datum: '2026-11-20',
  minuten: 90,
  personIds,
  partnerId: null,
  requestId: null,
  projectId: null,
  soort: 'huisbezoek',
  gemeente: 'Utrecht',
  rollen: ['voorlichter', 'verbinder'],
  leefgebieden: ['gezondheid'],
  bereikVolwassenen: 2,
  bereikKinderen: 3,
  bereikStatushouders: 2,
  bereikProfessionals: 0,
  herkomst: [{ waarde: 'hoorn_van_afrika', aantal: 5 }],
  talen: [{ waarde: 'Tigrinya', aantal: 5 }],
  hulpvraag: ['gezondheidszorg', 'opvoeding'],
  hulpvraagNotitie: 'Vraag over inentingen van de kinderen',
  doorverwijzing: ['huisarts'],
  uitkomst: 'Afspraak bij de huisarts gemaakt',
  ...overrides,
});

const sqlite = () => h.core.store.sqlite;
const count = (table: string) =>
  (sqlite().prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const queue = async () => (await h.ok('administrateur', 'claims.list', { pageSize: 100 })).rows;

async function project() {
  return h.ok('projectleider', 'ketenpartners.saveProject', {
    naam: 'Gezond Inburgeren',
    partnerId: null,
    gemeente: 'Utrecht',
    startdatum: '2026-01-01',
    einddatum: null,
    budgetCents: 50_000_00,
  });
}

beforeEach(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  team = await h.withTeam();
});
afterEach(() => h.close());

describe('recording inzet', () => {
  it('keeps the activity with its people, tags and reach, and reads it back', async () => {
    const amina = await person('Amina');
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina]));
    const inzet = await h.ok('projectleider', 'inzet.get', { id: saved.id });
    expect(inzet).toMatchObject({
      datum: '2026-11-20',
      minuten: 90,
      soort: 'huisbezoek',
      personen: [{ personId: amina, naam: 'Amina Test', claim: null }],
      rollen: ['verbinder', 'voorlichter'],
      bereikVolwassenen: 2,
      bereikKinderen: 3,
      herkomst: [{ waarde: 'hoorn_van_afrika', aantal: 5 }],
      talen: [{ waarde: 'Tigrinya', aantal: 5 }],
      inhoud: {
        leefgebieden: ['gezondheid'],
        hulpvraag: ['gezondheidszorg', 'opvoeding'],
        hulpvraagNotitie: 'Vraag over inentingen van de kinderen',
        doorverwijzing: ['huisarts'],
        uitkomst: 'Afspraak bij de huisarts gemaakt',
      },
    });
    const page = await h.ok('projectleider', 'inzet.list', { van: '2026-11-01', tot: '2026-11-30' });
    expect(page).toMatchObject({ total: 1, totaalMinuten: 90, rows: [{ id: saved.id, bereik: 5 }] });
    expect((await h.ok('projectleider', 'inzet.list', { van: '2026-12-01' })).total).toBe(0);
  });

  it('refuses "of whom" counts above the people reached, a future date and a double person, in Dutch, writing nothing', async () => {
    const amina = await person('Amina');
    const over = await h.call('begeleider', 'inzet.save', activity([amina], { bereikStatushouders: 6 }));
    expect(over).toMatchObject({
      ok: false,
      error: {
        field: 'bereikStatushouders',
        message: expect.stringContaining('meer dan het aantal bereikte mensen (5)'),
      },
    });
    const regions = await h.call(
      'begeleider',
      'inzet.save',
      activity([amina], { herkomst: [{ waarde: 'midden_oosten', aantal: 9 }] }),
    );
    expect(regions).toMatchObject({ ok: false, error: { field: 'herkomst' } });
    const future = await h.call('begeleider', 'inzet.save', activity([amina], { datum: '2026-12-01' }));
    expect(future).toMatchObject({
      ok: false,
      error: { field: 'datum', message: expect.stringContaining('toekomst') },
    });
    const twice = await h.call('begeleider', 'inzet.save', activity([amina, amina]));
    expect(twice).toMatchObject({ ok: false, error: { message: expect.stringContaining('dubbel') } });
    expect(count('inzet')).toBe(0);
  });
});

describe('claims prepared by inzet', () => {
  it('prepares an hours claim at the contract rate, with the project, that the administrateur finds in the queue', async () => {
    const amina = await person('Amina');
    await volunteer(amina, { vergoedingEenheid: 'uur', vergoedingCents: 5_00 });
    const p = await project();
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina], { projectId: p.id }));
    const [claim] = await queue();
    expect(claim).toMatchObject({
      personId: amina,
      soort: 'uren',
      minuten: 90,
      bedragCents: 7_50,
      datum: '2026-11-20',
      status: 'ingediend',
      omschrijving: 'Inzet 20-11-2026: Huisbezoek',
    });
    expect(sqlite().prepare('select project_id from claims').get()).toEqual({ project_id: p.id });
    const inzet = await h.ok('projectleider', 'inzet.get', { id: saved.id });
    expect(inzet.personen[0]?.claim).toEqual({ id: claim?.id, status: 'ingediend', bedragCents: 7_50 });
  });

  it('prepares an activity claim, and none for a monthly allowance, employment or no contract', async () => {
    const [perActivity, monthly, employed, none] = [
      await person('Bilal'),
      await person('Chaima'),
      await person('Dawit'),
      await person('Esra'),
    ];
    await volunteer(perActivity, { vergoedingEenheid: 'activiteit', vergoedingCents: 12_50 });
    await volunteer(monthly, { vergoedingEenheid: 'maand', vergoedingCents: 50_00 });
    await employee(employed);
    await h.ok('projectleider', 'inzet.save', activity([perActivity, monthly, employed, none]));
    expect((await queue()).map((c) => [c.personId, c.soort, c.bedragCents])).toEqual([
      [perActivity, 'activiteit', 12_50],
    ]);
  });

  it('two activities on one day are two claims, not a likely duplicate; the same claim typed beside them is', async () => {
    const bilal = await person('Bilal');
    await volunteer(bilal, { vergoedingEenheid: 'activiteit', vergoedingCents: 12_50 });
    await h.ok('projectleider', 'inzet.save', activity([bilal], { soort: 'huisbezoek' }));
    await h.ok('projectleider', 'inzet.save', activity([bilal], { soort: 'groepsvoorlichting' }));
    const codes = async () => (await queue()).map((c) => c.checks.map((k) => k.code));
    expect(await codes()).toEqual([[], []]);

    await h.ok('administrateur', 'claims.create', {
      personId: bilal,
      soort: 'activiteit',
      datum: '2026-11-20',
      omschrijving: 'Huisbezoek',
      van: null,
      naar: null,
      km: null,
      minuten: null,
      bedragCents: null,
    });
    expect(await codes()).toEqual([['dubbel'], ['dubbel'], ['dubbel']]);
  });

  it('corrects the submitted claim on an edit, drops it when the person leaves, and refuses a new duration once approved', async () => {
    const amina = await person('Amina');
    const bilal = await person('Bilal');
    await volunteer(amina);
    await volunteer(bilal);
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina, bilal]));
    let inzet = await h.ok('begeleider', 'inzet.get', { id: saved.id });
    const aminaClaim = inzet.personen.find((p) => p.personId === amina)?.claim;

    // Still submitted: a longer activity corrects the same claim; Bilal taken off drops his.
    const edited = await h.ok('begeleider', 'inzet.save', {
      ...activity([amina], { minuten: 120 }),
      id: saved.id,
      version: saved.version,
    });
    expect((await queue()).map((c) => [c.id, c.personId, c.minuten, c.bedragCents])).toEqual([
      [aminaClaim?.id, amina, 120, 10_00],
    ]);

    // Approved: the duration and date are fixed, the rest may still change.
    const [claim] = await queue();
    await h.ok('administrateur', 'claims.approve', {
      items: [{ id: claim?.id ?? '', version: claim?.version ?? 0 }],
    });
    const longer = await h.call('begeleider', 'inzet.save', {
      ...activity([amina], { minuten: 150 }),
      id: saved.id,
      version: edited.version,
    });
    expect(longer).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'De duur kan niet meer worden gewijzigd: de declaratie van Amina Test is al goedgekeurd.',
      },
    });
    const noted = await h.ok('begeleider', 'inzet.save', {
      ...activity([amina], { minuten: 120, uitkomst: 'Doorverwezen en afgerond' }),
      id: saved.id,
      version: edited.version,
    });
    inzet = await h.ok('begeleider', 'inzet.get', { id: saved.id });
    expect(inzet.personen[0]?.claim).toMatchObject({ id: aminaClaim?.id, status: 'goedgekeurd' });
    expect(inzet.inhoud?.uitkomst).toBe('Doorverwezen en afgerond');

    const removal = await h.call('begeleider', 'inzet.remove', noted);
    expect(removal).toMatchObject({
      ok: false,
      error: {
        message: 'Deze inzet kan niet worden verwijderd: de declaratie van Amina Test is al goedgekeurd.',
      },
    });
  });

  it('flags a prepared claim over the month cap in the queue, exactly as a typed one', async () => {
    const amina = await person('Amina');
    await volunteer(amina);
    // € 5 an hour: days of 24 hours at € 120 each; from the second one the month is above its € 220 allowance.
    for (const datum of ['2026-11-02', '2026-11-03', '2026-11-04'])
      await h.ok('begeleider', 'inzet.save', activity([amina], { datum, minuten: 24 * 60 }));
    const flagged = (await queue()).filter((c) => c.checks.some((x) => x.code === 'over_grens'));
    expect(flagged.map((c) => c.datum)).toEqual(['2026-11-04', '2026-11-03']);
  });

  it('lets the administrateur set a typed claim against a project, and refuses one that does not exist', async () => {
    const amina = await person('Amina');
    await volunteer(amina);
    const p = await project();
    const typed = {
      personId: amina,
      soort: 'uren' as const,
      datum: '2026-11-20',
      omschrijving: 'Voorlichting',
      van: null,
      naar: null,
      km: null,
      minuten: 60,
      bedragCents: null,
      bonnen: [],
    };
    await h.ok('administrateur', 'claims.create', { ...typed, projectId: p.id });
    expect(sqlite().prepare('select project_id from claims').get()).toEqual({ project_id: p.id });
    const unknown = await h.call('administrateur', 'claims.create', {
      ...typed,
      projectId: '01900000-0000-7000-8000-0000000000ff',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { field: 'projectId', message: 'Project: dit project bestaat niet (meer)' },
    });
    expect(count('claims')).toBe(1);
  });

  it('removes an activity with its submitted claims', async () => {
    const amina = await person('Amina');
    await volunteer(amina);
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina]));
    expect(await queue()).toHaveLength(1);
    await h.ok('begeleider', 'inzet.remove', saved);
    expect(await queue()).toHaveLength(0);
    for (const t of ['inzet', 'inzet_persons', 'inzet_tags', 'inzet_reach']) expect(count(t)).toBe(0);
  });
});

describe('who sees and records what', () => {
  it('gives the administrateur hours and costs, never the hulpvraag, its note, referrals or the outcome', async () => {
    const amina = await person('Amina');
    await volunteer(amina);
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina]));
    const seen = await h.ok('administrateur', 'inzet.get', { id: saved.id });
    expect(seen).toMatchObject({
      minuten: 90,
      personen: [{ naam: 'Amina Test', claim: { bedragCents: 7_50 } }],
    });
    expect(seen.inhoud).toBeNull();
    const text = JSON.stringify([seen, await h.ok('administrateur', 'inzet.list', {})]);
    for (const secret of [
      'inentingen',
      'gezondheidszorg',
      'Afspraak bij de huisarts',
      'huisarts',
      'opvoeding',
    ])
      expect(text).not.toContain(secret);
    // Nor through the audit log, which the beheerder (here also the administrateur) reads.
    const log = JSON.stringify(
      sqlite().prepare(`select summary, changes from audit_log where record_type = 'inzet'`).all(),
    );
    expect(log).not.toContain('inentingen');
    expect(log).not.toContain('Afspraak bij de huisarts');
  });

  it('lets a begeleider record and read inzet for their own people only', async () => {
    const own = await person('Amina');
    const other = await person('Farid', team.ids.projectleider);
    const refused = await h.call('begeleider', 'inzet.save', activity([own, other]));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Je legt alleen inzet vast voor sleutelpersonen die jij begeleidt; Farid Test hoort niet bij jouw caseload.',
      },
    });
    const theirs = await h.ok('projectleider', 'inzet.save', activity([other]));
    await h.ok('begeleider', 'inzet.save', activity([own]));
    expect((await h.ok('begeleider', 'inzet.list', {})).rows.map((r) => r.personen[0]?.naam)).toEqual([
      'Amina Test',
    ]);
    expect((await h.ok('projectleider', 'inzet.list', {})).total).toBe(2);
    expect(await h.call('begeleider', 'inzet.get', { id: theirs.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.call('begeleider', 'inzet.remove', theirs)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.call('administrateur', 'inzet.save', activity([own]))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('inzet for a request', () => {
  function request(status: string) {
    const id = `0190${status.length}000-0000-7000-8000-000000000001`;
    sqlite()
      .prepare(
        `insert into requests (id, partner_id, project_id, ontvangen_op, soort_hulp, omschrijving, status, gematcht_op, created_at, updated_at, version)
         values (?, null, ?, '2026-11-10', 'huisbezoek', 'Uitleg over de school', ?, '2026-11-12', '2026-11-10T09:00:00Z', '2026-11-12T09:00:00Z', 2)`,
      )
      .run(id, null, status);
    return id;
  }

  it('marks a matched request uitgevoerd on the activity date, audited', async () => {
    const amina = await person('Amina');
    const requestId = request('gematcht');
    await h.ok('begeleider', 'inzet.save', activity([amina], { requestId }));
    expect(sqlite().prepare('select status, uitgevoerd_op, version from requests').get()).toEqual({
      status: 'uitgevoerd',
      uitgevoerd_op: '2026-11-20',
      version: 3,
    });
    expect(sqlite().prepare(`select summary from audit_log where record_type = 'aanvraag'`).get()).toEqual({
      summary: 'Aanvraag uitgevoerd: Huisbezoek van 10-11-2026',
    });
    expect((await h.ok('begeleider', 'inzet.requests', {})).map((r) => r.id)).toEqual([]);
  });
});

describe('inzet under the retention rules', () => {
  it('keeps the activity when its claims are removed after seven years; only the link goes', async () => {
    const amina = await person('Amina');
    await volunteer(amina);
    const saved = await h.ok('begeleider', 'inzet.save', activity([amina]));
    const [claim] = await queue();
    await h.ok('administrateur', 'claims.reject', {
      items: [{ id: claim?.id ?? '', version: claim?.version ?? 0, reden: 'Al op papier gedeclareerd' }],
    });
    h.setNow('2034-01-02T10:00:00.000Z');
    await h.ok('beheer', 'avg.purge', { grens: '2027-01-01' });
    expect(count('claims')).toBe(0);
    expect(await h.ok('projectleider', 'inzet.get', { id: saved.id })).toMatchObject({
      minuten: 90,
      personen: [{ personId: amina, claim: null }],
    });
  });
});
