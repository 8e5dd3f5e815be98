import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
