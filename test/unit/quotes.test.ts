import { strict as assert } from 'node:assert';
import { analyse } from '../../src/core/pipeline.ts';

describe('quotes: scare quotes', () => {
  it('flags a short quoted phrase in running prose as scare quotes', () => {
    const r = analyse('The "efficiency" of the new system was in doubt.');
    assert.equal(r.quotes[0].scare, true);
  });
  it('does not flag a full quotation', () => {
    const r = analyse('"We will rebuild the pier," Hal Stone said.');
    assert.equal(r.quotes[0].scare, false);
  });
  it('clears the flag when an attribution claims the words', () => {
    const r = analyse('Nina Petrov called the proposal "dead on arrival" in a speech.');
    assert.equal(r.quotes[0].scare, false);
    assert.equal(r.quotes[0].attributed, true);
  });
  it('reads scare quotes, titles and nicknames as nobody\'s words, also between doubled apostrophes', () => {
    const none = (text: string) => analyse(text).diagnostics.filter(d => d.rule === 'attribution/unattributed-quote');
    for (const text of [
      "He would be a true ''genius'' if he tackled it.",
      "The network licenses ''Politicking'' and ''Larry King Now'' from Ora.",
      'Rep. Robert C. "Bobby" Scott threw open his yard for a cookout.',
      'A group posted a video titled "Cape Breton If Donald Trump Wins" on Monday.',
    ]) {
      const r = analyse(text);
      assert.ok(r.quotes.length > 0 && r.quotes.every(q => q.scare || q.attributed), text);
      assert.deepEqual(none(text), [], text);
    }
    // Five words or more of a sentence in lower case are someone's words.
    assert.equal(none('He stood up. "We will never give up on this harbor, not ever."').length, 1);
    assert.equal(none('On the wall was painted "we will never give up on this harbor" in red.').length, 1);
  });
  it('keeps spans exact with emoji before the quotation', () => {
    const text = '🚢 The "deal" stalled.';
    const q = analyse(text).quotes[0];
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(q.text, '"deal"');
  });
});

describe('quotes: two apostrophes as a double mark', () => {
  it('reads a quotation between doubled apostrophes, across paragraphs, and reports no mark problem', () => {
    const text = "''The tide is high,'' the pilot said. ''We wait.\n\n''Then we sail.''\n\nIt's Ann's boat.";
    const r = analyse(text);
    assert.deepEqual(r.quotes.map(q => q.text), ["''The tide is high,''", "''We wait.\n\n''Then we sail.''"]);
    assert.equal(r.diagnostics.filter(d => d.rule.startsWith('quote/')).length, 0);
  });
});

describe('quotes: a double quotation of the other style nested in one', () => {
  it('keeps a curly quotation inside a straight one, across paragraphs, as nested', () => {
    const text = 'Kay Obi wrote:\n\n"The board is not about “fair play” anymore. It is about money.\n\n"The latest “reform” shows it."\n\nThe end.';
    const r = analyse(text);
    const outer = r.quotes.filter(q => q.text.startsWith('"'));
    assert.equal(outer.length, 1);
    assert.ok(outer[0].text.endsWith('shows it."'));
    assert.ok(r.quotes.some(q => q.text === '“fair play”'));
    assert.ok(r.quotes.some(q => q.text === '“reform”'));
    const a = r.attributions.find(x => x.cue?.text === 'wrote');
    assert.ok(a && (a.parts ?? [a.content]).map(p => p.text).join(' ').includes('shows it."'));
  });

  it('still reads two quotations of the same style one after the other', () => {
    const r = analyse('“One,” she said. “Two.”');
    assert.deepEqual(r.quotes.map(q => q.text), ['“One,”', '“Two.”']);
  });
});
