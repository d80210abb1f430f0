// conflict/ rules: an article that contradicts itself. Figures are indexed by what they count (kind, unit,
// role), so only figures of the same quantity are ever compared; everything per sentence is memoised per
// paragraph. Every message sits on the later of the two places and links the earlier one through `related`.
// Precision first: when the two sentences might be about different things (other people, other years, other
// places, a change rather than a level, a part rather than a total), they stay quiet.
import type { Paragraph, Root } from 'nlcst';
import type { VFile } from 'vfile';
import { dataOf, report } from '../context.js';
import { memoParagraph } from '../memo.js';
import type { Attribution, Figure, Person, Span } from '../model.js';
import { parseDate, roundingOf, singular } from '../numbers.js';

const STOP = new Set(('a an the and or but of to in on at by for from with as than that this these those who whom which what is are was were be been ' +
  'being has have had will would could can may might should shall do did does not no it its they them their he him his she her we us our you ' +
  'your i me my said says say told tell telling added according also only just about over more less nearly almost some up down out into ' +
  'there here then so if when while after before since until because during per percent cent million billion thousand trillion one two ' +
  'three four five six seven eight nine ten all both each other such very even still already yet now new last next year years').split(' '));
const TIME_WORDS = /\b(?:last|this|next|previous|coming|past)\s+(?:year|month|week|quarter|season|fiscal year|decade)\b|\b(?:yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)\b|\b(?:1[89]|20)\d\d\b/gi;
const NAME_STOP = new Set(['I', 'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'He', 'She', 'They', 'We', 'It', 'His', 'Her', 'Their', 'This', 'That', 'According', 'Mr', 'Mrs', 'Ms', 'Dr', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const PROXY = /\b(?:his|her|their)\s+(?:spokes(?:wo)?(?:man|person)|aides?|campaign|office|press secretary|representatives?|lawyers?|attorneys?)\b/i;

interface Sentence extends Span { words: string[]; names: string[]; times: string[] }

/** A figure as the conflicts check compares it: what it counts, in which clause, and how it is hedged. */
interface Fact {
  figure: Figure;
  sentence: Sentence;
  /** kind|unit|role: only facts with the same key are compared. */
  key: string;
  /** Content words of the figure's clause, counted noun excluded. */
  clause: string[];
  low: number;
  high: number;
  /** The written value within its rounding, hedge ignored: two figures hedged alike compare by these. */
  nominal: [number, number];
  /** What two equal figures share: the rounded value, or the date. */
  valueKey: string;
}

interface Claim { sentence: Sentence; kind: 'requires' | 'supports'; polarity: 1 | -1; object: string[]; holder: string | null; span: Span; voice: string | null }

interface ParagraphFacts { sentences: Sentence[]; facts: Fact[]; claims: Claim[] }

// A crude stem is enough to see "employs" and "employed" as one verb; both sides get the same treatment.
const stem = (w: string): string => { const s = singular(w.replace(/['’]s$/, '')); return s.length > 5 ? s.replace(/(?:ed|ing)$/, '') : s; };
const contentWords = (s: string): string[] =>
  [...s.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)].map(m => m[0]).filter(w => w.length > 1 && !STOP.has(w)).map(stem);

function sentencesOf(paragraph: Paragraph, source: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of paragraph.children) {
    if (s.type !== 'SentenceNode' || !s.position) { continue; }
    const start = s.position.start.offset!, end = s.position.end.offset!;
    const text = source.slice(start, end);
    const names = [...text.matchAll(/(?<=[\s(“"‘'])(\p{Lu}[\p{L}'’-]+)/gu)].map(m => m[1].replace(/['’]s$/, '')).filter(n => !NAME_STOP.has(n));
    const times = [...text.matchAll(TIME_WORDS)].map(m => m[0].toLowerCase().replace(/\s+/g, ' '));
    out.push({ start, end, text, words: contentWords(text), names, times });
  }
  return out;
}

const BOUNDARY = /[,;:—–()"“”‘’]|\s(?:that|and|but|while|whereas|which|who|although|though|because|when|where|as)\s/gi;

/** The clause around [start, end) within its sentence. */
function clauseOf(s: Sentence, start: number, end: number): string {
  let from = 0, to = s.text.length;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(s.text); m; m = BOUNDARY.exec(s.text)) {
    const at = m.index + s.start;
    if (at + m[0].length <= start) { from = m.index + m[0].length; } else if (at >= end) { to = m.index; break; }
  }
  return s.text.slice(from, to);
}

function interval(f: Figure): [number, number] {
  const v = f.value!;
  const digits = /[\d.,]+/.exec(f.text)?.[0] ?? '';
  const tol = f.kind === 'fraction' ? 0.02 : digits ? roundingOf(digits, v) : Math.abs(v) * 0.05;
  let low = v - tol, high = v + tol;
  switch (f.qualifier) {
    case 'about': case 'around': case 'roughly': case 'approximately': case 'some': case 'an estimated': case 'estimated': case 'close to':
      low = Math.min(low, v * 0.925); high = Math.max(high, v * 1.075); break;
    case 'nearly': case 'almost': case 'just under': low = Math.min(low, v * 0.85); break;
    case 'over': case 'more than': case 'above': case 'upwards of': case 'just over': case 'at least': case 'no fewer than':
      high = Infinity; break;
    case 'under': case 'less than': case 'fewer than': case 'below': case 'up to': case 'at most': case 'no more than': case 'as many as': case 'as much as':
      low = -Infinity; break;
  }
  return [low, high];
}

/** Where the figure stands in its sentence: a level, the start or end of a change, a change itself, a part of a whole. */
function roleOf(f: Figure, s: Sentence, prose: string): string {
  const before = prose.slice(Math.max(s.start, f.start - 40), f.start).toLowerCase().replace(new RegExp(`${f.qualifier ?? '^$'}\\s*$`), '');
  const after = prose.slice(f.end, Math.min(s.end, f.end + 40)).toLowerCase();
  if (/\bfrom\s+$/.test(before) || /\bbetween\s+$/.test(before)) { return 'from'; }
  if (/\b(?:to|and|-|–)\s+$/.test(before) && /\b(?:from|between)\b/.test(prose.slice(Math.max(s.start, f.start - 80), f.start).toLowerCase())) { return 'to'; }
  if (/\bby\s+$/.test(before) || /^\s+(?:increase|decrease|rise|drop|fall|jump|cut|reduction|gain|loss|decline|more|less|fewer|higher|lower)\b/.test(after)) { return 'change'; }
  if (/^\s+of\s+(?:the\s+|its\s+|their\s+)?[\d,.]+\s/.test(after)) { return 'part'; }
  if (/\bof\s+(?:the\s+|its\s+|their\s+)?$/.test(before)) { return 'whole'; }
  if (/\bper\s+$/.test(before) || /^-?\s*(?:an?|per)[\s-](?:hour|day|week|month|year|person|head|share|barrel|gallon)\b/.test(after)) { return 'other'; }
  return 'level';
}

function factsOf(paragraph: Paragraph, source: string, prose: string, figures: Figure[]): ParagraphFacts {
  const sentences = sentencesOf(paragraph, source);
  const facts: Fact[] = [];
  for (const s of sentences) {
    const here = figures.filter(f => f.start >= s.start && f.end <= s.end);
    for (const f of here) {
      if (!['count', 'money', 'percent', 'date', 'duration', 'quantity', 'tally', 'fraction'].includes(f.kind)) { continue; }
      if (f.kind !== 'date' && f.kind !== 'tally' && f.value === null) { continue; }
      const unit = f.kind === 'count' || f.kind === 'duration' || f.kind === 'quantity' ? singular(f.unit ?? '') : f.unit ?? '';
      const role = roleOf(f, s, prose);
      if (role === 'other') { continue; }
      const clause = contentWords(clauseOf(s, f.start, f.end)).filter(w => w !== unit);
      let low = 0, high = 0, nominal: [number, number] = [0, 0], valueKey: string;
      if (f.kind === 'date') {
        const d = parseDate(f.text);
        if (d.month === null || d.day === null) { continue; }
        valueKey = `${d.month}/${d.day}/${d.year ?? ''}`;
      } else if (f.kind === 'tally') {
        valueKey = f.text.replace(/\s/g, '').replace('–', '-');
      } else {
        [low, high] = interval(f);
        nominal = interval({ ...f, qualifier: null });
        valueKey = String(f.value);
      }
      facts.push({ figure: f, sentence: s, key: `${f.kind}|${unit}|${role}`, clause, low, high, nominal, valueKey });
    }
  }
  return { sentences, facts, claims: claimsOf(sentences) };
}

// ---- statements ----------------------------------------------------------------------------------------

const OBJ = String.raw`((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)(?=\s*(?:[,.;:!?"”]|\s(?:and|but|because|since|if|unless|before|after|until|in|on|at)\s|$))`;
const CLAIMS: Array<{ re: RegExp; kind: Claim['kind']; polarity: 1 | -1 }> = [
  { re: new RegExp(String.raw`\b(?:not|never|n't|no)\s+(?:\p{L}+\s+){0,2}?(?:proceed|go ahead|move forward|begin|start|act|continue|approve|sign|vote|build|open)\b[^.,;]*?\bwithout\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?${OBJ}`, 'giu'), kind: 'requires', polarity: 1 },
  { re: new RegExp(String.raw`\b(?:regardless|irrespective)\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?${OBJ}`, 'giu'), kind: 'requires', polarity: -1 },
  { re: new RegExp(String.raw`\b(?:never|not|n't|no longer)\s+(?:\p{L}+\s+)?(?:supported|support|backed|back|favou?red|favou?r|endorsed|endorse|wanted|proposed)\s+${OBJ}`, 'giu'), kind: 'supports', polarity: -1 },
  { re: new RegExp(String.raw`\b(?:opposes|opposed|rejected|rejects|ruled out|rules out)\s+${OBJ}`, 'giu'), kind: 'supports', polarity: -1 },
  { re: new RegExp(String.raw`(?:\bsaid|\bsays|\bthat)\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s+(?:was|is|were|are|would be|will be)\s+["“]?(?:unavoidable|inevitable|necessary|needed|essential|justified)\b`, 'giu'), kind: 'supports', polarity: 1 },
  { re: new RegExp(String.raw`(?<!\b(?:not|never|n't|no longer)\s+(?:\p{L}+\s+)?)\b(?:supports|supported|backs|backed|favou?rs|favou?red|endorsed|endorses|called for|calls for)\s+${OBJ}`, 'giu'), kind: 'supports', polarity: 1 },
];

// Cheap test first: most sentences hold no stance at all.
const CLAIM_GATE = /without|regardless|irrespective|support|backe?[ds]?\b|favou?r|endorse|wanted|propos|oppose|reject|rule[sd]? out|unavoidable|inevitable|necessary|needed|essential|justified|calls? for/i;

function claimsOf(sentences: Sentence[]): Claim[] {
  const out: Claim[] = [];
  for (const s of sentences) {
    if (!CLAIM_GATE.test(s.text)) { continue; }
    for (const { re, kind, polarity } of CLAIMS) {
      re.lastIndex = 0;
      for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
        const object = contentWords(m[1]);
        if (!object.length) { continue; }
        // "said X was unavoidable": the claim starts at X, not at the cue.
        const cue = /^(?:said|says|that)\s+/i.exec(m[0])?.[0].length ?? 0;
        const at = s.start + m.index + cue;
        const lead = s.text.slice(0, m.index);
        // The holder of a stance is the name nearest before it in its clause ("Saarinen has never supported").
        const holderM = /(\p{Lu}[\p{L}'’-]+)(?:\s+(?:has|had|have|is|was|would|will|did|does|said|says|\p{Ll}+ly))*\s*$/u.exec(lead.split(/[,;:]\s*(?=[^,;:]*$)/).pop() ?? '');
        const holder = holderM && !NAME_STOP.has(holderM[1]) ? holderM[1].replace(/['’]s$/, '') : null;
        out.push({ sentence: s, kind, polarity, object, holder, span: { start: at, end: at + m[0].length - cue, text: m[0].slice(cue) }, voice: null });
      }
    }
  }
  return out;
}

// ---- the check -----------------------------------------------------------------------------------------

const subset = (a: string[], b: string[]): boolean => { const sb = new Set(b); return a.every(w => sb.has(w)); };
const contained = (a: string[], b: string[]): boolean => (a.length <= b.length ? subset(a, b) : subset(b, a));
const shared = (a: string[], b: string[]): number => { const sb = new Set(b); return new Set(a.filter(w => sb.has(w))).size; };

/** The speaker credited with the words at `at`, when the attributions plugin found one. */
function speakerAt(attributions: Attribution[], at: number): string | null {
  for (const a of attributions) { if (a.speaker && a.content.start <= at && at < a.content.end) { return a.speaker; } }
  return null;
}

/** Could the two sentences be about the same thing? Same names (one set within the other) and the same times. */
function sameFrame(a: Sentence, b: Sentence, exact: boolean): boolean {
  if (a.times.length && b.times.length && !contained(a.times, b.times)) { return false; }
  return exact ? contained(a.names, b.names) && new Set(a.names).size === new Set(b.names).size : contained(a.names, b.names);
}

/** Nearly the same sentence: at least 90% of the content words of each are in the other. */
function restated(a: Sentence, b: Sentence): boolean {
  const n = shared(a.words, b.words);
  return n >= 4 && n >= 0.9 * new Set(a.words).size && n >= 0.9 * new Set(b.words).size;
}

function figureConflicts(file: VFile, facts: Fact[], attributions: Attribution[]): void {
  const buckets = new Map<string, Fact[]>();
  for (const f of facts) { buckets.set(f.key, [...(buckets.get(f.key) ?? []), f]); }
  // "more than 150 calls" and "more than 195 calls" are two different bounds for one thing; "more than 150" and
  // "180" are not in conflict. Values that only touch at the edge of their rounding ("1" and "2") conflict.
  const agree = (a: Fact, b: Fact): boolean => {
    if (a.figure.kind === 'date' || a.figure.kind === 'tally') { return a.valueKey === b.valueKey; }
    const [al, ah] = (a.figure.qualifier ?? null) === (b.figure.qualifier ?? null) ? a.nominal : [a.low, a.high];
    const [bl, bh] = (a.figure.qualifier ?? null) === (b.figure.qualifier ?? null) ? b.nominal : [b.low, b.high];
    return al < bh && bl < ah;
  };
  // A restatement (nearly the same sentence) or the same clause about the same named things. A count of
  // nothing named ("Sanders has 10") is compared only in a restatement.
  const comparable = (a: Fact, b: Fact): boolean =>
    a.sentence.start !== b.sentence.start &&
    ((restated(a.sentence, b.sentence) && sameFrame(a.sentence, b.sentence, true)) ||
      (!!a.figure.unit && shared(a.clause, b.clause) >= 2 && contained(a.clause, b.clause) && sameFrame(a.sentence, b.sentence, false)));
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) { continue; }
    const reported = new Set<string>();
    for (let i = 1; i < bucket.length; i++) {
      const later = bucket[i];
      const peers = bucket.filter((o, j) => j !== i && comparable(later, o));
      const against = peers.filter(o => o.figure.start < later.figure.start && !agree(o, later));
      if (!against.length) { continue; }
      const sa = speakerAt(attributions, later.figure.start);
      const support = (f: Fact): number => 1 + peers.filter(o => o !== f && agree(o, f)).length;
      // Two speakers giving two numbers is reporting a dispute, unless one sentence merely restates the other.
      const candidates = against.filter(o => { const so = speakerAt(attributions, o.figure.start); return !sa || !so || so === sa || restated(o.sentence, later.sentence); });
      if (!candidates.length) { continue; }
      candidates.sort((x, y) => support(y) - support(x) || y.figure.start - x.figure.start);
      const earlier = candidates[0];
      const pair = `${earlier.valueKey}~${later.valueKey}`;
      if (reported.has(pair)) { continue; }
      reported.add(pair);
      const mine = support(later), theirs = support(earlier);
      const odd = theirs >= 2 && mine === 1;
      const what = later.figure.unit && later.figure.kind === 'count' ? ` ${later.figure.unit}` : '';
      const message = odd
        ? `\`${later.figure.text}\`${what} here, but the article gives \`${earlier.figure.text}\` ${theirs} times for the same quantity`
        : `\`${later.figure.text}\`${what} here, but \`${earlier.figure.text}\` earlier for what looks like the same quantity`;
      report(file, later.figure.start, later.figure.end, message, 'conflict/figure', {
        expected: odd ? [earlier.figure.text] : [],
        related: [{ start: earlier.figure.start, end: earlier.figure.end, message: `The other figure: \`${earlier.figure.text}\`` }],
      });
    }
  }
}

const CHANGE_DOWN = /\b(?:fall|falls|fell|cut|cuts|shrink|shrinks|shrank|drop|drops|dropped|decline|declines|declined|reduce|reduced|reduction|decrease|decreased|lower|lowered)\b/i;
const CHANGE_UP = /\b(?:rise|rises|rose|grow|grows|grew|increase|increases|increased|jump|jumps|jumped|climb|climbs|climbed|raise|raised|higher)\b/i;

/** A stated percentage change ("fall by 20 percent") against the article's own "from X to Y". */
function arithmetic(file: VFile, facts: Fact[], prose: string): void {
  const changes: Array<{ fact: Fact; down: boolean; words: string[] }> = [];
  const pairs: Array<{ from: Fact; to: Fact; down: boolean; words: string[] }> = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    const clause = clauseOf(f.sentence, f.figure.start, f.figure.end);
    if (f.figure.kind === 'percent' && f.figure.unit === 'percent' && f.key.endsWith('|change')) {
      const down = CHANGE_DOWN.test(clause), up = CHANGE_UP.test(clause);
      if (down !== up) { changes.push({ fact: f, down, words: f.clause }); }
    }
    const next = facts[i + 1];
    if (f.key.endsWith('|from') && next && next.key.endsWith('|to') && next.sentence.start === f.sentence.start && next.figure.unit === f.figure.unit && f.figure.value && next.figure.value !== null) {
      pairs.push({ from: f, to: next, down: next.figure.value < f.figure.value, words: contentWords(prose.slice(f.sentence.start, f.figure.start)) });
    }
  }
  for (const p of pairs) {
    const actual = (Math.abs(p.to.figure.value! - p.from.figure.value!) / p.from.figure.value!) * 100;
    if (p.from.low <= 0) { continue; }
    // The change the two levels allow, each anywhere within its own rounding.
    const bounds = [p.from.low, p.from.high].flatMap(a => [p.to.low, p.to.high].map(b => Math.abs(b - a) / a * 100));
    const least = Math.min(...bounds), most = Math.max(...bounds);
    for (const c of changes) {
      if (c.down !== p.down || c.fact.sentence.start === p.from.sentence.start || !shared(c.words, p.words)) { continue; }
      // The stated change must match the computed one within its own rounding and the rounding of the two levels.
      if (c.fact.low <= most && least <= c.fact.high) { continue; }
      const [first, second] = c.fact.figure.start < p.from.figure.start ? [c.fact.figure, p.to.figure] : [p.from.figure, c.fact.figure];
      const laterSpan = second === c.fact.figure ? second : { start: p.from.figure.start, end: p.to.figure.end };
      const text = `from ${p.from.figure.text} to ${p.to.figure.text}`;
      const message = second === c.fact.figure
        ? `\`${c.fact.figure.text}\` here, but the article's own figures (${text}) make a ${actual.toFixed(1)}% ${p.down ? 'cut' : 'rise'}`
        : `${text} is a ${actual.toFixed(1)}% ${p.down ? 'cut' : 'rise'}, not the \`${c.fact.figure.text}\` given earlier`;
      report(file, laterSpan.start, laterSpan.end, message, 'conflict/arithmetic', {
        related: [{ start: first.start, end: first.end, message: `The other figure: \`${first.text}\`` }],
      });
    }
  }
}

function statementConflicts(file: VFile, claims: Claim[], attributions: Attribution[]): void {
  const byKind = new Map<string, Claim[]>();
  for (const c of claims) { byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]); }
  // "her spokesperson" speaks for the holder of the stance, whoever the attributions plugin names.
  const voiceOf = (c: Claim): string | null => (PROXY.test(c.sentence.text) ? 'proxy' : speakerAt(attributions, c.span.start));
  for (const list of byKind.values()) {
    const done = new Set<Claim>();
    for (let i = 1; i < list.length; i++) {
      const later = list[i];
      if (done.has(later)) { continue; }
      for (let j = i - 1; j >= 0; j--) {
        const earlier = list[j];
        if (earlier.polarity === later.polarity || !contained(earlier.object, later.object)) { continue; }
        const sameSentence = earlier.sentence.start === later.sentence.start;
        const ve = voiceOf(earlier), vl = voiceOf(later);
        const sameHolder = !!earlier.holder && earlier.holder === later.holder;
        // Reporting both sides of a dispute is not a contradiction: the two voices must be one (or a proxy of the one).
        const sameVoice = (ve && vl && ve === vl) || (sameHolder && [ve, vl].every(v => v === null || v === 'proxy' || v.split(/\s+/).includes(earlier.holder!)));
        if (!sameSentence && !sameVoice) { continue; }
        report(file, later.span.start, later.span.end,
          `This contradicts an earlier statement: “${earlier.span.text.trim()}”`, 'conflict/statement',
          { related: [{ start: earlier.span.start, end: earlier.span.end, message: `The other statement: “${earlier.span.text.trim()}”` }] });
        done.add(later);
        break;
      }
    }
  }
}

// Offices one person cannot hold at once; "minister" qualified by different portfolios are different offices.
const OFFICE = /\b(minister|secretary|mayor|governor|senator|congressman|congresswoman|representative|president|prime minister|premier|chancellor|attorney general|commissioner|speaker|sheriff|judge|justice)\b/i;
const PAST = /\b(?:former|ex-|then|outgoing|incoming|acting|interim|deputy|vice|candidate|nominee|hopeful|-elect|would-be|future|late)\b/i;

function officeOf(title: string): string | null {
  if (PAST.test(title)) { return null; }
  const m = OFFICE.exec(title);
  if (!m) { return null; }
  // The office is the title from its first capitalised word: "Health Minister", not "the".
  return title.replace(/^(?:the|a|an)\s+/i, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function titleConflicts(file: VFile, people: Person[], source: string): void {
  for (const p of people) {
    const parts = p.name.split(/\s+/);
    if (parts.length < 2) { continue; }
    // Only titles written with the full name count ("Health Minister Ingrid Saarinen"): a bare "the president"
    // may be someone else, and "former" titles are not held now.
    const held: Array<{ office: string; at: Span }> = [];
    for (const m of p.mentions) {
      if (!m.text.includes(p.name)) { continue; }
      // The people plugin may or may not include the title in the mention: read it from the text before the name.
      const nameAt = m.start + m.text.indexOf(p.name);
      const before = source.slice(Math.max(0, nameAt - 60), nameAt);
      const title = p.titles.filter(t => new RegExp(`(?:^|[^\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+$`, 'iu').test(before)).sort((x, y) => y.length - x.length)[0];
      const office = title ? officeOf(title) : null;
      if (!office || PAST.test(before.slice(-title!.length - 16))) { continue; }
      const at = { start: nameAt - title!.length - (/\s+$/.exec(before)?.[0].length ?? 0), end: nameAt + p.name.length, text: '' };
      at.text = source.slice(at.start, at.end);
      if (!held.some(h => h.office === office)) { held.push({ office, at }); }
    }
    for (let i = 1; i < held.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = held[j].office, b = held[i].office;
        // "Minister" and "Health Minister" are one office named twice.
        if (a.includes(b) || b.includes(a)) { continue; }
        const [first, second] = held[j].at.start < held[i].at.start ? [held[j].at, held[i].at] : [held[i].at, held[j].at];
        report(file, second.start, second.end, `${p.name} is called “${second === held[i].at ? b : a}” here but “${second === held[i].at ? a : b}” earlier`, 'conflict/title',
          { related: [{ start: first.start, end: first.end, message: `The other title: ${first.text}` }] });
      }
    }
  }
}

function speakerConflicts(file: VFile, attributions: Attribution[]): void {
  const seen = new Map<string, Attribution>();
  for (const a of attributions) {
    if (!a.direct || !a.speaker) { continue; }
    const words = a.content.text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/);
    if (words.length < 5) { continue; }
    const key = words.join(' ');
    const other = seen.get(key);
    if (!other) { seen.set(key, a); continue; }
    if (other.speaker === a.speaker || other.content.start === a.content.start) { continue; }
    report(file, a.content.start, a.content.end, `This quotation is credited to ${a.speaker} here and to ${other.speaker} earlier`, 'conflict/speaker',
      { related: [{ start: other.content.start, end: other.content.end, message: `Credited to ${other.speaker}` }] });
  }
}

export default function conflicts() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const source = String(file.value);
    const prose = data.prose.text;
    const facts: Fact[] = [];
    const claims: Claim[] = [];
    let fi = 0;
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode' || !paragraph.position) { continue; }
      const from = paragraph.position.start.offset!, to = paragraph.position.end.offset!;
      while (fi < data.figures.length && data.figures[fi].start < from) { fi++; }
      const figs: Figure[] = [];
      for (let k = fi; k < data.figures.length && data.figures[k].start < to; k++) { figs.push(data.figures[k]); }
      const pf = memoParagraph('conflicts', paragraph, p => factsOf(p, source, prose, figs));
      facts.push(...pf.facts);
      claims.push(...pf.claims);
    }
    figureConflicts(file, facts, data.attributions);
    arithmetic(file, facts, prose);
    statementConflicts(file, claims, data.attributions);
    titleConflicts(file, data.people, source);
    speakerConflicts(file, data.attributions);
  };
}

