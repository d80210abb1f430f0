import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import { parseDirectory } from '../../src/core/directory.ts';
import { closeSpellings } from '../../src/core/checks/names.ts';
import type { Finding } from '../../src/core/model.ts';

const names = (text: string, options = {}): Finding[] => analyse(text, options).diagnostics.filter(d => d.rule.startsWith('name/'));
const story = (a: string, b: string, c: string): string =>
  `Harbor Commissioner Tomasz ${a} defended the plan on Monday. ${b} said the work would start soon.\n\nCritics were unconvinced. ${c} told reporters the cost was fair.`;

describe('name/mismatch', () => {
  for (const [kind, wrong] of [['swap', 'Wierzbikci'], ['dropped letter', 'Wierzbick'], ['changed vowel', 'Wierzbecki']]) {
    it(`flags a ${kind} in a later lone surname, on the token only`, () => {
      const text = story('Wierzbicki', 'Wierzbicki', wrong);
      const found = names(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].rule, 'name/mismatch');
      assert.equal(found[0].text, wrong);
      assert.equal(text.slice(found[0].start, found[0].end), wrong);
      assert.deepEqual(found[0].expected, ['Wierzbicki']);
      assert.equal(found[0].related.length, 2);
      assert.match(found[0].message, /2 times, against once/);
    });
  }
  it('flags the sample articles: Delgada -> Delgado, Sarinen -> Saarinen', () => {
    const harbor = names(readFileSync('test/fixtures/samples/harbor-dredging.txt', 'utf8'));
    assert.deepEqual(harbor.map(d => [d.text, d.expected]), [['Delgada', ['Delgado']]]);
    const budget = names(readFileSync('test/fixtures/samples/ministry-budget.md', 'utf8'), { language: 'markdown' });
    assert.deepEqual(budget.map(d => [d.text, d.expected]), [['Sarinen', ['Saarinen']]]);
  });
  it('leaves different people with one surname alone', () => {
    assert.deepEqual(names('Hillary Clinton spoke. Bill Clinton listened. Chelsea Clinton left. Clinton said more. Clinton left.'), []);
  });
  it('leaves different given names with similar surnames alone', () => {
    assert.deepEqual(names('John Smith said yes. Smith said it twice. Jane Smyth, who runs the bakery, said no. Smith left.'), []);
  });
  it('leaves possessives and plural family names alone', () => {
    assert.deepEqual(names("Sen. Dana Obrecht spoke. Obrecht's plan passed. The Obrechts were pleased, Obrecht said."), []);
  });
  it('is not fooled by a common word that resembles a name', () => {
    assert.deepEqual(names('Gov. Alan Bush spoke. Bush said it. Bush left. Rush hour was over; the rush ended.'), []);
  });
  it('flags a misspelled given name in the same full name', () => {
    const found = names('Ingrid Saarinen spoke. Ingrid Saarinen left. Then Ingrd Saarinen returned.');
    assert.deepEqual(found.map(d => [d.text, d.expected]), [['Ingrd', ['Ingrid']]]);
  });
  it('keeps offsets exact with emoji and CRLF', () => {
    const text = '🎉 Mayor Alma Brucker 🙂 said no.\r\n\r\nBrucker said 🎉 it again.\r\n\r\nBrcuker left.';
    const found = names(text);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), 'Brcuker');
  });
  it('prefers the directory spelling, and says so', () => {
    const { directory } = parseDirectory('{"people":[{"name":"Rosa Delgada"}]}', 'people.json');
    const found = names('Councilmember Rosa Delgado spoke. Delgado said no. Later Rosa Delgada left.', { directory });
    assert.ok(found.length >= 1);
    assert.ok(found.every(d => d.text === 'Delgado' && d.expected[0] === 'Delgada'));
    assert.match(found[0].message, /directory has “Delgada”/);
  });
});

describe('name/directory', () => {
  it('flags a name one slip from a directory entry', () => {
    const { directory } = parseDirectory('{"people":[{"name":"Sabrina Singh"}]}', 'people.json');
    const text = 'Pentagon spokesperson Sabrina Sign said the talks went well.';
    const found = names(text, { directory });
    assert.deepEqual(found.map(d => [d.rule, d.text, d.expected]), [['name/directory', 'Sign', ['Singh']]]);
    assert.deepEqual(names('Pentagon spokesperson Sabrina Singh said so.', { directory }), []);
  });
});

describe('closeSpellings', () => {
  it('accepts one slip and refuses other names', () => {
    assert.ok(closeSpellings('saarinen', 'sarinen'));
    assert.ok(closeSpellings('delgado', 'delgada'));
    assert.ok(!closeSpellings('smith', 'jones'));
    assert.ok(!closeSpellings('clinton', 'klinton'));
  });
});
