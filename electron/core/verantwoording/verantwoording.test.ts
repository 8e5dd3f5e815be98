import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import {
  maskCount,
  maskedCount,
  maskSmallCounts,
  type ReportTable,
  type VerantwoordingReport,
} from '../../../shared/verantwoording.ts';
import { activityKinds, hulpvraagCategories, referralKinds } from '../../../shared/work-vocabulary.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';
import { clearInzet, type InzetRow, insertInzetRows } from '../../../test/support/inzet-rows.ts';
import { sheetName } from './spreadsheet.ts';

let h: Harness;
let people: string[];
let partner: string;
let project: string;

const gemeenten = ['Doetinchem', 'Winterswijk'];
const rollen = ['voorlichter', 'verbinder', 'vertaler'];
const leefgebiedenUsed = ['gezondheid', 'wonen'];

beforeAll(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  await h.withTeam();
  const person = async (voornaam: string, gender: 'vrouw' | 'man', herkomstland: string, taal: string) =>
    (
      await h.ok(
        'projectleider',
        'persons.create',
        personInput({
          voornaam,
          achternaam: 'Test',
          gender,
          herkomstland,
          talen: [{ taal, niveau: 'moedertaal' }],
          status: 'actief',
          statusDatum: '2025-01-01',
        }),
      )
    ).id;
  people = [
    await person('Amina', 'vrouw', 'Eritrea', 'Tigrinya'),
    await person('Farid', 'man', 'Afghanistan', 'Dari'),
    await person('Lina', 'vrouw', 'Syrië', 'Arabisch'),
  ];
  partner = (
    await h.ok('projectleider', 'ketenpartners.save', {
      naam: 'GGD Noord- en Oost-Gelderland',
      soort: 'ggd',
      contactpersoon: null,
      telefoon: null,
      email: null,
      gemeente: null,
    })
  ).id;
  project = (
    await h.ok('projectleider', 'ketenpartners.saveProject', {
      naam: 'Samen Gezond',
      partnerId: partner,
      gemeente: 'Doetinchem',
      startdatum: '2026-01-01',
      einddatum: null,
      budgetCents: 500_000,
    })
  ).id;
});
afterAll(() => h.close());

const db = () => h.core.store.db;
const table = (r: VerantwoordingReport, key: ReportTable['key']) => {
  const t = r.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
};
const value = (r: VerantwoordingReport, key: ReportTable['key'], label: string, column = 0) =>
  table(r, key).rows.find((row) => row.label === label)?.values[column];
const headline = (r: VerantwoordingReport, label: string) =>
  r.kerncijfers.find((k) => k.label === label)?.value;

const day = fc
  .integer({ min: 0, max: 364 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const inzetArb = (i: number) =>
  fc
    .record({
      datum: day,
      minuten: fc.integer({ min: 15, max: 480 }),
      soort: fc.constantFrom(...activityKinds),
      gemeente: fc.constantFrom(null, ...gemeenten),
      withPartner: fc.boolean(),
      withProject: fc.boolean(),
      bereik: fc.tuple(fc.nat(30), fc.nat(30), fc.nat(10), fc.nat(5)),
      personIdx: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      rollen: fc.uniqueArray(fc.constantFrom(...rollen), { maxLength: 2 }),
      leefgebieden: fc.uniqueArray(fc.constantFrom(...leefgebiedenUsed), { maxLength: 2 }),
      hulpvraag: fc.uniqueArray(fc.constantFrom(...hulpvraagCategories), { maxLength: 2 }),
      doorverwijzing: fc.uniqueArray(fc.constantFrom(...referralKinds), { maxLength: 1 }),
      herkomst: fc.uniqueArray(fc.constantFrom('hoorn_van_afrika', 'midden_oosten'), { maxLength: 2 }),
      aantal: fc.integer({ min: 1, max: 12 }),
    })
    .map(
      (g): InzetRow => ({
        id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        datum: g.datum,
        minuten: g.minuten,
        soort: g.soort,
        gemeente: g.gemeente,
        partnerId: g.withPartner ? partner : null,
        projectId: g.withProject ? project : null,
        bereik: g.bereik,
        personIds: g.personIdx.map((p) => people[p] as string),
        tags: [
          ...g.rollen.map((waarde) => ({ kind: 'rol', waarde })),
          ...g.leefgebieden.map((waarde) => ({ kind: 'leefgebied', waarde })),
          ...g.hulpvraag.map((waarde) => ({ kind: 'hulpvraag', waarde })),
          ...g.doorverwijzing.map((waarde) => ({ kind: 'doorverwijzing', waarde })),
        ],
        reach: g.herkomst.map((waarde) => ({ dimensie: 'herkomst', waarde, aantal: g.aantal })),
      }),
    );
const inzetList = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => inzetArb(i))));

type Scope = CallInput<'verantwoording.report'>['scope'];
const scopeArb: fc.Arbitrary<() => Scope> = fc.constantFrom(
  () => ({ soort: 'organisatie' }),
  () => ({ soort: 'gemeente', gemeente: 'Doetinchem' }),
  () => ({ soort: 'partner', id: partner }),
  () => ({ soort: 'project', id: project }),
);
const inScope = (r: InzetRow, s: Scope) =>
  s.soort === 'organisatie' ||
  (s.soort === 'gemeente' && r.gemeente === s.gemeente) ||
  (s.soort === 'partner' && r.partnerId === s.id) ||
  (s.soort === 'project' && r.projectId === s.id);

describe('verantwoording.report', () => {
  it('totals equal the sums of the generated inzet in the period and scope', async () => {
    await fc.assert(
      fc.asyncProperty(inzetList, day, day, scopeArb, async (rows, a, b, makeScope) => {
        const [van, tot] = a <= b ? [a, b] : [b, a];
        const scope = makeScope();
        await clearInzet(db());
        await insertInzetRows(db(), rows);
        const report = await h.ok('projectleider', 'verantwoording.report', { van, tot, scope });
        const mine = rows.filter((r) => r.datum >= van && r.datum <= tot && inScope(r, scope));
        const sum = (f: (r: InzetRow) => number) => mine.reduce((s, r) => s + f(r), 0);
        const tagged = (kind: string, waarde: string) =>
          mine.filter((r) => r.tags.some((t) => t.kind === kind && t.waarde === waarde));

        expect(headline(report, 'Activiteiten')).toBe(mine.length);
        expect(headline(report, 'Uren inzet')).toBe(sum((r) => r.minuten));
        expect(headline(report, 'Mensen bereikt')).toBe(sum((r) => r.bereik[0] + r.bereik[1]));
        expect(value(report, 'bereik', 'Professionals')).toBe(sum((r) => r.bereik[3]));
        expect(value(report, 'bereik', 'waarvan statushouders')).toBe(sum((r) => r.bereik[2]));
        expect(headline(report, 'Actieve sleutelpersonen')).toBe(
          new Set(mine.flatMap((r) => r.personIds)).size,
        );
        for (const t of ['inzetSoort', 'inzetMaand', 'inzetRol', 'inzetLeefgebied'] as const) {
          const rowsOf = table(report, t).rows;
          expect(
            rowsOf.reduce((s, r) => s + Number(r.values[0]), 0),
            t,
          ).toBe(
            t === 'inzetSoort' || t === 'inzetMaand'
              ? mine.length
              : mine.reduce(
                  (s, r) =>
                    s + r.tags.filter((x) => x.kind === (t === 'inzetRol' ? 'rol' : 'leefgebied')).length,
                  0,
                ),
          );
        }
        expect(value(report, 'inzetRol', 'Voorlichter', 1)).toBe(
          tagged('rol', 'voorlichter').reduce((s, r) => s + r.minuten, 0),
        );
        expect(value(report, 'hulpvraag', 'Wonen')).toBe(tagged('hulpvraag', 'wonen').length);
        expect(value(report, 'doorverwijzing', 'Huisarts')).toBe(tagged('doorverwijzing', 'huisarts').length);
        const regio = sum((r) =>
          r.reach.filter((x) => x.waarde === 'midden_oosten').reduce((s, x) => s + x.aantal, 0),
        );
        expect(value(report, 'bereikHerkomst', 'Midden-Oosten') ?? 0).toBe(regio);
      }),
      { numRuns: 40 },
    );
  });

  it('shows exact small figures to the projectleider and "< 5" to the begeleider', async () => {
    await clearInzet(db());
    const base = {
      soort: 'huisbezoek',
      gemeente: 'Doetinchem',
      partnerId: null,
      projectId: project,
      reach: [],
    };
    await insertInzetRows(db(), [
      {
        ...base,
        id: '01900000-0000-7000-8000-00000000aaa1',
        datum: '2026-02-03',
        minuten: 90,
        bereik: [3, 2, 3, 0],
        personIds: [people[0] as string],
        tags: [{ kind: 'hulpvraag', waarde: 'wonen' }],
      },
      {
        ...base,
        id: '01900000-0000-7000-8000-00000000aaa2',
        datum: '2026-03-10',
        minuten: 60,
        bereik: [7, 0, 0, 1],
        personIds: [people[1] as string],
        tags: [],
      },
    ]);
    const input = { van: '2026-01-01', tot: '2026-03-31', scope: { soort: 'organisatie' as const } };
    const exact = await h.ok('projectleider', 'verantwoording.report', input);
    expect(value(exact, 'bereik', 'Kinderen')).toBe(2);
    expect(value(exact, 'hulpvraag', 'Wonen')).toBe(1);
    const masked = await h.ok('begeleider', 'verantwoording.report', input);
    expect(masked.masked).toBe(true);
    expect(value(masked, 'bereik', 'Volwassenen')).toBe(10);
    expect(value(masked, 'bereik', 'Kinderen')).toBe(maskedCount);
    expect(value(masked, 'hulpvraag', 'Wonen')).toBe(maskedCount);
    expect(headline(masked, 'Actieve sleutelpersonen')).toBe(maskedCount);
    // Activities and hours are no count of people: they stay exact.
    expect(headline(masked, 'Activiteiten')).toBe(2);
    expect(value(masked, 'inzetSoort', 'Huisbezoek', 1)).toBe(150);
  });

  it('refuses the administrateur, and a scope that does not exist, in Dutch', async () => {
    const input = { van: '2026-01-01', tot: '2026-03-31', scope: { soort: 'organisatie' as const } };
    for (const call of ['verantwoording.report', 'verantwoording.pdf', 'verantwoording.xlsx'] as const) {
      const r = await h.call('administrateur', call, input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    const unknown = await h.call('projectleider', 'verantwoording.report', {
      ...input,
      scope: { soort: 'project', id: '01900000-0000-7000-8000-0000000000ff' },
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/project bestaat niet/);
    const backwards = await h.call('projectleider', 'verantwoording.report', { ...input, tot: '2025-12-31' });
    expect(!backwards.ok && backwards.error.message).toMatch(/einddatum ligt voor de begindatum/);
  });
});

describe('requests and costs', () => {
  it('counts requests by status with median and mean response times, and paid costs against the budget', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const request = (
      id: string,
      ontvangen: string,
      gematcht: string | null,
      uitgevoerd: string | null,
      status: string,
    ) => ({
      id,
      partner_id: partner,
      project_id: project,
      ontvangen_op: ontvangen,
      gewenst_van: null,
      gewenst_tot: null,
      plaats: null,
      gemeente: 'Doetinchem',
      voorkeur_gender: null,
      voorkeur_herkomst: null,
      soort_hulp: 'huisbezoek',
      verwachte_minuten: null,
      omschrijving: 'Uitleg over de brief van de gemeente',
      status,
      reden_niet_uitvoerbaar: null,
      gematcht_op: gematcht,
      uitgevoerd_op: uitgevoerd,
      afgesloten_op: null,
      account_id: null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await db()
      .insertInto('requests')
      .values([
        request(
          '01900000-0000-7000-8000-00000000c001',
          '2026-04-01',
          '2026-04-03T10:00:00.000Z',
          '2026-04-10T10:00:00.000Z',
          'uitgevoerd',
        ),
        request(
          '01900000-0000-7000-8000-00000000c002',
          '2026-04-02',
          '2026-04-03T10:00:00.000Z',
          null,
          'gematcht',
        ),
        request(
          '01900000-0000-7000-8000-00000000c003',
          '2026-04-05',
          '2026-04-13T10:00:00.000Z',
          null,
          'gematcht',
        ),
        request('01900000-0000-7000-8000-00000000c004', '2026-05-05', null, null, 'nieuw'),
        request('01900000-0000-7000-8000-00000000c005', '2026-07-05', null, null, 'nieuw'),
      ])
      .execute();
    const claim = (
      id: string,
      soort: string,
      cents: number,
      status: string,
      projectId: string | null,
      datum = '2026-05-10',
    ) => ({
      id,
      person_id: people[0] as string,
      contract_id: null,
      soort,
      datum,
      omschrijving: 'Vergoeding',
      van: null,
      naar: null,
      km: null,
      minuten: null,
      bedrag_cents: cents,
      origineel: null,
      status,
      reden_afwijzing: null,
      batch_id: null,
      account_id: null,
      beoordeeld_door: null,
      beoordeeld_op: null,
      project_id: projectId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await db()
      .insertInto('claims')
      .values([
        claim('01900000-0000-7000-8000-00000000d001', 'uren', 4000, 'betaald', project),
        claim('01900000-0000-7000-8000-00000000d002', 'km', 1150, 'goedgekeurd', project),
        claim('01900000-0000-7000-8000-00000000d003', 'uren', 9999, 'ingediend', project),
        claim('01900000-0000-7000-8000-00000000d004', 'uren', 7777, 'betaald', null),
        claim('01900000-0000-7000-8000-00000000d005', 'activiteit', 2500, 'betaald', project, '2026-02-01'),
      ])
      .execute();
    const r = await h.ok('projectleider', 'verantwoording.report', {
      van: '2026-04-01',
      tot: '2026-06-30',
      scope: { soort: 'project', id: project },
    });
    expect(value(r, 'aanvragen', 'Ontvangen in de periode')).toBe(4);
    expect(value(r, 'aanvragen', 'waarvan nu gematcht')).toBe(2);
    expect(value(r, 'aanvragen', 'Uitgevoerd in de periode')).toBe(1);
    // Received to matched: 2, 1 and 8 days; matched to done: 7 days.
    expect(table(r, 'reactietijden').rows[0]?.values).toEqual([2, 3.7, 3]);
    expect(table(r, 'reactietijden').rows[1]?.values).toEqual([7, 7, 1]);
    expect(value(r, 'kosten', 'Totaal vergoedingen', 1)).toBe(4000);
    expect(value(r, 'kosten', 'Totaal onkosten', 1)).toBe(1150);
    expect(value(r, 'kosten', 'Totaal')).toBe(2);
    expect(headline(r, 'Vergoedingen en kosten')).toBe(5150);
    expect(value(r, 'budget', 'Besteed sinds de start t/m het einde van de periode')).toBe(7650);
    expect(value(r, 'budget', 'Nog over van het budget')).toBe(500_000 - 7650);
    const all = await h.ok('projectleider', 'verantwoording.report', {
      van: '2026-04-01',
      tot: '2026-06-30',
      scope: { soort: 'organisatie' },
    });
    expect(headline(all, 'Vergoedingen en kosten')).toBe(5150 + 7777);
    expect(all.tables.some((t) => t.key === 'budget')).toBe(false);
  });
});

describe('masking small counts', () => {
  it('masks 1 to 4, keeps 0 and 5 and up', () => {
    expect([0, 1, 2, 3, 4, 5, 12].map(maskCount)).toEqual([0, '< 5', '< 5', '< 5', '< 5', 5, 12]);
  });
  it('masks only columns that count people', () => {
    const report: VerantwoordingReport = {
      van: '2026-01-01',
      tot: '2026-01-31',
      scope: { soort: 'organisatie' },
      scopeNaam: 'Hele organisatie',
      masked: false,
      kerncijfers: [{ label: 'Activiteiten', value: 3, format: 'aantal' }],
      tables: [
        {
          key: 'bereik',
          title: 't',
          labelTitle: 'l',
          columns: [
            { title: 'Mensen', format: 'aantal', people: true },
            { title: 'Activiteiten', format: 'aantal', people: false },
          ],
          rows: [{ label: 'a', values: [2, 2] }],
        },
      ],
    };
    const masked = maskSmallCounts(report);
    expect(masked.tables[0]?.rows[0]?.values).toEqual(['< 5', 2]);
    expect(masked.kerncijfers[0]?.value).toBe(3);
  });
});

describe('published files', () => {
  const input = { van: '2026-01-01', tot: '2026-03-31', scope: { soort: 'project' as const, id: '' } };
  let masked: VerantwoordingReport;

  beforeAll(async () => {
    input.scope.id = project;
    await clearInzet(db());
    const rows: InzetRow[] = Array.from({ length: 24 }, (_, i) => ({
      id: `01900000-0000-7000-8000-00000000b${String(i).padStart(3, '0')}`,
      datum: `2026-0${1 + (i % 3)}-${String(3 + i).padStart(2, '0')}`,
      minuten: 60 + 15 * (i % 4),
      soort: activityKinds[i % 4] as string,
      gemeente: 'Doetinchem',
      partnerId: partner,
      projectId: project,
      bereik: [i % 2 ? 6 : 0, i === 5 ? 3 : 0, 1, 0],
      personIds: [people[i % 3] as string],
      tags: [
        { kind: 'rol', waarde: rollen[i % 3] as string },
        { kind: 'leefgebied', waarde: leefgebiedenUsed[i % 2] as string },
        { kind: 'hulpvraag', waarde: i < 20 ? 'gezondheidszorg' : 'schulden' },
        ...(i % 6 === 0 ? [{ kind: 'doorverwijzing', waarde: 'huisarts' }] : []),
      ],
      reach: [{ dimensie: 'herkomst', waarde: i % 2 ? 'hoorn_van_afrika' : 'midden_oosten', aantal: 2 }],
    }));
    await insertInzetRows(db(), rows);
    masked = await h.ok('begeleider', 'verantwoording.report', input);
  });

  it('the XLSX holds a sheet per table with the report figures, "< 5" applied', async () => {
    const file = await h.ok('projectleider', 'verantwoording.xlsx', input);
    expect(file.fileName).toBe('verantwoording-2026-01-01-tot-2026-03-31.xlsx');
    const bytes = Buffer.from(file.base64, 'base64');
    const workbook = await readXlsxFile(bytes);
    const sheets = new Map(workbook.map((w) => [w.sheet, w.data]));
    expect(workbook.map((w) => w.sheet)).toEqual(['Kerncijfers', ...masked.tables.map((t) => sheetName(t))]);
    for (const t of masked.tables) {
      const sheet = sheets.get(sheetName(t)) ?? [];
      expect(sheet.length, t.key).toBe(t.rows.length + 1);
      t.rows.forEach((row, i) => {
        const read = sheet[i + 1] ?? [];
        expect(read[0]).toBe(row.label);
        row.values.forEach((v, c) => {
          const format = t.columns[c]?.format;
          const want =
            v === maskedCount
              ? v
              : format === 'cents'
                ? v / 100
                : format === 'minuten'
                  ? Math.round((v / 60) * 10) / 10
                  : format === 'dagen'
                    ? Math.round(v * 10) / 10
                    : v;
          expect(read[c + 1], `${t.key} ${row.label}`).toBe(want);
        });
      });
    }
    const kinderen = (sheets.get('Mensen bereikt') ?? []).find((r) => r[0] === 'Kinderen');
    expect(kinderen?.[1]).toBe('< 5');
  });

  it('the PDF has the period and scope in its title, the figures, "< 5", and six charts', async () => {
    const file = await h.ok('begeleider', 'verantwoording.pdf', input);
    const out = path.join(h.dir, file.fileName);
    fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    if (process.env.VERANTWOORDING_PDF_OUT) fs.copyFileSync(out, process.env.VERANTWOORDING_PDF_OUT);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Verantwoording');
    expect(flat).toContain('Project Samen Gezond · 1 januari 2026 t/m 31 maart 2026');
    for (const chart of [
      'Activiteiten naar soort',
      'Activiteiten per maand',
      'Activiteiten naar leefgebied',
      'Hulpvragen',
      'Doorverwijzingen',
    ])
      expect(flat).toContain(chart);
    // pdftotext closes up the space in "< 5" in a right-aligned cell; the page shows it (looked at).
    expect(text).toMatch(/Kinderen\s+<\s?5/);
    expect(text).toMatch(/Volwassenen\s+72/);
    expect(text).toMatch(/Gezondheidszorg\s+20/);
    expect(text).toMatch(/Budget van het project\s+€ 5\.000,00/);
    expect(flat).not.toMatch(/Kinderen 3\b/);
    if (process.env.VERANTWOORDING_PDF_OUT) fs.copyFileSync(out, process.env.VERANTWOORDING_PDF_OUT);
  });
});
