import * as Y from 'yjs';
import { isDetailMapId } from '../detailMap';
import { journeyMaps, setField } from '../doc';
import { LOCAL_ORIGIN } from '../origin';
import { recordOf } from './records';

/*
 * Drill-down (issue 16): a stage names the map of the space that holds its detailed
 * sub-journey (detailMap.ts). A card's link is the card field `detailMapId`, written with
 * `updateCard(doc, id, { detailMapId })` like any other field.
 */

/**
 * Sets (a map id) or clears (null) the map a stage drills down to. Throws on a value that cannot
 * be a map id; returns false when the stage is gone, and writes nothing (no undo step) when the
 * stage already says so.
 */
export function setStageDetailMap(doc: Y.Doc, stageId: string, mapId: string | null, origin: unknown = LOCAL_ORIGIN): boolean {
  if (mapId !== null && !isDetailMapId(mapId)) throw new RangeError(`a detail map must be a map id or null, got ${String(mapId)}`);
  const record = recordOf(journeyMaps(doc).stages, stageId);
  if (!record) return false;
  if ((record.get('detailMapId') ?? null) === mapId) return true;
  doc.transact(() => setField(record, 'detailMapId', mapId), origin);
  return true;
}

/**
 * Takes every link to `mapId` off the map's stages and cards, in one transaction: for a map
 * deleted from the space. Returns how many links it took off.
 */
export function clearDetailMapLinks(doc: Y.Doc, mapId: string, origin: unknown = LOCAL_ORIGIN): number {
  const { stages, cards } = journeyMaps(doc);
  const records: Y.Map<unknown>[] = [];
  for (const map of [stages, cards]) {
    map.forEach((record) => {
      if (record instanceof Y.Map && record.get('detailMapId') === mapId) records.push(record);
    });
  }
  if (records.length === 0) return 0;
  doc.transact(() => {
    for (const record of records) setField(record, 'detailMapId', null);
  }, origin);
  return records.length;
}
