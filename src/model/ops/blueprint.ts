import type * as Y from 'yjs';
import { readJourney } from '../doc';
import { laneKindDescriptor } from '../laneKindLookup';
import { BLUEPRINT_PARTS, type BlueprintPart } from '../laneKinds';
import { LOCAL_ORIGIN } from '../origin';
import { addLane } from './lanes';

/**
 * The blueprint's rows a map lacks, added in one transaction (one undo) where a blueprint reads
 * them: physical evidence and frontstage right above the map's backstage lane, support right
 * below it; a map without backstage gets all four after its last lane. Rows the map has (one of
 * each kind is enough) are left where the team put them. Returns the new lanes' ids, top first.
 */
export function addBlueprintLanes(doc: Y.Doc, names: Readonly<Record<BlueprintPart, string>>, origin: unknown = LOCAL_ORIGIN): string[] {
  const has = (part: BlueprintPart) => readJourney(doc).lanes.some((l) => laneKindDescriptor(l.kind).blueprint === part);
  const missing = BLUEPRINT_PARTS.filter((part) => !has(part));
  if (missing.length === 0) return [];
  const ids: string[] = [];
  doc.transact(() => {
    for (const part of missing) {
      const lanes = readJourney(doc).lanes;
      const backstage = lanes.findIndex((l) => l.kind === 'backstage');
      // above backstage for the customer-facing rows, below it for support; the end without one
      const index = backstage < 0 ? lanes.length : part === 'support' ? backstage + 1 : backstage;
      ids.push(addLane(doc, { name: names[part], kind: part, index }, origin));
    }
  }, origin);
  return ids;
}

/** Whether the map lacks any of the blueprint's rows. */
export function lacksBlueprintLanes(lanes: readonly { kind: Parameters<typeof laneKindDescriptor>[0] }[]): boolean {
  return BLUEPRINT_PARTS.some((part) => !lanes.some((l) => laneKindDescriptor(l.kind).blueprint === part));
}
