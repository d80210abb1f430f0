import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import type { Finding } from '../../src/core/model.ts';

const rules = (text: string, rule: string, options = {}): Finding[] => analyse(text, options).diagnostics.filter(d => d.rule === rule);
const fixed = (text: string, f: Finding): string => text.slice(0, f.start) + f.expected[0] + text.slice(f.end);

describe('quote/ checks', () => {
  it('flags a quotation closed with an opening mark, and the fix closes it', () => {
    const text = '“Every month counts,” he said. “We wait and lose.“ Then he left.';
    const [f] = rules(text, 'quote/wrong-closing-mark');
    assert.equal(f.text, '“');
    assert.equal(f.start, text.lastIndexOf('“'));
    assert.deepEqual(f.expected, ['”']);
    assert.equal(f.severity, 'error');
    assert.deepEqual(rules(fixed(text, f), 'quote/wrong-closing-mark'), []);
  });

  it('flags a quotation opened with a closing mark', () => {
    const text = 'She said: ”This is wrong.”';
    const [f] = rules(text, 'quote/wrong-opening-mark');
    assert.equal(f.start, text.indexOf('”'));
    assert.deepEqual(f.expected, ['“']);
  });

  it('flags unclosed and unopened quotations, but not a quotation that runs on to the next paragraph', () => {
    assert.equal(rules('"We will never give up, she said.\n\nThe vote is Tuesday.', 'quote/unclosed').length, 1);
    assert.equal(rules('We will never give up," she said.', 'quote/unopened').length, 1);
    const multi = '"The first paragraph of a long statement.\n\n"The second one, which closes," she said.';
    assert.deepEqual(rules(multi, 'quote/unclosed'), []);
    const q = analyse(multi).quotes;
    assert.equal(q.length, 1);
    assert.equal(q[0].text, multi.slice(0, multi.indexOf(',"') + 2));
  });

  it('flags stray spaces inside the marks and removes them', () => {
    const text = 'He called it “ very dangerous ” on Monday.';
    const found = rules(text, 'quote/inner-space');
    assert.equal(found.length, 2);
    assert.ok(found.every(f => f.text === ' ' && f.expected[0] === ''));
    let out = text;
    for (const f of [...found].sort((a, b) => b.start - a.start)) { out = fixed(out, f); }
    assert.equal(out, 'He called it “very dangerous” on Monday.');
  });

  it('flags the minority quote style and rewrites the marks, not the apostrophes', () => {
    const text = '"One," she said. "Two," she said. “It’s three,” he said.';
    const [f] = rules(text, 'quote/mixed-style');
    assert.equal(f.text, '“It’s three,”');
    assert.deepEqual(f.expected, ['"It’s three,"']);
    assert.deepEqual(rules(text, 'quote/mixed-style', { quoteStyle: 'curly' }).map(x => x.expected[0]), ['“One,”', '“Two,”']);
  });

  it('leaves apostrophes, possessives and nested single quotes alone', () => {
    for (const text of [
      "The players' union said it wasn't over.",
      'It’s the ’90s again, the mayor’s aides said.',
      '"He told me \'never again\' and left," she said.',
      '“He told me ‘never again’ and left,” she said.',
    ]) {
      assert.deepEqual(analyse(text).diagnostics.filter(d => d.rule.startsWith('quote/')), [], text);
    }
  });

  it('leaves single marks in headlines, decks and subheads alone, as headline style asks', () => {
    const quoteRules = (text: string, options = {}) => analyse(text, options).diagnostics.filter(d => d.rule.startsWith('quote/')).map(d => d.text);
    const body = '“We will fight,” she said. “Every day,” she added. “And we will win.”';
    // A headline and its deck: the document's first paragraph.
    assert.deepEqual(quoteRules(`Mayor calls dredging plan ‘a disgrace’;\nCouncil vote put off to ‘next spring’\n\n${body}`), []);
    // A Markdown heading anywhere, and a one-line subhead in title case.
    assert.deepEqual(quoteRules(`${body}\n\n## Council: ‘Not Now’\n\n${body}`, { language: 'markdown' }), []);
    assert.deepEqual(quoteRules(`${body}\n\n‘All Bets Are Off.’\n\n${body}`), []);
    assert.deepEqual(quoteRules(`${body}\n\n‘A change warrior.’\n\n${body}`), []);
    // The same single-quoted words in a sentence of the body are another style.
    const inBody = `${body}\n\nThe mayor called the plan ‘a disgrace’ on Monday and left the room before the vote.`;
    assert.deepEqual(quoteRules(inBody), ['‘a disgrace’']);
    assert.deepEqual(quoteRules(`Headline here\n\n${body}\n\nThe mayor called it ‘a disgrace’ and left.`), ['‘a disgrace’']);
  });

  it('allows the space between a nested quotation’s mark and the outer one', () => {
    for (const text of [
      '"He called it \'outreach,\' " she said.',
      '“He called it ‘outreach,’ ” she said.',
      '" \'Never,\' he told me," she said.',
      '“He called it ‘outreach,’   ” she said.',
    ]) {
      assert.deepEqual(rules(text, 'quote/inner-space'), [], text);
    }
    assert.equal(rules('"He called it outreach, " she said.', 'quote/inner-space').length, 1);
  });

  it('reads a single quotation nested in doubled apostrophes, where three apostrophes end or open both', () => {
    const closing = "''I would use the word 'old-school,''' said the governor.";
    const a = analyse(closing);
    assert.deepEqual(a.diagnostics.filter(d => d.rule.startsWith('quote/')), []);
    assert.deepEqual(a.quotes.map(q => q.text), ["''I would use the word 'old-school,'''", "'old-school,'"]);
    assert.ok(a.attributions.some(x => x.content.text === "''I would use the word 'old-school,'''"), 'the outer quotation is attributed');
    const opening = "He said, '''Kosovo' is a word they use,'' and left.";
    assert.deepEqual(analyse(opening).diagnostics.filter(d => d.rule.startsWith('quote/')), []);
    assert.deepEqual(analyse(opening).quotes.map(q => q.text), ["'''Kosovo' is a word they use,''", "'Kosovo'"]);
  });

  it('reads elisions and feet-and-inches marks as no quotation marks', () => {
    for (const text of [
      '"They\'ll turn us into beggars \'cause they\'re easier to please," he said.',
      '“Shout it out, ’cause I don’t want to,” Trump said.',
      '“Keep talking back at ’em,” she said.',
      '“It’s only rock ’n’ roll,” he said.',
      '“He’s like 6’2”,” Rubio said.',
      'The report says Trump is 6\'3" tall and weighs 236 pounds.',
    ]) {
      assert.deepEqual(analyse(text).diagnostics.filter(d => d.rule.startsWith('quote/')), [], text);
    }
    assert.equal(analyse('“It’s only rock ’n’ roll,” he said.').quotes.length, 1);
    assert.deepEqual(analyse('“’Twas the night before the caucus,” the ad says.').diagnostics.filter(d => d.rule.startsWith('quote/')), []);
    // An opening single mark before any other word still opens a quotation.
    assert.equal(rules('She told me ‘never again and left.', 'quote/unclosed').length, 1);
  });

  it('finds the samples’ quote-mark problems (ranges in the Markdown file itself)', () => {
    const harbor = readFileSync('test/fixtures/samples/harbor-dredging.txt', 'utf8');
    const h = analyse(harbor, { language: 'plaintext' }).diagnostics;
    const wrong = h.filter(d => d.rule === 'quote/wrong-closing-mark');
    assert.equal(wrong.length, 1);
    assert.equal(harbor.slice(wrong[0].start - 9, wrong[0].end), 'contract.“');
    assert.ok(h.filter(d => d.rule === 'quote/mixed-style').every(d => d.text.startsWith('“')));
    const md = readFileSync('test/fixtures/samples/ministry-budget.md', 'utf8');
    const m = analyse(md, { language: 'markdown' }).diagnostics.filter(d => d.rule === 'quote/mixed-style');
    assert.equal(m.length, 1);
    assert.equal(m[0].text, "'Capital spending is a separate line.'");
    assert.equal(md.slice(m[0].start, m[0].end), m[0].text);
    assert.deepEqual(m[0].expected, ['"Capital spending is a separate line."']);
  });

  it('keeps exact UTF-16 offsets with emoji and CRLF', () => {
    const text = '🎉🎉 Intro.\r\n\r\n“Party time.“ 👍 she said.';
    const [f] = rules(text, 'quote/wrong-closing-mark');
    assert.equal(text.slice(f.start, f.end), '“');
    assert.equal(f.start, text.lastIndexOf('“'));
    assert.equal(f.line, 3);
    assert.equal(f.column, 13);
  });

  it('can be turned off or re-graded per rule and per family', () => {
    const text = '"Unclosed at the end.';
    assert.equal(rules(text, 'quote/unclosed', { rules: { 'quote/unclosed': 'off' } }).length, 0);
    assert.equal(rules(text, 'quote/unclosed', { rules: { quote: 'info' } })[0].severity, 'info');
  });
});
