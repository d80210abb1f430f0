// The packaged .vsix: only what runs, everything the manifest points at, and small. Builds it with
// scripts/package.mjs (which runs the esbuild build through vscode:prepublish) into a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { RULES } from '../../src/core/rules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Entry { name: string; size: number; data: () => Buffer }

/** The entries of a zip file, from its central directory (no dependency: a .vsix is a plain zip). */
function readZip(file: string): Entry[] {
  const zip = fs.readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28), extraLength = zip.readUInt16LE(at + 30), commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name, size,
      data: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        return method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the packaged extension (.vsix)', function () {
  // Packaging runs the full esbuild build: slow on a busy machine.
  this.timeout(240000);
  let entries: Entry[];
  let vsixSize: number;
  const names = (): string[] => entries.map(e => e.name);
  const entry = (name: string): Entry => {
    const e = entries.find(x => x.name === name);
    assert.ok(e, `${name} is in the vsix (has: ${names().join(', ')})`);
    return e;
  };

  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vsix-'));
    const out = path.join(dir, 'copydesk.vsix');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    entries = readZip(out);
    vsixSize = fs.statSync(out).size;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds the bundles, the manifest, the icons, the grammar, the schema, the licence and the changelog', () => {
    for (const name of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/worker.js', 'extension/dist/web/extension.cjs', 'extension/dist/web/worker.js', 'extension/dist/package.json',
      'extension/media/icon.png', 'extension/media/sources.svg', 'extension/schemas/people.schema.json',
      'extension/syntaxes/copydesk.news.tmLanguage.json', 'extension/LICENSE.txt', 'extension/changelog.md']) {
      entry(name);
    }
    // dist/ is CommonJS inside an ES-module package: without its package.json, VS Code's require() would fail.
    assert.deepEqual(JSON.parse(entry('extension/dist/package.json').data().toString('utf8')), { type: 'commonjs' });
  });

  it('leaves out sources, tests, dependencies, source maps and the development tree', () => {
    const unwanted = names().filter(n => /^extension\/(src|test|scripts|node_modules|docs|\.vscode-test|\.git)\//.test(n)
      || /\.(map|ts|vsix|log)$/.test(n) || /^extension\/dist\/(test|cli)/.test(n));
    assert.deepEqual(unwanted, []);
    assert.ok(names().length <= 20, `few files: ${names().length}`);
  });

  it('is small', () => {
    assert.ok(vsixSize < 1_500_000, `vsix is ${vsixSize} bytes`);
    assert.ok(entry('extension/dist/extension.js').size < 3_000_000, 'node bundle');
  });

  it('contains every file its manifest points at', () => {
    const pkg = JSON.parse(entry('extension/package.json').data().toString('utf8'));
    const c = pkg.contributes;
    const paths: string[] = [pkg.main, pkg.browser, pkg.icon,
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.jsonValidation.map((j: { url: string }) => j.url).filter((u: string) => !/^https?:/.test(u)),
      ...Object.values(c.viewsContainers as Record<string, Array<{ icon: string }>>).flat().map(v => v.icon),
      ...Object.values(c.views as Record<string, Array<{ icon?: string }>>).flat().map(v => v.icon).filter((i): i is string => !!i)];
    assert.ok(paths.length >= 7);
    for (const p of paths) { entry('extension/' + path.posix.normalize(p).replace(/^\.\//, '')); }
  });

  it('has a 128x128 PNG icon', () => {
    const png = entry('extension/media/icon.png').data();
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
  });

  it('lists every rule in the copydesk.rules setting, and every rule has its documentation page', () => {
    const pkg = JSON.parse(entry('extension/package.json').data().toString('utf8'));
    const props = pkg.contributes.configuration.properties['copydesk.rules'].properties as Record<string, { markdownDescription: string }>;
    for (const [id, rule] of RULES) {
      assert.ok(props[id], `copydesk.rules has ${id}`);
      assert.ok(props[id].markdownDescription.includes(`\`${rule.severity}\``), `${id}: default severity documented`);
      const page = path.join(ROOT, 'docs/rules', `${id}.md`);
      assert.ok(fs.existsSync(page), `docs/rules/${id}.md`);
      const text = fs.readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${id}\n`), `${id}: page title`);
      assert.ok(/\*\*Default severity:\*\* (error|warning|info)/.test(text) && text.includes(`**Default severity:** ${rule.severity}`), `${id}: severity on the page`);
      assert.ok(/^Flags\b/m.test(text) && /^Lets pass\b/m.test(text), `${id}: examples of what it flags and lets pass`);
    }
    assert.deepEqual(Object.keys(props).filter(k => k.includes('/') && !RULES.has(k)), [], 'no setting for a rule that does not exist');
  });
});
