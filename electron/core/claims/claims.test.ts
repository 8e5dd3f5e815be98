import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { expectGrantedToAgreeWithClaims } from '../../../test/support/granted.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness;
let personId: string;
let team: Awaited<ReturnType<Harness['withTeam']>>;
const pdf = Buffer.from('%PDF-1.4\n% bon\n').toString('base64');

/** A volunteer contract for 2026: hourly allowance, km allowance, receipts allowed. */
async function contract(overrides: Parameters<typeof volunteerContract>[1] = {}) {
  const saved = await h.ok(
    'projectleider',
    'contracts.create',
    volunteerContract(personId, {
      einddatum: '2026-12-31',
      verwachtUrenPerMaand: 20,
      verwachteKmPerMaand: 40,
      ...overrides,
    }),
  );
  await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
}

const claim = (overrides: Partial<CallInput<'claims.create'>> = {}): CallInput<'claims.create'> => ({
  personId,
  soort: 'km',
  datum: '2026-03-10',
  omschrijving: 'Voorlichting wijkcentrum',
  van: 'Utrecht',
  naar: 'Zeist',
  km: 20,
  minuten: null,
  bedragCents: null,
  bonnen: [],
  ...overrides,
});

beforeEach(async () => {
  h = await harness('2026-05-01T10:00:00.000Z');
  team = await h.withTeam();
  personId = (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ geboortedatum: '1990-01-01', status: 'actief', statusDatum: '2026-01-01' }),
    )
  ).id;
});
afterEach(() => h.close());

const list = async () => (await h.ok('administrateur', 'claims.list', {})).rows;

describe('claims', () => {
  it('works out the amount from the contract: km × rate, hours × hourly allowance', async () => {
    await contract();
    await h.ok('administrateur', 'claims.create', claim());
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ soort: 'uren', km: null, minuten: 90, datum: '2026-03-11' }),
    );
    const claims = await list();
    expect(claims.map((c) => [c.soort, c.bedragCents, c.contractNummer, c.checks])).toEqual([
      ['uren', 7_50, '2026-0001', []],
      ['km', 4_60, '2026-0001', []],
    ]);
  });

  it('shows what stands in the way: no contract, a kind not allowed, a duplicate, a missing receipt', async () => {
    await contract({ vergoedingEenheid: 'uur', kmVergoedingCents: 0 });
    await h.ok('administrateur', 'claims.create', claim({ datum: '2025-12-15' }));
    await h.ok('administrateur', 'claims.create', claim({ datum: '2026-03-02' }));
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ soort: 'parkeren', km: null, bedragCents: 3_50, datum: '2026-03-03' }),
    );
    await h.ok(
      'administrateur',
      'claims.create',
      claim({
        soort: 'parkeren',
        km: null,
        bedragCents: 3_50,
        datum: '2026-03-03',
        bonnen: [{ base64: pdf }],
      }),
    );
    const codes = Object.fromEntries(
      (await list()).map((c) => [`${c.datum}:${c.bonnen}`, c.checks.map((x) => x.code)]),
    );
    expect(codes).toEqual({
      '2025-12-15:0': ['geen_contract'],
      '2026-03-02:0': ['soort_niet_toegestaan'],
      '2026-03-03:0': ['dubbel', 'bon_ontbreekt'],
      '2026-03-03:1': ['dubbel'],
    });
  });

  it('flags the month cap: exactly at the cap is fine, one cent over is not, and two claims together count', async () => {
    const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
    // Each activity pays half the month cap; a km pays one cent.
    await contract({
      startdatum: '2025-01-01',
      vergoedingEenheid: 'activiteit',
      vergoedingCents: cap / 2,
      kmVergoedingCents: 1,
    });
    const activity = (datum: string) =>
      claim({ soort: 'activiteit', km: null, datum, omschrijving: `Voorlichting ${datum}` });
    const a = await h.ok('administrateur', 'claims.create', activity('2026-04-01'));
    const b = await h.ok('administrateur', 'claims.create', activity('2026-04-02'));
    const c = await h.ok('administrateur', 'claims.create', claim({ km: 1, datum: '2026-04-03' }));
    // Each alone is within the cap, but together the third crosses it: the one action approves nothing.
    const together = await h.call('administrateur', 'claims.approve', {
      items: [a, b, c].map((x) => ({ id: x.id, version: 1 })),
    });
    expect(together).toMatchObject({ ok: false });
    if (!together.ok) expect(together.error.message).toContain('boven het maximum');
    if (!together.ok)
      expect(together.error.fields).toEqual({ 'items.2.id': expect.stringContaining('03-04-2026') });
    expect((await list()).every((x) => x.status === 'ingediend')).toBe(true);
    // The queue shows it before anyone tries: nothing is approved yet, but each claim's room is what is left after
    // the earlier ones in the list (newest first on screen), and the one that crosses the cap says so.
    expect((await list()).map((x) => [x.datum, x.ruimteCents, x.checks.map((y) => y.code)])).toEqual([
      ['2026-04-03', 0, ['over_grens']],
      ['2026-04-02', cap / 2, []],
      ['2026-04-01', cap, []],
    ]);
    // Exactly at the cap is fine.
    await h.ok('administrateur', 'claims.approve', { items: [a, b].map((x) => ({ id: x.id, version: 1 })) });
    const [pending] = (await list()).filter((x) => x.status === 'ingediend');
    expect(pending?.checks.map((x) => x.code)).toEqual(['over_grens']);
    expect(pending?.ruimteCents).toBe(0);
    // The same cent in May, a month of its own, is fine; in another year too.
    await h.ok('administrateur', 'claims.create', claim({ km: 1, datum: '2026-05-01', omschrijving: 'mei' }));
    const may = (await list()).find((x) => x.omschrijving === 'mei');
    expect(may?.checks).toEqual([]);
    const yearCap = fiscalYear(2026)?.maxPerYear ?? 0;
    expect(may?.ruimteCents).toBe(Math.min(cap, yearCap - cap));
    // April of the year before is a month of its own as well.
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ km: 1, datum: '2025-04-03', omschrijving: 'vorig jaar' }),
    );
    const before = (await list()).find((x) => x.omschrijving === 'vorig jaar');
    expect(before?.checks).toEqual([]);
  });

  it('flags the year cap: ten months at the month cap fill the year exactly, one cent more crosses it', async () => {
    const figures = fiscalYear(2026);
    const cap = figures?.maxPerMonth ?? 0;
    expect((figures?.maxPerYear ?? 0) / cap).toBe(10);
    h.setNow('2026-12-01T10:00:00.000Z');
    await contract({ vergoedingEenheid: 'activiteit', vergoedingCents: cap / 2, kmVergoedingCents: 1 });
    const ids: { id: string; version: number }[] = [];
    for (let month = 1; month <= 10; month++) {
      for (const day of ['01', '02']) {
        const datum = `2026-${String(month).padStart(2, '0')}-${day}`;
        const saved = await h.ok(
          'administrateur',
          'claims.create',
          claim({ soort: 'activiteit', km: null, datum, omschrijving: `Voorlichting ${datum}` }),
        );
        ids.push({ id: saved.id, version: 1 });
      }
    }
    await h.ok('administrateur', 'claims.approve', { items: ids });
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ km: 1, datum: '2026-11-03', omschrijving: 'november' }),
    );
    const november = (await list()).find((x) => x.omschrijving === 'november');
    expect(november?.checks.map((x) => [x.code, x.message.includes('in 2026')])).toEqual([
      ['over_grens', true],
    ]);
    expect(november?.ruimteCents).toBe(0);
    expectGrantedToAgreeWithClaims(h.core.store.sqlite);
  });

  it('counts what the volunteer declared from other organisations toward the cap', async () => {
    const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
    // Each activity pays half the month cap; elsewhere pays a quarter of it every month.
    await contract({
      vergoedingEenheid: 'activiteit',
      vergoedingCents: cap / 2,
      andereOrganisatiesPerMaandCents: cap / 4,
    });
    const activity = (datum: string) =>
      claim({ soort: 'activiteit', km: null, datum, omschrijving: `Voorlichting ${datum}` });
    const a = await h.ok('administrateur', 'claims.create', activity('2026-04-01'));
    await h.ok('administrateur', 'claims.create', activity('2026-04-02'));
    // The first fits beside what elsewhere pays (room is the cap less that); the second, after the first, does not.
    expect((await list()).map((x) => [x.checks.map((y) => y.code), x.ruimteCents])).toEqual([
      [['over_grens'], cap / 4],
      [[], cap - cap / 4],
    ]);
    await h.ok('administrateur', 'claims.approve', { items: [{ id: a.id, version: 1 }] });
    // Half here plus a quarter elsewhere: the second half crosses the month cap, though the two here only reach it.
    const [pending] = (await list()).filter((x) => x.status === 'ingediend');
    expect(pending?.checks.map((x) => x.code)).toEqual(['over_grens']);
    expect(pending?.checks[0]?.message).toContain('van andere organisaties');
    expect(pending?.ruimteCents).toBe(cap / 4);
  });

  it('pays the fixed allowance of a month from the contract, once per person per month', async () => {
    await contract({ vergoedingEenheid: 'maand', vergoedingCents: 150_00, verwachtUrenPerMaand: 30 });
    const month = (datum: string, omschrijving = `Vergoeding ${datum}`) =>
      claim({ soort: 'maand', km: null, datum, omschrijving });
    await h.ok('administrateur', 'claims.create', month('2026-03-31'));
    let claims = await list();
    expect(claims.map((c) => [c.soort, c.bedragCents, c.contractNummer, c.checks])).toEqual([
      ['maand', 150_00, '2026-0001', []],
    ]);
    // A second one in the same month, on another day, is a likely duplicate; April is a month of its own.
    const second = await h.ok('administrateur', 'claims.create', month('2026-03-01', 'nog een keer'));
    await h.ok('administrateur', 'claims.create', month('2026-04-01'));
    claims = await list();
    expect(claims.map((c) => [c.datum, c.checks.map((x) => x.code)])).toEqual([
      ['2026-04-01', []],
      ['2026-03-31', ['dubbel']],
      ['2026-03-01', ['dubbel']],
    ]);
    expect(claims[1]?.checks[0]?.message).toContain('al een vaste vergoeding voor deze maand');
    // Rejected, the second no longer counts.
    await h.ok('administrateur', 'claims.reject', {
      items: [{ id: second.id, version: 1, reden: 'Dubbel ingevoerd' }],
    });
    expect((await list()).filter((c) => c.status === 'ingediend').map((c) => c.checks)).toEqual([[], []]);
  });

  it('refuses a monthly claim under a contract without a fixed monthly allowance, and the reverse', async () => {
    await contract({ vergoedingEenheid: 'uur' });
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ soort: 'maand', km: null, datum: '2026-03-31', omschrijving: 'maart' }),
    );
    const [monthly] = await list();
    expect(monthly?.checks.map((x) => x.code)).toEqual(['soort_niet_toegestaan']);
    expect(monthly?.bedragCents).toBe(0);
  });

  it('counts the fixed allowance of a month toward the month cap, together with km', async () => {
    const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
    // The month pays the cap less € 5 (for March only, so the year stays within its cap); a km pays one cent.
    await contract({
      startdatum: '2026-03-01',
      einddatum: '2026-03-31',
      vergoedingEenheid: 'maand',
      vergoedingCents: cap - 5_00,
      verwachtUrenPerMaand: 40,
      kmVergoedingCents: 1,
      verwachteKmPerMaand: 400,
    });
    const monthly = await h.ok(
      'administrateur',
      'claims.create',
      claim({ soort: 'maand', km: null, datum: '2026-03-01', omschrijving: 'maart' }),
    );
    await h.ok('administrateur', 'claims.approve', { items: [{ id: monthly.id, version: 1 }] });
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ km: 500, datum: '2026-03-10', omschrijving: 'tot' }),
    );
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ km: 501, datum: '2026-03-11', omschrijving: 'over' }),
    );
    const pending = (await list()).filter((c) => c.status === 'ingediend');
    // The room after the person's earlier claims in the queue: 'tot' (the 10th) takes the last € 5, so 'over' has none.
    expect(pending.map((c) => [c.omschrijving, c.ruimteCents, c.checks.map((x) => x.code)])).toEqual([
      ['over', 0, ['over_grens']],
      ['tot', 5_00, []],
    ]);
  });

  it('pages and sorts the queue in the main process, and pages "alleen met een melding" after the checks', async () => {
    await contract({ kmVergoedingCents: 23 });
    for (let day = 1; day <= 12; day++) {
      const datum = `2026-03-${String(day).padStart(2, '0')}`;
      await h.ok('administrateur', 'claims.create', claim({ datum, km: day, omschrijving: `Rit ${day}` }));
    }
    // Two of them without a receipt: they carry a check.
    for (const datum of ['2026-03-04', '2026-03-09'])
      await h.ok(
        'administrateur',
        'claims.create',
        claim({ datum, soort: 'ov', km: null, bedragCents: 3_10 }),
      );
    const first = await h.ok('administrateur', 'claims.list', { pageSize: 5 });
    expect(first.total).toBe(14);
    expect(first.rows.map((c) => c.datum)).toEqual([
      '2026-03-12',
      '2026-03-11',
      '2026-03-10',
      '2026-03-09',
      '2026-03-09',
    ]);
    const third = await h.ok('administrateur', 'claims.list', {
      pageSize: 5,
      page: 2,
      sort: 'bedrag',
      desc: false,
    });
    expect(third.rows.map((c) => c.bedragCents)).toEqual([2_53, 2_76, 3_10, 3_10]);
    expect(third.total).toBe(14);
    // A page past the end (the list shrank while someone looked) still says how many there are; a filter that
    // matches nothing says none.
    expect(await h.ok('administrateur', 'claims.list', { pageSize: 5, page: 3 })).toEqual({
      rows: [],
      total: 14,
    });
    expect(await h.ok('administrateur', 'claims.list', { maand: '2026-04' })).toEqual({ rows: [], total: 0 });
    const flagged = await h.ok('administrateur', 'claims.list', { alleenMetMelding: true, pageSize: 5 });
    expect(flagged.total).toBe(2);
    expect(flagged.rows.map((c) => [c.datum, c.checks.map((x) => x.code)])).toEqual([
      ['2026-03-09', ['bon_ontbreekt']],
      ['2026-03-04', ['bon_ontbreekt']],
    ]);
    const sortBad = await h.call('administrateur', 'claims.list', { sort: 'omschrijving' as 'datum' });
    expect(sortBad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sort' } });
  });

  it('approves many in one action, all or nothing, and needs a reason to reject', async () => {
    await contract();
    for (const datum of ['2026-03-10', '2026-03-11', '2026-03-12'])
      await h.ok('administrateur', 'claims.create', claim({ datum }));
    await h.ok(
      'administrateur',
      'claims.create',
      claim({ datum: '2026-03-13', soort: 'onkosten', km: null, bedragCents: 12_50 }),
    );
    const claims = await list();
    const blocked = claims.find((c) => c.soort === 'onkosten');
    const good = claims.filter((c) => c.soort === 'km');
    const all = await h.call('administrateur', 'claims.approve', {
      items: claims.map((c) => ({ id: c.id, version: c.version })),
    });
    expect(all).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The blocking claim named by its person and its date as people write it.
    if (!all.ok)
      expect(all.error.message).toContain('Niet goedgekeurd: Şükrü Çelik, 13-03-2026: Bon ontbreekt.');
    expect((await list()).every((c) => c.status === 'ingediend')).toBe(true);

    expect(
      await h.ok('administrateur', 'claims.approve', {
        items: good.map((c) => ({ id: c.id, version: c.version })),
      }),
    ).toEqual({ count: 3 });
    const noReason = await h.call('administrateur', 'claims.reject', {
      items: [{ id: blocked?.id ?? '', version: 1, reden: ' ' }],
    });
    expect(noReason).toMatchObject({ ok: false, error: { field: 'items.0.reden' } });
    await h.ok('administrateur', 'claims.reject', {
      items: [{ id: blocked?.id ?? '', version: 1, reden: 'Geen bon bijgevoegd; lever de bon na' }],
    });
    const after = await list();
    expect(after.map((c) => c.status).sort()).toEqual([
      'afgewezen',
      'goedgekeurd',
      'goedgekeurd',
      'goedgekeurd',
    ]);
    expect(after.find((c) => c.status === 'afgewezen')?.redenAfwijzing).toBe(
      'Geen bon bijgevoegd; lever de bon na',
    );
    const twice = await h.call('administrateur', 'claims.approve', {
      items: [{ id: good[0]?.id ?? '', version: 2 }],
    });
    expect(twice).toMatchObject({ ok: false });
    if (!twice.ok) expect(twice.error.message).toContain('de declaratie van 12-03-2026 is al goedgekeurd');
    // The refused approval granted nothing; the one before counted its claims once.
    expectGrantedToAgreeWithClaims(h.core.store.sqlite);
    // The log names the person with the amount, in euros.
    const { rows } = await h.ok('projectleider', 'audit.list', { recordType: 'claim' });
    expect(rows.map((r) => r.summary)).toEqual(
      expect.arrayContaining([
        'Declaratie ingediend: € 4,60 (Şükrü Çelik), reiskosten auto of fiets',
        'Declaratie goedgekeurd: € 4,60 (Şükrü Çelik)',
        'Declaratie afgewezen: € 12,50 (Şükrü Çelik). Reden: Geen bon bijgevoegd; lever de bon na',
      ]),
    );
  });

  it("shows each claim's room after the same person's earlier ones, marks the one that blocks, and approves the others", async () => {
    const cap = fiscalYear(2026)?.maxPerMonth ?? 0;
    // Five activities of a quarter of the month cap each: four fit, the fifth crosses the cap.
    await contract({ vergoedingEenheid: 'activiteit', vergoedingCents: cap / 4 });
    const activity = (datum: string, who = personId) =>
      claim({ personId: who, soort: 'activiteit', km: null, datum, omschrijving: `Voorlichting ${datum}` });
    for (const day of ['03', '07', '12', '18', '24'])
      await h.ok('administrateur', 'claims.create', activity(`2026-04-${day}`));
    // Someone else's claim in the same month has room of its own.
    const other = (
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({ voornaam: 'Bram', email: null, status: 'actief' }),
      )
    ).id;
    const saved = await h.ok(
      'projectleider',
      'contracts.create',
      volunteerContract(other, { vergoedingEenheid: 'activiteit', vergoedingCents: cap / 4 }),
    );
    await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    await h.ok('administrateur', 'claims.create', activity('2026-04-20', other));

    const queue = await h.ok('administrateur', 'claims.list', { sort: 'datum', desc: false });
    expect(
      queue.rows.map((c) => [c.datum, c.personId === other, c.ruimteCents, c.checks.map((x) => x.code)]),
    ).toEqual([
      ['2026-04-03', false, cap, []],
      ['2026-04-07', false, (3 * cap) / 4, []],
      ['2026-04-12', false, cap / 2, []],
      ['2026-04-18', false, cap / 4, []],
      ['2026-04-20', true, cap, []],
      ['2026-04-24', false, 0, ['over_grens']],
    ]);
    const blocking = queue.rows.filter((c) => c.checks.some((x) => x.blocking));
    expect(blocking.map((c) => c.checks[0]?.message)).toEqual([expect.stringContaining('boven het maximum')]);

    // All six together: refused, the blocking one named with a Dutch date and marked at its place in the input.
    const items = queue.rows.map((c) => ({ id: c.id, version: c.version }));
    const all = await h.call('administrateur', 'claims.approve', { items });
    expect(all).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'items.5.id' } });
    if (!all.ok) {
      expect(Object.keys(all.error.fields ?? {})).toEqual(['items.5.id']);
      expect(all.error.message).toContain('24-04-2026');
      expect(all.error.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    // The others, as the queue offers: approved, and the one left still says why it waits.
    const others = queue.rows.filter((c) => !blocking.includes(c));
    expect(
      await h.ok('administrateur', 'claims.approve', {
        items: others.map((c) => ({ id: c.id, version: c.version })),
      }),
    ).toEqual({ count: 5 });
    const [left] = (await h.ok('administrateur', 'claims.list', { status: 'ingediend' })).rows;
    expect([left?.datum, left?.ruimteCents, left?.checks.map((x) => x.code)]).toEqual([
      '2026-04-24',
      0,
      ['over_grens'],
    ]);
  });

  it('flags a missing or wrong IBAN on the submitted claim without stopping its approval', async () => {
    personId = (
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({
          voornaam: 'Farid',
          iban: null,
          email: null,
          status: 'actief',
          statusDatum: '2026-01-01',
        }),
      )
    ).id;
    await contract();
    const saved = await h.ok('administrateur', 'claims.create', claim());
    const [c] = await list();
    expect(c?.checks).toEqual([
      {
        code: 'iban_ontbreekt',
        blocking: false,
        message: expect.stringContaining('IBAN ontbreekt of klopt niet (geen IBAN bekend)'),
      },
    ]);
    // An IBAN stored before it was checked, with a wrong check digit, is named as such.
    h.core.store.sqlite
      .prepare('update persons set iban = ? where id = ?')
      .run('NL91ABNA0417164301', personId);
    expect((await list())[0]?.checks[0]?.message).toContain('controlecijfer klopt niet');
    // It does not stop approval: the claim is owed; it stays flagged until paid.
    await h.ok('administrateur', 'claims.approve', { items: [{ id: saved.id, version: 1 }] });
    expect((await list())[0]?.checks.map((x) => x.code)).toEqual(['iban_ontbreekt']);
  });

  it('adds a receipt to a claim entered without one, replaces it, and stops once the claim is decided', async () => {
    await contract();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const saved = await h.ok(
      'administrateur',
      'claims.create',
      claim({ soort: 'parkeren', km: null, bedragCents: 3_50 }),
    );
    expect((await list())[0]?.checks.map((x) => x.code)).toEqual(['bon_ontbreekt']);
    // Typed by content: a GIF is refused at its place, nothing stored.
    const gif = await h.call('administrateur', 'claims.setReceipts', {
      id: saved.id,
      version: 1,
      bonnen: [{ base64: pdf }, { base64: Buffer.from('GIF89a...').toString('base64') }],
    });
    expect(gif).toMatchObject({ ok: false, error: { field: 'bonnen.1' } });
    expect((await list())[0]).toMatchObject({ bonnen: 0, version: 1 });
    // Only the administrateur; an empty list is not a receipt.
    expect(
      await h.call('projectleider', 'claims.setReceipts', {
        id: saved.id,
        version: 1,
        bonnen: [{ base64: pdf }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await h.call('administrateur', 'claims.setReceipts', { id: saved.id, version: 1, bonnen: [] }),
    ).toMatchObject({ ok: false, error: { field: 'bonnen' } });

    const added = await h.ok('administrateur', 'claims.setReceipts', {
      id: saved.id,
      version: 1,
      bonnen: [{ base64: pdf }],
    });
    expect(added.version).toBe(2);
    expect((await list())[0]).toMatchObject({ bonnen: 1, checks: [] });
    // A desk that read the claim before is told it changed.
    expect(
      await h.call('administrateur', 'claims.setReceipts', {
        id: saved.id,
        version: 1,
        bonnen: [{ base64: png }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Replacing: the new receipts take the old one's place.
    await h.ok('administrateur', 'claims.setReceipts', {
      id: saved.id,
      version: 2,
      bonnen: [{ base64: png }, { base64: pdf }],
    });
    const files = await h.ok('administrateur', 'claims.receipts', { id: saved.id });
    expect(files.map((f) => f.mime)).toEqual(['image/png', 'application/pdf']);
    const audit = h.core.store.sqlite
      .prepare("select summary from audit_log where call = 'claims.setReceipts' order by rowid")
      .pluck()
      .all();
    expect(audit).toEqual(['Bon toegevoegd aan declaratie', 'Bon van declaratie vervangen']);

    await h.ok('administrateur', 'claims.approve', { items: [{ id: saved.id, version: 3 }] });
    const late = await h.call('administrateur', 'claims.setReceipts', {
      id: saved.id,
      version: 4,
      bonnen: [{ base64: pdf }],
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!late.ok) expect(late.error.message).toContain('Alleen bij een ingediende declaratie');
    expect(await h.ok('administrateur', 'claims.receipts', { id: saved.id })).toHaveLength(2);
  });

  it('keeps the original values visible after a correction', async () => {
    await contract();
    const saved = await h.ok('administrateur', 'claims.create', claim({ km: 200 }));
    const { bonnen: _none, ...fields } = claim({ km: 20 });
    await h.ok('administrateur', 'claims.correct', { ...fields, id: saved.id, version: 1 });
    const [c] = await list();
    expect(c).toMatchObject({ km: 20, bedragCents: 4_60, origineel: { km: 200, bedragCents: 46_00 } });
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    await contract();
    const cases: [Partial<CallInput<'claims.create'>>, string][] = [
      [{ km: 1001 }, 'km'],
      [{ km: 0 }, 'km'],
      [{ datum: '2026-06-01' }, 'datum'],
      [{ soort: 'ov', km: null, bedragCents: -5 }, 'bedragCents'],
      [{ soort: 'ov', km: null, bedragCents: 0 }, 'bedragCents'],
      [{ soort: 'ov', km: null, bedragCents: 12.345 }, 'bedragCents'],
      [{ bonnen: [{ base64: Buffer.from('GIF89a...').toString('base64') }] }, 'bonnen.0'],
    ];
    for (const [overrides, field] of cases) {
      const r = await h.call('administrateur', 'claims.create', claim(overrides));
      expect(r, field).toMatchObject({ ok: false, error: { field } });
    }
    expect(await list()).toEqual([]);
  });

  it('lets the administrateur handle claims, the projectleider read them, and a begeleider see only their caseload', async () => {
    await contract();
    await h.ok('administrateur', 'claims.create', claim());
    expect(await h.call('projectleider', 'claims.create', claim())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const guided = await h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Hoa', achternaam: 'Nguyen', email: null, begeleiderId: team.ids.begeleider }),
    );
    await h.ok('administrateur', 'claims.create', claim({ personId: guided.id }));
    expect((await h.ok('projectleider', 'claims.list', {})).total).toBe(2);
    const seen = (await h.ok('begeleider', 'claims.list', {})).rows;
    expect(seen.map((c) => [c.personNaam, c.status])).toEqual([['Hoa Nguyen', 'ingediend']]);
    expect(await h.call('begeleider', 'claims.receipts', { id: seen[0]?.id ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
