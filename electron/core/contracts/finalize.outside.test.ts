import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentModel } from '../../../shared/document-model.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';

/** The PDF renderer, held at a gate: the test decides when a render may finish, and sees what it was given. */
const render = vi.hoisted(() => ({
  gate: Promise.resolve(),
  started: [] as { inTransaction: boolean }[],
  onStart: () => {},
  inTransaction: (): boolean => false,
}));
vi.mock('../pdf/render-document.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../pdf/render-document.ts')>();
  return {
    ...real,
    renderPdf: async (...args: Parameters<typeof real.renderPdf>) => {
      render.started.push({ inTransaction: render.inTransaction() });
      render.onStart();
      await render.gate;
      return real.renderPdf(...args);
    },
  };
});
const { renderPdf } =
  await vi.importActual<typeof import('../pdf/render-document.ts')>('../pdf/render-document.ts');

let h: Harness;
let personId: string;
beforeEach(async () => {
  h = await harness('2026-01-10T10:00:00.000Z');
  await h.withTeam();
  personId = (await h.ok('projectleider', 'persons.create', personInput({ statusDatum: '2026-01-05' }))).id;
  render.started.length = 0;
  render.inTransaction = () => h.core.store.sqlite.inTransaction;
});
afterEach(() => h.close());

/** Starts making a contract definitief and returns once its PDF is being rendered, with the key to let it finish. */
async function finalizeHeldAtRender(id: string) {
  let release = () => {};
  render.gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const rendering = new Promise<void>((resolve) => {
    render.onStart = resolve;
  });
  const result = h.call('projectleider', 'contracts.finalize', { id, version: 1 });
  await rendering;
  return { result, release };
}

/** Fails the test instead of hanging it when `work` waits for the held finalize (as it did inside its transaction). */
function withinSeconds<T>(work: Promise<T>, seconds = 5): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('waited for the finalize in progress')), seconds * 1000),
    ),
  ]);
}

describe('making a contract definitief renders its PDF outside the transaction', () => {
  it('no transaction is open while the PDF renders; other desks write meanwhile; the stored bytes are the render', async () => {
    const { id } = await h.ok('projectleider', 'contracts.create', volunteerContract(personId));
    const { result, release } = await finalizeHeldAtRender(id);
    expect(render.started).toEqual([{ inTransaction: false }]);

    // Another desk saves while the PDF is still being rendered.
    const other = await withinSeconds(
      h.ok('begeleider', 'persons.create', personInput({ achternaam: 'Nowak', email: 'n@example.org' })),
    );
    expect(other.version).toBe(1);
    expect((await h.ok('projectleider', 'contracts.get', { id })).status).toBe('concept');

    release();
    const done = await result;
    expect(done).toEqual({ ok: true, value: { id, version: 2 } });
    const row = h.core.store.sqlite
      .prepare('select pdf, snapshot, definitief_at from contracts where id = ?')
      .get(id) as { pdf: Buffer; snapshot: string; definitief_at: string };
    const { document } = JSON.parse(row.snapshot) as { document: DocumentModel };
    const again = await renderPdf(document, { creationDate: new Date(row.definitief_at) });
    expect(Buffer.compare(again, row.pdf)).toBe(0);
    const audits = await h.ok('projectleider', 'audit.list', { call: 'contracts.finalize' });
    expect(audits.total).toBe(1);
  });

  it('refuses, storing nothing, when the contract moved on while its PDF rendered', async () => {
    const draft = volunteerContract(personId);
    const { id } = await h.ok('projectleider', 'contracts.create', draft);
    const { result, release } = await finalizeHeldAtRender(id);
    await withinSeconds(
      h.ok('projectleider', 'contracts.update', { ...draft, id, version: 1, vergoedingCents: 4_00 }),
    );
    release();
    const refused = await result;
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/intussen gewijzigd .*projectleider Test/);
    expect(await h.ok('projectleider', 'contracts.get', { id })).toMatchObject({
      status: 'concept',
      version: 2,
    });
    const audits = await h.ok('projectleider', 'audit.list', { call: 'contracts.finalize' });
    expect(audits.total).toBe(0);
  });

  it('refuses, storing nothing, when what the contract says changed while its PDF rendered', async () => {
    const { id } = await h.ok('projectleider', 'contracts.create', volunteerContract(personId));
    const { result, release } = await finalizeHeldAtRender(id);
    // The person's name is in the contract: a PDF with the old name must not be stored as definitief.
    const { status: _s, statusDatum: _d, ...person } = personInput({ statusDatum: '2026-01-05' });
    await withinSeconds(
      h.ok('projectleider', 'persons.update', {
        ...person,
        id: personId,
        version: 1,
        achternaam: 'Çelik-Yılmaz',
      }),
    );
    release();
    const refused = await result;
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/gewijzigd terwijl het definitief werd gemaakt/);
    expect((await h.ok('projectleider', 'contracts.get', { id })).status).toBe('concept');

    render.gate = Promise.resolve();
    await h.ok('projectleider', 'contracts.finalize', { id, version: 1 });
    const { document } = await h.ok('projectleider', 'contracts.get', { id });
    expect(JSON.stringify(document)).toContain('Çelik-Yılmaz');
  });
});
