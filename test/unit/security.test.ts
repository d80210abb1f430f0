// Copydesk reads unpublished copy: it must never send any of it anywhere. Two checks, because either alone can be
// fooled: a scan of every shipped bundle for the modules and globals that reach the network or other processes, and
// a run of the real CLI with every such door booby-trapped, which records any attempt to open one.
// (Hover and message escaping is tested where it renders, in a real VS Code: test/integration/security.test.ts.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The analysis workers, when the build makes them, are shipped code too.
const BUNDLES = ['dist/extension.js', 'dist/web/extension.cjs', 'dist/cli.js', ...['dist/worker.js', 'dist/web/worker.js'].filter(f => existsSync(f))];
const WEB_BUNDLES = new Set(['dist/web/extension.cjs', 'dist/web/worker.js']);

/** Modules a bundle may require at all, per bundle: anything else is a finding. */
const ALLOWED: Record<string, RegExp> = {
  // No fs either: the extension reads through vscode.workspace.fs, which is what makes virtualWorkspaces: true honest.
  // worker_threads: analysis runs in a worker thread of the extension host (no network, no other process).
  'dist/extension.js': /^(vscode|(node:)?(path|url|process|util|worker_threads))$/,
  'dist/worker.js': /^(node:)?(path|url|process|util|worker_threads)$/,
  // The browser host has no Node: the web bundles may require nothing but the vscode API (and, behind a Node-only
  // guard, what the engine uses to start a worker thread in Node; see the test of the web bundles below).
  'dist/web/extension.cjs': /^(vscode|node:worker_threads|node:path)$/,
  'dist/web/worker.js': /^$/,
  'dist/cli.js': /^(node:)?(path|url|process|util|fs|fs\/promises|os)$/,
};
const NETWORK_MODULES = /^(node:)?(net|http|https|http2|tls|dgram|dns|dns\/promises|child_process|cluster|inspector)$/;
const NETWORK_GLOBALS: Array<[string, RegExp]> = [
  ['fetch()', /(?<![\w$.])fetch\s*\(|\.fetch\s*\(|\[\s*["'`]fetch["'`]\s*\]/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['navigator.sendBeacon', /sendBeacon/],
  ['importScripts()', /importScripts\s*\(/],
  ['RTCPeerConnection', /RTCPeerConnection/],
  // `{import('x').T}` in a JSDoc type is a comment, not a call.
  ['dynamic import()', /(?<![\w$.{])import\s*\(/],
  ['eval / new Function', /(?<![\w$.])eval\s*\(|new\s+Function\s*\(/],
];

/** Every module a CommonJS bundle requires (string literal or not). */
function requiresOf(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?<![\w$.])require\s*\(\s*([^)]*)\)/g)) {
    const arg = m[1].trim();
    const lit = /^(["'`])([^"'`]*)\1$/.exec(arg);
    out.push(lit ? lit[2] : `<computed: ${arg.slice(0, 40)}>`);
  }
  return [...new Set(out)];
}

describe('security: the shipped bundles cannot reach the network', () => {
  for (const bundle of BUNDLES) {
    it(`${bundle} requires no network or process module, nothing computed, and nothing unexpected`, () => {
      assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
      const required = requiresOf(readFileSync(bundle, 'utf8'));
      assert.deepEqual(required.filter(r => NETWORK_MODULES.test(r)), [], `${bundle} requires a network module`);
      assert.deepEqual(required.filter(r => !ALLOWED[bundle].test(r)), [], `${bundle} requires something outside its allow-list`);
    });

    it(`${bundle} uses no fetch, XMLHttpRequest, WebSocket, sendBeacon, importScripts, dynamic import or eval`, () => {
      const code = readFileSync(bundle, 'utf8');
      const found = NETWORK_GLOBALS.filter(([, re]) => re.test(code)).map(([name, re]) => {
        const at = code.search(re);
        return `${name}: …${code.slice(Math.max(0, at - 60), at + 60)}…`;
      });
      assert.deepEqual(found, []);
    });
  }

  it('the scan can fail: it sees each kind of door in a bundle that has one', () => {
    const bad = 'const n=require("node:net");const h=require( "https" );const x=require(name);fetch("https://x");globalThis.fetch(u);new WebSocket(u);navigator.sendBeacon(u,d);';
    assert.deepEqual(requiresOf(bad).filter(r => NETWORK_MODULES.test(r)), ['node:net', 'https']);
    assert.ok(requiresOf(bad).some(r => r.startsWith('<computed')));
    const names = NETWORK_GLOBALS.filter(([, re]) => re.test(bad)).map(([n]) => n);
    assert.deepEqual(names, ['fetch()', 'WebSocket', 'navigator.sendBeacon']);
    assert.ok(!NETWORK_GLOBALS.some(([, re]) => re.test('prefetch(a); x.refetchAll; "fetchable"; reimport(x)')), 'no false alarm on look-alikes');
  });

  it('the web bundles require no Node built-in (the browser extension host has none)', () => {
    assert.ok(existsSync('dist/web/extension.cjs'), 'dist/web/extension.js is missing: run `npm run build` first');
    for (const bundle of BUNDLES.filter(b => WEB_BUNDLES.has(b))) {
      const code = readFileSync(bundle, 'utf8');
      // The one tolerated exception: the engine's Node-only branch, behind a runtime check that is false in a browser
      // (`typeof __dirname === "string"` a few lines above). Anything else would throw when the bundle loads or runs.
      const unguarded = [...code.matchAll(/(?<![\w$.])require\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
        .filter(m => m[1] !== 'vscode' && !/typeof __dirname === "string"[^]{0,200}$/.test(code.slice(Math.max(0, m.index! - 400), m.index)))
        .map(m => m[1]);
      assert.deepEqual(unguarded, [], `${bundle} requires Node built-ins outside a Node-only branch`);
    }
  });
});

// A preload (node --require) that replaces every door to the network or to other processes with one that records
// the attempt in $COPYDESK_TRAP_LOG and throws. Written to a temp folder at test time.
const TRAP = String.raw`
const fs = require('fs');
const log = process.env.COPYDESK_TRAP_LOG;
function trap(name) {
  return function trapped() {
    fs.appendFileSync(log, name + '\n');
    throw new Error('copydesk test: ' + name + ' is forbidden');
  };
}
const net = require('net');
net.connect = net.createConnection = trap('net.connect');
net.Socket.prototype.connect = trap('net.Socket.connect');
for (const mod of ['http', 'https']) {
  const m = require(mod);
  m.request = trap(mod + '.request'); m.get = trap(mod + '.get');
}
require('http2').connect = trap('http2.connect');
require('tls').connect = trap('tls.connect');
require('dgram').createSocket = trap('dgram.createSocket');
const dns = require('dns');
for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { dns[f] = trap('dns.' + f); dns.promises[f] = trap('dns.promises.' + f); }
const cp = require('child_process');
for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) { cp[f] = trap('child_process.' + f); }
for (const g of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
  Object.defineProperty(globalThis, g, { get() { fs.appendFileSync(log, 'global ' + g + '\n'); return trap(g); }, configurable: false });
}
`;

describe('security: the CLI opens no connection at run time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-trap-'));
  const preload = join(dir, 'trap.cjs');
  const trapLog = join(dir, 'attempts.log');
  writeFileSync(preload, TRAP);
  after(() => rmSync(dir, { recursive: true, force: true }));

  function runTrapped(args: string[], script = [resolve('dist/cli.js')]): { status: number | null; stdout: string; stderr: string; attempts: string[] } {
    writeFileSync(trapLog, '');
    const r = spawnSync(process.execPath, ['--require', preload, ...script, ...args], {
      encoding: 'utf8', env: { ...process.env, COPYDESK_TRAP_LOG: trapLog, NODE_OPTIONS: '' },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, attempts: readFileSync(trapLog, 'utf8').split('\n').filter(Boolean) };
  }

  it('the trap works: a script that connects is caught and recorded', () => {
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, `for (const f of [() => require('net').connect(9, '127.0.0.1'), () => require('https').get('https://example.invalid'),
      () => fetch('https://example.invalid'), () => require('dns').lookup('example.invalid', () => {}), () => require('child_process').execSync('true')]) {
      try { f(); } catch {} }`);
    const r = runTrapped([], [probe]);
    assert.deepEqual(r.attempts, ['net.connect', 'https.get', 'global fetch', 'fetch', 'dns.lookup', 'child_process.execSync'], r.stderr);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`checking the samples with --format ${format} and a people directory attempts no connection and starts no process`, () => {
      assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` first');
      const people = join(dir, 'people.json');
      mkdirSync(dir, { recursive: true });
      writeFileSync(people, JSON.stringify({ people: [{ name: 'Rosa Delgado', url: 'https://example.invalid/rosa', titles: ['Councilmember'] }] }));
      const r = runTrapped(['--format', format, '--people', people, 'test/fixtures/samples/harbor-dredging.txt', 'test/fixtures/samples/ministry-budget.md']);
      assert.deepEqual(r.attempts, []);
      assert.equal(r.status, 1, r.stderr);   // the samples have problems: the check really ran
      assert.ok(r.stdout.length > 100);
    });
  }
});
