// Findings -> the Problems panel: source `copydesk`, the rule id as the code linked to its docs page,
// severity, and related information for the other places (other spellings, the other sentence).
import * as vscode from 'vscode';
import type { Finding } from '../core/model.js';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The Finding behind each diagnostic, so code actions read `expected` without parsing messages. */
export const findingOf = new WeakMap<vscode.Diagnostic, Finding>();

/** One Uri per rule page: parsing it again for each of thousands of problems cost the host's thread. */
const pages = new Map<string, vscode.Uri>();
function page(url: string): vscode.Uri {
  let uri = pages.get(url);
  if (!uri) { uri = vscode.Uri.parse(url); pages.set(url, uri); }
  return uri;
}

export function toDiagnostic(document: Pick<vscode.TextDocument, 'uri' | 'positionAt'>, f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.source = 'copydesk';
  d.code = f.url ? { value: f.rule, target: page(f.url) } : f.rule;
  if (f.related.length) {
    d.relatedInformation = f.related.map(r => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(document.uri, new vscode.Range(document.positionAt(r.start), document.positionAt(r.end))), r.message));
  }
  findingOf.set(d, f);
  return d;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== 'copydesk') { return undefined; }
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
