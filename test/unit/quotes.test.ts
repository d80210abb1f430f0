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
