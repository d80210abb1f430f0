// What the plugins share on `file.data.copydesk`, and the one way they report a message.
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Attribution, Figure, Person, Quote, Related, Severity } from './model.js';
import type { Directory } from './directory.js';
import type { Prose } from './prose.js';
import { RULES, ruleUrl } from './rules.js';

export type RuleSetting = Severity | 'off';

export interface AnalyseOptions {
  /** VS Code language id of the document: `markdown` gets its markup blanked out. */
  language?: string;
  directory?: Directory;
  /** Per-rule severity or `off`, by rule id (`quote/unclosed`) or family (`quote`). */
  rules?: Record<string, RuleSetting>;
  /** Preferred quotation marks; `auto` follows the article's majority. */
  quoteStyle?: 'auto' | 'curly' | 'straight';
}

/** A quotation mark as the quotes plugin read it. */
export interface Mark {
  offset: number;
  char: string;
  /** Double or single quotation mark (apostrophes are never marks). */
  kind: 'double' | 'single';
  style: 'straight' | 'curly';
  /** Where it stands: before words (opening), after them (closing), or unclear. */
  position: 'opening' | 'closing' | 'ambiguous';
  /** What it does in the quotation it belongs to. */
  role: 'open' | 'close' | 'unpaired';
  /** Set when the mark itself is wrong; the quote-mark check reports it. */
  problem?: 'wrong-closing' | 'wrong-opening' | 'unclosed' | 'unopened';
  /** For `open` and `close` marks: the index in `CopydeskData.quotes` of the quotation they bound. */
  quote?: number;
}

export interface CopydeskData {
  options: AnalyseOptions;
  prose: Prose;
  marks: Mark[];
  quotes: Quote[];
  attributions: Attribution[];
  figures: Figure[];
  people: Person[];
}

declare module 'vfile' {
  interface DataMap {
    copydesk: CopydeskData;
  }
}

export function dataOf(file: VFile): CopydeskData {
  const data = file.data.copydesk;
  if (!data) { throw new Error('Copydesk plugins must run after the Copydesk parser'); }
  return data;
}

export interface ReportExtras {
  actual?: string;
  expected?: string[];
  related?: Array<{ start: number; end: number; message: string }>;
  /** Overrides the rule's `safeFix` for this one message (e.g. a name variant with a clear majority). */
  safeFix?: boolean;
}

const locators = new WeakMap<VFile, ReturnType<typeof location>>();

/** Report a rule violation on `[start, end)` the way unified plugins do: a vfile message. */
export function report(file: VFile, start: number, end: number, reason: string, ruleId: string, extras: ReportExtras = {}): void {
  let place = locators.get(file);
  if (!place) { place = location(file); locators.set(file, place); }
  // A VFileMessage is an Error: constructing one records a stack trace, which it then throws away (its `stack` is
  // set to ''). With hundreds of messages on a long document that is most of their cost, so record none.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message: ReturnType<VFile['message']>;
  try {
    message = file.message(reason, {
      place: { start: place.toPoint(start)!, end: place.toPoint(end)! },
      ruleId,
      source: 'copydesk',
    });
  } finally {
    Error.stackTraceLimit = limit;
  }
  message.url = ruleUrl(ruleId);
  const text = String(file.value);
  message.actual = extras.actual ?? text.slice(start, end);
  message.expected = extras.expected ?? [];
  const severity = RULES.get(ruleId)?.severity ?? 'warning';
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  (message as CopydeskMessage).related = (extras.related ?? []).map(r => ({ ...r, text: text.slice(r.start, r.end) }));
  if (extras.safeFix !== undefined) { (message as CopydeskMessage).safeFix = extras.safeFix; }
}

export type CopydeskMessage = ReturnType<VFile['message']> & { related?: Related[]; safeFix?: boolean };
