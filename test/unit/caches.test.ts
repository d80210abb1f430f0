// The caches behind incremental analysis: per-paragraph results shared without copies (memoRelative), document-level
// results reused while their inputs stay the same (memoDocument), word counts kept by difference (WordTally), and
// the document-wide steps built on them (quotation pairing, people grouping, name findings, contradictions). Every
// edit here is one a cache could get wrong; after each, the warm analysis must equal a fresh one exactly.
import * as assert from 'node:assert/strict';
import { analyse, analyseFresh, type AnalyseOptions } from '../../src/core/pipeline.ts';
import { clearMemo, isolated, memoDocument, WordTally } from '../../src/core/memo.ts';
import { parseDirectory } from '../../src/core/directory.ts';
import type { Analysis } from '../../src/core/model.ts';

/** Analyse `before` (warming every cache), then `after`, and check the warm result against a fresh one. */
function afterEdit(before: string, after: string, options: AnalyseOptions = {}): Analysis {
  clearMemo();
  analyse(before, options);
  const warm = analyse(after, options);
  assert.deepEqual(warm, analyseFresh(after, options));
  return warm;
}

const rules = (a: Analysis, prefix: string): string[] => a.diagnostics.filter(d => d.rule.startsWith(prefix)).map(d => `${d.rule} ${d.text} ${d.start}`);

const FILLER = 'The council met for three hours on Tuesday and heard from residents about the harbor.';
const PEOPLE = [
  'Harbor Commissioner Tomasz Wierzbicki defended the plan on Monday.',
  FILLER,
  'Wierzbicki said the work would start soon, and the commissioner repeated it.',
  FILLER,
  'Critics were unconvinced. Wierzbicki told reporters the cost was fair.',
].join('\n\n');

describe('caches: people and names', () => {
  it('changes the name findings exactly as a fresh analysis when one paragraph misspells a name', () => {
    const edited = PEOPLE.replace('Critics were unconvinced. Wierzbicki', 'Critics were unconvinced. Wierzbikci');
    const warm = afterEdit(PEOPLE, edited);
    assert.deepEqual(rules(warm, 'name/'), [`name/mismatch Wierzbikci ${edited.indexOf('Wierzbikci')}`]);
    // And back: the finding goes away again.
    const back = afterEdit(edited, PEOPLE);
    assert.deepEqual(rules(back, 'name/'), []);
  });

  it('moves people, mentions and name findings when text before them grows (the grouping itself is reused)', () => {
    const misspelt = PEOPLE.replace('Critics were unconvinced. Wierzbicki', 'Critics were unconvinced. Wierzbikci');
    const edited = misspelt.replace('met for three hours', 'met for three long and tiring hours');
    const warm = afterEdit(misspelt, edited);
    assert.deepEqual(rules(warm, 'name/'), [`name/mismatch Wierzbikci ${edited.indexOf('Wierzbikci')}`]);
    const person = warm.people.find(p => p.name === 'Tomasz Wierzbicki')!;
    for (const m of person.mentions) { assert.equal(edited.slice(m.start, m.end), m.text); }
  });

  it('keeps a title reference in its place when words are typed between it and the name', () => {
    const edited = PEOPLE.replace('the work would start soon', 'the dredging work would really start soon');
    const warm = afterEdit(PEOPLE, edited);
    assert.ok(warm.people.some(p => p.mentions.some(m => m.text === 'the commissioner')));
  });

  it('regroups when a word the article writes in lower case is added or removed elsewhere', () => {
    // "Veteran Rosa Delgado": the first word is dropped from the name only when the article also writes it in lower case.
    const base = 'Veteran Rosa Delgado said the pier would close.\n\nDelgado repeated it.\n\nThe council agreed.';
    const lower = base.replace('The council agreed.', 'The veteran council agreed.');
    const a = afterEdit(base, lower);
    const b = afterEdit(lower, base);
    assert.notDeepEqual(a.people.map(p => p.name), b.people.map(p => p.name));
  });

  it('follows a change of people directory between analyses', () => {
    const text = 'Councilmember Rosa Delgado spoke. Delgado said no. Later Rosa Delgada left.';
    const { directory } = parseDirectory('{"people":[{"name":"Rosa Delgada"}]}', 'people.json');
    clearMemo();
    const without = analyse(text);
    const withDir = analyse(text, { directory });
    assert.deepEqual(withDir, analyseFresh(text, { directory }));
    assert.deepEqual(analyse(text), analyseFresh(text));
    assert.notDeepEqual(rules(without, 'name/'), rules(withDir, 'name/'));
  });

  it('gives each of two identical paragraphs its own people mentions', () => {
    const para = 'Mayor Alan Okafor said the pier would close. Okafor repeated it.';
    const warm = afterEdit(para, `${para}\n\n${FILLER}\n\n${para}`);
    assert.equal(warm.people.find(p => p.name === 'Alan Okafor')!.mentions.length, 4);
  });
});

describe('caches: quotations across paragraphs', () => {
  const text = [
    'The mayor spoke first.',
    '“We will rebuild the pier,” she said.',
    '“It will take two years,” she added.',
    'Residents were skeptical.',
  ].join('\n\n');

  it('re-pairs later paragraphs when an edit opens a quotation that runs on', () => {
    const edited = text.replace('The mayor spoke first.', '“The mayor spoke first.');
    const warm = afterEdit(text, edited);
    // The next paragraph reopens with a double mark: the new quotation runs on and closes there, which changes
    // how that paragraph's own marks pair.
    assert.notDeepEqual(warm.quotes.map(q => q.text), analyseFresh(text).quotes.map(q => q.text));
    assert.ok(warm.quotes[0].text.startsWith('“The mayor spoke first.'));
  });

  it('carries a quotation into the next paragraph when the edit makes the next one reopen it', () => {
    const open = text.replace('“We will rebuild the pier,” she said.', '“We will rebuild the pier.');
    const carried = afterEdit(text, open);
    const reopened = afterEdit(open, open.replace('Residents were skeptical.', '“Residents were skeptical.”'));
    assert.notDeepEqual(carried.quotes, reopened.quotes);
  });

  it('reads doubled apostrophes across an edited paragraph', () => {
    const doubled = "''The tide is high,'' the pilot said. ''We wait.\n\n''Then we sail.''\n\nIt's Ann's boat.";
    afterEdit(doubled, doubled.replace("''Then we sail.''", "Then we sail.''"));
    afterEdit(doubled, doubled.replace('the pilot said', 'the harbor pilot said'));
  });
});

describe('caches: contradictions', () => {
  const text = [
    'Dredging the harbor will cost $48 million, Okafor said.',
    FILLER,
    'Dredging the harbor will cost $48 million, Okafor said.',
  ].join('\n\n');

  it('reports a figure changed in one paragraph exactly as a fresh analysis does', () => {
    const edited = text.replace(/\$48 million(?![^]*\$48)/, '$25 million');
    const warm = afterEdit(text, edited);
    assert.equal(rules(warm, 'conflict/').length, rules(analyseFresh(edited), 'conflict/').length);
    afterEdit(edited, text);
  });

  it('moves cached contradictions with the text, and asks the speakers again', () => {
    const conflicting = text.replace(/\$48 million(?![^]*\$48)/, '$25 million');
    const moved = afterEdit(conflicting, conflicting.replace('The council met', 'The city council met'));
    assert.deepEqual(rules(moved, 'conflict/').map(r => r.split(' ')[0]), ['conflict/figure']);
    // Who says each figure decides whether two figures are a dispute or a contradiction.
    afterEdit(conflicting, conflicting.replace(/Okafor said\.$/, 'Mayor Alan Okafor said.'));
  });
});

describe('caches: memoDocument and WordTally', () => {
  it('memoDocument reuses a result while the inputs are the same, comparing the rest with `same`', () => {
    isolated(() => {
      let runs = 0;
      const a = { sig: 'x' }, b = { sig: 'x' }, c = { sig: 'y' };
      const same = (p: { sig: string }, q: { sig: string }) => p.sig === q.sig;
      const first = memoDocument('test', [a], () => ++runs, same);
      assert.equal(memoDocument('test', [b], () => ++runs, same), first);
      assert.equal(memoDocument('test', [c], () => ++runs, same), 2);
      assert.equal(memoDocument('test', [a, c], () => ++runs, same), 3);
      assert.equal(memoDocument('test', [b], () => ++runs, same), first);
      assert.equal(runs, 3);
    });
  });

  it('WordTally counts words over lists by difference, a list given twice counting twice', () => {
    const tally = new WordTally();
    const one = ['pier', 'harbor'], two = ['pier'];
    tally.update([one, two, two]);
    assert.ok(tally.has('pier') && tally.has('harbor'));
    tally.update([two]);
    assert.ok(tally.has('pier') && !tally.has('harbor'));
    tally.update([one]);
    assert.ok(tally.has('pier') && tally.has('harbor'));
    tally.update([]);
    assert.ok(!tally.has('pier') && !tally.has('harbor'));
  });

  it('isolated() analyses with empty caches and leaves the warm ones as they were', () => {
    clearMemo();
    const warm = analyse(PEOPLE);
    const fresh = analyseFresh(PEOPLE.replace('Wierzbicki told', 'Wierzbikci told'));
    assert.equal(fresh.diagnostics.filter(d => d.rule === 'name/mismatch').length, 1);
    assert.deepEqual(analyse(PEOPLE), warm);
  });
});
