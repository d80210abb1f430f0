// Loaded by VS Code's extension host through extensionTestsPath (dist/test/integration/index.js, bundled by
// scripts/build.mjs next to one bundle per *.test.ts). Runs them with mocha's bdd UI (describe/it).
// `mocha` is not bundled: it is required at run time from the repository's node_modules.
// COPYDESK_IT_GREP (from the harness's environment, which the extension host inherits) filters the tests.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const grep = process.env.COPYDESK_IT_GREP;
  const scale = Math.max(1, Number(process.env.COPYDESK_IT_TIME_SCALE) || 1);   // see TIME_SCALE in util.ts
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 * scale, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Two suites share this entry: the Restricted Mode one (*.untrusted.js) needs a window whose folder is untrusted,
  // which the harness opens only when asked (COPYDESK_IT_RESTRICTED=1 sets COPYDESK_IT_SUITE=restricted).
  const suite = process.env.COPYDESK_IT_SUITE === 'restricted' ? 'restricted' : 'integration';
  const suffix = suite === 'restricted' ? '.untrusted.js' : '.test.js';
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith(suffix)).sort();
  for (const f of files) { mocha.addFile(path.join(__dirname, f)); }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const s = runner.stats;
        // The plain summary line that CI reads (mocha's own "N passing" is printed just before).
        console.log(`${suite}: ${s?.passes ?? 0} passed, ${failures} failed, ${s?.pending ?? 0} skipped`);
        if (failures > 0) { reject(new Error(`${failures} ${suite} test(s) failed.`)); }
        else if (!s?.tests && !grep) { reject(new Error(`no ${suite} test ran (files: ${files.join(', ') || 'none'})`)); }
        else { resolve(); }
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
