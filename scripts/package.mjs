#!/usr/bin/env node
// Builds the .vsix: `npm run package [-- --out path.vsix]`. Everything that runs is bundled into dist/ by esbuild
// (vsce runs `vscode:prepublish`, i.e. the build), so node_modules stays out (--no-dependencies) and .vscodeignore
// lets in only the bundles, the manifest, the grammar, the schema, the icons and the docs a user reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = path.resolve(outAt >= 0 ? args[outAt + 1] : path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
fs.mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) { process.exit(r.status ?? 1); }
console.log(`packaged ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
