// The newsroom's people directory (.copydesk/people.json). Loading, validation and look-up.
// Finding the file is the faces' business (they have a file system); this module only reads text, so it
// runs in a web worker too. The file is someone's hand-edited data: never trust it, never throw on it.
import { applyEdits, modify, parse as parseJsonc, printParseErrorCode, type FormattingOptions, type ParseError } from 'jsonc-parser';

export interface DirectoryEntry {
  name: string;
  aliases?: string[];
  titles?: string[];
  organization?: string;
  description?: string;
  url?: string;
}

export interface Directory {
  entries: DirectoryEntry[];
  /** Where the entries came from (file paths), for messages. */
  sources: string[];
}

export const emptyDirectory: Directory = { entries: [], sources: [] };

/** Larger files are refused rather than parsed: a people list of this size is a mistake, not a directory. */
export const MAX_DIRECTORY_CHARS = 5 * 1024 * 1024;
/** The format needs depth 4 ({people: [{aliases: [..]}]}); deep nesting only costs stack. */
export const MAX_DIRECTORY_DEPTH = 16;
const MAX_STRING = 2000;

/** Deepest bracket nesting outside strings, counted without recursion so hostile input cannot overflow the stack. */
function nestingDepth(text: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) { i++; } else if (c === 34) { inString = false; }
    } else if (c === 34) { inString = true; }
    else if (c === 123 || c === 91) { depth++; if (depth > max) { max = depth; } }
    else if (c === 125 || c === 93) { depth--; }
  }
  return max;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) { if (text.charCodeAt(i) === 10) { line++; } }
  return line;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse the content of a people.json. Comments and trailing commas are allowed (the file is edited by hand,
 * in VS Code, like settings). Bad entries are skipped with one message per problem; the rest are kept.
 */
export function parseDirectory(jsonText: string, source: string): { directory: Directory; errors: string[] } {
  const name = source.split(/[\\/]/).pop() || source;
  const errors: string[] = [];
  const fail = (message: string) => ({ directory: { entries: [], sources: [source] }, errors: [...errors, `${name}: ${message}`] });
  if (typeof jsonText !== 'string') { return fail('content is not text'); }
  if (jsonText.length > MAX_DIRECTORY_CHARS) { return fail(`file is larger than ${MAX_DIRECTORY_CHARS / 1024 / 1024} MB; not read`); }
  if (nestingDepth(jsonText) > MAX_DIRECTORY_DEPTH) { return fail(`nested deeper than ${MAX_DIRECTORY_DEPTH} levels; not read`); }
  const parseErrors: ParseError[] = [];
  let data: unknown;
  try {
    data = parseJsonc(jsonText, parseErrors, { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  if (parseErrors.length > 0) {
    const e = parseErrors[0];
    return fail(`not valid JSON: ${printParseErrorCode(e.error)} at line ${lineOf(jsonText, e.offset)}`);
  }
  if (!isPlainObject(data)) { return fail('expected an object with a "people" array'); }
  const people = data.people;
  if (!Array.isArray(people)) { return fail('"people" must be an array'); }
  const entries: DirectoryEntry[] = [];
  people.forEach((raw, index) => {
    const where = `${name}: entry ${index + 1}`;
    if (!isPlainObject(raw)) { errors.push(`${where}: must be an object`); return; }
    if (typeof raw.name !== 'string' || raw.name.trim() === '') {
      errors.push(`${where}: 'name' must be a non-empty string`);
      return;
    }
    if (raw.name.length > MAX_STRING) { errors.push(`${where}: 'name' is too long`); return; }
    const entry: DirectoryEntry = { name: raw.name.trim() };
    for (const key of ['aliases', 'titles'] as const) {
      const v = raw[key];
      if (v === undefined) { continue; }
      if (!Array.isArray(v) || v.some(s => typeof s !== 'string')) {
        errors.push(`${where}: '${key}' must be an array of strings`);
        continue;
      }
      entry[key] = (v as string[]).map(s => s.trim()).filter(s => s !== '' && s.length <= MAX_STRING);
    }
    for (const key of ['organization', 'description', 'url'] as const) {
      const v = raw[key];
      if (v === undefined) { continue; }
      if (typeof v !== 'string') { errors.push(`${where}: '${key}' must be a string`); continue; }
      if (key === 'url' && !/^https?:\/\//i.test(v)) { errors.push(`${where}: 'url' must start with http:// or https://`); continue; }
      entry[key] = v.slice(0, MAX_STRING * 5);
    }
    for (const key of Object.keys(raw)) {
      if (!['name', 'aliases', 'titles', 'organization', 'description', 'url'].includes(key)) {
        errors.push(`${where}: unknown field '${key}' (ignored)`);
      }
    }
    entries.push(entry);
  });
  return { directory: { entries, sources: [source] }, errors };
}

/** Nearer directories first: an entry of the first one wins over an entry with the same name in a later one. */
export function mergeDirectories(...directories: Directory[]): Directory {
  const seen = new Set<string>();
  const entries: DirectoryEntry[] = [];
  const sources: string[] = [];
  for (const d of directories) {
    sources.push(...d.sources);
    for (const e of d.entries) {
      const key = normaliseName(e.name);
      if (seen.has(key)) { continue; }
      seen.add(key);
      entries.push(e);
    }
  }
  return { entries, sources };
}

/** Case, diacritics, periods and spacing do not make a different name: "José  Martí" = "jose marti". */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`]/g, "'").replace(/\./g, ' ')
    .toLowerCase().replace(/\s+/g, ' ').trim();
}

const indexes = new WeakMap<Directory, Map<string, DirectoryEntry>>();

function indexOf(directory: Directory): Map<string, DirectoryEntry> {
  let index = indexes.get(directory);
  if (!index) {
    index = new Map();
    for (const e of directory.entries) {
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const key = normaliseName(n);
        if (key && !index.has(key)) { index.set(key, e); }
      }
    }
    indexes.set(directory, index);
  }
  return index;
}

/** The entry whose name or alias is this name (case- and diacritic-insensitive), if any. */
export function lookup(directory: Directory | undefined, name: string): DirectoryEntry | undefined {
  if (!directory || directory.entries.length === 0) { return undefined; }
  return indexOf(directory).get(normaliseName(name));
}

/** Every spelling the directory knows (names and aliases), for comparing near misses. */
export function directoryNames(directory: Directory | undefined): Array<{ name: string; entry: DirectoryEntry }> {
  if (!directory) { return []; }
  const out: Array<{ name: string; entry: DirectoryEntry }> = [];
  for (const e of directory.entries) { for (const n of [e.name, ...(e.aliases ?? [])]) { out.push({ name: n, entry: e }); } }
  return out;
}

// Editing: the "add this spelling as an alias" quick fix. jsonc-parser's `modify` keeps formatting and comments.
const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

interface RawAliasEntry { name?: unknown; aliases?: unknown }

/** The directory text with `alias` added to the entry named `person` (or a new entry for that person). */
export function withAlias(text: string, person: string, alias: string): string {
  const source = text.trim() ? text : '{ "people": [] }\n';
  const data = parseJsonc(source) as { people?: RawAliasEntry[] } | undefined;
  const people = Array.isArray(data?.people) ? data!.people : [];
  const key = normaliseName(person);
  const index = people.findIndex(e => typeof e?.name === 'string' && normaliseName(e.name) === key);
  let edits;
  if (index < 0) {
    const path = Array.isArray(data?.people) ? ['people', people.length] : ['people'];
    const value = Array.isArray(data?.people) ? { name: person, aliases: [alias] } : [{ name: person, aliases: [alias] }];
    edits = modify(source, path, value, { formattingOptions: FORMAT, isArrayInsertion: Array.isArray(data?.people) });
  } else {
    const aliases = Array.isArray(people[index].aliases) ? people[index].aliases as unknown[] : null;
    if (aliases?.some(a => typeof a === 'string' && normaliseName(a) === normaliseName(alias))) { return source; }
    edits = aliases
      ? modify(source, ['people', index, 'aliases', aliases.length], alias, { formattingOptions: FORMAT, isArrayInsertion: true })
      : modify(source, ['people', index, 'aliases'], [alias], { formattingOptions: FORMAT });
  }
  return applyEdits(source, edits);
}

