// Property tests over generated copy: whatever an editor can hold, analyse() must survive it and every offset it
// hands out must point at exactly the characters it claims. Example tests only cover the inputs someone thought of;
// these cover quote marks in every style and nesting, astral characters, combining marks, right-to-left script,
// CR/CRLF line ends, NUL bytes, very long words and random Markdown markup.
// COPYDESK_PROPERTY_RUNS scales the number of runs (default below); a failure prints the seed and shrunk input.
// The seed is fixed so that a run is repeatable and CI does not turn red by chance; COPYDESK_PROPERTY_SEED=random
// explores new inputs (or give a number to replay one), and every counterexample found goes into `examples`.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../src/core/pipeline.ts';
import type { Analysis, Finding, Span } from '../../src/core/model.ts';

const RUNS = Number(process.env.COPYDESK_PROPERTY_RUNS) || 250;
const SEED = process.env.COPYDESK_PROPERTY_SEED;
if (SEED !== 'random') { fc.configureGlobal({ seed: Number(SEED) || 20261129 }); }

// ---------------------------------------------------------------------------------------------------- generators

const WORDS = [
  'the', 'council', 'mayor', 'Alan', 'Okafor', 'Rosa', 'Delgado', 'Delgada', 'Harbor', 'Commissioner', 'Wierzbicki',
  'Minister', 'Ingrid', 'Saarinen', 'Sarinen', 'she', 'he', 'they', 'it', 'said', 'says', 'told', 'reporters', 'added',
  'according', 'to', 'claimed', 'insisted', 'wrote', 'in', 'a', 'statement', 'on', 'Tuesday', 'never', 'supported',
  'opposed', 'plan', 'jobs', 'ships', 'was', 'unavoidable', 'not', 'who', 'chairs', 'spokesperson', 'Dr.', 'Mr.',
  "port's", "don't", "'90s", 'rock’n’roll', 'O’Brien', 'José', 'Zoë', 'Łukasz', 'Nguyễn',
];
const FIGURES = ['$48 million', '$25 million', '1,200', '900', '3%', '20 percent', '17 percent', 'March 12', '2023',
  '14', '5-2', '4.2 billion crowns', '3.5 billion crowns', '61 of the 150 seats', 'about 3%', 'nearly 40', '½', '1.5m',
  '€3bn', '30 days', '10:30 a.m.', '-7', '0.0001', '9'.repeat(40)];
const QUOTE_MARKS = ['"', '“', '”', "'", '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '″', '`'];
const PUNCTUATION = [',', '.', '!', '?', ';', ':', '—', '–', '-', '(', ')', '[', ']', '…', '...', '/', '&'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\u2009', '\u200b', '\ufeff'];
const BREAKS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\n \n', '\u2028'];
const EXOTIC = [
  '😀', '👩‍👩‍👧', '🇺🇦', '𝔸𝔹', '𠜎', '👍🏽', // astral, ZWJ sequences, flags, skin tones
  'e\u0301', 'a\u0308\u0323', '\u0301', 'n\u0303', // combining marks, including one with nothing to combine with
  'مرحبا بالعالم', 'שלום', '\u202e', '\u200f', 'قال', // right-to-left text and bidi controls
  '\u0000', '\u0007', '\ufffd', '\ud800', '\udc00', // NUL, control, replacement char, lone surrogates
  'x'.repeat(3000), 'ab'.repeat(1500) + '"', // very long words
];
const MARKDOWN = ['# ', '## ', '**', '*', '_', '__', '`', '```\n', '\n```\n', '> ', '>> ', '- ', '* ', '1. ', '[', '](',
  '[link](http://example.com)', '![img](a.png)', '<b>', '</b>', '<!-- c -->', '|', ' | ', '|---|---|\n', '---\n', '***',
  '\\', '\\"', '~~', '&amp;', '&#8220;', '[^1]', '[^1]: note\n', '    code\n', '$$\n', '<https://x.y>', '---\ntitle: x\n---\n'];

const word = fc.constantFrom(...WORDS);
const piece = fc.oneof(
  { weight: 10, arbitrary: word.map(w => w + ' ') },
  { weight: 5, arbitrary: word },
  { weight: 4, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...EXOTIC) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** A quotation, possibly nested, possibly unbalanced, in any style. */
const quotation: fc.Arbitrary<string> = fc.letrec<{ q: string }>(tie => ({
  q: fc.tuple(
    fc.constantFrom(...QUOTE_MARKS, ''),
    fc.array(fc.oneof({ weight: 4, arbitrary: word.map(w => w + ' ') }, { weight: 1, arbitrary: tie('q') }), { maxLength: 6 }),
    fc.constantFrom(...QUOTE_MARKS, ''),
    fc.constantFrom(', she said. ', ' he said.', ', according to the mayor.', '', ' ', '\n'),
  ).map(([open, inner, close, tail]) => open + inner.join('') + close + tail),
})).q;

/** Sentences that look like wire copy, with quotations and attributions, then noise sprinkled in. */
const newsLike = fc.array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: quotation }), { maxLength: 120 })
  .map(parts => parts.join(''));

const markdownLike0 = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 2, arbitrary: quotation },
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN) }), { maxLength: 120 }).map(parts => parts.join(''));


/** Deep, mostly unbalanced nesting: the worst case for a mark-pairing algorithm. */
const deepQuotes = fc.tuple(fc.array(fc.constantFrom(...QUOTE_MARKS), { minLength: 50, maxLength: 400 }), word)
  .map(([marks, w]) => marks.map((m, i) => (i % 3 === 0 ? m + w + ' ' : m)).join(''));

const FIRST = ['Rosa', 'Alan', 'Ingrid', 'Tomasz', 'Marta', 'Kwame', 'Dana', 'José', 'Zoë'];
const LAST = ['Delgado', 'Delgada', 'Okafor', 'Okafur', 'Saarinen', 'Sarinen', 'Wierzbicki', 'Lindqvist', 'Asante-Boateng', 'Whitfield'];
const TITLE = ['Mayor', 'Councilmember', 'Health Minister', 'Harbor Commissioner', 'Deputy Speaker', 'spokesperson'];
const OPEN = ['"', '“', '”', "'", '‘', '«'];
const CLOSE = ['"', '”', '“', "'", '’', '»', ''];
const sentence = fc.oneof(
  fc.tuple(fc.constantFrom(...OPEN), fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(...CLOSE), fc.constantFrom(...TITLE), fc.constantFrom(...FIRST), fc.constantFrom(...LAST))
    .map(([o, ws, c, t, f, l]) => `${o}${ws.join(' ')},${c} ${t} ${f} ${l} said.`),
  fc.tuple(fc.constantFrom(...LAST), fc.constantFrom('said', 'told reporters', 'wrote'), fc.constantFrom(...FIGURES), fc.constantFrom('jobs', 'ships', 'clinics', ''))
    .map(([l, cue, n, noun]) => `${l} ${cue} that ${n} ${noun} depend on the plan.`),
  fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST), fc.constantFrom(...OPEN), fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom(...CLOSE))
    .map(([f, l, o, ws, c]) => `According to ${f} ${l}, the budget ${o}${ws.join(' ')}.${c}`),
  fc.tuple(fc.constantFrom(...LAST), fc.constantFrom('has never supported', 'supported', 'opposed', 'said closing the clinics was'), fc.constantFrom('closing rural clinics.', '"unavoidable."', 'the plan.'))
    .map(([l, v, o]) => `${l} ${v} ${o}`),
  fc.tuple(fc.constantFrom(...OPEN), fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(...CLOSE)).map(([o, ws, c]) => `${o}${ws.join(' ')}.${c}`),
);
/** An article: paragraphs of wire-copy sentences, then characters of every awkward kind dropped in at random places. */
const article = fc.tuple(
  fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map(ss => ss.join(' ')), { minLength: 1, maxLength: 8 }),
  fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r\r'),
  fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...QUOTE_MARKS, ...EXOTIC, ...SPACES, ...BREAKS, ...MARKDOWN))), { maxLength: 6 }),
).map(([paras, sep, noise]) => {
  let text = paras.join(sep);
  for (const [at, s] of noise) { const i = at % (text.length + 1); text = text.slice(0, i) + s + text.slice(i); }
  return text;
});
const markdownLike = fc.oneof(markdownLike0, article, article.map(t => t.replace(/(^|\n\n)/g, '$1> ')));

const anyText = fc.oneof(article, article, newsLike, deepQuotes, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
const language = fc.constantFrom('plaintext', 'markdown');
const document = fc.oneof(
  fc.tuple(anyText, language),
  fc.tuple(markdownLike, fc.constant('markdown')),
);

// ---------------------------------------------------------------------------------------------------- helpers

interface Labelled { what: string; span: Span }

/** Every span an analysis hands out, with where it came from (for the failure message). */
function spansOf(a: Analysis): Labelled[] {
  const out: Labelled[] = [];
  a.quotes.forEach((q, i) => out.push({ what: `quotes[${i}]`, span: q }));
  a.figures.forEach((f, i) => out.push({ what: `figures[${i}]`, span: f }));
  a.attributions.forEach((x, i) => {
    if (x.source) { out.push({ what: `attributions[${i}].source`, span: x.source }); }
    if (x.cue) { out.push({ what: `attributions[${i}].cue`, span: x.cue }); }
    out.push({ what: `attributions[${i}].content`, span: x.content });
    x.parts?.forEach((p, j) => out.push({ what: `attributions[${i}].parts[${j}]`, span: p }));
  });
  a.people.forEach((p, i) => p.mentions.forEach((m, j) => out.push({ what: `people[${i}].mentions[${j}]`, span: m })));
  a.diagnostics.forEach((d, i) => {
    out.push({ what: `diagnostics[${i}] ${d.rule}`, span: d });
    d.related.forEach((r, j) => out.push({ what: `diagnostics[${i}].related[${j}]`, span: r }));
  });
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when `offset` would cut a surrogate pair in two. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkSpans(text: string, a: Analysis): void {
  assert.equal(a.text, text, 'analysis.text is the text analysed');
  for (const { what, span } of spansOf(a)) {
    const where = `${what} ${JSON.stringify(span)}`;
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: offsets are integers`);
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where}: within [0, ${text.length}]`);
    assert.equal(span.text, text.slice(span.start, span.end), `${where}: text equals the slice`);
    assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${where}: does not cut a surrogate pair`);
  }
  for (const d of a.diagnostics) {
    assert.ok(d.line >= 1 && d.column >= 1, `${d.rule}: line and column are 1-based`);
    assert.ok(d.message.length > 0, `${d.rule}: has a message`);
  }
}

/** The first expected replacement of every finding that has one, non-overlapping, first come first kept (as the editor's fix-all). */
function fixesOf(a: Analysis): Finding[] {
  const kept: Finding[] = [];
  let lastEnd = -1;
  for (const f of [...a.diagnostics].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (!f.expected.length || f.start < lastEnd) { continue; }
    kept.push(f);
    lastEnd = f.end;
  }
  return kept;
}

interface Applied { text: string; placed: Array<{ fix: Finding; start: number; end: number }> }

/** Applies the fixes right to left (so earlier offsets stay valid) and says where each replacement landed. */
function applyFixes(text: string, fixes: Finding[]): Applied {
  let out = text;
  for (const f of [...fixes].reverse()) { out = out.slice(0, f.start) + f.expected[0] + out.slice(f.end); }
  let delta = 0;
  const placed = fixes.map(fix => {
    const start = fix.start + delta;
    delta += fix.expected[0].length - (fix.end - fix.start);
    return { fix, start, end: start + fix.expected[0].length };
  });
  return { text: out, placed };
}

const CR_FREE = (s: string) => s.replace(/\r\n?/g, '\n');

// ---------------------------------------------------------------------------------------------------- properties

describe('properties of analyse() over generated copy', function () {
  this.timeout(120000);

  it('never throws, on plain text and on Markdown, whatever the characters', () => {
    fc.assert(fc.property(document, ([text, lang]) => { analyse(text, { language: lang }); }), { numRuns: RUNS });
  });

  it('puts every span inside the text, with text equal to its slice and never inside a surrogate pair', () => {
    // Examples first: shrunk counterexamples of bugs found before, kept so that they are checked on every run.
    const examples: Array<[[string, string]]> = [[['Councilmember Rosa `x` Delgado said it. Rosa Delgado left.', 'markdown']],
      [['"It is `fine` now," she said. "Really."', 'markdown']]];
    fc.assert(fc.property(document, ([text, lang]) => { checkSpans(text, analyse(text, { language: lang })); }), { numRuns: RUNS * 2, examples });
  });

  it('sees the same things in CRLF text as in the same text with LF line ends', () => {
    const lfText = fc.oneof(article, newsLike, markdownLike).map(CR_FREE);
    fc.assert(fc.property(lfText, language, (lf, lang) => {
      const crlf = lf.replace(/\n/g, '\r\n');
      // CRLF offset -> LF offset: every \r before it disappears.
      const crBefore: number[] = new Array(crlf.length + 1);
      for (let i = 0, n = 0; i <= crlf.length; i++) { crBefore[i] = n; if (crlf[i] === '\r') { n++; } }
      const key = (s: Labelled, map: (o: number) => number) => `${s.what.replace(/\[\d+\]/g, '')} ${map(s.span.start)}-${map(s.span.end)}`;
      const a = spansOf(analyse(lf, { language: lang })).map(s => key(s, o => o)).sort();
      const b = spansOf(analyse(crlf, { language: lang })).map(s => key(s, o => o - crBefore[o])).sort();
      assert.deepEqual(b, a);
    }), { numRuns: RUNS, examples: [['It cost 1.5\nm today.', 'plaintext'],
      // A name broken over a line: the speaker's span must not depend on the line ends.
      ['"council chairs, Harbor Commissioner Rosa\n Okafur said. According to Marta Lindqvist, the budget "never the."', 'plaintext']] });
  });

  it('keeps line and column of a diagnostic consistent with its offset under every kind of line end', () => {
    fc.assert(fc.property(document, ([text, lang]) => {
      for (const d of analyse(text, { language: lang }).diagnostics) {
        const before = text.slice(0, d.start);
        const lines = before.split(/\r\n|\r|\n/);
        assert.equal(d.line, lines.length, `${d.rule} at ${d.start}: line`);
        assert.equal(d.column, lines[lines.length - 1].length + 1, `${d.rule} at ${d.start}: column`);
      }
    }), { numRuns: RUNS });
  });

  it('offers only fixes that change something and keep the text whole', () => {
    fc.assert(fc.property(document, ([text, lang]) => {
      for (const f of analyse(text, { language: lang }).diagnostics) {
        for (const e of f.expected) {
          assert.notEqual(e, f.text, `${f.rule} at ${f.start}: a fix that replaces ${JSON.stringify(f.text)} with itself`);
          const fixed = text.slice(0, f.start) + e + text.slice(f.end);
          // A quick fix must not create a lone surrogate where there was a pair.
          const lone = (s: string) => (s.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g) ?? []).length;
          assert.ok(lone(fixed) <= lone(text), `${f.rule} at ${f.start}: fix ${JSON.stringify(e)} breaks a surrogate pair`);
          assert.equal((e.match(/[\r\n]/g) ?? []).length, (f.text.match(/[\r\n]/g) ?? []).length,
            `${f.rule} at ${f.start}: fix ${JSON.stringify(e)} for ${JSON.stringify(f.text)} adds or removes a line break`);
        }
      }
    }), { numRuns: RUNS });
  });

  it('after applying every quick fix, never offers the same fix again and changes only the fixed ranges', () => {
    fc.assert(fc.property(document, ([text, lang]) => {
      const before = analyse(text, { language: lang });
      const fixes = fixesOf(before);
      fc.pre(fixes.length > 0);
      const { text: fixed, placed } = applyFixes(text, fixes);
      // Only the fixed ranges changed: what lies between them is the original, character for character.
      let from = 0, at = 0;
      for (const p of placed) {
        assert.equal(fixed.slice(at, p.start), text.slice(from, p.fix.start), 'text between fixes is untouched');
        assert.equal(fixed.slice(p.start, p.end), p.fix.expected[0]);
        from = p.fix.end; at = p.end;
      }
      assert.equal(fixed.slice(at), text.slice(from), 'text after the last fix is untouched');
      const after = analyse(fixed, { language: lang });
      checkSpans(fixed, after);
      for (const p of placed) {
        const again = after.diagnostics.find(d => d.rule === p.fix.rule && d.start === p.start && d.end === p.end
          && d.expected[0] === p.fix.expected[0]);
        assert.ok(!again, `${p.fix.rule}: fix ${JSON.stringify(p.fix.text)} -> ${JSON.stringify(p.fix.expected[0])} is offered again after it was applied`);
        const undo = after.diagnostics.find(d => d.rule === p.fix.rule && d.start === p.start && d.end === p.end
          && d.expected[0] === p.fix.text);
        assert.ok(!undo, `${p.fix.rule}: after fixing ${JSON.stringify(p.fix.text)} -> ${JSON.stringify(p.fix.expected[0])}, the fix offered is to undo it`);
      }
    }), { numRuns: RUNS });
  });

  it('gives the same analysis for the same text (no state leaks between runs)', () => {
    fc.assert(fc.property(document, ([text, lang]) => {
      const strip = (a: Analysis) => JSON.stringify({ ...a, people: a.people.map(p => ({ ...p, directory: undefined })) });
      assert.equal(strip(analyse(text, { language: lang })), strip(analyse(text, { language: lang })));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('survives one very long line and one very long word without giving up on the prose around them', () => {
    fc.assert(fc.property(fc.integer({ min: 10000, max: 60000 }), fc.constantFrom('plaintext', 'markdown'), (n, lang) => {
      const lead = '"We were told this would cost $25 million.“ ';
      const text = lead + 'word '.repeat(n / 5) + 'x'.repeat(n) + '\n\n' + lead;
      const a = analyse(text, { language: lang });
      checkSpans(text, a);
      // The wrong closing mark is seen in both paragraphs, however long the line between them.
      assert.equal(a.diagnostics.filter(d => d.rule === 'quote/wrong-closing-mark').length, 2, JSON.stringify(a.diagnostics.map(d => d.rule)));
    }), { numRuns: 6 });
  });
});
