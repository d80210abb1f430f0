// The Copydesk parser: retext-english's tokenizer run one prose block at a time. Parsing blocks separately
// keeps Markdown markup out of the tree and keeps the cost per word flat on long documents; the nodes carry
// absolute positions into the source text, so every plugin reports exact offsets.
import { ParseEnglish } from 'parse-english';
import type { Paragraph, Root, RootContent } from 'nlcst';
import type { Node, Point } from 'unist';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { proseOf, type Block } from './prose.js';
import type { AnalyseOptions, CopydeskData } from './context.js';

const english = new ParseEnglish();

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

// parse-latin shares Point objects between a parent and its first and last children, so every point is
// replaced by a moved copy rather than moved in place (which would move shared points twice).
function shift(node: Node, offset: number, base: Point): void {
  const move = (p: Point): Point => ({
    line: p.line + base.line - 1,
    column: p.line === 1 ? p.column + base.column - 1 : p.column,
    offset: (p.offset ?? 0) + offset,
  });
  if (node.position) { node.position = { start: move(node.position.start), end: move(node.position.end) }; }
  const children = (node as { children?: Node[] }).children;
  if (children) { for (const child of children) { shift(child, offset, base); } }
}

export function parseBlocks(file: VFile, options: AnalyseOptions): Root {
  const source = String(file.value);
  const prose = proseOf(source, options.language);
  const place = location(source);
  const children: RootContent[] = [];
  for (const block of prose.blocks) {
    for (const para of paragraphsOf(prose.text, block)) {
      const paragraph: Paragraph = english.tokenizeParagraph(prose.text.slice(para.start, para.end));
      shift(paragraph, para.start, place.toPoint(para.start)!);
      children.push(paragraph);
    }
  }
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
