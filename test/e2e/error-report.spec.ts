import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../electron/core/store/encryption.ts';
import { e2eKey, enterNewPerson, expect, screenshot, setUp, test } from './fixtures.ts';

/** Every log file of the data folder, current and rotated, as text. */
function logText(dataDir: string): string {
  const dir = path.join(dataDir, 'logs');
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('');
}

/** Waits for the notice's and the modal's transitions to end, so a screenshot shows them whole. */
async function settled(page: Page): Promise<void> {
  // A transition that is cut short rejects its promise; that one has ended too.
  await page.evaluate(async () => {
    await Promise.allSettled(document.getAnimations().map((a) => a.finished));
  });
}

test('a save that fails inside Schakel offers a technical report to copy, without the form values', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await setUp(page, host.url);

  // The database is damaged behind Schakel's back (another program removed the audit table): every save fails.
  const db = new Database(path.join(host.dataDir, 'schakel.sqlite'));
  applyKey(db, e2eKey);
  db.exec('drop table audit_log');
  db.close();

  await enterNewPerson(page, 'NL91 ABNA 0417 1643 00');

  // One notice, with the reference in its message and a way to the details.
  const notice = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
  await expect(notice).toContainText(/kenmerk [0-9a-f]{8}/);
  const reference = /kenmerk ([0-9a-f]{8})/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
  await settled(page);
  await screenshot(page, 'fout-melding');
  await notice.getByRole('button', { name: 'Details' }).click();

  const dialog = page.getByRole('dialog', { name: 'Er ging iets mis' });
  const report = dialog.getByRole('textbox', { name: 'Technisch rapport' });
  await expect(report).toBeVisible();
  const text = await report.inputValue();
  expect(text).toContain('Schakel – technisch rapport');
  expect(text).toMatch(/^Versie: \d+\.\d+\.\d+$/m);
  expect(text).toContain('Scherm: personen/nieuw');
  expect(text).toContain('Opdracht: persons.create');
  expect(text).toContain('Foutcode: internal');
  expect(text).toContain(`Kenmerk: ${reference}`);
  expect(text).toMatch(/^Browser: Mozilla\/5\.0 /m);
  for (const value of ['Şükrü', 'Çelik', 'NL91', '3511', 'Utrecht', 'Annelies', 'Welzijn Oost']) {
    expect(text, value).not.toContain(value);
  }
  await settled(page);
  await screenshot(page, 'fout-rapport-opdracht');

  await dialog.getByRole('button', { name: 'Kopieer rapport' }).click();
  await expect(dialog.getByRole('button', { name: 'Gekopieerd' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // The log has the same reference, and none of what was typed.
  const log = logText(host.dataDir);
  expect(log).toContain(`"reference":"${reference}"`);
  for (const value of ['Şükrü', 'Çelik', 'NL91', 'Annelies']) expect(log, value).not.toContain(value);
});

test('a screen that cannot be shown gives way to "Er ging iets mis" with the report and a way back', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  // An address typed by hand that is not valid percent-encoding: the screen cannot even read its route.
  await page.evaluate(() => {
    window.location.hash = '#/personen/%E0%A4%A';
  });

  await expect(page.getByRole('heading', { name: 'Er ging iets mis' })).toBeVisible();
  const text = await page.getByRole('textbox', { name: 'Technisch rapport' }).inputValue();
  expect(text).toContain('Soort: fout in het scherm');
  expect(text).toContain('Fout: URIError');
  expect(text).toContain('Melding: URI malformed');
  expect(text).toContain('Scherm: personen/…');
  expect(text).toMatch(/^Stack:\n {2}\S+ \S+\.js:\d+:\d+$/m);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain('Annelies');
  await screenshot(page, 'fout-rapport-scherm');

  await page.getByRole('button', { name: 'Naar het startscherm' }).click();
  await expect(page.getByRole('heading', { name: 'Goedendag, Annelies' })).toBeVisible();
});
