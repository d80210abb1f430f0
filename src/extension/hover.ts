// Hover cards: on a person, who they are in this article (name, titles, mentions, what they are quoted as
// saying, the directory's entry); on a quotation, who said it. All of it is document text, so every piece
// goes in through appendText (escaped); the card is never trusted and never renders HTML or command links.
import * as vscode from 'vscode';
import type { Analysis, Person } from '../core/model.js';
import type { DirectoryEntry } from '../core/directory.js';

const MAX_QUOTES = 5;

function clip(s: string, n = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

/**
 * appendText escapes Markdown but leaves `<` as it is, so document text such as `<img src=x onerror=...>` reaches the
 * renderer as an HTML tag; supportHtml = false should keep it inert, but the card does not rely on that alone.
 * `&` is escaped too (except appendText's own &nbsp;), so that an entity in the article shows as typed.
 */
function appendText(md: vscode.MarkdownString, text: string): void {
  const before = md.value.length;
  md.appendText(text);
  md.value = md.value.slice(0, before) + md.value.slice(before).replace(/&(?!nbsp;)/g, '&amp;').replace(/</g, '&lt;');
}

export function personCard(document: vscode.TextDocument, analysis: Analysis, person: Person & { directory?: DirectoryEntry; organizations?: string[] }): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  appendText(md, person.name);
  md.appendMarkdown('**\n\n');
  if (person.titles.length) {
    md.appendMarkdown('*Titles in this article:* ');
    appendText(md, person.titles.join('; '));
    md.appendMarkdown('\n\n');
  }
  if (person.organizations?.length) {
    md.appendMarkdown('*Organisations:* ');
    appendText(md, person.organizations.join('; '));
    md.appendMarkdown('\n\n');
  }
  const lines = [...new Set(person.mentions.map(m => document.positionAt(m.start).line + 1))];
  appendText(md, `Mentioned ${person.mentions.length} time${person.mentions.length === 1 ? '' : 's'}, on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`);
  md.appendMarkdown('\n\n');
  const credited = analysis.attributions.filter(a => a.speaker === person.name);
  if (credited.length) {
    md.appendMarkdown('*Quoted or credited:*\n\n');
    for (const a of credited.slice(0, MAX_QUOTES)) {
      md.appendMarkdown('- ');
      appendText(md, `${clip(a.content.text)} (line ${document.positionAt(a.content.start).line + 1})`);
      md.appendMarkdown('\n');
    }
    if (credited.length > MAX_QUOTES) { appendText(md, `…and ${credited.length - MAX_QUOTES} more`); }
    md.appendMarkdown('\n\n');
  }
  const entry = person.directory;
  if (entry) {
    md.appendMarkdown('---\n\n*People directory:* ');
    appendText(md, [entry.name, ...(entry.titles ?? []), entry.organization ?? ''].filter(Boolean).join(', '));
    md.appendMarkdown('\n\n');
    if (entry.description) { appendText(md, clip(entry.description, 400)); md.appendMarkdown('\n\n'); }
    if (entry.url && /^https?:\/\/[^\s()<>]+$/i.test(entry.url)) {
      md.appendMarkdown(`[${entry.url.replace(/[\\[\]*_`<>]/g, '\\$&')}](${encodeURI(entry.url)})`);
    }
  }
  const near = entry ? undefined : analysis.diagnostics.find(f => f.rule === 'name/directory' && person.mentions.some(m => m.start < f.end && f.start < m.end));
  if (near) {
    // A misspelled official has no entry of their own: the card says which entry the spelling misses, where the eye is.
    md.appendMarkdown('---\n\n*People directory:* ');
    appendText(md, `no entry spelled “${person.name}”. ${near.message}.`);
    md.appendMarkdown('\n\n');
  }
  return md;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly get: (d: vscode.TextDocument) => Analysis | undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.get(document);
    if (!analysis) { return undefined; }
    const at = document.offsetAt(position);
    const within = (s: { start: number; end: number }): boolean => s.start <= at && at < s.end;
    const range = (s: { start: number; end: number }): vscode.Range => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
    for (const person of analysis.people) {
      const mention = person.mentions.find(within);
      if (mention) { return new vscode.Hover(personCard(document, analysis, person), range(mention)); }
    }
    const credited = analysis.attributions.find(a => a.source && within(a.source));
    if (credited?.speaker) {
      const person = analysis.people.find(p => p.name === credited.speaker);
      if (person) { return new vscode.Hover(personCard(document, analysis, person), range(credited.source!)); }
    }
    const quote = analysis.quotes.find(within);
    if (quote) {
      const a = analysis.attributions.find(x => x.content.start <= quote.start && quote.end <= x.content.end);
      const md = new vscode.MarkdownString();
      md.isTrusted = false;
      md.supportHtml = false;
      if (a) {
        md.appendMarkdown('*Quotation credited to* ');
        appendText(md, a.speaker ?? a.source?.text ?? 'an unnamed source');
        if (a.cue) { appendText(md, ` (${clip(a.cue.text, 40)})`); }
      } else {
        appendText(md, quote.scare ? 'Scare quotes, a title or a nickname: no one is credited, and none is needed' : 'No one is credited with this quotation');
      }
      return new vscode.Hover(md, range(quote));
    }
    return undefined;
  }
}
