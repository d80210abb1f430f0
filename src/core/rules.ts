// Every rule Copydesk reports, with its default severity. Settings, docs, the CLI and SARIF read this list.
import type { Severity } from './model.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
  /** Its fix can be applied without a person looking (fix-all on save). */
  safeFix?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/copydesk/copydesk';

const list: RuleInfo[] = [
  { id: 'quote/wrong-closing-mark', severity: 'error', summary: 'A quotation closed with an opening mark (now.“).', safeFix: true },
  { id: 'quote/wrong-opening-mark', severity: 'error', summary: 'A quotation opened with a closing mark (”Now).', safeFix: true },
  { id: 'quote/unclosed', severity: 'error', summary: 'A quotation that is opened but never closed.' },
  { id: 'quote/unopened', severity: 'error', summary: 'A closing quotation mark with no opening mark.' },
  { id: 'quote/inner-space', severity: 'warning', summary: 'A space just inside a quotation mark (“very dangerous ”).', safeFix: true },
  { id: 'quote/mixed-style', severity: 'warning', summary: 'Quotation marks of another style than the rest of the article.', safeFix: true },
  { id: 'attribution/unattributed-quote', severity: 'info', summary: 'A quotation that no one is credited with.' },
  { id: 'name/mismatch', severity: 'warning', summary: 'One person spelled two or more ways in one article.' },
  { id: 'name/directory', severity: 'warning', summary: 'A name close to, but not the same as, a people-directory entry.' },
  { id: 'conflict/figure', severity: 'warning', summary: 'Two different values for the same quantity.' },
  { id: 'conflict/arithmetic', severity: 'warning', summary: "A change or share that the article's own figures contradict." },
  { id: 'conflict/statement', severity: 'warning', summary: 'A statement and its negation about the same subject.' },
  { id: 'conflict/title', severity: 'warning', summary: 'One person given incompatible titles.' },
  { id: 'conflict/speaker', severity: 'warning', summary: 'The same quotation credited to two different people.' },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(list.map(r => [r.id, r]));

export function ruleUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
