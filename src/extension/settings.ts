// Copydesk's settings, read once per change and validated: a malformed value falls back to its default
// with one message, never an exception in the middle of typing.
import * as vscode from 'vscode';
import type { RuleSetting } from '../core/context.js';
import { RULES } from '../core/rules.js';

export interface Settings {
  languages: string[];
  decorations: boolean;
  delay: number;
  maxSize: number;
  rules: Record<string, RuleSetting>;
  quoteStyle: 'auto' | 'curly' | 'straight';
  directoryFiles: string[];
}

export const DEFAULTS: Settings = {
  languages: ['plaintext', 'markdown'],
  decorations: true,
  delay: 300,
  maxSize: 2_000_000,
  rules: {},
  quoteStyle: 'auto',
  directoryFiles: [],
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Reads and validates; `problems` lists every setting that was ignored and why. */
export function readSettings(scope?: vscode.ConfigurationScope): { settings: Settings; problems: string[] } {
  const c = vscode.workspace.getConfiguration('copydesk', scope ?? null);
  const problems: string[] = [];
  const pick = <T>(key: string, fallback: T, ok: (v: unknown) => boolean): T => {
    const v = c.get<unknown>(key);
    if (v === undefined || v === null) { return fallback; }
    if (!ok(v)) { problems.push(`copydesk.${key} has an invalid value (${JSON.stringify(v).slice(0, 60)}); using ${JSON.stringify(fallback)}`); return fallback; }
    return v as T;
  };
  const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every(x => typeof x === 'string');
  const rulesRaw = pick<Record<string, unknown>>('rules', {}, v => typeof v === 'object' && !Array.isArray(v));
  const rules: Record<string, RuleSetting> = {};
  const families = new Set([...RULES.keys()].map(r => r.slice(0, r.indexOf('/'))));
  for (const [rule, value] of Object.entries(rulesRaw)) {
    // A typo in a rule id would silently do nothing: say so.
    if (!RULES.has(rule) && !families.has(rule)) { problems.push(`copydesk.rules: there is no rule or family "${rule}" (rules look like "quote/unclosed", families like "quote")`); continue; }
    if (typeof value === 'string' && SEVERITIES.has(value)) { rules[rule] = value as RuleSetting; }
    else { problems.push(`copydesk.rules: "${rule}" must be one of error, warning, info, off`); }
  }
  return {
    settings: {
      languages: pick('languages', DEFAULTS.languages, isStringArray),
      decorations: pick('decorations.enabled', DEFAULTS.decorations, v => typeof v === 'boolean'),
      delay: pick('delay', DEFAULTS.delay, v => typeof v === 'number' && v >= 0 && v <= 10_000),
      maxSize: pick('maxDocumentSize', DEFAULTS.maxSize, v => typeof v === 'number' && v > 0),
      rules,
      quoteStyle: pick('quoteStyle', DEFAULTS.quoteStyle, v => v === 'auto' || v === 'curly' || v === 'straight'),
      directoryFiles: pick('directoryFiles', DEFAULTS.directoryFiles, isStringArray),
    },
    problems,
  };
}
