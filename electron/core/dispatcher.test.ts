import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, password, personInput } from '../../test/support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

async function auditCount() {
  const r = await h.core.store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('dispatcher', () => {
  it('refuses an unknown call in Dutch', async () => {
    const r = await h.core.dispatcher.dispatch('persons.drop', {}, 'x');
    expect(r).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: 'Onbekende opdracht: persons.drop.' },
    });
  });

  it('asks to log in before any non-public call and changes nothing', async () => {
    await h.withTeam();
    const before = await auditCount();
    const r = await h.call('stranger', 'persons.create', personInput());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unauthenticated');
    expect(await auditCount()).toBe(before);
  });

  it('answers a wrong role with "Geen toegang" and changes nothing', async () => {
    await h.withTeam();
    const before = await auditCount();
    const r = await h.call('administrateur', 'persons.create', personInput());
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!r.ok) expect(r.error.message).toMatch(/^Geen toegang/);
    expect(await auditCount()).toBe(before);
  });

  it('names the field of bad input in Dutch and stores nothing', async () => {
    await h.withTeam();
    const r = await h.call('projectleider', 'persons.create', personInput({ iban: 'NL91ABNA0417164301' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.field).toBe('iban');
    expect(r.error.message).toBe('IBAN: controlecijfer klopt niet; controleer het nummer');
    const list = await h.ok('projectleider', 'persons.list', {});
    expect(list.total).toBe(0);
  });

  it('rejects unknown keys, including prototype-pollution keys', async () => {
    await h.withTeam();
    const input = JSON.parse(JSON.stringify(personInput()).replace('{', '{"__proto__":{"admin":true},'));
    const r = await h.core.dispatcher.dispatch('persons.create', input, 'projectleider');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: '__proto__' } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('rejects a body of the wrong type', async () => {
    await h.withTeam();
    for (const bad of ['tekst', 42, [], true]) {
      const r = await h.core.dispatcher.dispatch('persons.create', bad, 'projectleider');
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('writes one audit entry with the validated input and replayable context', async () => {
    await h.withTeam();
    const saved = await h.ok('projectleider', 'persons.create', personInput());
    const entry = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(entry.call).toBe('persons.create');
    expect(entry.at).toBe('2026-11-25T10:00:00.000Z');
    expect(JSON.parse(entry.input).iban).toBe('NL91ABNA0417164300');
    const context = JSON.parse(entry.context) as { now: string; ids: string[] };
    expect(context.ids[0]).toBe(saved.id);
    const changes = JSON.parse(entry.changes) as { field: string; after: unknown }[];
    expect(changes.find((c) => c.field === 'achternaam')?.after).toBe('Çelik');
  });

  it('replays a recorded call to the same record', async () => {
    await h.withTeam();
    const saved = await h.ok('projectleider', 'persons.create', personInput());
    const entry = await h.core.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    const original = await h.ok('projectleider', 'persons.get', { id: saved.id });

    const other = await harness();
    try {
      await other.withTeam();
      const replayed = await other.core.dispatcher.dispatch(
        'persons.create',
        JSON.parse(entry.input),
        'projectleider',
        JSON.parse(entry.context),
      );
      expect(replayed).toEqual({ ok: true, value: { id: saved.id, version: 1 } });
      const copy = await other.ok('projectleider', 'persons.get', { id: saved.id });
      expect({ ...copy, begeleiderNaam: null }).toEqual({ ...original, begeleiderNaam: null });
    } finally {
      await other.close();
    }
  });

  it('never writes passwords into the audit log', async () => {
    await h.withTeam();
    const rows = await h.core.store.db.selectFrom('audit_log').select(['input']).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.input).not.toContain(password);
  });

  it('rolls the whole write back when the handler fails half way', async () => {
    await h.withTeam();
    const before = await auditCount();
    // A begeleider id that passes the schema but names no account: fails after validation, inside the transaction.
    const r = await h.call(
      'projectleider',
      'persons.create',
      personInput({ begeleiderId: '0190f5a0-0000-7000-8000-000000000000' }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'begeleiderId' } });
    expect((await h.ok('projectleider', 'persons.list', {})).total).toBe(0);
    expect(await auditCount()).toBe(before);
  });
});
