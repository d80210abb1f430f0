// The way an analysis comes back from the worker (src/extension/transport.ts): encoded as JSON chunks in one buffer and
// decoded a slice at a time, it must give back exactly the analysis the engine made; and work in slices must stop
// when it is no longer wanted.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyse } from '../../src/core/pipeline.ts';
import type { Analysis } from '../../src/core/model.ts';
import { Cancelled, Slicer, decodeAnalysis, encodeAnalysis, yieldToHost } from '../../src/extension/transport.ts';

const dir = new URL('../fixtures/samples/', import.meta.url);

describe('the worker transport', () => {
  it('gives back exactly the analysis of every sample, in chunks', async () => {
    for (const name of readdirSync(dir).filter(f => /\.(txt|md)$/.test(f))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const analysis = analyse(text, { language: name.endsWith('.md') ? 'markdown' : 'plaintext' });
      const { encoded, transfer } = encodeAnalysis(analysis, text)!;
      assert.equal(transfer[0], encoded.buffer.buffer);
      assert.equal(encoded.text, undefined, 'the text is not sent back');
      assert.deepEqual(await decodeAnalysis(encoded, text, new Slicer()), analysis, name);
    }
  });

  it('splits a long analysis into many small chunks and yields between slices', async () => {
    const text = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(new URL(f, dir), 'utf8')).join('\n\n').repeat(20);
    const analysis = analyse(text, { language: 'plaintext' });
    const { encoded } = encodeAnalysis(analysis, text)!;
    assert.ok(encoded.ends.length > 10, `${encoded.ends.length} chunks`);
    let slices = 0;
    const decoded = await decodeAnalysis(encoded, text, new Slicer(() => false, 0), f => { slices++; return f(); });
    assert.equal(slices, encoded.ends.length, 'with no time budget, one chunk per slice');
    assert.deepEqual(decoded, analysis);
  });

  it('sends as it is an analysis that JSON would change', () => {
    const text = 'x';
    const analysis: Analysis = { text, quotes: [], attributions: [], people: [], diagnostics: [],
      figures: [{ start: 0, end: 1, text: 'x', kind: 'count', value: Infinity, unit: null }] };
    assert.equal(encodeAnalysis(analysis, text), undefined);
  });

  it('keeps a text that differs from the request', async () => {
    const analysis = analyse('He said "yes."', { language: 'plaintext' });
    const { encoded } = encodeAnalysis(analysis, 'something else')!;
    assert.deepEqual(await decodeAnalysis(encoded, 'something else', new Slicer()), analysis);
  });

  it('stops work in slices once it is no longer wanted', async () => {
    let wanted = true;
    const slicer = new Slicer(() => !wanted, 0);
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const done = slicer.map(items, i => { if (i === 100) { wanted = false; } return i; });
    await assert.rejects(done, Cancelled);
    assert.throws(() => new Slicer(() => true), Cancelled, 'already unwanted');
    await yieldToHost();
  });
});
