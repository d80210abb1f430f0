// Finds quotations: pairs quotation marks paragraph by paragraph, following newsroom conventions
// (straight or curly marks, single quotes nested in double ones, a quotation that runs over several
// paragraphs reopens each paragraph and closes only in the last). Apostrophes are never quotation marks.
import type { Root, Paragraph } from 'nlcst';
import type { VFile } from 'vfile';
import type { Quote } from '../model.js';
import { dataOf, type Mark } from '../context.js';
import { memoRelative } from '../memo.js';
import { tagsIn } from '../prose.js';

const DOUBLE = new Set(['"', '“', '”', '„', '‟']);
const SINGLE = new Set(["'", '‘', '’', '‚', '‛']);
const OPENERS_BEFORE = /[\s([{\u2014\u2013\-/]/;
const CLOSERS_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-\u2026]/;
const WORD = /[\p{L}\p{N}]/u;
/** A run of non-space characters: a word as `split(/\s+/)` counts them. */
const WORDS = /\S+/g;

function classify(text: string, i: number, from: number, to: number): Mark['position'] {
  const prev = i > from ? text[i - 1] : '';
  const next = i + 1 < to ? text[i + 1] : '';
  const isMark = (c: string): boolean => DOUBLE.has(c) || SINGLE.has(c);
  const openingLeft = prev === '' || OPENERS_BEFORE.test(prev) || isMark(prev);
  const openingRight = next !== '' && !/\s/.test(next);
  const closingLeft = prev !== '' && !/\s/.test(prev);
  const closingRight = next === '' || CLOSERS_AFTER.test(next) || isMark(next);
  const opening = openingLeft && openingRight;
  const closing = closingLeft && closingRight;
  if (opening && !closing) { return 'opening'; }
  if (closing && !opening) { return 'closing'; }
  return 'ambiguous';
}

/** Words spoken with their first letters left out: the apostrophe before them opens no quotation. */
const ELISIONS = new Set(['cause', 'cos', 'cuz', 'em', 'til', 'tis', 'twas', 'bout', 'nuff', 'cept', 'fraid', 'scuse', 'kay']);
/** 6'3" and 5’11”: feet and inches, the double mark being an inch mark. */
const FEET_INCHES = /\d['’]\d{1,2}$/;

/**
 * Three apostrophes where a quotation in doubled apostrophes (''…'') and one nested in single marks end or begin
 * together: ''I would use the word 'old-school,''' he said. The single mark is the first of a closing run and the
 * last of an opening one; the other two are the doubled mark, which `doubledApostrophes` reads.
 */
function nestedInDoubled(text: string, i: number, from: number, to: number): boolean {
  let a = i, b = i + 1;
  while (a > from && text[a - 1] === "'") { a--; }
  while (b < to && text[b] === "'") { b++; }
  if (b - a !== 3) { return false; }
  const before = a > from ? text[a - 1] : '', after = b < to ? text[b] : '';
  const closing = before !== '' && !/\s/.test(before);
  if (i === a) { return closing; }
  return i === b - 1 && !closing && after !== '' && !/\s/.test(after);
}

/** Quotation marks in one paragraph, apostrophes left out. */
export function scanMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    const double = DOUBLE.has(c);
    if (!double && !SINGLE.has(c)) { continue; }
    if (c === "'" && (text[i + 1] === "'" || text[i - 1] === "'") && !nestedInDoubled(text, i, from, to)) { continue; }
    if (double && (c === '"' || c === '”') && i - from >= 3 && FEET_INCHES.test(text.slice(Math.max(from, i - 4), i))) { continue; }
    const position = classify(text, i, from, to);
    if (!double) {
      const prev = i > from ? text[i - 1] : '';
      const next = i + 1 < to ? text[i + 1] : '';
      // don’t, rock’n’roll, ’90s, Ng’ang’a: an apostrophe, not a mark.
      if (WORD.test(prev) && WORD.test(next)) { continue; }
      if (position === 'opening' && /\d/.test(next)) { continue; }
      if (position === 'ambiguous') { continue; }
      if (position === 'opening') {
        // rock ’n’ roll: both apostrophes of ’n’ stand for letters.
        if (next === 'n' && i + 2 < to && SINGLE.has(text[i + 2]) && !WORD.test(text[i + 3] ?? '')) { i += 2; continue; }
        // ’cause, ’em, ’til: an elision at the start of a word.
        const word = /^[a-z]+/i.exec(text.slice(i + 1, Math.min(to, i + 8)));
        if (word && ELISIONS.has(word[0].toLowerCase()) && !WORD.test(text[i + 1 + word[0].length] ?? '')) { continue; }
      }
    }
    marks.push({
      offset: i, char: c, kind: double ? 'double' : 'single',
      style: c === '"' || c === "'" ? 'straight' : 'curly',
      position, role: 'unpaired',
    });
  }
  return marks;
}

const isOpeningChar = (c: string): boolean => c === '“' || c === '‘' || c === '„' || c === '‚' || c === '‟' || c === '‛';
const isClosingChar = (c: string): boolean => c === '”' || c === '’';

interface Open { mark: Mark; start: number }

/** A quotation mark as one paragraph's scan finds it, before the pairing gives it a role; offset relative to the paragraph. */
type Scanned = Pick<Mark, 'offset' | 'char' | 'kind' | 'style' | 'position'>;

/** Two apostrophes standing for a double mark: where (relative), and whether they open or close words. */
interface Doubled { at: number; opening: boolean; closing: boolean }

/**
 * What the pairing needs of one paragraph, offsets relative to its start: its quotation marks, its doubled
 * apostrophes, its first non-space character and whether it opens with a double mark (and so may continue a
 * quotation from the paragraph before). Depends on the paragraph's text and the one character on each side.
 */
interface ParagraphMarks {
  marks: Scanned[];
  doubled: Doubled[];
  first: number;
  /** The first non-space characters are two apostrophes. */
  firstDoubled: boolean;
  /** The first non-space character is a double mark that does not read as a closing one. */
  reopens: boolean;
}

function scanParagraph(paragraph: string, before: string, after: string): ParagraphMarks {
  // The paragraph with its neighbouring characters, which the mark and apostrophe rules look at.
  const text = before + paragraph + after;
  const from = before.length, to = from + paragraph.length;
  // Embedded tags in plain text (`<tweet author="x">`) are markup: the marks around their attribute values quote
  // nothing. (Markdown's prose has its HTML blanked already.)
  const tags = tagsIn(paragraph);
  const inTag = (at: number): boolean => tags.some(([a, b]) => a <= at && at < b);
  const marks: Scanned[] = scanMarks(text, from, to).filter(m => !inTag(m.offset - from))
    .map(m => ({ offset: m.offset - from, char: m.char, kind: m.kind, style: m.style, position: m.position }));
  const first = firstNonSpace(text, from, to);
  const doubled: Doubled[] = [];
  // Only pairs that lie inside the paragraph count (i + 1 < to): search the paragraph, not the rest of the document.
  for (let i = paragraph.indexOf("''") + from; i >= from; i = paragraph.indexOf("''", i + 2 - from) + from) {
    if (i + 1 >= to) { break; }
    // '''word: the doubled mark comes first; word''': it comes last.
    if (text[i + 2] === "'" && i > from && !/\s/.test(text[i - 1])) { i++; }
    const prev = i > from ? text[i - 1] : '';
    const next = i + 2 < to ? text[i + 2] : '';
    const opening = (prev === '' || OPENERS_BEFORE.test(prev)) && next !== '' && !/\s/.test(next);
    const closing = prev !== '' && !/\s/.test(prev) && (next === '' || CLOSERS_AFTER.test(next) || next === '"');
    if (!inTag(i - from)) { doubled.push({ at: i - from, opening, closing }); }
  }
  return {
    marks, doubled, first: first < 0 ? -1 : first - from,
    firstDoubled: first >= 0 && text.startsWith("''", first),
    reopens: first >= 0 && DOUBLE.has(text[first]) && classify(text, first, from, to) !== 'closing',
  };
}

export default function quotes() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const text = data.prose.text;
    const source = String(file.value);
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode');
    // Each paragraph's marks are read once per text (memoised); only the pairing, which runs across paragraphs, is done again.
    const scanned: ParagraphMarks[] = new Array(paragraphs.length);
    const bases: number[] = new Array(paragraphs.length);
    for (let p = 0; p < paragraphs.length; p++) {
      const from = paragraphs[p].position!.start.offset!;
      const to = paragraphs[p].position!.end.offset!;
      bases[p] = from;
      const before = from > 0 ? text[from - 1] : '';
      const after = to < text.length ? text[to] : '';
      scanned[p] = memoRelative('quotes', paragraphs[p], t => scanParagraph(t, before, after), before + after);
    }
    const found: Array<{ open: Mark; close: Mark | null; end: number }> = [];
    let carried: Open | null = null; // a quotation running on into the next paragraph
    for (let p = 0; p < paragraphs.length; p++) {
      const base = bases[p];
      const summary = scanned[p];
      if (summary.marks.length === 0 && !carried) { continue; }
      const marks: Mark[] = new Array(summary.marks.length);
      for (let k = 0; k < marks.length; k++) {
        const m = summary.marks[k];
        marks[k] = { offset: m.offset + base, char: m.char, kind: m.kind, style: m.style, position: m.position, role: 'unpaired' };
        data.marks.push(marks[k]);
      }
      let double: Open | null = null;
      let single: Open | null = null;
      let inner: Open | null = null; // a double quotation of the other style nested in `double`
      let reopening: Mark | null = null;
      if (carried) {
        // The continuation paragraph must reopen with a double mark; that mark is not a new quotation.
        const first = marks[0];
        if (first && first.kind === 'double' && summary.first >= 0 && first.offset === summary.first + base && first.position !== 'closing') {
          first.role = 'open';
          reopening = first;
          double = carried;
        } else {
          carried.mark.problem = 'unclosed';
          carried.mark.role = 'unpaired';
        }
        carried = null;
      }
      const close = (open: Open, mark: Mark): void => {
        mark.role = 'close';
        open.mark.role = 'open';
        found.push({ open: open.mark, close: mark, end: mark.offset + 1 });
      };
      for (const mark of marks) {
        if (mark === reopening) { continue; }
        if (mark.kind === 'single') {
          if (single && mark.position !== 'opening') {
            if (isOpeningChar(mark.char)) { mark.problem = 'wrong-closing'; }
            close(single, mark);
            single = null;
          } else if (!single && mark.position === 'opening') {
            single = { mark, start: mark.offset };
          }
          // A lone closing single mark is most often a plural possessive (the players’ union): not an error.
          continue;
        }
        if (!double) {
          if (mark.position === 'closing' && !isOpeningChar(mark.char)) {
            mark.problem = 'unopened';
            continue;
          }
          if (mark.position === 'closing' && isOpeningChar(mark.char)) {
            mark.problem = 'unopened';
            continue;
          }
          if (isClosingChar(mark.char) && mark.position === 'opening') { mark.problem = 'wrong-opening'; }
          double = { mark, start: mark.offset };
          single = null;
          continue;
        }
        if (inner) {
          // Inside a nested quotation of the other style: its own style closes it; the outer style closes both.
          if (mark.style === inner.mark.style && mark.position !== 'opening') {
            if (isOpeningChar(mark.char)) { mark.problem = 'wrong-closing'; }
            close(inner, mark);
            inner = null;
            continue;
          }
          inner.mark.problem = 'unclosed';
          inner = null;
        }
        if (mark.position === 'opening' && mark.style !== double.mark.style && !isClosingChar(mark.char)) {
          // "He said “no” to it": a quotation in the other style of double mark, nested in the open one.
          inner = { mark, start: mark.offset };
          continue;
        }
        if (mark.position === 'opening' && !isClosingChar(mark.char)) {
          // A new quotation opens while one is open: the first one was never closed.
          double.mark.problem = 'unclosed';
          double = { mark, start: mark.offset };
          single = null;
          continue;
        }
        if (isOpeningChar(mark.char)) { mark.problem = 'wrong-closing'; }
        if (single) { single.mark.problem = 'unclosed'; single = null; }
        close(double, mark);
        double = null;
      }
      if (single) { single.mark.problem = 'unclosed'; }
      if (inner) { inner.mark.problem = 'unclosed'; }
      if (double) {
        if (p + 1 < paragraphs.length && scanned[p + 1].reopens) {
          carried = double;
        } else {
          double.mark.problem = 'unclosed';
        }
      }
    }
    if (carried) { carried.mark.problem = 'unclosed'; }
    const doubled = doubledApostrophes(scanned, bases);
    found.sort((a, b) => a.open.offset - b.open.offset);
    // Quotations nested in another (single inside double) are kept: attribution reads the outer ones.
    const all: Array<{ quote: Quote; open?: Mark; close?: Mark | null }> = found.map(q => {
      const start = q.open.offset;
      return { quote: { start, end: q.end, text: source.slice(start, q.end), attributed: false, scare: scareLike(text, start, q.end) }, open: q.open, close: q.close };
    });
    for (const [start, end] of doubled) {
      // A quotation in marks that crosses this one leaves it out; one nested inside it ('old-school,') does not.
      if (found.some(q => q.open.offset < end && start < q.end && !(start <= q.open.offset && q.end <= end))) { continue; }
      all.push({ quote: { start, end, text: source.slice(start, end), attributed: false, scare: scareLike(text, start, end, 2) } });
    }
    all.sort((a, b) => a.quote.start - b.quote.start);
    all.forEach((q, index) => { if (q.open) { q.open.quote = index; } if (q.close) { q.close.quote = index; } });
    const quotes = all.map(q => q.quote);
    data.quotes = quotes;
    data.marks.sort((a, b) => a.offset - b.offset);
  };
}

/**
 * Quotations set off by two apostrophes (''like this''), the way some wire and archive copy spells a double
 * quotation mark when the typesetting lost it. They carry no Mark: the quote-mark rules are about real marks,
 * and a fix that replaced one character of a two-character mark would be wrong. A quotation that runs over
 * paragraphs reopens each one, as with real marks (carried only when the next paragraph reopens; the span then
 * ends where the carried one closes).
 */
function doubledApostrophes(paragraphs: ParagraphMarks[], bases: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const summary = paragraphs[p];
    if (open >= 0 && !summary.firstDoubled) { open = -1; }
    if (summary.doubled.length === 0) { continue; }
    const base = bases[p];
    const first = summary.first < 0 ? -1 : summary.first + base;
    for (const d of summary.doubled) {
      const i = d.at + base;
      if (open >= 0 && i === first && d.opening) { continue; }
      if (open < 0 && d.opening) { open = i; }
      else if (open >= 0 && d.closing) { out.push([open, i + 2]); open = -1; }
      else if (open >= 0 && d.opening) { open = i; }
    }
  }
  return out;
}

function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) { if (!/\s/.test(text[i])) { return i; } }
  return -1;
}

/**
 * Scare quotes, titles and nicknames look like a few words set off inside running prose: no sentence of their
 * own, no comma or stop inside the marks, and a word (not a colon or a cue's comma) just before. A title may run
 * longer when every longer word is capitalised ("Cape Breton If Donald Trump Wins"); a nickname stands between a
 * name's parts (Robert C. "Bobby" Scott). The attributions plugin clears the flag when an attribution does claim
 * the words ("called the plan "a slow closure""). `mark` is the length of each quotation mark ('' counts two).
 */
export function scareLike(text: string, start: number, end: number, mark = 1): boolean {
  const inner = text.slice(start + mark, end - mark);
  // Count the words only as far as nine: most quotations are whole sentences.
  let words = 0;
  WORDS.lastIndex = 0;
  while (words < 9 && WORDS.test(inner)) { words++; }
  if (words === 0 || words > 8 || /[.,!?;:…]$/.test(inner.trim())) { return false; }
  if (words > 4 && !TITLE_CASE.test(inner)) { return false; }
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[\p{L}\p{N}]\s$/u.test(before) || /[(\[]$/.test(before)) { return true; }
  return words <= 2 && /\p{Lu}\.?\s$/u.test(before) && /^\s\p{Lu}/u.test(text.slice(end, end + 2)) && /^\p{Lu}/u.test(inner);
}

/** Every word of four letters or more capitalised, the first word too: a title, not a sentence. */
const TITLE_CASE = /^\p{Lu}[^\s]*(?:\s+(?:[^\s]{1,3}|\p{Lu}[^\s]*|\p{N}[^\s]*))*$/u;
