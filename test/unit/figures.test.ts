import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import type { Figure } from '../../src/core/model.ts';
import { parseNumber, roundingOf } from '../../src/core/numbers.ts';

const figuresOf = (text: string, language = 'plaintext'): Figure[] => {
  const figs = analyse(text, { language }).figures;
  for (const f of figs) { assert.equal(text.slice(f.start, f.end), f.text, 'span text must equal the source'); }
  return figs;
};
const find = (figs: Figure[], text: string): Figure => {
  const f = figs.find(g => g.text === text);
  assert.ok(f, `no figure \`${text}\` in ${JSON.stringify(figs.map(g => g.text))}`);
  return f;
};

describe('numbers', () => {
  it('parses digits and written numbers', () => {
    assert.equal(parseNumber('1,200'), 1200);
    assert.equal(parseNumber('3.5'), 3.5);
    assert.equal(parseNumber('twenty-one'), 21);
    assert.equal(parseNumber('a dozen'), 12);
    assert.equal(parseNumber('seats'), null);
  });
  it('allows the rounding a written value implies', () => {
    assert.equal(roundingOf('1.2', 1.2e6), 50000);
    assert.equal(roundingOf('14', 14), 0.5);
    assert.ok(roundingOf('1,000', 1000) <= 50);
  });
});

describe('figures plugin', () => {
  it('reads counts, money, percentages with their units', () => {
    const figs = figuresOf('The plant employs 1,200 workers and spent $48 million, or €3.5bn in all, a rise of 17 per cent. About 20 percent left, and 4.2 billion crowns went to 37 new clinics.');
    assert.deepEqual([find(figs, '1,200').kind, find(figs, '1,200').value, find(figs, '1,200').unit], ['count', 1200, 'workers']);
    assert.deepEqual([find(figs, '$48 million').kind, find(figs, '$48 million').value, find(figs, '$48 million').unit], ['money', 48e6, 'USD']);
    assert.equal(find(figs, '€3.5bn').value, 3.5e9);
    assert.equal(find(figs, '€3.5bn').unit, 'EUR');
    assert.equal(find(figs, '17 per cent').kind, 'percent');
    assert.equal(find(figs, '20 percent').qualifier, 'about');
    assert.deepEqual([find(figs, '4.2 billion crowns').kind, find(figs, '4.2 billion crowns').value], ['money', 4.2e9]);
    assert.equal(find(figs, '37').unit, 'clinics');
  });

  it('reads dates, years, durations, tallies, fractions and ordinals', () => {
    const figs = figuresOf('On October 29, 2024, and again on 14 November, the board met for a four-hour session, voted 5-2, and cut a fifth of the staff for 30 days in its 3rd year since 2019.');
    assert.equal(find(figs, 'October 29, 2024').kind, 'date');
    assert.equal(find(figs, '14 November').kind, 'date');
    assert.deepEqual([find(figs, 'four-hour').kind, find(figs, 'four-hour').value], ['duration', 4]);
    assert.equal(find(figs, '5-2').kind, 'tally');
    assert.deepEqual([find(figs, 'a fifth').kind, find(figs, 'a fifth').value], ['fraction', 0.2]);
    assert.equal(find(figs, '30 days').kind, 'duration');
    assert.equal(find(figs, '3rd').kind, 'ordinal');
    assert.deepEqual([find(figs, '2019').kind, find(figs, '2019').value], ['year', 2019]);
  });

  it('keeps hedges as qualifiers', () => {
    const figs = figuresOf('Nearly 300 people came, more than 40 stayed, at least 12 spoke and up to 5 left early.');
    assert.equal(find(figs, '300').qualifier, 'nearly');
    assert.equal(find(figs, '40').qualifier, 'more than');
    assert.equal(find(figs, '12').qualifier, 'at least');
    assert.equal(find(figs, '5').qualifier, 'up to');
  });

  it('reads both ends of a range, the first borrowing the scale of the second', () => {
    const figs = figuresOf('Spending falls from 4.2 to 3.5 billion dollars, between 10 and 20 percent.');
    assert.deepEqual([find(figs, '4.2').kind, find(figs, '4.2').value], ['money', 4.2e9]);
    assert.equal(find(figs, '10').kind, 'percent');
  });

  it('leaves numbers in names alone', () => {
    const figs = figuresOf('She runs a shop on Pier 4 near Route 66, flew a B-52 and caught COVID-19.');
    assert.deepEqual(figs.map(f => f.text), []);
  });

  it('gives exact offsets after emoji, CRLF and Markdown markup', () => {
    const text = '# Budget 🎉\r\n\r\n**VELMORA** — 👍 The budget is **$12 million**, up 😀 14 percent.\r\n';
    const figs = figuresOf(text, 'markdown');
    assert.equal(find(figs, '$12 million').start, text.indexOf('$12 million'));
    assert.equal(find(figs, '14 percent').start, text.indexOf('14 percent'));
  });

  it('finds the figures of the harbor sample', () => {
    const text = readFileSync(new URL('../fixtures/workspace/harbor-dredging.txt', import.meta.url), 'utf8');
    const figs = figuresOf(text);
    for (const t of ['$48 million', '$25 million', '1,200', '14', '3%', '2023', 'March 12', '5-2', '900', '30 days', 'two seasons', 'four-hour']) { find(figs, t); }
    assert.ok(!figs.some(f => f.text === '4'), 'Pier 4 is a name');
    assert.equal(find(figs, '3%').qualifier, 'about');
  });
});

describe('figures and line ends', () => {
  it('ends a figure at its number, not at the line break before a stray letter, with LF, CRLF or a space', () => {
    for (const sep of ['\n', '\r\n', ' ']) {
      const figs = figuresOf(`It cost 1.5${sep}m today.`);
      assert.deepEqual(figs.map(f => [f.start, f.end]), [[8, 11]], JSON.stringify(sep));
    }
  });
});
