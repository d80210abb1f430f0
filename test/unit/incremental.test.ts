// Incremental analysis must be invisible: after any sequence of edits, the analysis made with warm caches
// (reused paragraph trees, moved in place, and memoised plugin results) equals a fresh analysis of the same text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { ParseEnglish } from 'parse-english';
import type { Node, Point } from 'unist';
import { analyse, analyseFresh } from '../../src/core/pipeline.ts';
import { clearMemo } from '../../src/core/memo.ts';
import { parseBlocks, wordsReread } from '../../src/core/parser.ts';

const sample = (name: string): string => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8');

// Synthetic copy with everything the plugins look at: quotations (also running over paragraphs and
// unclosed), attributions, names and surnames, titles, figures that conflict, curly and straight marks.
const SYNTHETIC = [
  'WASHINGTON — Senator Maria Delgado said on Tuesday that the bill would cost $4.2 billion over 10 years.',
  '"We cannot wait any longer," Delgado told reporters. "The harbor is silting up."',
  '“This is a mess,” said Harbor Commissioner Tom Okafor, who chairs the finance committee.',
  'Okafor said the dredging would take 14 months. Later he said it would take 18 months.',
  '"The first phase starts in May.',
  '"The second phase starts in June," Okafor added.',
  'According to the ministry, 3,400 jobs were lost, about 12 percent of the workforce.',
  'Delgado, a Democrat, said the figure was "plainly wrong" and that Delgato had never agreed.',
  "It's the 'last chance', she said, for a ’90s-era port.",
  'Unemployment rose to 7 percent in March, up from 5 percent, the agency said.',
];

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Also what the document-level caches key on: a name and its misspelling, a word also written in lower case, a
// title reference, a figure, and quotation marks that reopen a paragraph.
const SNIPPETS = [' said', ' "', '”', ' 25 percent', ' Okafor', '.\n\n', '\n', ' $3 million', ' the mayor said.', ' x', '"Yes," he said. ',
  ' Delgato', ' veteran', ' the commissioner', ' 18 months', '\n\n“', "''"];

/** One random edit of the kinds typing and pasting make, including duplicated and moved paragraphs. */
function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const paragraphs = text.split('\n\n');
  const p = Math.floor(rnd() * paragraphs.length);
  switch (Math.floor(rnd() * 7)) {
    case 0: return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 12)));
    case 2: paragraphs.splice(p, 0, paragraphs[Math.floor(rnd() * paragraphs.length)]); return paragraphs.join('\n\n');
    case 3: { const [moved] = paragraphs.splice(p, 1); paragraphs.splice(Math.floor(rnd() * (paragraphs.length + 1)), 0, moved); return paragraphs.join('\n\n'); }
    case 4: return text.slice(0, at) + 'A new line here.\n' + text.slice(at);
    case 5: paragraphs.splice(p, 1); return paragraphs.join('\n\n');
    default: return text.slice(0, at) + SYNTHETIC[Math.floor(rnd() * SYNTHETIC.length)] + '\n\n' + text.slice(at);
  }
}

function checkEdits(start: string, language: string, seed: number, steps: number): void {
  const rnd = random(seed);
  let text = start;
  clearMemo();
  analyse(text, { language });
  for (let i = 0; i < steps; i++) {
    text = edit(text, rnd);
    const warm = analyse(text, { language });
    const fresh = analyseFresh(text, { language });
    assert.deepEqual(warm, fresh, `seed ${seed}, step ${i}: cached analysis differs from a fresh one`);
  }
}

describe('incremental analysis', () => {
  const texts: Array<[string, string, string]> = [
    ['synthetic plain text', SYNTHETIC.join('\n\n'), 'plaintext'],
    ['harbor-dredging.txt', sample('harbor-dredging.txt'), 'plaintext'],
    ['ministry-budget.md', sample('ministry-budget.md'), 'markdown'],
  ];
  for (const [name, text, language] of texts) {
    it(`equals a fresh analysis after random edits: ${name}`, () => {
      for (let seed = 1; seed <= 4; seed++) { checkEdits(text, language, seed, 25); }
    });
  }

  it('gives the same result when the same text is analysed again and again', () => {
    clearMemo();
    const text = SYNTHETIC.join('\n\n');
    const first = analyse(text);
    for (let i = 0; i < 3; i++) { assert.deepEqual(analyse(text), first); }
  });

  it('keeps two paragraphs with the same text apart', () => {
    clearMemo();
    const para = '"We cannot wait," Delgado told reporters, citing 14 months of delays.';
    const once = analyse(para);
    const twice = analyse(`${para}\n\n${para}`);
    assert.deepEqual(twice, analyseFresh(`${para}\n\n${para}`));
    assert.equal(twice.attributions.length, 2 * once.attributions.length);
    assert.equal(twice.figures.length, 2 * once.figures.length);
    assert.notEqual(twice.figures[0].start, twice.figures[twice.figures.length - 1].start);
  });

  it('joins a colon cue and a quotation running over paragraphs the same way from cached paragraphs', () => {
    clearMemo();
    const text = [
      'Harbor Commissioner Tom Okafor told the council:',
      'The dredging will take 14 months and cost $4 million.',
      '"The first phase starts in May," Okafor said. "It will be loud."',
      '"The second phase starts in June."',
      'Delgado disagreed.',
    ].join('\n\n');
    const first = analyse(text);
    const colon = first.attributions.find(a => a.cue?.text === 'told');
    assert.equal(colon?.content.text, 'The dredging will take 14 months and cost $4 million.');
    const said = first.attributions.find(a => a.cue?.text === 'said')!;
    assert.equal(said.parts?.length, 3, 'the quotation runs on into the next paragraph');
    assert.ok(said.parts![2].text.startsWith('"The second phase'));
    // The same paragraphs, now served from the memo and moved, with an edit before and after them.
    const edited = `A new first paragraph.\n\n${text}\n\nA last one.`;
    const warm = analyse(edited);
    assert.deepEqual(warm, analyseFresh(edited));
    assert.equal(warm.attributions.find(a => a.cue?.text === 'said')!.parts?.length, 3);
    // The paragraph that was joined to the next one, alone (the same text and quotations, so the same memo
    // entry): the joins across paragraphs did not change the memo's findings.
    const alone = analyse(text.split('\n\n')[2]);
    assert.deepEqual(alone, analyseFresh(text.split('\n\n')[2]));
    assert.equal(alone.attributions.find(a => a.cue?.text === 'said')!.parts?.length, 2);
    assert.equal(analyse('Harbor Commissioner Tom Okafor told the council:').attributions.length, 0);
  });

  it('moves a reused paragraph tree to its new place, lines and columns included', () => {
    clearMemo();
    // Markdown headings and list items start mid-line: a deeper heading moves the same text to another column.
    const a = '# Harbor "plan," she said.\n\nFirst paragraph here.\n\n- Second one, "quoted," she said.\n\nThird.';
    const b = `Inserted line.\nAnd another, longer than before.\n\n### Harbor "plan," she said.\n\nFirst paragraph here.\n\n  - Second one, "quoted," she said.\n\nThird.`;
    const treeOf = (text: string) => { const f = new VFile({ value: text }); return JSON.parse(JSON.stringify(parseBlocks(f, { language: 'markdown' }))); };
    treeOf(a);
    const moved = treeOf(b);
    clearMemo();
    assert.deepEqual(moved, treeOf(b));
  });

  it('moves a reused tree whose words were read, CRLF line ends and emoji included', () => {
    clearMemo();
    const a = '# Harbor 🚢 "plan," she said.\r\n\r\nFirst 👩‍⚖️ paragraph here.\r\n\r\n- Second one, "quoted," she said.\r\n';
    const b = `Inserted 🎉 line.\r\nAnd another.\r\n\r\n${a.replace('# Harbor', '### Harbor')}`;
    const treeOf = (text: string) => { const f = new VFile({ value: text }); return JSON.parse(JSON.stringify(parseBlocks(f, { language: 'markdown' }))); };
    treeOf(a);
    const moved = treeOf(b);
    clearMemo();
    assert.deepEqual(moved, treeOf(b));
    // The words' offsets are UTF-16 indices into the file.
    const words = (moved.children as Array<{ children: Array<{ children?: Array<{ type: string; position: { start: { offset: number } }; children?: Array<{ value: string }> }> }> }>)
      .flatMap(p => p.children.flatMap(s => s.children ?? [])).filter(w => w.type === 'WordNode');
    for (const w of words) { assert.equal(b.slice(w.position.start.offset, w.position.start.offset + w.children![0].value.length), w.children![0].value); }
  });

  it('gives a sentence taken out of its paragraph no words instead of failing', () => {
    clearMemo();
    const root = parseBlocks(new VFile({ value: 'Detached sentence here. Another one.' }), {});
    const paragraph = root.children[0] as unknown as { children: Array<{ type: string; children: unknown[] }> };
    const sentence = paragraph.children.find(c => c.type === 'SentenceNode')!;
    paragraph.children = [];
    assert.deepEqual(sentence.children, []);
  });

  it('places every node where parse-english alone would, moved to the paragraph', () => {
    clearMemo();
    const text = sample('harbor-dredging.txt');
    const root = parseBlocks(new VFile({ value: text }), {});
    const english = new ParseEnglish();
    for (const paragraph of root.children) {
      const start = paragraph.position!.start;
      const alone = english.tokenizeParagraph(text.slice(start.offset, paragraph.position!.end.offset)) as Node;
      const moved = (p: Point): Point => ({ line: p.line + start.line - 1, column: p.line === 1 ? p.column + start.column - 1 : p.column, offset: p.offset! + start.offset! });
      const expect = (n: Node): unknown => ({ ...n, position: { start: moved(n.position!.start), end: moved(n.position!.end) },
        ...('children' in n ? { children: (n.children as Node[]).map(expect) } : {}) });
      assert.deepEqual(JSON.parse(JSON.stringify(paragraph)), JSON.parse(JSON.stringify(expect(alone))));
    }
  });

  it('keeps no words in the cached trees: analysing and editing never tokenizes a paragraph again', () => {
    clearMemo();
    const before = wordsReread();
    const text = SYNTHETIC.join('\n\n');
    analyse(text);
    analyse(text.replace('14 months', '15 months'));
    analyse(`Inserted first.\n\n${text}`);
    assert.equal(wordsReread(), before);
    // Reading the words tokenizes the paragraph once, where it stands now.
    const root = parseBlocks(new VFile({ value: `Inserted first.\n\n${text}` }), {});
    const second = root.children[1] as unknown as { children: Array<{ type: string; children?: Array<{ type: string; position?: { start: Point } }> }> };
    const words = second.children[0].children!;
    assert.equal(wordsReread(), before + 1);
    assert.equal(words[0].type, 'WordNode');
    assert.equal(words[0].position!.start.offset, 'Inserted first.\n\n'.length);
  });
});
