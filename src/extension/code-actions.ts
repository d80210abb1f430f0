// Quick fixes come from each finding's `expected` replacements, so every rule with an obvious correction gets
// its fix for free; plus "fix all of this kind", "replace every variant", and source.fixAll.copydesk (the safe
// fixes, for editor.codeActionsOnSave). Then the ways to say "leave it": a suppression directive for the line or the
// article, and for two spellings of a name, "these are different people".
import * as vscode from 'vscode';
import type { Analysis, Finding } from '../core/model.js';
import { ruleOf } from './diagnostics.js';
import { ADD_ALIAS_COMMAND, aliasArguments } from './directory-edits.js';
import { directiveText, parseDirectives, topDirectiveInsertion } from '../core/suppress.js';

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

  constructor(private readonly get: (d: vscode.TextDocument) => Analysis | undefined,
    /** For fix-all on save, which may come before the debounced analysis of the last keystrokes. */
    private readonly fresh?: (d: vscode.TextDocument) => Promise<Analysis | undefined>) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.ProviderResult<vscode.CodeAction[]> {
    if (context.only && FIX_ALL_KIND.contains(context.only) || context.only?.contains(FIX_ALL_KIND)) {
      const analysis = this.get(document);
      return analysis || !this.fresh ? this.fixAll(document, analysis) : this.fresh(document).then(a => this.fixAll(document, a));
    }
    return this.quickFixes(document, context);
  }

  private fixAll(document: vscode.TextDocument, analysis: Analysis | undefined): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (analysis) {
      const edit = editFor(document, analysis.diagnostics.filter(f => f.safeFix));
      if (edit) {
        const all = new vscode.CodeAction('Fix all safe Copydesk problems', FIX_ALL_KIND);
        all.edit = edit;
        actions.push(all);
      }
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.get(document);
    if (!analysis) { return []; }
    const actions: vscode.CodeAction[] = [];
    const silencers: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of context.diagnostics) {
      const rule = ruleOf(d);
      if (!rule) { continue; }
      const start = document.offsetAt(d.range.start), end = document.offsetAt(d.range.end);
      const finding = analysis.diagnostics.find(f => f.rule === rule && f.start === start && f.end === end);
      if (!finding) { continue; }
      for (const a of suppressionActions(document, finding, d)) {
        if (!seen.has(a.title)) { seen.add(a.title); silencers.push(a); }
      }
      finding.expected.slice(0, 3).forEach((replacement, i) => {
        const fix = new vscode.CodeAction(fixTitle(finding, replacement), vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, d.range, replacement);
        fix.diagnostics = [d];
        fix.isPreferred = i === 0;
        actions.push(fix);
      });
      const alias = aliasAction(document, analysis, finding, d);
      if (alias) { actions.push(alias); }
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
    // Fixes first: silencing a problem is the last resort, so it comes last in the light-bulb menu.
    return [...actions, ...silencers];
  }
}

/** "Disable <rule> for this line / in this article", and for a name variant "Mark … as different people". */
export function suppressionActions(document: vscode.TextDocument, finding: Finding, diagnostic?: vscode.Diagnostic): vscode.CodeAction[] {
  const text = document.getText();
  const language = document.languageId;
  const markdown = language === 'markdown';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const out: vscode.CodeAction[] = [];
  const make = (title: string, edit: vscode.WorkspaceEdit): void => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.edit = edit;
    if (diagnostic) { a.diagnostics = [diagnostic]; }
    out.push(a);
  };
  const line = document.lineAt(document.positionAt(finding.start).line);
  const previous = line.lineNumber > 0 ? document.lineAt(line.lineNumber - 1) : undefined;
  const previousIsDirective = !!previous && parseDirectives(previous.text, language).length > 0;
  const startsBlock = !previous || previous.isEmptyOrWhitespace || previousIsDirective;
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const lineEdit = new vscode.WorkspaceEdit();
  let lineTitle = `Disable ${finding.rule} for this line`;
  if (startsBlock) {
    // A directive line above the paragraph: it never splits the paragraph it stands above.
    lineEdit.insert(document.uri, line.range.start, indent + directiveText('disable-next-line', [finding.rule], language) + eol);
  } else if (markdown) {
    // Inside a Markdown paragraph a comment line would end the paragraph; a comment at the end of the line does not.
    lineEdit.insert(document.uri, line.range.end, ' ' + directiveText('disable-line', [finding.rule], language));
  } else {
    // A plain-text paragraph over several lines: a directive line would split it, so bracket the whole paragraph.
    let first = line.lineNumber, last = line.lineNumber;
    while (first > 0 && !document.lineAt(first - 1).isEmptyOrWhitespace) { first--; }
    while (last < document.lineCount - 1 && !document.lineAt(last + 1).isEmptyOrWhitespace) { last++; }
    lineEdit.insert(document.uri, document.lineAt(first).range.start, directiveText('disable', [finding.rule], language) + eol);
    lineEdit.insert(document.uri, document.lineAt(last).range.end, eol + directiveText('enable', [finding.rule], language));
    lineTitle = `Disable ${finding.rule} for this paragraph`;
  }
  make(lineTitle, lineEdit);
  const top = topDirectiveInsertion(text, 'disable', [finding.rule], language);
  const articleEdit = new vscode.WorkspaceEdit();
  articleEdit.insert(document.uri, document.positionAt(top.offset), top.insert);
  make(`Disable ${finding.rule} in this article`, articleEdit);
  if (finding.rule === 'name/mismatch' && finding.expected[0] && finding.expected[0] !== finding.text) {
    const names = [finding.text.replace(/\s+/g, ' '), finding.expected[0]];
    const ins = topDirectiveInsertion(text, 'different-people', names, language);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(ins.offset), ins.insert);
    make(`Mark “${show(names[0])}” and “${show(names[1])}” as different people in this article`, edit);
  }
  return out;
}

/** For a name finding: "Add “Rosa Delgada” to the people directory as a spelling of Rosa Delgado". */
function aliasAction(document: vscode.TextDocument, analysis: Analysis, finding: Finding, d: vscode.Diagnostic): vscode.CodeAction | undefined {
  if (!finding.rule.startsWith('name/') || !finding.expected[0]) { return undefined; }
  const person = analysis.people.find(p => p.mentions.some(m => m.start <= finding.start && finding.end <= m.end));
  const { person: canonical, alias } = aliasArguments(person?.name ?? finding.text, finding.text, finding.expected[0]);
  if (alias === canonical) { return undefined; }
  const action = new vscode.CodeAction(`Add “${show(alias)}” to the people directory as a spelling of ${show(canonical)}`, vscode.CodeActionKind.QuickFix);
  action.command = { command: ADD_ALIAS_COMMAND, title: action.title, arguments: [document.uri, canonical, alias] };
  action.diagnostics = [d];
  return action;
}
