import { strict as assert } from 'node:assert';
import { match, parseAnn, scoreDoc, total, intersection, type Scored } from '../../test/eval/polnear.ts';

const text = 'Ana Roy said "we will win," and then "we will govern." Bo Li said taxes rise.';
const ann = [
  'T1\tSource 0 7\tAna Roy', 'T2\tCue 8 12\tsaid', 'T3\tContent 13 26;36 53\t"we will win," "we will govern."',
  'T4\tAttribution 8 12\tsaid', 'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tSource 54 59\tBo Li', 'T6\tCue 60 64\tsaid', 'T7\tContent 65 76\ttaxes rise', 'T8\tAttribution 60 64\tsaid',
  'E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5',
].join('\n');

describe('PolNeAR scorer', () => {
  const gold = parseAnn(ann, text);
  it('reads discontinuous spans as sets of characters', () => {
    assert.deepEqual(gold[0].content, [[13, 26], [36, 53]]);
    assert.equal(intersection([[10, 40]], gold[0].content), 13 + 4);
  });
  it('scores a perfect prediction 1', () => {
    const t = total([scoreDoc(gold as Scored[], gold)]);
    for (const k of ['direct08', 'direct03', 'all05', 'exactContent', 'exactSource', 'exactCue', 'endToEnd'] as const) { assert.equal(t[k].f1, 1, k); }
    assert.equal(t.speakerAccuracy, 1);
  });
  it('scores an empty prediction 0', () => {
    const t = total([scoreDoc([], gold)]);
    assert.equal(t.all05.f1, 0);
    assert.equal(t.direct08.recall, 0);
  });
  it('measures overlap against the gold content: one part of a split quotation is not enough at 0.8', () => {
    const half: Scored = { content: [[13, 26]], source: [[0, 7]], cue: [[8, 12]], contentText: '"we will win,"' };
    const s = scoreDoc([half], gold);
    assert.equal(s.direct08.tp, 0);
    assert.equal(s.direct03.tp, 1);
    assert.equal(s.exactSource.tp, 1);
  });
  it('matches one to one, best overlap first', () => {
    const g: Scored[] = [{ content: [[0, 10]], source: null, cue: null, contentText: 'x' }];
    const p: Scored[] = [
      { content: [[0, 6]], source: null, cue: null, contentText: 'x' },
      { content: [[0, 10]], source: null, cue: null, contentText: 'x' },
    ];
    assert.deepEqual(match(p, g, 0.5), [[1, 0]]);
  });
  it('counts a wrong speaker against speaker accuracy', () => {
    const p = gold.map(g => ({ ...g, source: [[65, 70]] as Array<[number, number]> }));
    assert.equal(total([scoreDoc(p, gold)]).speakerAccuracy, 0);
  });
});
