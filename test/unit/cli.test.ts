import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/copydesk.ts';

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '', err = '';
  const code = main(args, s => { out += s; }, s => { err += s; });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
const harbor = 'test/fixtures/samples/harbor-dredging.txt';
const ministry = 'test/fixtures/samples/ministry-budget.md';

describe('copydesk CLI', () => {
  it('prints one line per diagnostic, path:line:column severity message rule, then a summary; exits 1', () => {
    const r = run([harbor]);
    assert.equal(r.code, 1);
    const line = r.out.split('\n').find(l => l.endsWith('quote/wrong-closing-mark'));
    assert.ok(line, r.out);
    assert.match(line!, /^test\/fixtures\/samples\/harbor-dredging\.txt:7:\d+ error .+ quote\/wrong-closing-mark$/);
    assert.match(r.out, /\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 file\n$/);
  });

  it('keeps the JSON contract: one object per file in argument order, spans equal their slices', () => {
    const r = run(['--format', 'json', ministry, harbor]);
    const files = JSON.parse(r.out);
    assert.deepEqual(files.map((f: { path: string }) => f.path), [ministry, harbor]);
    for (const f of files) {
      const text = readFileSync(f.path, 'utf8');
      for (const key of ['attributions', 'quotes', 'figures', 'people', 'diagnostics']) { assert.ok(Array.isArray(f[key]), key); }
      const spans = [...f.quotes, ...f.figures, ...f.diagnostics, ...f.people.flatMap((p: { mentions: unknown[] }) => p.mentions),
        ...f.attributions.flatMap((a: Record<string, unknown>) => [a.source, a.cue, a.content].filter(Boolean))];
      for (const s of spans) { assert.equal(text.slice(s.start, s.end), s.text); }
      for (const d of f.diagnostics) {
        assert.match(d.rule, /^(quote|attribution|figure|name|conflict)\/[a-z-]+$/);
        assert.ok(['error', 'warning', 'info'].includes(d.severity));
        assert.ok(Array.isArray(d.expected) && Array.isArray(d.related));
        assert.ok(d.line >= 1 && d.column >= 1);
      }
      for (const q of f.quotes) { assert.equal(typeof q.attributed, 'boolean'); }
    }
  });

  it('writes SARIF 2.1.0 with rules, levels, UTF-16 regions and fixes', () => {
    const r = run(['--format=sarif', harbor]);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'copydesk');
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'quote/wrong-closing-mark');
    assert.equal(res.level, 'error');
    const region = res.locations[0].physicalLocation.region;
    assert.equal(readFileSync(harbor, 'utf8').substr(region.charOffset, region.charLength), '“');
    assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '”');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'quote/wrong-closing-mark'));
  });

  it('exits 0 when nothing reaches --fail-on, and honours --fail-on', () => {
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, 'The council met on Tuesday. "We agree," the mayor said.\n');
    assert.equal(run([clean]).code, 0);
    const info = join(dir, 'info.txt');
    writeFileSync(info, '"We agree," the mayor said. "Nobody knows."\n');
    assert.equal(run(['--fail-on', 'error', harbor]).code, 1);
    assert.equal(run(['--fail-on', 'none', harbor]).code, 0);
  });

  it('reports unreadable, binary and non-UTF-8 files, skips them, checks the rest, exits 2', () => {
    const bin = join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = run(['--format', 'json', join(dir, 'missing.txt'), bin, latin1, harbor]);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.txt: no such file; skipped/);
    assert.match(r.err, /image\.txt: is not text/);
    assert.match(r.err, /latin1\.txt: is not valid UTF-8/);
    assert.deepEqual(JSON.parse(r.out).map((f: { path: string }) => f.path), [harbor]);
  });

  it('strips a UTF-8 byte-order mark so offsets index the text', () => {
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, '\ufeff"Unclosed quotation, she said.\n');
    const [f] = JSON.parse(run(['--format', 'json', bom]).out);
    const d = f.diagnostics.find((x: { rule: string }) => x.rule === 'quote/unclosed');
    assert.equal(d.start, 0);
    assert.equal(d.text, '"');
  });

  it('gives usage errors status 2 with a message', () => {
    for (const args of [[], ['--format', 'xml', harbor], ['--bogus', harbor], ['--people']]) {
      const r = run(args);
      assert.equal(r.code, 2, JSON.stringify(args));
      assert.match(r.err, /copydesk: .+\nusage: copydesk/);
    }
  });

  it('reads --people and warns about a malformed directory without failing the run', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "people": [ { "name": 42 } ] ');
    const r = run(['--people', bad, join(dir, 'clean.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.err, /bad\.json/);
    mkdirSync(join(dir, '.copydesk'), { recursive: true });
  });
});
