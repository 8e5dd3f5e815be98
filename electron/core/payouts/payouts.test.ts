import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';
import { validatePain001 } from './sepa.ts';

let h: Harness;

async function volunteer(voornaam: string, achternaam: string, iban: string | null) {
  const { id } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({
      voornaam,
      achternaam,
      iban,
      email: null,
      telefoon: null,
      status: 'actief',
      statusDatum: '2026-01-01',
    }),
  );
  const c = await h.ok('projectleider', 'contracts.create', volunteerContract(id));
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
  return id;
}

async function approvedClaim(personId: string, km: number, datum = '2026-03-10') {
  const { id } = await h.ok('administrateur', 'claims.create', {
    personId,
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
  await h.ok('administrateur', 'claims.approve', { items: [{ id, version: 1 }] });
  return id;
}

beforeEach(async () => {
  h = await harness('2026-04-01T10:00:00.000Z');
  await h.withTeam();
  const { updatedAt: _u, ...settings } = await h.ok('beheer', 'settings.get', {});
  await h.ok('beheer', 'settings.update', { ...settings, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
});
afterEach(() => h.close());

const statusOf = async () =>
  Object.fromEntries(
    (await h.ok('administrateur', 'claims.list', { pageSize: 1000 })).rows.map((c) => [c.id, c.status]),
  );

describe('payout batches', () => {
  it('pay approved claims with one valid SEPA transfer per person, transliterated', async () => {
    const sukru = await volunteer('Şükrü', 'Çelik', 'NL91ABNA0417164300');
    const huong = await volunteer('Hương', 'Nguyễn Thị', 'DE89370400440532013000');
    const ids = [
      await approvedClaim(sukru, 20, '2026-02-20'),
      await approvedClaim(sukru, 10, '2026-03-11'),
      await approvedClaim(huong, 30),
    ];
    const batch = await h.ok('administrateur', 'payouts.create', {
      claimIds: ids,
      uitvoerdatum: '2026-04-03',
    });
    const [listed] = await h.ok('administrateur', 'payouts.list', {});
    expect(listed).toMatchObject({
      status: 'concept',
      aantal: 2,
      personen: 2,
      totaalCents: (20 + 10 + 30) * 23,
    });
    const file = await h.ok('administrateur', 'payouts.file', { id: batch.id });
    const xml = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(await validatePain001(xml)).toEqual({ valid: true });
    expect(xml).toContain('<Nm>Sukru Celik</Nm>');
    expect(xml).toContain('<Nm>Huong Nguyen Thi</Nm>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">6.90</InstdAmt>');
    expect(xml).toMatch(/<NbOfTxs>2<\/NbOfTxs>/);
    // The payment text names every month the claims come from, not only the first one's.
    expect(xml).toMatch(/<Ustrd>[^<]*2 declaraties \(reiskosten\) februari t\/m maart 2026<\/Ustrd>/);
    expect(xml).toMatch(/<Ustrd>[^<]*1 declaratie \(reiskosten\) maart 2026<\/Ustrd>/);
    expect(Object.values(await statusOf())).toEqual(['in_batch', 'in_batch', 'in_batch']);
    const twice = await h.call('administrateur', 'payouts.create', {
      claimIds: ids,
      uitvoerdatum: '2026-04-03',
    });
    expect(twice).toMatchObject({ ok: false, error: { field: 'claimIds.0' } });
    if (!twice.ok) expect(twice.error.message).toContain('al in een batch');
    expect(await h.ok('administrateur', 'payouts.list', {})).toHaveLength(1);
    const people = await h.ok('administrateur', 'payouts.people', { id: batch.id });
    expect(people.map((p) => [p.naam, p.totaalCents])).toEqual([
      ['Şükrü Çelik', 30 * 23],
      ['Hương Nguyễn Thị', 30 * 23],
    ]);
    const rejected = await h.ok('administrateur', 'claims.create', {
      personId: sukru,
      soort: 'km',
      datum: '2026-03-20',
      omschrijving: 'Dubbel',
      van: null,
      naar: null,
      km: 5,
      minuten: null,
      bedragCents: null,
      bonnen: [],
    });
    await h.ok('administrateur', 'claims.reject', {
      items: [{ id: rejected.id, version: 1, reden: 'Al vergoed op 10 maart' }],
    });
    const spec = await h.ok('administrateur', 'payouts.specification', { id: batch.id, personId: sukru });
    const specFile = path.join(h.dir, spec.fileName);
    fs.writeFileSync(specFile, Buffer.from(spec.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', specFile, '-']).toString();
    for (const expected of [
      'Specificatie uitbetaling',
      'Şükrü Çelik',
      'Uitbetaald',
      '€ 6,90',
      'Afgewezen',
      'Reden: Al vergoed op 10 maart',
      'NL91 ABNA 0417 1643 00',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const sheet = await h.ok('projectleider', 'payouts.spreadsheet', { id: batch.id });
    expect(sheet.fileName).toMatch(/^betaalbatch-B2026-0001\.xlsx$/);
    const xlsx = Buffer.from(sheet.base64, 'base64');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const unzipped = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,io; z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); print(z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist() else "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")))',
      ],
      { input: xlsx },
    ).toString();
    expect(unzipped).toContain('Şükrü Çelik');
    expect(unzipped).toContain('NL91 ABNA 0417 1643 00');
    const again = await h.call('administrateur', 'payouts.create', {
      claimIds: [ids[0] ?? ''],
      uitvoerdatum: '2026-04-03',
    });
    expect(again).toMatchObject({ ok: false, error: { field: 'claimIds.0' } });
  });

  it('cancels a concept batch back to approved, and locks claims once paid', async () => {
    const p = await volunteer('Amina', 'Haddad', 'NL91ABNA0417164300');
    const ids = [await approvedClaim(p, 20)];
    const b1 = await h.ok('administrateur', 'payouts.create', { claimIds: ids, uitvoerdatum: '2026-04-03' });
    await h.ok('administrateur', 'payouts.cancel', { id: b1.id, version: 1 });
    expect(Object.values(await statusOf())).toEqual(['goedgekeurd']);
    const b2 = await h.ok('administrateur', 'payouts.create', { claimIds: ids, uitvoerdatum: '2026-04-03' });
    const submitted = await h.ok('administrateur', 'payouts.submit', { id: b2.id, version: 1 });
    expect(
      await h.call('administrateur', 'payouts.cancel', { id: b2.id, version: submitted.version }),
    ).toMatchObject({ ok: false });
    await h.ok('administrateur', 'payouts.paid', { id: b2.id, version: submitted.version });
    expect(Object.values(await statusOf())).toEqual(['betaald']);
    const overview = await h.ok('projectleider', 'claims.overview', { jaar: 2026 });
    expect(overview.personen).toEqual([
      {
        personId: p,
        naam: 'Amina Haddad',
        vergoedingCents: 20 * 23,
        kostenCents: 0,
        ruimteCents: (overview.jaarMaximumCents ?? 0) - 20 * 23,
      },
    ]);
    expect(overview.maanden).toEqual([{ maand: '2026-03', perSoort: { km: 20 * 23 }, totaalCents: 20 * 23 }]);
    expect((await h.ok('projectleider', 'claims.overview', { jaar: 2031 })).jaarMaximumCents).toBeNull();
  });

  it('flags a missing or non-SEPA IBAN beside the approved claim, refuses it in a batch at that claim, and pays the rest', async () => {
    const farid = await volunteer('Farid', 'Ahmadi', null);
    const ayse = await volunteer('Ayşe', 'Yılmaz', 'TR330006100519786457841326');
    const amina = await volunteer('Amina', 'Haddad', 'NL91ABNA0417164300');
    const ids = [
      await approvedClaim(farid, 20),
      await approvedClaim(ayse, 10),
      await approvedClaim(amina, 30),
    ];
    // The approved claims say which cannot be paid, before anyone makes a batch; it did not stop their approval.
    const approved = await h.ok('administrateur', 'claims.list', { status: 'goedgekeurd' });
    expect(
      Object.fromEntries(approved.rows.map((c) => [c.personNaam, c.checks.map((x) => [x.code, x.blocking])])),
    ).toEqual({
      'Farid Ahmadi': [['iban_ontbreekt', false]],
      'Ayşe Yılmaz': [['iban_ontbreekt', false]],
      'Amina Haddad': [],
    });
    // All three: refused, each reason at its own claim, nothing changed.
    const r = await h.call('administrateur', 'payouts.create', { claimIds: ids, uitvoerdatum: '2026-04-03' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'claimIds.0' } });
    if (!r.ok) {
      expect(Object.keys(r.error.fields ?? {})).toEqual(['claimIds.0', 'claimIds.1']);
      expect(r.error.fields?.['claimIds.0']).toContain('Farid Ahmadi van 10-03-2026');
      expect(r.error.fields?.['claimIds.0']).toContain('geen IBAN bekend');
      expect(r.error.fields?.['claimIds.1']).toContain('TR doet niet mee aan SEPA');
      expect(r.error.message).toContain('Farid Ahmadi');
    }
    expect(await h.ok('administrateur', 'payouts.list', {})).toEqual([]);
    expect(Object.values(await statusOf())).toEqual(['goedgekeurd', 'goedgekeurd', 'goedgekeurd']);
    // Leaving those two out, the third is paid; they stay approved until their IBAN is known.
    await h.ok('administrateur', 'payouts.create', { claimIds: [ids[2] ?? ''], uitvoerdatum: '2026-04-03' });
    const status = await statusOf();
    expect(ids.map((id) => status[id])).toEqual(['goedgekeurd', 'goedgekeurd', 'in_batch']);
    const [batch] = await h.ok('administrateur', 'payouts.list', {});
    expect(batch).toMatchObject({ aantal: 1, totaalCents: 30 * 23 });
    // A claim in a batch no longer carries the check: it is paid from the file made.
    expect((await h.ok('administrateur', 'claims.list', { status: 'in_batch' })).rows[0]?.checks).toEqual([]);

    const empty = await h.call('administrateur', 'payouts.create', {
      claimIds: [],
      uitvoerdatum: '2026-04-03',
    });
    expect(empty).toMatchObject({ ok: false, error: { field: 'claimIds' } });
    expect(
      await h.call('projectleider', 'payouts.create', { claimIds: ids, uitvoerdatum: '2026-04-03' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("says at its own field that the organisation's IBAN is missing, and who fills it in", async () => {
    const p = await volunteer('Amina', 'Haddad', 'NL91ABNA0417164300');
    const ids = [await approvedClaim(p, 20)];
    const { updatedAt: _u, ...settings } = await h.ok('beheer', 'settings.get', {});
    await h.ok('beheer', 'settings.update', { ...settings, iban: null });
    const r = await h.call('administrateur', 'payouts.create', { claimIds: ids, uitvoerdatum: '2026-04-03' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        field: 'organisatieIban',
        fields: {
          organisatieIban: 'ontbreekt; de beheerder vult het IBAN van de organisatie in bij Instellingen',
        },
      },
    });
    // The date's own problem stays at the date.
    const past = await h.call('administrateur', 'payouts.create', {
      claimIds: ids,
      uitvoerdatum: '2026-03-31',
    });
    expect(past).toMatchObject({
      ok: false,
      error: { field: 'uitvoerdatum', fields: { uitvoerdatum: 'ligt in het verleden' } },
    });
    expect(await h.ok('administrateur', 'payouts.list', {})).toEqual([]);
  });
});
