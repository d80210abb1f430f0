import assert from 'node:assert/strict';
import { proseOf, tagsIn } from '../../src/core/prose.ts';
import { analyse } from '../../src/core/pipeline.ts';

describe('prose: Markdown markup is blanked, offsets kept', () => {
  it('keeps the length and blanks headings, emphasis, link targets and code', () => {
    const md = '# Budget cut\n\n**VELMORA** — The [minister](https://example.org/x) said `code` here.\n\n```\n"not prose"\n```\n';
    const p = proseOf(md, 'markdown');
    assert.equal(p.text.length, md.length);
    assert.equal(p.text.slice(0, 12), '  Budget cut');
    assert.ok(p.text.includes('  VELMORA   — The  minister '));
    assert.ok(!p.text.includes('https'));
    assert.ok(!p.text.includes('code'));
    assert.ok(!p.text.includes('not prose'));
    assert.deepEqual(p.blocks.map(b => md.slice(b.start, b.end)), ['Budget cut', 'VELMORA** — The [minister](https://example.org/x) said `code` here.']);
  });

  it('splits plain text at blank lines, with CRLF or lone CR too', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = `First para.${nl}${nl}Second para.${nl}  ${nl}Third.`;
      assert.deepEqual(proseOf(text, 'plaintext').blocks.map(b => text.slice(b.start, b.end)), ['First para.', 'Second para.', 'Third.']);
    }
  });

  it('reports no problem inside a fenced code block', () => {
    const md = 'Text.\n\n```\n"unclosed quotation\n```\n';
    assert.deepEqual(analyse(md, { language: 'markdown' }).diagnostics, []);
    assert.equal(analyse(md, { language: 'plaintext' }).diagnostics.filter(d => d.rule === 'quote/unclosed').length, 1);
  });

  it('reads no quotation marks inside embedded tags in plain text, and finds only real tags', () => {
    const text = 'Trump wrote:\n\n<tweet pic="" author="realDonaldTrump" id=\'42\'>We will win "bigly," he said.</tweet>.<br/>\n\nIs 3 < 4 and 5 > 2? Write to <desk@example.com>.';
    const para = text.split('\n\n')[1];
    assert.deepEqual(tagsIn(para).map(([a, b]) => para.slice(a, b)), ['<tweet pic="" author="realDonaldTrump" id=\'42\'>', '</tweet>', '<br/>']);
    assert.deepEqual(tagsIn(text.split('\n\n')[2]), []);
    const a = analyse(text);
    assert.deepEqual(a.diagnostics.filter(d => d.rule.startsWith('quote/')), []);
    assert.deepEqual(a.quotes.map(q => q.text), ['"bigly,"']);
    assert.equal(text.slice(a.quotes[0].start, a.quotes[0].end), '"bigly,"');
  });
});
