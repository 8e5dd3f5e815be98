import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract.ts';

const root = path.resolve(import.meta.dirname, '../..');
const skip = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );
}

const files = sourceFiles(root);

describe('process boundaries', () => {
  it('only the Electron shell imports electron', () => {
    const offenders = files.filter(
      (f) => !f.startsWith(`electron${path.sep}shell${path.sep}`) && importsOf(f).includes('electron'),
    );
    expect(offenders).toEqual([]);
    // The check itself sees the shell's imports, so it would notice a leak.
    expect(importsOf(path.join('electron', 'shell', 'main.ts'))).toContain('electron');
  });

  it('the renderer imports nothing from the main side, only the shared contract', () => {
    const offenders = files
      .filter((f) => f.startsWith(`renderer${path.sep}`))
      .flatMap((f) =>
        importsOf(f)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => path.relative(root, path.resolve(path.dirname(path.join(root, f)), spec)))
          .filter(
            (target) => !target.startsWith(`renderer${path.sep}`) && !target.startsWith(`shared${path.sep}`),
          )
          .map((target) => `${f} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('shared code runs anywhere: no Node built-ins, no main-side imports', () => {
    const offenders = files
      .filter((f) => f.startsWith(`shared${path.sep}`) && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        importsOf(f)
          .filter((spec) => spec.startsWith('node:') || spec.includes('electron/'))
          .map((s) => `${f} → ${s}`),
      );
    expect(offenders).toEqual([]);
  });
});

const areas = [...new Set(callNames.map((name) => name.split('.')[0] as string))];
const exists = (p: string) => fs.existsSync(path.join(root, p));

describe('one slice per area', () => {
  it('each call prefix is a folder in electron/core/, a module in shared/ and a folder of screens', () => {
    const missing = areas.flatMap((area) => [
      ...(exists(`electron/core/${area}/handlers.ts`) ? [] : [`electron/core/${area}/handlers.ts`]),
      ...(exists(`shared/${area}.ts`) || exists(`shared/${area}`) ? [] : [`shared/${area}(.ts)`]),
      ...(exists(`renderer/src/screens/${area}`) ? [] : [`renderer/src/screens/${area}/`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('every screens folder is an area, and no screen lies loose', () => {
    const entries = fs.readdirSync(path.join(root, 'renderer/src/screens'), { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).filter((name) => !areas.includes(name))).toEqual([]);
  });

  it("no area imports another area's handlers.ts: what others read is in that area's read.ts", () => {
    const core = `electron${path.sep}core${path.sep}`;
    const areaOf = (file: string) =>
      file.startsWith(core) ? file.slice(core.length).split(path.sep)[0] : null;
    const offenders = files
      .filter((f) => f.startsWith(core) && areas.includes(areaOf(f) ?? ''))
      .flatMap((f) =>
        importsOf(f)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => path.relative(root, path.resolve(path.dirname(path.join(root, f)), spec)))
          .filter((target) => path.basename(target) === 'handlers.ts' && areaOf(target) !== areaOf(f))
          .map((target) => `${f} → ${target}`),
      );
    expect(offenders).toEqual([]);
    // The check sees cross-area imports at all: claims reads persons through persons/read.ts (writing a claim).
    expect(importsOf(path.join('electron', 'core', 'claims', 'write.ts'))).toContain('../persons/read.ts');
  });
});

describe('one versioned write', () => {
  // A record's version is written and compared in electron/core/versioning.ts only: updateVersioned checks the row
  // count where id and version match, which is what holds when two desks write to one database at once.
  const handWritten = [
    /\.where\(\s*'(?:\w+\.)?version'/,
    /version\s*\+\s*1/,
    /version:\s*sql/,
    /\.version\s*[!=]==?\s*\w+(?:\.\w+)*\.version\b/,
  ];
  // Migration steps carry a version too; the runner compares those, not records.
  const allowed = new Set([
    path.join('electron', 'core', 'versioning.ts'),
    path.join('electron', 'core', 'store', 'migrate.ts'),
  ]);

  it('no code outside versioning.ts bumps or compares a record version by hand', () => {
    const offenders = files
      .filter((f) => f.startsWith(`electron${path.sep}`) && !f.endsWith('.test.ts') && !allowed.has(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(root, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
          .filter(({ line }) => handWritten.some((p) => p.test(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
    // The patterns find what they are for.
    const probe = "await db.updateTable('claims').set({ version: row.version + 1 }).where('version', '=', v)";
    expect(handWritten.filter((p) => p.test(probe))).toHaveLength(2);
    expect(handWritten.some((p) => p.test('if (row.version !== input.version) throw conflict'))).toBe(true);
  });
});

describe('small modules', () => {
  // A file past this is doing more than one thing; split it by what it does (issue 11, part 4).
  const maxLines = 400;
  const production = (f: string) =>
    /^(electron|shared|renderer|migrations|scripts)[/\\]/.test(f) && !/\.test\.tsx?$/.test(f);

  it(`no production file is over ${maxLines} lines`, () => {
    const lengths = files
      .filter(production)
      .map((f) => ({ f, lines: fs.readFileSync(path.join(root, f), 'utf8').split('\n').length }));
    expect(lengths.filter((l) => l.lines > maxLines).map((l) => `${l.f}: ${l.lines}`)).toEqual([]);
    // The walk sees the big files it is about.
    expect(
      lengths.find((l) => l.f === path.join('electron', 'core', 'store', 'schema.ts'))?.lines,
    ).toBeGreaterThan(300);
  });
});
