import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { reachableByOthers } from './embedded-postgres.ts';

it('sees whether the postgres user can reach the binaries: not inside a folder only its owner may enter', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-home-'));
  const inside = path.join(home, 'checkout', 'node_modules');
  fs.mkdirSync(inside, { recursive: true });
  try {
    fs.chmodSync(home, 0o700);
    expect(reachableByOthers(inside)).toBe(false);
    fs.chmodSync(home, 0o755);
    expect(reachableByOthers(inside)).toBe(true);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
