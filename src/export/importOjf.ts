import { fileSizeIssue } from '../schema/file';
import { issue } from '../schema/issues';
import { guard, type ImportOptions, type ImportOutcome } from './importOutcome';
import { readOjf } from './ojf/read';
import { ojfToJourney } from './ojf/toJourney';

/**
 * OpenJourney (.ojf), the JSON of the Ptolemy journey mapper, read liberally (ojf/read.ts) and
 * made a journey (ojf/toJourney.ts); the export back is ojf/fromJourney.ts.
 */

export { laneKindFromName, scoreToEmotion } from './ojf/toJourney';

export function importOjf(text: string, options: ImportOptions = {}): ImportOutcome {
  return guard(() => {
    const tooLarge = fileSizeIssue(text.length);
    if (tooLarge) return { ok: false, issues: [tooLarge] };
    if (text.trim() === '') return { ok: false, issues: [issue([], 'is empty')] };
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (error) {
      return { ok: false, issues: [issue([], `is not valid JSON: ${(error as Error).message.slice(0, 200)}`)] };
    }
    const read = readOjf(raw);
    if (!read.ok) return read;
    return ojfToJourney(read.map, options);
  });
}
