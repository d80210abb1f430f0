// vfile messages -> Findings, the diagnostics every face shows. Severity settings apply here, once.
import type { VFile } from 'vfile';
import type { Finding, Severity } from './model.js';
import { RULES } from './rules.js';
import type { CopydeskMessage, RuleSetting } from './context.js';
import { applySuppressions } from './suppress.js';

const SETTINGS = new Set<unknown>(['error', 'warning', 'info', 'off']);

export function severityOf(rule: string, settings: Record<string, RuleSetting> | undefined): Severity | 'off' {
  const family = rule.slice(0, rule.indexOf('/'));
  // Settings come from hand-edited JSON: a value that is not a severity ("warn", 3) is ignored, not passed on
  // to faces that index tables by severity. Own properties only, so a rule named "constructor" stays a rule.
  const pick = (key: string): RuleSetting | undefined =>
    settings && Object.prototype.hasOwnProperty.call(settings, key) && SETTINGS.has(settings[key]) ? settings[key] : undefined;
  return pick(rule) ?? pick(family) ?? RULES.get(rule)?.severity ?? 'warning';
}

export function findingsFromFile(file: VFile, settings?: Record<string, RuleSetting>): Finding[] {
  const text = String(file.value);
  const out: Finding[] = [];
  for (const m of file.messages as CopydeskMessage[]) {
    if (m.source !== 'copydesk' || !m.ruleId || !m.place || !('start' in m.place)) { continue; }
    const severity = severityOf(m.ruleId, settings);
    if (severity === 'off') { continue; }
    // Clamped so that a plugin's off-by-one can never hand the editor a range outside the document.
    const start = Math.min(Math.max(m.place.start.offset ?? 0, 0), text.length);
    const end = Math.min(Math.max(m.place.end.offset ?? start, start), text.length);
    out.push({
      start, end, text: text.slice(start, end),
      line: m.place.start.line, column: m.place.start.column,
      severity, rule: m.ruleId, message: m.reason,
      expected: (m.expected ?? []).filter((e): e is string => typeof e === 'string'),
      related: m.related ?? [],
      url: m.url ?? undefined,
      safeFix: m.safeFix ?? RULES.get(m.ruleId)?.safeFix ?? false,
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  // Inline directives (<!-- copydesk-disable … -->) silence findings here, once, for every face.
  return applySuppressions(out, text, file.data.copydesk?.options.language);
}
