// Inline suppression: the copy editor's way of saying "I have seen this, leave it". Directives live in the article
// itself so that they travel with it (CMS, git, a colleague's editor) and every face (editor, CLI) honours them.
//
// Markdown: HTML comments, which every Markdown renderer and CMS import drops:
//   <!-- copydesk-disable name/mismatch -->  …  <!-- copydesk-enable name/mismatch -->
//   <!-- copydesk-disable-next-line quote/mixed-style -->
//   text … <!-- copydesk-disable-line -->
//   <!-- copydesk-different-people Delgado, Delgada -->
// Plain text has no comments, so a line of its own in square brackets, the way desks write notes to the editor
// ("[EDITOR'S NOTE: …]") that never reach print: `[copydesk-disable-next-line quote/unclosed]`. Such lines are blanked
// out of the prose (see prose.ts) so that they are never read as part of the article. The comment form works in plain
// text too, on a line of its own.
//
// No rule means every rule; a family (`quote`) means all its rules.
import type { Finding } from './model.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'different-people';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or families; empty = every rule. For `different-people`: the names. */
  args: string[];
  /** The directive as written, `[start, end)`. */
  start: number;
  end: number;
  /** True when it stands on a line of its own (the bracket form always does). */
  ownLine: boolean;
}

export interface Suppression {
  start: number;
  end: number;
  /** Rule ids or families; empty = every rule. */
  rules: string[];
}

const KINDS = 'disable-next-line|disable-line|disable|enable|different-people';
const COMMENT = new RegExp(`<!--\\s*copydesk-(${KINDS})(?![\\w-])([^]*?)-->`, 'g');
const BRACKET = new RegExp(`^[ \\t]*\\[copydesk-(${KINDS})(?![\\w-])([^\\]\\r\\n]*)\\][ \\t]*$`, 'gm');

const isMarkdown = (language?: string): boolean => language === 'markdown' || language === 'md';

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  let end = text.indexOf('\n', offset);
  if (end < 0) { end = text.length; }
  if (end > start && text[end - 1] === '\r') { end--; }
  return { start, end };
}

function splitArgs(kind: DirectiveKind, raw: string): string[] {
  const s = raw.trim();
  if (!s) { return []; }
  // Names may have several words ("Rosa Delgado, Rosa Delgada"); rule lists may use commas or spaces.
  if (kind === 'different-people') { return (s.includes(',') ? s.split(',') : s.split(/\s+/)).map(x => x.trim()).filter(Boolean); }
  return s.split(/[\s,]+/).filter(Boolean);
}

/** Every directive in the text, in order. In Markdown only the comment form counts (a bracket line is prose there). */
export function parseDirectives(text: string, language?: string): Directive[] {
  if (!text.includes('copydesk-')) { return []; }
  const out: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index!, end = start + m[0].length;
    const line = lineBounds(text, start);
    const ownLine = text.slice(line.start, start).trim() === '' && text.slice(end, lineBounds(text, end).end).trim() === '';
    // In plain text a comment is only a directive on a line of its own: elsewhere it is text being quoted.
    if (!isMarkdown(language) && !ownLine) { continue; }
    out.push({ kind: m[1] as DirectiveKind, args: splitArgs(m[1] as DirectiveKind, m[2]), start, end, ownLine });
  }
  if (!isMarkdown(language)) {
    for (const m of text.matchAll(BRACKET)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index! + lead, end = m.index! + m[0].trimEnd().length;
      out.push({ kind: m[1] as DirectiveKind, args: splitArgs(m[1] as DirectiveKind, m[2]), start, end, ownLine: true });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The plain-text directive lines, `[start, end)` of each line's content, which the prose reader blanks out. */
export function directiveLines(text: string): Array<{ start: number; end: number }> {
  return parseDirectives(text, 'plaintext').map(d => lineBounds(text, d.start));
}

/** The stretches of text where some rules are silenced. */
export function suppressions(text: string, language?: string): Suppression[] {
  const directives = parseDirectives(text, language);
  if (!directives.length) { return []; }
  const out: Suppression[] = [];
  const directiveAt = new Set(directives.filter(d => d.ownLine).map(d => lineBounds(text, d.start).start));
  const open = new Map<string, number>();   // rule ('' = all) -> where its disable began
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-line': {
        const line = lineBounds(text, d.start);
        out.push({ start: line.start, end: line.end, rules: d.args });
        break;
      }
      case 'disable-next-line': {
        // The next line with words on it: a blank line or another directive between them does not count.
        let at = lineBounds(text, d.start).end;
        for (;;) {
          const next = text.indexOf('\n', at);
          if (next < 0) { break; }
          const line = lineBounds(text, next + 1);
          at = line.end;
          if (text.slice(line.start, line.end).trim() === '' || directiveAt.has(line.start)) {
            if (line.end >= text.length) { break; }
            continue;
          }
          out.push({ start: line.start, end: line.end, rules: d.args });
          break;
        }
        break;
      }
      case 'disable':
        for (const r of d.args.length ? d.args : ['']) { if (!open.has(r)) { open.set(r, d.end); } }
        break;
      case 'enable': {
        const which = d.args.length ? d.args : [...open.keys()];
        for (const r of which) {
          const from = open.get(r);
          if (from === undefined) { continue; }
          out.push({ start: from, end: d.start, rules: r ? [r] : [] });
          open.delete(r);
        }
        break;
      }
      case 'different-people':
        break;
    }
  }
  for (const [r, from] of open) { out.push({ start: from, end: text.length, rules: r ? [r] : [] }); }
  return out;
}

export function ruleMatches(spec: string, rule: string): boolean {
  return spec === rule || rule.startsWith(spec + '/');
}

export function isSuppressed(list: Suppression[], rule: string, offset: number): boolean {
  return list.some(s => offset >= s.start && offset <= s.end && (!s.rules.length || s.rules.some(r => ruleMatches(r, rule))));
}

/** Pairs of names that the article declares to be different people, so that the names check does not merge them. */
export function differentPeople(text: string, language?: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const d of parseDirectives(text, language)) {
    if (d.kind !== 'different-people') { continue; }
    for (let i = 0; i < d.args.length; i++) {
      for (let j = i + 1; j < d.args.length; j++) { pairs.push([d.args[i], d.args[j]]); }
    }
  }
  return pairs;
}

const fold = (s: string): string => s.normalize('NFC').replace(/[’']s$/, '').trim().toLowerCase();

/** True when the two spellings are declared different people (whole names, or the surnames the names end with). */
export function declaredDifferent(pairs: Array<[string, string]>, a: string, b: string): boolean {
  const fa = fold(a), fb = fold(b);
  const last = (s: string): string => s.split(/\s+/).pop() ?? s;
  return pairs.some(([x, y]) => {
    const fx = fold(x), fy = fold(y);
    const same = (p: string, q: string): boolean => p === q || last(p) === last(q) && (p.includes(' ') !== q.includes(' '));
    return same(fa, fx) && same(fb, fy) || same(fa, fy) && same(fb, fx);
  });
}

/** Drops the findings that a directive silences; `name/mismatch` between declared different people goes too. */
export function applySuppressions(findings: Finding[], text: string, language?: string): Finding[] {
  if (!text.includes('copydesk-')) { return findings; }
  const list = suppressions(text, language);
  const pairs = differentPeople(text, language);
  return findings.filter(f => !isSuppressed(list, f.rule, f.start)
    && !(f.rule === 'name/mismatch' && pairs.length && f.expected.some(e => declaredDifferent(pairs, f.text, e))));
}

// ---- Writing directives (the quick fixes) ----

/** A directive on a line of its own, in the form the document's language reads. */
export function directiveText(kind: DirectiveKind, args: string[], language?: string): string {
  const body = `copydesk-${kind}${args.length ? ' ' + (kind === 'different-people' && args.some(a => /\s/.test(a)) ? args.join(', ') : args.join(' ')) : ''}`;
  return isMarkdown(language) ? `<!-- ${body} -->` : `[${body}]`;
}

/**
 * Where an article-wide directive goes: the top, but after YAML/TOML front matter in Markdown (which must stay
 * first) and after the directives already there, so that they read as one block.
 */
export function topInsertionOffset(text: string, language?: string): number {
  let at = 0;
  if (isMarkdown(language)) {
    const fm = /^(---|\+\+\+)[ \t]*\r?\n[^]*?\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
    if (fm) { at = fm[0].length; }
  }
  const starts = new Set(parseDirectives(text, language).filter(d => d.ownLine).map(d => lineBounds(text, d.start).start));
  while (at < text.length && starts.has(at)) {
    const next = text.indexOf('\n', at);
    if (next < 0) { return text.length; }
    at = next + 1;
  }
  return at;
}

/** The text to insert at `topInsertionOffset` for an article-wide directive. */
export function topDirectiveInsertion(text: string, kind: DirectiveKind, args: string[], language?: string): { offset: number; insert: string } {
  const offset = topInsertionOffset(text, language);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = directiveText(kind, args, language);
  if (offset >= text.length && text.length && !text.endsWith('\n')) { return { offset, insert: eol + line + eol }; }
  return { offset, insert: line + eol };
}
