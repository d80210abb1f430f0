// Name-misspelling injection: in each article, pick a person named at least three times (the people plugin's
// people, when one of them has a surname written three times or more; otherwise a surname found by capitalised
// word frequency and a structural person test, so that an article whose people the plugin misses still gets an
// injection), misspell one later mention (never the first) deterministically, and see whether a name/ diagnostic
// lands on it with the original spelling as its fix. The clean originals are run too: every name/ diagnostic there
// is a false alarm unless the article really misspells a name, so they are printed to be read. The first letter
// stays: a slip that changes it is another kind of error (and rare in copy).
import { loadCorpus } from './polnear.ts';
import { analyse } from '../../src/core/pipeline.ts';
import { NON_PERSON, NOT_NAMES, PLACE_STARTS, TITLE_HEADS } from '../../src/core/plugins/people.ts';
import type { Finding, Person } from '../../src/core/model.ts';
import type { Section } from './run.ts';

export type Kind = 'swap' | 'drop' | 'vowel';
const KINDS: Kind[] = ['swap', 'drop', 'vowel'];
const VOWEL_SWAP: Record<string, string> = { a: 'e', e: 'a', i: 'e', o: 'a', u: 'o', y: 'i' };

/** mulberry32: a small seeded generator, so every run injects the same errors. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One slip of the given kind, the first letter kept; null when the word offers none. */
export function misspell(word: string, kind: Kind, random: () => number): string | null {
  const positions: number[] = [];
  for (let i = 1; i < word.length; i++) {
    if (kind === 'swap' && i + 1 < word.length && word[i] !== word[i + 1] && /\p{Ll}/u.test(word[i]) && /\p{Ll}/u.test(word[i + 1])) { positions.push(i); }
    if (kind === 'drop' && /\p{Ll}/u.test(word[i]) && word[i] !== word[i - 1]) { positions.push(i); }
    if (kind === 'vowel' && VOWEL_SWAP[word[i]]) { positions.push(i); }
  }
  if (positions.length === 0) { return null; }
  const i = positions[Math.floor(random() * positions.length)];
  if (kind === 'swap') { return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); }
  if (kind === 'drop') { return word.slice(0, i) + word.slice(i + 1); }
  return word.slice(0, i) + VOWEL_SWAP[word[i]] + word.slice(i + 1);
}

interface Target { word: string; offsets: number[] }

/** Surnames by frequency: a capitalised word used three times or more, at least once right after another capitalised word. */
export function surnameTargets(text: string): Target[] {
  const counts = new Map<string, number[]>();
  const afterName = new Set<string>();
  const standsAlone = new Set<string>();
  const re = /(?<![\p{L}\p{M}'’-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{M}-])/gu;
  for (const m of text.matchAll(re)) {
    const w = m[1];
    if (w.length < 4 || NOT_NAMES.has(w.toLowerCase()) || TITLE_HEADS.has(w.toLowerCase())) { continue; }
    const list = counts.get(w) ?? [];
    list.push(m.index!);
    counts.set(w, list);
    const before = text.slice(Math.max(0, m.index! - 20), m.index!);
    const after = text.slice(m.index! + w.length, m.index! + w.length + 20);
    const previous = /(\p{L}+)[.]?[ ]$/u.exec(before)?.[1] ?? '';
    if (/^\p{Lu}/u.test(previous) && !PLACE_STARTS.has(previous.toLowerCase())) { afterName.add(w); }
    // Surnames also stand alone ("Clinton said"); place and group names rarely lose their first word.
    if (!/\p{Lu}\p{L}*[ ]$/u.test(before) && !/^(?:['’]s)?[ ]\p{Lu}/u.test(after)) { standsAlone.add(w); }
  }
  return [...counts].filter(([w, o]) => o.length >= 3 && afterName.has(w) && standsAlone.has(w) && !NON_PERSON.has(w.toLowerCase()) && personLike(text, w)).map(([word, offsets]) => ({ word, offsets }))
    .sort((a, b) => b.offsets.length - a.offsets.length || a.word.localeCompare(b.word));
}

const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;

/**
 * Surnames of the people the plugin found, written three times or more. Targets are still words of the text
 * (every capitalised occurrence is a candidate place), and the filters of `surnameTargets` that keep out
 * organisations and title words still apply.
 */
export function peopleTargets(text: string, people: Person[]): Target[] {
  const out = new Map<string, number[]>();
  for (const p of people) {
    const words = p.name.split(/\s+/).filter(w => !SUFFIX.test(w));
    const word = words[words.length - 1]?.replace(/['’]s$/, '');
    if (!word || out.has(word) || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word)) { continue; }
    if (word.length < 4 || NOT_NAMES.has(word.toLowerCase()) || TITLE_HEADS.has(word.toLowerCase()) || NON_PERSON.has(word.toLowerCase())) { continue; }
    // A person given by one word needs a title to count: a lone capitalised word that "said" may be a country.
    if (words.length < 2 && p.titles.length === 0) { continue; }
    const re = new RegExp(`(?<![\\p{L}\\p{M}'’-])${word}(?![\\p{L}\\p{M}-])`, 'gu');
    const offsets = [...text.matchAll(re)].map(m => m.index!);
    if (offsets.length >= 3 && p.mentions.length >= 3) { out.set(word, offsets); }
  }
  return [...out].map(([word, offsets]) => ({ word, offsets }))
    .sort((a, b) => b.offsets.length - a.offsets.length || a.word.localeCompare(b.word));
}

export interface Injection { word: string; wrong: string; kind: Kind; at: number; text: string; source: 'people' | 'structural' }

/** The article's injection, the same on every run: the n-th article gets seed 1000 + n. */
export function inject(text: string, n: number, people: Person[]): Injection | null {
  const random = rng(1000 + n);
  let targets = peopleTargets(text, people);
  const source = targets.length ? 'people' : 'structural';
  if (!targets.length) { targets = surnameTargets(text); }
  if (targets.length === 0) { return null; }
  const target = targets[Math.floor(random() * Math.min(targets.length, 3))];
  const at = target.offsets[1 + Math.floor(random() * (target.offsets.length - 1))];
  let kind = KINDS[n % 3];
  let wrong = misspell(target.word, kind, random);
  for (let k = 1; !wrong && k < 3; k++) { kind = KINDS[(n + k) % 3]; wrong = misspell(target.word, kind, random); }
  if (!wrong) { return null; }
  return { word: target.word, wrong, kind, at, source, text: text.slice(0, at) + wrong + text.slice(at + target.word.length) };
}

const SPEECH = 'said|says|told|added|asked|wrote|argued|explained|noted|tweeted|claimed|insisted|announced|replied|responded';
const HONORIFIC = 'Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor|Secretary|Speaker|Mayor|Minister|Judge|Justice';

/** A person, not a place or a party: the word speaks ("Clinton said", "said Clinton") or carries an honorific. */
function personLike(text: string, word: string): boolean {
  const w = word;
  return new RegExp(`(?:\\b${w}(?:['’]s)?,? (?:${SPEECH})\\b|\\b(?:${SPEECH}) (?:\\p{Lu}\\p{L}+ )?${w}\\b|\\b(?:${HONORIFIC})\\.? (?:\\p{Lu}[\\p{L}.]* )?${w}\\b)`, 'u').test(text);
}

export async function evaluate(dir: string): Promise<Section> {
  const docs = loadCorpus(dir);
  let injections = 0, caught = 0, falseAlarms = 0, skipped = 0, structural = 0;
  const alarms: string[] = [];
  const misses: string[] = [];
  const byKind: Record<Kind, [number, number]> = { swap: [0, 0], drop: [0, 0], vowel: [0, 0] };
  let ms = 0;
  docs.forEach((doc, n) => {
    const t0 = performance.now();
    const cleanAnalysis = analyse(doc.text);
    ms += performance.now() - t0;
    const clean = cleanAnalysis.diagnostics.filter((d: Finding) => d.rule.startsWith('name/'));
    falseAlarms += clean.length;
    for (const d of clean) { alarms.push(`${doc.name}: ${d.rule} “${d.text}” -> ${d.expected.join(' / ')}`); }
    const injection = inject(doc.text, n, cleanAnalysis.people);
    if (!injection) { skipped++; return; }
    const { word, wrong, kind, at, text } = injection;
    if (injection.source === 'structural') { structural++; }
    const end = at + wrong.length;
    const found = analyse(text).diagnostics.filter((d: Finding) => d.rule.startsWith('name/'));
    const hit = found.some(d => d.start < end && d.end > at && d.expected.includes(word));
    injections++;
    byKind[kind][0]++;
    if (hit) { caught++; byKind[kind][1]++; } else { misses.push(`${doc.name}: ${word} -> ${wrong} (${kind}${injection.source === 'structural' ? ', structural target' : ''})`); }
  });
  const recall = injections ? caught / injections : 0;
  const rate = docs.length ? falseAlarms / docs.length : 0;
  const lines = [
    `articles: ${docs.length} (no person named three times: ${skipped})`,
    `injections: ${injections} (target from the people plugin: ${injections - structural}, structural fallback: ${structural}), caught: ${caught}, recall: ${(100 * recall).toFixed(1)}%`,
    `by kind: ${KINDS.map(k => `${k} ${byKind[k][1]}/${byKind[k][0]}`).join(', ')}`,
    `false alarms on clean articles: ${falseAlarms}, per article: ${rate.toFixed(3)}`,
    `analysis time: ${(ms / Math.max(1, docs.length)).toFixed(2)} ms per article`,
    ...(alarms.length ? ['false alarms:', ...alarms.map(a => `  ${a}`)] : []),
    ...(misses.length ? ['missed injections:', ...misses.map(a => `  ${a}`)] : []),
  ];
  return {
    title: 'names: misspelling injection',
    lines,
    json: { articles: docs.length, injections, structural, caught, recall, falseAlarms, perArticle: rate, byKind },
  };
}
