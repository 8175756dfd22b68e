import type { TFunction } from 'i18next';
import type { VersionInfo } from '../../model/versions';

/** "Before the Q3 workshop" as typed; a checkpoint by why it was taken, "Automatic — room quiet". */
export function versionName(t: TFunction, version: Pick<VersionInfo, 'name' | 'kind' | 'reason'>): string {
  if (version.kind === 'named' && version.name.trim() !== '') return version.name;
  return t(`versions.checkpoint.${version.reason ?? 'device'}`);
}
