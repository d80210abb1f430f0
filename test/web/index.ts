// Loaded by the browser extension host (vscode.dev-like; scripts/run-web-tests.mjs) through extensionTestsPath.
// scripts/build.mjs bundles this file first and then every test/web/*.test.ts into dist/test/web/index.cjs (the browser
// has no file system to look for test files in): mocha must be set up here, at load time, before they are evaluated.
import 'mocha/mocha';   // mocha's browser build: defines the global `mocha`

mocha.setup({ ui: 'bdd', reporter: undefined, timeout: 60000 });   // reporter undefined = spec, printed to the console

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const s = runner.stats;
        console.log(`web: ${s?.passes ?? 0} passed, ${failures} failed, ${s?.pending ?? 0} skipped`);
        if (failures > 0) { reject(new Error(`${failures} web test(s) failed.`)); }
        else if (!s?.tests) { reject(new Error('no web test ran')); }
        else { resolve(); }
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
