// conflict/ rules: an article that contradicts itself. Figures are indexed by what they count (kind, unit,
// role), and within one quantity by the rare words of their sentences and clauses, so only figures that could
// be about the same thing are ever compared; everything per sentence is memoised per paragraph, so an edit
// redoes one paragraph and the cheap document-wide comparisons. Every message sits on the later of the two
// places and links the earlier one through `related`.
// Precision first: when the two sentences might be about different things (other people, other years, other
// places, a change rather than a level, a part rather than a total), they stay quiet.
import type { Paragraph, Root } from 'nlcst';
import type { VFile } from 'vfile';
import { dataOf, report } from '../context.js';
import { memoDocument, memoRelative } from '../memo.js';
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

/** What two sentences are compared by; no offsets, so that one copy serves the paragraph wherever it stands. */
interface Sentence {
  words: string[]; names: string[]; times: string[]; wordSet: Set<string>; nameSet: Set<string>; timeSet: Set<string>;
  /** The content words and the numbers of its "among …" phrases: the subgroup a poll figure is about. */
  groups: Set<string>;
  groupNumbers: Set<string>;
}

/** A sentence as the parser cut it, where it stands in the document when its paragraph was read. */
interface SentenceSpan extends Span { features?: Sentence }

/** A figure as the conflicts check compares it: what it counts, in which clause, and how it is hedged. */
interface FactDraft {
  /** The figure, at offsets relative to its paragraph, and its index among the paragraph's figures. */
  figure: Figure;
  index: number;
  sentence: Sentence;
  /** Start of the sentence, relative to the paragraph. */
  sentenceStart: number;
  /** kind|unit|role: only facts with the same key are compared. */
  key: string;
  /** Content words of the figure's clause, counted noun excluded. */
  clause: string[];
  clauseSet: Set<string>;
  low: number;
  high: number;
  /** The written value within its rounding, hedge ignored: two figures hedged alike compare by these. */
  nominal: [number, number];
  /** What two equal figures share: the rounded value, or the date. */
  valueKey: string;
  /** A stated percentage change: true when its clause says it goes down, false up, null when not a change. */
  down: boolean | null;
  /** "from X to Y": the index (in the paragraph's facts) of Y, and the words of the sentence before X. */
  pair: { to: number; down: boolean; words: Set<string> } | null;
}

/** A fact placed in the document being checked. */
interface Fact extends Omit<FactDraft, 'figure' | 'sentenceStart'> { figure: Figure; sentenceAt: number }

interface ClaimDraft { sentenceStart: number; proxy: boolean; kind: 'requires' | 'supports'; polarity: 1 | -1; object: string[]; holder: string | null; span: Span }
interface Claim extends Omit<ClaimDraft, 'sentenceStart' | 'span'> { sentenceAt: number; span: Span }

/**
 * One paragraph's facts and claims, offsets relative to the paragraph's start. The memo shares it between
 * analyses as it is; nothing ever changes it.
 */
class ParagraphFacts {
  private summary: string | undefined;
  constructor(readonly facts: FactDraft[], readonly claims: ClaimDraft[]) {}

  /**
   * Everything the comparisons read, in order but without offsets (offsets are only compared, so their ranks
   * in the paragraph stand for them): two paragraphs with the same signature compare alike wherever they stand,
   * and an edit that changes no figure or stance (a word typed elsewhere in the paragraph) keeps it.
   */
  get sig(): string {
    if (this.summary === undefined) {
      const at = new Set<number>();
      for (const f of this.facts) { at.add(f.figure.start); at.add(f.sentenceStart); }
      for (const c of this.claims) { at.add(c.sentenceStart); at.add(c.span.start); }
      const rank = new Map([...at].sort((a, b) => a - b).map((v, i) => [v, i]));
      this.summary = JSON.stringify({
        facts: this.facts.map(f => ({ ...f, figure: { ...f.figure, start: rank.get(f.figure.start), end: f.figure.end - f.figure.start }, sentenceStart: rank.get(f.sentenceStart) })),
        claims: this.claims.map(c => ({ ...c, sentenceStart: rank.get(c.sentenceStart), span: { start: rank.get(c.span.start), end: c.span.end - c.span.start, text: c.span.text } })),
      }, (_k, v: unknown) => (v instanceof Set ? [...v as Set<string>] : v));
    }
    return this.summary;
  }
}

// A crude stem is enough to see "employs" and "employed" as one verb; both sides get the same treatment.
const stem = (w: string): string => { const s = singular(w.replace(/['’]s$/, '')); return s.length > 5 ? s.replace(/(?:ed|ing)$/, '') : s; };
const contentWords = (s: string): string[] =>
  [...s.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)].map(m => m[0]).filter(w => w.length > 1 && !STOP.has(w)).map(stem);

function sentencesOf(paragraph: Paragraph, source: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of paragraph.children) {
    if (s.type !== 'SentenceNode' || !s.position) { continue; }
    const start = s.position.start.offset!, end = s.position.end.offset!;
    out.push({ start, end, text: source.slice(start, end) });
  }
  return out;
}

// "among blacks 30 to 44", "among likely voters": up to six words or numbers, to a mark or a clause's verb.
const AMONG = /\bamong\s+((?:(?!(?:and|or|but|was|were|is|are|who|that)\b)[\p{L}\p{N}'’-]+[ \t]*){1,6})/giu;

// Most sentences hold no figure: their words are read only when one of their figures is compared.
function featuresOf(s: SentenceSpan): Sentence {
  if (s.features) { return s.features; }
  const names = [...s.text.matchAll(/(?<=[\s(“"‘'])(\p{Lu}[\p{L}'’-]+)/gu)].map(m => m[1].replace(/['’]s$/, '')).filter(n => !NAME_STOP.has(n));
  const times = [...s.text.matchAll(TIME_WORDS)].map(m => m[0].toLowerCase().replace(/\s+/g, ' '));
  const words = contentWords(s.text);
  const phrases = [...s.text.matchAll(AMONG)].map(m => m[1]);
  const groups = new Set(phrases.flatMap(contentWords));
  const groupNumbers = new Set(phrases.flatMap(p => p.match(/\d+/g) ?? []));
  s.features = { words, names, times, wordSet: new Set(words), nameSet: new Set(names), timeSet: new Set(times), groups, groupNumbers };
  return s.features;
}

const BOUNDARY = /[,;:—–()"“”‘’]|\s(?:that|and|but|while|whereas|which|who|although|though|because|when|where|as)\s/gi;

/** The clause around [start, end) within its sentence. */
function clauseOf(s: SentenceSpan, start: number, end: number): string {
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
function roleOf(f: Figure, s: SentenceSpan, prose: string): string {
  const before = prose.slice(Math.max(s.start, f.start - 40), f.start).toLowerCase().replace(new RegExp(`${f.qualifier ?? '^$'}\\s*$`), '');
  const after = prose.slice(f.end, Math.min(s.end, f.end + 40)).toLowerCase();
  if (/\bfrom\s+$/.test(before) || /\bbetween\s+$/.test(before)) { return 'from'; }
  if (/\b(?:to|and|-|–)\s+$/.test(before) && /\b(?:from|between)\b/.test(prose.slice(Math.max(s.start, f.start - 80), f.start).toLowerCase())) { return 'to'; }
  // A margin of error is never the quantity a poll measures.
  if (/(?:plus or minus|±|\+\/-|margin of (?:sampling )?error(?:\s+(?:of|is|was|at))?)\s*$/.test(before)) { return 'other'; }
  // The two ends of a range ("90 to 95 percent"): each compares only with the same end of another range.
  if (/^\s*(?:to|through|or|-|–)\s*(?:[$€£]\s?)?\d/.test(after)) { return 'low'; }
  if (/\d[\d,.]*\s*(?:%|percent)?\s*(?:to|through|or|-|–)\s*(?:[$€£]\s?)?$/.test(before)) { return 'high'; }
  if (/\bby\s+$/.test(before) || /^\s+(?:increase|decrease|rise|drop|fall|jump|cut|reduction|gain|loss|decline|more|less|fewer|higher|lower)\b/.test(after)) { return 'change'; }
  if (/^\s+of\s+(?:the\s+|its\s+|their\s+)?[\d,.]+\s/.test(after)) { return 'part'; }
  if (/\bof\s+(?:the\s+|its\s+|their\s+)?$/.test(before)) { return 'whole'; }
  if (/\bper\s+$/.test(before) || /^-?\s*(?:an?|per)[\s-](?:hour|day|week|month|year|person|head|share|barrel|gallon)\b/.test(after)) { return 'other'; }
  return 'level';
}

const CHANGE_DOWN = /\b(?:fall|falls|fell|cut|cuts|shrink|shrinks|shrank|drop|drops|dropped|decline|declines|declined|reduce|reduced|reduction|decrease|decreased|lower|lowered)\b/i;
const CHANGE_UP = /\b(?:rise|rises|rose|grow|grows|grew|increase|increases|increased|jump|jumps|jumped|climb|climbs|climbed|raise|raised|higher)\b/i;
const COMPARED = new Set(['count', 'money', 'percent', 'date', 'duration', 'quantity', 'tally', 'fraction']);

/** The paragraph's facts and claims; `from` is where the paragraph starts, `figures` its figures. */
function factsOf(paragraph: Paragraph, source: string, prose: string, figures: Figure[], from: number): ParagraphFacts {
  const sentences = sentencesOf(paragraph, source);
  const facts: FactDraft[] = [];
  const spans: SentenceSpan[] = [];
  for (const s of sentences) {
    for (let index = 0; index < figures.length; index++) {
      const f = figures[index];
      if (f.start < s.start || f.end > s.end) { continue; }
      if (!COMPARED.has(f.kind)) { continue; }
      if (f.kind !== 'date' && f.kind !== 'tally' && f.value === null) { continue; }
      const unit = f.kind === 'count' || f.kind === 'duration' || f.kind === 'quantity' ? singular(f.unit ?? '') : f.unit ?? '';
      const role = roleOf(f, s, prose);
      if (role === 'other') { continue; }
      const clauseText = clauseOf(s, f.start, f.end);
      const clause = contentWords(clauseText).filter(w => w !== unit);
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
      const key = `${f.kind}|${unit}|${role}`;
      let down: boolean | null = null;
      if (f.kind === 'percent' && f.unit === 'percent' && role === 'change') {
        const isDown = CHANGE_DOWN.test(clauseText), isUp = CHANGE_UP.test(clauseText);
        if (isDown !== isUp) { down = isDown; }
      }
      facts.push({
        figure: { ...f, start: f.start - from, end: f.end - from }, index, sentence: featuresOf(s), sentenceStart: s.start - from,
        key, clause, clauseSet: new Set(clause), low, high, nominal, valueKey, down, pair: null,
      });
      spans.push(s);
    }
  }
  // "from X to Y" within one sentence: the arithmetic check compares the change they make with a stated one.
  for (let i = 0; i + 1 < facts.length; i++) {
    const f = facts[i], next = facts[i + 1];
    if (f.key.endsWith('|from') && next.key.endsWith('|to') && next.sentenceStart === f.sentenceStart && next.figure.unit === f.figure.unit && f.figure.value && next.figure.value !== null) {
      const words = contentWords(prose.slice(spans[i].start, f.figure.start + from));
      facts[i].pair = { to: i + 1, down: next.figure.value < f.figure.value, words: new Set(words) };
    }
  }
  return new ParagraphFacts(facts, claimsOf(sentences, from));
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

function claimsOf(sentences: SentenceSpan[], from: number): ClaimDraft[] {
  const out: ClaimDraft[] = [];
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
        out.push({
          sentenceStart: s.start - from, proxy: PROXY.test(s.text), kind, polarity, object, holder,
          span: { start: at - from, end: at + m[0].length - cue - from, text: m[0].slice(cue) },
        });
      }
    }
  }
  return out;
}

// ---- the check -----------------------------------------------------------------------------------------

/** How many distinct words the two sets share. */
const sharedCount = (a: Set<string>, b: Set<string>): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const w of small) { if (large.has(w)) { n++; } }
  return n;
};
/** One list within the other: the shorter list's words all in the longer one (the first when equally long). */
const contained = (a: string[], as: Set<string>, b: string[], bs: Set<string>): boolean =>
  (a.length <= b.length ? a.every(w => bs.has(w)) : b.every(w => as.has(w)));

/** The speaker credited with the words at an offset, when the attributions plugin found one: the first such attribution. */
function speakerLookup(attributions: Attribution[]): (at: number) => string | null {
  // Sorted by start with a running maximum of ends, so that a lookup reads only the attributions around it.
  let spans: Array<{ start: number; end: number; order: number; speaker: string }> | null = null;
  let reach: number[] = [];
  const seen = new Map<number, string | null>();
  return (at: number): string | null => {
    const known = seen.get(at);
    if (known !== undefined) { return known; }
    if (!spans) {
      spans = [];
      attributions.forEach((a, order) => { if (a.speaker) { spans!.push({ start: a.content.start, end: a.content.end, order, speaker: a.speaker }); } });
      spans.sort((x, y) => x.start - y.start || x.order - y.order);
      let most = -Infinity;
      reach = spans.map(s => (most = Math.max(most, s.end)));
    }
    let lo = 0, hi = spans.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].start <= at) { lo = m + 1; } else { hi = m; } }
    let best: { order: number; speaker: string } | null = null;
    for (let j = lo - 1; j >= 0 && reach[j] > at; j--) {
      if (spans[j].end > at && (!best || spans[j].order < best.order)) { best = spans[j]; }
    }
    const speaker = best?.speaker ?? null;
    seen.set(at, speaker);
    return speaker;
  };
}

/** Could the two sentences be about the same thing? Same names (one set within the other) and the same times. */
function sameFrame(a: Sentence, b: Sentence, exact: boolean): boolean {
  if (a.times.length && b.times.length && !contained(a.times, a.timeSet, b.times, b.timeSet)) { return false; }
  return contained(a.names, a.nameSet, b.names, b.nameSet) && (!exact || a.nameSet.size === b.nameSet.size);
}

/** Nearly the same sentence: at least 90% of the content words of each are in the other. */
function restated(a: Sentence, b: Sentence): boolean {
  const small = Math.min(a.wordSet.size, b.wordSet.size), large = Math.max(a.wordSet.size, b.wordSet.size);
  // The shared words are at most the smaller set: too small or too uneven a pair cannot qualify.
  if (small < 4 || small < 0.9 * large) { return false; }
  const n = sharedCount(a.wordSet, b.wordSet);
  return n >= 4 && n >= 0.9 * a.wordSet.size && n >= 0.9 * b.wordSet.size;
}

/**
 * Figures about two different subgroups ("among men", "among women"; ages 18 to 29, 30 to 44) are two quantities.
 * The numbers of the figures being compared do not count: a figure that is itself in the phrase is what differs.
 */
function otherGroups(a: Fact, b: Fact): boolean {
  const sa = a.sentence, sb = b.sentence;
  if (sa.groups.size === 0 && sa.groupNumbers.size === 0 || sb.groups.size === 0 && sb.groupNumbers.size === 0) { return false; }
  const own = (f: Fact): string[] => f.figure.text.match(/\d+/g) ?? [];
  const na = without(sa.groupNumbers, own(a)), nb = without(sb.groupNumbers, own(b));
  if (na.size && nb.size && !sameSet(na, nb)) { return true; }
  for (const g of sa.groups) { if (sb.groups.has(g)) { return false; } }
  return sa.groups.size > 0 && sb.groups.size > 0;
}

const without = (set: Set<string>, drop: string[]): Set<string> => drop.some(d => set.has(d)) ? new Set([...set].filter(x => !drop.includes(x))) : set;
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every(x => b.has(x));

/** A restatement (nearly the same sentence) or the same clause about the same named things. */
function comparable(a: Fact, b: Fact): boolean {
  return a.sentenceAt !== b.sentenceAt && !otherGroups(a, b) &&
    ((restated(a.sentence, b.sentence) && sameFrame(a.sentence, b.sentence, true)) ||
      (!!a.figure.unit && sharedCount(a.clauseSet, b.clauseSet) >= 2 && contained(a.clause, a.clauseSet, b.clause, b.clauseSet) && sameFrame(a.sentence, b.sentence, false)));
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => { const list = map.get(key); if (list) { list.push(value); } else { map.set(key, [value]); } };

/**
 * For each fact of one quantity, the others that `comparable` might accept, without trying every pair. A
 * restatement shares at least 90% of each sentence's words, so it shares one of the rarest tenth (plus one)
 * of each; one clause within another contains the rarest word of the smaller. Rarity is counted in the bucket.
 */
function candidatesOf(bucket: Fact[]): (i: number) => number[] {
  const every = bucket.map((_f, j) => j);
  // Small buckets: trying every pair is cheaper than indexing.
  if (bucket.length <= 12) { return () => every; }
  const wordFreq = new Map<string, number>(), clauseFreq = new Map<string, number>();
  for (const f of bucket) {
    for (const w of f.sentence.wordSet) { wordFreq.set(w, (wordFreq.get(w) ?? 0) + 1); }
    for (const w of f.clauseSet) { clauseFreq.set(w, (clauseFreq.get(w) ?? 0) + 1); }
  }
  // Any n words of a set would do; the rarest keep the lists short. n is small: a selection beats a sort.
  const rarest = (words: Set<string>, freq: Map<string, number>, n: number): string[] => {
    const picked: string[] = [], counts: number[] = [];
    for (const w of words) {
      const c = freq.get(w)!;
      if (picked.length === n && c >= counts[n - 1]) { continue; }
      let at = Math.min(picked.length, n - 1);
      while (at > 0 && counts[at - 1] > c) { picked[at] = picked[at - 1]; counts[at] = counts[at - 1]; at--; }
      picked[at] = w; counts[at] = c;
    }
    return picked;
  };
  const byRareWord = new Map<string, number[]>(), byRareClauseWord = new Map<string, number[]>(), byClauseWord = new Map<string, number[]>();
  const clauseKey: Array<string | null> = [];
  bucket.forEach((f, j) => {
    const k = f.sentence.wordSet.size;
    if (k >= 4) { for (const w of rarest(f.sentence.wordSet, wordFreq, Math.floor(k / 10) + 2)) { push(byRareWord, w, j); } }
    clauseKey[j] = null;
    if (f.clauseSet.size >= 2) {
      const key = rarest(f.clauseSet, clauseFreq, 1)[0];
      clauseKey[j] = key;
      push(byRareClauseWord, key, j);
      for (const w of f.clauseSet) { push(byClauseWord, w, j); }
    }
  });
  return (i: number): number[] => {
    const f = bucket[i];
    const found = new Set<number>();
    const add = (list: number[] | undefined): void => { if (list) { for (const j of list) { found.add(j); } } };
    if (f.sentence.wordSet.size >= 4) { for (const w of f.sentence.wordSet) { add(byRareWord.get(w)); } }
    if (f.figure.unit && clauseKey[i] !== null) {
      for (const w of f.clauseSet) { add(byRareClauseWord.get(w)); }
      add(byClauseWord.get(clauseKey[i]!));
    }
    return [...found].sort((x, y) => x - y);
  };
}

/**
 * A later figure that disagrees with earlier ones about what looks like the same quantity: whether it is reported
 * depends on who says each figure, which is asked at the end (`emitFigures`). Facts are indices into the document's.
 */
interface FigureCase {
  /** Which bucket (quantity) it belongs to: each bucket reports one pair of values once. */
  bucket: number;
  later: number;
  laterSupport: number;
  /** The earlier figures it disagrees with, their support, and whether their sentence restates the later one. */
  against: number[];
  support: number[];
  restated: boolean[];
}

function figureCases(facts: Fact[]): FigureCase[] {
  const out: FigureCase[] = [];
  const buckets = new Map<string, number[]>();
  facts.forEach((f, n) => push(buckets, f.key, n));
  // "more than 150 calls" and "more than 195 calls" are two different bounds for one thing; "more than 150" and
  // "180" are not in conflict. Values that only touch at the edge of their rounding ("1" and "2") conflict.
  const agree = (a: Fact, b: Fact): boolean => {
    if (a.figure.kind === 'date' || a.figure.kind === 'tally') { return a.valueKey === b.valueKey; }
    const [al, ah] = (a.figure.qualifier ?? null) === (b.figure.qualifier ?? null) ? a.nominal : [a.low, a.high];
    const [bl, bh] = (a.figure.qualifier ?? null) === (b.figure.qualifier ?? null) ? b.nominal : [b.low, b.high];
    return al < bh && bl < ah;
  };
  let bucketNo = 0;
  for (const members of buckets.values()) {
    bucketNo++;
    if (members.length < 2) { continue; }
    const bucket = members.map(n => facts[n]);
    const candidates = candidatesOf(bucket);
    for (let i = 1; i < bucket.length; i++) {
      const later = bucket[i];
      // A count of nothing named ("Sanders has 10") is compared only in a restatement.
      const peers: Fact[] = [];
      for (const j of candidates(i)) { if (j !== i && comparable(later, bucket[j])) { peers.push(bucket[j]); } }
      const against = peers.filter(o => o.figure.start < later.figure.start && !agree(o, later));
      if (!against.length) { continue; }
      const support = (f: Fact): number => 1 + peers.filter(o => o !== f && agree(o, f)).length;
      out.push({
        bucket: bucketNo, later: members[i], laterSupport: support(later),
        against: against.map(o => members[bucket.indexOf(o)]), support: against.map(support), restated: against.map(o => restated(o.sentence, later.sentence)),
      });
    }
  }
  return out;
}

/** A fact as it stands in this analysis: its figure at today's offsets, and what messages say of it. */
interface Placed { figure: Figure; valueKey: string }

function emitFigures(file: VFile, cases: FigureCase[], fact: (n: number) => Placed, speakerAt: (at: number) => string | null): void {
  let bucket = -1;
  let reported = new Set<string>();
  for (const c of cases) {
    if (c.bucket !== bucket) { bucket = c.bucket; reported = new Set(); }
    const later = fact(c.later);
    const sa = speakerAt(later.figure.start);
    // Two speakers giving two numbers is reporting a dispute, unless one sentence merely restates the other.
    const disputed: number[] = [];
    c.against.forEach((o, k) => { const so = speakerAt(fact(o).figure.start); if (!sa || !so || so === sa || c.restated[k]) { disputed.push(k); } });
    if (!disputed.length) { continue; }
    disputed.sort((x, y) => c.support[y] - c.support[x] || fact(c.against[y]).figure.start - fact(c.against[x]).figure.start);
    const earlier = fact(c.against[disputed[0]]);
    const pair = `${earlier.valueKey}~${later.valueKey}`;
    if (reported.has(pair)) { continue; }
    reported.add(pair);
    const mine = c.laterSupport, theirs = c.support[disputed[0]];
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

interface Change { fact: Fact; down: boolean; words: Set<string>; n: number }
interface Levels { from: Fact; to: Fact; down: boolean; words: Set<string>; fromN: number; toN: number }

/** A stated change that the article's own levels contradict; facts as indices, `changeFirst`: the change comes first. */
interface ArithmeticCase { change: number; from: number; to: number; changeFirst: boolean; actual: number; down: boolean }

/** A stated percentage change ("fall by 20 percent") against the article's own "from X to Y". */
function arithmeticCases(changes: Change[], pairs: Levels[]): ArithmeticCase[] {
  const out: ArithmeticCase[] = [];
  for (const p of pairs) {
    const actual = (Math.abs(p.to.figure.value! - p.from.figure.value!) / p.from.figure.value!) * 100;
    if (p.from.low <= 0) { continue; }
    // The change the two levels allow, each anywhere within its own rounding.
    const bounds = [p.from.low, p.from.high].flatMap(a => [p.to.low, p.to.high].map(b => Math.abs(b - a) / a * 100));
    const least = Math.min(...bounds), most = Math.max(...bounds);
    for (const c of changes) {
      if (c.down !== p.down || c.fact.sentenceAt === p.from.sentenceAt || !sharedCount(c.words, p.words)) { continue; }
      // The stated change must match the computed one within its own rounding and the rounding of the two levels.
      if (c.fact.low <= most && least <= c.fact.high) { continue; }
      out.push({ change: c.n, from: p.fromN, to: p.toN, changeFirst: c.fact.figure.start < p.from.figure.start, actual, down: p.down });
    }
  }
  return out;
}

function emitArithmetic(file: VFile, cases: ArithmeticCase[], fact: (n: number) => Placed): void {
  for (const a of cases) {
    const change = fact(a.change).figure, from = fact(a.from).figure, to = fact(a.to).figure;
    const [first, second] = a.changeFirst ? [change, to] : [from, change];
    const laterSpan = second === change ? second : { start: from.start, end: to.end };
    const text = `from ${from.text} to ${to.text}`;
    const message = second === change
      ? `\`${change.text}\` here, but the article's own figures (${text}) make a ${a.actual.toFixed(1)}% ${a.down ? 'cut' : 'rise'}`
      : `${text} is a ${a.actual.toFixed(1)}% ${a.down ? 'cut' : 'rise'}, not the \`${change.text}\` given earlier`;
    report(file, laterSpan.start, laterSpan.end, message, 'conflict/arithmetic', {
      related: [{ start: first.start, end: first.end, message: `The other figure: \`${first.text}\`` }],
    });
  }
}

/** A stance and the earlier opposite stances on the same thing, latest first (claims as indices): the voices decide. */
interface StatementCase { later: number; earlier: Array<{ claim: number; sameSentence: boolean }> }

function statementCases(claims: Claim[]): StatementCase[] {
  const out: StatementCase[] = [];
  const byKind = new Map<string, number[]>();
  claims.forEach((c, n) => push(byKind, c.kind, n));
  const objectSet = claims.map(c => new Set(c.object));
  for (const list of byKind.values()) {
    for (let i = 1; i < list.length; i++) {
      const later = claims[list[i]];
      const earlier: StatementCase['earlier'] = [];
      for (let j = i - 1; j >= 0; j--) {
        const e = claims[list[j]];
        if (e.polarity === later.polarity || !contained(e.object, objectSet[list[j]], later.object, objectSet[list[i]])) { continue; }
        earlier.push({ claim: list[j], sameSentence: e.sentenceAt === later.sentenceAt });
      }
      if (earlier.length) { out.push({ later: list[i], earlier }); }
    }
  }
  return out;
}

function emitStatements(file: VFile, cases: StatementCase[], claim: (n: number) => Claim, speakerAt: (at: number) => string | null): void {
  // "her spokesperson" speaks for the holder of the stance, whoever the attributions plugin names.
  const voiceOf = (c: Claim): string | null => (c.proxy ? 'proxy' : speakerAt(c.span.start));
  for (const s of cases) {
    const later = claim(s.later);
    for (const e of s.earlier) {
      const earlier = claim(e.claim);
      const ve = voiceOf(earlier), vl = voiceOf(later);
      const sameHolder = !!earlier.holder && earlier.holder === later.holder;
      // Reporting both sides of a dispute is not a contradiction: the two voices must be one (or a proxy of the one).
      const sameVoice = (ve && vl && ve === vl) || (sameHolder && [ve, vl].every(v => v === null || v === 'proxy' || v.split(/\s+/).includes(earlier.holder!)));
      if (!e.sameSentence && !sameVoice) { continue; }
      report(file, later.span.start, later.span.end,
        `This contradicts an earlier statement: “${earlier.span.text.trim()}”`, 'conflict/statement',
        { related: [{ start: earlier.span.start, end: earlier.span.end, message: `The other statement: “${earlier.span.text.trim()}”` }] });
      break;
    }
  }
}

// Offices one person cannot hold at once; "minister" qualified by different portfolios are different offices.
const OFFICE = /\b(minister|secretary|mayor|governor|senator|congressman|congresswoman|representative|president|prime minister|premier|chancellor|attorney general|commissioner|speaker|sheriff|judge|justice)\b/i;
const PAST = /\b(?:former|ex-|then|outgoing|incoming|acting|interim|deputy|vice|candidate|nominee|hopeful|-elect|would-be|future|late)\b/i;

const offices = new Map<string, string | null>();
function officeOf(title: string): string | null {
  let office = offices.get(title);
  if (office === undefined) {
    if (offices.size >= 5000) { offices.clear(); }
    office = readOffice(title);
    offices.set(title, office);
  }
  return office;
}

function readOffice(title: string): string | null {
  if (PAST.test(title)) { return null; }
  const m = OFFICE.exec(title);
  if (!m) { return null; }
  // The office is the title from its first capitalised word: "Health Minister", not "the".
  return title.replace(/^(?:the|a|an)\s+/i, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Two offices that are not one office named twice ("Minister" and "Health Minister" are one). */
const distinct = (a: string, b: string): boolean => !(a.includes(b) || b.includes(a));

// "Health Minister" right before a name: one compiled pattern per title, kept across analyses.
const titleBefore = new Map<string, RegExp>();
function titlePattern(title: string): RegExp {
  let re = titleBefore.get(title);
  if (!re) {
    if (titleBefore.size >= 5000) { titleBefore.clear(); }
    re = new RegExp(`(?:^|[^\\p{L}])${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+$`, 'iu');
    titleBefore.set(title, re);
  }
  return re;
}

function titleConflicts(file: VFile, people: Person[], source: string): void {
  for (const p of people) {
    const parts = p.name.split(/\s+/);
    if (parts.length < 2) { continue; }
    // Most people are given one office or none: then no mention can hold two, and none needs reading.
    const possible = [...new Set(p.titles.map(officeOf).filter((o): o is string => o !== null))];
    if (!possible.some((a, i) => possible.slice(i + 1).some(b => distinct(a, b)))) { continue; }
    // Only titles written with the full name count ("Health Minister Ingrid Saarinen"): a bare "the president"
    // may be someone else, and "former" titles are not held now.
    const held: Array<{ office: string; at: Span }> = [];
    for (const m of p.mentions) {
      if (!m.text.includes(p.name)) { continue; }
      // The people plugin may or may not include the title in the mention: read it from the text before the name.
      const nameAt = m.start + m.text.indexOf(p.name);
      const before = source.slice(Math.max(0, nameAt - 60), nameAt);
      const title = p.titles.filter(t => titlePattern(t).test(before)).sort((x, y) => y.length - x.length)[0];
      const office = title ? officeOf(title) : null;
      if (!office || PAST.test(before.slice(-title!.length - 16))) { continue; }
      const at = { start: nameAt - title!.length - (/\s+$/.exec(before)?.[0].length ?? 0), end: nameAt + p.name.length, text: '' };
      at.text = source.slice(at.start, at.end);
      if (!held.some(h => h.office === office)) { held.push({ office, at }); }
    }
    for (let i = 1; i < held.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = held[j].office, b = held[i].office;
        if (!distinct(a, b)) { continue; }
        const [first, second] = held[j].at.start < held[i].at.start ? [held[j].at, held[i].at] : [held[i].at, held[j].at];
        report(file, second.start, second.end, `${p.name} is called “${second === held[i].at ? b : a}” here but “${second === held[i].at ? a : b}” earlier`, 'conflict/title',
          { related: [{ start: first.start, end: first.end, message: `The other title: ${first.text}` }] });
      }
    }
  }
}

// A quotation's words, lower case and without punctuation, or null when too short to tell two apart. Kept
// across analyses: the same quotations come back on every keystroke.
const quotationKeys = new Map<string, string | null>();
function quotationKey(text: string): string | null {
  let key = quotationKeys.get(text);
  if (key === undefined) {
    const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/);
    key = words.length < 5 ? null : words.join(' ');
    if (quotationKeys.size >= 20000) { quotationKeys.clear(); }
    quotationKeys.set(text, key);
  }
  return key;
}

/** A speaker as a name: capitalised words, not a word like "His" or "One" that a source phrase began with. */
const SPEAKER_NAME = /^\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}’'.-]*|de|van|von|da|del|al|bin|le|la))*$/u;
const NOT_A_NAME = /^(?:The|A|An|His|Her|Hers|Their|Its|It|In|On|At|One|This|That|These|Those|He|She|They|We|I|You|Some|Many|Most|Others?)\b/;
const namedSpeaker = (s: string): boolean => SPEAKER_NAME.test(s) && !NOT_A_NAME.test(s);
/** "Clinton" and "Hillary Clinton" may well be one person. */
const oneName = (a: string, b: string): boolean => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);

function speakerConflicts(file: VFile, attributions: Attribution[]): void {
  const seen = new Map<string, Attribution>();
  for (const a of attributions) {
    if (!a.direct || !a.speaker || !namedSpeaker(a.speaker)) { continue; }
    const key = quotationKey(a.content.text);
    if (key === null) { continue; }
    const other = seen.get(key);
    if (!other) { seen.set(key, a); continue; }
    if (oneName(other.speaker!, a.speaker) || other.content.start === a.content.start) { continue; }
    report(file, a.content.start, a.content.end, `This quotation is credited to ${a.speaker} here and to ${other.speaker} earlier`, 'conflict/speaker',
      { related: [{ start: other.content.start, end: other.content.end, message: `Credited to ${other.speaker}` }] });
  }
}

/** What the comparisons found, with facts and claims as indices into the document's, in order: no offsets. */
interface ConflictCases { figures: FigureCase[]; arithmetic: ArithmeticCase[]; statements: StatementCase[] }

export default function conflicts() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const source = String(file.value);
    const prose = data.prose.text;
    // The paragraphs with facts or claims, where they stand, and which of this analysis's figures are theirs.
    const used: Array<{ pf: ParagraphFacts; from: number; figures: [number, number] }> = [];
    let fi = 0;
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode' || !paragraph.position) { continue; }
      const from = paragraph.position.start.offset!, to = paragraph.position.end.offset!;
      while (fi < data.figures.length && data.figures[fi].start < from) { fi++; }
      let end = fi;
      while (end < data.figures.length && data.figures[end].start < to) { end++; }
      const first = fi, last = end;
      const pf = memoRelative('conflicts', paragraph, (_text, p) => factsOf(p, source, prose, data.figures.slice(first, last), from));
      if (pf.facts.length || pf.claims.length) { used.push({ pf, from, figures: [first, last] }); }
    }
    // Facts and claims are numbered in document order; a number finds its paragraph by binary search.
    const factStarts: number[] = [], claimStarts: number[] = [];
    let facts = 0, claims = 0;
    for (const u of used) { factStarts.push(facts); claimStarts.push(claims); facts += u.pf.facts.length; claims += u.pf.claims.length; }
    const locate = (starts: number[], n: number): number => {
      let lo = 0, hi = starts.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= n) { lo = mid + 1; } else { hi = mid; } }
      // The last paragraph starting at or before n that has any: skip those with none of this kind.
      return lo - 1;
    };
    // The cached facts stand where the paragraph stood when it was read: place them where it stands now, on the
    // figures the figures plugin gave this time.
    const placedFact = (u: (typeof used)[number], d: FactDraft): Figure => {
      const rel = d.figure, from = u.from;
      const now = d.index < u.figures[1] - u.figures[0] ? data.figures[u.figures[0] + d.index] : undefined;
      return now && now.start === rel.start + from && now.end === rel.end + from ? now : { ...rel, start: rel.start + from, end: rel.end + from };
    };
    const fact = (n: number): Placed => {
      let p = locate(factStarts, n);
      while (n - factStarts[p] >= used[p].pf.facts.length) { p--; }
      const d = used[p].pf.facts[n - factStarts[p]];
      return { figure: placedFact(used[p], d), valueKey: d.valueKey };
    };
    const claim = (n: number): Claim => {
      let p = locate(claimStarts, n);
      while (n - claimStarts[p] >= used[p].pf.claims.length) { p--; }
      const { sentenceStart, span, ...rest } = used[p].pf.claims[n - claimStarts[p]];
      const from = used[p].from;
      return { ...rest, sentenceAt: sentenceStart + from, span: { start: span.start + from, end: span.end + from, text: span.text } };
    };
    // The comparisons depend on the facts and claims and their order only: reused while those stay the same.
    const cases = memoDocument('conflicts', used.map(u => u.pf), (): ConflictCases => {
      const all: Fact[] = [];
      const changes: Change[] = [];
      const pairs: Levels[] = [];
      for (const u of used) {
        const first = all.length;
        for (const d of u.pf.facts) {
          const { figure: _rel, sentenceStart, ...rest } = d;
          const f: Fact = { ...rest, figure: placedFact(u, d), sentenceAt: sentenceStart + u.from };
          all.push(f);
          if (d.down !== null) { changes.push({ fact: f, down: d.down, words: d.clauseSet, n: all.length - 1 }); }
        }
        u.pf.facts.forEach((d, k) => {
          if (d.pair) { pairs.push({ from: all[first + k], to: all[first + d.pair.to], down: d.pair.down, words: d.pair.words, fromN: first + k, toN: first + d.pair.to }); }
        });
      }
      const allClaims: Claim[] = [];
      for (let n = 0; n < claims; n++) { allClaims.push(claim(n)); }
      return { figures: figureCases(all), arithmetic: arithmeticCases(changes, pairs), statements: statementCases(allClaims) };
    }, (a, b) => a.sig === b.sig);
    const speakerAt = speakerLookup(data.attributions);
    emitFigures(file, cases.figures, fact, speakerAt);
    emitArithmetic(file, cases.arithmetic, fact);
    emitStatements(file, cases.statements, claim, speakerAt);
    titleConflicts(file, data.people, source);
    speakerConflicts(file, data.attributions);
  };
}
