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
  ? readdirSync('test/integration').filter(f => f.endsWith('.test.ts')).map(f => join('test/integration', f))
  : [];

const jobs = [
  // Node extension host (desktop VS Code, code-server, Codespaces).
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // Browser extension host (vscode.dev, github.dev): same engine, no Node built-ins.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'],
    define: { 'process.env.NODE_ENV': '"production"' }, alias: {} },
  // Command-line tool.
  { ...common, entryPoints: ['src/cli/copydesk.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync('test/integration/index.ts')) {
  // Integration suite, loaded by the extension host through --extensionTestsPath.
  jobs.push({ ...common, entryPoints: ['test/integration/index.ts', ...integrationTests], outdir: 'dist/test/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] });
}
for (const job of jobs) {
  if (!existsSync(job.entryPoints[0])) { continue; }
  await build(job);
}
console.log(`built ${jobs.length} bundles into dist/`);
