import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7.ts';

const here = import.meta.dirname;

describe('migrations are history', () => {
  it('a migration imports only from migrations/ and kysely, never live code of the app', () => {
    const offenders = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        [
          ...fs
            .readFileSync(path.join(here, f), 'utf8')
            .matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g),
        ]
          .map((m) => m[1] as string)
          .filter((spec) => !(spec === 'kysely' || (spec.startsWith('./') && !spec.includes('..'))))
          .map((spec) => `${f} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the frozen UUIDv7 carries the time and the version and variant bits', () => {
    const ms = Date.parse('2026-12-02T10:00:00Z');
    const id = uuid7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(ms);
    expect(uuid7(ms)).not.toBe(id);
  });
});
