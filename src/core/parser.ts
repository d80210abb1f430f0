// The Copydesk parser: retext-english's tokenizer run one prose block at a time. Parsing blocks separately
// keeps Markdown markup out of the tree and keeps the cost per word flat on long documents; the nodes carry
// absolute positions into the source text, so every plugin reports exact offsets.
//
// Parsed paragraphs are cached by their text: on a keystroke only the changed paragraph is tokenized again,
// the others are reused and, when the edit moved them, relocated in place.
//
// A cached tree keeps its paragraph and sentence nodes; the words of a sentence are tokenized again when
// something first reads them. Copydesk's plugins read a paragraph's text and its sentence boundaries, never its
// words, and keeping every word node of a 100,000-word document alive (a million objects) made V8's garbage
// collector, which has to copy and promote whatever survives, the largest cost of parsing a long document
// (see the README, "Performance").
import { ParseEnglish } from 'parse-english';
import type { Paragraph, Root, RootContent, Sentence, SentenceContent } from 'nlcst';
import type { Point } from 'unist';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { proseOf, type Block } from './prose.js';
import type { AnalyseOptions, CopydeskData } from './context.js';
import { paragraphText, registerCache, registerParagraph } from './memo.js';

/**
 * parse-english, made to number its points from where the paragraph stands in the document, so that no
 * position has to be moved (and allocated again) afterwards. Every Point of a parse-latin tree is created by
 * `tokenize` and only ever referenced (shared) by the parents that later passes build.
 */
class PlacedEnglish extends ParseEnglish {
  origin: Point = { line: 1, column: 1, offset: 0 };

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const tokens = super.tokenize(value);
    const { line, column, offset } = this.origin;
    const place = (p: Point | undefined): void => {
      if (!p) { return; }
      if (p.line === 1) { p.column += column - 1; }
      p.line += line - 1;
      p.offset = (p.offset ?? 0) + (offset ?? 0);
    };
    for (const token of tokens) {
      const position = token.position;
      if (!position) { continue; }
      place(position.start);
      place(position.end);
      // A word's text node shares the word's start point but has an end point of its own.
      if (token.type === 'WordNode') {
        for (const child of token.children) {
          const p = child.position;
          if (!p) { continue; }
          if (p.start !== position.start) { place(p.start); }
          if (p.end !== position.end) { place(p.end); }
        }
      }
    }
    return tokens;
  }

  paragraphAt(text: string, origin: Point): Paragraph {
    this.origin = origin;
    return this.tokenizeParagraph(text);
  }
}

const english = new PlacedEnglish();

// A sentence kept without its words: `children` is an accessor until first read, then a plain array.
const OWNER = Symbol('copydesk.paragraph');
type Skeleton = Sentence & { [OWNER]: Paragraph };
/** Paragraphs some of whose sentences have their words again: a move must drop those (their points stay put). */
const materialised = new WeakSet<Paragraph>();
let materialisations = 0;
/** How many times a paragraph's words were tokenized again because something read them (tests check it stays 0). */
export function wordsReread(): number { return materialisations; }

const LAZY: PropertyDescriptor = {
  get(this: Skeleton): SentenceContent[] {
    materialise(this[OWNER]);
    // A sentence its paragraph no longer holds (someone rebuilt the children) would still be an accessor here.
    if (Object.getOwnPropertyDescriptor(this, 'children')?.get) { setChildren(this, []); }
    return this.children;
  },
  set(this: Skeleton, children: SentenceContent[]) { setChildren(this, children); },
  enumerable: true,
  configurable: true,
};

function setChildren(sentence: Sentence, children: SentenceContent[]): void {
  Object.defineProperty(sentence, 'children', { value: children, writable: true, enumerable: true, configurable: true });
}

/** Tokenize the paragraph again where it stands now and give each of its sentences its words. */
function materialise(paragraph: Paragraph): void {
  materialisations++;
  const text = paragraphText.get(paragraph) ?? '';
  const full = english.paragraphAt(text, { ...paragraph.position!.start });
  paragraph.children.forEach((child, i) => {
    if (child.type !== 'SentenceNode') { return; }
    const again = full.children[i];
    // The same text at the same place tokenizes the same way, so the sentences line up one to one.
    setChildren(child, again?.type === 'SentenceNode' ? again.children : []);
  });
  materialised.add(paragraph);
}

/** The paragraph and sentence nodes of a parsed paragraph, sharing its points, and every point they hold. */
function skeleton(tree: Paragraph): { tree: Paragraph; points: Point[] } {
  const points = new Set<Point>();
  const keep = (position: Paragraph['position']): void => { if (position) { points.add(position.start); points.add(position.end); } };
  keep(tree.position);
  const paragraph: Paragraph = { type: 'ParagraphNode', children: [], position: tree.position };
  for (const child of tree.children) {
    keep(child.position);
    if (child.type !== 'SentenceNode') { paragraph.children.push(child); continue; }
    const sentence = { type: 'SentenceNode', position: child.position } as Skeleton;
    Object.defineProperty(sentence, OWNER, { value: paragraph });
    Object.defineProperty(sentence, 'children', LAZY);
    paragraph.children.push(sentence);
  }
  return { tree: paragraph, points: [...points] };
}

interface Cached {
  tree: Paragraph;
  points: Point[];
  /** Where the tree currently stands (its first point). */
  at: Point;
  /** The parse that last used this tree: a tree stands in one place per document, so serves one paragraph. */
  used: number;
}

// Paragraph text -> parsed trees of that text (several when the same paragraph occurs more than once).
const LIMIT = 20000;
let trees = new Map<string, Cached[]>();
let treeCount = 0;
let generation = 0;
registerCache({
  clear: () => { trees = new Map(); treeCount = 0; },
  swap: () => {
    const saved = trees, count = treeCount;
    trees = new Map(); treeCount = 0;
    return () => { trees = saved; treeCount = count; };
  },
});

function move(entry: Cached, to: Point): void {
  const from = entry.at;
  if (from.offset === to.offset && from.line === to.line && from.column === to.column) { return; }
  const dOffset = (to.offset ?? 0) - (from.offset ?? 0);
  const dLine = to.line - from.line;
  const dColumn = to.column - from.column;
  if (materialised.has(entry.tree)) {
    for (const child of entry.tree.children) { if (child.type === 'SentenceNode') { Object.defineProperty(child, 'children', LAZY); } }
    materialised.delete(entry.tree);
  }
  for (const p of entry.points) {
    // Only points on the paragraph's first line have columns counted from where the paragraph starts.
    if (p.line === from.line) { p.column += dColumn; }
    p.line += dLine;
    p.offset = (p.offset ?? 0) + dOffset;
  }
  entry.at = { ...to };
}

/** The tree of `text` placed at `origin`: a cached one when the same text was parsed before, else a new one. */
function paragraphAt(text: string, origin: Point, gen: number): Paragraph {
  const entries = trees.get(text);
  if (entries) {
    let pick: Cached | undefined;
    for (const e of entries) {
      if (e.used === gen) { continue; }
      pick ??= e;
      if (e.at.offset === origin.offset) { pick = e; break; }
    }
    if (pick) {
      move(pick, origin);
      // Marked with this parse: what `evict` reads (re-inserting every text to keep the Map in use order cost
      // two Map operations per paragraph on every keystroke).
      pick.used = gen;
      return pick.tree;
    }
  }
  const { tree, points } = skeleton(english.paragraphAt(text, { ...origin }));
  registerParagraph(tree, text);
  const entry: Cached = { tree, points, at: { ...origin }, used: gen };
  if (entries) { entries.push(entry); } else { trees.set(text, [entry]); }
  treeCount++;
  return tree;
}

/** Drop the least recently used trees beyond the limit, never one that the current parse uses. */
function evict(gen: number): void {
  if (treeCount <= LIMIT) { return; }
  // The parse that last used each tree, oldest first: drop trees until the limit is met.
  const uses = [...trees.values()].flatMap(entries => entries.map(e => e.used)).filter(u => u !== gen).sort((a, b) => a - b);
  const drop = treeCount - LIMIT;
  if (drop <= 0 || uses.length === 0) { return; }
  const cutoff = uses[Math.min(drop, uses.length) - 1];
  for (const [text, entries] of trees) {
    if (treeCount <= LIMIT) { break; }
    const keep = entries.filter(e => e.used > cutoff || e.used === gen);
    if (keep.length === entries.length) { continue; }
    treeCount -= entries.length - keep.length;
    if (keep.length) { trees.set(text, keep); } else { trees.delete(text); }
  }
}

/** Lines inside a block start a new paragraph when the line before ends a sentence (wire copy without blank lines). */
function paragraphsOf(text: string, block: Block): Block[] {
  const out: Block[] = [];
  let start = block.start;
  const lineBreak = /\r?\n|\r/g;
  lineBreak.lastIndex = block.start;
  for (let m = lineBreak.exec(text); m && m.index < block.end; m = lineBreak.exec(text)) {
    const before = text.slice(Math.max(start, m.index - 2), m.index).trimEnd();
    if (/[.!?:"”’)\]]$/.test(before)) {
      out.push({ start, end: m.index });
      start = m.index + m[0].length;
    }
  }
  out.push({ start, end: block.end });
  return out.filter(b => b.end > b.start);
}

export function parseBlocks(file: VFile, options: AnalyseOptions): Root {
  const source = String(file.value);
  const prose = proseOf(source, options.language);
  const place = location(source);
  const children: RootContent[] = [];
  const gen = ++generation;
  for (const block of prose.blocks) {
    for (const para of paragraphsOf(prose.text, block)) {
      children.push(paragraphAt(prose.text.slice(para.start, para.end), place.toPoint(para.start)!, gen));
    }
  }
  evict(gen);
  const data: CopydeskData = { options, prose, marks: [], quotes: [], attributions: [], figures: [], people: [] };
  file.data.copydesk = data;
  return {
    type: 'RootNode',
    children,
    position: { start: place.toPoint(0)!, end: place.toPoint(source.length) ?? { line: 1, column: 1, offset: source.length } },
  };
}

/** unified plugin: sets the parser. Options travel on the processor (`copydeskParser, options`). */
export function copydeskParser(this: Processor, options: AnalyseOptions = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as { parser: (doc: string, file: VFile) => Root };
  self.parser = (_doc, file) => parseBlocks(file, options);
}
