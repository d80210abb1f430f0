// The one vocabulary that the engine, the editor glue, the CLI and the evaluation speak.
// Every offset is a JavaScript string index (UTF-16 code unit) into the document text as given,
// end exclusive, and `text` always equals `documentText.slice(start, end)`.
import type { DirectoryEntry } from './directory.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Quote extends Span {
  /** True when an attribution credits these words to a source. */
  attributed: boolean;
  /** Scare quotes and titles: quoted words that are nobody's speech. */
  scare: boolean;
}

export interface Attribution {
  /** The speaker as written ("he", "the mayor", "Pentagon spokesperson Sabrina Singh"), when the text names one. */
  source: Span | null;
  /** The speech or thought cue ("said", "told reporters", "according to"). */
  cue: Span | null;
  /** The attributed words; for a direct quotation this includes the quotation marks. */
  content: Span;
  /** True when the content contains quoted words. */
  direct: boolean;
  /** The person (or organisation) the source refers to, resolved through pronouns, surnames and roles. */
  speaker: string | null;
  /** When the content is split around its attribution ("...," she said. "..."): the pieces; `content` spans them all. */
  parts?: Span[];
}

export type FigureKind = 'count' | 'money' | 'percent' | 'date' | 'year' | 'time' | 'quantity' | 'ordinal' | 'tally' | 'fraction' | 'duration';

export interface Figure extends Span {
  kind: FigureKind;
  /** The numeric value (a date as a timestamp-free number such as 20240312 is not used: dates keep value null unless a year). */
  value: number | null;
  /** Currency code, unit or counted noun ("USD", "percent", "jobs", "crowns"). */
  unit: string | null;
  /** Hedge before the figure: "about", "over", "nearly", "at least"... */
  qualifier?: string | null;
}

export interface Person {
  /** The fullest form of the name the article gives. */
  name: string;
  /** Titles and roles, as the article gives them ("Harbor Commissioner", "chairs the finance committee"). */
  titles: string[];
  /** Every mention: full name, surname, title reference or (for speakers) pronoun. */
  mentions: Span[];
  /** Stable within one analysis ("person-1"), for linking hover cards and related information. */
  id?: string;
  /** Organisations the person belongs to (from the people directory). */
  organizations?: string[];
  /** The people-directory entry for this name, when there is one. */
  directory?: DirectoryEntry;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Related extends Span {
  message: string;
}

/** A diagnostic as every face shows it. Built from a vfile message by `findingsFromFile`. */
export interface Finding extends Span {
  line: number;
  column: number;
  severity: Severity;
  /** `family/name`, e.g. `quote/wrong-closing-mark`. */
  rule: string;
  message: string;
  /** Replacements for the span, best first: the quick fixes. */
  expected: string[];
  related: Related[];
  /** Documentation page of the rule. */
  url?: string;
  /** A fix that is safe to apply without looking (fix-all on save). */
  safeFix?: boolean;
}

export interface Analysis {
  text: string;
  quotes: Quote[];
  attributions: Attribution[];
  figures: Figure[];
  people: Person[];
  diagnostics: Finding[];
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
