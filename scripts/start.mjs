#!/usr/bin/env node
// `npm start`: builds Copydesk, then serves a real VS Code (code-server) on 127.0.0.1 with the extension installed,
// opening test/fixtures/workspace and harbor-dredging.txt (or the folder or file given), until Ctrl-C.
//   npm start [-- [folder|file] [--port N] [--no-build] [--check]]
//   --check   do not wait for Ctrl-C: open the workbench in headless chromium, wait until Copydesk's squiggles show,
//             save .vscode-test/runs/start/check.png, stop, and exit 0 (or 1 when they never appear)
// The extension is "installed" as links (package.json, dist/...) in the server's extensions folder, so after
// `npm run build` (or `node scripts/build.mjs --watch`) a "Developer: Reload Window" in the browser picks up the new code.
// State (settings, open editors) is kept in .vscode-test/runs/start/ between starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureCodeServer, freePort, remoteUri, startCodeServer, workbenchUrl } from './vscode-server.mjs';

const argv = process.argv.slice(2);
const flag = name => { const i = argv.indexOf(name); if (i < 0) { return false; } argv.splice(i, 1); return true; };
const option = name => { const i = argv.indexOf(name); if (i < 0) { return undefined; } const [, v] = argv.splice(i, 2); return v; };
const check = flag('--check'), noBuild = flag('--no-build');
const wantedPort = +(option('--port') || process.env.COPYDESK_PORT || 8765);
const target = path.resolve(argv[0] || path.join(ROOT, 'test/fixtures/workspace'));
if (!fs.existsSync(target)) { console.error(`[start] no such folder or file: ${target}`); process.exit(2); }
const isFile = fs.statSync(target).isFile();
const folder = isFile ? path.dirname(target) : target;
const file = isFile ? target : ['harbor-dredging.txt', 'README.md'].map(f => path.join(folder, f)).find(f => fs.existsSync(f));

if (!noBuild) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) { process.exit(r.status ?? 1); }
}
ensureCodeServer();

// Install the extension as links to the working tree (a fresh extensions.json makes the server rescan the folder).
const dir = path.join(ROOT, '.vscode-test/runs/start');
const extensionsDir = path.join(dir, 'extensions');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
fs.mkdirSync(extensionsDir, { recursive: true });
for (const e of fs.readdirSync(extensionsDir)) {
  if (e.toLowerCase().startsWith(`${id}-`) || e === 'extensions.json') { fs.rmSync(path.join(extensionsDir, e), { recursive: true, force: true }); }
}
const ext = path.join(extensionsDir, `${id}-${manifest.version}`);
fs.mkdirSync(ext);
for (const f of ['package.json', 'dist', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media', 'docs', 'syntaxes', 'language-configuration.json']) {
  if (fs.existsSync(path.join(ROOT, f))) { fs.symlinkSync(path.join(ROOT, f), path.join(ext, f)); }
}

const port = await freePort(wantedPort);
const cs = await startCodeServer({ dir, port, extensionsDir, keepSettings: true,
  onExit: c => { console.error(`[start] code-server exited (${c}); log: ${path.relative(ROOT, path.join(dir, 'code-server.log'))}`); process.exit(1); } });
const url = workbenchUrl(port, folder, file ? [['openFile', remoteUri(port, file)]] : []);
const stop = code => { cs.stop(); process.exit(code); };
process.on('SIGINT', () => { console.log('\n[start] stopped'); stop(0); });
process.on('SIGTERM', () => stop(0));

if (!check) {
  console.log(`\nCopydesk ${manifest.version} in VS Code (code-server), serving ${folder}\n\n  ${url}\n\n` +
    `(short address: http://127.0.0.1:${port}/ reopens the last folder)  Ctrl-C stops.`);
} else {
  const { chromium } = await import('playwright-core');
  const { launchChromium } = await import('./vscode-server.mjs');
  const browser = await launchChromium(chromium, dir, cs.isolatedEnv);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const t0 = Date.now();
  let code = 0;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180000 });
    await page.waitForSelector('.squiggly-error, .squiggly-warning, .squiggly-info', { state: 'attached', timeout: 120000 });
    await page.waitForTimeout(1000);
    console.log(`[start] check: Copydesk's findings show in the editor after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`[start] check FAILED: ${e.message.split('\n')[0]}`);
    code = 1;
  }
  await page.screenshot({ path: path.join(dir, 'check.png') }).catch(() => {});
  console.log(`[start] screenshot: ${path.relative(ROOT, path.join(dir, 'check.png'))}`);
  await browser.close();
  stop(code);
}
