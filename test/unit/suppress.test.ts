import assert from 'node:assert/strict';
import { analyse } from '../../src/core/pipeline.ts';
import {
  applySuppressions, differentPeople, parseDirectives, suppressions, isSuppressed, topDirectiveInsertion, directiveText,
} from '../../src/core/suppress.ts';
import type { Finding } from '../../src/core/model.ts';

const rulesOf = (text: string, language?: string): string[] => analyse(text, { language }).diagnostics.map(d => d.rule);
const finding = (text: string, needle: string, rule: string, expected: string[] = []): Finding => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, text: needle, line: 1, column: 1, severity: 'warning', rule, message: '', expected, related: [] };
};

// Straight quotes in the majority, one curly quotation: quote/mixed-style on the curly one.
const MIXED = '"One," she said.\n\n"Two," she said.\n\n“Three,” she said.\n';

describe('suppression directives', () => {
  it('the fixture really has the problem that the directives below silence', () => {
    assert.ok(rulesOf(MIXED).includes('quote/mixed-style'));
    assert.ok(rulesOf(MIXED, 'markdown').includes('quote/mixed-style'));
  });

  it('disable-next-line silences one rule on the next line in Markdown, and only that rule', () => {
    const text = MIXED.replace('“Three', '<!-- copydesk-disable-next-line quote/mixed-style -->\n“Three');
    assert.ok(!rulesOf(text, 'markdown').includes('quote/mixed-style'));
    const other = MIXED.replace('“Three', '<!-- copydesk-disable-next-line quote/unclosed -->\n“Three');
    assert.ok(rulesOf(other, 'markdown').includes('quote/mixed-style'));
  });

  it('a family or no rule at all silences every rule of the family or every rule', () => {
    for (const args of ['quote', '']) {
      const text = MIXED.replace('“Three', `<!-- copydesk-disable-next-line ${args} -->\n“Three`);
      assert.ok(!rulesOf(text, 'markdown').includes('quote/mixed-style'), args);
    }
  });

  it('plain text reads the bracket line, and the line itself is not analysed as article text', () => {
    const text = MIXED.replace('“Three', '[copydesk-disable-next-line quote/mixed-style]\n“Three');
    assert.ok(!rulesOf(text).includes('quote/mixed-style'));
    const a = analyse(text);
    assert.ok(a.quotes.every(q => !q.text.includes('copydesk')));
    // Unsuppressed rules on other lines still report.
    const broken = text + '\n"Unclosed, he said.\n';
    assert.ok(rulesOf(broken).includes('quote/unclosed'));
  });

  it('a bracket line is prose in Markdown, so it does not suppress there', () => {
    const text = MIXED.replace('“Three', '[copydesk-disable-next-line quote/mixed-style]\n\n“Three');
    assert.ok(rulesOf(text, 'markdown').includes('quote/mixed-style'));
  });

  it('disable … enable covers a block; without enable it runs to the end of the article', () => {
    const text = 'A\n<!-- copydesk-disable quote -->\nB\nC\n<!-- copydesk-enable quote -->\nD\n';
    const list = suppressions(text, 'markdown');
    const at = (s: string) => text.indexOf(s);
    assert.equal(isSuppressed(list, 'quote/unclosed', at('B')), true);
    assert.equal(isSuppressed(list, 'quote/unclosed', at('C')), true);
    assert.equal(isSuppressed(list, 'name/mismatch', at('C')), false);
    assert.equal(isSuppressed(list, 'quote/unclosed', at('D')), false);
    assert.equal(isSuppressed(list, 'quote/unclosed', at('A')), false);
    const open = 'A\n<!-- copydesk-disable -->\nB\n';
    assert.equal(isSuppressed(suppressions(open, 'markdown'), 'conflict/figure', open.indexOf('B')), true);
    const whole = '<!-- copydesk-disable quote/mixed-style -->\n' + MIXED;
    assert.ok(!rulesOf(whole, 'markdown').includes('quote/mixed-style'));
  });

  it('disable-next-line skips blank lines and stacked directives; disable-line covers its own line', () => {
    const text = '<!-- copydesk-disable-next-line quote/a -->\n<!-- copydesk-disable-next-line quote/b -->\n\nTarget line\nNext\n';
    const list = suppressions(text, 'markdown');
    assert.equal(isSuppressed(list, 'quote/a', text.indexOf('Target')), true);
    assert.equal(isSuppressed(list, 'quote/b', text.indexOf('line\nNext')), true);
    assert.equal(isSuppressed(list, 'quote/a', text.indexOf('Next')), false);
    const inline = 'Here “x" <!-- copydesk-disable-line quote/mixed-style -->\nThere\n';
    const l2 = suppressions(inline, 'markdown');
    assert.equal(isSuppressed(l2, 'quote/mixed-style', inline.indexOf('x')), true);
    assert.equal(isSuppressed(l2, 'quote/mixed-style', inline.indexOf('There')), false);
  });

  it('a comment inside a plain-text line is quoted text, not a directive', () => {
    assert.deepEqual(parseDirectives('He typed <!-- copydesk-disable --> into the box.', 'plaintext'), []);
    assert.equal(parseDirectives('<!-- copydesk-disable -->\nText', 'plaintext').length, 1);
    assert.deepEqual(parseDirectives('[copydesk-disabled]\n', 'plaintext'), [], 'only known directive words');
  });

  it('differentPeople reads single names, comma-separated full names, and the plain-text form', () => {
    assert.deepEqual(differentPeople('<!-- copydesk-different-people Delgado Delgada -->\nText', 'markdown'), [['Delgado', 'Delgada']]);
    assert.deepEqual(differentPeople('[copydesk-different-people Rosa Delgado, Rosa Delgada]\nText'), [['Rosa Delgado', 'Rosa Delgada']]);
    assert.deepEqual(differentPeople('<!-- copydesk-different-people A B C -->', 'markdown'), [['A', 'B'], ['A', 'C'], ['B', 'C']]);
    assert.deepEqual(differentPeople('No directives here.'), []);
  });

  it('drops name/mismatch between declared different people, keeps others', () => {
    const text = '[copydesk-different-people Delgado Delgada]\nRosa Delgado. Rosa Delgada. Ingrid Sarinen. Ingrid Saarinen.';
    const kept = applySuppressions([
      finding(text, 'Delgada.', 'name/mismatch', ['Delgado']),
      finding(text, 'Sarinen', 'name/mismatch', ['Saarinen']),
    ].map(f => ({ ...f, text: f.text.replace('.', '') })), text);
    assert.deepEqual(kept.map(f => f.text), ['Sarinen']);
  });

  it('writes directives in the form the language reads, after front matter and existing directives', () => {
    assert.equal(directiveText('disable-next-line', ['quote/unclosed'], 'markdown'), '<!-- copydesk-disable-next-line quote/unclosed -->');
    assert.equal(directiveText('disable', ['quote/unclosed'], 'plaintext'), '[copydesk-disable quote/unclosed]');
    assert.equal(directiveText('different-people', ['Rosa Delgado', 'Rosa Delgada'], 'markdown'), '<!-- copydesk-different-people Rosa Delgado, Rosa Delgada -->');
    const md = '---\ntitle: x\n---\n<!-- copydesk-disable name -->\n# Head\n';
    const ins = topDirectiveInsertion(md, 'disable', ['quote'], 'markdown');
    assert.equal(ins.offset, md.indexOf('# Head'));
    assert.equal(ins.insert, '<!-- copydesk-disable quote -->\n');
    const crlf = 'Line one\r\n';
    assert.deepEqual(topDirectiveInsertion(crlf, 'disable', [], 'plaintext'), { offset: 0, insert: '[copydesk-disable]\r\n' });
  });

  it('keeps every offset a string index: findings after a directive line still point at their text', () => {
    const text = '[copydesk-disable-next-line quote/unclosed]\n“Ünïcode 🙂,” she said. "Two," he said. "Three," they said.\n';
    for (const d of analyse(text).diagnostics) { assert.equal(text.slice(d.start, d.end), d.text); }
    const mixed = analyse(text).diagnostics.filter(d => d.rule === 'quote/mixed-style');
    assert.ok(mixed.length >= 1 && mixed.every(d => d.text.startsWith('“')));
  });
});
