// Numbers as news copy writes them: digits with thousands commas, number words ("twenty-one", "a dozen"),
// magnitudes ("1.2 million", "€3.5bn"), month names. Shared by the figures plugin and the conflicts check.

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12, hundred: 100,
};
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Regex source for a written number up to ninety-nine (and "a dozen", "a hundred"), longest first. */
export const WORD_NUMBER = `(?:(?:${TENS.join('|')})(?:[-\\s](?:${UNITS.join('|')}))?|${Object.keys(SMALL).filter(w => !TENS.includes(w)).sort((a, b) => b.length - a.length).join('|')})`;

/** Regex source for a number in digits: 1,200 · 3.5 · 2023 · .5 */
export const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;

export const MAGNITUDE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};

/** The value of "1,200", "3.5", "twenty-one", "a dozen"; null when it is not a number. */
export function parseNumber(s: string): number | null {
  const t = s.trim().toLowerCase().replace(/^an?\s+/, '');
  if (/^[\d,]*\.?\d+$/.test(t)) { return Number(t.replace(/,/g, '')); }
  const parts = t.split(/[-\s]+/);
  let total = 0;
  for (const p of parts) {
    const v = SMALL[p];
    if (v === undefined) { return null; }
    total = v === 100 ? (total || 1) * 100 : total + v;
  }
  return parts.length ? total : null;
}

/**
 * How far a written value may be from the true one and still be right: half of its last significant place
 * ("1.2 million" covers 1.15–1.25 million), but never more than 5% (round thousands are often exact).
 */
export function roundingOf(written: string, value: number): number {
  const digits = written.replace(/[^\d.]/g, '').replace(/^\./, '0.');
  const base = Number(digits);
  if (!digits || !base) { return 0; }
  const scale = value / base;
  const dot = digits.indexOf('.');
  const place = dot >= 0 ? 10 ** -(digits.length - dot - 1) : 10 ** Math.min(/0*$/.exec(digits)![0].length, digits.length - 1);
  return Math.min((place * scale) / 2, Math.max(Math.abs(value) * 0.05, scale / 2));
}

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Regex source for a month as written in copy: "March", "Sept.", "Oct." (May is never abbreviated). */
export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';

export interface DateParts { month: number | null; day: number | null; year: number | null }

/** Month, day and year of a date figure's text ("March 12", "14 November", "October 29, 2024"). */
export function parseDate(text: string): DateParts {
  const month = /([A-Za-z]+)\.?/.exec(text.replace(/\d+(?:st|nd|rd|th)?/g, ' '));
  const nums = [...text.matchAll(/\d+/g)].map(m => Number(m[0]));
  const year = nums.find(n => n > 31) ?? null;
  const day = nums.find(n => n <= 31) ?? null;
  return { month: month ? MONTHS[month[1].toLowerCase()] ?? null : null, day, year };
}

/** A naive English singular, enough to match "jobs" with "job" and "clinics" with "clinic". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || /(?:ss|us|is)$/.test(w)) { return w; }
  if (/ies$/.test(w)) { return w.slice(0, -3) + 'y'; }
  if (/(?:ches|shes|xes|ses)$/.test(w)) { return w.slice(0, -2); }
  if (/s$/.test(w)) { return w.slice(0, -1); }
  return w;
}
