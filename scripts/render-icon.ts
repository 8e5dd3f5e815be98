/** Renders build/icon.svg to build/icon.png (512 px) in Debian's Chromium; electron-builder derives the rest. */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(
  `<style>html,body{margin:0;background:transparent}</style>${fs.readFileSync('build/icon.svg', 'utf8')}`,
);
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('build/icon.png');
