import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, personInput } from '../../test/support/harness.ts';
import type { AuditRecord } from './context.ts';
import { Failure } from './failure.ts';
import { updateVersioned, updateVersionedMany } from './versioning.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await h.withTeam();
});
afterEach(() => h.close());

async function twoPeople() {
  const a = await h.ok('projectleider', 'persons.create', personInput());
  const b = await h.ok(
    'projectleider',
    'persons.create',
    personInput({ achternaam: 'Nowak', email: 'n@example.org' }),
  );
  return [a, b] as const;
}

/** One write transaction, as the dispatcher runs it, with the audit records it collects. */
async function inTransaction<T>(work: (ctx: Parameters<typeof updateVersioned>[0]) => Promise<T>) {
  const audits: AuditRecord[] = [];
  const value = await h.core.store.db
    .transaction()
    .execute((db) => work({ db, audit: (r: AuditRecord) => audits.push(r) }));
  return { value, audits };
}

const plaats = async (id: string) =>
  await h.core.store.db
    .selectFrom('persons')
    .select(['plaats', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('the one versioned write', () => {
  it('writes where the version still matches, bumps it and records the audit entry with the new version', async () => {
    const [a] = await twoPeople();
    const { value, audits } = await inTransaction((ctx) =>
      updateVersioned(
        ctx,
        'persons',
        a,
        { plaats: 'Zeist' },
        { recordType: 'person', summary: 'Plaats', changes: [] },
      ),
    );
    expect(value).toEqual({ id: a.id, version: a.version + 1 });
    expect(audits).toEqual([
      { recordType: 'person', recordId: a.id, recordVersion: a.version + 1, summary: 'Plaats', changes: [] },
    ]);
    expect(await plaats(a.id)).toEqual({ plaats: 'Zeist', version: a.version + 1 });
  });

  it('refuses a second desk that read the same version, naming who changed what, and writes nothing', async () => {
    const [a] = await twoPeople();
    const { status: _status, statusDatum: _datum, ...fields } = personInput({ plaats: 'Amersfoort' });
    await h.ok('projectleider', 'persons.update', { ...fields, id: a.id, version: a.version });
    const stale = inTransaction((ctx) => updateVersioned(ctx, 'persons', a, { plaats: 'Zeist' }, null));
    await expect(stale).rejects.toBeInstanceOf(Failure);
    await expect(stale).rejects.toMatchObject({
      error: {
        code: 'conflict',
        message: expect.stringMatching(/^Dit is intussen gewijzigd door .* \(gewijzigd: .*Plaats/),
      },
    });
    expect((await plaats(a.id)).plaats).toBe('Amersfoort');
  });

  it('says a record that is gone does not exist, rather than that it changed', async () => {
    const gone = { id: '0190f5a0-0000-7000-8000-000000000000', version: 1 };
    await expect(
      inTransaction((ctx) => updateVersioned(ctx, 'persons', gone, { plaats: 'Zeist' }, null)),
    ).rejects.toMatchObject({
      error: { code: 'not_found' },
    });
  });

  it('writes a set whole, or refuses it whole when one record moved on', async () => {
    const [a, b] = await twoPeople();
    const { value } = await inTransaction((ctx) =>
      updateVersionedMany(ctx, 'persons', [a, b], { plaats: 'Houten' }, null),
    );
    expect(value).toEqual([
      { id: a.id, version: a.version + 1 },
      { id: b.id, version: b.version + 1 },
    ]);
    // b is read at its old version: the whole set is refused and a keeps what it had.
    const stale = inTransaction((ctx) =>
      updateVersionedMany(
        ctx,
        'persons',
        [{ id: a.id, version: a.version + 1 }, b],
        { plaats: 'Zeist' },
        null,
      ),
    );
    await expect(stale).rejects.toMatchObject({ error: { code: 'conflict' } });
    expect((await plaats(a.id)).plaats).toBe('Houten');
    expect((await plaats(b.id)).plaats).toBe('Houten');
  });
});
