import * as Y from 'yjs';
import { setField, type Record_ } from '../doc';
import { orderAtIndex, sortOrdered, type Ordered } from '../order';

/** The record stored under `id`, or undefined when it does not exist (deleted by a peer, say). */
export function recordOf(map: Y.Map<Record_>, id: string): Record_ | undefined {
  const record = map.get(id);
  return record instanceof Y.Map ? record : undefined;
}

/** Sorted (order, id) pairs of the records that `belongs` accepts, leaving `excludeId` out. */
export function siblings(map: Y.Map<Record_>, belongs: (r: Record_) => boolean, excludeId?: string): Ordered[] {
  const out: Ordered[] = [];
  map.forEach((record, id) => {
    if (id === excludeId || !(record instanceof Y.Map) || !belongs(record)) return;
    const order = record.get('order');
    out.push({ id, order: typeof order === 'string' ? order : 'a0' });
  });
  return sortOrdered(out);
}

/** Order key for inserting at `index` (default: the end) among the given siblings. */
export function orderFor(sibs: readonly Ordered[], index: number | undefined): string {
  return orderAtIndex(sibs, index ?? sibs.length);
}

/** Writes each defined field of `patch` into the record. */
export function applyPatch(record: Record_, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) setField(record, key, value);
  }
}

/** Drops keys whose value is undefined, so callers can spread optional arguments. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Gives the record a new order key that places it at `index` among its siblings. */
export function placeAt(map: Y.Map<Record_>, record: Record_, id: string, index: number, belongs: (r: Record_) => boolean = () => true): void {
  record.set('order', orderFor(siblings(map, belongs, id), index));
}
