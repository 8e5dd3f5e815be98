import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FullPeople,
  fullPeople,
  intervisie,
  madeOn,
  other,
  personal,
} from '../../../test/support/full-person.ts';
import { type Harness, harness } from '../../../test/support/harness.ts';
import { inzageParts } from '../calls.ts';
import type { DB } from '../store/schema.ts';
import { inzageCoverage as coverageOf, type InzageData } from './inzage-export.ts';

const inzageCoverage = coverageOf(inzageParts);

let h: Harness;
let people: FullPeople;

beforeEach(async () => {
  h = await harness(madeOn);
  people = await fullPeople(h);
});
afterEach(() => h.close());

type Sqlite = Harness['core']['store']['sqlite'];

/** Every table of the store, with the tables its foreign keys point at. */
function foreignKeys(sqlite: Sqlite) {
  const tables = (
    sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return new Map(
    tables.map((t) => [
      t,
      (
        sqlite.prepare(`select "table", "from", "to" from pragma_foreign_key_list(?)`).all(t) as {
          table: string;
          from: string;
          to: string;
        }[]
      ).map((fk) => ({ column: fk.from, table: fk.table, to: fk.to })),
    ]),
  );
}

/** Per table, the ids of the rows that belong to a person: reached from persons.id through foreign keys. */
function rowsOf(sqlite: Sqlite, personId: string): Map<string, Set<string>> {
  const fks = foreignKeys(sqlite);
  const owned = new Map<string, Set<string>>([['persons', new Set([personId])]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [table, keys] of fks) {
      if (table === 'persons') continue;
      for (const fk of keys) {
        const parents = owned.get(fk.table);
        if (!parents || parents.size === 0 || fk.to !== 'id') continue;
        const ids = sqlite
          .prepare(
            `select id from "${table}" where "${fk.column}" in (${[...parents].map(() => '?').join(',')})`,
          )
          .all(...parents) as { id: string }[];
        const set = owned.get(table) ?? new Set<string>();
        for (const { id } of ids) {
          if (!set.has(id)) {
            set.add(id);
            grew = true;
          }
        }
        owned.set(table, set);
      }
    }
  }
  return owned;
}

async function inzage(client = 'projectleider', id = people.zerihun) {
  const files = await h.ok(client, 'avg.inzage', { id });
  const json = Buffer.from(files.json.base64, 'base64').toString('utf8');
  return { files, json, data: JSON.parse(json) as InzageData };
}

describe('inzage export', () => {
  it('names every table of the store, and covers every table that references a person', () => {
    const fks = foreignKeys(h.core.store.sqlite);
    expect([...fks.keys()].sort()).toEqual(Object.keys(inzageCoverage).sort());
    // Tables that point at persons, directly or through tables that do.
    const reaching = new Set(['persons']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [table, keys] of fks) {
        if (!reaching.has(table) && keys.some((k) => reaching.has(k.table))) {
          reaching.add(table);
          grew = true;
        }
      }
    }
    const uncovered = [...reaching].filter((t) => inzageCoverage[t as keyof DB]?.dekking !== 'persoon');
    expect(uncovered).toEqual([]);
    // Person ids kept without a foreign key: attendance lists, the audit log, batches found through claims or IBAN.
    for (const t of ['intervisie_sessions', 'audit_log', 'payout_batches', 'settings'] as const)
      expect(inzageCoverage[t]?.dekking).toBe('persoon');
  });

  it('holds every row that belongs to the person, and nothing of anyone else', async () => {
    const { json, data } = await inzage();
    const sqlite = h.core.store.sqlite;
    const mine = rowsOf(sqlite, people.zerihun);
    const theirs = rowsOf(sqlite, people.rahaf);
    // Every table that reaches the person holds data in this fixture, and all of it is in the export.
    const reaching = [...mine.keys()].filter((t) => t !== 'retention_removals');
    for (const table of reaching) expect(mine.get(table)?.size, `rows of ${table}`).toBeGreaterThan(0);
    const missing = reaching.flatMap((t) =>
      [...(mine.get(t) ?? [])].filter((id) => !json.includes(id)).map((id) => `${t} ${id}`),
    );
    expect(missing).toEqual([]);
    const leaked = [...theirs].flatMap(([t, ids]) =>
      [...ids].filter((id) => json.includes(id)).map((id) => `${t} ${id}`),
    );
    expect(leaked).toEqual([]);
    const audit = sqlite
      .prepare(
        `select id, call, record_type from audit_log where record_id in (${[...mine.values()]
          .flatMap((s) => [...s])
          .map(() => '?')
          .join(',')})`,
      )
      .all(...[...mine.values()].flatMap((s) => [...s])) as { id: string; call: string }[];
    expect(audit.length).toBeGreaterThan(10);
    // All but the entry of this very export, written when it was done.
    expect(audit.filter((a) => !json.includes(a.id)).map((a) => a.call)).toEqual(['avg.inzage']);
    expect(data.intervisie.bijeenkomsten).toHaveLength(1);
    // His inzet: the activity, without the other sleutelpersoon or what the newcomers asked.
    expect(data.inzet).toEqual([
      expect.objectContaining({
        datum: '2023-12-15',
        minuten: 120,
        soort: 'Groepsvoorlichting',
        declaratie: null,
      }),
    ]);
    expect(json).not.toContain('Inzet-vraag over de huisarts');
    // The paid batch through his claims, and the cancelled one through his IBAN in its payment file: the claims
    // went back to approved and no longer point at it.
    const transfer = {
      naam: 'Zerihun Tesfamariam',
      iban: personal.iban,
      bedrag: { centen: 17_75, weergave: '€ 17,75' },
    };
    expect(data.uitbetalingen).toEqual([
      expect.objectContaining({
        betaalbatch: 'B2024-0001',
        status: 'Geannuleerd',
        declaraties: 0,
        bedrag: { centen: 25 * 21 + 12_50, weergave: '€ 17,75' },
        inBetaalbestand: [transfer],
      }),
      expect.objectContaining({
        betaalbatch: 'B2024-0002',
        status: 'Betaald',
        declaraties: 2,
        bedrag: { centen: 25 * 21 + 12_50, weergave: '€ 17,75' },
        inBetaalbestand: [transfer],
      }),
    ]);
    // His entry copied from the intervisie session keeps its first line; the summary is about everyone there.
    expect(json).not.toContain(intervisie.overRahaf);
    expect(data.begeleidingslog.find((e) => e.intervisiebijeenkomst !== null)).toMatchObject({
      soort: 'Intervisie',
      samenvatting: 'Intervisie Intervisie Oost: Grenzen bewaken',
      weggelaten: 'De samenvatting van de bijeenkomst is weggelaten: die gaat ook over de andere deelnemers.',
    });

    // File contents are named, not copied: a copy of a receipt or a certificate is asked for separately.
    for (const text of Object.values(personal).filter(
      (t) => t !== personal.bon && t !== personal.certificaat,
    ))
      expect(json).toContain(text);
    for (const text of Object.values(other)) expect(json).not.toContain(text);
    expect(data.overzicht.verwerkingsverantwoordelijke).toEqual({
      naam: 'Welzijn Oost',
      adres: 'Stationsplein 1, 3511 ED Utrecht',
      kvkNummer: '12345678',
    });
    // The vertrouwelijk entry is there, marked as such; amounts are integer cents with their written form.
    expect(data.begeleidingslog.find((e) => e.samenvatting === personal.vertrouwelijk)?.vertrouwelijk).toBe(
      true,
    );
    expect(data.declaraties.find((c) => c.omschrijving === personal.onkosten)).toMatchObject({
      bedrag: { centen: 12_50, weergave: '€ 12,50' },
      bonnen: [{ bestand: 'bon-1.pdf', soort: 'application/pdf' }],
    });
    expect(data.declaraties.find((c) => c.omschrijving === personal.rit)?.eerstIngevoerd).toMatchObject({
      soort: 'Reiskosten auto of fiets',
      omschrijving: 'Eerst-ingevoerd',
      km: 20,
      bedrag: { centen: 4_20, weergave: '€ 4,20' },
    });
    // The log speaks Dutch: the summary says what happened, fields by their labels, codes in words.
    expect(json).not.toMatch(/persons\.update|"handeling"|"veld": "(vertrouwelijk|leerdoelen|bedragCents)"/);
    const logged = (summary: string) => data.logboek.find((a) => a.samenvatting.startsWith(summary));
    expect(logged('Ontwikkelingsgesprek vastgelegd')?.wijzigingen).toEqual(
      expect.arrayContaining([
        { veld: 'Soort', voor: null, na: 'Ontwikkelingsgesprek' },
        { veld: 'Leerdoelen', voor: null, na: expect.any(Number) },
        { veld: 'Vertrouwelijk', voor: null, na: expect.any(Boolean) },
      ]),
    );
    expect(logged('Declaratie ingediend: € 12,50')?.wijzigingen).toEqual(
      expect.arrayContaining([
        { veld: 'Soort', voor: null, na: 'Onkosten' },
        { veld: 'Bedrag', voor: null, na: { centen: 12_50, weergave: '€ 12,50' } },
      ]),
    );
    expect(logged('Status gestopt')?.wijzigingen).toContainEqual({
      veld: 'Status',
      voor: 'Actief',
      na: 'Gestopt',
    });
    expect(data.contracten[0]?.voorwaarden.vergoeding).toEqual({ centen: 5_00, weergave: '€ 5,00' });
    expect(data.contracten[0]?.bewaardePdf?.bytes).toBeGreaterThan(1000);
    expect(data.pop?.versies.map((v) => v.versie)).toEqual([1, 2]);
    expect(data.pop?.voortgang[0]?.notitie).toBe(personal.voortgang);
    expect(data.persoon.geboortedatum).toBe(personal.geboortedatum);
  });

  it('is a readable PDF on the letterhead, with every part and page numbers', async () => {
    // Half past midnight in the Netherlands on 2 March, still 1 March in UTC.
    h.setNow('2024-03-01T23:30:00.000Z');
    const { files } = await inzage();
    expect(files.pdf.fileName).toBe('inzage-zerihun-tesfamariam-2024-03-02.pdf');
    expect(files.json.fileName).toBe('inzage-zerihun-tesfamariam-2024-03-02.json');
    const file = path.join(h.dir, files.pdf.fileName);
    fs.writeFileSync(file, Buffer.from(files.pdf.base64, 'base64'));
    if (process.env.SCHAKEL_KEEP_PDF) fs.copyFileSync(file, process.env.SCHAKEL_KEEP_PDF);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const expected of [
      'Overzicht van gegevens (inzageverzoek)',
      'Zerihun Tesfamariam',
      'Welzijn Oost',
      'KvK 12345678',
      'Verwerkingsverantwoordelijke',
      'Persoonsgegevens',
      '23 september 1979',
      'NL44 RABO 0123 4567 89',
      'Vrijwilligersovereenkomst 2024-0001',
      'Persoonlijk ontwikkelingsplan (POP)',
      personal.ambitie,
      'VERTROUWELIJK',
      personal.vertrouwelijk,
      'Intervisie Oost',
      personal.rit,
      '€ 12,50',
      'bon-1.pdf',
      'Betaalbatch B2024-0001',
      'Betaalbatch B2024-0002',
      'In het betaalbestand: € 17,75 aan Zerihun Tesfamariam',
      'Wijzigingen (logboek)',
      'Vertrouwelijk: ja',
      'Leerdoelen: 1',
      'Soort: Reiskosten auto of fiets',
      'Bedrag: € 4,20',
      'Inzageverzoek Zerihun Tesfamariam · 2 maart 2024',
      'pagina 1 van',
    ]) {
      expect(text).toContain(expected);
    }
    for (const raw of ['bedrag:', 'vertrouwelijk:', 'leerdoelen:', 'Soort: km', 'Soort: onkosten'])
      expect(text).not.toContain(raw);
    for (const text2 of [...Object.values(other), intervisie.overRahaf]) expect(text).not.toContain(text2);
  });

  it('is recorded in the audit log: who exported whose data and when, without the data', async () => {
    await inzage();
    const rows = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('call', '=', 'avg.inzage')
      .execute();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      record_type: 'person',
      record_id: people.zerihun,
      account_id: people.ids.projectleider,
      at: madeOn,
      summary: 'Inzage-export gemaakt (PDF en JSON)',
    });
    const stored = `${row?.summary} ${row?.changes} ${row?.input}`;
    for (const text of Object.values(personal)) expect(stored).not.toContain(text);
    expect(JSON.parse(row?.changes ?? '[]')).toContainEqual({
      field: 'vertrouwelijkeVerslagen',
      before: null,
      after: 1,
    });
    // A second export lists the first one among the person's changes.
    const { data } = await inzage();
    expect(data.logboek.some((a) => a.samenvatting === 'Inzage-export gemaakt (PDF en JSON)')).toBe(true);
  });

  it('is made by a projectleider only: the beheerder flag on another role does not reach it', async () => {
    // 'beheer' is an administrateur with the beheerder flag: the export would show them vertrouwelijke verslagen.
    for (const client of ['begeleider', 'administrateur', 'beheer']) {
      const r = await h.call(client, 'avg.inzage', { id: people.zerihun });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await h.call('projectleider', 'avg.inzage', { id: people.zerihun })).ok).toBe(true);
    expect(await h.call('projectleider', 'avg.inzage', { id: 'geen-id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
