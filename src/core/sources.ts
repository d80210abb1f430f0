// Who said what: the article's sources as a copy editor checks them, for the Sources view and the exported list.
// Pure (no vscode): the CLI or a report can use it too.
import type { Analysis, Attribution, Figure, Person, Quote } from './model.js';

export interface PersonSources {
  person: Person;
  /** Attributions whose speaker is this person, in reading order. */
  attributions: Attribution[];
}

export interface OtherSource {
  /** The speaker as resolved, or the source as written (an organisation, "officials"), or '' when none is named. */
  name: string;
  attributions: Attribution[];
}

export interface SourceList {
  people: PersonSources[];
  /** Attributions to someone who is not one of the article's people (organisations, reports, unnamed officials). */
  others: OtherSource[];
  /** Quotations no one is credited with (scare quotes are nobody's words and are left out). */
  unattributed: Quote[];
  figures: Figure[];
  quotations: number;
  attributedQuotations: number;
}

/** Where an attribution starts: its source, cue or words, whichever comes first. */
export function attributionStart(a: Attribution): number {
  return Math.min(a.content.start, a.source?.start ?? Infinity, a.cue?.start ?? Infinity);
}

export function sourceList(analysis: Analysis): SourceList {
  const order = (a: Attribution, b: Attribution): number => attributionStart(a) - attributionStart(b);
  const byName = new Map<string, PersonSources>();
  const people = [...analysis.people]
    .sort((a, b) => (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity))
    .map(person => ({ person, attributions: [] as Attribution[] }));
  for (const p of people) { byName.set(p.person.name, p); }
  const others = new Map<string, OtherSource>();
  for (const a of [...analysis.attributions].sort(order)) {
    const mine = a.speaker ? byName.get(a.speaker) : undefined;
    if (mine) { mine.attributions.push(a); continue; }
    const name = a.speaker ?? a.source?.text.replace(/\s+/g, ' ') ?? '';
    const key = name.toLowerCase();
    if (!others.has(key)) { others.set(key, { name, attributions: [] }); }
    others.get(key)!.attributions.push(a);
  }
  const quotations = analysis.quotes.filter(q => !q.scare);
  return {
    people,
    others: [...others.values()],
    unattributed: quotations.filter(q => !q.attributed),
    figures: [...analysis.figures].sort((a, b) => a.start - b.start),
    quotations: quotations.length,
    attributedQuotations: quotations.filter(q => q.attributed).length,
  };
}

/** 1-based line numbers for offsets of one text. */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { starts.push(i + 1); }
  return offset => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; } }
    return lo + 1;
  };
}

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The source list as Markdown: one section per person (titles, then every quotation and paraphrase with its line
 * and cue), then other sources, unattributed quotations and figures. It starts with a directive that keeps Copydesk
 * from checking the list itself, which is full of quotations out of their context.
 */
export function sourcesMarkdown(analysis: Analysis, title: string): string {
  const list = sourceList(analysis);
  const lineOf = lineCounter(analysis.text);
  const out: string[] = ['<!-- copydesk-disable -->', `# Sources: ${title}`, ''];
  const share = list.quotations ? Math.round(100 * list.attributedQuotations / list.quotations) : 100;
  out.push(`${list.quotations} quotation${list.quotations === 1 ? '' : 's'} (${share}% attributed) · ${list.people.length} ${list.people.length === 1 ? 'person' : 'people'} · ${list.figures.length} figure${list.figures.length === 1 ? '' : 's'}`, '');
  const said = (a: Attribution): string => {
    const line = lineOf(attributionStart(a));
    const cue = a.cue ? ` — *${flat(a.cue.text)}*` : '';
    // Only when the text does not name the speaker outright ("he", "the mayor"): that is what an editor re-checks.
    const surname = a.speaker?.split(/\s+/).pop() ?? '';
    const as = a.source && a.speaker && !a.source.text.includes(surname) ? ` (as “${flat(a.source.text)}”)` : '';
    const words = a.parts?.length ? a.parts.map(p => flat(p.text)).join(' … ') : flat(a.content.text);
    return `- Line ${line}: ${a.direct ? '' : 'paraphrase: '}${words}${cue}${as}`;
  };
  for (const { person, attributions } of list.people) {
    out.push(`## ${person.name}`, '');
    if (person.titles.length) { out.push(`*${person.titles.map(flat).join('; ')}*`, ''); }
    if (attributions.length) { out.push(...attributions.map(said)); }
    else { out.push(`- Mentioned on line${person.mentions.length === 1 ? '' : 's'} ${[...new Set(person.mentions.map(m => lineOf(m.start)))].join(', ') || '—'}; nothing attributed`); }
    out.push('');
  }
  if (list.others.length) {
    out.push('## Other sources', '');
    for (const o of list.others) { out.push(`### ${o.name || 'No source named'}`, '', ...o.attributions.map(said), ''); }
  }
  if (list.unattributed.length) {
    out.push('## Unattributed quotations', '', ...list.unattributed.map(q => `- Line ${lineOf(q.start)}: ${flat(q.text)}`), '');
  }
  if (list.figures.length) {
    out.push('## Figures', '', ...list.figures.map(f => `- Line ${lineOf(f.start)}: ${flat(f.text)} (${f.kind}${f.unit && f.unit !== f.kind ? `, ${f.unit}` : ''})`), '');
  }
  return out.join('\n');
}
