#!/usr/bin/env node
// Runs the integration suite (dist/test/integration/index.js, built by scripts/build.mjs) inside a real VS Code:
// code-server (VS Code server + web workbench) with Copydesk in its Node extension host, driven by headless Debian
// chromium through playwright-core. The exit code is the suite's: 0 when every test passed.
//
// Environment:
//   COPYDESK_IT_GREP=<regexp>      run only the tests whose full title matches (mocha grep, read in the extension host)
//   COPYDESK_SCREENSHOT=1          copy the workbench screenshot taken by the suite to media/screenshot.png
//   COPYDESK_IT_TIMEOUT_MS=<ms>    whole-run deadline (default 2400000 = 40 min)
//   COPYDESK_IT_TIME_SCALE=<n>     multiply the tests' own deadlines (default: from the load average, 1 to 4)
//   COPYDESK_IT_VERBOSE=1          also print the workbench's noise (agent host, service worker... lines)
//   CHROME_PATH=<path>             chromium to use (default /usr/bin/chromium)
//   COPYDESK_IT_WORKSPACE=<dir>    fixture folder to copy and open (default test/fixtures/workspace)
//   COPYDESK_IT_RESTRICTED=1       the Restricted Mode suite instead (test/integration/*.untrusted.ts): workspace trust
//                                  on, test/fixtures/restricted-workspace opened untrusted (npm run test:restricted)
// Everything of a run (logs, user data, screenshots, the copy of the workspace) stays in .vscode-test/runs/run-XXXX/
// (ignored by git; the 10 latest are kept).
//
// Screenshots: the harness gives the extension host COPYDESK_IT_RUN_DIR; a test calls screenshot(name) from
// test/integration/util.ts, which writes <run>/shots/<name>.request and waits for <name>.done, written here once the
// page is captured into <run>/shots/<name>.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, ensureCodeServer, freePort, launchChromium, remoteUri, startCodeServer, workbenchUrl } from './vscode-server.mjs';

const TESTS = path.join(ROOT, 'dist/test/integration/index.js');
const RESTRICTED = process.env.COPYDESK_IT_RESTRICTED === '1';
const WORKSPACE = path.resolve(process.env.COPYDESK_IT_WORKSPACE ||
  path.join(ROOT, RESTRICTED ? 'test/fixtures/restricted-workspace' : 'test/fixtures/workspace'));
// Deadlines inside the tests (waitFor, mocha's timeout) are multiplied by this; by default it follows the load average
// (on a machine busy with other work the extension host answers late), from 1 to 4.
const TIME_SCALE = process.env.COPYDESK_IT_TIME_SCALE ||
  String(Math.min(4, Math.max(1, Math.round(os.loadavg()[0] / os.cpus().length))));
const TIMEOUT_MS = +(process.env.COPYDESK_IT_TIMEOUT_MS || 2400000);   // 40 min: some tests allow themselves 15
const VERBOSE = !!process.env.COPYDESK_IT_VERBOSE;
const NOISE = /^(\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|Ignoring fetching additional builtin|Creation of workbench contribution|.*ENOTFOUND open-vsx\.org|Timed out waiting for authentication provider 'github')/;

if (!fs.existsSync(TESTS)) { console.error(`[vscode-it] ${path.relative(ROOT, TESTS)} missing: run \`npm run build\` first`); process.exit(2); }
if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) { console.error('[vscode-it] dist/extension.js missing: run `npm run build` first'); process.exit(2); }
ensureCodeServer();

const RUNS = process.env.COPYDESK_IT_RUNS_DIR || path.join(ROOT, '.vscode-test', 'runs');
fs.mkdirSync(RUNS, { recursive: true });
// Keep the 10 latest runs (a few MB each).
for (const old of fs.readdirSync(RUNS).filter(d => d.startsWith('run-')).map(d => path.join(RUNS, d))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs).slice(9)) {
  fs.rmSync(old, { recursive: true, force: true });
}
const run = fs.mkdtempSync(path.join(RUNS, 'run-'));
const shots = path.join(run, 'shots');
fs.mkdirSync(shots);
// The suite works on a copy of the fixture folder: whatever a test writes, saves or leaves behind (temporary files of an
// interrupted run) stays in the run folder, and runs at the same time do not see each other's files.
const workspace = path.join(run, 'workspace');
fs.cpSync(WORKSPACE, workspace, { recursive: true });
const t0 = Date.now(), T = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

let cs, browser, page, finished = false;
const windowLog = fs.createWriteStream(path.join(run, 'window.log'));

async function finish(code, why) {
  if (finished) { return; }
  finished = true;
  clearInterval(shotTimer);
  if (code !== 0 && page) { await page.screenshot({ path: path.join(run, 'final.png') }).catch(() => {}); }
  if (process.env.COPYDESK_SCREENSHOT === '1') {
    const shot = path.join(shots, 'workbench.png');
    if (fs.existsSync(shot)) {
      fs.mkdirSync(path.join(ROOT, 'media'), { recursive: true });
      fs.copyFileSync(shot, path.join(ROOT, 'media/screenshot.png'));
      console.log('[vscode-it] screenshot copied to media/screenshot.png');
    } else {
      console.error('[vscode-it] COPYDESK_SCREENSHOT=1 but the suite took no "workbench" screenshot');
      if (code === 0) { code = 1; }
    }
  }
  console.log(`[vscode-it] ${T()} ${why}; exit ${code}; logs in ${path.relative(ROOT, run)}`);
  if (browser) { await browser.close().catch(() => {}); }
  cs?.stop();
  windowLog.end();
  setTimeout(() => process.exit(code), 500);
}

// Serve the suite's screenshot requests.
let shooting = false;
const shotTimer = setInterval(async () => {
  if (shooting || !page) { return; }
  shooting = true;
  try {
    for (const f of fs.readdirSync(shots).filter(f => f.endsWith('.request'))) {
      const name = f.slice(0, -'.request'.length);
      const png = path.join(shots, `${name}.png`);
      let result = png;
      try { await page.screenshot({ path: png }); } catch (e) { result = `ERROR ${e.message}`; }
      fs.renameSync(path.join(shots, f), path.join(shots, `${name}.taken`));
      fs.writeFileSync(path.join(shots, `${name}.done`), result);
    }
  } finally { shooting = false; }
}, 200);

setTimeout(() => finish(1, `TIMEOUT after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));

try {
  const port = await freePort();
  // The extension host inherits the server's environment: that is how COPYDESK_IT_GREP, the run folder and the
  // time scale reach it.
  // COPYDESK_IT_EXTENSIONS_DIR + COPYDESK_IT_DEV_PATH (scripts/check-vsix.mjs): run the suite against the packaged
  // .vsix installed in that folder, with a stub as the development extension so that the repository is not loaded.
  cs = await startCodeServer({ dir: run, port, smokeTestDriver: true, extensionsDir: process.env.COPYDESK_IT_EXTENSIONS_DIR || undefined, env: { COPYDESK_IT_RUN_DIR: run, COPYDESK_IT_TIME_SCALE: TIME_SCALE, COPYDESK_IT_SUITE: RESTRICTED ? 'restricted' : 'integration' },
    workspaceTrust: RESTRICTED,
    onExit: c => finish(1, `code-server exited (${c})`) });
  console.log(`[vscode-it] ${T()} code-server listening on 127.0.0.1:${port}${RESTRICTED ? '; Restricted Mode suite (workspace trust on, folder untrusted)' : ''}${TIME_SCALE !== '1' ? `; test deadlines x${TIME_SCALE}` : ''}`);
  browser = await launchChromium(chromium, run, cs.isolatedEnv);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', e => windowLog.write(`${T()} pageerror: ${e.message}\n`));
  // VS Code's workbench calls these while extension tests run (the protocol @vscode/test-web uses).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = args.map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    windowLog.write(`${T()} ${type}: ${line}\n`);
    if (VERBOSE || !NOISE.test(line)) { (console[type] || console.log)(...args); }
  });
  await page.exposeFunction('codeAutomationExit', code => finish(code, code === 0 ? 'tests passed' : 'tests FAILED'));
  const payload = [['extensionDevelopmentPath', remoteUri(port, process.env.COPYDESK_IT_DEV_PATH || ROOT)], ['extensionTestsPath', remoteUri(port, TESTS)],
    ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  // No navigation timeout of its own: the whole run has one (a busy machine can take minutes to load the workbench).
  await page.goto(workbenchUrl(port, workspace, payload), { waitUntil: 'domcontentloaded', timeout: 0 });
  console.log(`[vscode-it] ${T()} workbench loaded; running tests${process.env.COPYDESK_IT_GREP ? ` matching /${process.env.COPYDESK_IT_GREP}/` : ''}`);
} catch (e) {
  console.error('[vscode-it] harness error:', e);
  await finish(1, 'harness error');
}
