import type * as Y from 'yjs';

/**
 * Maps created while the device refuses storage live only here, for as long as the tab does.
 * The editor looks here before it looks in the (absent) database.
 */
const maps = new Map<string, Y.Doc>();

export function keepInMemory(mapId: string, doc: Y.Doc): void {
  maps.set(mapId, doc);
}

export function getMemoryMap(mapId: string): Y.Doc | undefined {
  return maps.get(mapId);
}
