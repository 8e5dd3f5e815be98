import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scholingAttentionKinds } from '../../../shared/attention.ts';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';

let h: Harness;
let personId: string;
let profileVersionId: string;
beforeEach(async () => {
  h = await harness('2026-01-10T10:00:00.000Z');
  await h.withTeam();
  personId = (
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({ geboortedatum: '1990-05-01', statusDatum: '2026-01-05' }),
    )
  ).id;
  const [starter] = await h.ok('projectleider', 'profiles.list', {});
  if (!starter) throw new Error('no starter profile');
  profileVersionId = (await h.ok('projectleider', 'profiles.get', { id: starter.id })).current.versionId;
});
afterEach(() => h.close());

type Draft = Extract<CallInput<'contracts.create'>, { vorm: 'vrijwilligersovereenkomst' }>;
const volunteer = (overrides: Partial<Draft> = {}): Draft => ({
  personId,
  profileVersionId,
  vorm: 'vrijwilligersovereenkomst',
  velden: {
    uren_per_week: 8,
    gemeente: 'Utrecht',
    doelgroep: 'Statushouders uit Eritrea',
    talen: ['Tigrinya', 'Arabisch'],
  },
  startdatum: '2026-02-01',
  einddatum: '2026-12-31',
  vergoedingEenheid: 'uur',
  vergoedingCents: 5_00,
  verwachtUrenPerMaand: 30,
  verwachteActiviteitenPerMaand: null,
  kmVergoedingCents: 0,
  verwachteKmPerMaand: null,
  andereOrganisatiesPerMaandCents: 0,
  onkostenMetBon: true,
  waVerzekering: true,
  ongevallenVerzekering: true,
  verzekeringVia: null,
  vasteBegeleiderId: null,
  werktijden: 'Dinsdag en donderdag, 9.00 tot 13.00 uur',
  bereikbaarheid: null,
  werktelefoon: true,
  scholing: null,
  opzegtermijnWeken: 2,
  ...overrides,
});

describe('functieprofielen', () => {
  it('ship a starter template; each save is a new version and old versions stay readable', async () => {
    const [starter] = await h.ok('begeleider', 'profiles.list', {});
    expect(starter).toMatchObject({
      titel: 'Sleutelpersoon vrijwilliger',
      versie: 1,
      standaardVorm: 'vrijwilligersovereenkomst',
    });
    if (!starter) return;
    const profile = await h.ok('projectleider', 'profiles.get', { id: starter.id });
    const {
      profileId: _p,
      versionId: _v,
      versie: _n,
      createdAt: _c,
      createdBy: _b,
      ...content
    } = profile.current;
    await h.ok('projectleider', 'profiles.save', {
      ...content,
      id: starter.id,
      version: profile.version,
      doel: 'Nieuw doel',
    });
    const v2 = await h.ok('projectleider', 'profiles.get', { id: starter.id });
    expect(v2.current).toMatchObject({ versie: 2, doel: 'Nieuw doel', createdBy: 'projectleider Test' });
    const v1 = await h.ok('projectleider', 'profiles.get', { id: starter.id, versie: 1 });
    expect(v1.shown.doel).toContain('brug tussen nieuwkomers');
    expect(v2.versions.map((v) => v.versie)).toEqual([2, 1]);
  });

  it('duplicates and archives instead of deleting', async () => {
    const [starter] = await h.ok('projectleider', 'profiles.list', {});
    if (!starter) return;
    const copy = await h.ok('projectleider', 'profiles.duplicate', { id: starter.id });
    await h.ok('projectleider', 'profiles.archive', { id: starter.id, version: starter.version });
    expect((await h.ok('projectleider', 'profiles.list', {})).map((p) => p.id)).toEqual([copy.id]);
    expect((await h.ok('projectleider', 'profiles.list', { archived: true })).map((p) => p.titel)).toEqual([
      'Sleutelpersoon vrijwilliger',
    ]);
  });

  it('refuses a choice field without choices, naming the field', async () => {
    const [starter] = await h.ok('projectleider', 'profiles.list', {});
    if (!starter) return;
    const profile = await h.ok('projectleider', 'profiles.get', { id: starter.id });
    const {
      profileId: _p,
      versionId: _v,
      versie: _n,
      createdAt: _c,
      createdBy: _b,
      ...content
    } = profile.current;
    const r = await h.call('projectleider', 'profiles.save', {
      ...content,
      id: starter.id,
      version: profile.version,
      velden: [{ naam: 'wijk', label: 'Wijk', soort: 'keuze', verplicht: true, keuzes: ['Oost'] }],
    });
    expect(r).toMatchObject({ ok: false, error: { field: 'velden.0.keuzes' } });
  });
});

describe('contracts', () => {
  it('drafts from the profile, checks the fill-in fields by kind and the terms', async () => {
    const wrongKind = await h.call(
      'projectleider',
      'contracts.create',
      volunteer({ velden: { uren_per_week: 'veel' } }),
    );
    expect(wrongKind).toMatchObject({
      ok: false,
      error: { field: 'velden.uren_per_week', message: 'Uren per week: vul een getal in' },
    });
    const unknown = await h.call(
      'projectleider',
      'contracts.create',
      volunteer({ velden: { schoenmaat: '42' } }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { field: 'velden.schoenmaat' } });
    const backwards = await h.call(
      'projectleider',
      'contracts.create',
      volunteer({ einddatum: '2026-01-01' }),
    );
    expect(backwards).toMatchObject({
      ok: false,
      error: { field: 'einddatum', message: 'Einddatum: ligt vóór de begindatum' },
    });
    const negative = await h.call('projectleider', 'contracts.create', volunteer({ vergoedingCents: -1 }));
    expect(negative).toMatchObject({ ok: false, error: { field: 'vergoedingCents' } });
    const hours = await h.call('projectleider', 'contracts.create', {
      personId,
      profileVersionId,
      vorm: 'arbeidsovereenkomst',
      velden: {},
      startdatum: '2026-02-01',
      einddatum: null,
      urenPerWeek: 61,
      cao: 'Sociaal Werk',
      schaal: '6',
      trede: null,
      brutoMaandsalarisCents: 2800_00,
      proeftijdMaanden: 1,
    });
    expect(hours).toMatchObject({
      ok: false,
      error: { field: 'urenPerWeek', message: 'Uren per week: meer dan 60 uur per week' },
    });
    const kvk = await h.call('projectleider', 'contracts.create', {
      personId,
      profileVersionId: null,
      vorm: 'opdracht',
      velden: {},
      startdatum: '2026-02-01',
      einddatum: '2026-03-01',
      kvkNummer: '1234',
      opdrachtOmschrijving: 'Training voorlichters',
      tariefSoort: 'vast',
      tariefCents: 750_00,
    });
    expect(kvk).toMatchObject({ ok: false, error: { field: 'kvkNummer' } });
    const gone = await h.call(
      'projectleider',
      'contracts.create',
      volunteer({ profileVersionId: '0190f5a0-0000-7000-8000-000000000000' }),
    );
    expect(gone).toMatchObject({ ok: false, error: { field: 'profileVersionId' } });
    expect(await h.ok('projectleider', 'contracts.listForPerson', { personId })).toEqual([]);

    const saved = await h.ok('projectleider', 'contracts.create', volunteer());
    const contract = await h.ok('begeleider', 'contracts.get', { id: saved.id });
    expect(contract).toMatchObject({
      nummer: '2026-0001',
      versie: 1,
      status: 'concept',
      profielTitel: 'Sleutelpersoon vrijwilliger',
    });
    expect(contract.fiscal?.overLimit).toBe(false);
    const text = JSON.stringify(contract.document);
    expect(text).toContain('Statushouders uit Eritrea');
    expect(text).toContain('Deze overeenkomst geldt van 1 februari 2026 tot en met 31 december 2026.');
    // The optional fill-in field left empty is left out, not printed as a dash.
    expect(text).not.toContain('Specifieke achtergrond');
    expect(text).not.toContain('—');
  });

  it('needs a recorded reason to make an over-limit volunteer contract definitief, then locks it with its PDF', async () => {
    const saved = await h.ok('projectleider', 'contracts.create', volunteer({ vergoedingCents: 8_00 }));
    const check = await h.ok('projectleider', 'contracts.check', volunteer({ vergoedingCents: 8_00 }));
    expect(check.fiscal?.overLimit).toBe(true);
    const refused = await h.call('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    expect(refused).toMatchObject({ ok: false, error: { field: 'fiscaleReden' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/hele vergoeding/);
    expect((await h.ok('projectleider', 'contracts.get', { id: saved.id })).status).toBe('concept');

    const done = await h.ok('projectleider', 'contracts.finalize', {
      id: saved.id,
      version: 1,
      fiscaleReden: 'Afgestemd met de gemeente',
    });
    const contract = await h.ok('projectleider', 'contracts.get', { id: saved.id });
    expect(contract).toMatchObject({ status: 'definitief', fiscaleReden: 'Afgestemd met de gemeente' });
    expect(contract.document.watermark).toBeUndefined();
    const first = await h.ok('administrateur', 'contracts.pdf', { id: saved.id });
    h.setNow('2026-03-01T10:00:00.000Z');
    const again = await h.ok('begeleider', 'contracts.pdf', { id: saved.id });
    expect(again.base64).toBe(first.base64);
    expect(first.fileName).toBe('contract-2026-0001-v1-sukru-celik.pdf');
    expect(Buffer.from(first.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const edit = await h.call('projectleider', 'contracts.update', {
      ...volunteer(),
      id: saved.id,
      version: done.version,
    });
    expect(edit).toMatchObject({ ok: false });
    if (!edit.ok) expect(edit.error.message).toMatch(/Wijzigen/);
  });

  it('changes a definitief contract only through a new linked version', async () => {
    const saved = await h.ok('projectleider', 'contracts.create', volunteer());
    const v1 = await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    const amended = await h.ok('projectleider', 'contracts.amend', { id: saved.id, version: v1.version });
    const twice = await h.call('projectleider', 'contracts.amend', { id: saved.id, version: v1.version });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await h.ok('projectleider', 'contracts.update', {
      ...volunteer({ vergoedingCents: 5_50 }),
      id: amended.id,
      version: 1,
    });
    await h.ok('projectleider', 'contracts.finalize', { id: amended.id, version: 2 });
    const list = await h.ok('projectleider', 'contracts.listForPerson', { personId });
    expect(list.map((c) => [c.nummer, c.versie, c.status, c.vervangenDoor])).toEqual([
      ['2026-0001', 2, 'definitief', null],
      ['2026-0001', 1, 'definitief', amended.id],
    ]);
  });

  it('asks to confirm two overlapping contracts of the same form', async () => {
    const a = await h.ok('projectleider', 'contracts.create', volunteer());
    await h.ok('projectleider', 'contracts.finalize', { id: a.id, version: 1 });
    const b = await h.ok(
      'projectleider',
      'contracts.create',
      volunteer({ startdatum: '2026-06-01', einddatum: null }),
    );
    const r = await h.call('projectleider', 'contracts.finalize', { id: b.id, version: 1 });
    expect(r).toMatchObject({ ok: false, error: { field: 'bevestigOverlap' } });
    if (!r.ok) expect(r.error.message).toContain('2026-0001');
    expect(
      (await h.call('projectleider', 'contracts.finalize', { id: b.id, version: 1, bevestigOverlap: true }))
        .ok,
    ).toBe(true);
  });

  it('records signing and ending with sensible dates', async () => {
    const saved = await h.ok('projectleider', 'contracts.create', volunteer());
    const fin = await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    const future = await h.call('projectleider', 'contracts.sign', {
      id: saved.id,
      version: fin.version,
      datum: '2026-02-01',
    });
    expect(future).toMatchObject({ ok: false, error: { field: 'datum' } });
    const signed = await h.ok('projectleider', 'contracts.sign', {
      id: saved.id,
      version: fin.version,
      datum: '2026-01-10',
    });
    const early = await h.call('projectleider', 'contracts.end', {
      id: saved.id,
      version: signed.version,
      datum: '2026-01-15',
      reden: 'x',
    });
    expect(early).toMatchObject({ ok: false, error: { field: 'datum' } });
    // Ending only shortens: a day past the contract's own end date (31 December) is refused at the date.
    const later = await h.call('projectleider', 'contracts.end', {
      id: saved.id,
      version: signed.version,
      datum: '2027-01-01',
      reden: 'x',
    });
    expect(later).toMatchObject({ ok: false, error: { field: 'datum' } });
    if (!later.ok) expect(later.error.message).toContain('alleen inkorten');
    // Its last day is still a date it may end on (nothing changes but the status).
    const onLastDay = await h.call('projectleider', 'contracts.end', {
      id: saved.id,
      version: signed.version,
      datum: '2026-12-31',
      reden: 'x',
    });
    expect(onLastDay.ok).toBe(true);
    expect(await h.ok('projectleider', 'contracts.get', { id: saved.id })).toMatchObject({
      status: 'beeindigd',
      beeindigdDatum: '2026-12-31',
    });
  });

  it('ends a contract without an end date on any day from its start', async () => {
    const saved = await h.ok('projectleider', 'contracts.create', volunteer({ einddatum: null }));
    const fin = await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    await h.ok('projectleider', 'contracts.end', {
      id: saved.id,
      version: fin.version,
      datum: '2031-06-30',
      reden: 'Verhuisd',
    });
    expect((await h.ok('projectleider', 'contracts.get', { id: saved.id })).beeindigdDatum).toBe(
      '2031-06-30',
    );
  });

  it('records the end date and reason of an ended contract', async () => {
    const saved = await h.ok('projectleider', 'contracts.create', volunteer());
    const fin = await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    const signed = await h.ok('projectleider', 'contracts.sign', {
      id: saved.id,
      version: fin.version,
      datum: '2026-01-10',
    });
    await h.ok('projectleider', 'contracts.end', {
      id: saved.id,
      version: signed.version,
      datum: '2026-06-30',
      reden: 'Start betaalde baan',
    });
    expect(await h.ok('projectleider', 'contracts.get', { id: saved.id })).toMatchObject({
      status: 'beeindigd',
      getekendDatum: '2026-01-10',
      beeindigdDatum: '2026-06-30',
      beeindigdReden: 'Start betaalde baan',
    });
  });

  it('refuses a proeftijd longer than the law allows at the field, also for a concept saved before the rule', async () => {
    const employment = {
      personId,
      profileVersionId: null,
      vorm: 'arbeidsovereenkomst' as const,
      velden: {},
      startdatum: '2026-02-01',
      einddatum: '2026-07-31',
      urenPerWeek: 18,
      cao: 'Cao Sociaal Werk',
      schaal: '6',
      trede: null,
      brutoMaandsalarisCents: 2800_00,
      proeftijdMaanden: 1,
    };
    const refused = await h.call('projectleider', 'contracts.create', employment);
    expect(refused).toMatchObject({
      ok: false,
      error: { field: 'proeftijdMaanden', message: expect.stringContaining('geen proeftijd') },
    });
    const saved = await h.ok('projectleider', 'contracts.create', { ...employment, proeftijdMaanden: 0 });
    // As a concept stored before the rule existed holds it: it still opens, but is not made definitief.
    await h.core.store.db
      .updateTable('contracts')
      .set({ draft: JSON.stringify({ ...employment, proeftijdMaanden: 1 }) })
      .where('id', '=', saved.id)
      .execute();
    expect((await h.ok('projectleider', 'contracts.get', { id: saved.id })).status).toBe('concept');
    const finalize = await h.call('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    expect(finalize).toMatchObject({ ok: false, error: { field: 'proeftijdMaanden' } });
  });

  it('requires every required fill-in field before definitief', async () => {
    const saved = await h.ok(
      'projectleider',
      'contracts.create',
      volunteer({ velden: { uren_per_week: 8 } }),
    );
    const r = await h.call('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        field: 'velden.gemeente',
        message: 'Gemeente of regio: verplicht voor een definitief contract',
      },
    });
  });
});

describe('attention list', () => {
  it('shows contracts ending soon, unsigned ones, VOG renewals, missing VOG or toestemming and active people without a contract', async () => {
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam: 'Amina',
        achternaam: 'Haddad',
        status: 'actief',
        statusDatum: '2025-01-01',
        vogAfgiftedatum: '2023-02-15',
      }),
    );
    const saved = await h.ok(
      'projectleider',
      'contracts.create',
      volunteer({ startdatum: '2026-01-01', einddatum: '2026-03-01' }),
    );
    await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam: 'Olena',
        achternaam: 'Kovalenko',
        email: 'olena@example.org',
        status: 'actief',
        statusDatum: '2025-01-01',
        bijstand: true,
        toestemmingNodig: true,
        toestemmingDatum: null,
      }),
    );
    // A VOG issued long ago whose renewal date lies ahead: the renewal date counts, not the issue date plus three years.
    await h.ok(
      'projectleider',
      'persons.create',
      personInput({
        voornaam: 'Yonas',
        achternaam: 'Tesfaye',
        email: 'yonas@example.org',
        status: 'actief',
        statusDatum: '2025-01-01',
        vogAfgiftedatum: '2020-01-10',
        vogVernieuwdatum: '2026-03-15',
      }),
    );
    h.setNow('2026-01-30T09:00:00.000Z');
    // Scholing's lines (no basistraining yet) have their own tests beside scholing.
    const items = (await h.ok('projectleider', 'attention.list', {})).filter(
      (i) => !scholingAttentionKinds.includes(i.kind),
    );
    expect(items.map((i) => [i.kind, i.personNaam])).toEqual([
      ['niet_getekend', 'Şükrü Çelik'],
      ['vog_verloopt', 'Amina Haddad'],
      ['contract_eindigt', 'Şükrü Çelik'],
      ['vog_verloopt', 'Yonas Tesfaye'],
      ['geen_contract', 'Amina Haddad'],
      ['vog_ontbreekt', 'Olena Kovalenko'],
      ['toestemming_ontbreekt', 'Olena Kovalenko'],
      ['geen_contract', 'Olena Kovalenko'],
      ['geen_contract', 'Yonas Tesfaye'],
    ]);
    expect(items.find((i) => i.personNaam === 'Yonas Tesfaye')?.text).toBe('VOG verloopt op 15 maart 2026');
    expect(items[1]?.text).toBe('VOG verloopt op 15 februari 2026');
  });
});
