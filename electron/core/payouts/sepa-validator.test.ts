/**
 * validatePain001 when libxml2 or the schema file fails, rather than the XML: xmllint-wasm and the file system are
 * stood in for here, so the rest of the SEPA tests (sepa.test.ts) run against the real ones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const { validateXML, readFile } = vi.hoisted(() => ({ validateXML: vi.fn(), readFile: vi.fn() }));
vi.mock('xmllint-wasm', async (importOriginal) => ({
  ...(await importOriginal<typeof import('xmllint-wasm')>()),
  validateXML,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  readFile.mockImplementation(real.readFile);
  return { ...real, default: { ...real, readFile }, readFile };
});

const { validatePain001 } = await import('./sepa.ts');

afterEach(() => {
  validateXML.mockReset();
});

describe('validatePain001 when the validator gives up', () => {
  it('refuses the file with xmllint’s own lines when xmllint stops on it, leaving out empty lines', async () => {
    const exit = Object.assign(new Error('pain.001.xml:1: parser error : Document is empty\n\n   \n^\n'), {
      code: 1,
    });
    validateXML.mockRejectedValueOnce(exit);
    expect(await validatePain001('<')).toEqual({
      valid: false,
      errors: ['pain.001.xml:1: parser error : Document is empty', '^'],
    });
  });

  it('passes any other failure on, rather than calling the file invalid', async () => {
    const failures = [
      new Error('out of memory'),
      Object.assign(new Error('no such file'), { code: 'ENOENT' }),
      { code: 1, message: 'not an Error' },
    ];
    for (const failure of failures) {
      validateXML.mockRejectedValueOnce(failure);
      await expect(validatePain001('<a/>')).rejects.toBe(failure);
    }
  });

  it('reads the schema again after a failed read', async () => {
    // A fresh module: the schema is read once per process, and the tests above have read it.
    vi.resetModules();
    const fresh = await import('./sepa.ts');
    validateXML.mockResolvedValue({ valid: true, errors: [] });
    const unreadable = new Error('EIO: i/o error');
    readFile.mockRejectedValueOnce(unreadable);
    await expect(fresh.validatePain001('<a/>')).rejects.toBe(unreadable);
    expect(await fresh.validatePain001('<a/>')).toEqual({ valid: true });
    const schema = validateXML.mock.calls[0]?.[0]?.schema;
    expect(schema?.fileName).toBe('pain.001.001.09.xsd');
    expect(String(schema?.contents)).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
  });
});
