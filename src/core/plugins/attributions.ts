// Finds attributions: who said (or thinks, or reports) what. Each paragraph is read on its own, memoised,
// as tokens with offsets: every speech or thought cue is tied to a source noun phrase (before it, after it
// in an inverted "said Smith", or the sentence subject for a trailing "..., saying") and to its content (the
// quotation or clause after the cue, or the one before a trailing ", X said"). Then, across paragraphs,
// quotations that run on after an attributed one join it, and each source is resolved to a person through
// names seen earlier, pronouns and roles.
import type { Root, Paragraph, Sentence } from 'nlcst';
import type { VFile } from 'vfile';
import type { Attribution, Span, Quote } from '../model.js';
import { dataOf } from '../context.js';
import { memoRelative, registerCache } from '../memo.js';
import { CUES, SPEECH, THOUGHT, INTENT, TELLING, AUXILIARY, PRONOUNS, TITLES, OBJECT_CUES, REFUSAL, EVIDENCE } from './cues.js';

interface Token {
  s: number; e: number; t: string; low: string; word: boolean; cap: boolean; sentence: number; quote: number;
  /** Characters between the previous token and this one, a CRLF counting as one line break like LF. */
  gap: number;
}

/** What the per-paragraph pass finds; `parts` holds the content when it is split around the attribution. */
export interface Found {
  source: Span | null;
  cue: Span | null;
  content: Span;
  parts: Span[];
  direct: boolean;
  speaker: string | null;
  /** The cue ends its paragraph with a colon: the content is the next paragraph. */
  colon?: boolean;
  /** The content is a whole turn of a transcript, which attributions inside it do not cut. */
  whole?: boolean;
}

const ANY_MARK = /^["“”„‟]$/;
/** Quoted words: a double mark, or two apostrophes standing for one. */
/** Words that open a time or place phrase after a cue ("said on Tuesday", "said at a rally"). */
const ADJUNCT = /^(?:in|on|at|during|last|this|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|earlier|later|afterward|afterwards|from|outside|inside|before|after|via|through|shortly|again|also|then|here|there|privately|publicly|repeatedly|previously|recently|sunday|tonight|now)$/;
const QUOTED = /["“”]|''/;
const BOUNDARY_WORDS = new Set(`that and but because while when as if although though since so after before where which or than
whether whom unless until once nor yet for with by to of in on at from about into over what how why`.split(/\s+/));
const DETERMINERS = new Set('the a an his her their its our my your this that these those some many most several both all each every few another other one two three four five six seven eight nine ten no'.split(' '));
const NOUN_DETERMINERS = new Set('the a an his her their its our my your this these those'.split(' '));
const RELATIVE = /^(?:who|which|that|whose)$/;
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it']);
const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Adm|Prof|St|Jr|Sr|Rev|Gen|U\.S|U\.N|[A-Z])$/;

/** Kinds of a code unit or code point: 1 a letter or digit, 2 also an uppercase letter, 4 white space. */
const KIND = new Map<number, number>();
function kindOf(code: number): number {
  let k = KIND.get(code);
  if (k === undefined) {
    const ch = String.fromCodePoint(code);
    k = (/[\p{L}\p{N}]/u.test(ch) ? 1 : 0) | (/\p{Lu}/u.test(ch) ? 2 : 0) | (/\s/u.test(ch) ? 4 : 0);
    KIND.set(code, k);
  }
  return k;
}
const ASCII_KIND = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0) | (/[A-Z]/.test(String.fromCharCode(c)) ? 2 : 0) | (/\s/.test(String.fromCharCode(c)) ? 4 : 0));
/** The kind of one UTF-16 code unit taken alone (a lone surrogate is neither a letter nor a space). */
const unitKind = (code: number): number => code < 128 ? ASCII_KIND[code] : kindOf(code);
/** The kind of the code point at `i` and its length in code units. */
function pointAt(text: string, i: number): number {
  const code = text.codePointAt(i)!;
  return code < 128 ? ASCII_KIND[code] : kindOf(code);
}
const pointLength = (text: string, i: number): number => text.codePointAt(i)! > 0xffff ? 2 : 1;

/**
 * The tokens of text[from..to): what the token pattern (`[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|\S` with the u flag) would
 * match, read with a scanner instead of one regular expression match per token.
 */
function tokenize(text: string, from: number, to: number, sentenceEnds: number[], quotes: Array<[number, number]>): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let sentence = 0, q = 0, last = from;
  let i = from;
  while (i < to) {
    // Skip white space.
    let k = pointAt(text, i);
    if (k & 4) { i += pointLength(text, i); continue; }
    const s = i;
    if (k & 1) {
      i += pointLength(text, i);
      for (;;) {
        while (i < n && pointAt(text, i) & 1) { i += pointLength(text, i); }
        const c = text.charCodeAt(i);
        // ’ ' - . &
        if (i + 1 < n && (c === 0x2019 || c === 39 || c === 45 || c === 46 || c === 38) && pointAt(text, i + 1) & 1) { i++; continue; }
        break;
      }
    } else {
      i += pointLength(text, i);
    }
    const e = Math.min(i, to);
    let gap = s - last;
    for (let j = last; j + 1 < s; j++) { if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) { gap--; } }
    last = e;
    while (sentence < sentenceEnds.length - 1 && s >= sentenceEnds[sentence]) { sentence++; }
    while (q < quotes.length && quotes[q][1] <= s) { q++; }
    const inQuote = q < quotes.length && quotes[q][0] <= s && s < quotes[q][1] ? q : -1;
    const t = text.slice(s, e);
    k = unitKind(t.charCodeAt(0));
    const word = (k & 1) !== 0;
    out.push({ s, e, t, low: t.toLowerCase(), word, cap: word && (k & 2) !== 0, sentence, quote: inQuote, gap });
    if (e < i) { break; }
  }
  return out;
}

const isOpen = (tok: Token | undefined, quotes: Array<[number, number]>): boolean => !!tok && tok.quote >= 0 && quotes[tok.quote][0] === tok.s;
const isClose = (tok: Token | undefined, quotes: Array<[number, number]>): boolean => !!tok && tok.quote >= 0 && quotes[tok.quote][1] === tok.e;

function sp(text: string, s: number, e: number): Span { return { start: s, end: e, text: text.slice(s, e) }; }

/** Is the token a cue verb here (not a noun: "the report", not a passive "is said to")? */
function cueAt(toks: Token[], i: number, quotes: Array<[number, number]>): string | null {
  const tok = toks[i];
  if (!tok.word || tok.quote >= 0 || tok.cap && i > 0 && toks[i - 1].sentence === tok.sentence) { return null; }
  if (tok.low === 'according' && toks[i + 1]?.low === 'to') { return 'according'; }
  const prev = toks[i - 1];
  // "shot back", "fired back": a reply, when the words or a stop follow.
  if (toks[i + 1]?.low === 'back' && /^(?:shot|shoots|shooting|fired|fires|firing)$/.test(tok.low) && toks[i + 2] && (toks[i + 2].t === ',' || toks[i + 2].t === ':' || isOpen(toks[i + 2], quotes) || toks[i + 2].sentence !== tok.sentence || toks[i + 2].t === '.')) { return 'point'; }
  if (toks[i + 1]?.low === 'out' && /^(?:point|points|pointed|pointing)$/.test(tok.low) && toks[i + 2] && (toks[i + 2].low === 'that' || toks[i + 2].t === ',' || toks[i + 2].t === ':' || isOpen(toks[i + 2], quotes) || toks[i + 2].sentence !== tok.sentence || toks[i + 2].t === '.')) { return 'point'; }
  const base = CUES.get(tok.low) ?? genericCue(toks, i, quotes);
  if (!base) { return null; }
  // "who asked not to be named": a condition of anonymity, not a question.
  if (base === 'ask' && toks[i + 1]?.low === 'not' && toks[i + 2]?.low === 'to') { return null; }
  const after = toks[i + 1];
  // "in 11 states", "spoke to reporters": the noun, and speaking that reports no words, unless a clause or
  // a quotation follows.
  if ((tok.low === 'state' || tok.low === 'states') && !(after && (after.low === 'that' || after.t === ':'))) { return null; }
  if (base === 'speak' && !(after && (after.t === ':' || isOpen(after, quotes) || after.t === ',' && isOpen(toks[i + 2], quotes)))) { return null; }
  if (prev && prev.word && NOUN_DETERMINERS.has(prev.low)) { return null; }
  // "A news report said", "An early tweet quoted": the bare form after "a/an + word", or a noun that a
  // reporting verb follows, is the subject's head, not a verb.
  if (tok.low === base && prev?.word && !prev.cap && /^(?:a|an)$/.test(toks[i - 2]?.low ?? '')) { return null; }
  if (tok.low === base && toks[i + 1]?.word && /(?:ed|said|told|wrote|says|shows|showed|found|finds)$/.test(toks[i + 1].low) && CUES.has(toks[i + 1].low)) { return null; }
  if (prev && prev.word && /^(?:is|was|are|were|be|been|being)$/.test(prev.low) && /(?:ed|said|told|written|thought|known|found|shown)$/.test(tok.low)) { return null; }
  const next = toks[i + 1];
  // "his remarks were", "the claims are": a noun, not a verb.
  // ... but "which some drivers said was unfair": a verb whose clause lost its subject to the relative pronoun.
  if (next && next.word && !next.cap && /^(?:is|was|are|were|will|would|could|can|may|might|should|must|have|has|had|did|does|do)$/.test(next.low) && relativeBefore(toks, i) < 0) { return null; }
  // '"Q," he said of the plan': "of" names the topic, not a noun's complement, after a quotation.
  // The source may be long ('"Q," the state party chairman Jane Roe said of the vote').
  // 'said of the senator, "Q"' and 'said of the request: "Q"': the quotation follows.
  const ofTopic = next?.low === 'of' && base === 'say' && (toks.slice(Math.max(0, i - 16), i).some(t => isClose(t, quotes) && t.sentence === tok.sentence)
    || toks.slice(i + 2, i + 12).some((t, j, arr) => (t.t === ',' || t.t === ':') && isOpen(toks[i + 3 + j], quotes) && !arr.slice(0, j).some(u => u.quote >= 0 || /^[.;!?]$/.test(u.t))));
  if (next && next.word && (next.low === 'of' && !ofTopic || next.low === 'to' && base !== 'say' && base !== 'tell' && base !== 'write' && base !== 'speak' && base !== 'respond' && base !== 'reply' && !INTENT.has(base) && base !== 'urge' && base !== 'ask' && base !== 'report')) {
    return null;
  }
  if (!SPEECH.has(base) && !THOUGHT.has(base) && base !== 'call' && base !== 'show' && base !== 'find') {
    // Evaluative verbs (praise, criticize, describe, accuse...) count when a quotation follows closely.
    return base;
  }
  return base;
}

/**
 * The relative pronoun before a subject and its speech verb whose object it is: "a plan which critics said was
 * unfair", "what several teachers say is a gap". Returns its index, or -1.
 */
function relativeBefore(toks: Token[], i: number): number {
  if (!/^(?:said|says|say|told|tells|believe|believes|believed|think|thinks|argue|argues|argued|contend|contends|contended|claim|claims|claimed|insist|insists|insisted|estimate|estimates|estimated)$/.test(toks[i].low)) { return -1; }
  let k = i - 1;
  while (k > 0 && toks[k].word && !toks[k].cap && AUXILIARY.has(toks[k].low)) { k--; }
  const end = k;
  for (; k >= 0 && end - k < 7; k--) {
    const t = toks[k];
    if (t.quote >= 0 || t.sentence !== toks[i].sentence) { return -1; }
    if (t.word && /^(?:which|what|that|who|whom)$/.test(t.low)) { return k < end && nounPhrase(toks, k + 1, end) ? k : -1; }
    if (!t.word && !(t.t === '.' && ABBREVIATION.test(toks[k - 1]?.t ?? '')) && !/^[’'-]$/.test(t.t)) { return -1; }
    if (t.word && !t.cap && (FINITE.test(t.low) || BOUNDARY_WORDS.has(t.low) && t.low !== 'of' || CUES.has(t.low))) { return -1; }
  }
  return -1;
}

/**
 * A clause after a verb of thought that opens without a determiner or a name: "believes there is no cheap
 * fix", "knows how to win", "thinks compromise is unlikely", "expects them to win".
 */
function thoughtClause(toks: Token[], cs: number, eIdx: number): boolean {
  const t = toks[cs];
  if (!t.word || t.quote >= 0) { return false; }
  if (/^(?:there|how|what|whether|why|where|when|who|him|her|them|us|me)$/.test(t.low)) { return true; }
  if (t.cap || BOUNDARY_WORDS.has(t.low) || CUES.has(t.low) || FINITE.test(t.low) || /ly$/.test(t.low)) { return false; }
  // Lowercase words, then a finite verb: a subject and its verb.
  for (let k = cs + 1; k <= eIdx && k - cs <= 5; k++) {
    const w = toks[k];
    if (!w.word || w.quote >= 0) { return false; }
    if (FINITE.test(w.low) || /^(?:will|would|can|could|should|may|might|must)$/.test(w.low)) { return k > cs; }
    if (BOUNDARY_WORDS.has(w.low) && w.low !== 'of') { return false; }
  }
  return false;
}

/** A lowercase word that can open an object with no determiner: "longer hours", "hiring two inspectors". */
function objectWithout(t: Token): boolean {
  return t.word && !t.cap && t.quote < 0 && !BOUNDARY_WORDS.has(t.low) && !FINITE.test(t.low) && !AUXILIARY.has(t.low) && !CUES.has(t.low) && !/ly$/.test(t.low) && !OBJECT_PRONOUN.test(t.low);
}

/** Does toks[k] close a quotation, or is it a comma right after one? */
function afterQuote(toks: Token[], k: number, quotes: Array<[number, number]>): boolean {
  return isClose(toks[k], quotes) || toks[k]?.t === ',' && isClose(toks[k - 1], quotes);
}

/**
 * A verb outside the lexicon that a quotation's position makes a cue: '"Q," beamed X.', '"Q," X beamed.',
 * 'X boomed: "Q"'. Newsroom prose uses many such verbs; the layout around a quotation is the reliable sign.
 */
function genericCue(toks: Token[], i: number, quotes: Array<[number, number]>): string | null {
  const tok = toks[i];
  const prev = toks[i - 1], next = toks[i + 1];
  // 'The sign read: "Q"', '"Q," read one.': words written on something.
  if (!tok.cap && (tok.low === 'read' || tok.low === 'reads') && (isOpen(next, quotes) && !titleTokens(toks, i + 1, quotes) || next && /^[:,]$/.test(next.t) && isOpen(toks[i + 2], quotes) || prev && afterQuote(toks, i - 1, quotes) && next?.word)) { return 'generic'; }
  if (tok.cap || !/(?:ed|s)$/.test(tok.low) || tok.low.length < 4) { return null; }
  if (/ed$/.test(tok.low) && prev && afterQuote(toks, i - 1, quotes) && next?.cap) { return 'generic'; }
  if (/ed$/.test(tok.low) && (!next || next.sentence !== tok.sentence || next.t === '.' || next.t === ',')) {
    for (let k = i - 1; k >= Math.max(0, i - 8); k--) { if (afterQuote(toks, k, quotes)) { return 'generic'; } if (toks[k].quote >= 0) { break; } }
  }
  if (next?.t === ':' && isOpen(toks[i + 2], quotes)) { return 'generic'; }
  return null;
}

/**
 * Does an attribution of the quotation just closed start at toks[i] ('"Q?" Jane Roe said of the plan.')? A
 * short name, then a speech verb with nothing after it but a stop, a comma or an adjunct; otherwise the name
 * opens a new sentence of its own ('"Q." She says talks will resume.').
 */
function attributionAfter(toks: Token[], i: number, quotes: Array<[number, number]>): boolean {
  for (let k = i; k < toks.length && k - i < 8; k++) {
    const t = toks[k];
    if (t.quote >= 0 || !t.word && !(t.t === '.' && ABBREVIATION.test(toks[k - 1].t)) && t.t !== '-' && t.t !== '(' && t.t !== ')') { return false; }
    if (!t.word || t.cap) { continue; }
    if (!SPEECH.has(CUES.get(t.low) ?? '')) { return false; }
    const n = toks[k + 1];
    // 'He added, "Q2."' or 'He added that ...' opens a sentence of its own.
    if (n && (n.t === ',' || n.t === ':') && isOpen(toks[k + 2], quotes)) { return false; }
    // 'She said on Tuesday night that ...' too: time words, then a clause of its own.
    for (let m = k + 1; m < toks.length && m - k <= 6 && toks[m].word && toks[m].quote < 0; m++) {
      if (toks[m].low === 'that') { return false; }
      if (!(ADJUNCT.test(toks[m].low) || TIME_NOUN.test(toks[m].low) || toks[m].cap || /^(?:the|a|night|morning|afternoon|evening)$/.test(toks[m].low))) { break; }
    }
    // '"Who knows?" Trump told a television station on Monday.': after a question or an exclamation, a name
    // and a verb of telling or asking with its addressee still attribute it.
    if (/^[?!]$/.test(toks[i - 2]?.t ?? '') && /^(?:tell|ask)$/.test(CUES.get(t.low) ?? '') && n?.word && n.low !== 'that' && !SUBJECT_PRONOUNS.has(n.low)) { return true; }
    return !n || !n.word && n.t !== '"' && n.t !== '“' || ADJUNCT.test(n.low) || /^(?:of|as|when|after|before|while|to)$/.test(n.low);
  }
  return false;
}

/** A plausible source noun phrase over toks[a..b] (inclusive)? */
function nounPhrase(toks: Token[], a: number, b: number): boolean {
  if (b < a || b - a > 14) { return false; }
  const first = toks[a], last = toks[b];
  if (!first.word) { return false; }
  if (a === b && SUBJECT_PRONOUNS.has(first.low)) { return true; }
  if (!(first.cap || DETERMINERS.has(first.low) || roleBeforeName(toks, a, b) || /^\d/.test(first.t) || GROUPS.has(first.low) || groupWithModifiers(toks, a, b) || FRACTION.test(first.low))) { return false; }
  if (!last.word && last.t !== ',' && last.t !== '.' && last.t !== ')') { return false; }
  if (last.word && (AUXILIARY.has(last.low) && !(last.cap && /^(?:will|may)$/.test(last.low)) || BOUNDARY_WORDS.has(last.low) || DETERMINERS.has(last.low) && last.low !== 'one' && last.low !== 'another' && last.low !== 'both' && last.low !== 'all' && last.low !== 'some' && last.low !== 'many' && last.low !== 'most' && last.low !== 'others')) { return false; }
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (t.quote >= 0 || t.t === ';' || t.t === ':' || ANY_MARK.test(t.t)) { return false; }
    if (t.word && !t.cap && (CUES.has(t.low) && k > a && !DETERMINERS.has(toks[k - 1].low) && toks[k - 1].low !== 'who' && !/^(?:an?|the)$/.test(toks[k - 1].low) && !(toks[k - 1].low === 'of' && TITLES.has(toks[k - 2]?.low ?? '')))) { return false; }
  }
  return true;
}

/** Evidence that shows or finds without a determiner: "records show", "leaked memos showed". */
const PLURAL_EVIDENCE = 'emails documents records filings data figures results numbers surveys studies statistics estimates projections ledgers memos transcripts';
/** Plural nouns for groups of people who speak without a determiner: "officials said", "critics say". */
const GROUPS = new Set(`officials sources critics experts analysts aides supporters residents people police observers democrats
republicans voters polls others ${PLURAL_EVIDENCE}`.split(/\s+/));
/** Groups that are commonly spoken of with lowercase modifiers and no determiner ("federal officials", "political analysts"). */
const GROUP_HEADS = new Set(`officials sources critics experts analysts aides supporters residents observers voters economists
lawmakers advocates activists strategists investigators prosecutors advisers advisors scientists researchers historians delegates
donors conservatives liberals progressives leaders diplomats authorities polls polling opponents proponents forecasters organizers
insiders allies rivals scholars members staffers employees workers parents teachers students doctors lawyers attorneys pollsters
commentators pundits majorities Americans ${PLURAL_EVIDENCE}`.split(/\s+/).map(w => w.toLowerCase()));

/** Shares of a group that speak for it: "half", "two-thirds", "three-fourths". */
const FRACTION = /^(?:half|(?:one|two|three|four|five|six|seven|eight|nine)-(?:thirds?|quarters?|fourths?|fifths?|tenths?))$/;

/** "federal officials", "some political analysts": lowercase modifiers before a group noun. */
function groupWithModifiers(toks: Token[], a: number, b: number): boolean {
  if (b - a > 3 || !toks[b].word || toks[b].cap || !GROUP_HEADS.has(toks[b].low)) { return false; }
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (!t.word || t.cap && k > a || /ly$/.test(t.low) || AUXILIARY.has(t.low) || BOUNDARY_WORDS.has(t.low) || CUES.has(t.low) || OBJECT_CUES.has(t.low) || FINITE.test(t.low) || SUBJECT_PRONOUNS.has(t.low) || /^(?:then|now|when|here|there|not|no)$/.test(t.low)) { return false; }
  }
  return true;
}

/**
 * Lowercase words that describe the person named after them: "spokesman John Kirby", "former Utah governor
 * Jane Roe". The phrase must end in a name and the words must not be adverbs, auxiliaries or verbs.
 */
function roleBeforeName(toks: Token[], a: number, b: number): boolean {
  if (b - a > 9 || !toks[b].cap || !toks[b].word) { return false; }
  let k = a;
  for (; k <= b && toks[k].word && !toks[k].cap; k++) {
    const w = toks[k].low;
    if (/ly$/.test(w) || AUXILIARY.has(w) || BOUNDARY_WORDS.has(w) || CUES.has(w) || SUBJECT_PRONOUNS.has(w) || /^(?:who|which|is|are|was|were|not|no|then|now|when|here|there)$/.test(w)) { return false; }
  }
  return k > a && k <= b && toks[k].cap;
}

/**
 * The subject of a cue whose comma at toks[comma] closes one or more appositives: "Grayson, an Orlando
 * Democrat, said", "Jane Roe, 41, a nurse from Dayton, said", "Jane Roe, who ran the clinic for a decade,
 * said". Walks back over up to three comma-separated pieces to a name or noun phrase; past the first piece
 * that name must open its clause. Returns its first token, or -1.
 */
function appositiveSubject(toks: Token[], comma: number, lo: number, quotes: Array<[number, number]>): number {
  let end = comma; // the comma that closes the piece being read
  for (let pieces = 0; pieces < 3; pieces++) {
    let c = end - 1;
    while (c > lo && toks[c].t !== ',' && toks[c].quote < 0 && toks[c].t !== ';' && toks[c].t !== ':') { c--; }
    if (c <= lo || toks[c].t !== ',' || c >= end - 1 || comma - c > 40) { return -1; }
    const first = toks[c + 1];
    // "Jane Roe, speaking to reporters, said": a participle of speaking is the one verb an appositive may open with.
    if (!first.word || CUES.has(first.low) && !first.cap && !/^(?:speaking|writing)$/.test(first.low) || /^(?:and|but|or|so|then|when|as|because|if|while|after|before|since|although|though)$/.test(first.low)) { return -1; }
    if (pieces > 0 && end - c - 1 > 24) { return -1; }
    let a = leftPhrase(toks, c - 1, lo);
    // "Rep. Jane Roe (D-Md.), chair of the committee, said": the party tag stays with the name.
    if (toks[c - 1].t === ')') { const open = partyTag(toks, c - 1); if (open > 0 && toks[open - 1].cap) { a = leftPhrase(toks, open - 1, lo); } }
    // "Sen. Jane Roe, R-Md., appearing on the news, said": past a participle aside, the name must open its clause.
    const aside = pieces === 0 && first.word && !first.cap && /ing$/.test(first.low) && first.low.length > 5;
    if (a >= 0 && (toks[a].cap || NOUN_DETERMINERS.has(toks[a].low)) && (aside ? a <= lo || toks[a - 1].t === ',' && a - lo <= 4 && INTRO.test(toks[lo].t) : pieces === 0 ? comma - c - 1 <= 16 : clauseOpens(toks, a, lo, quotes))) { return a; }
    if (isClose(toks[c - 1], quotes)) { return -1; }
    end = c;
  }
  return -1;
}

/**
 * toks[a..comma] is a name, then one appositive up to the comma: "Jane Roe, a nurse who has worked at the
 * clinic since it opened,". The name runs to the first comma and is short; nothing in between is quoted or
 * ends a clause.
 */
function longAppositive(toks: Token[], a: number, comma: number): boolean {
  const first = toks[a];
  if (!first.word || !first.cap || comma - a > 45) { return false; }
  let c = a + 1;
  while (c < comma && toks[c].t !== ',') { c++; }
  if (c >= comma || c - a > 5 || leftPhrase(toks, c - 1, a) !== a || !toks[c - 1].cap) { return false; }
  for (let k = a; k <= comma; k++) { if (toks[k].quote >= 0 || /^[;:()—–]$/.test(toks[k].t)) { return false; } }
  return true;
}

/**
 * A noun phrase that opens its clause at toks[s] and ends at the first comma or dash, followed by an aside
 * that runs to toks[end] (a comma or a dash): the subject of the verb after it. Returns s, or -1.
 */
function longSubject(toks: Token[], s: number, end: number, quotes: Array<[number, number]>): number {
  while (s < end && toks[s].word && /^(?:But|And|So|Yet|Still|Now|Meanwhile)$/.test(toks[s].t)) { s++; }
  if (end - s > 45 || end - s < 3 || !toks[s].word || !(toks[s].cap || DETERMINERS.has(toks[s].low)) || PREPOSITION.test(toks[s].low) || /^(?:When|While|If|As|After|Before|Although|Though|Because|Since|Once|Despite|During|Until|Unless|Asked|Speaking|It|There|This|That)$/.test(toks[s].t)) { return -1; }
  let c = s + 1;
  while (c < end && !/^[,—–]$/.test(toks[c].t)) { c++; }
  if (c >= end || c - s > 8 || leftPhrase(toks, c - 1, s) !== s) { return -1; }
  for (let k = s; k <= end; k++) { if (toks[k].quote >= 0 || /^[;:()]$/.test(toks[k].t) || toks[k].sentence !== toks[s].sentence) { return -1; } }
  return clauseOpens(toks, s, s, quotes) ? s : -1;
}

/** Words that link a sentence to the one before, set off by commas after its subject ("Roe, however, said"). */
const LINKING = /^(?:however|meanwhile|for example|for instance|in turn|for one|too|though|in fact|of course|in contrast|instead|in response|also|then|likewise|similarly|nonetheless|nevertheless|still|for (?:his|her|their|its) part|by contrast|in particular|at the time|in other words|in short|as well|again|later|earlier|separately)$/i;

/** The end of a subject toks[a..comma] without a linking word set off at its end ("Roe, however,"). */
function linkingCut(text: string, toks: Token[], a: number, comma: number): number {
  let c = comma - 1;
  while (c > a && toks[c].t !== ',') { c--; }
  return c > a && c < comma - 1 && LINKING.test(text.slice(toks[c + 1].s, toks[comma - 1].e)) ? c - 1 : comma;
}

/** Words that open a phrase or clause before the subject of a sentence ("At a rally, ...", "Wednesday, ..."). */
const INTRO = /^(?:In|At|On|After|Before|During|From|With|Under|For|By|Since|When|While|As|Later|Earlier|Speaking|Asked|Instead|Meanwhile|However|Although|Though|Because|Despite|Following|Addressing|Writing|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Hours|Minutes|Days|Weeks|Months|Years|Last|This|Throughout|Over|Amid|Ahead|Upon|Within|Across|Back|Once|If|Unlike|Like|Still|Then|Now|Overall)$/;

/** Labels that open a paragraph with a colon without naming a speaker ("Note:", "Update:", "Photo:"). */
const LABEL = /^(?:editor[’']s|contributing|latest|the|exclusive|breaking|note|notes|update|updated|source|sources|photo|photos|correction|related|watch|read|editor|editors|caption|credit|credits|video|image|disclosure|clarification|warning|tags|topics|timeline|transcript|background|advertisement|see|more|also|listen|subscribe|follow|contact|email|share|click|full|abstract|summary|graphic|map|chart|table|poll|polls|results|date|time|location|where|when|what|who|why|how|price|cost|bottom|top|previously|earlier|later|tonight|today)$/;

/** Is `word` a proper name in `text`: capitalised somewhere inside a sentence, not only at its start? */
function properName(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at > 1 && /[\p{Ll},] $/u.test(text.slice(at - 2, at))) { return true; }
  }
  return false;
}

/** Nouns of saying, judging and intending that take what was said after them ("his claim that", "her call for"). */
const NOMINAL = /^(?:claims?|plans?|proposals?|criticism|calls?|promises?|pledges?|views?|warnings?|remarks|comments|assertions?|arguments?|suggestions?|insistence|belief|demands?|vows?|threats?|accusations?|allegations?|denials?|opposition|endorsement|praise|attacks?|decision|refusal)$/;

/** Finite verbs and auxiliaries that a subject phrase never contains. */
const FINITE = /^(?:is|was|were|are|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|isn’t|wasn’t|isn't|wasn't|don't|don’t|didn't|didn’t|won't|won’t|'s|’s)$/;
const PREPOSITION = /^(?:of|for|in|at|from|with|on|by|about|across|among|inside|outside|near|under|over|within|around|behind|like)$/;

/**
 * The whole subject of the clause that ends at toks[b], read from the clause's start: "Some advocates for
 * stem cell research", "majorities in all five states", "Friends, aides and former rivals". No verb, no
 * clause word, no quotation; commas only in a list that ends with "and" or "or". Returns its start, or -1.
 */
function clauseSubject(toks: Token[], b: number, lo: number, quotes: Array<[number, number]>): number {
  if (!toks[b].word || BOUNDARY_WORDS.has(toks[b].low) || PREPOSITION.test(toks[b].low)) { return -1; }
  let a = b;
  let commas = 0, list = false;
  while (a - 1 >= lo && b - a < 16) {
    const p = toks[a - 1];
    if (p.sentence !== toks[b].sentence || p.quote >= 0 || toks[a].gap > 2) { break; }
    if (p.t === ',') { commas++; a--; continue; }
    if (!p.word) {
      if ((p.t === '’' || p.t === "'") && toks[a].low === 's' || p.t === '-' || p.t === '&' || p.t === '.' && a - 2 >= lo && ABBREVIATION.test(toks[a - 2].t) || p.t === '%') { a--; continue; }
      break;
    }
    if (p.low === 'and' || p.low === 'or' || p.low === 'nor') { list = true; a--; continue; }
    if (!p.cap && (FINITE.test(p.low) || (CUES.has(p.low) || OBJECT_CUES.has(p.low)) && !(a - 2 >= lo && DETERMINERS.has(toks[a - 2].low)) || RELATIVE.test(p.low) || BOUNDARY_WORDS.has(p.low) && !PREPOSITION.test(p.low) || /ly$/.test(p.low))) { break; }
    a--;
  }
  // Leading clause words and introductory phrases are not part of the subject.
  if (!clauseOpens(toks, a, lo, quotes)) { return -1; }
  while (a < b && (toks[a].t === ',' || /^(?:But|And|So|Then|Now|Still|Yet|Also|However|Instead|Meanwhile|Indeed|Overall|Nationally|Today|Yesterday)$/.test(toks[a].t))) { a++; }
  if (a >= b) { return -1; }
  const first = toks[a];
  // "She and her aides": a pronoun may open a list.
  if (!first.word || PREPOSITION.test(first.low) || SUBJECT_PRONOUNS.has(first.low) && a < b && toks[a + 1].low !== 'and' || /^(?:In|On|At|After|Before|When|While|As|If|For|From|With|By|During|Since|Under|Over|Among)$/.test(first.t)) { return -1; }
  if (!(first.cap || DETERMINERS.has(first.low) || /^\d/.test(first.t) || /s$/.test(first.low) || SUBJECT_PRONOUNS.has(first.low) || /^(?:neither|either)$/.test(first.low))) { return -1; }
  // Commas only inside a list: "Friends, aides and former rivals".
  if (commas > 0) {
    if (!list) { return -1; }
    for (let k = a; k <= b; k++) { if (toks[k].t === ',' && (toks[k + 1]?.cap === false && PREPOSITION.test(toks[k + 1].low))) { return -1; } }
  }
  // The last word is the head noun, not a preposition's dangling word or a time ("Last week").
  if (/^(?:week|month|year|day|night|morning|afternoon|evening|time|weekend)$/.test(toks[b].low) || /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(toks[b].t)) { return -1; }
  return restartAtDeterminer(toks, a, b);
}

/** "Last week the mayor" -> "the mayor": a determiner after a word (not a preposition or a list word) starts the phrase anew. */
function restartAtDeterminer(toks: Token[], a: number, b: number): number {
  for (let k = b - 1; k > a; k--) {
    const t = toks[k], p = toks[k - 1];
    if (t.word && /^(?:the|a|an)$/.test(t.t) && p.word && !PREPOSITION.test(p.low) && !/^(?:and|or|of|all|both|half)$/.test(p.low) && !(/^(?:s|S)$/.test(p.t) && /[’']/.test(toks[k - 2]?.t ?? ''))) { return k; }
  }
  return a;
}

/**
 * Does the cue at toks[i] have a subject of its own that opens a new clause after a comma or "and"/"but"
 * ('..., but he said the time is coming', '..., Lewandowski said he does not')? Reads back over auxiliaries
 * and a short name or pronoun.
 */
function newClause(toks: Token[], i: number): 0 | 1 | 2 {
  let k = i - 1;
  while (k >= 0 && toks[k].word && !toks[k].cap && AUXILIARY.has(toks[k].low)) { k--; }
  const end = k;
  if (k >= 0 && toks[k].word && SUBJECT_PRONOUNS.has(toks[k].low) && toks[k].low !== 'it') { k--; }
  else {
    while (k >= 0 && end - k < 5 && toks[k].quote < 0 && (toks[k].word && toks[k].cap || toks[k].t === '.' && k > 0 && ABBREVIATION.test(toks[k - 1].t))) { k--; }
    // A common-noun subject ("other voters", "the candidate", "more than 4 in 10") after a clause word.
    if (k === end || !toks[k] || !toks[k].word || !CLAUSE_LINK.test(toks[k].low)) {
      let m = k;
      while (m >= 0 && end - m < 7 && toks[m].quote < 0 && (toks[m].word && !CLAUSE_LINK.test(toks[m].low) && !FINITE.test(toks[m].low) && !AUXILIARY.has(toks[m].low) && !(CUES.has(toks[m].low) || OBJECT_CUES.has(toks[m].low)) && !/ly$/.test(toks[m].low) || toks[m].t === '-' || /^[’']$/.test(toks[m].t) || toks[m].t === '.' && m > 0 && ABBREVIATION.test(toks[m - 1].t))) { m--; }
      if (m < end && toks[m]?.word && CLAUSE_LINK.test(toks[m].low) && toks[m].quote < 0 && nounPhrase(toks, m + 1, end)) { k = m; }
    }
  }
  if (k === end || k < 0) { return 0; }
  const p = toks[k];
  if (p.sentence !== toks[i].sentence) { return 0; }
  if (p.t === ',' || p.t === ';' || p.t === '—' || p.low === 'and' || p.low === 'but') { return 1; }
  return p.word && CLAUSE_LINK.test(p.low) && p.quote < 0 ? 2 : 0;
}

/** Words that open a clause of its own inside a sentence, whose subject may speak in turn. */
const CLAUSE_LINK = /^(?:and|but|while|whereas|though|although|because|since|yet|so|which|what|whom)$/;

/** A manner adverb between a subject and its verb ("she jokingly tells", "Roe angrily said"), not a noun in -ly. */
function mannerAdverb(toks: Token[], k: number): boolean {
  const t = toks[k], p = toks[k - 1];
  if (!/[^aeiou]ly$/.test(t.low) || t.low.length < 6 || /^(?:family|assembly|supply|rally|ally|belly|bully|italy|anomaly|monopoly|july|only|early|likely|daily|weekly|monthly|yearly|nightly|elderly|friendly|lonely|lovely|ugly|holy|fly)$/.test(t.low)) { return false; }
  return !!p && (p.word && (p.cap || SUBJECT_PRONOUNS.has(p.low) || GROUP_HEADS.has(p.low) || /[^s]s$/.test(p.low) && !BOUNDARY_WORDS.has(p.low) && !CUES.has(p.low)) || AUXILIARY.has(p.low));
}

/** Does toks[a] open a clause: the first token read, or after a comma, a dash or a closing quotation mark? */
function clauseOpens(toks: Token[], a: number, lo: number, quotes: Array<[number, number]>): boolean {
  const p = toks[a - 1];
  return a <= lo || !p || p.sentence !== toks[a].sentence || p.t === ',' || p.t === '—' || p.t === '–' || isClose(p, quotes);
}

/** Index of the "(" of a short parenthesis "(D-Mo.)" or "(R)" that closes at toks[b]; -1 when there is none. */
function partyTag(toks: Token[], b: number): number {
  for (let k = b - 1; k >= 0 && b - k <= 7; k--) {
    if (toks[k].t === '(') { return k > 0 && toks[k].sentence === toks[b].sentence && toks[k + 1].cap ? k : -1; }
    if (toks[k].quote >= 0 || toks[k].t === ',' || toks[k].word && !toks[k].cap) { return -1; }
  }
  return -1;
}

/** Left end of the noun phrase ending at toks[b], within the sentence; -1 when none. */
function leftPhrase(toks: Token[], b: number, floor: number): number {
  let a = b;
  while (a - 1 >= floor) {
    const p = toks[a - 1];
    // A wide gap is blanked-out markup (a Markdown link or code), not the inside of one phrase.
    if (p.sentence !== toks[b].sentence || p.quote >= 0 || toks[a].gap > 2) { break; }
    if (p.word) {
      // "the secretary of state", "chief of staff": a title's "of" stays inside the phrase.
      if (BOUNDARY_WORDS.has(p.low) && !(p.low === 'of' && (toks[a].cap || a - 2 >= floor && TITLES.has(toks[a - 2].low) && !CUES.has(toks[a - 2].low)))) { break; }
      if (!p.cap && CUES.has(p.low) && !(a - 2 >= 0 && (NOUN_DETERMINERS.has(toks[a - 2].low) || toks[a - 2].low === 'of' && TITLES.has(toks[a - 3]?.low ?? '')))) { break; }
      a--;
      continue;
    }
    // Possessives, abbreviations and hyphens stay inside the phrase ("the port authority's", "Mr.", "Asante-Boateng").
    if ((p.t === '’' || p.t === "'") && toks[a].low === 's') { a--; continue; }
    if (p.t === '.' && a - 2 >= floor && ABBREVIATION.test(toks[a - 2].t)) { a--; continue; }
    // "a Harbor/Valley poll": a slash joins two names into one.
    if (p.t === '-' || p.t === '&' || p.t === '/' && toks[a].word && toks[a - 2]?.word && toks[a].gap === 0 && p.gap === 0) { a--; continue; }
    break;
  }
  // Drop leading words that open a clause rather than a phrase ("Then he", "Now the mayor").
  while (a < b && toks[a].word && !toks[a].cap && !/^\d/.test(toks[a].t) && !DETERMINERS.has(toks[a].low) && !SUBJECT_PRONOUNS.has(toks[a].low) && !roleBeforeName(toks, a, b) && !groupWithModifiers(toks, a, b) && !FRACTION.test(toks[a].low)) { a++; }
  while (a < b && toks[a].word && /^(?:But|And|So|Then|Now|Still|Yet|Also|However|Instead|Meanwhile|Later|Earlier|Today|Yesterday|On|In|At|After|Before|When|While|As|If|Asked|Speaking|Do|Does|Did|Can|Could|Would|Will|Should|Is|Are|Was|Were|Have|Has|Had)$/.test(toks[a].t) && (toks[a + 1].cap || SUBJECT_PRONOUNS.has(toks[a + 1].low) || DETERMINERS.has(toks[a + 1].low))) { a++; }
  if (a < b && nounPhrase(toks, a, b)) { const r = restartAtDeterminer(toks, a, b); if (r > a && nounPhrase(toks, r, b)) { return r; } }
  return nounPhrase(toks, a, b) ? a : -1;
}

/**
 * The end of an inverted source whose name ends at toks[b] and a comma follows: 'said Jane Roe, a lawyer for the city.'
 * Newsroom style piles appositives after the name ("Jane Roe, 41, a nurse from Dayton, who ran the clinic"),
 * all of them part of who is speaking when they run to the end of the sentence; a comma before a participle
 * or a quotation ends the source there. Returns the last token, or -1.
 */
function appositiveRun(toks: Token[], b: number, eIdx: number, quotes: Array<[number, number]>, longOnly = false): number {
  // "a professor in Nashville, Tennessee.": a place and its state stay together.
  const place = (k: number): boolean => toks[k + 1].t === ',' && !!toks[k].cap && !!toks[k + 2]?.cap && toks[k + 2].word && toks[k + 2].quote < 0 && (!toks[k + 3] || toks[k + 3].sentence !== toks[k + 2].sentence || /^[.,]$/.test(toks[k + 3].t) || isOpen(toks[k + 3], quotes));
  // A period the sentence reader did not end the sentence on belongs to an abbreviation ("C.I.A.", "Fla.").
  const dot = (n: Token, k: number): boolean => n.t === '.' && !!toks[k + 2] && toks[k + 2].sentence === n.sentence && (toks[k + 2].word && (ABBREVIATION.test(toks[k].t) || /\./.test(toks[k].t) || !toks[k + 2].cap) || toks[k + 2].t === ',');
  // Another appositive after a comma: a noun phrase or a relative clause, not a participle, a verb or a clause of its own.
  const more = (j: number): boolean => {
    const t = toks[j];
    if (!t || j > eIdx || !t.word || t.quote >= 0 || SUBJECT_PRONOUNS.has(t.low) || !t.cap && (/ing$/.test(t.low) || CUES.has(t.low) || OBJECT_CUES.has(t.low) || FINITE.test(t.low))) { return false; }
    if (t.low === 'and') { const n = toks[j + 1]; return !!n && n.word && (DETERMINERS.has(n.low) || n.cap) && !SUBJECT_PRONOUNS.has(n.low); }
    return !BOUNDARY_WORDS.has(t.low) || t.low === 'which';
  };
  const run = (long: boolean): number => {
    const first = toks[b + 2];
    if (!long && !(toks[b].cap && (DETERMINERS.has(first.low) || first.low === 'who' || !first.cap && !CUES.has(first.low) && !/ing$/.test(first.low)))) { return -1; }
    if (long && !more(b + 2)) { return -1; }
    let c = b + 2, rel = RELATIVE.test(first.low);
    for (; c + 1 <= eIdx && c - b < 60; c++) {
      const n = toks[c + 1];
      if (n.quote >= 0 || /^[;:!?—–()]$/.test(n.t) || n.t === ',' && !place(c) && !(long && more(c + 2))) { break; }
      if (n.t === '.' && !dot(n, c)) { break; }
      // Inside a relative clause ("who has known her for decades") verbs belong to the appositive.
      // A verb that takes an object or a clause starts a clause of its own ("..., the firm wants the gap narrowed");
      // in a long appositive that runs to the end of the sentence, a verb form without one is a noun ("a think tank").
      if (n.word && !n.cap && (CUES.has(n.low) || FINITE.test(n.low)) && !DETERMINERS.has(toks[c].low) && !rel && (!long || FINITE.test(n.low) || toks[c + 2] && (toks[c + 2].cap || DETERMINERS.has(toks[c + 2].low) || SUBJECT_PRONOUNS.has(toks[c + 2].low) || /^(?:that|to)$/.test(toks[c + 2].low)))) { break; }
      if (n.word && /^(?:who|which|whose)$/.test(n.low)) { rel = true; }
    }
    if (c - b >= 60 || !(toks[c].word || toks[c].t === ')' || toks[c].t === '.') || c + 1 <= eIdx && (toks[c + 1].quote >= 0 || toks[c + 1].word)) { return -1; }
    // The long reading must reach the end of the sentence (or a comma before what the speaker goes on to do).
    if (long && c + 1 <= eIdx && !/^[.!?,]$/.test(toks[c + 1].t)) { return -1; }
    return c;
  };
  return longOnly ? run(true) : Math.max(run(true), run(false));
}

/** Is the period after toks[k] an abbreviation's ("Feb. 12", "R.J. Okafor", "E.P.A. filings"), inside its sentence? */
function abbreviationDot(toks: Token[], k: number): boolean {
  const d = toks[k + 1], n = toks[k + 2];
  return !!d && d.t === '.' && !!n && n.word && n.sentence === d.sentence && toks[k].word && n.gap <= 1
    && (ABBREVIATION.test(toks[k].t) || /\./.test(toks[k].t) || /^(?:Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Inc|Corp|Co|Ft|Mt|St|Jr|Sr)$/.test(toks[k].t));
}

/** Index of the first token after toks[i] in the same sentence that ends a clause (, . ; : or a closing quote). */
function phraseEnd(toks: Token[], i: number, limit: number): number {
  let k = i;
  while (k + 1 <= limit && toks[k + 1].sentence === toks[i].sentence && toks[k + 1].quote < 0) {
    const n = toks[k + 1];
    if (!n.word && !(n.t === '.' && (ABBREVIATION.test(toks[k].t) && toks[k + 2]?.cap || abbreviationDot(toks, k))) && !((n.t === '’' || n.t === "'") && toks[k + 2]?.low === 's') && n.t !== '-') { break; }
    if (n.word && (BOUNDARY_WORDS.has(n.low) && n.low !== 'of' || CUES.has(n.low) && !n.cap)) { break; }
    // "said Jane Roe during the debate", "said Jane Roe last week": a time phrase after a name.
    if (n.word && toks[k].cap && /^(?:during|last|this|yesterday|today|tonight|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(n.low) && k > i) { break; }
    k++;
  }
  return k;
}

function analyseParagraph(text: string, paragraph: Paragraph, quotes: Array<[number, number]>): Found[] {
  const from = paragraph.position!.start.offset!, to = paragraph.position!.end.offset!;
  const sentenceEnds = paragraph.children.filter((c): c is Sentence => c.type === 'SentenceNode').map(s => s.position!.end.offset!);
  // A sentence that opens with a lowercase word continues the one before ("Q?" he asked.).
  const toks = tokenize(text, from, to, sentenceEnds, quotes);
  for (let i = 1; i < toks.length; i++) {
    if (toks[i].sentence !== toks[i - 1].sentence && (toks[i].word && !toks[i].cap || toks[i].t === ',' || isClose(toks[i - 1], quotes) && attributionAfter(toks, i, quotes))) {
      const old = toks[i].sentence;
      for (let k = i; k < toks.length && toks[k].sentence === old; k++) { toks[k].sentence = toks[i - 1].sentence; }
    }
  }
  // A quotation that ends on a stop, then a capitalised word: a new sentence the tokenizer did not split
  // ('..."he loves you." She says ...').
  for (let i = 1, id = toks.length ? toks[0].sentence : 0, was = id; i < toks.length; i++) {
    const t = toks[i], p = toks[i - 1];
    // Compare with the previous token's sentence as it was before renumbering (`was`): p.sentence is already renumbered.
    const orig = t.sentence;
    const split = orig === was && t.word && t.cap && t.quote < 0 && isClose(p, quotes) && /[.!?]/.test(text[p.s - 1] ?? '') && !attributionAfter(toks, i, quotes);
    if (split || orig !== was) { id++; }
    was = orig;
    t.sentence = id;
  }
  const sentStart = new Map<number, number>(), sentEnd = new Map<number, number>();
  toks.forEach((t, i) => { if (!sentStart.has(t.sentence)) { sentStart.set(t.sentence, i); } sentEnd.set(t.sentence, i); });
  const found: Found[] = [];
  const claimed = new Set<number>(); // token indices already part of a source or cue
  let floor = 0; // content of a cue never reaches back before the previous attribution's end
  let contentUntil = -1; // tokens before this offset belong to the clause content of an earlier cue
  const nested = new Set<number>(); // cues inside another attribution's content, which keeps them

  for (let i = 0; i < toks.length; i++) {
    if (claimed.has(i)) { continue; }
    const base = cueAt(toks, i, quotes);
    if (!base) { continue; }
    // Inside the clause a cue already took ("said the remarks were ..."), only a coordinated cue
    // ("..., adding", "and added") starts another attribution.
    // A comma may stand inside the quotation that closes before the cue ('"Q," adding ...').
    const afterComma = toks[i - 1]?.t === ',' || isClose(toks[i - 1], quotes) && text[toks[i - 1].s - 1] === ',';
    let beforeAux = i - 1;
    while (beforeAux > 0 && toks[beforeAux].word && !toks[beforeAux].cap && AUXILIARY.has(toks[beforeAux].low)) { beforeAux--; }
    if (i < contentUntil && toks[i].sentence === toks[contentUntil - 1]?.sentence && !(afterComma || /^(?:and|but)$/.test(toks[beforeAux]?.low ?? ''))) {
      const clause = newClause(toks, i);
      // Inside another's words only plain speech by a subject of its own starts again ("... while other voters
      // said ..."); thoughts and stances there are more often part of what was said.
      if (!clause || clause === 2 && base !== 'say') { continue; }
      // A subordinate clause ("..., while other voters said ...") is part of the words around it.
      if (clause === 2) { nested.add(toks[i].s); }
    }
    const sIdx = sentStart.get(toks[i].sentence)!, eIdx = sentEnd.get(toks[i].sentence)!;
    let cueA = i, cueB = i;
    let source: [number, number] | null = null;
    let contentStart = -1; // token index where content after the cue begins
    if (base === 'according') {
      cueB = i + 1;
      const a = cueB + 1;
      if (a > eIdx || !toks[a].word) { continue; }
      // "according to figures released by the finance ministry": the phrase runs to the comma.
      let b = a;
      while (b + 1 <= eIdx && toks[b + 1].quote < 0 && (!/^[,;:.!?—–()]$/.test(toks[b + 1].t) || abbreviationDot(toks, b)) && b - a < 14) { b++; }
      if (toks[b + 1] && !/^[,;:.!?—–()]$/.test(toks[b + 1].t) && toks[b + 1].sentence === toks[a].sentence) { b = phraseEnd(toks, a, eIdx); }
      source = [a, b];
      const before = toks[i - 1];
      if (i === sIdx || (before && before.t === ',' && i - 1 === sIdx) || (before && !before.word && isClose(before, quotes) === false && before.t !== ',')) {
        // "According to X, content."
        contentStart = toks[b + 1]?.t === ',' ? b + 2 : b + 1;
        if (contentStart > eIdx) { continue; }
        pushFound(found, text, toks, source, [cueA, cueB], contentStart, endOfContent(toks, contentStart, eIdx, quotes));
      } else {
        // "Content, according to X." (and "X, according to Y, ...": the rest of the sentence too)
        const cs = Math.max(sIdx, floor);
        let ce = i - 1;
        while (ce >= cs && !toks[ce].word && !isClose(toks[ce], quotes)) { ce--; }
        if (ce < cs) { continue; }
        // "..., according to Jane Roe, a lawyer for the city.": appositives that end the sentence are the source's.
        // Only after a clause of its own: after a fronted phrase ("In addition, according to X, ...") the
        // clause comes after the source.
        if (toks[b + 1]?.t === ',' && b + 2 <= eIdx && toks[b + 2].word && i - cs >= 4 && toks.slice(cs, i).some(t => t.word && !t.cap && (FINITE.test(t.low) || /ed$/.test(t.low)))) {
          const c = appositiveRun(toks, b, eIdx, quotes, true);
          if (c > b && (c + 1 > eIdx || /^[.!?]$/.test(toks[c + 1].t))) { b = c; source = [a, b]; }
        }
        const parts: Array<[number, number]> = [[toks[cs].s, toks[ce].e]];
        if (toks[b + 1]?.t === ',' && b + 2 <= eIdx) { const tail = endOfContent(toks, b + 2, eIdx, quotes); parts.push([toks[b + 2].s, tail]); }
        found.push(make(text, toks, source, [cueA, cueB], parts));
      }
      // A relative clause in the source ("who said ...") stays free for an attribution of its own.
      let claimTo = b;
      for (let r = source[0] + 1; r <= b; r++) { if (toks[r].word && /^(?:who|which|whose)$/.test(toks[r].low) && toks[r - 1].t === ',') { claimTo = r - 1; break; } }
      for (let k = cueA; k <= claimTo; k++) { claimed.add(k); }
      floor = claimTo + 1;
      i = claimTo;
      continue;
    }
    // Auxiliaries and adverbs between subject and verb belong to the cue ("has also said", "she jokingly tells").
    while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && (AUXILIARY.has(toks[cueA - 1].low) || mannerAdverb(toks, cueA - 1)) && toks[cueA - 1].quote < 0) { cueA--; }
    // "went on to say", "goes on to call": the phrase belongs to the cue.
    if (cueA - 3 >= sIdx && toks[cueA - 1].low === 'to' && toks[cueA - 2].low === 'on' && /^(?:went|goes|go|going|gone)$/.test(toks[cueA - 3].low)) {
      cueA -= 3;
      while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && AUXILIARY.has(toks[cueA - 1].low) && toks[cueA - 1].quote < 0) { cueA--; }
    }
    // "pointed out that ...", "shot back": the particle belongs to the cue.
    if (base === 'point') { cueB = i + 1; }
    // "is telling", "was saying": a progressive is a finite verb with its subject before it.
    const ing = /ing$/.test(toks[i].low) && !(cueA < i && /^(?:is|are|was|were|been|be|am)$/.test(toks[i - 1].low));
    const prev = toks[cueA - 1];
    // Source before the cue.
    // "with Sen. Jane Roe calling it "a farce"", "Roe saying that ...": a name right before the participle is its subject.
    const quoteSoon = toks.slice(i + 1, i + 13).some(t => t.quote >= 0 && t.sentence === toks[i].sentence);
    // "with most voters saying they ...", "a placard saying "Q"": a noun right before "saying" is its subject too.
    const nounBefore = !!prev && prev.word && !prev.cap && prev.quote < 0 && !STATEMENT_NOUN.has(prev.low) && !BOUNDARY_WORDS.has(prev.low) && !DETERMINERS.has(prev.low) && !AUXILIARY.has(prev.low) && !FINITE.test(prev.low) && !CUES.has(prev.low) && !OBJECT_CUES.has(prev.low) && !/(?:ly|ed|ing)$/.test(prev.low) && !SUBJECT_PRONOUNS.has(prev.low) && !OBJECT_PRONOUN.test(prev.low);
    const namedParticiple = ing && !!prev && prev.word && (prev.cap || nounBefore && base === 'say' && toks[i].low === 'saying') && prev.quote < 0 && (base === 'call' && quoteSoon || base === 'say' && (/^(?:that|he|she|they|it|we|i|the|a|an)$/.test(toks[i + 1]?.low ?? '') || isOpen(toks[i + 1], quotes)));
    if (prev && prev.sentence === toks[i].sentence && (!ing || namedParticiple)) {
      if (prev.low === 'who' && prev.word) {
        // 'Jane Roe, who said ...': the relative pronoun stands for the speaker.
        source = [cueA - 1, cueA - 1];
      } else if (prev.word || prev.t === '.' || prev.t === ')') {
        // "Jane Roe on Tuesday said": a time phrase between the subject and the verb is neither.
        let end = cueA - 1;
        if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(toks[end].low) && end - 2 >= Math.max(sIdx, floor)) {
          const back = /^(?:on|last|this|late|early)$/.test(toks[end - 1].low) ? 2 : 1;
          if (toks[end - back].word && toks[end - back].quote < 0 && !BOUNDARY_WORDS.has(toks[end - back].low)) { end -= back; }
        }
        let a = leftPhrase(toks, end, Math.max(sIdx, floor));
        // "Sen. Jane Roe (D-Mo.) said": the party tag stays with the name.
        const open = prev.t === ')' ? partyTag(toks, cueA - 1) : -1;
        if (open > 0 && toks[open - 1].cap) { a = leftPhrase(toks, open - 1, Math.max(sIdx, floor)); }
        // "Supporters of the mayor said", "Some advocates for the plan said", "Friends, aides and former
        // rivals say": the whole subject of the clause, when the short phrase does not open it.
        if (a < 0 || !clauseOpens(toks, a, Math.max(sIdx, floor), quotes)) {
          const w = clauseSubject(toks, end, Math.max(sIdx, floor), quotes);
          if (w >= 0 && (a < 0 || w < a)) { a = w; }
        }
        // "A White House official who spoke anonymously said": a relative clause inside the subject.
        if (a < 0 || !clauseOpens(toks, a, Math.max(sIdx, floor), quotes)) {
          for (let w = cueA - 2; w > Math.max(sIdx, floor) && cueA - w <= 20; w--) {
            const tw = toks[w];
            if (tw.quote >= 0 || /^[,;:()—–]$/.test(tw.t)) { break; }
            if (tw.low !== 'who') { continue; }
            const r = toks[w - 1].word ? leftPhrase(toks, w - 1, Math.max(sIdx, floor)) : -1;
            if (r >= 0 && clauseOpens(toks, r, Math.max(sIdx, floor), quotes) && (toks[r].cap || DETERMINERS.has(toks[r].low))) { a = r; }
            break;
          }
        }
        if (a >= 0) { source = [a, end]; }
      } else if (prev.t === ',' && !isClose(toks[cueA - 2], quotes)) {
        // An appositive between commas: "Grayson, an Orlando Democrat, said".
        const a = appositiveSubject(toks, cueA - 1, Math.max(sIdx, floor), quotes);
        // 'That would hurt her, forcing her to wait, said Jane Roe.': a participle clause is no appositive
        // when a name follows the verb.
        const nameAfter = cueA === i && !!toks[i + 1]?.word && toks[i + 1].cap && toks[i + 1].quote < 0 && ((n?: Token) => !n || n.sentence !== toks[i].sentence || /^[.,]$/.test(n.t))(toks[phraseEnd(toks, i + 1, eIdx) + 1]);
        const participle = a >= 0 && toks.slice(a + 1, cueA).some((t, j) => t.word && !t.cap && /ing$/.test(t.low) && toks[a + j].t === ',');
        if (a >= 0 && !(nameAfter && participle)) {
          // "Jane Roe, speaking to reporters, said", "Roe, R-Md., appearing on the news, said": the participle clause is
          // not part of who she is.
          const cut = toks.slice(a + 1, cueA).findIndex((t, j) => t.word && !t.cap && /ing$/.test(t.low) && t.low.length > 5 && toks[a + j].t === ',');
          source = [a, cut >= 0 ? a + cut - 1 : cueA - 1];
          // "Jane Roe, meanwhile, said": a word that links the sentence to the last is not part of who she is.
          if (cut < 0) { source = [a, linkingCut(text, toks, a, cueA - 1)]; }
        }
        // 'Jane Roe, a friend of the mayor's who ran her office for a decade, said, "Q."': an appositive too long
        // to read piece by piece, when a name opens the sentence and a quotation follows the verb.
        if (!source && a < 0 && cueA === i && toks[i + 1] && /^[,:]$/.test(toks[i + 1].t) && isOpen(toks[i + 2], quotes) && longAppositive(toks, sIdx, cueA - 1)) {
          source = [sIdx, cueA - 1];
        }
        // 'The city's new budget director, hired last spring from a firm in Ohio, said the gap ...': a subject that
        // opens the sentence, then a longer aside of any shape, then a verb of speech with its clause.
        if (!source && a < 0 && SPEECH.has(base) && !ing) {
          const s0 = longSubject(toks, Math.max(sIdx, floor), cueA - 1, quotes);
          if (s0 >= 0) { source = [s0, cueA - 1]; }
        }
      } else if ((prev.t === '—' || prev.t === '–') && SPEECH.has(base) && !ing) {
        // 'Jane Roe — a nurse from Dayton — says ...'
        const s0 = longSubject(toks, Math.max(sIdx, floor), cueA - 1, quotes);
        if (s0 >= 0) { source = [s0, cueA - 2]; }
      }
    }
    // A participle after a comma takes the sentence subject: "X defended the plan, telling reporters ...".
    if (!source && ing && prev && (prev.t === ',' || cueA === i && afterComma)) {
      // "At a rally, Jane Roe endorsed X, saying ...": an opening phrase is not the subject.
      let a = sIdx;
      // "PORTLAND (AP) — ": a dateline is not the subject either.
      let d = a;
      while (d < i && d - a < 8 && (toks[d].word && toks[d].t === toks[d].t.toUpperCase() && /\p{Lu}/u.test(toks[d].t) || /^[(),.]$/.test(toks[d].t))) { d++; }
      if (d > a && d < i && /^[—–-]$/.test(toks[d].t)) { a = d + 1; }
      if (INTRO.test(toks[a].t)) {
        let c = a;
        while (c < i && toks[c].t !== ',') { c++; }
        if (c + 1 < i) { a = c + 1; }
      }
      const b = subjectEnd(toks, a, i);
      if (b >= a) { source = [a, b]; }
    }
    // "X began by saying, "Q"", "upon saying ...", "X issued a statement saying ...": the participle's subject
    // is the sentence subject.
    if (!source && ing && prev && prev.sentence === toks[i].sentence && cueA === i && SPEECH.has(base)
      && (/^(?:by|upon)$/.test(prev.low) || base === 'say' && STATEMENT_NOUN.has(prev.low))) {
      let a = sIdx;
      if (INTRO.test(toks[a].t)) {
        let c = a;
        while (c < i && toks[c].t !== ',') { c++; }
        if (c + 1 < i) { a = c + 1; }
      }
      const b = a < i - 1 ? subjectEnd(toks, a, i - 1) : -1;
      if (b >= a) { source = [a, b]; }
    }
    // "Voters were more likely to say they ...", "She went on the radio to say ...": the subject of the clause says it.
    if (!source && base === 'say' && !ing && prev?.low === 'to' && prev.sentence === toks[i].sentence && toks[i + 1] && (toks[i + 1].low === 'that' || SUBJECT_PRONOUNS.has(toks[i + 1].low) && toks[i + 1].low !== 'it' || isOpen(toks[i + 1], quotes))) {
      let a = Math.max(sIdx, floor);
      if (INTRO.test(toks[a].t)) { let c = a; while (c < i && toks[c].t !== ',') { c++; } if (c + 1 < i) { a = c + 1; } }
      const b = toks[a] && !/^(?:it|there|this|that|what)$/.test(toks[a].low) ? subjectEnd(toks, a, i) : -1;
      if (b >= a && b < i - 1 && i - b <= 10 && !toks.slice(b + 1, i).some(t => t.quote >= 0 || !t.word || BOUNDARY_WORDS.has(t.low) && t.low !== 'to' && t.low !== 'on' || RELATIVE.test(t.low) || CUES.has(t.low) && t !== toks[i])) { source = [a, b]; cueA = b + 1; }
    }
    const speech = SPEECH.has(base) || base === 'generic';
    // Inverted: ', said X.' / '" said X'.
    let inverted = false, relAt = -1;
    if (!source && speech && !ing && (prev && (prev.t === ',' || isClose(prev, quotes)) || cueA === sIdx)) {
      const a = i + 1;
      if (a <= eIdx && toks[a].word && toks[a].quote < 0 && (toks[a].cap || DETERMINERS.has(toks[a].low) || SUBJECT_PRONOUNS.has(toks[a].low) || !CUES.has(toks[a].low))) {
        let b = phraseEnd(toks, a, eIdx);
        // 'said Rep. Jane Roe (D-Md.)': the party tag stays with the name.
        if (toks[b + 1]?.t === '(' && toks[b].cap) { for (let m = b + 2; m <= eIdx && m - b <= 7; m++) { if (toks[m].t === ')') { if (partyTag(toks, m) === b + 1) { b = m; } break; } } }
        // 'said Jane Roe, a lawyer for the city.': the appositive is part of who is speaking.
        if (nounPhrase(toks, a, b) && toks[b + 1]?.t === ',' && b + 2 <= eIdx && toks[b + 2].word) {
          const c = appositiveRun(toks, b, eIdx, quotes);
          if (c > b) {
            source = [a, c]; inverted = true;
            // A relative clause in the appositive may hold an attribution of its own ("who said ..."): its
            // pronoun and verb stay free for it.
            for (let r = b + 2; r <= c; r++) { if (toks[r].word && RELATIVE.test(toks[r].low) && toks[r].low !== 'that') { relAt = r; break; } }
          }
        }
        if (!source && nounPhrase(toks, a, b)) { source = [a, b]; inverted = true; }
      }
    }
    // "called the plan ... and said ...": a coordinated cue shares the subject of the one before.
    let shared: Span | null = null;
    const quotedObject = (base === 'call' || base === 'describe') && toks.slice(i + 1, i + 13).some(t => t.quote >= 0 && t.sentence === toks[i].sentence);
    if (!source && (speech || THOUGHT.has(base) || quotedObject) && prev && (prev.low === 'and' || prev.low === 'but')) {
      const last = found[found.length - 1];
      if (last && last.source && last.cue && last.cue.start >= toks[sIdx].s) { shared = last.source; }
      else if (toks[sIdx].word && sIdx < cueA - 2) {
        // 'Reid caucused on Saturday and says he ...': the sentence subject speaks.
        const b = subjectEnd(toks, sIdx, cueA);
        if (b >= sIdx && b < cueA - 2) { shared = sp(text, toks[sIdx].s, toks[b].e); }
      }
    }
    // '"Q," the mayor said, adding that ...': a participle after the attribution shares its speaker.
    if (!source && !shared && ing && speech && (prev?.t === ',' || cueA === i && afterComma || /^(?:before|after|while|then)$/.test(prev?.low ?? '') && prev.sentence === toks[i].sentence)) {
      const last = found[found.length - 1];
      if (last && last.source && last.cue && last.cue.start >= toks[sIdx].s) { shared = last.source; }
    }
    // 'The groups and others — including two unions — said that ...': a subject too tangled to read still
    // leaves the verb and its clause.
    const bare = !source && !shared && !ing && SPEECH.has(base) && prev?.sentence === toks[i].sentence && !isClose(prev, quotes) && prev.t !== ',' && toks[cueB + 1]?.low === 'that' && toks[cueB + 1].quote < 0;
    if (!source && !shared && !bare && !(ing && (prev?.t === ',' || cueA === i && afterComma))) { continue; }
    if (shared) {
      const f0 = found.length;
      let cs = cueB + 1;
      if (toks[cs]?.t === ',' || toks[cs]?.t === ':') { cs++; }
      if (cs > eIdx || !(toks[cs].word || isOpen(toks[cs], quotes))) { continue; }
      pushFound(found, text, toks, null, [cueA, cueB], cs, endOfContent(toks, cs, eIdx, quotes));
      if (found.length > f0) { found[f0].source = shared; }
      markClaimed(claimed, null, cueA, cueB);
      floor = cueB + 1;
      contentUntil = eIdx + 1;
      continue;
    }
    if (!speech && !source) { continue; }
    // What follows the cue.
    let k = (inverted ? source![1] : cueB) + 1;
    if (TELLING.has(base) || base === 'call' || base === 'describe' || base === 'praise' || base === 'criticize' || base === 'accuse') {
      // The addressee or object: "told reporters", "called the plan".
      // "asked how much it cost": a question word opens the words asked, not an addressee.
      if (k <= eIdx && toks[k].word && toks[k].low !== 'that' && toks[k].quote < 0 && base !== 'call' && base !== 'describe' && !/^(?:how|what|whether|why|who|when|where|which|if)$/.test(toks[k].low)) {
        const k0 = k;
        // A short object: "reporters", "him", "The Associated Press"; the clause after it is the content.
        if (toks[k].cap) { while (k + 1 <= eIdx && toks[k + 1].cap && toks[k + 1].word) { k++; } k++; }
        else if (/^(?:the|a|an|his|her|their|its)$/.test(toks[k].low) && toks[k + 1]?.word) { k += 2; }
        else { k++; }
        // "is telling a town hall in Salem that ...": a longer addressee, up to "that"; "told a union meeting in
        // Dayton she would ...": up to a pronoun that opens the clause.
        if (k <= eIdx && toks[k].low !== 'that' && base !== 'call' && base !== 'describe') {
          for (let m = k; m <= eIdx && m - k < 7 && toks[m].quote < 0 && (toks[m].word || toks[m].t === '-' || /^[’']$/.test(toks[m].t)); m++) {
            if (toks[m].low === 'that') { k = m; break; }
            if (m > k && /^(?:he|she|they|we|i)$/.test(toks[m].low) && toks[m + 1]?.word && (FINITE.test(toks[m + 1].low) || AUXILIARY.has(toks[m + 1].low))) { k = m; break; }
            if (FINITE.test(toks[m].low) || CUES.has(toks[m].low) && !toks[m].cap || /^(?:to|and|but|if|whether|who|which|when|as)$/.test(toks[m].low)) { break; }
          }
        }
        // 'told the paper, however, that ...': a linking word set off after the addressee.
        if (toks[k]?.t === ',' && k + 2 <= eIdx && LINKING.test(toks[k + 1].low) && toks[k + 2].t === ',' && toks[k + 3]?.low === 'that') { k += 3; }
        // "asked volunteers to knock on doors": what is asked of someone includes who is asked.
        if (/^(?:ask|urge|advise|instruct)$/.test(base) && toks[k]?.low === 'to' && toks[k].quote < 0) { k = k0; }
        // 'told ABC's "Good Morning America"': the programme's title is part of the addressee.
        if (k <= eIdx && isOpen(toks[k], quotes) && toks[k - 1].cap && titleQuote(text.slice(...quotes[toks[k].quote]))) {
          const end = quotes[toks[k].quote][1];
          while (k <= eIdx && toks[k].s < end) { k++; }
        }
      }
    }
    // "said in a statement", "said on Monday", "said Tuesday": part of the cue when it stands between cue and content.
    const extra = /^(?:in|on|at|during|last|this|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|previously|later|also|again|repeatedly)$/;
    let m = k;
    while (m <= eIdx && toks[m].word && toks[m].quote < 0 && (extra.test(toks[m].low) || m > k && !BOUNDARY_WORDS.has(toks[m].low) && toks[m - 1].low !== 'that' && m - k < 5 && /^(?:a|an|the|statement|interview|speech|tweet|post|letter|email|news|conference|release|week|month|year|night|morning|afternoon|evening|day|told|wrote|\p{Lu}.*)$/u.test(toks[m].t))) { m++; }
    if (m > k && /^in|on|at|during$/.test(toks[k].low) && /statement|interview|speech|tweet|post|letter|email|conference|release/.test(text.slice(toks[k].s, toks[m - 1].e))) { cueB = m - 1; k = m; }
    // 'Taxes will rise, he said on Tuesday, and ...': with a clause before, time and place words after the cue are
    // not its content.
    const lead0 = (inverted ? cueA : source ? Math.min(source[0], cueA) : cueA) - 1;
    if (toks[lead0]?.t === ',' && lead0 - 1 >= Math.max(sIdx, floor) && toks[lead0 - 1].sentence === toks[i].sentence && toks[k] && toks[k].sentence === toks[i].sentence && ADJUNCT.test(toks[k].low) && !(/^(?:there|here|now|then)$/.test(toks[k].low) && FINITE.test(toks[k + 1]?.low ?? ''))) {
      let m2 = k;
      while (m2 <= eIdx && toks[m2].quote < 0 && !/^[,.!?;:]$/.test(toks[m2].t) && !(toks[m2].low === 'that' && m2 > k)) { m2++; }
      if (m2 > eIdx || /^[,.!?;]$/.test(toks[m2].t)) { k = m2; }
    }
    const after = toks[k];
    const endsSentence = !after || after.sentence !== toks[i].sentence || after.t === '.' || after.t === '!' || after.t === '?' || after.t === ';';
    // '"Q," X said at the meeting.': the quotation before wins over the words after.
    const before = toks[(inverted ? cueA : source ? Math.min(source[0], cueA) : cueA) - 1];
    // 'Asked whether she "can win," 60 percent said yes': a quotation in the question is not what the speaker said.
    const askedLead = /^(?:Asked|When asked)$/.test(toks[Math.max(sIdx, floor)]?.t ?? '') && !toks.slice(Math.max(sIdx, floor), i).some(t => t.quote < 0 && t.word && !t.cap && CUES.has(t.low) && t.low !== 'asked');
    const quoteBefore = !askedLead && !!before && before.sentence === toks[i].sentence && (isClose(before, quotes) || before.t === ',' && isClose(toks[(inverted ? cueA : source ? Math.min(source[0], cueA) : cueA) - 2], quotes));
    // A later quotation is the second part of the first ('"Q1," X told NBC on Monday, "Q2."') only after a
    // comma and words of time and place; after a clause of its own ('as the crowd chanted "Q"', 'adding that
    // "Q"'), it belongs to that clause, and the words of this cue are still the quotation before.
    let part2 = -1, otherQuote = false;
    if (quoteBefore && !endsSentence && after.t !== ',' && after.t !== ':' && !isOpen(after, quotes)) {
      const k0 = k;
      while (k <= eIdx && toks[k].quote < 0 && !/^[.!?;]$/.test(toks[k].t)) { k++; }
      if (k <= eIdx && toks[k].quote >= 0) {
        const plain = !toks.slice(k0, k).some(t => t.word && !t.cap && (t.low === 'that' || CUES.has(t.low) || OBJECT_CUES.has(t.low) || RELATIVE.test(t.low) || /ing$/.test(t.low) || /^(?:as|when|while|after|before|because|and|but)$/.test(t.low)));
        if (isOpen(toks[k], quotes) && toks[k - 1].t === ',' && plain) { part2 = k; } else { otherQuote = true; k = k0; }
      }
    }
    const after2 = toks[k];
    const endsSentence2 = quoteBefore && (otherQuote || part2 >= 0 || !after2 || after2.sentence !== toks[i].sentence || /^[.!?;]$/.test(after2.t));
    if (!endsSentence && after.t === ':' && k + 1 > eIdx) {
      // "X said:" at the end of the paragraph: the content is in the next one.
      const f = make(text, toks, source, [cueA, cueB], [[toks[k].e, toks[k].e]]);
      f.colon = true;
      found.push(f);
      markClaimed(claimed, relAt > 0 && source ? [source[0], relAt - 1] : source, cueA, cueB);
      floor = k + 1;
      continue;
    }
    // 'He concluded, "Q."': a comma, then the quotation, and nothing of the sentence before the source.
    // 'Said Jane Roe, a nurse, "Q."': the inverted form that opens its sentence.
    // 'Yet another said, "Q."' and 'Although talks stalled, an aide said, "Q."': a conjunction or a fronted
    // subordinate clause before the source is not part of the words.
    const lead = Math.max(sIdx, floor), src0 = source ? source[0] : cueA;
    const fronted = !inverted && src0 > lead && (toks.slice(lead, src0).every(t => t.word && /^(?:but|and|yet|so|still|now|then|also|however)$/.test(t.low))
      || toks[src0 - 1]?.t === ',' && /^(?:Although|Though|While|When|If|As|After|Before|Because|Since|Once|Despite|In|At|On|During)$/.test(toks[lead].t) && !toks.slice(lead, src0).some(t => t.quote >= 0));
    const quoteAfterComma = !!after && after.t === ',' && isOpen(toks[k + 1], quotes)
      && (inverted ? cueA <= lead : fronted || src0 <= lead + (toks[lead]?.word ? 0 : 1));
    if (quoteAfterComma) { k++; }
    // 'said, however, that ...', 'added, that ...': a comma (and a linking word) before the clause.
    else if (after?.t === ',' && !quoteBefore && (toks[k + 1]?.low === 'that' || LINKING.test(toks[k + 1]?.low ?? '') && toks[k + 2]?.t === ',' && toks[k + 3]?.low === 'that') && toks[k + 1].sentence === toks[i].sentence) {
      k = toks[k + 1].low === 'that' ? k + 1 : k + 3;
    }
    if (!endsSentence && !endsSentence2 && (toks[k].t !== ',' || quoteAfterComma)) {
      // Content after the cue: "said (that) ...", "said: "..."".
      let cs = k;
      // 'said of the senator, "Q"': the topic is not the words.
      if (toks[cs].low === 'of' && base === 'say') {
        let q = cs + 1;
        while (q <= eIdx && toks[q].quote < 0 && q - cs < 12) { q++; }
        if (q <= eIdx && isOpen(toks[q], quotes) && /^[,:]$/.test(toks[q - 1].t)) { cs = q; }
      }
      // 'told reporters on Monday that ...': time words before "that" are not the words said.
      for (let q = cs; q <= eIdx && q - cs < 5 && toks[q].word && toks[q].quote < 0; q++) {
        if (toks[q].low === 'that') { if (q > cs) { cs = q; } break; }
        if (!(ADJUNCT.test(toks[q].low) || TIME_NOUN.test(toks[q].low) || /^(?:the|a|last|next|this|morning|afternoon|evening|night)$/.test(toks[q].low))) { break; }
      }
      // 'said after a meeting with donors on Friday that ...': a longer phrase of time or place before "that".
      if (toks[cs].low !== 'that' && toks[cs].word && (ADJUNCT.test(toks[cs].low) || PREPOSITION.test(toks[cs].low)) && toks[cs].quote < 0) {
        for (let q = cs + 1; q <= eIdx && q - cs <= 10 && toks[q].quote < 0 && (toks[q].word || /^[’'.-]$/.test(toks[q].t)); q++) {
          if (toks[q].low === 'that') { cs = q; break; }
          if (toks[q].word && !toks[q].cap && (FINITE.test(toks[q].low) || CUES.has(toks[q].low) || SUBJECT_PRONOUNS.has(toks[q].low) || BOUNDARY_WORDS.has(toks[q].low) && !PREPOSITION.test(toks[q].low))) { break; }
        }
      }
      if (toks[cs].t === ':' || toks[cs].t === '—') { cs++; }
      if (cs > eIdx) { continue; }
      const objectVerb = base === 'call' || base === 'describe' || base === 'praise' || base === 'criticize' || base === 'accuse';
      if (!speech && !(toks[cs].low === 'that' || toks[cs].low === 'to' && INTENT.has(base) || isOpen(toks[cs], quotes) || toks[cs].word && (SUBJECT_PRONOUNS.has(toks[cs].low) || toks[cs].cap || DETERMINERS.has(toks[cs].low) || objectVerb && /^(?:him|her|them|us|me|himself|herself|themselves|itself|myself|ourselves)$/.test(toks[cs].low)) || THOUGHT.has(base) && thoughtClause(toks, cs, eIdx)
        // "wants stricter rules", "proposed conducting a review": an object without a determiner, or a gerund.
        || (base === 'want' || base === 'propose' || base === 'recommend') && objectWithout(toks[cs]))) { continue; }
      // Without quoted words, "called him a fraud" and "described the plan as reckless" still judge; "called the
      // police", "a group called ..." do not.
      const judged = base === 'call' && /^(?:him|her|them|it|himself|herself|themselves|itself)$/.test(toks[cs].low) && /^(?:a|an|the|his|her|their|its)$/.test(toks[cs + 1]?.low ?? '') && toks[cs + 1].sentence === toks[cs].sentence
        || base === 'describe' && toks[cs].word && !BOUNDARY_WORDS.has(toks[cs].low) && toks.slice(cs + 1, Math.min(eIdx, cs + 10) + 1).some(t => t.low === 'as' && t.quote < 0);
      if ((base === 'call' || base === 'describe' || base === 'praise' || base === 'criticize' || base === 'accuse' || base === 'show' || base === 'find') && !judged && !toks.slice(cs, Math.min(eIdx, cs + 12) + 1).some(t => t.quote >= 0)) { continue; }
      const ce = endOfContent(toks, cs, eIdx, quotes);
      if (onlyAdjunct(text.slice(toks[cs].s, ce)) || /^(?:that|this|it|so)$/i.test(text.slice(toks[cs].s, ce))) { continue; }
      // "which some drivers said was unfair": the relative pronoun stands for what they said and is part of it.
      const rel = source && !inverted && (base === 'say' || base === 'think' || base === 'believe') ? relativeBefore(toks, i) : -1;
      // The clause after the verb has no subject of its own: "said was", "say runs".
      const verbNext = toks[cs].word && !toks[cs].cap && (FINITE.test(toks[cs].low) || !DETERMINERS.has(toks[cs].low) && !SUBJECT_PRONOUNS.has(toks[cs].low) && !BOUNDARY_WORDS.has(toks[cs].low) && /(?:ed|s)$/.test(toks[cs].low));
      pushFound(found, text, toks, source, [cueA, cueB], rel >= 0 && rel === source![0] - 1 && /^(?:which|what|that)$/.test(toks[rel].low) && verbNext ? rel : cs, ce);
      contentUntil = eIdx + 1;
      // Stop the content at a later cue's clause: handled by trimming when that cue is found.
      markClaimed(claimed, relAt > 0 && source ? [source[0], relAt - 1] : source, cueA, cueB);
      floor = cueB + 1;
      continue;
    }
    // Content before the cue: '"Q," X said.' or 'Q, X said.'
    const first = inverted ? cueA : source ? Math.min(source[0], cueA) : cueA;
    let ce = first - 1;
    while (ce >= 0 && toks[ce].t === ',' || ce >= 0 && toks[ce].t === '—') { ce--; }
    if (ce < 0 || ce < floor) { continue; }
    let cs: number;
    if (isClose(toks[ce], quotes)) {
      const q = quotes[toks[ce].quote];
      cs = toks.findIndex(t => t.s === q[0]);
      // 'The delay was "a disgrace," she said.': the quotation ends a clause of the speaker's, which is all content.
      const lead = Math.max(sentStart.get(toks[ce].sentence)!, floor);
      if (cs > lead && toks[ce].sentence === toks[i].sentence && toks.slice(lead, cs).some(t => t.word) && !toks.slice(lead, cs).some(t => t.quote >= 0 || t.t === ':' || t.t === ';')) { cs = lead; }
    } else {
      if (!speech) { continue; }
      cs = Math.max(sentStart.get(toks[ce].sentence)!, floor);
      if (toks[ce].sentence !== toks[i].sentence) { continue; }
    }
    if (cs < 0 || cs > ce) { continue; }
    const parts: Array<[number, number]> = [[toks[cs].s, toks[ce].e]];
    // '"Q1," X said, "Q2."': the second part.
    const p2 = after && after.t === ',' && isOpen(toks[k + 1], quotes) ? k + 1 : part2;
    if (p2 >= 0) {
      const q = quotes[toks[p2].quote];
      parts.push([q[0], q[1]]);
      k = toks.findIndex(t => t.e === q[1]);
    } else if (!isClose(toks[ce], quotes) && !ing) {
      // 'Over the years, she said, the rule has held.': the sentence goes on after the parenthetical attribution.
      let c = k;
      while (c <= eIdx && c - k < 8 && toks[c].t !== ',' && toks[c].quote < 0 && (toks[c].word && !CUES.has(toks[c].low) || toks[c].t === '.' && ABBREVIATION.test(toks[c - 1].t))) { c++; }
      const n = toks[c + 1];
      if (c <= eIdx && toks[c].t === ',' && n && c + 1 <= eIdx && (n.word && !(CUES.has(n.low) && (/ing$/.test(n.low) || SPEECH.has(CUES.get(n.low)!))) && !/^(?:but|or|as|while|when|although|though|which|who|after|before|adding|noting)$/.test(n.low) || isOpen(n, quotes))) {
        const tail = endOfContent(toks, c + 1, eIdx, quotes);
        if (tail > n.s) { parts.push([n.s, tail]); k = eIdx; }
      }
    }
    // Trim a previous attribution's content that ran into this one.
    const prevFound = found[found.length - 1];
    if (prevFound && prevFound.content.end > toks[cs].s && prevFound.content.start < toks[cs].s) { /* keep: separate clauses */ }
    found.push(make(text, toks, source, [cueA, cueB], parts));
    markClaimed(claimed, relAt > 0 && source ? [source[0], relAt - 1] : source, cueA, cueB);
    floor = Math.max(k, cueB + 1);
  }
  const before = found.length;
  objectCues(text, toks, quotes, found, claimed, sentStart, sentEnd);
  if (found.length > before) { found.sort((x, y) => (x.cue?.start ?? x.content.start) - (y.cue?.start ?? y.content.start)); }
  // A content clause never swallows the source and cue of a later attribution in the same sentence.
  for (let f = 0; f + 1 < found.length; f++) {
    const a = found[f], b = found[f + 1];
    if (a.whole || b.cue && nested.size && [...nested].some(at => b.cue!.start <= at && at < b.cue!.end)) { continue; }
    const cut = Math.min(b.source && b.source.start > a.content.start ? b.source.start : Infinity, b.cue?.start ?? Infinity);
    if (a.content.start < cut && a.content.end > cut && a.parts.length === 1) {
      let end = cut;
      while (end > a.content.start && /[\s,;—–-]/.test(text[end - 1])) { end--; }
      const joined = /\s+(?:and|but)$/.exec(text.slice(a.content.start, end));
      if (joined) { end -= joined[0].length; }
      while (end > a.content.start && /[\s,;—–-]/.test(text[end - 1])) { end--; }
      if (end > a.content.start) { a.content = sp(text, a.content.start, end); a.parts = [a.content]; a.direct = QUOTED.test(a.content.text); }
    }
  }
  // "responded Friday, saying ...": a time or place word alone is no content.
  return found.some(f => onlyAdjunct(f.content.text)) ? found.filter(f => !onlyAdjunct(f.content.text)) : found;
}

/** Content that is nothing but time or place words ("Friday", "on Tuesday night"). */
const ADJUNCT_WORD = /[\p{L}\p{N}]+/gu;
function onlyAdjunct(content: string): boolean {
  // Word by word, stopping at the first that is not a time or place word.
  ADJUNCT_WORD.lastIndex = 0;
  let any = false;
  for (let m = ADJUNCT_WORD.exec(content); m; m = ADJUNCT_WORD.exec(content)) {
    const w = m[0], low = w.toLowerCase();
    if (!(ADJUNCT.test(low) || TIME_NOUN.test(low) || /^(?:night|morning|afternoon|evening|\d+)$/i.test(w))) { return false; }
    any = true;
  }
  return any;
}

/** What a subject issues before a colon and its words: "released the following statement:". */
const STATEMENT_NOUN = new Set(['statement', 'statements', 'message', 'tweet', 'tweets', 'post', 'remarks', 'comment', 'comments', 'response', 'reply', 'note', 'letter', 'email', 'words']);
const STATEMENT_MODIFIER = /^(?:the|a|an|this|these|his|her|their|its|following|short|brief|written|new|same|lengthy|long|terse|joint|separate|official|public)$/;
const ISSUE_VERB = /^(?:issued|issues|released|releases|put|puts|sent|sends|gave|gives|posted|posts|offered|offers|provided|provides|shared|shares|wrote|writes|published|publishes|tweeted|tweets|added|adds|made|makes|delivered|delivers)$/;
const EVIDENCE_VERBS = new Set(['show', 'shows', 'showed', 'shown', 'found', 'finds', 'find']);
const OBJECT_PRONOUN = /^(?:him|her|them|it|us|me|you|what|how|whether|why)$/;
/** Words after an object that start a time or place adjunct, not more of the object ("endorsed Y on Tuesday"). */
const OBJECT_STOP = /^(?:who|which|while|because|but|although|though|after|before|when|since|as|saying|calling|adding|arguing|noting|on|during|at|yesterday|today|tonight|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const TIME_NOUN = /^(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|time)$/;

/** Last token of the object (and what hangs on it) that starts at toks[k]; -1 when there is none. */
function objectEnd(toks: Token[], k: number, eIdx: number, quotes: Array<[number, number]>, anyWord = false): number {
  const first = toks[k];
  if (!first || k > eIdx || first.sentence !== toks[k - 1]?.sentence) { return -1; }
  if (!(isOpen(first, quotes) || anyWord && (first.word || first.t === '$') && first.quote < 0 && !BOUNDARY_WORDS.has(first.low) || first.word && first.quote < 0 && (first.cap || DETERMINERS.has(first.low) || OBJECT_PRONOUN.test(first.low) || /^\d/.test(first.t) || /[’']s$/.test(first.low)))) { return -1; }
  let last = -1;
  for (let j = k; j <= eIdx && j - k < 40; j++) {
    const t = toks[j];
    if (t.quote >= 0) { while (j + 1 <= eIdx && toks[j + 1].quote === t.quote) { j++; } last = j; continue; }
    // "Mrs. Clinton", "Sen. Jane Roe (D-Ore.)": abbreviations and party tags stay in the object.
    if (t.t === '.' && ABBREVIATION.test(toks[j - 1]?.t ?? '') && toks[j + 1]?.cap && j + 1 <= eIdx) { continue; }
    if (t.t === '(' && j > k && toks[j - 1].cap) {
      let c = j + 1;
      while (c <= eIdx && c - j < 7 && toks[c].t !== ')' && toks[c].quote < 0 && toks[c].t !== ',') { c++; }
      if (c <= eIdx && toks[c].t === ')' && toks[j + 1].cap) { j = c; last = c; continue; }
    }
    if (!t.word) { if (/^[,;:.!?—–()]$/.test(t.t)) { break; } continue; }
    // A verb that starts a clause of its own ("and said", "saying"), not a noun that looks like one ("the plan").
    if (j > k && !t.cap && (CUES.has(t.low) && /(?:ed|ing|said|told|wrote|says|thought)$/.test(t.low) && !/^(?:the|a|an|his|her|their|its|for|of|about|by)$/.test(toks[j - 1].low) && !(toks[j - 2]?.low === 'what' && SUBJECT_PRONOUNS.has(toks[j - 1].low)) || OBJECT_STOP.test(t.low)) || j > k && t.cap && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.low)) { break; }
    if (j > k && (t.low === 'this' || t.low === 'last' || t.low === 'next') && TIME_NOUN.test(toks[j + 1]?.low ?? '')) { break; }
    if (t.low === 'and' && toks[j + 1] && (CUES.has(toks[j + 1].low) || OBJECT_CUES.has(toks[j + 1].low) || AUXILIARY.has(toks[j + 1].low))) { break; }
    last = j;
  }
  while (last > k && toks[last].word && (BOUNDARY_WORDS.has(toks[last].low) || DETERMINERS.has(toks[last].low))) { last--; }
  return last;
}

/**
 * Cues that the clause reader above leaves alone: stance verbs with an object ("X endorsed Y", "X accused Y
 * of Z"), "called for Y", refusals ("declined to comment") and evidence that shows or finds something
 * ("the poll shows Y leading"). Each needs a subject right before its verb; none reaches inside a content
 * already found, where a nested verb is more often part of what was said.
 */
function objectCues(text: string, toks: Token[], quotes: Array<[number, number]>, found: Found[], claimed: Set<number>, sentStart: Map<number, number>, sentEnd: Map<number, number>): void {
  const inside = (a: number) => found.some(f => f.parts.some(p => p.start <= toks[a].s && toks[a].s < p.end) || f.cue && f.cue.start <= toks[a].s && toks[a].s < f.cue.end);
  const spans = found.slice();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === ':' && t.quote < 0 && i > 2 && toks[i - 1].word && !toks[i - 1].cap && STATEMENT_NOUN.has(toks[i - 1].low) && (isOpen(toks[i + 1], quotes) && !inside(i + 1) || i === toks.length - 1) && !claimed.has(i - 1) && !inside(i - 1)) {
      // 'The mayor issued the following statement: "Q"': a verb of issuing, its statement, a colon, then the words
      // (or, with the colon at the paragraph's end, the next paragraph).
      const sIdx = sentStart.get(t.sentence)!;
      let v = i - 2;
      while (v > sIdx && i - 1 - v <= 3 && toks[v].word && !toks[v].cap && STATEMENT_MODIFIER.test(toks[v].low)) { v--; }
      if (v > sIdx && toks[v].word && !toks[v].cap && toks[v].quote < 0 && ISSUE_VERB.test(toks[v].low) && !claimed.has(v)) {
        let cueA = v;
        while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && AUXILIARY.has(toks[cueA - 1].low) && toks[cueA - 1].quote < 0) { cueA--; }
        const a = toks[cueA - 1]?.word ? leftPhrase(toks, cueA - 1, sIdx) : -1;
        if (a >= 0 && (toks[a].cap || DETERMINERS.has(toks[a].low) || SUBJECT_PRONOUNS.has(toks[a].low)) && clauseOpens(toks, a, sIdx, quotes) && !claimed.has(a) && !inside(a)) {
          const q = i + 1 < toks.length ? quotes[toks[i + 1].quote] : [t.e, t.e];
          const f = make(text, toks, [a, cueA - 1], [cueA, i], [[q[0], q[1]]]);
          if (i + 1 >= toks.length) { f.colon = true; }
          found.push(f);
          markClaimed(claimed, [a, cueA - 1], cueA, i);
          continue;
        }
      }
    }
    if (t.t === ':' && t.quote < 0 && i > 0 && toks[i - 1].word && toks[i - 1].cap && toks[i - 1].quote < 0 && isOpen(toks[i + 1], quotes) && !claimed.has(i - 1) && !inside(i - 1) && !inside(i + 1)) {
      // 'Pollsters agree - Jane Roe: "Q"', 'More from Roe: "Q"': a name, a colon, then the words. The colon is the cue.
      const sIdx = sentStart.get(t.sentence)!;
      let a = leftPhrase(toks, i - 1, sIdx);
      // "Jane Roe and John Doe:": a list of names after a dash or at the start.
      let w = i - 1;
      while (w - 1 >= sIdx && i - w < 8 && toks[w - 1].quote < 0 && (toks[w - 1].word && (toks[w - 1].cap || toks[w - 1].low === 'and') || toks[w - 1].t === '.' && ABBREVIATION.test(toks[w - 2]?.t ?? ''))) { w--; }
      if (toks[w].cap && (w === sIdx || /^[-—–]$/.test(toks[w - 1].t)) && (a < 0 || w < a)) { a = w; }
      if (a >= 0 && i - a <= 8 && toks.slice(a, i).filter(x => x.word && x.cap).length >= 1 && !PRONOUNS.has(toks[i - 1].low) && (a === sIdx || /^[-—–]$/.test(toks[a - 1].t) || toks[a - 1].low === 'from' && toks[a - 2]?.low === 'more')) {
        const q = quotes[toks[i + 1].quote];
        found.push(make(text, toks, [a, i - 1], [i, i], [[q[0], q[1]]]));
        markClaimed(claimed, [a, i - 1], i, i);
        continue;
      }
    }
    if (t.t === ':' && t.quote < 0 && i > 0 && i <= 4 && toks[i + 1] && (toks[i + 1].word || isOpen(toks[i + 1], quotes)) && !claimed.has(i) && !inside(i) && !inside(i + 1)
      && toks.slice(0, i).every(x => x.word && x.cap && x.quote < 0 || x.t === '.' || x.t === '-') && !LABEL.test(toks[0].low)
      && (i > 1 || /^(?:\p{Lu}{2,}|Q|A)$/u.test(toks[0].t) || properName(text, toks[0].t))) {
      // 'Jane Roe: We will win.', 'Q: Did you know?': a transcript or headline names the speaker before a colon
      // that opens the paragraph; the rest of the paragraph is what was said.
      const end = endOfContent(toks, i + 1, toks.length - 1, quotes);
      if (end > toks[i + 1].s) {
        const f = make(text, toks, [0, i - 1], [i, i], [[toks[i + 1].s, end]]);
        f.whole = true;
        found.push(f);
        markClaimed(claimed, [0, i - 1], i, i);
        continue;
      }
    }
    if (!t.word || t.quote >= 0 || claimed.has(i)) { continue; }
    const whenAsked = t.low === 'asked' && /^(?:when|after|once|if)$/.test(toks[i - 1]?.low ?? '') && toks[i - 1].sentence === t.sentence && toks[i - 1].quote < 0;
    if (t.low === 'asked' && (i === sentStart.get(t.sentence) || whenAsked && (i - 1 === sentStart.get(t.sentence) || toks[i - 2]?.sentence === t.sentence && (toks[i - 2].word || toks[i - 2].t === ',' || isClose(toks[i - 2], quotes))))) {
      // 'Asked whether the plan would pass, the mayor ...', '"No," she said when asked whether ...': the question
      // put to the subject, with no source; 'Asked by a reporter whether ...': the one who asked is named.
      let cs = i + 1;
      let asker: [number, number] | null = null;
      if (toks[cs]?.low === 'by' && toks[cs + 1]?.word) {
        let b = cs + 1;
        while (b + 1 < toks.length && b - cs < 6 && toks[b + 1].word && toks[b + 1].quote < 0 && !/^(?:whether|if|who|what|why|how|when|where|which|about|to|on)$/.test(toks[b + 1].low)) { b++; }
        if (nounPhrase(toks, cs + 1, b)) { asker = [cs + 1, b]; cs = b + 1; }
      }
      while (cs < toks.length && cs - i <= 4 && toks[cs].word && (/ly$/.test(toks[cs].low) || ADJUNCT.test(toks[cs].low) || TIME_NOUN.test(toks[cs].low))) { cs++; }
      if (!/^(?:whether|if|who|what|why|how|when|where|which|about)$/.test(toks[cs]?.low ?? '')) { continue; }
      let last = cs;
      while (last + 1 < toks.length && toks[last + 1].sentence === t.sentence && !(toks[last + 1].quote < 0 && /^[,;:.!?—–]$/.test(toks[last + 1].t)) && !(isClose(toks[last], quotes) && toks[last - 1]?.t === ',')) { last++; }
      const commaIn = isClose(toks[last], quotes) && toks[last - 1]?.t === ',';
      // At the start of a sentence the question runs to its comma; after "when", to the end of the clause.
      if (toks[last + 1]?.t !== ',' && !commaIn && !(whenAsked && i - 1 !== sentStart.get(t.sentence))) { continue; }
      found.push(make(text, toks, asker, [i, i], [[toks[cs].s, toks[last].e]]));
      markClaimed(claimed, asker, i, i);
      continue;
    }
    if (t.low === 'asked' && /^(?:was|were|is|are|been|being)$/.test(toks[i - 1]?.low ?? '') && toks[i - 1].sentence === t.sentence && /^(?:whether|if|who|what|why|how|which|where)$/.test(toks[i + 1]?.low ?? '') && toks[i + 1].sentence === t.sentence && !claimed.has(i) && !inside(i)) {
      // "when residents were asked which road needed repair, ...": the question put, with nobody named as asking.
      const eIdx = sentEnd.get(t.sentence)!;
      let last = i + 1;
      while (last + 1 <= eIdx && !(toks[last + 1].quote < 0 && /^[,;:.!?—–]$/.test(toks[last + 1].t))) { last++; }
      if (last > i + 1) {
        found.push(make(text, toks, null, [i - 1, i], [[toks[i + 1].s, toks[last].e]]));
        markClaimed(claimed, null, i - 1, i);
        continue;
      }
    }
    if (t.low === 'put' && toks[i + 1]?.low === 'it' && toks[i + 1].quote < 0 && !inside(i)) {
      // 'As the mayor put it, "Q."' and 'Q, as the mayor put it.': the words are the clause beside the "as".
      const sIdx = sentStart.get(t.sentence)!, eIdx = sentEnd.get(t.sentence)!;
      let cueA = i;
      while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && AUXILIARY.has(toks[cueA - 1].low)) { cueA--; }
      const a = cueA - 1 > sIdx ? leftPhrase(toks, cueA - 1, sIdx) : -1;
      if (a >= 1 && toks[a - 1].low === 'as' && toks[a - 1].sentence === t.sentence && !claimed.has(a)) {
        const as = a - 1;
        let part: [number, number] | null = null;
        if (toks[i + 2]?.t === ',' && i + 3 <= eIdx && toks[i + 3].sentence === t.sentence) {
          part = [toks[i + 3].s, endOfContent(toks, i + 3, eIdx, quotes)];
        } else if (as - 1 > sIdx && toks[as - 1].t === ',' && (!toks[i + 2] || toks[i + 2].sentence !== t.sentence || /^[.!?]$/.test(toks[i + 2].t))) {
          part = [toks[sIdx].s, toks[as - 2].e];
        }
        if (part && part[1] > part[0]) {
          found.push(make(text, toks, [a, cueA - 1], [cueA, i + 1], [part]));
          markClaimed(claimed, [a, cueA - 1], cueA, i + 1);
          continue;
        }
      }
    }
    if (t.low === 'referring' && toks[i + 1]?.low === 'to' && toks[i + 2]?.word && toks[i + 2].quote < 0 && (toks[i - 1]?.t === ',' || isClose(toks[i - 1], quotes) && text[toks[i - 1].s - 1] === ',')) {
      // '"Q," she said, referring to the mayor.': what the speaker meant, up to the next comma.
      const sIdx = sentStart.get(t.sentence)!, eIdx = sentEnd.get(t.sentence)!;
      const lastFound = [...found].reverse().find(f => f.cue && f.cue.start >= toks[sIdx].s && f.cue.start < t.s);
      let last = i + 2;
      while (last + 1 <= eIdx && !(toks[last + 1].quote < 0 && /^[,;:.!?—–()]$/.test(toks[last + 1].t))) { last++; }
      if (lastFound?.source) {
        const f = make(text, toks, null, [i, i + 1], [[toks[i + 2].s, toks[last].e]]);
        f.source = lastFound.source;
        found.push(f);
        markClaimed(claimed, null, i, i + 1);
      }
      continue;
    }
    if (t.low === 'expected' && toks[i + 1]?.low === 'to' && toks[i + 2]?.word && toks[i + 2].quote < 0 && !spans.some(f => f.parts.some(p => p.start <= t.s && t.s < p.end))) {
      // "The vote is expected to pass": an expectation nobody is named for; the content is what is expected
      // of the subject, the subject and the infinitive together.
      let be = i - 1;
      while (be > 0 && toks[be].word && /ly$|^(?:also|still|now|widely|generally|not)$/.test(toks[be].low)) { be--; }
      if (toks[be]?.word && /^(?:is|are|was|were|’s|'s)$/.test(toks[be].low) && toks[be].sentence === t.sentence) {
        const sIdx = sentStart.get(t.sentence)!, eIdx = sentEnd.get(t.sentence)!;
        const ce = endOfContent(toks, i + 1, eIdx, quotes);
        let a = be - 1 >= sIdx && toks[be - 1].word ? leftPhrase(toks, be - 1, sIdx) : -1;
        if (a >= 0 && !clauseOpens(toks, a, sIdx, quotes)) { const w = clauseSubject(toks, be - 1, sIdx, quotes); if (w >= 0 && w < a) { a = w; } }
        const parts: Array<[number, number]> = [];
        if (a >= 0 && !RELATIVE.test(toks[a].low) && !claimed.has(a)) { parts.push([toks[a].s, toks[be - 1].e]); }
        parts.push([toks[i + 1].s, ce]);
        if (ce > toks[i + 1].s) {
          found.push(make(text, toks, null, [be, i], parts));
          markClaimed(claimed, null, be, i);
          continue;
        }
      }
    }
    if (t.t === 'In' && t.quote < 0 && (i === sentStart.get(t.sentence) || /^(?:But|And|Yet|So)$/.test(toks[i - 1]?.t ?? '') && i - 1 === sentStart.get(t.sentence)) && !claimed.has(i) && !inside(i)) {
      // "In a county survey last spring, most renters favored ...": the survey is the source of the clause after it.
      const eIdx = sentEnd.get(t.sentence)!;
      let c = i + 1;
      while (c <= eIdx && c - i <= 14 && toks[c].quote < 0 && !/^[,;:—–()]$/.test(toks[c].t)) { c++; }
      if (c <= eIdx && c - i <= 14 && toks[c].t === ',' && c - 1 > i && DETERMINERS.has(toks[i + 1].low) && toks.slice(i + 1, c).some(x => x.word && !x.cap && /^(?:poll|polls|survey|surveys|study|analysis|report|census|tally|count)$/.test(x.low)) && c + 1 <= eIdx && toks[c + 1].word) {
        const ce = endOfContent(toks, c + 1, eIdx, quotes);
        if (ce > toks[c + 1].s) {
          found.push(make(text, toks, [i + 1, c - 1], [i, i], [[toks[c + 1].s, ce]]));
          markClaimed(claimed, [i + 1, c - 1], i, i);
          continue;
        }
      }
    }
    if (!t.cap && t.quote < 0 && NOMINAL.test(t.low) && !claimed.has(i) && !inside(i)) {
      // "his call for a recount", "the mayor's claim that ...", "her plan to cut taxes": a noun of saying or intending
      // after a possessive, whose owner is the source and whose complement is the content.
      const eIdx = sentEnd.get(t.sentence)!;
      let p = i - 1;
      if (toks[p]?.word && !toks[p].cap && !/[’']s$/.test(toks[p].low) && !/^(?:his|her|their|its)$/.test(toks[p].low) && /^(?:his|her|their|its)$|[’']s$/.test(toks[p - 1]?.low ?? '')) { p--; }
      const owner = toks[p];
      const next = toks[i + 1];
      if (owner && owner.sentence === t.sentence && owner.word && owner.quote < 0 && (/^(?:his|her|their|its)$/.test(owner.low) || /[’']s$/.test(owner.low)) && next && next.quote < 0 && next.sentence === t.sentence && /^(?:that|to|for|of|on|about|against)$/.test(next.low) && i + 2 <= eIdx) {
        let a = p;
        if (/[’']s$/.test(owner.low)) { const l = leftPhrase(toks, p, sentStart.get(t.sentence)!); if (l >= 0) { a = l; } }
        const clause = next.low === 'that' || next.low === 'to' && toks[i + 2].word && !toks[i + 2].cap && !DETERMINERS.has(toks[i + 2].low);
        const cs = clause ? i + 1 : i + 2;
        let ce = -1;
        if (clause) { ce = endOfContent(toks, cs, eIdx, quotes); let m = cs; while (m <= eIdx && !(toks[m].quote < 0 && /^[,;:—–()]$/.test(toks[m].t))) { m++; } if (m <= eIdx && m > cs) { ce = toks[m - 1].e; } }
        else { const last = objectEnd(toks, cs, eIdx, quotes, true); if (last >= cs) { ce = toks[last].e; } }
        if (ce > toks[cs].s && !claimed.has(a)) {
          found.push(make(text, toks, [a, p], [i, clause ? i : i + 1], [[toks[cs].s, ce]]));
          markClaimed(claimed, [a, p], i, clause ? i : i + 1);
          continue;
        }
      }
    }
    if (/^(?:seems?|seemed|appears?|appeared)$/.test(t.low) && /^(?:to|like|that)$/.test(toks[i + 1]?.low ?? '') && toks[i + 1].quote < 0 && toks[i + 2]?.word && !spans.some(f => f.parts.some(p => p.start <= t.s && t.s < p.end))) {
      // "The new rules appear to have slowed applications", "It seems that ...": how things look to the writer, with
      // nobody named. The content is the clause, its subject included; after "it", what follows the verb.
      const sIdx = sentStart.get(t.sentence)!, eIdx = sentEnd.get(t.sentence)!;
      let cueA = i;
      while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && (AUXILIARY.has(toks[cueA - 1].low) || /^(?:might|may|would|could|can|will|must|should)$/.test(toks[cueA - 1].low)) && toks[cueA - 1].quote < 0) { cueA--; }
      const prev = toks[cueA - 1];
      const ce = endOfContent(toks, i + 1, eIdx, quotes);
      if (prev && prev.sentence === t.sentence && prev.low === 'it' && prev.word && toks[i + 1].low !== 'to') {
        if (ce > toks[i + 1].s && !claimed.has(cueA - 1)) {
          found.push(make(text, toks, null, [cueA - 1, i], [[toks[i + 1].s, ce]]));
          markClaimed(claimed, null, cueA - 1, i);
        }
        continue;
      }
      let a = prev && prev.sentence === t.sentence && prev.word && prev.quote < 0 && !RELATIVE.test(prev.low) ? leftPhrase(toks, cueA - 1, sIdx) : -1;
      if (a >= 0 && !clauseOpens(toks, a, sIdx, quotes)) { const w = clauseSubject(toks, cueA - 1, sIdx, quotes); if (w >= 0 && w < a) { a = w; } }
      if (a >= 0 && !claimed.has(a) && !inside(a) && ce > toks[i + 1].s) {
        found.push(make(text, toks, null, [cueA, i], [[toks[a].s, ce]]));
        markClaimed(claimed, null, cueA, i);
        continue;
      }
    }
    // "a group backing the mayor", "voters who support the plan", "can endorse her": participles and bare forms of
    // stance verbs, which need their subject right before them (the bare form also serves as a noun).
    const stance = !t.cap && /^(?:supporting|backing|opposing|endorsing|support|oppose|endorse)$/.test(t.low);
    const objectBase = !t.cap ? OBJECT_CUES.get(t.low) ?? (stance ? 'stance' : undefined) : undefined;
    const callFor = !t.cap && (t.low === 'called' || t.low === 'calls' || t.low === 'calling') && /^(?:for|on)$/.test(toks[i + 1]?.low ?? '');
    // "referred to the plan as "a farce"", "warned of a "ferocious" fight", "talked about "the progress we made"":
    // a verb and its particle, trusted only when the object quotes words.
    const phrasal = !t.cap && !!toks[i + 1]?.word && !!PHRASAL.get(t.low)?.test(toks[i + 1].low);
    const refusal = !t.cap && REFUSAL.has(t.low) && toks[i + 1]?.low === 'to' && toks[i + 2]?.word;
    const evidence = !t.cap && EVIDENCE_VERBS.has(t.low);
    // "voters see her as the stronger candidate", "regarded the plan as reckless": a view held, when "as" follows.
    let seeAs = false;
    if (!t.cap && /^(?:see|sees|saw|view|views|viewed|regard|regards|regarded)$/.test(t.low)) {
      for (let m = i + 2; m < toks.length && m - i <= 10 && toks[m].sentence === t.sentence && toks[m].quote < 0 && !/^[,;:.!?—–()]$/.test(toks[m].t); m++) { if (toks[m].low === 'as') { seeAs = true; break; } }
    }
    if (!objectBase && !callFor && !phrasal && !refusal && !evidence && !seeAs) { continue; }
    if (spans.some(f => f.parts.some(p => p.start <= t.s && t.s < p.end))) { continue; }
    const sIdx = sentStart.get(t.sentence)!, eIdx = sentEnd.get(t.sentence)!;
    let cueA = i;
    while (cueA - 1 > sIdx && toks[cueA - 1].word && !toks[cueA - 1].cap && (AUXILIARY.has(toks[cueA - 1].low) || mannerAdverb(toks, cueA - 1)) && toks[cueA - 1].quote < 0) { cueA--; }
    const prev = toks[cueA - 1];
    if (!prev || prev.sentence !== t.sentence || prev.quote >= 0 || inside(cueA - 1) && !claimed.has(cueA - 1)) { continue; }
    if (objectBase === 'stance' && (/ing$/.test(t.low) ? cueA < i || !prev.word || BOUNDARY_WORDS.has(prev.low) || PREPOSITION.test(prev.low) || DETERMINERS.has(prev.low) || FINITE.test(prev.low) || AUXILIARY.has(prev.low) || CUES.has(prev.low) || /ly$/.test(prev.low)
      : !(cueA < i || prev.low === 'who' || SUBJECT_PRONOUNS.has(prev.low) && prev.low !== 'it'))) { continue; }
    // "Republicans who backed him": only a relative pronoun or a whole noun phrase is a subject.
    let source: [number, number] | null = null;
    // "X questioned the science and criticized the deal": a coordinated verb shares the subject before.
    let sharedSource: Span | null = null;
    if ((prev.low === 'and' || prev.low === 'but') && objectBase) {
      const before = [...found].reverse().find(f => f.source && f.cue && f.cue.start >= toks[sIdx].s && f.cue.end <= prev.s);
      if (before) { sharedSource = before.source; source = [cueA - 1, cueA - 1]; }
    }
    // "..., she said, calling on Congress to "act now"", "issued a statement calling for ...": a participle takes
    // the speaker of the attribution before it, or the subject of the sentence.
    const participle = t.low === 'calling' && cueA === i;
    if (participle) {
      if (prev.t === ',' || isClose(prev, quotes) && text[prev.s - 1] === ',') {
        const before = [...found].reverse().find(f => f.source && f.cue && f.cue.start >= toks[sIdx].s && f.cue.end <= t.s);
        if (before) { sharedSource = before.source; source = [cueA - 1, cueA - 1]; }
      } else if (STATEMENT_NOUN.has(prev.low)) {
        // "Hours later, she issued a statement calling ...": the clause after an opening phrase.
        let c = i - 1;
        while (c > sIdx && toks[c].t !== ',' && toks[c].quote < 0) { c--; }
        let a = c > sIdx && toks[c].t === ',' ? c + 1 : sIdx;
        let b = subjectEnd(toks, a, i - 1);
        if (b < a && a !== sIdx) { a = sIdx; b = subjectEnd(toks, a, i - 1); }
        if (b >= a) { source = [a, b]; }
      }
      if (!source) { continue; }
    }
    if (sharedSource || participle) { /* the subject of the verb before */ }
    else if (prev.low === 'who') { source = [cueA - 1, cueA - 1]; }
    // "the records, which show ...": a relative pronoun stands for the evidence before it.
    else if (evidence && prev.low === 'which' && (EVIDENCE.has(toks[cueA - 2]?.low ?? '') || toks[cueA - 2]?.t === ',' && EVIDENCE.has(toks[cueA - 3]?.low ?? ''))) { source = [cueA - 1, cueA - 1]; }
    else if (prev.word || prev.t === ')') {
      // "Jane Roe on Friday endorsed": a time phrase between the subject and the verb.
      let end = cueA - 1;
      if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(toks[end].low) && end - 1 > sIdx) { end -= /^(?:on|last|this)$/.test(toks[end - 1].low) ? 2 : 1; }
      let a = leftPhrase(toks, end, sIdx);
      // "Early returns from a county survey show", "Both of the county's judges backed": the whole subject of the clause.
      if (a < 0 || !clauseOpens(toks, a, sIdx, quotes)) { const w = clauseSubject(toks, end, sIdx, quotes); if (w >= 0 && (a < 0 || w < a)) { a = w; } }
      if (a >= 0) { source = [a, end]; }
    } else if (prev.t === ',' && !isClose(toks[cueA - 2], quotes) && !evidence) {
      // "Jane Roe, a lawyer for the city, endorsed ...": the name before the appositive.
      const a = appositiveSubject(toks, cueA - 1, sIdx, quotes);
      if (a >= 0) { source = [a, linkingCut(text, toks, a, cueA - 1)]; }
    }
    // A subject another cue already has may act again ("X endorsed Y, saying ..."); a cue's words may not.
    const taken = (k: number): boolean => claimed.has(k) && !found.some(f => f.source && f.source.start <= toks[k].s && toks[k].s < f.source.end);
    if (!source || taken(source[0]) || taken(source[1])) { continue; }
    // The subject must name the evidence: its head, or a noun before what qualifies it ("the report published Tuesday").
    if (evidence && !toks.slice(source[0], source[1] + 1).some(x => EVIDENCE.has(x.low)) && !(sharedSource || toks[source[0]].low === 'which')) { continue; }
    let cueB = i;
    let cs = i + 1;
    if (callFor || phrasal) { cueB = i + 1; cs = i + 2; }
    if (evidence && toks[cs]?.low === 'that') { /* the clause keeps its "that", as after "said" */ }
    let ce: number;
    if (refusal) {
      ce = endOfContent(toks, cs, eIdx, quotes);
    } else if (evidence) {
      if (cs > eIdx || !(toks[cs].word || isOpen(toks[cs], quotes))) { continue; }
      ce = endOfContent(toks, cs, eIdx, quotes);
      // ", which found waste in three offices, was released": a relative clause between commas ends at its comma.
      if (toks[source[0]].low === 'which' && toks[source[0] - 1]?.t === ',') {
        let m = cs;
        while (m <= eIdx && !(toks[m].t === ',' && toks[m].quote < 0)) { m++; }
        if (m <= eIdx && m > cs) { ce = toks[m - 1].e; }
      }
    } else {
      // "expressed deep regret": a feeling expressed needs no determiner.
      // "called for deeper cuts", "calls for $2 million in repairs": what is called for needs no determiner.
      let last = objectEnd(toks, cs, eIdx, quotes, phrasal || callFor || objectBase === 'express' || objectBase === 'voice');
      if (last < cs) { continue; }
      // "referred to Jane Roe as "a reformer"": the "as" phrase completes the object.
      if (seeAs && toks[last + 1]?.low !== 'as') { continue; }
      if ((phrasal || seeAs) && toks[last + 1]?.low === 'as' && toks[last + 1].quote < 0) { const more = objectEnd(toks, last + 2, eIdx, quotes, true); if (more > last + 1) { last = more; } }
      if (phrasal && !SPOKEN_OF.test(`${t.low} ${toks[i + 1].low}`) && !toks.slice(cs, last + 1).some(x => x.quote >= 0)) { continue; }
      ce = toks[last].e;
      // 'warned of the dangers of "Q" who are ...', 'calling on X to "Q" and ...': with quoted words, a phrasal
      // cue's object runs on to the end of the sentence, unless a new clause ("but said ...") starts.
      if ((phrasal || callFor || objectBase) && toks.slice(cs, last + 1).some(x => x.quote >= 0) && last < eIdx) {
        let m = last + 1;
        while (m <= eIdx && !(toks[m].quote < 0 && /^[;:—–(]$/.test(toks[m].t)) && !(toks[m].low === 'but' && toks[m].quote < 0) && !(toks[m].t === ',' && toks[m].quote < 0)) { m++; }
        const end = m > eIdx ? endOfContent(toks, cs, eIdx, quotes) : ce;
        // "... on Tuesday": time and place words after the object are not part of it.
        if (end > ce && !onlyAdjunct(text.slice(toks[last + 1].s, end))) { ce = end; }
      }
    }
    if (ce <= toks[cs].s) { continue; }
    const f = make(text, toks, sharedSource ? null : source, [cueA, cueB], [[toks[cs].s, ce]]);
    if (sharedSource) { f.source = sharedSource; }
    found.push(f);
    markClaimed(claimed, sharedSource ? null : source, cueA, cueB);
  }
}

/** Verb forms whose particle makes them a cue: "referred to", "warned of", "talked about". */
const PHRASAL = new Map<string, RegExp>([
  ['refers', /^to$/], ['referred', /^to$/], ['warns', /^(?:of|about)$/], ['warned', /^(?:of|about)$/],
  ['talks', /^about$/], ['talked', /^about$/], ['complains', /^about$/], ['complained', /^about$/],
  ['spoke', /^about$/], ['speaks', /^about$/], ['pointed', /^to$/], ['points', /^to$/],
]);
/** Phrasal cues that report speech whatever their object: "talked about the budget", "pointed to the polls". */
const SPOKEN_OF = /^(?:talks about|talked about|spoke about|speaks about|complained about|complains about|pointed to|points to)$/;

function markClaimed(claimed: Set<number>, source: [number, number] | null, cueA: number, cueB: number): void {
  if (source) { for (let k = source[0]; k <= source[1]; k++) { claimed.add(k); } }
  for (let k = cueA; k <= cueB; k++) { claimed.add(k); }
}

/** Last token index of the sentence subject starting at toks[a], before the verb (capitalised phrase or pronoun). */
function subjectEnd(toks: Token[], a: number, limit: number): number {
  if (SUBJECT_PRONOUNS.has(toks[a].low)) { return a; }
  let b = a - 1;
  for (let k = a; k < limit; k++) {
    const t = toks[k];
    if (t.quote >= 0) { break; }
    if (t.word && (t.cap || k === a && DETERMINERS.has(t.low) || k > a && (t.low === 'of' || DETERMINERS.has(toks[k - 1].low) || /’s|'s/.test(t.t)))) { b = k; continue; }
    if (!t.word && (t.t === '.' && ABBREVIATION.test(toks[k - 1]?.t ?? '') || t.t === '-' || t.t === '’' || t.t === "'")) { continue; }
    if (t.word && t.low === 's' && /[’']/.test(toks[k - 1].t)) { b = k; continue; }
    // "The billionaire businessman", "The Florida senator": lowercase nouns after the phrase's start, up to
    // the verb (a known verb form, an -ed word, or a word followed by what follows a verb).
    if (t.word && b === k - 1 && k > a && (DETERMINERS.has(toks[a].low) || toks[a].cap) && k - a < 6 && !lowerVerb(toks, k, limit)) { b = k; continue; }
    break;
  }
  return b >= a && nounPhrase(toks, a, b) ? b : -1;
}

/** Does the lowercase word toks[k] look like the verb after a subject rather than more of the subject? */
function lowerVerb(toks: Token[], k: number, limit: number): boolean {
  const t = toks[k], n = toks[k + 1];
  if (FINITE.test(t.low) || AUXILIARY.has(t.low) || CUES.has(t.low) || OBJECT_CUES.has(t.low) || BOUNDARY_WORDS.has(t.low) && t.low !== 'of' || PREPOSITION.test(t.low) && t.low !== 'of') { return true; }
  if (/(?:ed|ly)$/.test(t.low) && t.low.length > 4) { return true; }
  if (!n || k + 1 >= limit) { return false; }
  return n.word && !n.cap && (DETERMINERS.has(n.low) || SUBJECT_PRONOUNS.has(n.low) || OBJECT_PRONOUN.test(n.low) || n.low === 'to' || PREPOSITION.test(n.low) && n.low !== 'of');
}

/** End offset of content that starts at toks[cs] and runs to the end of the sentence, without the final stop. */
function endOfContent(toks: Token[], cs: number, eIdx: number, quotes: Array<[number, number]>): number {
  // A quotation that begins the content and ends the sentence: the content is the quotation.
  if (isOpen(toks[cs], quotes)) {
    const q = quotes[toks[cs].quote];
    let k = eIdx;
    while (k > cs && !toks[k].word && !ANY_MARK.test(toks[k].t) && toks[k].e > q[1]) { k--; }
    if (toks[k].e <= q[1]) { return q[1]; }
  }
  let k = eIdx;
  while (k > cs && !toks[k].word && toks[k].quote < 0 && !isClose(toks[k], quotes) && toks[k].t !== ')') { k--; }
  if (toks[k].quote >= 0) { return Math.max(toks[k].e, quotes[toks[k].quote][1]); }
  return toks[k].e;
}

function pushFound(found: Found[], text: string, toks: Token[], source: [number, number] | null, cue: [number, number], cs: number, ce: number): void {
  if (ce <= toks[cs].s) { return; }
  found.push(make(text, toks, source, cue, [[toks[cs].s, ce]]));
}

function make(text: string, toks: Token[], source: [number, number] | null, cue: [number, number], parts: Array<[number, number]>): Found {
  const spans = parts.map(([s, e]) => sp(text, s, e));
  const content = sp(text, spans[0].start, spans[spans.length - 1].end);
  return {
    source: source ? sp(text, toks[source[0]].s, toks[source[1]].e) : null,
    cue: sp(text, toks[cue[0]].s, toks[cue[1]].e),
    content, parts: spans,
    direct: spans.some(p => QUOTED.test(p.text)),
    speaker: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Speakers: names, pronouns and roles, resolved in one pass over the article in reading order.

const NAME = /\b(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+(?:de|van|von|da|del|al|bin|le|la)?\s*\p{Lu}[\p{L}’'-]+)+)/gu;

function stripPossessive(s: string): string { return s.replace(/[’']s$/, ''); }

interface Resolver { resolve(source: Span): string | null; see(offset: number): void }

/** A full name in reading order, with the title words just before it ("Mayor Alan Okafor"). */
interface Named { at: number; name: string; titles: string[] }

/**
 * The NAME matches of `text` from `from` to `to`, without the titles before them (those look back over the
 * chunk's start); offsets relative to `from`. Depends on nothing but that text.
 */
function namesIn(text: string): Array<{ at: number; name: string; titles: string[] }> {
  const out: Array<{ at: number; name: string; titles: string[] }> = [];
  for (const m of text.matchAll(NAME)) {
    const words = m[1].split(/\s+/);
    const titles: string[] = [];
    while (words.length > 2 && TITLES.has(words[0].toLowerCase().replace(/\.$/, ''))) { titles.push(words.shift()!.toLowerCase()); }
    while (words.length > 1 && TITLES.has(words[0].toLowerCase().replace(/\.$/, ''))) { titles.push(words.shift()!.toLowerCase()); }
    if (words.length < 2) { continue; }
    out.push({ at: m.index!, name: stripPossessive(words.join(' ')), titles });
  }
  return out;
}

// Chunk text -> its names: re-reading the whole document for names on every keystroke is what an edit must not do.
const LIMIT = 20000;
let namesCache = new Map<string, Named[]>();
registerCache({
  clear: () => { namesCache = new Map(); },
  swap: () => { const saved = namesCache; namesCache = new Map(); return () => { namesCache = saved; }; },
});

const NAME_CHAR = /[\p{L}’'\-.]/u;
const WORD_CHAR = /\w/;

/**
 * Every NAME match of the document, as one `matchAll` over it would find them, read chunk by chunk. A chunk
 * starts at a paragraph start that no match can run across: the gap before it is blank, the character before
 * the gap could not continue a name (or the paragraph does not open with a letter), and `\b` reads the same.
 * Returns each chunk's start and its names relative to it (the cache's own arrays, never changed).
 */
function documentNames(text: string, starts: number[]): Array<[number, Named[]]> {
  const cuts = [0];
  for (const at of starts) {
    if (at <= 0 || at >= text.length) { continue; }
    let g = at;
    while (g > 0 && /\s/.test(text[g - 1])) { g--; }
    if (g === at || WORD_CHAR.test(text[at - 1])) { continue; }
    if (g > 0 && NAME_CHAR.test(text[g - 1]) && /\p{L}/u.test(text[at])) { continue; }
    if (at > cuts[cuts.length - 1]) { cuts.push(at); }
  }
  cuts.push(text.length);
  const chunks: Array<[number, Named[]]> = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c];
    const chunk = text.slice(from, cuts[c + 1]);
    let found = namesCache.get(chunk);
    if (!found) {
      // The title words before each name, read in the chunk itself: no name or title runs across a chunk's start.
      found = namesIn(chunk).map(n => {
        const titles = [...n.titles];
        const before = chunk.slice(Math.max(0, n.at - 40), n.at).match(/((?:\p{Lu}[\p{L}-]*\s+){1,3})$/u);
        if (before) { for (const w of before[1].trim().split(/\s+/)) { titles.push(w.toLowerCase()); } }
        return { at: n.at, name: n.name, titles };
      });
      if (namesCache.size >= LIMIT) { namesCache.delete(namesCache.keys().next().value!); }
      namesCache.set(chunk, found);
    }
    if (found.length) { chunks.push([from, found]); }
  }
  return chunks;
}

/** The last word of a name, remembered: the same names come back on every keystroke. */
let surnames = new Map<string, string>();
function surnameOf(name: string): string {
  let s = surnames.get(name);
  if (s === undefined) {
    if (surnames.size >= LIMIT) { surnames = new Map(); }
    s = name.slice(name.lastIndexOf(' ') + 1);
    surnames.set(name, s);
  }
  return s;
}

/** Index of the first name at or after `at` (`ats` ascending): everything before it stands earlier. */
function firstFrom(ats: number[], at: number): number {
  let lo = 0, hi = ats.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ats[mid] < at) { lo = mid + 1; } else { hi = mid; } }
  return lo;
}

// A person's mention sorts by its offset, then by its place in the people list: both packed in one number.
const ORDER = 2 ** 22;

function resolver(text: string, people: Array<{ name: string; titles: string[]; mentions: Span[] }>, starts: number[]): Resolver {
  // Every name in reading order, as parallel arrays: the names of the text (in order already) merged with the
  // people's mentions (sorted here), a name of the text first where both stand at one offset.
  const ats: number[] = [], nameOf: string[] = [], titlesOf: string[][] = [];
  const personTitles = people.map(p => p.titles.map(t => t.toLowerCase()));
  let total = 0;
  for (const p of people) { total += p.mentions.length; }
  const keys = new Float64Array(total);
  const who: number[] = new Array(total);
  let m = 0;
  people.forEach((p, i) => { for (const x of p.mentions) { who[m] = i; keys[m] = x.start * ORDER + m; m++; } });
  keys.sort();
  let k = 0;
  const pushPeopleBefore = (limit: number): void => {
    while (k < total && Math.floor(keys[k] / ORDER) < limit) {
      const at = Math.floor(keys[k] / ORDER), i = who[keys[k] - at * ORDER];
      ats.push(at); nameOf.push(people[i].name); titlesOf.push(personTitles[i]);
      k++;
    }
  };
  for (const [from, found] of documentNames(text, starts)) {
    for (const n of found) {
      pushPeopleBefore(from + n.at);
      ats.push(from + n.at); nameOf.push(n.name); titlesOf.push(n.titles);
    }
  }
  pushPeopleBefore(Infinity);
  let last: string | null = null;
  let lastAt = -1;
  // Which names end in a surname and which carry a title, as ascending indices into the arrays: the latest one
  // before a place is a binary search, not a walk back through the whole document.
  const bySurname = new Map<string, number[]>();
  const byTitle = new Map<string, number[]>();
  const file = (map: Map<string, number[]>, key: string, n: number): void => {
    const list = map.get(key);
    if (!list) { map.set(key, [n]); } else if (list[list.length - 1] !== n) { list.push(n); }
  };
  for (let i = 0; i < ats.length; i++) {
    file(bySurname, surnameOf(nameOf[i]), i);
    for (const t of titlesOf[i]) { file(byTitle, t, i); }
  }
  /** The latest name in `list` standing before `end`. */
  const latest = (list: number[] | undefined, end: number): Named | undefined => {
    if (!list) { return undefined; }
    const bound = firstFrom(ats, end);
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < bound) { lo = mid + 1; } else { hi = mid; } }
    if (lo === 0) { return undefined; }
    const at = list[lo - 1];
    return { at: ats[at], name: nameOf[at], titles: titlesOf[at] };
  };
  return {
    see(): void { /* speakers are remembered through `last` */ },
    resolve(source: Span): string | null {
      // 'Jane Roe, a lawyer for the city, who ...': the head of an appositive phrase is the name before its comma.
      const text0 = source.text.replace(/[,\s]+$/, '');
      const comma = text0.indexOf(',');
      const raw = comma > 0 && /\p{Lu}/u.test(text0.slice(0, comma)) ? text0.slice(0, comma) : text0;
      const low = raw.toLowerCase();
      // The names seen so far: those at or before the source's start.
      const seenEnd = source.start + 1;
      if (PRONOUNS.has(low)) {
        // The nearer of the last speaker and the last person named: "Minister X later clarified ... she said".
        const n = firstFrom(ats, seenEnd) - 1;
        return n >= 0 && ats[n] > lastAt ? nameOf[n] : last;
      }
      lastAt = source.start;
      // A name in the phrase: the fullest earlier form with the same surname.
      const caps = raw.match(/\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu) ?? [];
      const nameWords = caps.map(c => c.split(/\s+/).filter(w => !TITLES.has(w.toLowerCase().replace(/\.$/, '')) && !/^(?:The|A|An)$/.test(w)).join(' ')).filter(Boolean);
      // The head of the phrase comes last: "Acme Capital portfolio manager Jane Roe" is Jane Roe.
      const candidate = [...nameWords].reverse().find(w => w.includes(' ')) ?? nameWords.at(-1);
      if (candidate && /^\p{Lu}/u.test(candidate)) {
        const surname = stripPossessive(candidate.split(' ').at(-1)!);
        // Earlier names and those inside the source phrase itself.
        const full = latest(bySurname.get(surname), Math.max(source.end, seenEnd));
        const out = full && full.name.length >= candidate.length ? full.name : stripPossessive(candidate);
        if (!/^(?:The|A|An)\b/.test(raw) || candidate.split(' ').length > 1 || full) { last = out; return out; }
      }
      // A role: "the mayor" -> the person introduced with that title.
      const role = low.replace(/^(?:the|a|an|his|her|their|its)\s+/, '').trim();
      const head = role.split(/\s+/).at(-1) ?? '';
      if (head && TITLES.has(head)) {
        const hit = latest(byTitle.get(head), seenEnd);
        if (hit) { last = hit.name; return hit.name; }
      }
      // An organisation or a group: named as written, without the article.
      return raw.replace(/^.*\bby\s+/, '').replace(/^(?:the|The)\s+/, '').replace(/[’']s(?:\s+own)?\s+\w+$/, '');
    },
  };
}

function moveSpan(x: Span, delta: number): Span { return { start: x.start + delta, end: x.end + delta, text: x.text }; }

/** Copies of a paragraph's findings with every span moved by `delta`; a source two findings share stays shared. */
function moveFound(list: readonly Found[], delta: number): Found[] {
  const out: Found[] = new Array(list.length);
  const sources: Span[] = [], moved: Span[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    let source: Span | null = null;
    if (f.source) {
      const k = sources.indexOf(f.source);
      if (k >= 0) { source = moved[k]; } else { source = moveSpan(f.source, delta); sources.push(f.source); moved.push(source); }
    }
    const parts: Span[] = new Array(f.parts.length);
    for (let j = 0; j < parts.length; j++) { parts[j] = moveSpan(f.parts[j], delta); }
    const g: Found = { source, cue: f.cue && moveSpan(f.cue, delta), content: moveSpan(f.content, delta), parts, direct: f.direct, speaker: f.speaker };
    if (f.colon !== undefined) { g.colon = f.colon; }
    out[i] = g;
  }
  return out;
}

/** Does a part of one of `found` cover offset `a`? */
function coveredBy(found: Found[], a: number): boolean {
  for (const g of found) { for (const pt of g.parts) { if (pt.start <= a && a < pt.end) { return true; } } }
  return false;
}

/**
 * Where to look for the quotations of a paragraph: with quotations in order of their start, those that reach a
 * paragraph lie between the first whose running end passes its start and the last that starts before its end.
 * Without that, every paragraph would go through every quotation of the document.
 */
interface QuoteIndex { sorted: boolean; maxEnd: number[]; starts: number[] }

function quoteIndex(quotes: Quote[]): QuoteIndex {
  const maxEnd: number[] = new Array(quotes.length);
  const starts: number[] = new Array(quotes.length);
  let sorted = true, max = -Infinity;
  for (let i = 0; i < quotes.length; i++) {
    if (i > 0 && quotes[i].start < quotes[i - 1].start) { sorted = false; }
    max = Math.max(max, quotes[i].end);
    maxEnd[i] = max;
    starts[i] = quotes[i].start;
  }
  return { sorted, maxEnd, starts };
}

function quoteRanges(quotes: Quote[], from: number, to: number, index: QuoteIndex): Array<[number, number]> {
  let lo = 0, hi = quotes.length;
  if (index.sorted) {
    // First quotation whose running end passes `from`; first one starting at or after `to`.
    let a = 0, b = quotes.length;
    while (a < b) { const m = (a + b) >> 1; if (index.maxEnd[m] <= from) { a = m + 1; } else { b = m; } }
    lo = a;
    a = lo; b = quotes.length;
    while (a < b) { const m = (a + b) >> 1; if (index.starts[m] < to) { a = m + 1; } else { b = m; } }
    hi = a;
  }
  // Outer quotations only, clipped to the paragraph: nested ones are part of the outer one's words.
  const out: Array<[number, number]> = [];
  let end = -1;
  for (let i = lo; i < hi; i++) {
    const q = quotes[i];
    if (q.end <= from || q.start >= to) { continue; }
    if (q.start < end) { continue; }
    out.push([Math.max(q.start, from), Math.min(q.end, to)]);
    end = q.end;
  }
  return out;
}

const DASH_CREDIT = /^[ \t]*[―—–][ \t]*(\p{Lu}[\p{L}\p{M}’'.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}’'.-]*|de|van|von|da|del|la|le|bin|al))*)[ \t]*[.,]?[ \t]*(?:\r?\n|$)/u;

/** Nothing but spaces between the start of the line (or of the text) and `at`. */
function opensLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) { i--; }
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/**
 * A quotation credited the way pull quotes and reader voices are, after a dash at the end of its line:
 * “Donald Trump scares me.” ― Krystal Correa. Only a quotation that opens its line and that nothing else claims.
 */
function dashCredits(text: string, found: Found[], qs: Array<[number, number]>): Found[] {
  let out = found;
  for (const [a, b] of qs) {
    if (!/["“„]/.test(text[a] ?? '') || !opensLine(text, a)) { continue; }
    if (found.some(f => f.parts.some(p => p.start < b && a < p.end))) { continue; }
    const m = DASH_CREDIT.exec(text.slice(b, b + 120));
    if (!m) { continue; }
    const dash = b + m[0].search(/[―—–]/);
    const nameAt = b + m[0].indexOf(m[1]);
    const content = sp(text, a, b);
    const credit: Found = { source: sp(text, nameAt, nameAt + m[1].replace(/\.$/, '').length), cue: sp(text, dash, dash + 1), content, parts: [content], direct: true, speaker: null };
    out = out === found ? [...found] : out;
    const at = out.findIndex(f => f.content.start > a);
    out.splice(at < 0 ? out.length : at, 0, credit);
  }
  return out;
}

/** A paragraph's findings after the joins inside it, relative to its start, as the memo keeps them. */
interface Local {
  found: Found[];
  /** Something in the paragraph claims its first quotation: a quotation left open before does not run on into it. */
  blocks: boolean;
}

/**
 * Joins inside one paragraph: later sentences of the paragraph that are nothing but quotations continue the
 * attributed quotation before them. Changes `found` (absolute, the paragraph's own fresh findings).
 */
function joinLocal(text: string, source: string, found: Found[], qs: Array<[number, number]>): void {
  for (const f of found) {
    const lastEnd = f.parts[f.parts.length - 1].end;
    if (f.direct) {
      let at = Math.max(lastEnd, f.cue?.end ?? 0, f.source?.end ?? 0);
      let first = true;
      for (const [a, b] of qs) {
        if (a < lastEnd || coveredBy(found, a)) { continue; }
        // 'she told ABC's "This Week." "Q2"': the title of a programme is part of the sentence's tail.
        if (first && at > lastEnd && titleQuote(text.slice(a, b)) && sentenceTail(text.slice(at, a)) && !/[.!?]\s*$/.test(text.slice(at, a))) { at = b; continue; }
        // The rest of the attribution's own sentence may stand between ("...," she told AFP on Monday. "...").
        // ... and it must end there: '" X says in the ad titled "Q2"' is a title, not more of the words.
        if (!(/^[\s.,;:!?—–-]*$/.test(text.slice(at, a)) || first && at > lastEnd && sentenceTail(text.slice(at, a)) && /[.!?]\s*$/.test(text.slice(at, a)))) { break; }
        first = false;
        // '"Q1," X said, suggesting a compromise. "Q2."': the speaker's participle does not change speakers.
        if (found.some(g => g !== f && (g.cue?.start ?? 0) >= at && (g.cue?.start ?? 0) < a && !(g.source === f.source || (/ing$/.test(g.cue!.text) || /^who$/i.test(g.source?.text ?? '')) && g.content.end <= a))) { break; }
        f.parts.push(span(source, a, b));
        at = b;
      }
    }
    f.content = span(source, f.parts[0].start, f.parts[f.parts.length - 1].end);
  }
}

/** Read before the joins, as the document pass used to: does a finding cover or precede the first quotation? */
function blocksFirst(found: Found[], qs: Array<[number, number]>): boolean {
  return qs.length > 0 && found.some(f => f.content.start <= qs[0][0] && qs[0][0] < f.content.end || (f.cue?.start ?? 0) < qs[0][1]);
}

/**
 * One finding of the document as the pass across paragraphs sees it: the memo's shared finding, where its
 * paragraph starts, and, only when a later paragraph changed them, its own parts (absolute) and colon flag.
 * The shared finding is never changed, so an edit copies nothing for the paragraphs it did not touch.
 */
interface Entry { f: Found; base: number; parts: Span[] | null; colon: boolean; direct: boolean; contentEnd: number }

const partsOf = (e: Entry): Span[] => e.parts ?? (e.parts = e.f.parts.map(x => moveSpan(x, e.base)));

export default function attributions() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const text = data.prose.text;
    const source = String(file.value);
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'ParagraphNode');
    const locals: Local[] = [];
    const bases: number[] = [];
    const ranges: Array<Array<[number, number]>> = [];
    const quoteAt = quoteIndex(data.quotes);
    for (const p of paragraphs) {
      const from = p.position!.start.offset!, to = p.position!.end.offset!;
      const qs = quoteRanges(data.quotes, from, to, quoteAt);
      ranges.push(qs);
      // The memo keeps each paragraph's joined findings relative to its start, shared and never changed; a fresh
      // analysis uses what it just computed, in place (base 0).
      let fresh: Local | null = null;
      const relative = memoRelative('attributions', p, (_t, paragraph, base) => {
        const found = dashCredits(text, analyseParagraph(text, paragraph, qs), qs);
        const blocks = blocksFirst(found, qs);
        joinLocal(text, source, found, qs);
        fresh = { found, blocks };
        return { found: moveFound(found, -base), blocks };
      }, qs.map(([a, b]) => `${a - from}-${b - from}`).join(','));
      locals.push(fresh ?? relative);
      bases.push(fresh ? 0 : from);
    }
    if (paragraphs.length > 1 && locals[0].found.length === 0) {
      const h = headline(text, paragraphs[0].position!.start.offset!, paragraphs[0].position!.end.offset!);
      if (h) {
        const found = [h];
        const blocks = blocksFirst(found, ranges[0]);
        joinLocal(text, source, found, ranges[0]);
        locals[0] = { found, blocks };
        bases[0] = 0;
      }
    }
    const all: Entry[] = [];
    // Quotations that run on after an attributed one (later sentences, later paragraphs) join it.
    let open: Entry | null = null;
    for (let p = 0; p < paragraphs.length; p++) {
      const from = paragraphs[p].position!.start.offset!, to = paragraphs[p].position!.end.offset!;
      const { found, blocks } = locals[p];
      const base = bases[p];
      const qs = ranges[p];
      if (open && open.colon && found.length === 0) {
        // "X said:" then the words in this paragraph.
        const whole = span(source, firstNonSpace(text, from, to), lastNonSpace(text, from, to));
        open.parts = [whole];
        open.contentEnd = whole.end;
        open.direct = QUOTED.test(whole.text);
        open.colon = false;
      } else if (open && open.direct && qs.length > 0 && qs[0][0] === firstNonSpace(text, from, to) && !blocks) {
        const parts = partsOf(open);
        for (const [a, b] of qs) { parts.push(span(source, a, b)); }
      } else {
        open = null;
      }
      for (const f of found) {
        const e: Entry = { f, base, parts: null, colon: f.colon === true, direct: f.direct, contentEnd: f.content.end + base };
        all.push(e);
        open = e;
      }
      if (open && !open.colon && open.contentEnd >= from) {
        const lastEnd = open.parts ? open.parts[open.parts.length - 1].end : open.f.parts[open.f.parts.length - 1].end + open.base;
        const cueEnd = open.f.cue ? open.f.cue.end + open.base : 0, sourceEnd = open.f.source ? open.f.source.end + open.base : 0;
        const at = Math.max(lastEnd, cueEnd, sourceEnd);
        const tail = text.slice(at, to);
        if (!(/^[\s.,;:!?—–"“”-]*$/.test(tail) || at > lastEnd && sentenceTail(tail))) { open = null; }
      } else if (open && !open.colon && found.length === 0 && !(qs.length && qs[0][0] === firstNonSpace(text, from, to))) { open = null; }
    }
    const resolve = resolver(text, data.people ?? [], paragraphs.map(p => p.position!.start.offset!));
    const out: Attribution[] = [];
    for (const e of all) {
      if (e.colon) { continue; }
      const { f, base } = e;
      // Spans were cut from the prose (markup blanked, and maybe from a memo of an identical paragraph
      // elsewhere): their text is read again from the document itself.
      // The entry's own parts are absolute already; the memo's are relative to the paragraph.
      const parts = e.parts ?? f.parts, at = e.parts ? 0 : base;
      const a: Attribution = { source: f.source && span(source, f.source.start + base, f.source.end + base), cue: f.cue && span(source, f.cue.start + base, f.cue.end + base), content: span(source, parts[0].start + at, parts[parts.length - 1].end + at), direct: parts.some(pt => QUOTED.test(pt.text)), speaker: null };
      if (parts.length > 1) { a.parts = parts.map(x => span(source, x.start + at, x.end + at)); }
      a.speaker = f.source ? resolve.resolve(base ? moveSpan(f.source, base) : f.source) : null;
      out.push(a);
    }
    data.attributions = out;
    // Quotations inside attributed words are attributed, and not scare quotes after all.
    let j = 0;
    const pieces = out.flatMap(a => a.parts ?? [a.content]).sort((x, y) => x.start - y.start);
    for (const q of data.quotes) {
      while (j < pieces.length && pieces[j].end <= q.start) { j++; }
      for (let k = j; k < pieces.length && pieces[k].start < q.end; k++) {
        // A piece that opens with the quotation (it may be clipped at a paragraph end) or contains it.
        if (pieces[k].start <= q.start + 1 && pieces[k].end > q.start + 1) { q.attributed = true; q.scare = false; break; }
      }
    }
  };
}

const HEADLINE_SOURCE = /^\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}’'.&-]*|of|the|and|for|on|in|\([^)]{1,12}\)))*$/u;

/**
 * A headline that credits its words: "Harbor Chief: Dredging Will Wait" or "Harbor Chief Says Dredging Will
 * Wait". Headline style drops "said" for a colon or a present-tense verb, and capitalises the verb, so the
 * sentence reader does not see it. Only the first paragraph of a document, on one line, counts.
 */
function headline(text: string, from: number, to: number): Found | null {
  const a = firstNonSpace(text, from, to), b = lastNonSpace(text, from, to);
  const line = text.slice(a, b);
  if (line.length < 8 || line.length > 200 || /\n/.test(line) || /[.!?]["”’]?\s+\p{Lu}/u.test(line.replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|St|Jr|Sr|U\.S|[A-Z])\./g, ''))) { return null; }
  let src: [number, number], cue: [number, number], cs: number;
  const colon = /^([^:“”"]{2,60}?):\s+\S/.exec(line);
  const verb = /^(.{2,60}?)\s+(Says|Say|Tells|Calls|Warns|Urges|Claims|Insists|Argues|Admits|Vows|Predicts|Suggests|Praises|Slams|Blasts|Endorses|Defends|Reveals|Announces|Demands|Rejects|Accuses|Criticizes|Denies|Thinks|Believes|Wants|Asks|Explains|Confirms)\s+\S/.exec(line);
  if (colon && HEADLINE_SOURCE.test(colon[1]) && colon[1].split(/\s+/).length <= 7) {
    src = [a, a + colon[1].length]; cue = [src[1], src[1] + 1]; cs = a + colon[0].length - 1;
  } else if (verb && HEADLINE_SOURCE.test(verb[1]) && verb[1].split(/\s+/).length <= 7) {
    src = [a, a + verb[1].length]; cue = [a + verb[0].length - 2 - verb[2].length, a + verb[0].length - 2]; cs = a + verb[0].length - 1;
  } else { return null; }
  let ce = b;
  if (text[ce - 1] === '.') { ce--; }
  if (ce <= cs) { return null; }
  const content = sp(text, cs, ce);
  return { source: sp(text, src[0], src[1]), cue: sp(text, cue[0], cue[1]), content, parts: [content], direct: QUOTED.test(content.text), speaker: null };
}

/** The rest of one sentence, without quotations: "told AFP on Monday." */
function sentenceTail(gap: string): boolean {
  gap = gap.replace(/["“][^"“”]{1,60}["”]/g, m => titleQuote(m) ? 'Title' : m);
  if (QUOTED.test(gap) || gap.length > 240) { return false; }
  const plain = gap.replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|St|Jr|Sr|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|No|Ft|Mt|[A-Z])\./g, '');
  return !/[.!?]\s+\S/.test(plain.trim());
}

/** The quotation opening at toks[k] reads as a title ("War and Peace"), by its words. */
function titleTokens(toks: Token[], k: number, quotes: Array<[number, number]>): boolean {
  const q = toks[k].quote, words: string[] = [];
  for (let j = k; j < toks.length && toks[j].quote === q; j++) { if (toks[j].word) { words.push(toks[j].t); } if (/^[.!?]$/.test(toks[j].t) && j + 1 < toks.length && toks[j + 1].quote === q && toks[j + 1].word) { return false; } }
  return words.length > 0 && words.length <= 8 && /^\p{Lu}/u.test(words[0]) && words.every(w => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w)) && quotes[q] !== undefined;
}

/** A quoted title: "This Week", "Good Morning America." Short, with its longer words capitalised. */
function titleQuote(q: string): boolean {
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];
  return words.length > 0 && words.length <= 8 && /^\p{Lu}/u.test(words[0] ?? "") && words.every(w => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w)) && !/[.!?]\s+\S/.test(q) && !/[,;:]\s/.test(q);
}

function span(text: string, start: number, end: number): Span { return { start, end, text: text.slice(start, end) }; }
function firstNonSpace(text: string, from: number, to: number): number { let i = from; while (i < to && /\s/.test(text[i])) { i++; } return i; }
function lastNonSpace(text: string, from: number, to: number): number { let i = to; while (i > from && /\s/.test(text[i - 1])) { i--; } return i; }
