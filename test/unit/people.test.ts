import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import type { Person } from '../../src/core/model.ts';

const find = (people: Person[], name: string): Person => {
  const p = people.find(x => x.name === name);
  assert.ok(p, `no person ${name} in ${people.map(x => x.name).join(', ')}`);
  return p;
};

describe('people plugin', () => {
  it('reads titles before the name, lower-case titles and honorifics', () => {
    const { people } = analyse('Port Commissioner Lena Vasquez-Ortiz spoke first. Ukrainian Foreign Minister Andrii Sybiha replied. Agency spokesperson Mira Tal agreed, and Sen. Joan Pardee left.');
    assert.deepEqual(find(people, 'Lena Vasquez-Ortiz').titles, ['Port Commissioner']);
    assert.deepEqual(find(people, 'Andrii Sybiha').titles, ['Ukrainian Foreign Minister']);
    assert.deepEqual(find(people, 'Mira Tal').titles, ['Agency spokesperson']);
    assert.deepEqual(find(people, 'Joan Pardee').titles, ['Sen.']);
  });
  it('reads apposition before and after, and role clauses', () => {
    const { people } = analyse('The plan failed, her spokesperson, Dara Quill, said. Kim Ho Seong, South Korea\'s president, disagreed. Rosa Delmar, who chairs the finance committee, said no.');
    assert.deepEqual(find(people, 'Dara Quill').titles, ['her spokesperson']);
    assert.deepEqual(find(people, 'Kim Ho Seong').titles, ["South Korea's president"]);
    assert.deepEqual(find(people, 'Rosa Delmar').titles, ['chairs the finance committee']);
  });
  it('groups full name, surname and title alone into one person', () => {
    const text = 'Mayor Alma Brucker opened the session. Brucker said the budget was tight. The mayor said she would wait.';
    const { people } = analyse(text);
    const p = find(people, 'Alma Brucker');
    assert.deepEqual(p.mentions.map(m => m.text), ['Alma Brucker', 'Brucker', 'The mayor']);
    for (const m of p.mentions) { assert.equal(text.slice(m.start, m.end), m.text); }
  });
  it('keeps people who share a surname apart', () => {
    const { people } = analyse('Hillary Clinton spoke. Bill Clinton listened. Chelsea Clinton left. Clinton said more later.');
    assert.equal(people.filter(p => /Clinton/.test(p.name)).length, 3);
  });
  it('handles particles, hyphens and initials', () => {
    const { people } = analyse('J. Michael Luttig said so. Ludwig van Dorn, who runs the museum, agreed, and Dr. Ama Asante-Boateng said nothing. Luttig left. Van Dorn stayed.');
    assert.ok(find(people, 'J. Michael Luttig').mentions.some(m => m.text === 'Luttig'));
    assert.deepEqual(find(people, 'Ludwig van Dorn').titles, ['runs the museum']);
    assert.deepEqual(find(people, 'Ama Asante-Boateng').titles, ['Dr.']);
  });
  it('does not take places, organisations or sentence starts for people', () => {
    const { people } = analyse('The White House said the New York office would close. On Tuesday, the Supreme Court ruled.');
    assert.deepEqual(people.map(p => p.name), []);
  });
  it('keeps exact offsets with emoji, CRLF and Markdown', () => {
    const text = '# 🎉 News\r\n\r\n**Mayor** 🙂 text. Mayor Alma Brucker said 🎉 yes.\r\nBrucker said more.';
    const { people } = analyse(text, { language: 'markdown' });
    const p = find(people, 'Alma Brucker');
    for (const m of p.mentions) { assert.equal(text.slice(m.start, m.end), m.text); }
    assert.equal(p.mentions.length, 2);
  });
  it('finds the officials of the sample articles', () => {
    const harbor = analyse(readFileSync('test/fixtures/samples/harbor-dredging.txt', 'utf8'));
    assert.deepEqual(find(harbor.people, 'Tomasz Wierzbicki').titles, ['Harbor Commissioner']);
    assert.ok(find(harbor.people, 'Alan Okafor').mentions.some(m => m.text === 'The mayor'));
    const budget = analyse(readFileSync('test/fixtures/samples/ministry-budget.md', 'utf8'), { language: 'markdown' });
    assert.deepEqual(find(budget.people, 'Kwame Asante-Boateng').titles, ['Deputy Speaker']);
    assert.deepEqual(find(budget.people, 'Dana Whitfield').titles, ['her spokesperson']);
  });
});
