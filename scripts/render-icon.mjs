#!/usr/bin/env node
// Renders media/icon.svg (the source) to media/icon.png (what the Marketplace and the Extensions view show) with the
// headless chromium the integration tests already use, so that no image tool is needed: `node scripts/render-icon.mjs`.
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { ROOT, CHROME, CHROME_ARGS } from './vscode-server.mjs';

const svg = fs.readFileSync(path.join(ROOT, 'media/icon.svg'), 'utf8');
const size = 128;
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'media/icon.png'), omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await browser.close();
}
