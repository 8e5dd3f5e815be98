import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FullPeople, fullPeople, madeOn, other, personal } from '../../../test/support/full-person.ts';
import { type Harness, harness } from '../../../test/support/harness.ts';

let h: Harness;
let people: FullPeople;

beforeEach(async () => {
  h = await harness(madeOn);
  people = await fullPeople(h);
});
afterEach(() => h.close());

/** Every place in the database where a text occurs: each text and blob column of each table. */
function findAnywhere(texts: readonly string[]): string[] {
  const sqlite = h.core.store.sqlite;
  const tables = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .all() as { name: string }[];
  const found: string[] = [];
  const wanted = texts.map((t) => t.toLowerCase());
  for (const { name } of tables) {
    for (const row of sqlite.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const text =
          typeof value === 'string'
            ? value
            : Buffer.isBuffer(value) || value instanceof Uint8Array
              ? Buffer.from(value).toString('latin1')
              : null;
        if (text === null) continue;
        const lower = text.toLowerCase();
        wanted.forEach((w, i) => {
          if (lower.includes(w)) found.push(`${name}.${column}: ${texts[i]}`);
        });
      }
    }
  }
  return found;
}

/** Personal strings as they may be written elsewhere too: the IBAN grouped, the phone without spaces. */
const personalStrings = [
  ...Object.values(personal),
  'NL44 RABO 0123 4567 89',
  '0698765432',
  'Eritrea',
  'Zeri Tesfamariam',
];

const overview = (jaar = 2024) => h.ok('administrateur', 'claims.overview', { jaar });

describe('retention list', () => {
  it('lists a person who stopped more than two years ago, not one who stopped exactly two years ago', async () => {
    h.setNow('2026-03-01T10:00:00.000Z');
    const onTheDay = await h.ok('beheer', 'retention.list', {});
    expect(onTheDay.grensPersonen).toBe('2024-03-01');
    expect(onTheDay.personen).toEqual([]);
    h.setNow('2026-03-02T10:00:00.000Z');
    const dayAfter = await h.ok('projectleider', 'retention.list', {});
    expect(dayAfter.personen).toEqual([
      {
        id: people.zerihun,
        naam: 'Zeri Tesfamariam',
        statusDatum: '2024-03-01',
        contracten: 1,
        verslagen: 4,
        declaraties: 4,
        blokkade: null,
      },
    ]);
  });

  it('lists financial records older than seven years, by claim date and by batch execution date', async () => {
    const at = async (iso: string) => {
      h.setNow(iso);
      return (await h.ok('beheer', 'retention.list', {})).financieel;
    };
    // The rejected claim of 20 February: exactly seven years is not yet older.
    expect((await at('2031-02-20T10:00:00.000Z')).jaren).toEqual([]);
    expect((await at('2031-02-21T10:00:00.000Z')).jaren).toEqual([
      { jaar: 2024, declaraties: 1, betaaldCents: 0, afgewezen: 1, bonnen: 0 },
    ]);
    // Paid claims go with their batch, executed on 5 March 2024.
    const onBatchDay = await at('2031-03-05T10:00:00.000Z');
    expect(onBatchDay.betaalbestanden).toEqual([]);
    expect(onBatchDay.jaren).toEqual([
      { jaar: 2024, declaraties: 3, betaaldCents: 0, afgewezen: 3, bonnen: 0 },
    ]);
    const dayAfter = await at('2031-03-06T10:00:00.000Z');
    expect(dayAfter.betaalbestanden).toEqual([
      {
        id: people.batchId,
        nummer: 'B2024-0001',
        uitvoerdatum: '2024-03-05',
        totaalCents: 25 * 21 + 12_50 + 20 * 21,
      },
    ]);
    expect(dayAfter.jaren).toEqual([
      { jaar: 2024, declaraties: 6, betaaldCents: 25 * 21 + 12_50 + 20 * 21, afgewezen: 3, bonnen: 1 },
    ]);
  });

  it('is for the projectleider and the beheerder only', async () => {
    for (const client of ['begeleider', 'administrateur'])
      expect(await h.call(client, 'retention.list', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });
});

describe('anonymising a person', () => {
  it('removes everything personal, everywhere, and keeps the totals', async () => {
    h.setNow('2026-03-02T10:00:00.000Z');
    const before = {
      overview: await overview(),
      payouts: await h.ok('administrateur', 'payouts.list', {}),
      claims: (await h.ok('administrateur', 'claims.list', {})).length,
    };
    expect(findAnywhere(personalStrings).length).toBeGreaterThan(20);

    expect(await h.ok('beheer', 'retention.anonymise', { personIds: [people.zerihun] })).toEqual({
      count: 1,
    });

    expect(findAnywhere(personalStrings)).toEqual([]);
    // Rahaf's data stays as it was.
    expect(findAnywhere(Object.values(other)).length).toBeGreaterThan(8);

    const after = await overview();
    expect(after.maanden).toEqual(before.overview.maanden);
    expect(after.archief).toBeNull();
    expect(after.personen.map((p) => [p.naam, p.vergoedingCents, p.kostenCents])).toEqual(
      before.overview.personen.map((p) => [
        p.personId === people.zerihun ? 'Verwijderd persoon 2026-0001' : p.naam,
        p.vergoedingCents,
        p.kostenCents,
      ]),
    );
    // The batch moved on a version (its payment file changed); count, total and people are the same.
    expect(await h.ok('administrateur', 'payouts.list', {})).toEqual(
      before.payouts.map((b) => ({ ...b, version: b.version + 1 })),
    );
    expect((await h.ok('administrateur', 'claims.list', {})).length).toBe(before.claims);
    expect(await h.ok('administrateur', 'payouts.people', { id: people.batchId })).toContainEqual({
      personId: people.zerihun,
      naam: 'Verwijderd persoon 2026-0001',
      totaalCents: 25 * 21 + 12_50,
    });
    const xml = Buffer.from(
      (await h.ok('administrateur', 'payouts.file', { id: people.batchId })).base64,
      'base64',
    );
    expect(xml.toString()).toContain('<Nm>Verwijderd persoon 2026-0001</Nm>');
    expect(xml.toString()).toContain(`<Nm>${other.voornaam} ${other.achternaam}</Nm>`);
    expect((await h.call('administrateur', 'payouts.spreadsheet', { id: people.batchId })).ok).toBe(true);

    const person = await h.ok('projectleider', 'persons.get', { id: people.zerihun });
    expect(person).toMatchObject({
      naam: 'Verwijderd persoon 2026-0001',
      email: null,
      iban: null,
      geboortedatum: null,
      talen: [],
      notities: null,
      status: 'gestopt',
      statusDatum: '2024-03-01',
    });
    // The contract keeps its number, form, period and terms; its screens and PDF still work.
    const [contract] = await h.ok('projectleider', 'contracts.listForPerson', { personId: people.zerihun });
    expect(contract).toMatchObject({ nummer: '2024-0001', status: 'getekend', startdatum: '2024-01-01' });
    const full = await h.ok('projectleider', 'contracts.get', { id: contract?.id ?? '' });
    expect(full.draft).toMatchObject({ vergoedingCents: 5_00, werktijden: '[verwijderd]', velden: {} });
    expect((await h.call('projectleider', 'contracts.pdf', { id: contract?.id ?? '' })).ok).toBe(true);
    expect(await h.ok('projectleider', 'pop.get', { personId: people.zerihun })).toBeNull();
    expect(await h.ok('projectleider', 'log.list', { personId: people.zerihun })).toEqual([]);

    // The removal itself is audited, with counts only; the list of removals says so too.
    const entry = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('call', '=', 'retention.anonymise')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      record_type: 'person',
      record_id: people.zerihun,
      summary: 'Geanonimiseerd na de bewaartermijn: Verwijderd persoon 2026-0001',
      account_id: (await h.ok('beheer', 'auth.me', {}))?.id,
    });
    const counts = Object.fromEntries(
      (JSON.parse(entry.changes) as { field: string; after: number }[]).map((c) => [c.field, c.after]),
    );
    expect(counts).toMatchObject({
      verslagen: 4,
      popVersies: 2,
      bonnen: 1,
      contracten: 1,
      declaraties: 4,
      talen: 2,
    });
    expect(counts.logboekregels).toBeGreaterThan(15);
    const list = await h.ok('beheer', 'retention.list', {});
    expect(list.personen).toEqual([]);
    expect(list.eerder).toMatchObject([{ soort: 'persoon', label: 'Verwijderd persoon 2026-0001' }]);

    // The export of an anonymised person says what is left, and that it was anonymised.
    const { json } = await h.ok('projectleider', 'persons.inzage', { id: people.zerihun });
    const data = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'));
    expect(data.verwijdering).toMatchObject({ grens: '2024-03-02' });

    const again = await h.call('beheer', 'retention.anonymise', { personIds: [people.zerihun] });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personIds.0' } });
  });

  it('refuses a person still within the two years, or with claims not yet settled, changing nothing', async () => {
    h.setNow('2026-03-01T10:00:00.000Z');
    const early = await h.call('beheer', 'retention.anonymise', { personIds: [people.zerihun] });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personIds.0' } });
    if (!early.ok) expect(early.error.message).toContain('bewaartermijn van twee jaar loopt nog');
    const active = await h.call('beheer', 'retention.anonymise', { personIds: [people.rahaf] });
    expect(active).toMatchObject({ ok: false, error: { field: 'personIds.0' } });

    h.setNow(madeOn);
    await h.ok('administrateur', 'claims.create', {
      personId: people.zerihun,
      soort: 'km',
      datum: '2024-02-28',
      omschrijving: 'Laatste rit',
      van: null,
      naar: null,
      km: 5,
      minuten: null,
      bedragCents: null,
      bonnen: [],
    });
    h.setNow('2026-03-02T10:00:00.000Z');
    const [listed] = (await h.ok('beheer', 'retention.list', {})).personen;
    expect(listed?.blokkade).toBe('1 declaratie is nog niet afgehandeld (betaald of afgewezen)');
    const open = await h.call('beheer', 'retention.anonymise', { personIds: [people.zerihun] });
    expect(open).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!open.ok) expect(open.error.message).toContain('1 declaratie die niet betaald of afgewezen is');
    expect(findAnywhere([personal.notities, personal.gesprek]).length).toBeGreaterThan(1);
    expect(await h.core.store.db.selectFrom('retention_removals').selectAll().execute()).toEqual([]);
  });

  it('anonymises several people in one call, each under a number of their own', async () => {
    await h.ok('projectleider', 'persons.setStatus', {
      id: people.rahaf,
      version: 1,
      status: 'gestopt',
      datum: '2024-02-29',
      toelichting: null,
    });
    h.setNow('2026-03-02T10:00:00.000Z');
    expect((await h.ok('beheer', 'retention.list', {})).personen.map((p) => p.naam)).toEqual([
      'Rahaf Haddad',
      'Zeri Tesfamariam',
    ]);
    expect(
      await h.ok('beheer', 'retention.anonymise', { personIds: [people.zerihun, people.rahaf] }),
    ).toEqual({ count: 2 });
    expect(findAnywhere([...personalStrings, ...Object.values(other)])).toEqual([]);
    const names = await h.ok('projectleider', 'persons.list', {});
    expect(names.rows.map((r) => r.naam).sort()).toEqual([
      'Verwijderd persoon 2026-0001',
      'Verwijderd persoon 2026-0002',
    ]);
    const entries = await h.core.store.db
      .selectFrom('audit_log')
      .select(['record_id', 'summary'])
      .where('call', '=', 'retention.anonymise')
      .orderBy('summary')
      .execute();
    expect(entries).toEqual([
      {
        record_id: people.zerihun,
        summary: 'Geanonimiseerd na de bewaartermijn: Verwijderd persoon 2026-0001',
      },
      {
        record_id: people.rahaf,
        summary: 'Geanonimiseerd na de bewaartermijn: Verwijderd persoon 2026-0002',
      },
    ]);
  });

  it('is for the beheerder only', async () => {
    h.setNow('2026-03-02T10:00:00.000Z');
    for (const client of ['projectleider', 'begeleider', 'administrateur']) {
      expect(await h.call(client, 'retention.anonymise', { personIds: [people.zerihun] })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await h.call(client, 'retention.purge', { grens: '2020-01-01' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await h.core.dispatcher.dispatch('retention.anonymise', {}, 'beheer')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'personIds' },
    });
  });
});

describe('removing financial records after seven years', () => {
  it('deletes old claims and payment files into totals, so the year overview stays the same', async () => {
    h.setNow('2031-03-06T10:00:00.000Z');
    const before = await overview();
    const batches = await h.ok('administrateur', 'payouts.list', {});
    const tooRecent = await h.call('beheer', 'retention.purge', { grens: '2024-03-07' });
    expect(tooRecent).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'grens' } });

    expect(await h.ok('beheer', 'retention.purge', { grens: '2024-03-06' })).toEqual({
      declaraties: 6,
      betaalbestanden: 1,
    });

    const after = await overview();
    expect(after.maanden).toEqual(before.maanden);
    expect(after.personen).toEqual([]);
    const sum = (o: typeof before, key: 'vergoedingCents' | 'kostenCents') =>
      o.personen.reduce((n, p) => n + p[key], 0) + (o.archief?.[key] ?? 0);
    expect(sum(after, 'vergoedingCents')).toBe(sum(before, 'vergoedingCents'));
    expect(sum(after, 'kostenCents')).toBe(sum(before, 'kostenCents'));
    expect(after.archief).toEqual({ vergoedingCents: 25 * 21 + 20 * 21, kostenCents: 12_50 });
    expect(await h.ok('administrateur', 'payouts.list', {})).toEqual(
      batches.map((b) => ({ ...b, version: b.version + 1, personen: 0 })),
    );
    const file = await h.call('administrateur', 'payouts.file', { id: people.batchId });
    expect(file).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h.ok('administrateur', 'claims.list', {})).toEqual([]);
    expect(
      findAnywhere([
        personal.rit,
        personal.onkosten,
        personal.afwijzing,
        personal.import,
        other.rit,
        personal.bon,
      ]),
    ).toEqual([]);

    const entry = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('call', '=', 'retention.purge')
      .executeTakeFirstOrThrow();
    expect(entry.summary).toBe(
      'Financiële gegevens van vóór 6 maart 2024 verwijderd: 6 declaraties, 1 betaalbestanden; totalen bewaard',
    );
    expect(entry.record_type).toBe('bewaartermijn');
    const list = await h.ok('beheer', 'retention.list', {});
    expect(list.financieel).toEqual({ jaren: [], betaalbestanden: [] });
    expect(list.archief).toEqual([{ jaar: 2024, aantal: 6, betaaldCents: 25 * 21 + 12_50 + 20 * 21 }]);
    expect(await h.call('beheer', 'retention.purge', { grens: '2024-03-06' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('adds to the totals already kept when a later removal covers the same month', async () => {
    h.setNow('2031-02-21T10:00:00.000Z');
    expect(await h.ok('beheer', 'retention.purge', { grens: '2024-02-21' })).toEqual({
      declaraties: 1,
      betaalbestanden: 0,
    });
    h.setNow('2031-03-06T10:00:00.000Z');
    const before = await overview();
    expect(await h.ok('beheer', 'retention.purge', { grens: '2024-03-06' })).toEqual({
      declaraties: 5,
      betaalbestanden: 1,
    });
    expect((await overview()).maanden).toEqual(before.maanden);
    const totals = await h.core.store.db
      .selectFrom('archived_claim_totals')
      .select(['maand', 'soort', 'status', 'aantal'])
      .orderBy('status')
      .orderBy('soort')
      .execute();
    expect(totals).toEqual([
      { maand: '2024-02', soort: 'km', status: 'afgewezen', aantal: 3 },
      { maand: '2024-02', soort: 'km', status: 'betaald', aantal: 2 },
      { maand: '2024-02', soort: 'onkosten', status: 'betaald', aantal: 1 },
    ]);
  });
});
