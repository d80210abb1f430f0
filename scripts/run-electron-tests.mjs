#!/usr/bin/env node
// Runs the same integration suite (dist/test/integration/index.js) in desktop VS Code through @vscode/test-electron:
// `npm run test:electron`. For machines that can download VS Code (or have it: VSCODE_EXECUTABLE_PATH=/path/to/code);
// the project's own machines cannot, so `npm test` uses scripts/run-integration-tests.mjs (code-server) instead.
//   VSCODE_VERSION=stable|insiders|1.125.0   which VS Code to download (default stable)
//   COPYDESK_IT_GREP=<regexp>               run only the matching tests
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionTestsPath = path.join(ROOT, 'dist/test/integration/index.js');
if (!fs.existsSync(extensionTestsPath)) { console.error('dist/test/integration/index.js missing: run `npm run build` first'); process.exit(2); }

try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH }
      : { version: process.env.VSCODE_VERSION || 'stable' }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [path.join(ROOT, 'test/fixtures/workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--skip-release-notes'],
    extensionTestsEnv: process.env.COPYDESK_IT_GREP ? { COPYDESK_IT_GREP: process.env.COPYDESK_IT_GREP } : {},
  });
} catch (e) {
  console.error('integration tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
}
