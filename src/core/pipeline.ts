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

export type { AnalyseOptions } from './context.js';

export function createProcessor(options: AnalyseOptions = {}): Processor<Root, Root, Root> {
  return unified()
    .use(copydeskParser, options)
    .use(quotes)
    .use(figures)
    .use(people)
    .use(attributions)
    .use(quoteMarks)
    .use(unattributed)
    .use(names)
    .use(conflicts) as unknown as Processor<Root, Root, Root>;
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
