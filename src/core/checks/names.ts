// name/ rules: one person spelled two ways in one article (name/mismatch), and a name close to but not equal to
// a people-directory entry (name/directory).
// The comparison runs over distinct word forms, never over all pairs of mentions: forms are bucketed by their
// first letter and only forms of a person's name are compared with the forms in their bucket. Context decides
// what the spelling distance cannot: "Jane Smyth" next to "John Smith" is another person, "Rosa Delgada" next to
// "Rosa Delgado" is not. Plurals and possessives ("the Clintons", "Obama's") are not misspellings. The person need
// not have been grouped: when the only full mention is the misspelt one, grouping fails with it. Pairs the article
// declares different people (suppress.ts) are never compared.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
// The two string metrics ship as untyped CommonJS; their call signatures are declared where they are used.
// @ts-expect-error no type declarations
import damerauLevenshtein from 'damerau-levenshtein';
// @ts-expect-error no type declarations
import jaroWinklerRaw from 'jaro-winkler';
import { doubleMetaphone } from 'double-metaphone';
import { dataOf, report } from '../context.js';
import { memoDocument } from '../memo.js';
import { LABELS, NON_PERSON, NOT_NAMES, PLACE_STARTS, TITLE_HEADS, key as nameKey, peopleIndex, type PeopleIndex } from '../plugins/people.js';
import { declaredDifferent, differentPeople } from '../suppress.js';
import { directoryNames, lookup, normaliseName, type Directory } from '../directory.js';
import type { Span } from '../model.js';

const editDistance = (a: string, b: string): number => (damerauLevenshtein as (a: string, b: string) => { steps: number })(a, b).steps;
const jaroWinkler = (a: string, b: string): number => (jaroWinklerRaw as (a: string, b: string) => number)(a, b);

/** `org`: a word of an organisation or place name ("the Clinton Foundation"), which can carry a person's name too. */
type Role = 'given' | 'surname' | 'middle' | 'alone' | 'org';

interface Occurrence extends Span {
  role: Role;
  /** The first word of the full name this word stands in (key), for context. */
  given?: string;
  /** The words before this one in its run (keys): "Endorsed Ted Cruz" still gives Cruz the given name Ted. */
  before?: string[];
  surname?: string;
  person: number;
  /** The word is part of a name that looks like a person's: a run of two or more words, or one with a title. */
  personal: boolean;
  /** A single capitalised word at the start of a sentence, with nothing else to say it is a name. */
  initial: boolean;
  /** Which word of which candidate this is (`PeopleIndex.tokenAt`): where it stands in a later analysis. */
  ref: Ref;
}

/** The `token`th word of the `candidate`th candidate of the people index. */
interface Ref { candidate: number; token: number }

/** A message as the check decides it, placed by word (Ref) rather than offset so that it holds wherever the text moved. */
interface Finding { at: Ref; message: string; rule: string; expected: string[]; related: Array<{ at: Ref; message: string }> }

interface Form {
  key: string;
  /** The spelling as most often written (case kept). */
  display: string;
  occurrences: Occurrence[];
  first: number;
}

// Accents and case aside, shared with the people plugin (whose cache it also shares).
const keyOf = nameKey;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

/** `/^['’]s\b/` at `i` of `text`, without cutting the rest of the text off to test it. */
function possessiveAt(text: string, i: number): boolean {
  return (text[i] === "'" || text[i] === '’') && text[i + 1] === 's' && !/\w/.test(text[i + 2] ?? '');
}

function collectForms(index: PeopleIndex): Map<string, Form> {
  const forms = new Map<string, Form>();
  const spellings = new Map<string, Map<string, number>>();
  const add = (t: Span, occ: Occurrence) => {
    const k = keyOf(t.text);
    let f = forms.get(k);
    if (!f) { f = { key: k, display: t.text, occurrences: [], first: t.start }; forms.set(k, f); spellings.set(k, new Map()); }
    f.occurrences.push(occ);
    const s = spellings.get(k)!;
    s.set(t.text, (s.get(t.text) ?? 0) + 1);
  };
  // People named in full or with a title: a country or a publication that "said" something is no measure of spelling.
  const strongPeople = new Set<number>();
  for (const c of index.candidates) {
    if (c.person >= 0 && !c.nonPerson && (c.tokens.length >= 2 || c.evidence.some(e => e !== 'speech'))) { strongPeople.add(c.person); }
  }
  index.candidates.forEach((c, candidate) => {
    let toks = c.tokens;
    // "California's Latino", "Obama's America": the words after a possessive are a thing of the first name's.
    const cut = toks.findIndex(t => possessiveAt(c.text, t.end - c.start));
    if (cut >= 0 && cut < toks.length - 1) {
      toks.slice(cut + 1).forEach((t, k) => {
        if (!NON_PERSON.has(keyOf(t.text))) { add(t, { start: t.start, end: t.end, text: t.text, role: 'org', person: -1, personal: false, initial: false, ref: { candidate, token: cut + 1 + k } }); }
      });
      toks = toks.slice(0, cut + 1);
    }
    if (c.nonPerson) {
      // Only a name used to name something else: "Clinton" in "Clinton Foundation", not "Foundation", and not
      // "Hood" in "Fort Hood", which is the place's own name.
      toks.slice(0, -1).forEach((t, token) => {
        const k = keyOf(t.text);
        if (NON_PERSON.has(k) || PLACE_STARTS.has(k)) { return; }
        add(t, { start: t.start, end: t.end, text: t.text, role: 'org', person: -1, personal: false, initial: false, ref: { candidate, token } });
      });
      return;
    }
    let last = toks.length - 1;
    while (last > 0 && SUFFIX.test(keyOf(toks[last].text))) { last--; }
    const personal = strongPeople.has(c.person) || toks.length >= 2 || c.evidence.some(e => e !== 'speech');
    toks.forEach((t, n) => {
      const role: Role = toks.length === 1 ? 'alone' : n === 0 ? 'given' : n === last ? 'surname' : 'middle';
      const occ: Occurrence = { start: t.start, end: t.end, text: t.text, role, person: c.person, personal, initial: c.initial && toks.length === 1 && c.evidence.length === 0, ref: { candidate, token: n } };
      if (role === 'surname' || role === 'middle') { occ.given = keyOf(toks[0].text); occ.before = toks.slice(0, n).map(x => keyOf(x.text)); }
      if (role === 'given') { occ.surname = keyOf(toks[last].text); }
      add(t, occ);
    });
  });
  for (const [k, f] of forms) {
    f.display = [...spellings.get(k)!].sort((a, b) => b[1] - a[1])[0][0];
  }
  return forms;
}

/** Plural and possessive forms of one name are the same name: Clinton / Clintons / Clintons'. */
function isInflection(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  // ...and so are the words made from them: America / American, Israel / Israeli, Latin / Latino.
  return l.startsWith(s) && ['s', 'es', "'", '’', 'n', 'an', 'ian', 'i', 'o', 'ns', 'ese'].includes(l.slice(s.length));
}

/** Given names and their short forms are both right: Pete / Peter, Mike / Mikey. */
function isNickname(a: Form, b: Form): boolean {
  const [s, l] = a.key.length <= b.key.length ? [a, b] : [b, a];
  return l.key.startsWith(s.key) && ['y', 'ie', 'r', 'o', 'a'].includes(l.key.slice(s.key.length)) &&
    [a, b].some(f => f.occurrences.some(o => o.role === 'given'));
}

/** Sum over characters of the difference in how often each occurs in `a` and in `b`. */
function letterGap(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) { counts[a.charCodeAt(i)]++; }
  for (let i = 0; i < b.length; i++) { counts[b.charCodeAt(i)]--; }
  let gap = 0;
  // Each character's count is read once (then zeroed), which also leaves the table clean for the next call.
  for (let i = 0; i < a.length; i++) { const c = a.charCodeAt(i); gap += Math.abs(counts[c]); counts[c] = 0; }
  for (let i = 0; i < b.length; i++) { const c = b.charCodeAt(i); gap += Math.abs(counts[c]); counts[c] = 0; }
  return gap;
}
const counts = new Int32Array(65536);

/** Spellings one slip apart: a swap, a dropped or added letter, a changed letter; two slips in long names if they sound alike. */
export function closeSpellings(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0]) { return false; }
  const min = Math.min(a.length, b.length), max = Math.max(a.length, b.length);
  if (min < 3 || max - min > 2) { return false; }
  // Each edit changes the letter counts by at most two: counts far apart rule out a close spelling without the
  // cost of the distance matrix, which a long document would otherwise pay for every pair of similar forms.
  // Two slips are allowed only from eight letters up (below, one slip: at most two counts off).
  if (letterGap(a, b) > (min >= 8 ? 4 : 2)) { return false; }
  const d = editDistance(a, b);
  if (d !== 1 && !(d === 2 && min >= 8)) { return false; }
  const jw = jaroWinkler(a, b);
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  const soundAlike = a1 === b1 || a1 === b2 || a2 === b1;
  if (d === 1) {
    // In four letters, a dropped letter makes another short name (Cruz / Crz is a slip, Paul / Pal is not clear).
    if (max === 4 && a.length !== b.length && !soundAlike) { return false; }
    return jw >= 0.88 || soundAlike;
  }
  return d === 2 && min >= 8 && jw >= 0.93 && soundAlike;
}

/**
 * One slip in a short name (Cruz / Cru, Ryan / Rya), which the sound and similarity tests cannot tell from another
 * short name. A strong majority is itself the evidence: three uses or more against a single one.
 */
function shortSlip(a: Form, b: Form): boolean {
  const [many, once] = a.occurrences.length >= b.occurrences.length ? [a, b] : [b, a];
  if (many.occurrences.length < 3 || once.occurrences.length !== 1 || many.key.length > 5 || once.key.length < 3) { return false; }
  // The majority must be a person's name given in full (Ted Cruz), and the odd one a name too: not a word of
  // "Tea Party", and not a capitalised word that merely starts a sentence ("Read the latest" / "Real estate").
  const o = once.occurrences[0];
  if (o.role === 'org' || o.initial || !many.occurrences.some(r => (r.role === 'given' || r.role === 'surname') && r.person >= 0)) { return false; }
  return a.key[0] === b.key[0] && editDistance(a.key, b.key) === 1;
}

/** Words that stand before a plural like a given name but make a group: "African Americans", "Sikh Americans". */
const GROUP_WORDS = new Set([
  'african', 'asian', 'latin', 'latino', 'latina', 'hispanic', 'native', 'arab', 'muslim', 'jewish', 'christian',
  'catholic', 'evangelical', 'sikh', 'hindu', 'black', 'white', 'european', 'mexican', 'cuban', 'chinese', 'korean',
  'japanese', 'indian', 'iranian', 'irish', 'italian', 'polish', 'german', 'french', 'british', 'american', 'muslims',
  'north', 'south', 'central', 'middle', 'young', 'older', 'many', 'most', 'all', 'other', 'fellow',
]);

interface DirectoryTokens { tokens: Map<string, string> }

function directoryTokens(directory: Directory | undefined): DirectoryTokens {
  const tokens = new Map<string, string>();
  for (const { name } of directoryNames(directory)) {
    for (const w of name.split(/\s+/)) { if (w.length > 1) { tokens.set(keyOf(w.replace(/\.$/, '')), w); } }
  }
  return { tokens };
}

const plural = (n: number): string => (n === 1 ? 'once' : `${n} times`);

// A directory's entries as one string, once per directory object: what the cached findings were checked against.
const directoryKeys = new WeakMap<Directory, string>();
function directoryKey(directory: Directory | undefined): string {
  if (!directory || directory.entries.length === 0) { return ''; }
  let k = directoryKeys.get(directory);
  if (k === undefined) { k = JSON.stringify(directory.entries); directoryKeys.set(directory, k); }
  return k;
}

export default function names() {
  return (_tree: Root, file: VFile): void => {
    const index = peopleIndex(file);
    if (!index) { return; }
    const data = dataOf(file);
    const directory = data.options.directory;
    const text = String(file.value);
    // "<!-- copydesk-different-people Delgado, Delgada -->": the desk has checked, these are two people.
    const different = text.includes('copydesk-') ? differentPeople(text, data.options.language) : [];
    // The findings depend on the people grouping (which has no offsets and survives most edits), the directory
    // and the declared pairs: reused while those stay the same, and placed where the words stand now.
    const findings = memoDocument('names', [index.plan, directoryKey(directory), JSON.stringify(different)], () => {
      const out: Finding[] = [];
      const forms = collectForms(index);
      const dir = directoryTokens(directory);
      const reported = new Set<number>();
      mismatches(out, index, forms, dir, reported, different);
      if (directory && directory.entries.length > 0) { directoryNearMisses(out, index, directory, reported); }
      return out;
    });
    for (const f of findings) {
      const at = index.tokenAt(f.at.candidate, f.at.token);
      report(file, at.start, at.end, f.message, f.rule, {
        expected: [...f.expected],
        related: f.related.map(r => ({ ...index.tokenAt(r.at.candidate, r.at.token), message: r.message })),
      });
    }
  };
}

function mismatches(out: Finding[], index: PeopleIndex, forms: Map<string, Form>, dir: DirectoryTokens, reported: Set<number>, different: Array<[string, string]>): void {
  const titled = new Set<number>();
  for (const c of index.candidates) {
    // "who" follows groups as readily as people ("African Americans, who"): only a title counts here.
    if (c.person >= 0 && c.evidence.some(e => e === 'title' || e === 'honorific' || e === 'apposition')) { titled.add(c.person); }
  }
  // Contractions (I'd, I'm) are capitalised words, not names.
  const usable = (f: Form): boolean => f.key.length >= 3 && !NOT_NAMES.has(f.key) && !TITLE_HEADS.has(f.key) && !/['’](?:d|m|ll|re|ve|t)$/.test(f.key);
  // A misspelling is measured against the words of names that look like people's: a full name, or one with a
  // title. The person need not be grouped: when the one full mention is the misspelt one, the grouping fails too.
  const nameForms = [...forms.values()].filter(f => usable(f) && f.occurrences.some(o => o.personal));
  // Only spellings within two letters of each other's length can be one slip apart (closeSpellings, shortSlip):
  // bucketed by first letter and length, a long document compares each name with a handful of forms, not with
  // every form that shares its initial.
  const buckets = new Map<string, Array<[number, Form]>>();
  let order = 0;
  for (const f of forms.values()) {
    const n = order++;
    if (!usable(f)) { continue; }
    const k = `${f.key[0]}\u0000${f.key.length}`;
    const b = buckets.get(k);
    if (b) { b.push([n, f]); } else { buckets.set(k, [[n, f]]); }
  }
  // A pair is compared once, when the first of its two forms (in nameForms order) is the one looked from.
  const done = new Set<Form>();
  for (const a of nameForms) {
    done.add(a);
    const lists: Array<Array<[number, Form]>> = [];
    for (let len = a.key.length - 2; len <= a.key.length + 2; len++) { const l = buckets.get(`${a.key[0]}\u0000${len}`); if (l) { lists.push(l); } }
    // Merged in the order the forms were found, as one bucket per letter gave them: which pair reports first matters.
    const at = lists.map(() => 0);
    for (;;) {
      let next = -1;
      for (let l = 0; l < lists.length; l++) { if (at[l] < lists[l].length && (next < 0 || lists[l][at[l]][0] < lists[next][at[next]][0])) { next = l; } }
      if (next < 0) { break; }
      const b = lists[next][at[next]++][1];
      if (done.has(b)) { continue; }
      if (isNickname(a, b) || !(closeSpellings(a.key, b.key) || shortSlip(a, b))) { continue; }
      if (different.length && declaredDifferent(different, a.display, b.display)) { continue; }
      comparePair(out, index, a, b, dir, reported, titled);
    }
  }
}

/** "Pat" and "Patrick", "J." and "John": given names that may be the same person's. */
const sameGiven = (x: string, y: string): boolean => x === y || x[0] === y[0] &&
  (x.length === 1 || y.length === 1 || Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x)));

/** How an occurrence of `wrong` fits the name `right`: the same full name but one word, or another person. */
function fit(o: Occurrence, right: Form): 'strong' | 'weak' | 'other' {
  const asSurname = right.occurrences.filter(r => r.role === 'surname');
  const surnames = new Set(right.occurrences.filter(r => r.role === 'given').map(r => r.surname!));
  switch (o.role) {
    case 'surname': {
      // Right never follows a given name: a lone surname fits loosely; a word only ever used as a given name does not.
      // A first name (Russ Feingold, "Russ is running") is not the surname of Deborah Ross.
      if (asSurname.length === 0) { return right.occurrences.some(r => r.role === 'alone') && !right.occurrences.some(r => r.role === 'given') ? 'weak' : 'other'; }
      // Any word before it counts ("Endorsed Ted Cruz" in a headline still names Ted): Jane Smyth is not John Smith.
      const before = new Set(asSurname.flatMap(r => r.before ?? []));
      return (o.before ?? []).some(g => [...before].some(x => sameGiven(g, x))) ? 'strong' : 'other';
    }
    case 'given':
      return surnames.has(o.surname!) ? 'strong' : 'other';
    case 'middle':
      return 'other';
    default:
      // A word only ever used as a given name (Mike, Marco) does not stand alone in news copy: Mikey, Mario are others.
      return right.occurrences.some(r => r.role === 'alone' || r.role === 'surname') ? 'weak' : 'other';
  }
}

/** The form is the surname of someone the article names in full, not the plural of a group ("African Americans"). */
function personSurname(f: Form, index: PeopleIndex): boolean {
  return f.occurrences.some(o => o.role === 'surname' && o.person >= 0 && (o.before ?? []).every(g => !GROUP_WORDS.has(g) && !LABELS.has(g) && !index.lowerWords.has(g)));
}

function comparePair(out: Finding[], index: PeopleIndex, a: Form, b: Form, dir: DirectoryTokens, reported: Set<number>, titled: Set<number>): void {
  // Which spelling is right: the directory's, else the article's majority, else (a tie) the one the article gives
  // with a full name, else the one it introduces first.
  const inDirA = dir.tokens.has(a.key), inDirB = dir.tokens.has(b.key);
  const full = (f: Form): boolean => f.occurrences.some(o => (o.role === 'given' || o.role === 'surname') && o.person >= 0);
  // The directory knows both spellings (two people, or one person with an alias the desk added): not a slip.
  if (inDirA && inDirB) { return; }
  let right: Form, wrong: Form, reason: 'directory' | 'majority' | 'full' | 'first';
  if (inDirA !== inDirB) { [right, wrong] = inDirA ? [a, b] : [b, a]; reason = 'directory'; }
  else if (a.occurrences.length !== b.occurrences.length) { [right, wrong] = a.occurrences.length > b.occurrences.length ? [a, b] : [b, a]; reason = 'majority'; }
  else if (full(a) !== full(b)) { [right, wrong] = full(a) ? [a, b] : [b, a]; reason = 'full'; }
  else { [right, wrong] = a.first < b.first ? [a, b] : [b, a]; reason = 'first'; }
  // The words of organisation names alone are no measure of how a person's name is spelled.
  // Nor is a capitalised word that only ever starts a sentence ("Real estate mogul…").
  if (!right.occurrences.some(o => o.role !== 'org' && !o.initial) && reason !== 'directory') { return; }
  // "the Clintons" next to "Clinton" is a plural; "Sander" next to "Sanders" is a dropped letter.
  if (isInflection(a.key, b.key) && wrong.key.length > right.key.length) { return; }
  // A word the article also writes in lower case is a common word, not a slip (Bush / bus is not a name).
  if (index.lowerWords.has(wrong.key)) { return; }
  const fits = wrong.occurrences.map(o => fit(o, right));
  if (fits.includes('other')) { return; }
  const strong = fits.includes('strong');
  const rc = right.occurrences.length, wc = wrong.occurrences.length;
  // Without a shared given name, only a rare spelling of a name used more often is a slip.
  if (!strong && reason !== 'directory' && !(wc <= 2 && rc > wc)) { return; }
  if ((reason === 'first' || reason === 'full') && !strong) { return; }
  // A cut-off ending that makes a word of its own (America / American, Latin / Latino, Republican / Republicans)
  // is a slip only in the name of someone the article titles, or names in full and then spells so just once.
  // A dropped plural s (Muslim / Muslims, Boomer / Boomers) needs the title: groups are named in full too.
  if (right.key.startsWith(wrong.key) && isInflection(wrong.key, right.key) && !(personSurname(right, index) &&
    (right.occurrences.some(o => titled.has(o.person)) || wc === 1 && rc >= 3 && !/^e?s$/.test(right.key.slice(wrong.key.length))))) { return; }
  const dirSpelling = dir.tokens.get(right.key);
  let message = `“${wrong.display}” here, but “${right.display}” elsewhere in this article`;
  if (reason === 'majority') { message += ` (${plural(rc)}, against ${plural(wc)})`; }
  if (reason === 'full') { message += ` (${plural(rc)} each; the full name is spelled “${right.display}”)`; }
  if (reason === 'first') { message += ` (${plural(rc)} each; the article introduces the name as “${right.display}”)`; }
  if (reason === 'directory') {
    message += rc < wc
      ? `; the article uses “${wrong.display}” more (${plural(wc)} against ${plural(rc)}), but the people directory has “${dirSpelling}”`
      : `; the people directory has “${dirSpelling}”`;
  } else if (dir.tokens.size > 0) {
    message += '; the people directory has neither spelling';
  }
  const related = right.occurrences.slice(0, 10).map(o => ({ at: o.ref, message: `spelled “${o.text}” here` }));
  for (const o of wrong.occurrences) {
    if (reported.has(o.start)) { continue; }
    reported.add(o.start);
    out.push({
      at: o.ref, message, rule: 'name/mismatch',
      expected: [dirSpelling ?? right.display],
      related: [...related, ...wrong.occurrences.filter(x => x !== o).slice(0, 5).map(x => ({ at: x.ref, message: `also “${x.text}” here` }))],
    });
  }
}

/** A person whose name is one or two slips away from a directory name (Sabrina Sign / Sabrina Singh). */
function directoryNearMisses(out: Finding[], index: PeopleIndex, directory: Directory, reported: Set<number>): void {
  const byWord = new Map<string, string[]>();
  for (const { name } of directoryNames(directory)) {
    for (const w of normaliseName(name).split(' ')) {
      if (w.length < 2) { continue; }
      const list = byWord.get(w) ?? [];
      list.push(name);
      byWord.set(w, list);
    }
  }
  const byPerson = new Map<number, Array<Span & { ref: Ref }>>();
  index.candidates.forEach((c, candidate) => {
    if (c.person < 0) { return; }
    const list = byPerson.get(c.person) ?? [];
    c.tokens.forEach((t, token) => list.push({ ...t, ref: { candidate, token } }));
    byPerson.set(c.person, list);
  });
  index.people.forEach((p, n) => {
    if (lookup(directory, p.name)) { return; }
    const words = normaliseName(p.name).split(' ').filter(w => w.length > 1);
    if (words.length < 2) { return; }
    const candidates = new Set(words.flatMap(w => byWord.get(w) ?? []));
    for (const entryName of candidates) {
      const dirWords = entryName.split(/\s+/).filter(w => w.replace(/\./g, '').length > 1);
      if (dirWords.length !== words.length) { continue; }
      const fixes = new Map<string, string>();
      let ok = true;
      words.forEach((w, i) => {
        const d = normaliseName(dirWords[i]);
        if (d === w) { return; }
        const close = d[0] === w[0] && editDistance(d, w) <= 2 && jaroWinkler(d, w) >= 0.85 && Math.min(d.length, w.length) >= 3;
        if (close) { fixes.set(w, dirWords[i]); } else { ok = false; }
      });
      if (!ok || fixes.size === 0 || fixes.size === words.length) { continue; }
      for (const t of byPerson.get(n) ?? []) {
        const fix = fixes.get(normaliseName(t.text));
        if (!fix || reported.has(t.start)) { continue; }
        reported.add(t.start);
        out.push({ at: t.ref, message: `“${t.text}”: the people directory spells this name “${entryName}”`, rule: 'name/directory', expected: [fix], related: [] });
      }
      return;
    }
  });
}
