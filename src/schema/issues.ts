/** One thing wrong with a map file: where (`journey.cards[3].emotion`) and why. */
export interface FileIssue {
  path: string;
  message: string;
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
