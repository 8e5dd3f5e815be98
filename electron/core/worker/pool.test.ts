import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Failure } from '../failure.ts';
import { runInWorker } from './pool.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const info = {
  name: 'schakel-20261125T090000000Z-handmatig.sqlite',
  createdAt: '2026-11-25T09:00:00.000Z',
  kind: 'handmatig' as const,
  bytes: 0,
  schemaVersion: null,
  counts: null,
};

describe('tasks in a worker thread', () => {
  it('returns a PDF as bytes of its own', async () => {
    const bytes = await runInWorker('renderPdf', {
      model: {
        organisation: { name: 'Welzijn Oost', addressLines: [], kvk: null, logo: null },
        title: 'Proef',
        sections: [{ title: 'Een', blocks: [{ kind: 'paragraph', text: 'Hallo' }] }],
        numberSections: false,
        signatories: [],
        footer: 'Proef',
      },
      creationDate: new Date('2026-01-02T10:00:00Z'),
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('hands a Failure back as a Failure, with its Dutch message', async () => {
    const file = path.join(dir, info.name);
    fs.writeFileSync(file, 'geen database');
    const refused = await runInWorker('previewBackup', { file, key: null, info }).catch(
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(Failure);
    expect((refused as Failure).error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Deze reservekopie kan niet worden gelezen/),
    });
  });

  it("hands any other error back with SQLite's code, for the caller to recognise", async () => {
    const missing = path.join(dir, `weg-${info.name}`);
    const failed = await runInWorker('previewBackup', { file: missing, key: null, info }).catch(
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(Failure);
    expect(failed).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CANTOPEN' });
  });
});
