import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../electron/electron-binary.ts';

const binary = electronBinary();

test.describe('Electron host', () => {
  test.skip(
    !binary,
    'De Electron-runtime is op deze machine niet geïnstalleerd (de download kan zijn host niet bereiken).',
  );

  test('starts, shows the setup screen and exposes only invoke through the preload', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.', '--data-dir', dataDir],
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Welkom bij Schakel' })).toBeVisible();
      const bridge = await window.evaluate(() => ({
        keys: Object.keys((window as unknown as { schakel: object }).schakel),
        node: typeof (window as unknown as { require?: unknown }).require,
      }));
      expect(bridge).toEqual({ keys: ['invoke'], node: 'undefined' });
      // The database is encrypted with a key kept by the system keychain (safeStorage), not typed by anyone.
      expect(fs.existsSync(path.join(dataDir, 'databasesleutel.bin'))).toBe(true);
      const head = fs.readFileSync(path.join(dataDir, 'schakel.sqlite')).subarray(0, 15).toString('latin1');
      expect(head).not.toBe('SQLite format 3');
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
