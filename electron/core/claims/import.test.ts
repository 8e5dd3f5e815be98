import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness;

beforeEach(async () => {
  h = await harness('2026-05-01T10:00:00.000Z');
  await h.withTeam();
  const person = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ geboortedatum: '1990-01-01', status: 'actief', statusDatum: '2026-01-01' }),
  );
  const contract = await h.ok(
    'projectleider',
    'contracts.create',
    volunteerContract(person.id, {
      einddatum: '2026-12-31',
      verwachtUrenPerMaand: 20,
      verwachteKmPerMaand: 40,
    }),
  );
  await h.ok('projectleider', 'contracts.finalize', { id: contract.id, version: 1 });
});
afterEach(() => h.close());

const header = 'e-mail;soort;datum;omschrijving;van;naar;km;minuten;bedrag';

describe('importing claims from a spreadsheet', () => {
  it('reads every row as an entered claim, finding the person by e-mail whatever its case, quoted cells included', async () => {
    const csv = [
      `\uFEFF${header}`,
      'sukru@example.org;km;10-03-2026;Voorlichting wijkcentrum;Utrecht;Zeist;20;;',
      'SUKRU@example.org;Uren;2026-03-11;Taalcafé;;;;90;',
      'sukru@example.org;km;12-03-2026;"Voorlichting; ""Samen sterk""";Utrecht;Zeist;10;;',
      '',
    ].join('\r\n');
    expect(await h.ok('administrateur', 'claims.import', { csv })).toEqual({ count: 3 });
    const claims = (await h.ok('administrateur', 'claims.list', {})).rows;
    expect(claims.map((c) => [c.soort, c.datum, c.omschrijving, c.bedragCents])).toEqual([
      ['km', '2026-03-12', 'Voorlichting; "Samen sterk"', 2_30],
      ['uren', '2026-03-11', 'Taalcafé', 7_50],
      ['km', '2026-03-10', 'Voorlichting wijkcentrum', 4_60],
    ]);
  });

  it('refuses the whole file when one row is wrong, naming the row', async () => {
    const csv = [
      header,
      'sukru@example.org;km;10-03-2026;Voorlichting;Utrecht;Zeist;20;;',
      'onbekend@example.org;km;11-03-2026;Voorlichting;Utrecht;Zeist;20;;',
    ].join('\n');
    const r = await h.call('administrateur', 'claims.import', { csv });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        'Regel 3: geen sleutelpersoon met e-mail onbekend@example.org. Er is niets ingelezen.',
      );
    expect(await h.ok('administrateur', 'claims.list', {})).toEqual({ rows: [], total: 0 });

    const badKind = await h.call('administrateur', 'claims.import', {
      csv: `${header}\nsukru@example.org;fiets;10-03-2026;Voorlichting;;;;;`,
    });
    if (!badKind.ok) expect(badKind.error.message).toContain("Regel 2: onbekende soort 'fiets'");
    expect(badKind.ok).toBe(false);

    const noColumns = await h.call('administrateur', 'claims.import', { csv: 'naam;bedrag\nSukru;12,50' });
    if (!noColumns.ok) expect(noColumns.error.message).toContain('kolommen ontbreken: e-mail, soort');
    expect(noColumns.ok).toBe(false);
  });

  it('is for the administrateur only', async () => {
    const r = await h.call('projectleider', 'claims.import', { csv: header });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
