// npm run eval -- DIR [--json] [--only attributions,names,conflicts]
// Runs Copydesk over a folder in the PolNeAR layout (DIR/text/*.txt, DIR/attributions/*.ann) and prints the
// attribution scores, the name-misspelling injection results and the figure-conflict injection results.
// The corpus texts are read from where they lie (../shared); nothing of them is copied into the project.
import { evaluate as attributions } from './attributions.ts';
import { evaluate as names } from './names.ts';
import { evaluate as conflicts } from './conflicts.ts';

export interface Section { title: string; lines: string[]; json: Record<string, unknown> }

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : null;
const dir = args.find((a, i) => !a.startsWith('--') && !(onlyArg >= 0 && i === onlyArg + 1));
if (!dir) {
  console.error('usage: npm run eval -- DIR [--json] [--only attributions,names,conflicts]');
  process.exit(2);
}
const sections: Array<[string, (dir: string) => Promise<Section>]> = [['attributions', attributions], ['names', names], ['conflicts', conflicts]];
const out: Record<string, unknown> = {};
for (const [name, run] of sections) {
  if (only && !only.has(name)) { continue; }
  const s = await run(dir);
  out[name] = s.json;
  if (!json) { console.log(`\n## ${s.title}\n`); for (const l of s.lines) { console.log(l); } }
}
if (json) { console.log(JSON.stringify(out, null, 2)); }
