// Quick fixes come from each finding's `expected` replacements, so every rule with an obvious correction gets
// its fix for free; plus "fix all of this kind", "replace every variant", and source.fixAll.copydesk (the safe
// fixes, for editor.codeActionsOnSave).
import * as vscode from 'vscode';
import type { Analysis, Finding } from '../core/model.js';
import { ruleOf } from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('copydesk');

function show(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 60 ? flat.slice(0, 59) + '…' : flat;
}

export function fixTitle(f: Finding, replacement: string): string {
  if (replacement === '') { return `Remove ${/^\s+$/.test(f.text) ? 'the space' : `“${show(f.text)}”`}`; }
  if (f.rule === 'quote/mixed-style') { return 'Change the quotation marks to the article’s style'; }
  if (f.rule.startsWith('conflict/')) { return `Make it agree: “${show(replacement)}” (the value the article gives most)`; }
  return `Replace “${show(f.text)}” with “${show(replacement)}”`;
}

/** Non-overlapping edits, first come first kept, so that applying them all never corrupts the text. */
export function editFor(document: vscode.TextDocument, findings: Finding[]): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  let lastEnd = -1;
  let count = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (!f.expected.length || f.start < lastEnd) { continue; }
    edit.replace(document.uri, new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)), f.expected[0]);
    lastEnd = f.end;
    count++;
  }
  return count ? edit : undefined;
}

export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly get: (d: vscode.TextDocument) => Analysis | undefined) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.get(document);
    if (!analysis) { return []; }
    const actions: vscode.CodeAction[] = [];
    if (context.only && FIX_ALL_KIND.contains(context.only) || context.only?.contains(FIX_ALL_KIND)) {
      const edit = editFor(document, analysis.diagnostics.filter(f => f.safeFix));
      if (edit) {
        const all = new vscode.CodeAction('Fix all safe Copydesk problems', FIX_ALL_KIND);
        all.edit = edit;
        actions.push(all);
      }
      return actions;
    }
    for (const d of context.diagnostics) {
      const rule = ruleOf(d);
      if (!rule) { continue; }
      const start = document.offsetAt(d.range.start), end = document.offsetAt(d.range.end);
      const finding = analysis.diagnostics.find(f => f.rule === rule && f.start === start && f.end === end);
      if (!finding) { continue; }
      finding.expected.slice(0, 3).forEach((replacement, i) => {
        const fix = new vscode.CodeAction(fixTitle(finding, replacement), vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, d.range, replacement);
        fix.diagnostics = [d];
        fix.isPreferred = i === 0;
        actions.push(fix);
      });
      if (!finding.expected.length) { continue; }
      const same = analysis.diagnostics.filter(f => f.rule === rule && f.text === finding.text && f.expected[0] === finding.expected[0]);
      if (same.length > 1) {
        const every = new vscode.CodeAction(`Replace every “${show(finding.text)}” with “${show(finding.expected[0])}” in this article`, vscode.CodeActionKind.QuickFix);
        every.edit = editFor(document, same);
        actions.push(every);
      }
      const ofKind = analysis.diagnostics.filter(f => f.rule === rule && f.expected.length);
      if (ofKind.length > 1) {
        const all = new vscode.CodeAction(`Fix all ${rule} problems in this article (${ofKind.length})`, vscode.CodeActionKind.QuickFix);
        all.edit = editFor(document, ofKind);
        actions.push(all);
      }
    }
    return actions;
  }
}
