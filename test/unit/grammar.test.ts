// TextMate grammars in syntaxes/: tokenised with vscode-textmate + vscode-oniguruma (the engine VS Code uses), and
// checked scope by scope. Each check names an exact substring and the exact extent of the scope over it, so a rule
// that starts or stops one character early, or scopes too much, fails.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IGrammar, IToken, Registry } from 'vscode-textmate';

// Both packages are UMD bundles; tsx's ESM interop hides their exports behind a wrapper, require() does not.
const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate') as typeof import('vscode-textmate');
const oniguruma = require('vscode-oniguruma') as typeof import('vscode-oniguruma');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEWS = 'text.news.copydesk';
const INJECTION = 'markdown.news.copydesk.injection';
const MARKDOWN = 'text.html.markdown';
const grammarFiles: Record<string, string> = {
  [NEWS]: join(root, 'syntaxes', 'copydesk.news.tmLanguage.json'),
  [INJECTION]: join(root, 'syntaxes', 'copydesk.markdown-injection.tmLanguage.json'),
  // VS Code's Markdown grammar is not installed here; the stub mirrors its scope names and block structure.
  [MARKDOWN]: join(root, 'test', 'unit', 'fixtures', 'markdown-stub.tmLanguage.json'),
};

const DQ = 'string.quoted.double.news.copydesk';
const SQ = 'string.quoted.single.news.copydesk';
const BEGIN = 'punctuation.definition.string.begin.news.copydesk';
const END = 'punctuation.definition.string.end.news.copydesk';
const MONEY = 'constant.numeric.money.news.copydesk';
const PERCENT = 'constant.numeric.percentage.news.copydesk';
const COUNT = 'constant.numeric.count.news.copydesk';
const DATE = 'constant.numeric.date.news.copydesk';
const TALLY = 'constant.numeric.tally.news.copydesk';
const ORDINAL = 'constant.numeric.ordinal.news.copydesk';
const DESIGNATION = 'meta.designation.news.copydesk';

interface Line {
  text: string;
  tokens: IToken[];
}

let registry: Registry;
let onigLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigLoaded ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigLoaded;
}

function newRegistry(): Registry {
  return new vsctm.Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    })),
    loadGrammar: async (scopeName: string) => {
      const file = grammarFiles[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // What VS Code derives from the injection grammar's `injectTo` in package.json.
    getInjections: (scopeName: string) => (scopeName === MARKDOWN ? [INJECTION] : undefined),
  });
}

async function grammar(scopeName: string): Promise<IGrammar> {
  const g = await registry.loadGrammar(scopeName);
  assert.ok(g, `grammar ${scopeName} did not load`);
  return g;
}

/** Tokenises a document line by line, carrying the rule stack across lines as the editor does. */
async function tokenize(scopeName: string, text: string): Promise<Line[]> {
  const g = await grammar(scopeName);
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}

async function line(scopeName: string, text: string): Promise<Line> {
  const lines = await tokenize(scopeName, text);
  assert.equal(lines.length, 1);
  return lines[0]!;
}

function scopesAt(l: Line, offset: number): string[] {
  const token = l.tokens.find((t) => t.startIndex <= offset && offset < t.endIndex);
  assert.ok(token, `no token at offset ${offset} of ${JSON.stringify(l.text)}`);
  return token.scopes;
}

function describeTokens(l: Line): string {
  return l.tokens
    .map((t) => `  ${JSON.stringify(l.text.slice(t.startIndex, t.endIndex))} ${t.scopes.slice(1).join(' ')}`)
    .join('\n');
}

function offsetOf(l: Line, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = l.text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} (occurrence ${occurrence}) not in ${JSON.stringify(l.text)}`);
  }
  return at;
}

/**
 * Asserts that `scope` covers exactly `needle`: every character of it carries the scope, and the characters just
 * before and after it do not (the run of `scope` around the needle starts and ends exactly at its edges).
 */
function assertSpan(l: Line, needle: string, scope: string, occurrence = 0): void {
  const start = offsetOf(l, needle, occurrence);
  const end = start + needle.length;
  const has = (offset: number) => offset >= 0 && offset < l.text.length && scopesAt(l, offset).includes(scope);
  let runStart = start;
  while (has(runStart - 1)) runStart--;
  let runEnd = start;
  while (has(runEnd)) runEnd++;
  assert.ok(
    has(start) && runStart === start && runEnd === end,
    `expected ${scope} over exactly ${JSON.stringify(needle)} at ${start}-${end}, ` +
      `got ${has(start) ? `${JSON.stringify(l.text.slice(runStart, runEnd))} at ${runStart}-${runEnd}` : 'none there'}\n` +
      describeTokens(l),
  );
}

/** Asserts that no character of `needle` carries a scope equal to or under any of `prefixes`. */
function assertNoScope(l: Line, needle: string, prefixes: string[], occurrence = 0): void {
  const start = offsetOf(l, needle, occurrence);
  for (let offset = start; offset < start + needle.length; offset++) {
    const bad = scopesAt(l, offset).filter((s) => prefixes.some((p) => s === p || s.startsWith(`${p}.`)));
    assert.deepEqual(bad, [], `${JSON.stringify(needle)} at ${offset} is scoped ${bad.join(', ')}\n${describeTokens(l)}`);
  }
}

/** Asserts the full scope stack of the token holding the first character of `needle`, and that it is one token. */
function assertScopes(l: Line, needle: string, expected: string[], occurrence = 0): void {
  const start = offsetOf(l, needle, occurrence);
  const token = l.tokens.find((t) => t.startIndex === start);
  assert.ok(token, `no token starts at ${JSON.stringify(needle)} (${start})\n${describeTokens(l)}`);
  assert.equal(l.text.slice(token.startIndex, token.endIndex), needle, `token text\n${describeTokens(l)}`);
  assert.deepEqual(token.scopes, expected);
}

const NOT_A_FIGURE = ['constant.numeric'];
const NOT_A_QUOTE = [DQ, SQ];

before(() => {
  registry = newRegistry();
});

describe('grammar text.news.copydesk (plain text): quotations', () => {
  it('scopes straight double quotations, marks included, with the figures inside them', async () => {
    // harbor-dredging.txt
    const l = await line(
      NEWS,
      '"We were told this would cost $25 million," Councilmember Rosa Delgado said at the start of the four-hour meeting. "Now the number is $48 million, and nobody can tell me why."',
    );
    assertSpan(l, '"We were told this would cost $25 million,"', DQ);
    assertSpan(l, '"Now the number is $48 million, and nobody can tell me why."', DQ);
    assertScopes(l, '"', [NEWS, DQ, BEGIN], 0);
    assertScopes(l, '"', [NEWS, DQ, END], 1);
    assertScopes(l, '$25 million', [NEWS, DQ, MONEY]);
    assertNoScope(l, ' Councilmember Rosa Delgado said', NOT_A_QUOTE);
  });

  it('scopes curly double quotations and ends one without a closing mark at the end of the line', async () => {
    // harbor-dredging.txt: the second quotation is "closed" with an opening mark.
    const l = await line(
      NEWS,
      'Harbor Commissioner Tomasz Wierzbicki defended the plan. “Ships are already turning away,” he said. “Every month we wait costs us another contract.“',
    );
    assertSpan(l, '“Ships are already turning away,”', DQ);
    assertScopes(l, '“', [NEWS, DQ, BEGIN], 0);
    assertScopes(l, '”', [NEWS, DQ, END]);
    assertNoScope(l, ' he said. ', NOT_A_QUOTE);
    assertSpan(l, '“Every month we wait costs us another contract.“', DQ);
    assertScopes(l, 'Every month we wait costs us another contract.“', [NEWS, DQ]);
  });

  it('does not carry an unclosed quotation into the next line', async () => {
    const [first, second, third, fourth] = await tokenize(
      NEWS,
      'She said "this never closes and\nthe next paragraph has 14 ships.\nHe said “this one neither\nand 3% here.',
    );
    assertSpan(first!, '"this never closes and', DQ);
    assertNoScope(second!, 'the next paragraph has 14 ships.', NOT_A_QUOTE);
    assertScopes(second!, '14', [NEWS, COUNT]);
    assertSpan(third!, '“this one neither', DQ);
    assertScopes(fourth!, '3%', [NEWS, PERCENT]);
    assertNoScope(fourth!, fourth!.text, NOT_A_QUOTE);
  });

  it('does not open a quotation at a closing straight mark followed by a space', async () => {
    const l = await line(NEWS, 'the end of his remarks." Okafor said 3% later.');
    assertNoScope(l, 'the end of his remarks." Okafor said 3% later.', NOT_A_QUOTE);
    assertScopes(l, '3%', [NEWS, PERCENT]);
  });

  it('treats apostrophes as apostrophes, not quotation marks', async () => {
    const l = await line(NEWS, 'I don’t think the ’90s were kind to the workers’ union, he said. It’s the council’s call, and the port authority\'s.');
    assertNoScope(l, l.text, NOT_A_QUOTE);
    assertSpan(l, '’90s', DATE);
  });

  it('scopes a single curly quotation only when it opens after a space and closes before a non-letter', async () => {
    const l = await line(NEWS, 'He called it ‘a blank check’ and left. ‘I don’t know,’ she said. Rock ’n’ roll.');
    assertSpan(l, '‘a blank check’', SQ);
    assertScopes(l, '‘', [NEWS, SQ, BEGIN], 0);
    assertScopes(l, '’', [NEWS, SQ, END], 0);
    assertSpan(l, '‘I don’t know,’', SQ);
    assertNoScope(l, 'Rock ’n’ roll.', NOT_A_QUOTE);
    // Elisions typed with an opening mark (‘Allo, ‘90s) open nothing, even with a quotation later on the line.
    const elision = await line(NEWS, 'Fans of ‘Allo ‘Allo! gathered in the ‘90s, calling it ‘magic’.');
    assertNoScope(elision, 'Fans of ‘Allo ‘Allo! gathered in the ‘90s, calling it ', NOT_A_QUOTE);
    assertSpan(elision, '‘magic’', SQ);
    const decade = await line(NEWS, 'It was the ‘90s kids’ favourite show.');
    assertNoScope(decade, decade.text, NOT_A_QUOTE);
    assertSpan(decade, '‘90s', DATE);
  });

  it('scopes straight single quotations and nested quotations', async () => {
    // ministry-budget.md
    const l = await line(NEWS, '"I said operating costs," she said. \'Capital spending is a separate line.\'');
    assertSpan(l, '"I said operating costs,"', DQ);
    assertSpan(l, "'Capital spending is a separate line.'", SQ);
    assertNoScope(l, ' she said. ', NOT_A_QUOTE);

    const possessive = await line(NEWS, "According to the port authority's own 'report' of 2023.");
    assertSpan(possessive, "'report'", SQ);
    assertNoScope(possessive, "According to the port authority's own ", NOT_A_QUOTE);

    const nested = await line(NEWS, '“He called the plan ‘a slow closure’ of 37 clinics,” she said.');
    assertSpan(nested, '“He called the plan ‘a slow closure’ of 37 clinics,”', DQ);
    assertSpan(nested, '‘a slow closure’', SQ);
    assertScopes(nested, 'a slow closure', [NEWS, DQ, SQ]);
    assertScopes(nested, '37', [NEWS, DQ, COUNT]);
  });
});

describe('grammar text.news.copydesk (plain text): figures', () => {
  it('scopes money', async () => {
    const l = await line(NEWS, 'It cost $48 million, then €3.5bn, US$5, £1,200, 300 dollars, 4.2 billion crowns and EUR 3.5bn.');
    for (const money of ['$48 million', '€3.5bn', 'US$5', '£1,200', '300 dollars', '4.2 billion crowns', 'EUR 3.5bn']) {
      assertSpan(l, money, MONEY);
    }
    assertScopes(l, '$48 million', [NEWS, MONEY]);
  });

  it('scopes percentages', async () => {
    const l = await line(NEWS, 'Revenue fell 3%, or 20 percent by another count, 17 per cent by a third, a 2.5 percentage point drop.');
    for (const pct of ['3%', '20 percent', '17 per cent', '2.5 percentage point']) {
      assertSpan(l, pct, PERCENT);
    }
  });

  it('scopes counts with thousands separators, decimals and scale words', async () => {
    const l = await line(NEWS, 'About 1,200 jobs, 1.2 million people, 14 ships and 61 of the 150 seats.');
    assertSpan(l, '1,200', COUNT);
    assertSpan(l, '1.2 million', COUNT);
    assertSpan(l, '14', COUNT);
    assertSpan(l, '61', COUNT);
    assertSpan(l, '150', COUNT);
    assertNoScope(l, ' jobs, ', NOT_A_FIGURE);
  });

  it('scopes dates and years', async () => {
    const l = await line(NEWS, 'Votes on March 12, on 14 November, on March 12, 2023, on Sept. 3 and in 2023; the 1990s were calmer.');
    assertSpan(l, 'March 12', DATE, 0);
    assertSpan(l, '14 November', DATE);
    assertSpan(l, 'March 12, 2023', DATE);
    assertSpan(l, 'Sept. 3', DATE);
    assertSpan(l, '2023', DATE, 1);
    assertSpan(l, '1990s', DATE);
    assertNoScope(l, 'Votes on ', NOT_A_FIGURE);
  });

  it('scopes vote tallies and ordinals', async () => {
    // harbor-dredging.txt
    const l = await line(NEWS, 'The council voted 5-2 to delay the decision after a 6–3 ruling on the 3rd and the 21st.');
    assertSpan(l, '5-2', TALLY);
    assertNoScope(l, 'voted ', NOT_A_FIGURE);
    assertSpan(l, '6–3', TALLY);
    assertSpan(l, '3rd', ORDINAL);
    assertSpan(l, '21st', ORDINAL);
  });

  it('does not scope numbers that are part of words or names', async () => {
    const l = await line(NEWS, 'At Pier4, COVID-19 and B-52 crews on Pier 4 worked a four-hour shift on Route 66 for 30-day stints 24/7.');
    for (const word of ['Pier4', 'COVID-19', 'B-52', 'Pier 4', 'Route 66', '30-day', '24/7']) {
      assertNoScope(l, word, NOT_A_FIGURE);
    }
    assertSpan(l, 'Pier 4', DESIGNATION);
  });

  it('scopes the figures the copy-desk notes list for harbor-dredging.txt, and nothing in between', async () => {
    const lines = await tokenize(
      NEWS,
      [
        'PORT ALDER — The city council on Tuesday postponed a vote on the $48 million harbor dredging plan after two members said the estimate had nearly doubled since spring.',
        'According to the port authority\'s own report, 14 ships were diverted to other harbors last year. Wierzbicki said the diversions cost local businesses about 3% of their annual revenue.',
        'Mayor Alan Okafor, who has backed the project since 2023, urged patience.',
        'Wierzbicki told the council that 900 jobs depend on the terminal, and that the commission would publish a revised cost breakdown within 30 days.',
      ].join('\n'),
    );
    const figures = lines.map((l) =>
      l.tokens
        .filter((t) => t.scopes.some((s) => s.startsWith('constant.numeric.')))
        .map((t) => `${l.text.slice(t.startIndex, t.endIndex)}=${t.scopes.at(-1)!.split('.')[2]}`),
    );
    assert.deepEqual(figures, [['$48 million=money'], ['14=count', '3%=percentage'], ['2023=date'], ['900=count', '30=count']]);
  });
});

describe('grammar markdown.news.copydesk.injection (Markdown)', () => {
  it('scopes figures and quotations in Markdown prose, headings and bold text', async () => {
    // ministry-budget.md
    const lines = await tokenize(
      MARKDOWN,
      [
        '# Health ministry budget cut by 20 percent',
        '',
        '**VELMORA** — Health Minister Ingrid Saarinen said on Monday that her ministry\'s budget would fall by 20 percent, the deepest cut since **$48 million** in 2023.',
        '',
        'The budget goes to a vote on 14 November. Asante-Boateng\'s party holds 61 of the 150 seats.',
      ].join('\n'),
    );
    const [heading, , dateline, , vote] = lines as [Line, Line, Line, Line, Line];
    assertSpan(heading, '20 percent', PERCENT);
    assert.ok(scopesAt(heading, offsetOf(heading, '20 percent')).includes('markup.heading.markdown'));
    assertSpan(dateline, '20 percent', PERCENT);
    assertScopes(dateline, '$48 million', [MARKDOWN, 'meta.paragraph.markdown', 'markup.bold.markdown', MONEY]);
    assertSpan(dateline, '2023', DATE);
    assertSpan(vote, '14 November', DATE);
    assertSpan(vote, '150', COUNT);
  });

  it('keeps Markdown structure: a paragraph that opens with a quotation, and numbered list markers', async () => {
    const lines = await tokenize(
      MARKDOWN,
      ['"We will protect frontline hospitals," Saarinen told lawmakers.', '', '1. A cut of 17 percent in 2023'].join('\n'),
    );
    const [quote, , item] = lines as [Line, Line, Line];
    assertScopes(quote, '"', [MARKDOWN, 'meta.paragraph.markdown', DQ, BEGIN], 0);
    assertSpan(quote, '"We will protect frontline hospitals,"', DQ);
    assertScopes(item, '1.', [MARKDOWN, 'markup.list.numbered.markdown', 'punctuation.definition.list.begin.markdown']);
    assertSpan(item, '17 percent', PERCENT);
  });

  it('keeps Markdown inline markup inside quotations, and code spans inside them free of figures', async () => {
    const l = (await tokenize(MARKDOWN, '"Spending **$48 million** is `3% of 1,200`," she said.'))[0]!;
    assertSpan(l, '"Spending **$48 million** is `3% of 1,200`,"', DQ);
    assertScopes(l, '$48 million', [MARKDOWN, 'meta.paragraph.markdown', DQ, 'markup.bold.markdown', MONEY]);
    assertNoScope(l, '3% of 1,200', NOT_A_FIGURE);
  });

  it('scopes nothing inside fenced code, indented code, inline code, front matter, comments or link targets', async () => {
    const lines = await tokenize(
      MARKDOWN,
      [
        '---',
        'budget: $5 million on March 12',
        '---',
        'Before the fence: 3% and "quoted".',
        '',
        '```',
        'cost = $48 million  # 3% "quoted" on March 12',
        '```',
        '',
        'After the fence, 3% again; run `grep "3%" 1,200` to find 14 ships.',
        '',
        '    total = 1,200 "indented" 3%',
        '',
        '<!-- 14 ships "hidden" -->',
        '',
        '[a 3% cut](https://example.com/report?year=2023&cut=3%)',
      ].join('\n'),
    );
    const [fm1, fm2, , before, , fence1, code, fence2, , after, , indented, , comment, , link] = lines as Line[];
    assert.ok(scopesAt(fm2!, 0).includes('meta.embedded.block.frontmatter'), describeTokens(fm2!));
    assertNoScope(fm2!, fm2!.text, [...NOT_A_FIGURE, ...NOT_A_QUOTE]);
    assertNoScope(fm1!, '---', NOT_A_FIGURE);

    assertSpan(before!, '3%', PERCENT);
    assertSpan(before!, '"quoted"', DQ);

    for (const l of [fence1!, code!, fence2!]) {
      assert.ok(scopesAt(l, 0).includes('markup.fenced_code.block.markdown'), describeTokens(l));
      assertNoScope(l, l.text, [...NOT_A_FIGURE, ...NOT_A_QUOTE]);
    }

    assertSpan(after!, '3%', PERCENT, 0);
    assertSpan(after!, '14', COUNT);
    assertNoScope(after!, '`grep "3%" 1,200`', [...NOT_A_FIGURE, ...NOT_A_QUOTE]);
    assert.ok(scopesAt(after!, offsetOf(after!, '1,200')).includes('markup.inline.raw.string.markdown'));

    assert.ok(scopesAt(indented!, 4).includes('markup.raw.block.markdown'), describeTokens(indented!));
    assertNoScope(indented!, indented!.text, [...NOT_A_FIGURE, ...NOT_A_QUOTE]);

    assertNoScope(comment!, comment!.text, [...NOT_A_FIGURE, ...NOT_A_QUOTE]);

    assertSpan(link!, '3%', PERCENT);
    assertNoScope(link!, 'https://example.com/report?year=2023&cut=3%', NOT_A_FIGURE);
  });
});

describe('package.json grammar contributions', () => {
  interface GrammarContribution {
    language?: string;
    scopeName: string;
    path: string;
    injectTo?: string[];
    tokenTypes?: Record<string, string>;
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[]; languages?: unknown[] };
  };
  const contributed = manifest.contributes?.grammars ?? [];
  const byScope = (scopeName: string) => contributed.find((g) => g.scopeName === scopeName);

  it('contributes the plain-text grammar for the built-in plaintext language and the Markdown injection', () => {
    assert.equal(byScope(NEWS)?.language, 'plaintext');
    assert.equal(byScope(INJECTION)?.language, undefined);
    assert.deepEqual(byScope(INJECTION)?.injectTo, [MARKDOWN]);
    for (const scopeName of [NEWS, INJECTION]) {
      const file = join(root, byScope(scopeName)!.path);
      assert.ok(existsSync(file), `${file} is missing`);
      assert.equal(file, grammarFiles[scopeName]);
      assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string }).scopeName, scopeName);
    }
  });

  it('keeps quoted prose an ordinary token type in plain text (no string behaviour in the editor)', async () => {
    // As VS Code does: map the contribution's names to StandardTokenType numbers, on a registry of its own (a
    // registry keeps the first configuration a grammar was loaded with).
    const names: Record<string, number> = { other: 0, comment: 1, string: 2 };
    const tokenTypes: Record<string, number> = {};
    for (const [selector, name] of Object.entries(byScope(NEWS)?.tokenTypes ?? {})) tokenTypes[selector] = names[name]!;
    const g = await newRegistry().loadGrammarWithConfiguration(NEWS, 1, { tokenTypes });
    assert.ok(g);
    const text = 'He said "it costs 3%" today.';
    const { tokens } = g.tokenizeLine2(text, vsctm.INITIAL);
    const at = text.indexOf('it costs');
    let metadata = 0;
    for (let i = 0; i < tokens.length; i += 2) if (tokens[i]! <= at) metadata = tokens[i + 1]!;
    // Bits 8-9 hold the standard token type: 0 = Other, 2 = String.
    assert.equal((metadata >>> 8) & 3, 0);
  });
});
