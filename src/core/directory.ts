// The newsroom's people directory (.copydesk/people.json). Loading, validation and look-up.
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
