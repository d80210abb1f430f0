// vfile messages -> Findings, the diagnostics every face shows. Severity settings apply here, once.
import type { VFile } from 'vfile';
import type { Finding, Severity } from './model.js';
import { RULES } from './rules.js';
import type { CopydeskMessage, RuleSetting } from './context.js';

export function severityOf(rule: string, settings: Record<string, RuleSetting> | undefined): Severity | 'off' {
  const family = rule.slice(0, rule.indexOf('/'));
  return settings?.[rule] ?? settings?.[family] ?? RULES.get(rule)?.severity ?? 'warning';
}

export function findingsFromFile(file: VFile, settings?: Record<string, RuleSetting>): Finding[] {
  const text = String(file.value);
  const out: Finding[] = [];
  for (const m of file.messages as CopydeskMessage[]) {
    if (m.source !== 'copydesk' || !m.ruleId || !m.place || !('start' in m.place)) { continue; }
    const severity = severityOf(m.ruleId, settings);
    if (severity === 'off') { continue; }
    const start = m.place.start.offset ?? 0;
    const end = m.place.end.offset ?? start;
    out.push({
      start, end, text: text.slice(start, end),
      line: m.place.start.line, column: m.place.start.column,
      severity, rule: m.ruleId, message: m.reason,
      expected: (m.expected ?? []).filter((e): e is string => typeof e === 'string'),
      related: m.related ?? [],
      url: m.url ?? undefined,
      safeFix: RULES.get(m.ruleId)?.safeFix ?? false,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
