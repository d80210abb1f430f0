// Bundles every face of Copydesk with esbuild. unified and retext are ESM-only while VS Code loads
// extensions with require(), so everything that VS Code or the CLI loads is bundled to CommonJS in dist/
// (dist/package.json marks that folder as CommonJS even though the package itself is an ES module).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: true, target: 'es2022', logLevel: 'warning', legalComments: 'none' };
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

const integrationTests = existsSync('test/integration')
  ? readdirSync('test/integration').filter(f => f.endsWith('.test.ts') || f.endsWith('.untrusted.ts')).map(f => join('test/integration', f))
  : [];

const jobs = [
  // Node extension host (desktop VS Code, code-server, Codespaces).
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // Browser extension host (vscode.dev, github.dev): same engine, no Node built-ins. `.cjs`: in a "type": "module" package
  // the web extension host takes a `.js` entry for ESM and refuses to activate it ("ESM modules are not supported").
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', format: 'cjs', external: ['vscode', 'node:worker_threads', 'node:path'],
    // 'worker': the web extension host is a web worker, with no DOM. Without it decode-named-character-reference (under
    // micromark) picks its `browser` build, which calls document.createElement at load: "document is not defined".
    conditions: ['worker'],
    define: { 'process.env.NODE_ENV': '"production"' }, alias: {} },
  // The analysis worker (src/extension/engine.ts starts it): keeps long documents off the extension host's thread.
  { ...common, entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/extension/worker.ts'], outfile: 'dist/web/worker.js', platform: 'browser', format: 'iife', conditions: ['worker'],
    external: ['node:worker_threads'], define: { 'process.env.NODE_ENV': '"production"' } },
  // Command-line tool.
  { ...common, entryPoints: ['src/cli/copydesk.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync('test/integration/index.ts')) {
  // Integration suite, loaded by the extension host through --extensionTestsPath.
  jobs.push({ ...common, entryPoints: ['test/integration/index.ts', ...integrationTests], outdir: 'dist/test/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] });
}
if (existsSync('test/web/index.ts')) {
  // Web integration suite, loaded by the browser extension host (scripts/run-web-tests.mjs). `.cjs`: the browser extension
  // host loads a `.js` file of a "type": "module" package as ESM, which it does not support. One bundle: the browser
  // has no file system to find test files in, so a generated entry imports index.ts (which loads mocha's browser
  // build and calls mocha.setup) and then every test/web/*.test.ts.
  const webTests = readdirSync('test/web').filter(f => f.endsWith('.test.ts')).sort();
  jobs.push({ ...common, entryPoints: ['test/web/index.ts'], outfile: 'dist/test/web/index.cjs', platform: 'browser', format: 'cjs',
    conditions: ['worker'],   // the extension host is a web worker: no `document` (e.g. decode-named-character-reference)
    external: ['vscode'], define: { 'process.env.NODE_ENV': '"production"' },
    stdin: { contents: [`export { run } from './index.ts';`, ...webTests.map(f => `import './${f}';`)].join('\n'),
      resolveDir: 'test/web', sourcefile: 'web-tests-entry.ts', loader: 'ts' } });
}
for (const job of jobs) {
  if (!existsSync(job.entryPoints[0])) { continue; }
  const { stdin, ...options } = job;
  // Node bundles prefer ES module builds: jsonc-parser's `main` is a UMD file whose require('./impl/format') esbuild
  // cannot follow, so the extension failed at activation ("Cannot find module './impl/format'").
  if (options.platform === 'node') { options.mainFields ??= ['module', 'main']; }
  await build(stdin ? { ...options, entryPoints: undefined, stdin } : options);
}
console.log(`built ${jobs.length} bundles into dist/`);
