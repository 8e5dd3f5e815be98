import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Electron binary, found without importing the 'electron' package (only the shell may import it). */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
