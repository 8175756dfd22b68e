import * as Y from 'yjs';
import {
  assembleJourney,
  journeyMaps,
  readCard,
  readLane,
  readLink,
  readMeta,
  readPersona,
  readPhases,
  readStage,
  type EvidenceAssembly,
  type JourneyMaps,
  type Record_,
} from '../model/doc';
import { readEvidence, type EvidenceItem } from '../model/evidence';
import { sortOrdered } from '../model/order';
import type { Card, Journey, Lane, Link, Persona, Stage } from '../model/types';

type Kind = 'stages' | 'lanes' | 'cards' | 'personas' | 'links' | 'evidence';
const KINDS: readonly Kind[] = ['stages', 'lanes', 'cards', 'personas', 'links', 'evidence'];

interface Caches {
  stages: Map<string, Stage>;
  lanes: Map<string, Lane>;
  cards: Map<string, Card>;
  personas: Map<string, Persona>;
  links: Map<string, Link>;
  evidence: Map<string, EvidenceItem>;
}

const READERS = { stages: readStage, lanes: readLane, cards: readCard, personas: readPersona, links: readLink, evidence: readEvidence } as const;
type Read = (id: string, r: Record_) => Stage | Lane | Card | Persona | Link | EvidenceItem;

/**
 * The plain-data view of a map's Y.Doc, kept current incrementally: after each transaction only
 * the records it touched are read again (reading all 5,000 cards of a big map from Yjs takes
 * ~20 ms; re-reading one takes microseconds). Unchanged records keep their object identity, so
 * memoised components for them do not re-render.
 */
export class JourneyView {
  private readonly maps: JourneyMaps;
  private readonly caches: Caches = { stages: new Map(), lanes: new Map(), cards: new Map(), personas: new Map(), links: new Map(), evidence: new Map() };
  private snapshot: Journey;
  private sortedEvidence: EvidenceItem[] | null = null;
  private evidenceAssembly: EvidenceAssembly | null = null;
  private readonly listeners = new Set<(journey: Journey) => void>();
  private readonly onAfterTransaction = (tx: Y.Transaction) => this.apply(tx);

  constructor(private readonly doc: Y.Doc) {
    this.maps = journeyMaps(doc);
    for (const kind of KINDS) {
      const read = READERS[kind] as Read;
      const cache = this.caches[kind] as Map<string, unknown>;
      this.maps[kind].forEach((record, id) => {
        if (record instanceof Y.Map) cache.set(id, read(id, record));
      });
    }
    this.snapshot = this.assemble();
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  get journey(): Journey {
    return this.snapshot;
  }

  subscribe(listener: (journey: Journey) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.listeners.clear();
  }

  private assemble(): Journey {
    const sorted = (this.sortedEvidence ??= sortOrdered(this.caches.evidence.values()));
    const journey = assembleJourney({
      meta: readMeta(this.doc),
      phases: readPhases(this.doc),
      stages: this.caches.stages.values(),
      lanes: this.caches.lanes.values(),
      cards: this.caches.cards.values(),
      personas: this.caches.personas.values(),
      links: this.caches.links.values(),
      evidence: [],
      // sorted once per change to the evidence, and the same list while nothing it names changed:
      // an inbox of 10,000 items is neither re-sorted nor copied on every keystroke in a card
      sortedEvidence: { items: sorted, previous: this.evidenceAssembly ?? undefined },
    });
    this.evidenceAssembly = { input: sorted, output: journey.evidence };
    return journey;
  }

  /** Which records a transaction touched: added/removed ids, changed fields, edited bodies. */
  private apply(tx: Y.Transaction): void {
    if (tx.changed.size === 0) return;
    const dirty = new Map<Kind, Set<string>>();
    const mark = (kind: Kind, id: string) => {
      let set = dirty.get(kind);
      if (!set) dirty.set(kind, (set = new Set()));
      set.add(id);
    };
    const kindOf = (type: unknown): Kind | undefined => KINDS.find((k) => (this.maps[k] as unknown) === type);
    let metaChanged = false;
    for (const [type, keys] of tx.changed) {
      const top = kindOf(type);
      if (top) {
        for (const id of keys) if (id !== null) mark(top, id);
        continue;
      }
      if ((type as unknown) === this.maps.meta || (type as unknown) === this.maps.phases) {
        metaChanged = true;
        continue;
      }
      // a record's field, or a card's body text (whose parent is the card record)
      let item = type._item;
      if (type instanceof Y.Text && item?.parent instanceof Y.Map) item = (item.parent as Y.Map<unknown>)._item;
      // a phase record's name, colour or order: phases are read whole, like meta
      if ((item?.parent as unknown) === this.maps.phases) {
        metaChanged = true;
        continue;
      }
      const parentKind = item ? kindOf(item.parent) : undefined;
      if (parentKind && item?.parentSub) mark(parentKind, item.parentSub);
    }
    if (dirty.size === 0 && !metaChanged) return;
    if (dirty.has('evidence')) this.sortedEvidence = null;
    for (const [kind, ids] of dirty) {
      const read = READERS[kind] as Read;
      const cache = this.caches[kind] as Map<string, unknown>;
      for (const id of ids) {
        const record = this.maps[kind].get(id);
        if (record instanceof Y.Map) cache.set(id, read(id, record));
        else cache.delete(id);
      }
    }
    this.snapshot = this.assemble();
    for (const listener of this.listeners) listener(this.snapshot);
  }
}
