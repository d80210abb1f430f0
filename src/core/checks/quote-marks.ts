// quote/ rules: wrong opening or closing marks, unclosed and unopened quotations, spaces inside the marks,
// and quotation marks of another style than the article's (or the configured) style.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { dataOf, report, type Mark } from '../context.js';
import type { Block } from '../prose.js';

const CLOSE_FOR: Record<string, string> = { '“': '”', '‘': '’', '„': '”', '‚': '’', '‟': '”', '‛': '’' };
const OPEN_FOR: Record<string, string> = { '”': '“', '’': '‘' };
const CURLY: Record<string, Record<Mark['role'], string>> = {
  double: { open: '“', close: '”', unpaired: '"' },
  single: { open: '‘', close: '’', unpaired: "'" },
};

export default function quoteMarks() {
  return (_tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const text = String(file.value);
    for (const mark of data.marks) {
      const at = mark.offset;
      switch (mark.problem) {
        case 'wrong-closing':
          report(file, at, at + 1, `This quotation is closed with an opening mark \`${mark.char}\`; use \`${CLOSE_FOR[mark.char] ?? mark.char}\``, 'quote/wrong-closing-mark', { expected: [CLOSE_FOR[mark.char] ?? mark.char] });
          break;
        case 'wrong-opening':
          report(file, at, at + 1, `This quotation is opened with a closing mark \`${mark.char}\`; use \`${OPEN_FOR[mark.char] ?? mark.char}\``, 'quote/wrong-opening-mark', { expected: [OPEN_FOR[mark.char] ?? mark.char] });
          break;
        case 'unclosed':
          report(file, at, at + 1, 'This quotation is never closed', 'quote/unclosed');
          break;
        case 'unopened':
          report(file, at, at + 1, 'This closing quotation mark has no opening mark', 'quote/unopened');
          break;
      }
    }
    // Spaces just inside the marks: “very dangerous ”. Not the space that keeps a nested quotation's mark apart
    // from the outer one ("He called it 'outreach,' " she said), which AP style asks for.
    for (const q of data.quotes) {
      const inner = q.text.slice(1, -1);
      let lead = /^[ \t\u00a0]+/.exec(inner);
      let trail = /[ \t\u00a0]+$/.exec(inner);
      if (lead && /[‘']/.test(inner[lead[0].length] ?? '')) { lead = null; }
      if (trail && /[’']/.test(inner[trail.index - 1] ?? '')) { trail = null; }
      if (lead && lead[0].length < inner.length) {
        report(file, q.start + 1, q.start + 1 + lead[0].length, 'Space after the opening quotation mark', 'quote/inner-space', { expected: [''] });
      }
      if (trail && trail[0].length < inner.length) {
        report(file, q.end - 1 - trail[0].length, q.end - 1, 'Space before the closing quotation mark', 'quote/inner-space', { expected: [''] });
      }
    }
    mixedStyle(file, text);
  };
}

/** The prose block (paragraph, heading) that holds offset `at`, and whether it is the document's first. */
function blockAt(blocks: Block[], at: number): { block: Block; first: boolean } | null {
  let lo = 0, hi = blocks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (blocks[mid].end <= at) { lo = mid + 1; } else { hi = mid; } }
  return lo < blocks.length && blocks[lo].start <= at ? { block: blocks[lo], first: lo === 0 } : null;
}

/**
 * Does offset `at` stand in a headline? The document's first paragraph when it is short (a headline, maybe with
 * its deck), a Markdown heading, or a one-line subhead of a few words in title case ('All Bets Are Off.') or
 * made of a quotation alone ('A change warrior.').
 */
function inHeadline(text: string, blocks: Block[], at: number, language?: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (language === 'markdown' && /^ {0,3}#{1,6}[ \t]/.test(text.slice(lineStart, lineStart + 10))) { return true; }
  const found = blockAt(blocks, at);
  if (!found) { return false; }
  const paragraph = text.slice(found.block.start, found.block.end);
  const words = paragraph.split(/\s+/);
  if (found.first && paragraph.split('\n').length <= 3 && words.length <= 40) { return true; }
  if (paragraph.includes('\n') || words.length > 12) { return false; }
  // A subhead that is nothing but a quotation ('A change warrior.'), or is in title case.
  if (/^['‘][^'‘’]+['’][.!?]?$/.test(paragraph)) { return true; }
  const long = words.map(w => w.replace(/^[^\p{L}]+/u, '')).filter(w => w.length >= 4);
  return long.length > 0 && long.every(w => /^\p{Lu}/u.test(w));
}

/** Quotations are "outer" when no other quotation contains them. */
function outerQuotes(quotes: Array<{ start: number; end: number }>): Set<number> {
  const outer = new Set<number>();
  let end = -1;
  quotes.forEach((q, i) => { if (q.start >= end) { outer.add(i); end = q.end; } });
  return outer;
}

function mixedStyle(file: VFile, text: string): void {
  const data = dataOf(file);
  const outer = outerQuotes(data.quotes);
  const byQuote = new Map<number, Mark[]>();
  for (const m of data.marks) {
    if (m.quote === undefined) { continue; }
    const list = byQuote.get(m.quote);
    if (list) { list.push(m); } else { byQuote.set(m.quote, [m]); }
  }
  let curly = 0, straight = 0, doubles = 0;
  for (const i of outer) {
    const open = byQuote.get(i)?.find(m => m.role === 'open');
    if (!open || open.kind !== 'double') { continue; }
    doubles++;
    if (open.style === 'curly') { curly++; } else { straight++; }
  }
  const setting = data.options.quoteStyle ?? 'auto';
  const style: 'curly' | 'straight' | null = setting !== 'auto' ? setting : curly > straight ? 'curly' : straight > curly ? 'straight' : null;
  for (const i of outer) {
    const q = data.quotes[i];
    const marks = (byQuote.get(i) ?? []).filter(m => m.offset >= q.start && m.offset < q.end);
    const open = marks.find(m => m.role === 'open');
    if (!open) { continue; }
    // Headlines, decks and subheads put quotations in single marks (AP style): that is no other style.
    const singleOuter = open.kind === 'single' && doubles > 0 && !inHeadline(text, data.prose.blocks, q.start, data.options.language);
    const wantStyle = style ?? open.style;
    if (!singleOuter && open.style === wantStyle) { continue; }
    if (!singleOuter && !style) { continue; }
    // Rewrite every mark of this quotation (and those nested in it), never the apostrophes.
    const inner: Mark[] = [];
    for (let k = firstMarkFrom(data.marks, q.start); k < data.marks.length && data.marks[k].offset < q.end; k++) {
      if (data.marks[k].role !== 'unpaired') { inner.push(data.marks[k]); }
    }
    const chars = text.slice(q.start, q.end).split('');
    for (const m of inner) {
      const kind = singleOuter ? (m.kind === 'single' && m.quote === i ? 'double' : m.kind === 'double' ? 'single' : m.kind) : m.kind;
      chars[m.offset - q.start] = wantStyle === 'curly' ? CURLY[kind][m.role] : kind === 'double' ? '"' : "'";
    }
    const expected = chars.join('');
    if (expected === q.text) { continue; }
    const message = singleOuter
      ? 'This quotation uses single quotation marks; the rest of the article uses double marks'
      : setting !== 'auto'
        ? `This quotation uses ${open.style} marks; the preferred style is ${wantStyle}`
        : `This quotation uses ${open.style} marks; the article mostly uses ${wantStyle} marks (${Math.max(curly, straight)} of ${doubles})`;
    report(file, q.start, q.end, message, 'quote/mixed-style', { expected: [expected] });
  }
}

/** Index of the first mark at or after `offset` (marks are sorted by offset). */
function firstMarkFrom(marks: Mark[], offset: number): number {
  let lo = 0, hi = marks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (marks[mid].offset < offset) { lo = mid + 1; } else { hi = mid; } }
  return lo;
}
