import { strict as assert } from 'node:assert';
import { parseDirectory, mergeDirectories, lookup, MAX_DIRECTORY_CHARS } from '../../src/core/directory.ts';

describe('people directory', () => {
  it('reads valid entries, with comments and trailing commas', () => {
    const { directory, errors } = parseDirectory(`{ // newsroom list
      "people": [ { "name": "Sabrina Singh", "aliases": ["S. Singh"], "titles": ["deputy press secretary"], "organization": "Pentagon", "url": "https://example.org/singh" }, ] }`, '/x/.copydesk/people.json');
    assert.deepEqual(errors, []);
    assert.equal(directory.entries.length, 1);
    assert.equal(directory.entries[0].organization, 'Pentagon');
    assert.deepEqual(directory.sources, ['/x/.copydesk/people.json']);
  });
  it('reports malformed JSON without throwing', () => {
    const { directory, errors } = parseDirectory('{ "people": [ { "name": "A" ', 'people.json');
    assert.equal(directory.entries.length, 0);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^people\.json: not valid JSON/);
  });
  it('skips bad entries with one message per problem and keeps the rest', () => {
    const { directory, errors } = parseDirectory(JSON.stringify({ people: [
      { name: 'Good Person' }, { name: 3 }, 'text', { name: 'Other Person', aliases: 'x', url: 'javascript:alert(1)', organization: 4 },
    ] }), 'people.json');
    assert.deepEqual(directory.entries.map(e => e.name), ['Good Person', 'Other Person']);
    assert.ok(errors.includes("people.json: entry 2: 'name' must be a non-empty string"));
    assert.ok(errors.includes('people.json: entry 3: must be an object'));
    assert.ok(errors.some(e => /entry 4: 'aliases' must be an array of strings/.test(e)));
    assert.ok(errors.some(e => /entry 4: 'url' must start with http/.test(e)));
    assert.ok(errors.some(e => /entry 4: 'organization' must be a string/.test(e)));
    assert.equal(directory.entries[1].url, undefined);
  });
  it('rejects a wrong top-level shape', () => {
    assert.match(parseDirectory('[1,2]', 'people.json').errors[0], /"people" array/);
    assert.match(parseDirectory('{"people": {}}', 'people.json').errors[0], /must be an array/);
  });
  it('refuses huge and deeply nested input quickly', () => {
    const huge = `{"people":[${'{"name":"A B"},'.repeat(MAX_DIRECTORY_CHARS / 10)}]}`;
    assert.match(parseDirectory(huge, 'people.json').errors[0], /larger than/);
    const deep = `{"people":[${'['.repeat(100000)}${']'.repeat(100000)}]}`;
    assert.match(parseDirectory(deep, 'people.json').errors[0], /nested deeper/);
  });
  it('looks names up ignoring case, diacritics and aliases; merges nearer first', () => {
    const near = parseDirectory('{"people":[{"name":"José Martí","aliases":["Pepe Marti"],"organization":"near"}]}', 'a').directory;
    const far = parseDirectory('{"people":[{"name":"jose marti","organization":"far"},{"name":"Ann Lee"}]}', 'b').directory;
    const merged = mergeDirectories(near, far);
    assert.equal(merged.entries.length, 2);
    assert.equal(lookup(merged, 'JOSE MARTI')?.organization, 'near');
    assert.equal(lookup(merged, 'pepe martí')?.organization, 'near');
    assert.equal(lookup(merged, 'Ann Leed'), undefined);
  });
});
