import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startCore } from '../../electron/core/app-core.ts';
import { openStore } from '../../electron/core/store/open-store.ts';

/** `npm start`'s browser host as a user starts it, the passphrase typed in (here: piped to standard input). */
function start(dataDir: string) {
  const child = spawn(process.execPath, ['electron/start.ts', '--browser', '--data-dir', dataDir], {
    env: { ...process.env, SCHAKEL_DATA_DIR: '' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    type: (line: string) => child.stdin.write(`${line}\n`),
    output: () => output,
    exited,
    waitFor: async (pattern: RegExp) => {
      await expect.poll(() => output, { timeout: 20_000 }).toMatch(pattern);
    },
  };
}

const test = base.extend<{ dataDir: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-start-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

const passphrase = 'fietsen langs de Vecht';
const digest = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function stop(child: ChildProcessWithoutNullStreams, exited: Promise<number | null>) {
  child.kill('SIGTERM');
  await exited;
}

test('a first start asks a passphrase twice, never shows it, and encrypts the new database', async ({
  dataDir,
  page,
}) => {
  const app = start(dataDir);
  await app.waitFor(/Nieuwe wachtwoordzin/);
  app.type('kort');
  await app.waitFor(/Te kort: gebruik minstens 12 tekens/);
  app.type(passphrase);
  app.type('iets anders dan de eerste');
  await app.waitFor(/De twee wachtwoordzinnen verschillen/);
  app.type(passphrase);
  app.type(passphrase);
  await app.waitFor(/Open Schakel in je browser: (http:\/\/127\.0\.0\.1:\d+\/\S+)/);
  const url = /Open Schakel in je browser: (\S+)/.exec(app.output())?.[1] ?? '';
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Welkom bij Schakel' })).toBeVisible();
  await stop(app.child, app.exited);
  expect(app.output()).not.toContain(passphrase);
  const file = path.join(dataDir, 'schakel.sqlite');
  expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
});

test('a wrong passphrase is refused three times with a Dutch message; the data stays as it was', async ({
  dataDir,
}) => {
  await (await openStore(path.join(dataDir, 'schakel.sqlite'), { key: passphrase })).close();
  const before = digest(path.join(dataDir, 'schakel.sqlite'));
  const app = start(dataDir);
  for (const guess of ['fout een', 'fout twee', 'fout drie']) {
    await app.waitFor(/Wachtwoordzin van de gegevens:/);
    app.type(guess);
  }
  expect(await app.exited).toBe(1);
  expect(app.output()).toMatch(/Die wachtwoordzin opent de gegevens niet\. Probeer het opnieuw\./);
  expect(app.output()).toMatch(/De wachtwoordzin \(of sleutel\) klopt niet, of .* Er is niets gewijzigd\./);
  expect(digest(path.join(dataDir, 'schakel.sqlite'))).toBe(before);
});

test('a plain database from before is encrypted at start, after an encrypted backup', async ({ dataDir }) => {
  const store = await openStore(path.join(dataDir, 'schakel.sqlite'), { key: null });
  await store.db
    .insertInto('settings')
    .values({ id: 'organisatie', naam: 'Stichting Van Vroeger', updated_at: 'x', version: 1 })
    .execute();
  await store.close();
  const app = start(dataDir);
  await app.waitFor(/nog niet versleuteld/);
  app.type(passphrase);
  app.type(passphrase);
  await app.waitFor(/Open Schakel in je browser/);
  await stop(app.child, app.exited);
  const file = path.join(dataDir, 'schakel.sqlite');
  expect(fs.readFileSync(file).includes('Stichting Van Vroeger')).toBe(false);
  const backups = fs.readdirSync(path.join(dataDir, 'reservekopieen'));
  expect(backups.some((n) => n.endsWith('-voor-versleuteling.sqlite'))).toBe(true);
  const reopened = await openStore(file, { key: passphrase });
  const row = await reopened.db.selectFrom('settings').select('naam').executeTakeFirstOrThrow();
  expect(row.naam).toBe('Stichting Van Vroeger');
  await reopened.close();
});

test('a backup made under a keychain key opens on another computer with the recovery code typed as passphrase', async ({
  dataDir,
}) => {
  // Electron's key: random, kept by the keychain; the beheerder wrote it down as the recovery code.
  const code = '0f1e2d3c'.repeat(8);
  const original = path.join(dataDir, 'laptop');
  const core = await startCore(original, { key: code, keySource: 'sleutelbos' });
  await core.store.db
    .insertInto('settings')
    .values({ id: 'organisatie', naam: 'Stichting Verloren Laptop', updated_at: 'x', version: 1 })
    .execute();
  const backup = core.backups.create(core.store.sqlite, 'handmatig');
  await core.close();

  const elsewhere = path.join(dataDir, 'nieuwe-computer');
  fs.mkdirSync(elsewhere);
  fs.copyFileSync(path.join(original, 'reservekopieen', backup.name), path.join(elsewhere, 'schakel.sqlite'));
  const app = start(elsewhere);
  await app.waitFor(/Wachtwoordzin van de gegevens:/);
  app.type(code);
  await app.waitFor(/Open Schakel in je browser/);
  await stop(app.child, app.exited);
  const reopened = await openStore(path.join(elsewhere, 'schakel.sqlite'), { key: code });
  const row = await reopened.db.selectFrom('settings').select('naam').executeTakeFirstOrThrow();
  expect(row.naam).toBe('Stichting Verloren Laptop');
  await reopened.close();
});
