#!/usr/bin/env node
// Checks that the packaged .vsix installs into a real VS Code (code-server) and works there, not just the development
// tree: packages it (or takes a path), installs it with `code-server --install-extension` into a fresh extensions
// folder, checks `--list-extensions --show-versions`, then runs part of the integration suite against that install
// (the harness gets a stub as its development extension, so only the installed Copydesk is loaded).
//   node scripts/check-vsix.mjs [path.vsix]      COPYDESK_IT_GREP overrides the tests run (default: the core ones)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, NODE24, CODE_SERVER, ensureCodeServer } from './vscode-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const id = `${pkg.publisher}.${pkg.name}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vsix-check-'));
const fail = msg => { console.error(`[check-vsix] FAIL: ${msg} (files in ${work})`); process.exit(1); };
ensureCodeServer();

let vsix = process.argv[2] && path.resolve(process.argv[2]);
if (!vsix) {
  vsix = path.join(work, `${pkg.name}.vsix`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', vsix], { stdio: 'inherit' });
  if (r.status !== 0) { fail('packaging failed'); }
}

const extensions = path.join(work, 'extensions');
const userData = path.join(work, 'user-data');
const codeServer = (...args) => spawnSync(NODE24, [CODE_SERVER, '--extensions-dir', extensions, '--user-data-dir', userData, ...args],
  { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: work, XDG_DATA_HOME: work } });
const install = codeServer('--install-extension', vsix);
if (install.status !== 0) { fail(`--install-extension exited ${install.status}:\n${install.stdout}${install.stderr}`); }
const list = codeServer('--list-extensions', '--show-versions');
const line = `${id}@${pkg.version}`;
if (!list.stdout.split(/\r?\n/).includes(line)) { fail(`${line} not in --list-extensions:\n${list.stdout}${list.stderr}`); }
console.log(`[check-vsix] installed: ${line}`);

// The harness needs a development extension to run tests in; an empty one leaves the installed Copydesk as the only one.
const stub = path.join(work, 'stub');
fs.mkdirSync(stub);
fs.writeFileSync(path.join(stub, 'package.json'), JSON.stringify({ name: 'copydesk-it-host', publisher: 'copydesk', version: '0.0.0', engines: { vscode: '*' } }));
const grep = process.env.COPYDESK_IT_GREP || 'real editor|packaged|Sources view|suppression comment';
const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-integration-tests.mjs')], {
  stdio: 'inherit', env: { ...process.env, COPYDESK_IT_EXTENSIONS_DIR: extensions, COPYDESK_IT_DEV_PATH: stub, COPYDESK_IT_GREP: grep },
});
if (run.status !== 0) { fail(`the integration tests against the installed .vsix failed (exit ${run.status})`); }
fs.rmSync(work, { recursive: true, force: true });
console.log('[check-vsix] OK: the .vsix installs, activates and passes the integration tests');
