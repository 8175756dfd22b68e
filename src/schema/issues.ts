/** One thing wrong with a map file: where (`journey.cards[3].emotion`) and why. */
export interface FileIssue {
  path: string;
  /** the reason in English, as the CLI and logs print it */
  message: string;
  /** the same reason for the UI to say in the reader's language: a message key and its values, when the reader has one */
  reason?: { key: string; values: Record<string, string | number> };
}

export type PathSegment = string | number | symbol;

/** ['journey', 'cards', 3, 'emotion'] → 'journey.cards[3].emotion'; the empty path is the file itself. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out || '(file)';
}

export function issue(path: readonly PathSegment[], message: string): FileIssue {
  return { path: formatPath(path), message };
}

/** How the CLI and logs print an issue. */
export function describeIssue(i: FileIssue): string {
  return `${i.path}: ${i.message}`;
}
