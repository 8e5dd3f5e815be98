/**
 * The main flows of a working day, driven through the dispatcher on PostgreSQL (a database of its own on the run's
 * server): the same calls, rules, refusals and audit as on the desk's SQLite file. Most area test files also run
 * whole on PostgreSQL with SCHAKEL_TEST_ENGINE=postgres; this file keeps the engine in the everyday suite.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, personInput, volunteerContract } from '../../test/support/harness.ts';

let h: Harness;
let team: Awaited<ReturnType<Harness['withTeam']>>;
let sukru: string;

beforeAll(async () => {
  h = await harness('2026-04-01T10:00:00.000Z', 'postgres');
  team = await h.withTeam();
  const { updatedAt: _u, ...settings } = await h.ok('beheer', 'settings.get', {});
  await h.ok('beheer', 'settings.update', { ...settings, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
  ({ id: sukru } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ status: 'actief', statusDatum: '2026-01-01', begeleiderId: team.ids.begeleider }),
  ));
});
afterAll(() => h.close());

describe('Schakel on PostgreSQL', () => {
  it('runs on a PostgreSQL store, and refuses the backup calls in Dutch: the server backs up with pg_dump', async () => {
    expect(h.core.store.engine).toBe('postgres');
    const refused = await h.call('beheer', 'backups.overview', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!refused.ok) expect(refused.error.message).toContain('pg_dump');
  });

  it('edits a person, and refuses an edit made on an old version, naming who changed what', async () => {
    const {
      naam: _n,
      begeleiderNaam: _b,
      createdAt: _c,
      updatedAt: _up,
      status: _s,
      statusDatum: _d,
      geanonimiseerd: _g,
      ...form
    } = await h.ok('begeleider', 'persons.get', { id: sukru });
    await h.ok('begeleider', 'persons.update', { ...form, telefoon: '06 87654321' });
    const stale = await h.call('projectleider', 'persons.update', { ...form, achternaam: 'Celik' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stale.ok) expect(stale.error.message).toContain('Telefoon');
    expect(await h.ok('projectleider', 'persons.get', { id: sukru })).toMatchObject({
      achternaam: 'Çelik',
      version: 2,
    });
  });

  it('searches the register without regard to accents or case, sorts empty fields as SQLite does, and pages', async () => {
    for (const [voornaam, achternaam, gemeente] of [
      ['Hương', 'Nguyễn', 'Arnhem'],
      ['Amina', 'Haddad', null],
      ['Paŀlarès', 'Martí', 'Zeist'],
      ['Jan', 'Bakker', 'Assen'],
      ['Els', 'de Vries', null],
    ] as const) {
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({ voornaam, achternaam, gemeente, email: null }),
      );
    }
    const found = await h.ok('projectleider', 'persons.list', { search: 'NGUYEN huong' });
    expect(found.rows.map((r) => r.achternaam)).toEqual(['Nguyễn']);
    const gemeenten = async (desc: boolean) => {
      const pages = [0, 1].map((page) =>
        h.ok('projectleider', 'persons.list', { sort: 'gemeente', desc, page, pageSize: 5 }),
      );
      return (await Promise.all(pages)).map((p) => [p.total, ...p.rows.map((r) => r.gemeente)]);
    };
    // SQLite puts an empty field first going up and last going down: written out, PostgreSQL does the same.
    expect(await gemeenten(false)).toEqual([
      [6, null, null, 'Arnhem', 'Assen', 'Utrecht'],
      [6, 'Zeist'],
    ]);
    expect(await gemeenten(true)).toEqual([
      [6, 'Zeist', 'Utrecht', 'Assen', 'Arnhem', null],
      [6, null],
    ]);
  });

  it('drafts a contract, makes it definitief and serves the same PDF bytes to every reader', async () => {
    const draft = await h.ok('projectleider', 'contracts.create', volunteerContract(sukru));
    await h.ok('projectleider', 'contracts.finalize', { id: draft.id, version: 1 });
    const first = await h.ok('administrateur', 'contracts.pdf', { id: draft.id });
    const again = await h.ok('begeleider', 'contracts.pdf', { id: draft.id });
    expect(Buffer.from(first.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(again.base64).toBe(first.base64);
  });

  it('checks and approves claims (a likely duplicate flagged), then pays them in one SEPA batch', async () => {
    const claim = (datum: string, km: number) =>
      h.ok('administrateur', 'claims.create', {
        personId: sukru,
        soort: 'km',
        datum,
        omschrijving: 'Voorlichting',
        van: null,
        naar: null,
        km,
        minuten: null,
        bedragCents: null,
        bonnen: [],
      });
    const a = await claim('2026-03-10', 20);
    const b = await claim('2026-03-11', 10);
    const twin = await claim('2026-03-11', 10);
    const queue = await h.ok('administrateur', 'claims.list', { pageSize: 100 });
    const flagged = queue.rows.filter((r) => r.checks.some((c) => c.code === 'dubbel')).map((r) => r.id);
    expect(flagged.sort()).toEqual([b.id, twin.id].sort());
    const refused = await h.call('administrateur', 'claims.approve', { items: [{ id: b.id, version: 1 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!refused.ok) expect(refused.error.message).toContain('Lijkt dubbel');
    await h.ok('administrateur', 'claims.approve', { items: [{ id: a.id, version: 1 }] });
    const batch = await h.ok('administrateur', 'payouts.create', {
      claimIds: [a.id],
      uitvoerdatum: '2026-04-03',
    });
    const [listed] = await h.ok('administrateur', 'payouts.list', {});
    expect(listed).toMatchObject({ id: batch.id, aantal: 1, totaalCents: 20 * 23 });
    const file = await h.ok('administrateur', 'payouts.file', { id: batch.id });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain(
      '<InstdAmt Ccy="EUR">4.60</InstdAmt>',
    );
  });

  it('keeps a vertrouwelijk log entry from everyone but its author and the projectleider', async () => {
    const entry = {
      personId: sukru,
      soort: 'signaal' as const,
      signaalSoort: 'persoonlijke_situatie' as const,
      datum: '2026-03-31',
      duurMinuten: 30,
      samenvatting: 'Zorgen thuis',
      afspraken: null,
      volgendeAfspraak: null,
      ownerId: null,
      doelUpdates: [],
    };
    await h.ok('begeleider', 'begeleiding.addLogEntry', { ...entry, vertrouwelijk: true });
    await h.ok('begeleider', 'begeleiding.addLogEntry', {
      ...entry,
      vertrouwelijk: false,
      samenvatting: 'Open',
    });
    const seen = async (client: string) =>
      (await h.ok(client, 'begeleiding.log', { personId: sukru })).map((e) => e.samenvatting).sort();
    expect(await seen('begeleider')).toEqual(['Open', 'Zorgen thuis']);
    expect(await seen('projectleider')).toEqual(['Open', 'Zorgen thuis']);
    const admin = await h.call('administrateur', 'begeleiding.log', { personId: sukru });
    expect(admin.ok).toBe(false);
  });

  it('records inzet and counts it in the verantwoording, the audit log holding every write', async () => {
    await h.ok('begeleider', 'inzet.save', {
      datum: '2026-03-20',
      minuten: 90,
      personIds: [sukru],
      partnerId: null,
      requestId: null,
      projectId: null,
      soort: 'huisbezoek',
      gemeente: 'Utrecht',
      rollen: ['voorlichter'],
      leefgebieden: ['gezondheid'],
      bereikVolwassenen: 2,
      bereikKinderen: 3,
      bereikStatushouders: 2,
      bereikProfessionals: 0,
      herkomst: [{ waarde: 'hoorn_van_afrika', aantal: 5 }],
      talen: [{ waarde: 'Tigrinya', aantal: 5 }],
      hulpvraag: ['gezondheidszorg'],
      hulpvraagNotitie: null,
      doorverwijzing: [],
      uitkomst: null,
    });
    const report = await h.ok('projectleider', 'verantwoording.report', {
      van: '2026-01-01',
      tot: '2026-03-31',
      scope: { soort: 'organisatie' },
    });
    const figure = (label: string) => report.kerncijfers.find((k) => k.label === label)?.value;
    expect(figure('Activiteiten')).toBe(1);
    expect(figure('Uren inzet')).toBe(90);
    const audited = await sql<{
      n: number;
    }>`select count(*) as n from audit_log where call = 'inzet.save'`.execute(h.core.store.db);
    expect(audited.rows[0]?.n).toBeGreaterThan(0);
  });
});
