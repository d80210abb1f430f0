// Finds people: capitalised name runs (with particles, hyphens and initials) and the titles the article gives
// them: before the name (Harbor Commissioner X, Pentagon spokesperson X, Sen. X), in apposition (her
// spokesperson, X, / X, South Korea's president,), in a relative clause (X, who chairs the finance committee).
// A capitalised run counts as a person only on structural evidence: a title or honorific, a speech verb, a
// "who" clause, or a later mention of its surname alone. No list of names is used.
// Per-paragraph work is memoised; grouping mentions into people runs over those results, once per document, and
// is reused while the paragraphs' names, titles and their order stay the same (most edits change none of them).
import type { Paragraph, Root } from 'nlcst';
import type { VFile } from 'vfile';
import { toString } from 'nlcst-to-string';
import type { Person, Span } from '../model.js';
import { dataOf } from '../context.js';
import { memoDocument, memoRelative, paragraphText, registerTally } from '../memo.js';
import { lookup } from '../directory.js';

/** Words that head a title or role. Lower case, without the abbreviation dot. */
export const TITLE_HEADS = new Set([
  'president', 'vice', 'minister', 'secretary', 'commissioner', 'councilmember', 'councilman', 'councilwoman',
  'councillor', 'councilor', 'alderman', 'mayor', 'governor', 'gov', 'senator', 'sen', 'representative', 'rep',
  'congressman', 'congresswoman', 'lawmaker', 'legislator', 'dr', 'gen', 'general', 'lt', 'col', 'colonel', 'capt',
  'captain', 'sgt', 'sergeant', 'maj', 'adm', 'admiral', 'cmdr', 'commander', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'speaker', 'judge', 'justice', 'attorney', 'director', 'spokesperson', 'spokesman', 'spokeswoman',
  'ambassador', 'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'reverend', 'bishop', 'archbishop', 'rabbi',
  'imam', 'cardinal', 'mr', 'mrs', 'ms', 'mx', 'sir', 'dame', 'lord', 'sheriff', 'detective', 'prof', 'professor',
  'chancellor', 'premier', 'ceo', 'leader', 'aide', 'adviser', 'advisor', 'strategist', 'manager', 'treasurer',
  'superintendent', 'inspector', 'administrator', 'envoy', 'candidate', 'nominee', 'emir', 'sheikh', 'sultan',
  'dean', 'founder', 'chief', 'economist', 'analyst', 'lawyer', 'prosecutor', 'pastor', 'officer', 'deputy',
  'president-elect', 'secretary-general', 'vice-president', 'front-runner', 'frontrunner', 'pollster', 'editor',
  'correspondent', 'columnist', 'host', 'anchor', 'historian', 'researcher', 'scientist', 'executive', 'owner',
  'head', 'chairs', 'co-founder', 'organizer', 'activist', 'mogul', 'magnate', 'businessman', 'businesswoman',
  'rival', 'opponent', 'challenger', 'incumbent', 'colleague', 'ally', 'successor', 'predecessor', 'mate', 'wife',
  'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'widow', 'friend', 'partner', 'boss',
]);
/** Title words that are never surnames (unlike King, Dean or Bishop): a run ending in one is a title, not a name. */
const PURE_TITLES = new Set([
  'congressman', 'congresswoman', 'senator', 'minister', 'secretary', 'commissioner', 'councilmember', 'mayor',
  'governor', 'president', 'spokesperson', 'spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'chairperson',
  'ambassador', 'nominee', 'candidate', 'lawmaker', 'legislator', 'director', 'superintendent', 'treasurer',
  'chancellor', 'premier', 'ceo', 'adviser', 'advisor', 'strategist', 'attorney', 'prosecutor', 'administrator',
  'president-elect', 'frontrunner', 'front-runner', 'secretary-general', 'representative', 'councilman', 'councilwoman',
]);
/** Title words that are clearly people-only and read as honorifics before a name. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'prof', 'rev', 'sir', 'dame']);
/** Words that may stand in a title before its head ("deputy press secretary", "former president"). */
const TITLE_MODIFIERS = new Set([
  'former', 'then', 'deputy', 'vice', 'chief', 'press', 'campaign', 'senior', 'top', 'state', 'foreign', 'acting',
  'interim', 'assistant', 'presidential', 'vice-presidential', 'democratic', 'republican', 'party', 'white', 'house',
  'defense', 'defence', 'national', 'security', 'executive', 'communications', 'finance', 'health', 'prime', 'general',
  'district', 'federal', 'county', 'city', 'council', 'majority', 'minority', 'opposition', 'longtime', 'veteran',
  'retired', 'incumbent', 'outgoing', 'incoming', 'current', 'fellow', 'senate', 'policy', 'political', 'economic',
  'managing', 'associate', 'principal', 'special', 'trade', 'interior', 'justice', 'education', 'energy', 'labor',
]);
/** Particles inside names (Ludwig van Beethoven, Osama bin Laden, Charles de Gaulle). */
const PARTICLES = new Set(['de', 'da', 'di', 'do', 'dos', 'das', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'bint', 'ibn', 'al', 'el', 'la', 'le', 'y', 'zu']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Capitalised words that are not names: function words, days, months. */
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'nor', 'so', 'yet', 'for', 'in', 'on', 'at', 'to', 'of', 'by', 'with', 'from',
  'as', 'if', 'when', 'while', 'after', 'before', 'since', 'until', 'because', 'although', 'though', 'however',
  'this', 'that', 'these', 'those', 'there', 'here', 'then', 'now', 'still', 'also', 'even', 'just', 'only', 'not',
  'no', 'yes', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'him',
  'them', 'us', 'me', 'who', 'what', 'which', 'where', 'why', 'how', 'all', 'some', 'many', 'most', 'more', 'few',
  'each', 'every', 'both', 'either', 'neither', 'one', 'two', 'three', 'another', 'other', 'such', 'said', 'says',
  'meanwhile', 'instead', 'indeed', 'still', 'yet', 'according', 'asked', 'like', 'unlike', 'despite', 'during',
  'over', 'under', 'about', 'into', 'through', 'between', 'against', 'without', 'within', 'among', 'across', 'do',
  'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'shall', 'let', 'mr', 'mrs', 'ms', 'dr', 'st',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'well', 'look', 'sure', 'okay', 'oh', 'please', 'thanks', 'right', 'again', 'first', 'last', 'next', 'finally',
  'today', 'yesterday', 'tomorrow', 'tonight', 'perhaps', 'maybe', 'sometimes', 'often', 'never', 'always',
  'later', 'earlier', 'soon', 'afterward', 'afterwards', 'separately', 'likewise', 'similarly', 'overall',
]);
/** A run with one of these is an organisation or a place, not a person. */
export const NON_PERSON = new Set([
  'house', 'senate', 'congress', 'court', 'department', 'ministry', 'committee', 'council', 'party', 'university',
  'college', 'school', 'institute', 'foundation', 'center', 'centre', 'association', 'union', 'agency', 'bureau',
  'office', 'company', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'group', 'bank', 'fund', 'news', 'times', 'post',
  'journal', 'tribune', 'herald', 'network', 'street', 'avenue', 'road', 'square', 'city', 'county', 'state', 'states',
  'kingdom', 'republic', 'island', 'islands', 'park', 'river', 'airport', 'station', 'church', 'hall', 'hospital',
  'army', 'navy', 'force', 'police', 'board', 'commission', 'administration', 'service', 'authority', 'club', 'team',
  'daily', 'magazine', 'press', 'radio', 'media', 'review', 'campaign', 'pier', 'harbor', 'harbour', 'port', 'bay',
  'valley', 'mountain', 'mountains', 'lake', 'sea', 'ocean', 'tower', 'building', 'plaza', 'bridge', 'district',
  'province', 'region', 'amendment', 'convention', 'debate', 'caucus', 'primary', 'movement',
  'coalition', 'council', 'assembly', 'parliament', 'cabinet', 'government', 'federation', 'organization',
  'organisation', 'society', 'museum', 'library', 'stadium', 'arena', 'forum', 'summit', 'conference', 'day',
  'week', 'year', 'war', 'law', 'project', 'program', 'programme', 'initiative', 'report', 'poll', 'index',
]);
export const PLACE_STARTS = new Set(['new', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'united', 'los', 'las', 'san', 'santa', 'fort', 'mount', 'lake', 'cape', 'great', 'upper', 'lower', 'central', 'saint']);
/** Party and nationality words that stand before a name as a label, not as part of it. */
export const LABELS = new Set([
  'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'gop', 'independent', 'conservative',
  'labour', 'liberal', 'former', 'acting', 'american', 'british', 'french', 'german', 'russian', 'chinese',
  'ukrainian', 'israeli', 'iranian', 'mexican', 'canadian', 'korean', 'japanese', 'indian', 'syrian', 'iraqi',
  'turkish', 'saudi', 'palestinian', 'european', 'african', 'australian', 'italian', 'spanish', 'polish',
]);
const SPEECH = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'asked', 'wrote', 'writes', 'argued', 'argues', 'explained',
  'noted', 'notes', 'stated', 'testified', 'tweeted', 'claimed', 'claims', 'insisted', 'acknowledged', 'announced',
  'recalled', 'warned', 'warns', 'replied', 'responded', 'declared', 'conceded', 'admitted', 'suggested', 'urged',
  'countered', 'continued', 'predicted', 'promised', 'vowed', 'believes', 'thinks', 'defended', 'called',
]);
const ROLE_VERBS = new Set([
  'chairs', 'heads', 'leads', 'runs', 'directs', 'represents', 'manages', 'oversees', 'serves', 'owns', 'founded',
  'co-founded', 'coaches', 'teaches', 'works', 'advises', 'chaired', 'headed', 'led', 'ran', 'served', 'directed',
  'represented', 'commands', 'commanded', 'edits', 'hosts', 'co-chairs', 'presides', 'presided', 'owned', 'taught',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose']);

interface Tok extends Span {
  /** The word without a possessive ending. */
  form: string;
  lower: string;
  cap: boolean;
  /** A dot follows directly (Dr. / J. / Jr.). */
  dot: boolean;
  /** First word of its sentence or of a quotation. */
  initial: boolean;
  /** The characters between the previous word and this one. */
  gap: string;
}

/** One capitalised run that may name a person, with what the paragraph says about it. */
export interface NameCandidate extends Span {
  /** The words of the name itself (title words left out), possessives stripped. */
  tokens: Span[];
  /** Titles and roles the paragraph gives this name. */
  titles: string[];
  /** Why this looks like a person: 'title', 'honorific', 'who', 'speech', 'apposition'. */
  evidence: string[];
  /** The name's first word starts a sentence or a quotation. */
  initial: boolean;
  /** The run names an organisation or place ("White House", "New York"). */
  nonPerson: boolean;
}

/** "the mayor", "the Health Minister": a title standing for a person introduced elsewhere. */
export interface TitleReference extends Span {
  head: string;
}

export interface ParagraphPeople {
  candidates: NameCandidate[];
  titleRefs: TitleReference[];
  /** Words this paragraph writes in lower case: a capitalised word also found lower case is a common word. */
  lowerWords: string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const CAPITAL = /^\p{Lu}/u;
const ARABIC_PREFIX = /^(?:al|el|ad|ar|as|ash|at|ed|bin|ibn|abu|d)['’\-]\p{Lu}/u;
const PUNCT_GAP = /[,.;:!?()\[\]—–"“”‘’]/;

const bare = (w: string): string => w.toLowerCase().replace(/\.$/, '');
const isHead = (lower: string): boolean => TITLE_HEADS.has(lower) || TITLE_HEADS.has(lower.split(/[-‐]/)[0]) && lower.includes('-') && !CAPITAL.test(lower);

function tokenize(text: string, base: number, sentenceStarts: number[]): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  let s = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    const gap = text.slice(prevEnd, start);
    let initial = false;
    while (s < sentenceStarts.length && sentenceStarts[s] - base <= start) { initial = true; s++; }
    if (toks.length === 0 || '"“‘(:'.includes(gap.trimEnd().slice(-1) || '\u0000')) { initial = true; }
    const possessive = /['’]s$/i.exec(word);
    if (possessive && word.length > 3) { word = word.slice(0, -2); end -= 2; }
    const cap = CAPITAL.test(word) || ARABIC_PREFIX.test(word);
    toks.push({
      start: base + start, end: base + end, text: word, form: word, lower: word.toLowerCase(), cap,
      dot: text[m.index + m[0].length] === '.', initial, gap,
    });
    prevEnd = m.index + m[0].length;
  }
  return toks;
}

/** All capitals and longer than a letter: an acronym or a dateline, not a name. */
const isAcronym = (t: Tok): boolean => t.form.length > 1 && t.form === t.form.toUpperCase() && /\p{Lu}{2}/u.test(t.form);

function joins(prev: Tok, next: Tok): boolean {
  if (/^[ \t]+$|^[ \t]*\r?\n[ \t]*$/.test(next.gap)) { return true; }
  // J. Michael Luttig, Gen. Mark Milley, U.S. Sen. Ted Cruz.
  return prev.dot && /^\.[ \t]*$/.test(next.gap) && (prev.form.length === 1 || HONORIFICS.has(prev.lower) || SUFFIXES.has(prev.lower));
}

function phraseText(toks: Tok[], from: number, to: number, text: string, base: number): string {
  return text.slice(toks[from].start - base, toks[to].end - base + (toks[to].dot && toks[to].form.length <= 4 && HONORIFICS.has(toks[to].lower) ? 1 : 0));
}

export function paragraphPeople(paragraph: Paragraph): ParagraphPeople {
  const base = paragraph.position!.start.offset!;
  const text = paragraphText.get(paragraph) ?? toString(paragraph);
  const starts = paragraph.children.filter(c => c.type === 'SentenceNode').map(c => c.position!.start.offset!);
  return readParagraph(text, base, starts);
}

/** The people of one paragraph's text, at offsets from `base`; `starts` are where its sentences start (same origin). */
function readParagraph(text: string, base: number, starts: number[]): ParagraphPeople {
  const toks = tokenize(text, base, starts);
  const candidates: NameCandidate[] = [];
  const titleRefs: TitleReference[] = [];
  const lowerWords = new Set<string>();
  for (const t of toks) { if (!t.cap) { lowerWords.add(t.lower); } }

  const nameLike = (t: Tok): boolean => t.cap && !isAcronym(t) || t.form.length === 1 && /\p{Lu}/u.test(t.form) && t.dot;
  let i = 0;
  while (i < toks.length) {
    if (!nameLike(toks[i]) || NOT_NAMES.has(toks[i].lower) && !(HONORIFICS.has(toks[i].lower) && toks[i].dot)) { i++; continue; }
    // Grow the run: name-like words, particles between them, "of (the)" after a title word.
    let j = i;
    while (j + 1 < toks.length && joins(toks[j], toks[j + 1])) {
      const n = toks[j + 1];
      if (nameLike(n) && !(NOT_NAMES.has(n.lower) && !HONORIFICS.has(n.lower))) { j++; continue; }
      if ((PARTICLES.has(n.lower) || n.lower === 'of' && isHead(bare(toks[j].lower))) && j + 2 < toks.length && joins(n, toks[j + 2])) {
        const k = toks[j + 2].lower === 'the' && j + 3 < toks.length ? j + 3 : j + 2;
        if (nameLike(toks[k]) && !NOT_NAMES.has(toks[k].lower)) { j = k; continue; }
      }
      break;
    }
    const runStart = i, runEnd = j;
    i = j + 1;
    // Split title words off the front: everything up to the last title head (or party/nationality label).
    let nameStart = runStart;
    const titleParts: number[] = [];
    for (let k = runStart; k < runEnd; k++) {
      const l = bare(toks[k].lower);
      if (isHead(l) || toks[k].lower === 'of' || toks[k].lower === 'the' && k > runStart) { nameStart = k + 1; titleParts.push(k); }
    }
    // "of State Hillary Clinton": after "of", one more word belongs to the title.
    if (nameStart > runStart && toks[nameStart - 1].lower === 'of' && nameStart < runEnd) { nameStart++; }
    while (nameStart < runEnd - 1 && LABELS.has(toks[nameStart].lower)) { nameStart++; }
    // "Texas Congressman", "the Health Minister": a title without a name.
    const runAllTitle = runStart === runEnd ? isHead(bare(toks[runEnd].lower)) : PURE_TITLES.has(toks[runEnd].lower);
    if (runAllTitle) {
      // "President said", "the Mayor": a title standing alone.
      const prev = toks[runStart - 1];
      if (prev && prev.lower === 'the' && /^\s+$/.test(toks[runStart].gap)) {
        titleRefs.push({ start: prev.start, end: toks[runStart].end, text: text.slice(prev.start - base, toks[runStart].end - base), head: bare(toks[runStart].lower) });
      }
      continue;
    }
    // "Year Barack Obama", "Times reporter": an organisation or thing word before the name is a label.
    for (let k = runEnd - 1; k >= nameStart; k--) {
      if (NON_PERSON.has(toks[k].lower) && !NON_PERSON.has(toks[runEnd].lower)) { nameStart = k + 1; break; }
    }
    if (nameStart === runEnd && LABELS.has(toks[runEnd].lower)) { continue; }
    let nameEnd = runEnd;
    while (nameEnd > nameStart && (NOT_NAMES.has(toks[nameEnd].lower) || PARTICLES.has(toks[nameEnd].lower))) { nameEnd--; }
    if (nameEnd < nameStart || PARTICLES.has(toks[nameStart].lower) && !CAPITAL.test(toks[nameStart].form)) { continue; }
    const nameToks = toks.slice(nameStart, nameEnd + 1);
    const titles: string[] = [];
    const evidence: string[] = [];
    if (nameStart > runStart) {
      titles.push(phraseText(toks, runStart, nameStart - 1, text, base).replace(/\s+/g, ' '));
      evidence.push(HONORIFICS.has(bare(toks[nameStart - 1].lower)) ? 'honorific' : 'title');
    }
    const first = toks[runStart];
    // A lower-case title just before the run: "Pentagon spokesperson Sabrina Singh", "former president Obama".
    if (nameStart === runStart && runStart > 0 && /^[ \t]+$/.test(first.gap) && isHead(toks[runStart - 1].lower) && !toks[runStart - 1].cap) {
      let k = runStart - 1;
      while (k > 0 && runStart - k < 4 && /^[ \t]+$/.test(toks[k].gap) && !DETERMINERS.has(toks[k - 1].lower) &&
        (toks[k - 1].cap && !NOT_NAMES.has(toks[k - 1].lower) || TITLE_MODIFIERS.has(toks[k - 1].lower) || isHead(toks[k - 1].lower))) { k--; }
      titles.push(phraseText(toks, k, runStart - 1, text, base));
      evidence.push('title');
    }
    // Apposition before: "her spokesperson, Dana Whitfield".
    if (nameStart === runStart && runStart > 0 && /^,\s+$/.test(first.gap) && isHead(toks[runStart - 1].lower)) {
      let k = runStart - 1;
      while (k > 0 && runStart - k < 6 && !PUNCT_GAP.test(toks[k].gap) && !toks[k].initial) { k--; }
      if (runStart - k <= 5) {
        titles.push(phraseText(toks, k, runStart - 1, text, base));
        evidence.push('apposition');
      }
    }
    const after = toks[runEnd + 1];
    if (after && /^\s+$/.test(after.gap) && SPEECH.has(after.lower) && nameEnd === runEnd) { evidence.push('speech'); }
    const before = toks[runStart - 1];
    if (before && /^\s+$/.test(first.gap) && (SPEECH.has(before.lower) || before.lower === 'to' && toks[runStart - 2]?.lower === 'according')) {
      evidence.push('speech');
    }
    if (after && /^,\s+$/.test(after.gap) && nameEnd === runEnd) {
      let k = runEnd + 1;
      while (k + 1 < toks.length && k - runEnd < 14 && !PUNCT_GAP.test(toks[k + 1].gap) && !toks[k + 1].initial) { k++; }
      const ends = k + 1 >= toks.length || PUNCT_GAP.test(toks[k + 1].gap) || toks[k + 1].initial;
      if (after.lower === 'who') {
        evidence.push('who');
        const verb = toks[runEnd + 2];
        const clauseHasHead = toks.slice(runEnd + 2, k + 1).some(t => isHead(t.lower));
        if (verb && k > runEnd + 1 && (ROLE_VERBS.has(verb.lower) || (verb.lower === 'is' || verb.lower === 'was') && clauseHasHead)) {
          titles.push(phraseText(toks, runEnd + 2, k, text, base));
        }
      } else if (ends && k - runEnd <= 7 && isHead(bare(toks[k].lower)) && !nameLike(toks[k])) {
        // "Yoon Suk Yeol, South Korea's president," (the head last, so "X, President Y said" is not read as one).
        titles.push(phraseText(toks, runEnd + 1, k, text, base));
        evidence.push('apposition');
      }
    }
    const lowers = nameToks.map(t => t.lower);
    const nonPerson = lowers.some(l => NON_PERSON.has(l)) || PLACE_STARTS.has(lowers[0]) && nameToks.length > 1;
    candidates.push({
      start: nameToks[0].start, end: nameToks[nameToks.length - 1].end,
      text: text.slice(nameToks[0].start - base, nameToks[nameToks.length - 1].end - base),
      tokens: nameToks.filter(t => !(t.form.length === 1 && t.dot) && !PARTICLES.has(t.form)).map(t => ({ start: t.start, end: t.end, text: t.form })),
      titles, evidence: [...new Set(evidence)], initial: nameToks[0].initial, nonPerson,
    });
  }
  // "the mayor", "the finance minister": lower-case titles after "the", not followed by a name.
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].lower !== 'the') { continue; }
    let h = k + 1;
    while (h < toks.length && h - k <= 3 && !isHead(toks[h].lower) && (TITLE_MODIFIERS.has(toks[h].lower) || toks[h].cap) && /^\s+$/.test(toks[h].gap)) { h++; }
    const head = toks[h];
    if (!head || head.cap || !isHead(head.lower) || !/^\s+$/.test(head.gap)) { continue; }
    const next = toks[h + 1];
    if (next && /^\s+$/.test(next.gap) && (nameLike(next) || isHead(next.lower))) { continue; }
    titleRefs.push({ start: toks[k].start, end: head.end, text: text.slice(toks[k].start - base, head.end - base), head: head.lower });
  }
  return { candidates, titleRefs, lowerWords: [...lowerWords] };
}

/**
 * What the names check reads. The grouping (`plan`) has no offsets: it is computed from the paragraphs' names,
 * titles and their order, and reused while those stay the same, so the candidates are placed on demand.
 */
export interface PeopleIndex {
  /** Every candidate in document order, at its current offsets, with the person it was grouped into (or -1). */
  readonly candidates: Array<NameCandidate & { person: number }>;
  people: Person[];
  /** The words the article writes in lower case, as far as the words of its candidates go (the only ones ever asked about). */
  lowerWords: ReadonlySet<string>;
  /** The grouping: the same object for as long as the names, their titles and their order stay the same. */
  plan: object;
  /** Where the `token`th word of the `candidate`th candidate stands now (indices as in `candidates`). */
  tokenAt(candidate: number, token: number): { start: number; end: number };
}

const indexes = new WeakMap<VFile, PeopleIndex>();

export function peopleIndex(file: VFile): PeopleIndex | undefined {
  return indexes.get(file);
}

interface Building {
  person: Person;
  tokens: string[];
  last: number;
  /** `key` of the current tokens' surname, kept in step with `tokens`. */
  surname: string;
  /** `key` of each current token. */
  keys: string[];
  /** Start of every mention, ascending: "the latest mention before X" is a binary search, not a scan. */
  starts: number[];
  /** `person.titles` as a set: a much-quoted person gathers many. */
  titleSet: Set<string>;
  /** What each mention is, in step with `person.mentions`: a candidate's index, or the candidates' count plus a title reference's. */
  refs: number[];
}

// The same few thousand words are keyed over and over on a long document; NFD normalisation is not cheap.
const keys = new Map<string, string>();
export const key = (s: string): string => {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘]/g, "'").toLowerCase();
    if (keys.size >= 50000) { keys.clear(); }
    keys.set(s, k);
  }
  return k;
};
const surnameOfKeys = (forms: string[]): string => {
  let k = forms.length - 1;
  while (k > 0 && SUFFIXES.has(forms[k])) { k--; }
  return forms[k];
};

function setTokens(b: Building, tokens: string[]): void {
  b.tokens = tokens;
  b.keys = tokens.map(key);
  b.surname = surnameOfKeys(b.keys);
}

function addStart(starts: number[], at: number): void {
  if (starts.length === 0 || starts[starts.length - 1] <= at) { starts.push(at); return; }
  let lo = 0, hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= at) { lo = mid + 1; } else { hi = mid; } }
  starts.splice(lo, 0, at);
}

/** One person of a grouping: the name as found, as shown, the titles, and the mentions as indices (see `Building.refs`). */
interface PlanPerson { raw: string; name: string; titles: string[]; refs: number[] }

/** A grouping without offsets: people, and per candidate the person (or -1) and whether its first word was dropped. */
interface Plan { people: PlanPerson[]; person: Int32Array; stripped: Uint8Array; lowerWords: ReadonlySet<string> }

/**
 * Group candidates into people: full names first, then surnames and given names alone, then titles alone.
 * Offsets are compared only with each other, so the grouping holds wherever the text has moved. `lowerWords`
 * needs to answer only for the words of candidates.
 */
function group(paragraphs: ParagraphPeople[], bases: number[], lowerWords: ReadonlySet<string>): { plan: Plan; candidates: Array<NameCandidate & { person: number }> } {
  // The paragraphs' candidates and title references, placed at `bases`.
  const titleRefs: TitleReference[] = [];
  const candidates: Array<NameCandidate & { person: number }> = [];
  const stripped: number[] = [];
  paragraphs.forEach((p, i) => {
    const base = bases[i];
    for (const r of p.titleRefs) { titleRefs.push({ ...r, start: r.start + base, end: r.end + base }); }
    for (const c of p.candidates) {
      let tokens = c.tokens.map(t => ({ start: t.start + base, end: t.end + base, text: t.text }));
      // "Yesterday Rosa Delgado": a sentence's first word that the article also writes in lower case is not a name.
      if (c.initial && tokens.length >= 2 && lowerWords.has(key(tokens[0].text))) {
        stripped.push(1);
        tokens = tokens.slice(1);
        candidates.push({ ...c, tokens, start: tokens[0].start, end: c.end + base, text: c.text.slice(tokens[0].start - base - c.start), initial: false, person: -1 });
      } else {
        stripped.push(0);
        candidates.push({ ...c, tokens, start: c.start + base, end: c.end + base, person: -1 });
      }
    }
  });
  // Forms used alone (one-word runs, not at a sentence start): a full name whose surname is used alone is a person.
  const alone = new Set<string>();
  for (const c of candidates) {
    if (c.tokens.length === 1 && !c.nonPerson && (!c.initial || c.evidence.length || !lowerWords.has(key(c.tokens[0].text)))) { alone.add(key(c.tokens[0].text)); }
  }
  // A two-word name written out twice is a name: places and bodies mostly carry a word that gives them away.
  const fullCounts = new Map<string, number>();
  for (const c of candidates) {
    if (c.tokens.length >= 2 && !c.nonPerson) { const f = c.tokens.map(t => key(t.text)).join(' '); fullCounts.set(f, (fullCounts.get(f) ?? 0) + 1); }
  }
  const built: Building[] = [];
  const byFull = new Map<string, number>();
  const byToken = new Map<string, number[]>();
  const add = (b: number, n: number, at: number) => {
    const c = candidates[n];
    c.person = b;
    const p = built[b];
    p.person.mentions.push({ start: c.start, end: c.end, text: c.text });
    p.refs.push(n);
    addStart(p.starts, c.start);
    for (const t of c.titles) { if (!p.titleSet.has(t)) { p.titleSet.add(t); p.person.titles.push(t); } }
    if (c.tokens.length > p.tokens.length) { setTokens(p, c.tokens.map(t => t.text)); p.person.name = c.text; }
    p.last = Math.max(p.last, at);
  };
  const create = (c: NameCandidate, tokens: string[]): number => {
    const b = built.length;
    const building: Building = { person: { name: c.text, titles: [], mentions: [] }, tokens, last: c.start, surname: '', keys: [], starts: [], titleSet: new Set(), refs: [] };
    setTokens(building, tokens);
    built.push(building);
    return b;
  };
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (c.tokens.length < 2 || c.nonPerson) { continue; }
    const forms = c.tokens.map(t => key(t.text));
    const evidence = c.evidence.length > 0 || alone.has(forms[forms.length - 1]) || alone.has(forms[0]) && !c.initial || (fullCounts.get(forms.join(' ')) ?? 0) >= 2;
    if (!evidence) { continue; }
    const full = forms.join(' ');
    let b = byFull.get(full);
    if (b === undefined) {
      // "J. Michael Luttig" and "Michael Luttig": the same surname and given names that fit inside each other.
      const surname = surnameOfKeys(forms);
      b = (byToken.get(surname) ?? []).find(x => {
        const other = built[x].keys;
        if (built[x].surname !== surname) { return false; }
        const [small, big] = other.length <= forms.length ? [other, forms] : [forms, other];
        return small.length >= 2 && small.every(f => big.includes(f));
      });
    }
    if (b === undefined) {
      b = create(c, c.tokens.map(t => t.text));
      for (const f of forms) { const list = byToken.get(f); if (list) { list.push(b); } else { byToken.set(f, [b]); } }
    }
    byFull.set(full, b);
    add(b, n, c.start);
  }
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (c.tokens.length !== 1 || c.person >= 0 || c.nonPerson) { continue; }
    const f = key(c.tokens[0].text);
    const options = byToken.get(f) ?? [];
    // The surname reading first (Clinton -> the Clinton most recently named), then any other word of the name.
    const surnames = options.filter(b => built[b].surname === f);
    const pool = surnames.length > 0 ? surnames : options;
    if (pool.length > 0) {
      const earlier = pool.filter(b => built[b].starts[0] < c.start);
      const pick = (earlier.length ? earlier : pool).reduce((x, y) => (lastBefore(built[y], c.start) > lastBefore(built[x], c.start) ? y : x));
      add(pick, n, c.start);
    } else if (c.evidence.some(e => e !== 'speech') || c.evidence.includes('speech') && !c.initial && !lowerWords.has(f)) {
      const b = create(c, [c.tokens[0].text]);
      byToken.set(f, [b]);
      add(b, n, c.start);
    }
  }
  // Titles no longer change from here on: which people a title word fits is looked up, not searched for.
  const byTitleWord = new Map<string, Building[]>();
  if (titleRefs.length > 0) {
    for (const b of built) {
      const words = new Set(b.person.titles.flatMap(t => t.toLowerCase().split(/[\s.]+/)));
      for (const w of words) { const list = byTitleWord.get(w); if (list) { list.push(b); } else { byTitleWord.set(w, [b]); } }
    }
  }
  titleRefs.forEach((r, n) => {
    const fits = byTitleWord.get(r.head) ?? [];
    if (fits.length === 0) { return; }
    const earlier = fits.filter(b => b.starts[0] < r.start);
    const pick = (earlier.length ? earlier : fits).reduce((x, y) => (lastBefore(y, r.start) > lastBefore(x, r.start) ? y : x));
    pick.person.mentions.push({ start: r.start, end: r.end, text: r.text });
    pick.refs.push(candidates.length + n);
    addStart(pick.starts, r.start);
  });
  const people = built.map((b): PlanPerson => {
    // Mentions in document order (a stable sort: equal starts keep the order they were found in).
    const m = b.person.mentions;
    const order = m.map((_x, i) => i).sort((x, y) => m[x].start - m[y].start || x - y);
    return { raw: b.person.name, name: b.person.name.replace(/\s+/g, ' '), titles: b.person.titles.map(t => t.replace(/\s+/g, ' ')), refs: order.map(i => b.refs[i]) };
  });
  const person = new Int32Array(candidates.length);
  candidates.forEach((c, n) => { person[n] = c.person; });
  return { plan: { people, person, stripped: Uint8Array.from(stripped), lowerWords }, candidates };
}

/** Start of the latest mention before `at`, or -1. */
function lastBefore(b: Building, at: number): number {
  const s = b.starts;
  let lo = 0, hi = s.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid] < at) { lo = mid + 1; } else { hi = mid; } }
  return lo > 0 ? s[lo - 1] : -1;
}

/** A paragraph's people at offsets relative to its start, with what the grouping compares paragraphs by. */
interface Summary extends ParagraphPeople {
  /**
   * Everything of the paragraph's candidates and title references that the grouping and the names check read,
   * with their order but without offsets: equal summaries group alike wherever the paragraph stands, and an
   * edit that changes no name (a word typed, a sentence added) keeps the summary.
   */
  readonly sig: string;
  /** `key` of every word of every candidate: the only words whose lower-case use matters. */
  keys: string[];
}

function summarise(text: string, paragraph: Paragraph, base: number): Summary {
  const starts: number[] = [];
  for (const c of paragraph.children) { if (c.type === 'SentenceNode') { starts.push(c.position!.start.offset! - base); } }
  const found = readParagraph(text, 0, starts);
  const keys = found.candidates.flatMap(c => c.tokens.map(t => key(t.text)));
  let sig: string | undefined;
  return {
    ...found, keys,
    // Computed when first compared: only for paragraphs that an edit changed.
    get sig() { return (sig ??= signature(found)); },
  };
}

function signature(found: ParagraphPeople): string {
  // Offsets are compared, never subtracted, across candidates and title references: their ranks are enough.
  const at = new Set<number>();
  for (const c of found.candidates) { at.add(c.start); for (const t of c.tokens) { at.add(t.start); } }
  for (const r of found.titleRefs) { at.add(r.start); }
  const rank = new Map([...at].sort((a, b) => a - b).map((v, i) => [v, i]));
  return JSON.stringify([
    found.candidates.map(c => [rank.get(c.start), c.end - c.start, c.text, c.tokens.map(t => [rank.get(t.start), t.start - c.start, t.end - c.start, t.text]), c.titles, c.evidence, c.initial, c.nonPerson]),
    found.titleRefs.map(r => [rank.get(r.start), r.end - r.start, r.text, r.head]),
  ]);
}

// The words each paragraph writes in lower case, counted over the latest document: an edit updates one paragraph's.
const lowerTally = registerTally();

export default function people() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const source = String(file.value);
    const lists: string[][] = [];
    const used: Summary[] = [];
    const bases: number[] = [];
    for (const p of tree.children) {
      if (p.type !== 'ParagraphNode') { continue; }
      const s = memoRelative('people', p, summarise);
      lists.push(s.lowerWords);
      if (s.candidates.length || s.titleRefs.length) { used.push(s); bases.push(p.position!.start.offset!); }
    }
    lowerTally.update(lists);
    // The grouping depends on the summaries and on which candidate words the article also writes in lower case.
    const inputs: Array<Summary | string> = [...used];
    const bits: string[] = [];
    for (const s of used) { for (const k of s.keys) { bits.push(lowerTally.has(k) ? '1' : '0'); } }
    inputs.push(bits.join(''));
    let grouped: Array<NameCandidate & { person: number }> | undefined;
    const plan = memoDocument('people', inputs, () => {
      const lower = new Set<string>();
      for (const s of used) { for (const k of s.keys) { if (lowerTally.has(k)) { lower.add(k); } } }
      const result = group(used, bases, lower);
      grouped = result.candidates;
      return result.plan;
    }, (a, b) => typeof a !== 'string' && typeof b !== 'string' && a.sig === b.sig);
    // Where each candidate (then each title reference) stands now.
    const count = plan.person.length;
    const paraOf = new Int32Array(count), localOf = new Int32Array(count);
    const starts: number[] = [], ends: number[] = [];
    let n = 0;
    used.forEach((s, p) => {
      const base = bases[p];
      s.candidates.forEach((c, i) => {
        paraOf[n] = p; localOf[n] = i;
        starts.push(base + (plan.stripped[n] ? c.tokens[1].start : c.start));
        ends.push(base + c.end);
        n++;
      });
    });
    used.forEach((s, p) => { for (const r of s.titleRefs) { starts.push(bases[p] + r.start); ends.push(bases[p] + r.end); } });
    const directory = data.options.directory;
    // Spans show the file's own characters (the paragraphs were read from the prose, markup blanked).
    const people = plan.people.map((pp, i): Person => {
      const person: Person = {
        name: pp.name, titles: [...pp.titles],
        mentions: pp.refs.map(r => ({ start: starts[r], end: ends[r], text: source.slice(starts[r], ends[r]) })),
      };
      const entry = lookup(directory, pp.raw);
      if (entry) {
        person.directory = entry;
        if (entry.organization) { person.organizations = [entry.organization]; }
      }
      person.id = `person-${i + 1}`;
      return person;
    });
    const candidateAt = (j: number): NameCandidate => used[paraOf[j]].candidates[localOf[j]];
    let candidates = grouped;
    indexes.set(file, {
      people, plan, lowerWords: plan.lowerWords,
      get candidates() {
        candidates ??= Array.from({ length: count }, (_x, j) => {
          const c = candidateAt(j), base = bases[paraOf[j]];
          const tokens = (plan.stripped[j] ? c.tokens.slice(1) : c.tokens).map(t => ({ start: t.start + base, end: t.end + base, text: t.text }));
          const text = plan.stripped[j] ? c.text.slice(c.tokens[1].start - c.start) : c.text;
          return { ...c, tokens, start: plan.stripped[j] ? tokens[0].start : c.start + base, end: c.end + base, text, initial: plan.stripped[j] ? false : c.initial, person: plan.person[j] };
        });
        return candidates;
      },
      tokenAt(j: number, t: number) {
        const tok = candidateAt(j).tokens[t + plan.stripped[j]], base = bases[paraOf[j]];
        return { start: tok.start + base, end: tok.end + base };
      },
    });
    data.people = people;
  };
}
