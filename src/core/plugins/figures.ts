// Figures: counts, money, percentages, dates, years, times, durations and other quantities, ordinals, vote
// tallies and fractions, each with the hedge written before it. parse-english splits "1,200" and "$48" into
// several nodes, so the scanner reads the paragraph's text with regular expressions instead of the tokens.
// A figure's span is the numeric expression with its currency, magnitude and measure unit ("$48 million",
// "20 percent", "30 days", "four-hour"); a counted noun is not part of it but is its `unit` ("1,200" → "jobs").
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { dataOf } from '../context.js';
import { memoRelative } from '../memo.js';
import type { Figure, FigureKind } from '../model.js';
import { DIGITS, MAGNITUDE, MONTH, WORD_NUMBER, parseNumber } from '../numbers.js';

const CURRENCY_SIGN: Record<string, string> = { '$': 'USD', 'US$': 'USD', 'C$': 'CAD', 'A$': 'AUD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CURRENCY_WORD: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', crown: 'crowns', crowns: 'crowns', kronor: 'crowns', krona: 'crowns',
  kroner: 'crowns', koruna: 'crowns', yen: 'JPY', yuan: 'CNY', rupees: 'INR', rubles: 'RUB', roubles: 'RUB', pesos: 'pesos', francs: 'CHF',
};
const TIME_UNIT = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 'season', 'term', 'night', 'weekend', 'quarter']);
const MEASURE_UNIT = new Set([
  'km', 'kilometre', 'kilometer', 'mile', 'metre', 'meter', 'foot', 'feet', 'inch', 'yard', 'acre', 'hectare', 'kg', 'kilogram', 'gram',
  'ton', 'tonne', 'pound', 'ounce', 'gallon', 'litre', 'liter', 'barrel', 'degree', 'mph', 'cm', 'mm', 'm2', 'point', 'vote', 'megawatt', 'mw',
]);
// Words that follow a number without being what it counts ("14 were", "20 of").
const NOT_A_NOUN = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'than', 'that', 'this', 'these',
  'those', 'who', 'which', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might',
  'should', 'do', 'did', 'does', 'not', 'percent', 'per', 'times', 'each', 'apiece', 'so', 'if', 'when', 'while', 'after', 'before', 'said',
  'says', 'say', 'more', 'less', 'fewer', 'or', 'nor', 'into', 'over', 'under', 'about', 'out', 'up', 'down', 'off', 'it', 'they', 'he',
  'she', 'we', 'you', 'i', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'also', 'only', 'just', 'all', 'both', 'other', 'such', 'then',
  'there', 'here', 'what', 'near', 'across', 'around', 'outside', 'inside', 'behind', 'beyond', 'within', 'without', 'toward', 'towards', 'via', 'since', 'ago', 'later', 'earlier', 'where', 'how', 'why', 'because', 'since', 'until', 'through', 'during', 'among', 'against', 'between', 'am', 'pm',
]);
// Modifiers between a number and its noun ("20 former crew members", "5 million new voters").
const MODIFIER = new Set(['more', 'new', 'other', 'additional', 'former', 'current', 'extra', 'full-time', 'part-time', 'registered', 'likely', 'young', 'old', 'small', 'large', 'major', 'local', 'foreign', 'american', 'undocumented', 'million', 'billion', 'thousand']);
const HEDGE = /\b(about|around|roughly|approximately|nearly|almost|over|more than|fewer than|less than|under|at least|at most|up to|some|just over|just under|close to|as many as|as much as|as few as|no more than|no fewer than|upwards of|an estimated|estimated|below|above|barely|only|exactly|precisely)\s+$/i;
const NAME_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}.'’-]*)\s+$/u;
const NOT_NAME_WORD = new Set(['In', 'By', 'Of', 'On', 'At', 'To', 'For', 'From', 'About', 'Over', 'Nearly', 'Almost', 'Some', 'With', 'And', 'But', 'Only', 'Just', 'All', 'The', 'Than', 'Since', 'Until', 'Before', 'After', 'Between', 'Around', 'Roughly', 'Under', 'Up', 'Of', 'Those', 'These', 'Its', 'Their', 'His', 'Her', 'Our', 'That', 'This', 'Another', 'Every', 'Each', 'About', 'Approximately', 'When', 'While', 'If', 'As', 'Like', 'Nearly', 'Fewer', 'More', 'Less', 'Among']);

const FRACTION: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, tenth: 10, tenths: 10 };

const DATE_RE = new RegExp(
  String.raw`\b(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?![\d,]\d)(?:,?\s+\d{4}\b)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4}\b)?|${MONTH},?\s+\d{4}\b)`, 'g');
const TIME_RE = /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)|\b\d{1,2}:\d{2}\b(?!:)/g;
const TALLY_RE = /(?<![\w.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w-]|[.,]\d|\s?%)/g;
const ORDINAL_RE = /(?<![\w.,-])\d+(?:st|nd|rd|th)\b/g;
const FRACTION_RE = new RegExp(String.raw`\b(?:(?:an?|one|two|three|four|five|seven|nine)[\s-](?:half|halves|thirds?|quarters?|fourths?|fifths?|sixth|tenths?)|(?:${WORD_NUMBER}|\d{1,2})\s+in\s+(?:10|ten|five|four|three|5|4|3|100|a hundred)|half)\b`, 'gi');
const DURATION_ADJ = new RegExp(String.raw`(?<![\w.,-])(?:${DIGITS}|${WORD_NUMBER})-(second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer|km|foot|acre|point|seat|member|page|game|percent)s?(?:-(?:long|old))?\b`, 'gi');
const AMOUNT_RE = new RegExp(
  String.raw`(?<cur>US\$|C\$|A\$|[$€£¥₹])?\s?(?<num>${DIGITS}|\b(?:an?\s+)?(?:${WORD_NUMBER})\b)(?:\s?(?<mag>thousand|million|billion|trillion|bn|mn|mln|tn|[mkb])\b)?(?:\s?(?<pct>%|percent\b|per\s?cent\b|percentage points?\b))?`,
  'gi');

// "61 of the 150 seats": the part is counted in the whole's noun.
const PART_OF = new RegExp(String.raw`^\s+of\s+(?:the\s+|its\s+|their\s+)?(?:${DIGITS}|${WORD_NUMBER})\s+([\p{L}][\p{L}-]*)`, 'iu');

/** Every figure in `prose[from, to)`; `source` gives the spans' text (it differs from `prose` only in blanked markup). */
export function scanFigures(prose: string, source: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number): boolean => taken.every(([s, e]) => b <= s || a >= e);
  const add = (start: number, end: number, kind: FigureKind, value: number | null, unit: string | null): Figure | null => {
    if (!free(start, end)) { return null; }
    taken.push([start, end]);
    const before = prose.slice(Math.max(from, start - 24), start);
    const hedge = HEDGE.exec(before);
    const f: Figure = { start, end, text: source.slice(start, end), kind, value, unit, qualifier: hedge ? hedge[1].toLowerCase() : null };
    out.push(f);
    return f;
  };
  // The patterns run on the paragraph alone: on the whole prose, a pattern with no match in the paragraph
  // would search on to the end of the document, once per paragraph (quadratic on long documents).
  const local = prose.slice(from, to);
  const each = (re: RegExp, fn: (m: RegExpExecArray, start: number, end: number) => void): void => {
    re.lastIndex = 0;
    for (let m = re.exec(local); m; m = re.exec(local)) {
      const start = from + m.index;
      fn(m, start, start + m[0].length);
    }
  };

  each(DATE_RE, (_m, s, e) => { add(s, e, 'date', null, 'date'); });
  each(TIME_RE, (_m, s, e) => { add(s, e, 'time', null, null); });
  each(TALLY_RE, (m, s, e) => {
    const near = prose.slice(Math.max(from, s - 40), Math.min(to, e + 20)).toLowerCase();
    if (/\b(vot\w*|won|win|beat|lost|loss|decision|ruling|majority|margin|score|victory|ballot|tally)\b/.test(near)) {
      const [a, b] = m[0].split(/\s?[-–]\s?/).map(Number);
      add(s, e, 'tally', a - b, 'votes');
    }
  });
  each(DURATION_ADJ, (m, s, e) => {
    const unit = m[1].toLowerCase();
    const value = parseNumber(m[0].slice(0, m[0].toLowerCase().indexOf(`-${unit}`)));
    if (value === null) { return; }
    add(s, e, TIME_UNIT.has(unit) ? 'duration' : unit === 'percent' ? 'percent' : 'quantity', value, unit);
  });
  each(FRACTION_RE, (m, s, e) => {
    const t = m[0].toLowerCase();
    const nInM = /^(.+?)\s+in\s+(.+)$/.exec(t);
    if (nInM) {
      const n = parseNumber(nInM[1]), d = parseNumber(nInM[2]);
      if (n !== null && d && n < d) { add(s, e, 'fraction', n / d, null); }
      return;
    }
    if (t === 'half') {
      // "half" alone is a fraction only where it quantifies something: "half of", "half the".
      if (!/^\s+(?:of|the|a|an|its|their|his|her|our|all)\b/i.test(prose.slice(e, e + 8))) { return; }
      add(s, e, 'fraction', 0.5, null);
      return;
    }
    const [num, den] = t.split(/[\s-]/);
    const n = /^an?$/.test(num) ? 1 : parseNumber(num);
    const d = FRACTION[den];
    // "the third quarter" is not a fraction; "a third" and "two-thirds" are.
    if (n === null || !d || (den.startsWith('quarter') && /^\s+(?:of\s+)?(?:\d{4}|the year|this year|last year)/.test(prose.slice(e, e + 20)))) { return; }
    add(s, e, 'fraction', n / d, null);
  });
  each(ORDINAL_RE, (m, s, e) => { add(s, e, 'ordinal', parseInt(m[0], 10), null); });
  each(AMOUNT_RE, (m, s, e) => {
    const g = m.groups!;
    let start = s;
    while (start < e && /\s/.test(prose[start])) { start++; }
    const raw = g.num;
    const isWord = /[a-z]/i.test(raw);
    const numStart = start + m[0].slice(start - s).indexOf(raw);
    // Part of a name or code: "COVID-19", "B-52", "#2", "4G", "F-35", "Pier 4", "No. 2".
    const prev = prose[numStart - 1] ?? ' ';
    const next = prose[e] ?? ' ';
    if (!g.cur && /[\p{L}\d#§/_-]/u.test(prev) && !(prev === '-' && /\s/.test(prose[numStart - 2] ?? ' '))) { return; }
    if (!isWord && /[\p{L}\d_]/u.test(next) && !g.pct) { return; }
    if (!isWord && next === '-' && /\d/.test(prose[e + 1] ?? '')) { return; }
    if (!g.cur && /\bNo\.\s*$/.test(prose.slice(Math.max(from, numStart - 4), numStart))) { return; }
    if (raw.replace(/\D/g, '').length > 13) { return; }
    let value = parseNumber(raw);
    if (value === null) { return; }
    const magWord = g.mag?.toLowerCase();
    // A lone letter magnitude ("$5m", "€3.5bn") only after a currency sign: "5 m" is metres or nothing.
    if (magWord && magWord.length === 1 && (!g.cur || /\s/.test(m[0].slice(-2, -1)))) {
      // Drop the letter and the space before it, whatever the line ends are ("1.5\nm", "1.5\r\nm").
      let end = e - g.mag!.length - (g.pct?.length ?? 0);
      while (end > start && /\s/.test(prose[end - 1])) { end--; }
      return void addPlain(start, end);
    }
    if (magWord) { value *= MAGNITUDE[magWord]; }
    if (g.pct) {
      add(start, e, 'percent', value, /points?/i.test(g.pct) ? 'percentage points' : 'percent');
      return;
    }
    if (g.cur) {
      add(start, e, 'money', value, CURRENCY_SIGN[g.cur.toUpperCase()] ?? g.cur);
      return;
    }
    addPlain(start, e, value, magWord !== undefined);

    function addPlain(a: number, b: number, v: number | null = parseNumber(raw), hasMag = false): void {
      if (v === null) { return; }
      const after = prose.slice(b, Math.min(to, b + 60));
      const wordM = /^(\s+)([\p{L}][\p{L}'’-]*)/u.exec(after);
      const w = wordM?.[2] ?? '';
      const lw = w.toLowerCase();
      if (CURRENCY_WORD[lw]) {
        add(a, b + wordM![0].length, 'money', v, CURRENCY_WORD[lw]);
        return;
      }
      const sing = lw.replace(/s$/, '');
      if (TIME_UNIT.has(sing) || TIME_UNIT.has(lw.replace(/ies$/, 'y')) || (MEASURE_UNIT.has(sing) && sing !== 'point') || MEASURE_UNIT.has(lw)) {
        if (lw === 'pound' || lw === 'pounds') { add(a, b + wordM![0].length, 'quantity', v, 'pounds'); return; }
        add(a, b + wordM![0].length, TIME_UNIT.has(sing) || TIME_UNIT.has(lw.replace(/ies$/, 'y')) ? 'duration' : 'quantity', v, lw);
        return;
      }
      const year = !isWord && !hasMag && /^\d{4}$/.test(raw) && v >= 1800 && v <= 2099;
      if (year && !/^\s*(?:%|percent|per cent)/i.test(after)) { add(a, b, 'year', v, null); return; }
      const partOf = PART_OF.exec(after);
      let unit: string | null = null;
      if (partOf) { unit = partOf[1].toLowerCase(); } else {
        const words = [...after.matchAll(/\s+([\p{L}][\p{L}'’-]*)/gyu)].slice(0, 4).map(x => x[1]);
        for (const cand of words) {
          const lc = cand.toLowerCase();
          if (MODIFIER.has(lc)) { continue; }
          // An adjective before the noun ("four skilled speakers", "six skywriting planes").
          if (cand !== words[words.length - 1] && /(?:ed|ing|ful|ive|ous|al|ic|ish|ble|ny|est)$/.test(lc) && /^\p{Ll}/u.test(cand)) { continue; }
          if (!NOT_A_NOUN.has(lc) && /^\p{Ll}/u.test(cand)) { unit = lc; }
          break;
        }
      }
      if (isWord && !unit) { return; }
      if (isWord && ['one', 'a', 'an'].includes(raw.toLowerCase()) && !hasMag) { return; }
      // A bare number after a capitalised word is a name: "Pier 4", "Route 66", "Air Force One".
      if ((!unit || !/s$/.test(unit)) && !hasMag) {
        const name = NAME_BEFORE.exec(prose.slice(Math.max(from, a - 30), a));
        if (name && !NOT_NAME_WORD.has(name[1]) && !/^(?:[A-Z][a-z]+\.)$/.test(name[1])) { return; }
        if (/\b(?:page|section|article|chapter|rule|room|district|number|no|route|highway|interstate|precinct|ward)\s+$/i.test(prose.slice(Math.max(from, a - 14), a))) { return; }
      }
      add(a, b, 'count', v, unit);
    }
  });
  // "from 4.2 to 3.5 billion crowns", "between 10 and 20 percent": the first number borrows the second's scale.
  out.sort((x, y) => x.start - y.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i], b = out[i + 1];
    if (a.kind !== 'count' || a.unit || b.kind === 'count' && !b.unit) { continue; }
    const between = prose.slice(a.end, b.start);
    const opened = /\b(?:from|between)\s+(?:\S+\s+)?$/i.test(prose.slice(Math.max(from, a.start - 30), a.start));
    if (!/^\s*(?:to|and|-|–)\s*$/.test(between) || !(opened || b.kind === 'money' || b.kind === 'percent')) { continue; }
    const scale = b.value !== null && b.text ? (b.value / (parseNumber(/[\d,.]+/.exec(b.text)?.[0] ?? '') ?? b.value)) : 1;
    a.kind = b.kind;
    a.unit = b.unit;
    if (a.value !== null && b.kind !== 'duration' && b.kind !== 'quantity') { a.value *= scale || 1; }
  }
  return out;
}

export default function figures() {
  return (tree: Root, file: VFile): void => {
    const data = dataOf(file);
    const source = String(file.value);
    const prose = data.prose.text;
    const found: Figure[] = [];
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode' || !paragraph.position) { continue; }
      const from = paragraph.position.start.offset!, to = paragraph.position.end.offset!;
      // Memoised at offsets relative to the paragraph, shared: placed (copied) here.
      const figs = memoRelative('figures', paragraph, () => scanFigures(prose, source, from, to).map(f => ({ ...f, start: f.start - from, end: f.end - from })));
      // The cache is keyed by the prose; Markdown markup blanked around a figure may differ, so re-read the text.
      for (const f of figs) { found.push({ ...f, start: f.start + from, end: f.end + from, text: source.slice(f.start + from, f.end + from) }); }
    }
    data.figures = found;
  };
}
