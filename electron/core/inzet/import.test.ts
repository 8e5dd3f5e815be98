import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { inzetImportColumns, inzetImportTemplate } from '../../../shared/inzet.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

let h: Harness;
let team: Awaited<ReturnType<Harness['withTeam']>>;

async function person(voornaam: string, begeleiderId: string | null) {
  return (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam,
        achternaam: 'Yusuf',
        email: `${voornaam.toLowerCase()}@example.org`,
        status: 'actief',
        statusDatum: '2026-01-01',
        begeleiderId,
      }),
    )
  ).id;
}

const header = inzetImportColumns.join(';');
const good = [
  header,
  '03-11-2026;90;Amina Yusuf;Huisbezoek;GGD Utrecht;;Utrecht;voorlichter, verbinder;gezondheid;2;3;2;0;Gezondheidszorg;vraag over inentingen;Huisarts;afspraak gemaakt',
  '10-11-2026;1:30;amina@example.org, Samir Yusuf;groepsvoorlichting;;;Zeist;voorlichter;;12;0;8;1;Opvoeding, Onderwijs;;;',
];
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const count = (table: string) =>
  (h.core.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

let amina: string;

beforeEach(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  team = await h.withTeam();
  amina = await person('Amina', team.ids.begeleider);
  await person('Samir', team.ids.begeleider);
  const c = await h.ok('projectleider', 'contracts.create', volunteerContract(amina));
  await h.ok('projectleider', 'contracts.finalize', { id: c.id, version: 1 });
  await h.ok('projectleider', 'ketenpartners.save', {
    naam: 'GGD Utrecht',
    soort: 'ggd',
    contactpersoon: null,
    telefoon: null,
    email: null,
    gemeente: 'Utrecht',
  });
});
afterEach(() => h.close());

describe('inzet import', () => {
  it('reads a month from CSV, people by name or e-mail, and prepares the claims as for typed inzet', async () => {
    expect(await h.ok('begeleider', 'inzet.import', { base64: base64(good.join('\r\n')) })).toEqual({
      count: 2,
    });
    const page = await h.ok('projectleider', 'inzet.list', {});
    expect(
      page.rows.map((r) => [r.datum, r.minuten, r.personen.map((p) => p.naam), r.partnerNaam, r.bereik]),
    ).toEqual([
      ['2026-11-10', 90, ['Amina Yusuf', 'Samir Yusuf'], null, 12],
      ['2026-11-03', 90, ['Amina Yusuf'], 'GGD Utrecht', 5],
    ]);
    const first = await h.ok('projectleider', 'inzet.get', { id: page.rows[1]?.id ?? '' });
    expect(first).toMatchObject({
      soort: 'huisbezoek',
      rollen: ['verbinder', 'voorlichter'],
      inhoud: {
        hulpvraag: ['gezondheidszorg'],
        doorverwijzing: ['huisarts'],
        hulpvraagNotitie: 'vraag over inentingen',
      },
    });
    // Amina is paid per hour (€ 5): two claims of 1,5 hours; Samir has no contract.
    const claims = (await h.ok('administrateur', 'claims.list', {})).rows;
    expect(claims.map((c) => [c.personId, c.soort, c.bedragCents])).toEqual([
      [amina, 'uren', 7_50],
      [amina, 'uren', 7_50],
    ]);
  });

  it('refuses the whole file for one bad row, naming the row and the field in Dutch', async () => {
    const cases: [string, string][] = [
      [
        '12-11-2026;60;Amina Yusuf;huisbezoek;;;;;;2;0;3;0;;;;',
        'Regel 4: Waarvan statushouders: meer dan het aantal bereikte mensen (2). Er is niets ingelezen.',
      ],
      [
        '12-11-2026;60;Nobody Here;huisbezoek;;;;;;1;0;0;0;;;;',
        "Regel 4: Sleutelpersonen: geen sleutelpersoon 'Nobody Here' gevonden (naam of e-mailadres). Er is niets ingelezen.",
      ],
      [
        '12-11-2026;een uur;Amina Yusuf;huisbezoek;;;;;;1;0;0;0;;;;',
        "Regel 4: Duur: 'een uur' is geen duur (minuten, of uren als 1:30). Er is niets ingelezen.",
      ],
      [
        '12-11-2026;60;Amina Yusuf;koffie;;;;;;1;0;0;0;;;;',
        "Regel 4: Soort: 'koffie' is geen bekende soort activiteit. Er is niets ingelezen.",
      ],
      [
        '12-11-2026;60;Amina Yusuf;huisbezoek;;;;tolk;;1;0;0;0;;;;',
        "Regel 4: Rollen: 'tolk' is onbekend. Er is niets ingelezen.",
      ],
      [
        '31-11-2026;60;Amina Yusuf;huisbezoek;;;;;;1;0;0;0;;;;',
        'Regel 4: Datum: vul een datum in als dd-mm-jjjj. Er is niets ingelezen.',
      ],
    ];
    for (const [row, message] of cases) {
      const r = await h.call('begeleider', 'inzet.import', { base64: base64([...good, row].join('\n')) });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    }
    expect(count('inzet')).toBe(0);
    expect(count('claims')).toBe(0);
    const noColumns = await h.call('begeleider', 'inzet.import', {
      base64: base64('datum;duur\n01-11-2026;60'),
    });
    expect(noColumns).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('kolommen ontbreken: sleutelpersonen, soort') },
    });
  });

  it("refuses a begeleider's file with someone they do not guide, naming the row", async () => {
    await person('Rahaf', team.ids.projectleider);
    const r = await h.call('begeleider', 'inzet.import', {
      base64: base64([...good, '12-11-2026;60;Rahaf Yusuf;huisbezoek;;;;;;1;0;0;0;;;;'].join('\n')),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Regel 4: Je legt alleen inzet vast/) },
    });
    expect(count('inzet')).toBe(0);
  });

  it('reads the same month from XLSX, dates as Excel keeps them, and refuses a bad XLSX row alike', async () => {
    const rows = good.map((line) => line.split(';'));
    const sheet = (extra: string[][] = []) =>
      writeXlsxFile(
        [...rows, ...extra].map((r, i) =>
          r.map((value, col) =>
            i > 0 && col === 0
              ? {
                  type: Date,
                  value: new Date(`${value.split('-').reverse().join('-')}T00:00:00Z`),
                  format: 'dd-mm-yyyy',
                }
              : i > 0 && col === 1 && /^\d+$/.test(value)
                ? { type: Number, value: Number(value) }
                : { value },
          ),
        ),
      ).toBuffer();
    const bad = await h.call('projectleider', 'inzet.import', {
      base64: (
        await sheet([
          ['12-11-2026', '60', 'Amina Yusuf', 'huisbezoek', '', '', '', '', '', '1', '0', '0', '4'],
        ])
      ).toString('base64'),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        message:
          'Regel 4: Waarvan professionals: meer dan het aantal bereikte mensen (1). Er is niets ingelezen.',
      },
    });
    expect(count('inzet')).toBe(0);
    expect(
      await h.ok('projectleider', 'inzet.import', { base64: (await sheet()).toString('base64') }),
    ).toEqual({ count: 2 });
    expect((await h.ok('projectleider', 'inzet.list', {})).rows.map((r) => r.datum)).toEqual([
      '2026-11-10',
      '2026-11-03',
    ]);
  });

  it('offers a template whose header the import reads', () => {
    const [first] = inzetImportTemplate().split('\r\n');
    expect(first).toBe(header);
  });
});
