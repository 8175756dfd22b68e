export { toJSON, fromJSON, parseMapFile, serializeMap, fileSizeIssue, type MapFile, type ImportResult } from './file';
export { FORMAT_VERSION, MIGRATIONS, migrate, type Migration } from './migrate';
export { describeIssue, formatPath, type FileIssue } from './issues';
