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

describe('name/mismatch, round 2', () => {
  const flagged = (text: string, options = {}): Array<[string, string[]]> => names(text, options).map(d => [d.text, d.expected]);
  it('flags one slip in a short surname when the full name is used three times', () => {
    const text = 'Sen. Ted Vorz spoke first. Vorz said the bill was dead. Aides to Vorz disagreed. Later Vor told reporters he would wait.';
    assert.deepEqual(flagged(text), [['Vor', ['Vorz']]]);
    // The same slip without the majority is not evidence enough: two short names.
    assert.deepEqual(flagged('Sen. Ted Vorz spoke first. Later Vor told reporters he would wait.'), []);
  });
  it('flags a misspelt only full name against the lone surname used everywhere else', () => {
    const text = 'Brannock said the port would reopen. Later, Odile Brannick arrived at the pier. Brannock said little. Brannock left at noon.';
    assert.deepEqual(flagged(text), [['Brannick', ['Brannock']]]);
  });
  it('flags a cut-off ending that makes no word of its own, but not a plural of a group', () => {
    assert.deepEqual(flagged('Gov. Pia Wexford spoke. Wexford said no. Wexford left. Then Wexfor said yes.'), [['Wexfor', ['Wexford']]]);
    const group = 'Many Sikh Americans voted early. Sikh Americans, who make up a small share, said the lines were long. One Sikh American said so. Americans waited.';
    assert.deepEqual(flagged(group), []);
  });
  it('flags a name used in an organisation name, but not a place named after no one', () => {
    const text = 'Mayor Odile Brannock spoke. Brannock said the fund was ready. Brannock smiled. The Branock Foundation paid for it.';
    assert.deepEqual(flagged(text), [['Branock', ['Brannock']]]);
    assert.deepEqual(flagged('Dana Hook, a teacher, spoke. Hook said the school was safe. Hook left. Troops at Fort Hood waited.'), []);
  });
  it('leaves a surname alone next to a first name one letter away', () => {
    assert.deepEqual(flagged('Russ Feingold spoke. "Russ is running hard," an aide said. Russ smiled. Attorney Deborah Ross said no.'), []);
  });
  it('leaves words of other capitalised runs and sentence starts alone', () => {
    assert.deepEqual(flagged('Sen. Ted Vorz spoke. Vorz said no. Vorz left. Ted Party members cheered. Tea Party members booed.'), []);
  });
  it('breaks a tie in favour of the spelling given with the full name', () => {
    const text = 'Caddick spoke at noon. Then Councilmember Rosa Kaddick said the vote was close, and Caddick agreed.';
    // Caddick twice alone, Kaddick once: different first letters are never compared; a true tie follows.
    assert.deepEqual(flagged(text), []);
    const tie = 'Marta Olsen spoke. Olsson said it was late. Olsen agreed, and Olsson left.';
    const found = flagged(tie);
    assert.ok(found.every(([t, e]) => t === 'Olsson' && e[0] === 'Olsen'), JSON.stringify(found));
  });
  it('honours the different-people directive, in Markdown and in plain text', () => {
    const body = 'Councilmember Rosa Delgado spoke. Delgado said no. Delgado left. Her sister Delgada said yes.';
    assert.deepEqual(flagged(body), [['Delgada', ['Delgado']]]);
    assert.deepEqual(flagged(`<!-- copydesk-different-people Delgado, Delgada -->\n\n${body}`, { language: 'markdown' }), []);
    assert.deepEqual(flagged(`[copydesk-different-people Delgado Delgada]\n\n${body}`), []);
    // Another pair is not covered by the directive.
    assert.deepEqual(flagged(`[copydesk-different-people Delgado Delgada]\n\n${body} Delgdo left.`).map(([t]) => t), ['Delgdo']);
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

describe('name/mismatch and the directory’s aliases', () => {
  it('stays quiet once the variant is in the directory as an alias (the "add to directory" quick fix)', async () => {
    const { analyse } = await import('../../src/core/pipeline.ts');
    const { parseDirectory, withAlias } = await import('../../src/core/directory.ts');
    const text = 'Councilmember Rosa Delgado said the plan was late. Delgado said more. Later, Councilmember Rosa Delgada said no.';
    const names = (dir?: string): string[] => analyse(text, { directory: dir === undefined ? undefined : parseDirectory(dir, 'people.json').directory })
      .diagnostics.filter(d => d.rule.startsWith('name/')).map(d => d.text);
    assert.deepEqual(names(), ['Delgada']);
    const original = '{\n  // the desk list\n  "people": [ { "name": "Rosa Delgado", "titles": ["Councilmember"] } ]\n}\n';
    assert.deepEqual(names(original), ['Delgada']);
    const edited = withAlias(original, 'Rosa Delgado', 'Rosa Delgada');
    assert.ok(edited.includes('// the desk list'), 'comments survive the edit');
    assert.deepEqual(parseDirectory(edited, 'people.json').directory.entries[0].aliases, ['Rosa Delgada']);
    assert.deepEqual(names(edited), []);
    assert.equal(withAlias(edited, 'Rosa Delgado', 'Rosa Delgada'), edited, 'adding it twice changes nothing');
    assert.deepEqual(parseDirectory(withAlias('', 'Ingrid Saarinen', 'Ingrid Sarinen'), 'p.json').directory.entries.map(e => [e.name, e.aliases]), [['Ingrid Saarinen', ['Ingrid Sarinen']]]);
  });
});
