import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';

let h: Harness;
let ids: Awaited<ReturnType<Harness['withTeam']>>['ids'];
beforeEach(async () => {
  h = await harness();
  ({ ids } = await h.withTeam());
});
afterEach(() => h.close());

const add = (overrides: Parameters<typeof personInput>[0] = {}) =>
  h.ok('projectleider', 'persons.create', personInput(overrides));

describe('the register', () => {
  it('stores a person as entered, normalised, with a first status entry', async () => {
    const { id } = await add({ begeleiderId: ids.begeleider });
    const p = await h.ok('begeleider', 'persons.get', { id });
    expect(p).toMatchObject({
      naam: 'Şükrü Çelik',
      postcode: '3511 AB',
      iban: 'NL91ABNA0417164300',
      email: 'sukru@example.org',
      huisnummer: '12 A',
      begeleiderNaam: 'begeleider Test',
      talen: [
        { taal: 'Turks', niveau: 'moedertaal' },
        { taal: 'Koerdisch (Kurmanci)', niveau: 'goed' },
      ],
      version: 1,
    });
    const history = await h.ok('begeleider', 'persons.statusHistory', { id });
    expect(history).toMatchObject([
      { status: 'aangemeld', datum: '2026-11-20', doorNaam: 'projectleider Test' },
    ]);
  });

  it('finds people whatever accents or case the search uses', async () => {
    await add();
    await add({
      voornaam: 'Hương',
      achternaam: 'Nguyễn Thị',
      email: 'huong@example.org',
      talen: [{ taal: 'Vietnamees', niveau: 'moedertaal' }],
    });
    await add({ voornaam: 'Jan', achternaam: 'Jansen', talen: [], email: null, telefoon: null });
    const find = async (search: string) =>
      (await h.ok('administrateur', 'persons.list', { search })).rows.map((r) => r.naam);
    expect(await find('sukru')).toEqual(['Şükrü Çelik']);
    expect(await find('CELIK sukru')).toEqual(['Şükrü Çelik']);
    expect(await find('nguyen')).toEqual(['Hương Nguyễn Thị']);
    expect(await find('huong')).toEqual(['Hương Nguyễn Thị']);
    expect(await find('vietnamees')).toEqual(['Hương Nguyễn Thị']);
    expect(await find('0612345678')).toHaveLength(2);
    expect(await find('sukru jansen')).toEqual([]);
  });

  it('filters, sorts and pages in the main process', async () => {
    for (const [i, name] of ['Bakker', 'Aydın', 'Çelik', 'Dekker', 'Evers'].entries()) {
      await add({
        voornaam: `P${i}`,
        achternaam: name,
        gemeente: i % 2 ? 'Zeist' : 'Utrecht',
        begeleiderId: i < 2 ? ids.begeleider : null,
        bijstand: i === 4,
        talen: i === 3 ? [{ taal: 'Dari', niveau: 'goed' }] : [],
      });
    }
    const names = async (input: Parameters<typeof h.ok<'persons.list'>>[2]) =>
      (await h.ok('projectleider', 'persons.list', input)).rows.map((r) => r.achternaam);
    expect(await names({ sort: 'achternaam' })).toEqual(['Aydın', 'Bakker', 'Çelik', 'Dekker', 'Evers']);
    expect(await names({ sort: 'achternaam', desc: true, pageSize: 5, page: 0 })).toEqual([
      'Evers',
      'Dekker',
      'Çelik',
      'Bakker',
      'Aydın',
    ]);
    expect(await names({ gemeente: 'Zeist' })).toEqual(['Aydın', 'Dekker']);
    expect(await names({ taal: 'Dari' })).toEqual(['Dekker']);
    expect(await names({ begeleider: ids.begeleider })).toEqual(['Aydın', 'Bakker']);
    expect(await names({ begeleider: 'geen' })).toEqual(['Çelik', 'Dekker', 'Evers']);
    expect(await names({ bijstand: true })).toEqual(['Evers']);
    const page = await h.ok('projectleider', 'persons.list', { pageSize: 5, page: 0, status: ['aangemeld'] });
    expect(page.total).toBe(5);
    const second = await h.ok('projectleider', 'persons.list', { pageSize: 5, page: 1 });
    expect(second).toMatchObject({ total: 5, rows: [] });
  });

  it('refuses an edit based on an old version and says who changed what', async () => {
    const { id } = await add();
    h.setNow('2026-11-25T14:05:00.000Z');
    const p = await h.ok('begeleider', 'persons.get', { id });
    const {
      naam: _n,
      begeleiderNaam: _b,
      createdAt: _c,
      updatedAt: _u,
      status: _s,
      statusDatum: _d,
      geanonimiseerd: _g,
      ...form
    } = p;
    await h.ok('begeleider', 'persons.update', { ...form, telefoon: '06 87654321', gemeente: 'Zeist' });
    const stale = await h.call('projectleider', 'persons.update', { ...form, achternaam: 'Celik' });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.message).toContain('begeleider Test');
    expect(stale.error.message).toContain('25-11-2026 15:05');
    expect(stale.error.message).toContain('Telefoon');
    expect(stale.error.message).toContain('Gemeente');
    const now = await h.ok('projectleider', 'persons.get', { id });
    expect(now).toMatchObject({ achternaam: 'Çelik', telefoon: '06 87654321', version: 2 });
  });

  it('records a status change with its history and bumps the version', async () => {
    const { id } = await add();
    await h.ok('begeleider', 'persons.setStatus', {
      id,
      version: 1,
      status: 'actief',
      datum: '2026-11-24',
      toelichting: 'Intake afgerond',
    });
    const p = await h.ok('begeleider', 'persons.get', { id });
    expect(p).toMatchObject({ status: 'actief', statusDatum: '2026-11-24', version: 2 });
    const history = await h.ok('begeleider', 'persons.statusHistory', { id });
    expect(history.map((s) => s.status)).toEqual(['actief', 'aangemeld']);
    const future = await h.call('begeleider', 'persons.setStatus', {
      id,
      version: 2,
      status: 'gestopt',
      datum: '2026-12-01',
    });
    expect(future).toMatchObject({ ok: false, error: { field: 'datum' } });
  });

  it('keeps notes away from the administrateur, who cannot wipe them either', async () => {
    const { id } = await add({ notities: 'Zwaar belast door mantelzorg' });
    const seen = await h.ok('administrateur', 'persons.get', { id });
    expect(seen.notities).toBeNull();
    const {
      naam: _n,
      begeleiderNaam: _b,
      createdAt: _c,
      updatedAt: _u,
      status: _s,
      statusDatum: _d,
      geanonimiseerd: _g,
      ...form
    } = seen;
    await h.ok('administrateur', 'persons.update', { ...form, iban: 'DE89370400440532013000' });
    const after = await h.ok('begeleider', 'persons.get', { id });
    expect(after).toMatchObject({ notities: 'Zwaar belast door mantelzorg', iban: 'DE89370400440532013000' });
    const changes = await h.ok('administrateur', 'persons.changes', { id });
    expect(JSON.stringify(changes)).not.toContain('mantelzorg');
  });

  it('refuses a birth date in the future and a deactivated begeleider, naming the field', async () => {
    const future = await h.call(
      'projectleider',
      'persons.create',
      personInput({ geboortedatum: '2027-01-01' }),
    );
    expect(future).toMatchObject({
      ok: false,
      error: { field: 'geboortedatum', message: 'Geboortedatum: ligt in de toekomst' },
    });
    const account = (await h.ok('beheer', 'accounts.list', {})).find((a) => a.id === ids.begeleider);
    await h.ok('beheer', 'accounts.deactivate', { id: ids.begeleider, version: account?.version ?? 0 });
    const inactive = await h.call(
      'projectleider',
      'persons.create',
      personInput({ begeleiderId: ids.begeleider }),
    );
    expect(inactive).toMatchObject({ ok: false, error: { field: 'begeleiderId' } });
    expect((await h.ok('projectleider', 'persons.list', {})).total).toBe(0);
  });
});
