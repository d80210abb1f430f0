// Bad input through every door of the engine and the CLI: each gets a clear message or is skipped with one, nothing
// crashes, and one bad file never stops the others from being checked. Large files are generated into a temp folder
// here (never committed) and removed afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../src/core/pipeline.ts';
import { main, MAX_FILE_BYTES } from '../../src/cli/copydesk.ts';
import type { RuleSetting } from '../../src/core/context.ts';

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '', err = '';
  const code = main(args, s => { out += s; }, s => { err += s; });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'copydesk-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => { const p = join(dir, name); writeFileSync(p, content); return p; };
const harbor = 'test/fixtures/samples/harbor-dredging.txt';
const WRONG_CLOSE = '"We were told this would cost $25 million.“ Okafor said.\n';

describe('bad input: the engine', () => {
  for (const [name, text] of [
    ['an empty document', ''], ['whitespace only', ' \n\t\r\n  \u00a0\n'], ['line breaks only', '\r\r\n\n\r'],
    ['NUL bytes', '\u0000'.repeat(5000)], ['lone surrogates', '\ud800 "\udc00" said \udbff'], ['a byte-order mark only', '\ufeff'],
    ['a replacement-character soup', '\ufffd'.repeat(2000)], ['one 200 000-character word', 'a'.repeat(200000)],
    ['quotation marks only', '"“”\'‘’«»'.repeat(3000)],
  ] as const) {
    it(`analyses ${name} without throwing and without findings outside the text`, () => {
      for (const language of ['plaintext', 'markdown']) {
        const a = analyse(text, { language });
        for (const d of a.diagnostics) { assert.ok(d.start >= 0 && d.end <= text.length && d.text === text.slice(d.start, d.end), `${language} ${d.rule}`); }
        if (!text.trim()) { assert.deepEqual([a.quotes, a.attributions, a.figures, a.people, a.diagnostics], [[], [], [], [], []], `${language}: nothing in nothing`); }
      }
    });
  }

  it('reports nothing inside a Markdown file that is all code blocks, front matter and HTML', () => {
    const md = ['---', 'title: "Unclosed', '---', '', '```', WRONG_CLOSE, '```', '', '    ' + WRONG_CLOSE, '<div>', WRONG_CLOSE, '</div>', '',
      '~~~text', '"never closed', '~~~', ''].join('\n');
    const a = analyse(md, { language: 'markdown' });
    assert.deepEqual(a.diagnostics.map(d => `${d.rule} ${JSON.stringify(d.text)}`), []);
    assert.deepEqual(a.quotes, []);
    // The same text as plain text is prose, and its problems are seen: the test can fail.
    assert.ok(analyse(md, { language: 'plaintext' }).diagnostics.some(d => d.rule === 'quote/wrong-closing-mark'));
  });

  it('treats an unknown or missing language id as plain text', () => {
    const want = analyse(WRONG_CLOSE, { language: 'plaintext' }).diagnostics.map(d => d.rule);
    assert.ok(want.includes('quote/wrong-closing-mark'));
    for (const language of [undefined, '', 'klingon', 'MARKDOWN ']) {
      assert.deepEqual(analyse(WRONG_CLOSE, { language }).diagnostics.map(d => d.rule), want, String(language));
    }
  });

  it('ignores rule settings that are not severities instead of passing them on', () => {
    const rules = { quote: 'warn', 'quote/wrong-closing-mark': 3, constructor: 'off', toString: 'off' } as unknown as Record<string, RuleSetting>;
    const a = analyse(WRONG_CLOSE, { rules });
    const d = a.diagnostics.find(x => x.rule === 'quote/wrong-closing-mark');
    assert.ok(d, 'the finding is still reported');
    assert.equal(d.severity, 'error', 'the default severity stands');
    for (const x of a.diagnostics) { assert.ok(['error', 'warning', 'info'].includes(x.severity), `${x.rule}: ${String(x.severity)}`); }
  });

  it('honours a valid setting next to invalid ones (the test above cannot pass by ignoring all settings)', () => {
    const rules = { quote: 'warn', 'quote/wrong-closing-mark': 'info' } as unknown as Record<string, RuleSetting>;
    assert.equal(analyse(WRONG_CLOSE, { rules }).diagnostics.find(x => x.rule === 'quote/wrong-closing-mark')?.severity, 'info');
  });
});

describe('bad input: the CLI', () => {
  it('checks an empty and a whitespace-only file: no problem, exit 0', () => {
    const r = run([file('empty.txt', ''), file('blank.md', '\n  \n\t\n')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.match(r.out, /^0 problems \(0 errors, 0 warnings, 0 info\) in 2 files\n$/);
  });

  it('checks a Markdown file that is all code blocks: no problem, exit 0', () => {
    const r = run([file('code.md', '```\n' + WRONG_CLOSE + '```\n\n    "never closed\n')]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^0 problems .* in 1 file\n$/);
  });

  it('skips a binary file, a non-UTF-8 file and a folder with one message each, checks the others, exits 2', () => {
    const png = file('photo.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(3000, 7)]));
    const utf16 = file('utf16.txt', Buffer.from('\ufeff"Hi," she said.', 'utf16le'));
    const cp1252 = file('cp1252.txt', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64]));
    const folder = join(dir, 'folder.md');
    mkdirSync(folder, { recursive: true });
    const r = run(['--format', 'json', png, utf16, cp1252, folder, harbor]);
    assert.equal(r.code, 2);
    assert.match(r.err, /photo\.txt: is not text \(it contains NUL bytes\); skipped/);
    assert.match(r.err, /utf16\.txt: is not text .*; skipped/);
    assert.match(r.err, /cp1252\.txt: is not valid UTF-8 text; skipped/);
    assert.match(r.err, /folder\.md: is a directory; skipped/);
    assert.equal(r.err.trim().split('\n').length, 4, r.err);
    assert.deepEqual(JSON.parse(r.out).map((f: { path: string }) => f.path), [harbor], 'the good file is still checked');
  });

  it('refuses a 50 MB file by its size, without reading it, and checks the next file', function () {
    this.timeout(60000);
    const big = join(dir, 'wire-dump.txt');
    // Real text, not a sparse file: the size check must not depend on the content being odd.
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'The council met on Tuesday. '));
    try {
      const r = run([big, harbor]);
      assert.equal(r.code, 2);
      assert.match(r.err, /wire-dump\.txt: is 50\.0 MB, over the 20 MB limit for an article; skipped/);
      assert.match(r.out, /in 1 file\n$/);
    } finally { rmSync(big, { force: true }); }
  });

  it('refuses an endless device by the same limit instead of filling memory', function () {
    if (!existsSync('/dev/zero')) { assert.ok(process.platform === 'win32', 'every POSIX system has /dev/zero'); return; }
    this.timeout(60000);
    const r = run(['/dev/zero', harbor]);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`/dev/zero: is over the ${MAX_FILE_BYTES / 1048576} MB limit for an article; skipped`));
    assert.match(r.out, /in 1 file\n$/);
  });

  describe('a bad people directory (--people)', () => {
    const clean = file('clean.txt', 'The council met on Tuesday. "We agree," the mayor said.\n');
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['not JSON at all', 'people: [Rosa Delgado]', /not valid JSON/],
      ['truncated JSON', '{ "people": [ { "name": "Rosa Delgado" ', /not valid JSON/],
      ['the wrong shape', '{ "people": 5 }', /"people" must be an array/],
      ['an array at the top', '[{ "name": "Rosa Delgado" }]', /expected an object/],
      ['entries of the wrong types', '{ "people": [ 1, null, { "name": 42 }, { "name": "Rosa Delgado", "aliases": "Rosa" } ] }', /entry 1: must be an object/],
      ['nesting 100 000 deep', '{ "people": ' + '['.repeat(100000) + ']'.repeat(100000) + ' }', /nested deeper than \d+ levels/],
      ['a 6 MB file', '{ "people": [' + '{ "name": "Rosa Delgado" },'.repeat(240000) + '{ "name": "x" } ] }', /larger than \d+ MB/],
      ['binary content', Buffer.from([0x7b, 0, 0, 0x7d]), /people directory is not text/],
      ['a file that is not there', '', /people directory no such file; checking without it/],
    ];
    for (const [name, content, message] of cases) {
      it(`warns about ${name} by file name and still checks the article`, function () {
        this.timeout(30000);
        const path = name === 'a file that is not there' ? join(dir, 'nowhere', 'people.json') : file(`people-${cases.findIndex(c => c[0] === name)}.json`, content);
        const r = run(['--people', path, clean]);
        assert.match(r.err, /^copydesk: \S*people[^:]*\.json: /m, r.err.slice(0, 300));
        assert.match(r.err, message);
        assert.equal(r.code, 0, 'a bad directory does not fail the run');
        assert.match(r.out, /in 1 file\n$/, 'the article is checked');
      });
    }

    it('reads the good entries of a directory with some bad ones', () => {
      const people = file('mixed.json', JSON.stringify({ people: [{ name: 42 }, { name: 'Rosa Delgado', titles: ['Councilmember'] }] }));
      const article = file('mixed.txt', 'Councilmember Rosa Delgada said the plan was too costly. Delgada left.\n');
      const r = run(['--format', 'json', '--people', people, article]);
      assert.match(r.err, /entry 1/);
      const [f] = JSON.parse(r.out);
      assert.ok(f.diagnostics.some((d: { rule: string }) => d.rule === 'name/directory'), JSON.stringify(f.diagnostics.map((d: { rule: string }) => d.rule)));
    });

    it('warns once about a malformed nearest .copydesk/people.json, however many files it covers', () => {
      const desk = join(dir, 'desk');
      mkdirSync(join(desk, '.copydesk'), { recursive: true });
      writeFileSync(join(desk, '.copydesk', 'people.json'), '{ "people": [ ');
      const a = join(desk, 'a.txt'), b = join(desk, 'b.txt');
      writeFileSync(a, 'The mayor spoke.\n');
      writeFileSync(b, 'The council met.\n');
      const r = run([a, b]);
      assert.equal(r.code, 0);
      assert.equal(r.err.match(/not valid JSON/g)?.length, 1, r.err);
      assert.match(r.out, /in 2 files\n$/);
    });
  });

  it('the shipped binary (dist/cli.js) exits 2 for unreadable input and 0 for an empty file', () => {
    assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` first');
    const missing = spawnSync(process.execPath, ['dist/cli.js', join(dir, 'missing.txt'), file('empty2.txt', '')], { encoding: 'utf8' });
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /missing\.txt: no such file; skipped/);
    assert.match(missing.stdout, /in 1 file\n$/);
    const empty = spawnSync(process.execPath, ['dist/cli.js', join(dir, 'empty2.txt')], { encoding: 'utf8' });
    assert.equal(empty.status, 0, empty.stderr);
  });
});
