import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FullPeople,
  fullPeople,
  intervisie,
  madeOn,
  mention,
  namesake,
  other,
  personal,
} from '../../../test/support/full-person.ts';
import { expectGrantedToAgreeWithClaims } from '../../../test/support/granted.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';

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

const paymentFile = async (id: string) =>
  Buffer.from((await h.ok('administrateur', 'payouts.file', { id })).base64, 'base64').toString('utf8');

/** The audit entries about these records, as stored. */
const auditOf = (recordIds: string[]) =>
  h.core.store.db
    .selectFrom('audit_log')
    .select(['id', 'summary', 'changes', 'input'])
    .where('record_id', 'in', recordIds)
    .orderBy('id')
    .execute();

describe('retention list', () => {
  it('lists a person who stopped more than two years ago, not one who stopped exactly two years ago', async () => {
    h.setNow('2026-03-01T10:00:00.000Z');
    const onTheDay = await h.ok('beheer', 'avg.retention', {});
    expect(onTheDay.grensPersonen).toBe('2024-03-01');
    expect(onTheDay.personen).toEqual([]);
    h.setNow('2026-03-02T10:00:00.000Z');
    const dayAfter = await h.ok('projectleider', 'avg.retention', {});
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

  it('lists financial records of whole boekjaren: from 1 January, seven years after the boekjaar ended', async () => {
    const at = async (iso: string) => {
      h.setNow(iso);
      return h.ok('beheer', 'avg.retention', {});
    };
    // Records of 2024 are kept to the end of 2031.
    const lastDay = await at('2031-12-31T10:00:00.000Z');
    expect(lastDay.grensFinancieel).toBe('2024-01-01');
    expect(lastDay.financieel).toEqual({ jaren: [], betaalbestanden: [] });
    // 23:30 UTC on 31 December is already New Year's Day in the Netherlands.
    for (const iso of ['2031-12-31T23:30:00.000Z', '2032-01-01T10:00:00.000Z']) {
      const newYear = await at(iso);
      expect(newYear.grensFinancieel).toBe('2025-01-01');
      expect(newYear.financieel.jaren).toEqual([
        { jaar: 2024, declaraties: 6, betaaldCents: 25 * 21 + 12_50 + 20 * 21, afgewezen: 3, bonnen: 1 },
      ]);
      expect(newYear.financieel.betaalbestanden).toEqual([
        {
          id: people.cancelledBatchId,
          nummer: 'B2024-0001',
          uitvoerdatum: '2024-03-04',
          totaalCents: 25 * 21 + 12_50 + 20 * 21,
        },
        {
          id: people.batchId,
          nummer: 'B2024-0002',
          uitvoerdatum: '2024-03-05',
          totaalCents: 25 * 21 + 12_50 + 20 * 21,
        },
      ]);
    }
  });

  it('is for the projectleider and the beheerder only', async () => {
    for (const client of ['begeleider', 'administrateur'])
      expect(await h.call(client, 'avg.retention', {})).toMatchObject({
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
      claims: (await h.ok('administrateur', 'claims.list', {})).total,
    };
    expect(findAnywhere(personalStrings).length).toBeGreaterThan(20);

    const cancelledFile = await paymentFile(people.cancelledBatchId);
    expect(cancelledFile).toContain(personal.iban);
    expect(cancelledFile).toContain('<Nm>Zerihun Tesfamariam</Nm>');

    // Rahaf's verslag names him by first name only: not replaced, but counted for the beheerder to read.
    expect(await h.ok('beheer', 'avg.anonymise', { personIds: [people.zerihun] })).toEqual({
      count: 1,
      nakijken: [
        {
          label: 'Verwijderd persoon 2026-0001',
          voornamen: [personal.voornaam, personal.roepnaam],
          vermeldingen: 1,
        },
      ],
    });

    // Nothing personal is left but that mention, in the verslag and in the log's copy of its input.
    expect(mention).toContain(personal.voornaam);
    expect(findAnywhere(personalStrings).sort()).toEqual(
      [
        `audit_log.input: ${personal.voornaam}`,
        `audit_log.input: ${personal.roepnaam}`,
        `log_entries.samenvatting: ${personal.voornaam}`,
        `log_entries.samenvatting: ${personal.roepnaam}`,
      ].sort(),
    );
    expect(findAnywhere([mention]).sort()).toEqual([
      `audit_log.input: ${mention}`,
      `log_entries.samenvatting: ${mention}`,
    ]);
    // Rahaf's data stays as it was.
    expect(findAnywhere(Object.values(other)).length).toBeGreaterThan(8);
    // The session he attended names him by his first name too; there it is his, and it is replaced.
    const sessions = await h.core.store.db.selectFrom('intervisie_sessions').select('samenvatting').execute();
    expect(sessions.map((x) => x.samenvatting)).toEqual([
      'Verwijderd persoon 2026-0001 bracht een casus in. Verwijderd persoon 2026-0001 vertelde over de eerste maanden. Rahaf: Sessie-R-huisvesting.',
    ]);
    expect(intervisie.samenvatting).toContain(`${personal.voornaam} vertelde`);
    // The cancelled batch's file no longer points at him through his claims, and is cleaned all the same.
    for (const id of [people.cancelledBatchId, people.batchId]) {
      const xml = await paymentFile(id);
      expect(xml).toContain('<Nm>Verwijderd persoon 2026-0001</Nm>');
      expect(xml).toContain(`<IBAN>${other.iban}</IBAN>`);
    }
    // Yes/no answers about him (bijstand, permission needed) are gone from the log's changes and inputs too.
    const own = await auditOf([people.zerihun]);
    const answers = own.flatMap((row) =>
      (JSON.parse(row.changes) as { field: string; before: unknown; after: unknown }[])
        .filter((c) => c.field === 'bijstand' || c.field === 'toestemmingNodig')
        .flatMap((c) => [c.before, c.after]),
    );
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((v) => v === null || v === '[verwijderd]')).toBe(true);
    for (const row of own)
      expect(row.input).not.toMatch(/"(bijstand|toestemmingNodig|vertrouwelijk)":(true|false)/);

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
    expect((await h.ok('administrateur', 'claims.list', {})).total).toBe(before.claims);
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
    expect(await h.ok('projectleider', 'begeleiding.pop', { personId: people.zerihun })).toBeNull();
    expect(await h.ok('projectleider', 'begeleiding.log', { personId: people.zerihun })).toEqual([]);
    // Doorgroei goes; what he went on to stays, without its toelichting, so earlier years' counts still add up.
    expect(await h.ok('projectleider', 'doorgroei.get', { personId: people.zerihun })).toMatchObject({
      version: null,
      opleidingen: [],
      nederlands: [],
      werkervaring: [],
      uitstroom: [{ datum: '2024-03-01', vervolg: 'betaald_werk', toelichting: null }],
    });

    // The removal itself is audited, with counts only; the list of removals says so too.
    const entry = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('call', '=', 'avg.anonymise')
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
      opleidingen: 1,
      werkervaring: 1,
      betaalbestanden: 2,
      vermeldingen: 1,
      trainingen: 1,
      certificaten: 1,
    });
    expect(counts.logboekregels).toBeGreaterThan(15);
    const list = await h.ok('beheer', 'avg.retention', {});
    expect(list.personen).toEqual([]);
    expect(list.eerder).toMatchObject([{ soort: 'persoon', label: 'Verwijderd persoon 2026-0001' }]);

    // The export of an anonymised person says what is left, and that it was anonymised.
    const { json } = await h.ok('projectleider', 'avg.inzage', { id: people.zerihun });
    const data = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'));
    expect(data.verwijdering).toMatchObject({ grens: '2024-03-02' });

    const again = await h.call('beheer', 'avg.anonymise', { personIds: [people.zerihun] });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personIds.0' } });
  });

  it('refuses a person still within the two years, or with claims not yet settled, changing nothing', async () => {
    h.setNow('2026-03-01T10:00:00.000Z');
    const early = await h.call('beheer', 'avg.anonymise', { personIds: [people.zerihun] });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personIds.0' } });
    if (!early.ok) expect(early.error.message).toContain('bewaartermijn van twee jaar loopt nog');
    const active = await h.call('beheer', 'avg.anonymise', { personIds: [people.rahaf] });
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
    const [listed] = (await h.ok('beheer', 'avg.retention', {})).personen;
    expect(listed?.blokkade).toBe('1 declaratie is nog niet afgehandeld (betaald of afgewezen)');
    const open = await h.call('beheer', 'avg.anonymise', { personIds: [people.zerihun] });
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
    expect((await h.ok('beheer', 'avg.retention', {})).personen.map((p) => p.naam)).toEqual([
      'Rahaf Haddad',
      'Zeri Tesfamariam',
    ]);
    expect(await h.ok('beheer', 'avg.anonymise', { personIds: [people.zerihun, people.rahaf] })).toEqual({
      count: 2,
      nakijken: [],
    });
    expect(findAnywhere([...personalStrings, ...Object.values(other)])).toEqual([]);
    const names = await h.ok('projectleider', 'persons.list', {});
    expect(names.rows.map((r) => r.naam).sort()).toEqual([
      'Verwijderd persoon 2026-0001',
      'Verwijderd persoon 2026-0002',
    ]);
    const entries = await h.core.store.db
      .selectFrom('audit_log')
      .select(['record_id', 'summary'])
      .where('call', '=', 'avg.anonymise')
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

  it('leaves a namesake alone: their log entries, their transfers, their first name', async () => {
    h.close();
    h = await harness(madeOn);
    people = await fullPeople(h, { namesake: true });
    const naamgenoot = people.naamgenoot ?? '';
    // Another living person whose whole name holds his: 'Zeri Tesfamariam' stands in 'Zeri Tesfamariam-Gebru'.
    const longer = await h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Zeri', achternaam: 'Tesfamariam-Gebru', email: null, iban: null }),
    );
    const theirs = [
      naamgenoot,
      longer.id,
      ...(await h.ok('projectleider', 'contracts.listForPerson', { personId: naamgenoot })).map((c) => c.id),
      ...(await h.ok('administrateur', 'claims.list', { personId: naamgenoot, pageSize: 1000 })).rows.map(
        (c) => c.id,
      ),
    ];
    const before = await auditOf(theirs);
    expect(before.some((row) => row.summary.includes('Zerihun Tesfamariam'))).toBe(true);
    expect(before.some((row) => row.summary.includes('Zeri Tesfamariam-Gebru'))).toBe(true);
    h.setNow('2026-03-02T10:00:00.000Z');

    const result = await h.ok('beheer', 'avg.anonymise', { personIds: [people.zerihun] });

    // The entries about the namesake's own records are untouched.
    expect(await auditOf(theirs)).toEqual(before);
    expect(await h.ok('projectleider', 'persons.get', { id: naamgenoot })).toMatchObject({
      naam: 'Zerihun Tesfamariam',
      email: namesake.email,
    });
    // In both payment files Zerihun's transfer is found by his IBAN; the namesake's, under the same name, stays.
    for (const id of [people.cancelledBatchId, people.batchId]) {
      const xml = await paymentFile(id);
      expect(xml).toContain('<Nm>Verwijderd persoon 2026-0001</Nm>');
      expect(xml).toMatch(
        /<Nm>Zerihun Tesfamariam<\/Nm>\s*<\/Cdtr>\s*<CdtrAcct>\s*<Id>\s*<IBAN>NL20INGB0001234567<\/IBAN>/,
      );
      expect(xml).not.toContain(personal.iban);
    }
    // The session: his roepnaam with achternaam is his alone and goes; 'Zerihun' is the namesake's first name too.
    const [session] = await h.core.store.db
      .selectFrom('intervisie_sessions')
      .select('samenvatting')
      .execute();
    expect(session?.samenvatting).toBe(
      'Verwijderd persoon 2026-0001 bracht een casus in. Zerihun vertelde over de eerste maanden. Rahaf: Sessie-R-huisvesting.',
    );
    // Left for the beheerder: the session, Rahaf's copy of it, and Rahaf's verslag.
    expect(result.nakijken).toEqual([
      {
        label: 'Verwijderd persoon 2026-0001',
        voornamen: [personal.voornaam, personal.roepnaam],
        vermeldingen: 3,
      },
    ]);
  });

  it('scrubs a contract draft of an older shape than today’s form', async () => {
    const sqlite = h.core.store.sqlite;
    const row = sqlite.prepare('select id, draft from contracts where person_id = ?').get(people.zerihun) as {
      id: string;
      draft: string;
    };
    const { werktelefoon: _w, ...draft } = JSON.parse(row.draft) as Record<string, unknown>;
    const older = { ...draft, taken: ['Taak-Z-tolken'], afspraken: { reiskosten: 'Afspraak-Z-fiets' } };
    sqlite.prepare('update contracts set draft = ? where id = ?').run(JSON.stringify(older), row.id);
    h.setNow('2026-03-02T10:00:00.000Z');

    expect((await h.ok('beheer', 'avg.anonymise', { personIds: [people.zerihun] })).count).toBe(1);

    expect(findAnywhere(['Taak-Z-tolken', 'Afspraak-Z-fiets', personal.werktijden])).toEqual([]);
    const stored = sqlite.prepare('select draft from contracts where id = ?').get(row.id) as {
      draft: string;
    };
    expect(JSON.parse(stored.draft)).toMatchObject({
      vorm: 'vrijwilligersovereenkomst',
      vergoedingCents: 5_00,
      kmVergoedingCents: 21,
      taken: ['[verwijderd]'],
      afspraken: { reiskosten: '[verwijderd]' },
    });
  });

  it('lets nothing be written about an anonymised person again', async () => {
    h.setNow('2026-03-02T10:00:00.000Z');
    await h.ok('beheer', 'avg.anonymise', { personIds: [people.zerihun] });
    const person = await h.ok('projectleider', 'persons.get', { id: people.zerihun });
    expect(person.geanonimiseerd).toBe(true);
    const before = findAnywhere(['Verwijderd persoon 2026-0001']).length;
    const {
      status: _status,
      statusDatum: _datum,
      ...fields
    } = personInput({
      voornaam: 'Zerihun',
      achternaam: 'Tesfamariam',
    });
    const refusals = [
      await h.call('projectleider', 'persons.update', {
        ...fields,
        id: people.zerihun,
        version: person.version,
      }),
      await h.call('projectleider', 'persons.setStatus', {
        id: people.zerihun,
        version: person.version,
        status: 'actief',
        datum: '2026-03-01',
        toelichting: null,
      }),
      await h.call('projectleider', 'begeleiding.addLogEntry', {
        personId: people.zerihun,
        soort: 'ontwikkelingsgesprek',
        signaalSoort: null,
        datum: '2026-03-01',
        duurMinuten: 30,
        samenvatting: 'Zerihun belde',
        afspraken: null,
        volgendeAfspraak: null,
        vertrouwelijk: false,
        ownerId: null,
        doelUpdates: [],
      }),
      await h.call('begeleider', 'doorgroei.save', {
        personId: people.zerihun,
        version: null,
        opleidingen: [],
        nederlands: [{ vaardigheid: 'lezen', niveau: 'B2', examen: null, examenDatum: null }],
        werkervaring: [],
      }),
      await h.call('begeleider', 'doorgroei.addOutflow', {
        personId: people.zerihun,
        datum: '2026-03-01',
        vervolg: 'studie',
        toelichting: 'Zerihun belde',
      }),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toMatch(/Verwijderd persoon 2026-0001 is geanonimiseerd na de bewaartermijn/);
      }
    }
    expect(findAnywhere(['Verwijderd persoon 2026-0001']).length).toBe(before);
    expect(findAnywhere(['Zerihun belde'])).toEqual([]);
  });

  it('is for the beheerder only', async () => {
    h.setNow('2026-03-02T10:00:00.000Z');
    for (const client of ['projectleider', 'begeleider', 'administrateur']) {
      expect(await h.call(client, 'avg.anonymise', { personIds: [people.zerihun] })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await h.call(client, 'avg.purge', { grens: '2020-01-01' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await h.core.dispatcher.dispatch('avg.anonymise', {}, 'beheer')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'personIds' },
    });
  });
});

describe('removing financial records after seven years', () => {
  it('deletes old claims and payment files into totals, so the year overview stays the same', async () => {
    h.setNow('2032-01-01T10:00:00.000Z');
    const before = await overview();
    const batches = await h.ok('administrateur', 'payouts.list', {});
    expect(batches.map((b) => [b.nummer, b.personen]).sort()).toEqual([
      ['B2024-0001', 2],
      ['B2024-0002', 2],
    ]);
    const tooRecent = await h.call('beheer', 'avg.purge', { grens: '2026-01-01' });
    expect(tooRecent).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'grens' } });
    if (!tooRecent.ok) expect(tooRecent.error.message).toContain('zeven jaar na het boekjaar');
    const partOfAYear = await h.call('beheer', 'avg.purge', { grens: '2024-03-06' });
    expect(partOfAYear).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'grens' } });

    expectGrantedToAgreeWithClaims(h.core.store.sqlite);
    expect(await h.ok('beheer', 'avg.purge', { grens: '2025-01-01' })).toEqual({
      declaraties: 6,
      betaalbestanden: 2,
    });
    // What was removed no longer counts toward the caps.
    expectGrantedToAgreeWithClaims(h.core.store.sqlite);
    expect(
      h.core.store.sqlite.prepare('select count(*) from granted_allowance where cents <> 0').pluck().get(),
    ).toBe(0);

    const after = await overview();
    expect(after.maanden).toEqual(before.maanden);
    expect(after.personen).toEqual([]);
    const sum = (o: typeof before, key: 'vergoedingCents' | 'kostenCents') =>
      o.personen.reduce((n, p) => n + p[key], 0) + (o.archief?.[key] ?? 0);
    expect(sum(after, 'vergoedingCents')).toBe(sum(before, 'vergoedingCents'));
    expect(sum(after, 'kostenCents')).toBe(sum(before, 'kostenCents'));
    expect(after.archief).toEqual({ vergoedingCents: 25 * 21 + 20 * 21, kostenCents: 12_50 });
    // Each batch keeps its number, count and total, and still says how many people it paid.
    expect(await h.ok('administrateur', 'payouts.list', {})).toEqual(
      batches.map((b) => ({ ...b, version: b.version + 1 })),
    );
    const file = await h.call('administrateur', 'payouts.file', { id: people.batchId });
    expect(file).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h.ok('administrateur', 'claims.list', {})).toEqual({ rows: [], total: 0 });
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
      .where('call', '=', 'avg.purge')
      .executeTakeFirstOrThrow();
    expect(entry.summary).toBe(
      'Financiële gegevens van vóór 1 januari 2025 verwijderd: 6 declaraties, 2 betaalbestanden; totalen bewaard',
    );
    expect(entry.record_type).toBe('bewaartermijn');
    const list = await h.ok('beheer', 'avg.retention', {});
    expect(list.financieel).toEqual({ jaren: [], betaalbestanden: [] });
    expect(list.archief).toEqual([{ jaar: 2024, aantal: 6, betaaldCents: 25 * 21 + 12_50 + 20 * 21 }]);
    expect(await h.call('beheer', 'avg.purge', { grens: '2025-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('adds to the totals already kept when a later removal covers the same month', async () => {
    // Two trips in December 2024: one paid that month, one in a batch executed in January 2025.
    h.setNow('2024-12-02T10:00:00.000Z');
    const trip = (datum: string) =>
      h.ok('administrateur', 'claims.create', {
        personId: people.rahaf,
        soort: 'km',
        datum,
        omschrijving: `Rit-R-${datum}`,
        van: null,
        naar: null,
        km: 10,
        minuten: null,
        bedragCents: null,
        bonnen: [],
      });
    for (const [datum, uitvoerdatum] of [
      ['2024-12-01', '2024-12-20'],
      ['2024-12-02', '2025-01-06'],
    ] as const) {
      const claim = await trip(datum);
      await h.ok('administrateur', 'claims.approve', { items: [{ id: claim.id, version: 1 }] });
      const batch = await h.ok('administrateur', 'payouts.create', { claimIds: [claim.id], uitvoerdatum });
      await h.ok('administrateur', 'payouts.submit', { id: batch.id, version: 1 });
      await h.ok('administrateur', 'payouts.paid', { id: batch.id, version: 2 });
    }

    h.setNow('2032-01-01T10:00:00.000Z');
    expect(await h.ok('beheer', 'avg.purge', { grens: '2025-01-01' })).toEqual({
      declaraties: 7,
      betaalbestanden: 3,
    });
    h.setNow('2033-01-01T10:00:00.000Z');
    const before = await overview();
    expect(await h.ok('beheer', 'avg.purge', { grens: '2026-01-01' })).toEqual({
      declaraties: 1,
      betaalbestanden: 1,
    });
    expect((await overview()).maanden).toEqual(before.maanden);
    const totals = await h.core.store.db
      .selectFrom('archived_claim_totals')
      .select(['maand', 'soort', 'status', 'aantal'])
      .orderBy('maand')
      .orderBy('status')
      .orderBy('soort')
      .execute();
    expect(totals).toEqual([
      { maand: '2024-02', soort: 'km', status: 'afgewezen', aantal: 3 },
      { maand: '2024-02', soort: 'km', status: 'betaald', aantal: 2 },
      { maand: '2024-02', soort: 'onkosten', status: 'betaald', aantal: 1 },
      { maand: '2024-12', soort: 'km', status: 'betaald', aantal: 2 },
    ]);
    // One of each reads as one.
    const [last] = await h.core.store.db
      .selectFrom('audit_log')
      .select('summary')
      .where('call', '=', 'avg.purge')
      .orderBy('id', 'desc')
      .execute();
    expect(last?.summary).toBe(
      'Financiële gegevens van vóór 1 januari 2026 verwijderd: 1 declaratie, 1 betaalbestand; totalen bewaard',
    );
  });
});
