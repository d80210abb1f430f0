// Markdown markup is not prose, but every range must still point at the exact characters of the file.
// So instead of extracting text (which would need an offset map), markup characters are blanked out with
// spaces: the prose string has the same length as the source, and an offset in one is an offset in the other.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes as MdNodes } from 'mdast';
import { directiveLines } from './suppress.js';

export interface Block {
  start: number;
  end: number;
}

export interface Prose {
  /** Same length as the source; markup replaced with spaces (line breaks kept). */
  text: string;
  /** Prose blocks (paragraphs, headings, list items, table cells), in order, never overlapping. */
  blocks: Block[];
}

const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIPPED = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition', 'math', 'inlineMath']);

export function isMarkdown(language: string | undefined): boolean {
  return language === 'markdown' || language === 'md';
}

export function proseOf(source: string, language?: string): Prose {
  return isMarkdown(language) ? markdownProse(source) : plainProse(source);
}

/**
 * An HTML or XML tag as embed codes paste it into copy (`<tweet pic="" author="x">`, `</tweet>`, `<br/>`): a name
 * right after `<` and attributes in tag syntax, so that "a < b" or `<jane@example.com>` never match.
 */
const TAG = /<\/?[A-Za-z][\w:-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

/**
 * The tags in one paragraph of plain text, as [start, end) pairs relative to it. Plain text keeps its tags:
 * blanking them would copy the whole document on every keystroke, about as costly as the rest of an edit's parsing
 * on a long one. The quotes plugin, which reads them per paragraph and memoised, leaves the marks inside them out.
 */
export function tagsIn(paragraph: string): Array<[number, number]> {
  if (!paragraph.includes('<')) { return []; }
  return [...paragraph.matchAll(TAG)].map(m => [m.index!, m.index! + m[0].length] as [number, number]);
}

/** Plain text: blocks are runs of lines separated by blank lines. */
export function plainProse(original: string): Prose {
  // Suppression directive lines ([copydesk-disable …]) are notes to the desk, not article text: blank them out.
  let source = original;
  for (const line of directiveLines(original)) { source = source.slice(0, line.start) + ' '.repeat(line.end - line.start) + source.slice(line.end); }
  const blocks: Block[] = [];
  const separator = /\r?\n[ \t]*(?:\r?\n[ \t]*)+|\r[ \t]*(?:\r[ \t]*)+/g;
  let from = 0;
  for (const m of source.matchAll(separator)) {
    pushTrimmed(source, from, m.index!, blocks);
    from = m.index! + m[0].length;
  }
  pushTrimmed(source, from, source.length, blocks);
  return { text: source, blocks };
}

function pushTrimmed(source: string, start: number, end: number, blocks: Block[]): void {
  while (start < end && /\s/.test(source[start])) { start++; }
  while (end > start && /\s/.test(source[end - 1])) { end--; }
  if (end > start) { blocks.push({ start, end }); }
}

/** Length of a leading YAML (---) or TOML (+++) front-matter block, or 0. */
function frontMatterLength(source: string): number {
  const m = /^(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(?:[^]*?\r?\n)?(?:\1|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? m[0].length : 0;
}

export function markdownProse(source: string): Prose {
  let tree: MdNodes;
  // Front matter is metadata, not copy (a quotation mark in a YAML title is not a quotation), but without the
  // front-matter extension micromark reads it as a thematic break and a heading. Blank it before parsing.
  const front = frontMatterLength(source);
  const parsed = front ? source.slice(0, front).replace(/[^\r\n]/g, ' ') + source.slice(front) : source;
  try {
    tree = fromMarkdown(parsed);
  } catch {
    // micromark accepts any string, but if it ever throws, fall back to treating the file as plain text.
    return plainProse(source);
  }
  const keep = new Uint8Array(source.length);
  const blocks: Block[] = [];
  const visit = (node: MdNodes, inBlock: boolean): void => {
    if (SKIPPED.has(node.type)) { return; }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && start !== undefined && end !== undefined) {
      keep.fill(1, start, end);
      return;
    }
    const isBlock = !inBlock && PROSE_BLOCKS.has(node.type);
    if (isBlock && start !== undefined && end !== undefined) { blocks.push({ start, end }); }
    if ('children' in node) {
      for (const child of node.children as MdNodes[]) { visit(child, inBlock || isBlock); }
    }
  };
  visit(tree, false);
  const chars: string[] = new Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    chars[i] = keep[i] || c === '\n' || c === '\r' ? c : ' ';
  }
  const text = chars.join('');
  // Trim each block to its prose so that blank markup at its edges is not part of it.
  const trimmed: Block[] = [];
  for (const b of blocks) { pushTrimmed(text, b.start, b.end, trimmed); }
  return { text, blocks: trimmed };
}
