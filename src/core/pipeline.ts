// The unified processor: the Copydesk parser, then one plugin per thing found, then one per rule family.
// Order matters: attributions need quotes and people; the checks read what the plugins found.
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import type { Analysis } from './model.js';
import type { AnalyseOptions } from './context.js';
import { copydeskParser } from './parser.js';
import quotes from './plugins/quotes.js';
import figures from './plugins/figures.js';
import people from './plugins/people.js';
import attributions from './plugins/attributions.js';
import quoteMarks from './checks/quote-marks.js';
import unattributed from './checks/unattributed.js';
import names from './checks/names.js';
import conflicts from './checks/conflicts.js';
import { findingsFromFile } from './findings.js';
import { isolated } from './memo.js';

export type { AnalyseOptions } from './context.js';

type Transformer = (tree: Root, file: VFile) => void;
type Plugin = () => Transformer;

/** The plugins after the parser, in the order they run; named so that the benchmark can time each one. */
export const PLUGINS: ReadonlyArray<readonly [string, Plugin]> = [
  ['quotes', quotes],
  ['figures', figures],
  ['people', people],
  ['attributions', attributions],
  ['quote-marks', quoteMarks],
  ['unattributed', unattributed],
  ['names', names],
  ['conflicts', conflicts],
];

/** `wrap` lets the benchmark time each transformer; the editor and the CLI never pass it. */
export function createProcessor(options: AnalyseOptions = {}, wrap?: (name: string, transformer: Transformer) => Transformer): Processor<Root, Root, Root> {
  let processor = unified().use(copydeskParser, options) as unknown as Processor<Root, Root, Root>;
  for (const [name, plugin] of PLUGINS) {
    const use = wrap ? () => wrap(name, plugin()) : plugin;
    processor = processor.use(use) as unknown as Processor<Root, Root, Root>;
  }
  return processor;
}

/** Run every plugin and check over one document and return what the faces show. */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const file = new VFile({ value: text });
  const processor = createProcessor(options);
  processor.runSync(processor.parse(file), file);
  const data = file.data.copydesk!;
  return {
    text,
    quotes: data.quotes,
    attributions: data.attributions,
    figures: data.figures,
    people: data.people,
    diagnostics: findingsFromFile(file, options.rules),
  };
}

/** `analyse` with empty caches, leaving the caches as they were: what the tests compare incremental results with. */
export function analyseFresh(text: string, options: AnalyseOptions = {}): Analysis {
  return isolated(() => analyse(text, options));
}
