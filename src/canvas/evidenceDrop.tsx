import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { assignEvidence } from '../model/ops/evidence';
import { useEditor } from '../store/editorStore';
import { EVIDENCE_DRAG_TYPE, useInbox } from '../store/evidenceInbox';
import './evidenceDrop.css';

/**
 * Inbox items dragged from the evidence inbox onto a card (issue 18): the card under the pointer
 * lights up with a ring and a label, and dropping assigns the items to it (one transaction, one
 * undo step). Plain HTML5 drag and drop, so it needs nothing of React Flow's own card dragging;
 * a read-only session gets no ring and no drop (the relay would refuse the write anyway).
 */

interface DropTarget {
  cardId: string;
  /** the card's box, relative to the canvas pane */
  left: number;
  top: number;
  width: number;
  height: number;
}

const carriesEvidence = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes(EVIDENCE_DRAG_TYPE);

/** The card element under the pointer, if any (a card's DOM carries `data-card-id`). */
function cardElementAt(event: DragEvent): HTMLElement | null {
  const target = event.target instanceof Element ? event.target : null;
  return target?.closest<HTMLElement>('[data-card-id]') ?? null;
}

/** The ids a drag carries: a JSON array of strings, or nothing usable. */
export function draggedEvidenceIds(data: string): string[] {
  try {
    const parsed: unknown = JSON.parse(data);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string').slice(0, 20_000) : [];
  } catch {
    return [];
  }
}

/** Drag handlers for the canvas pane and the ring to draw inside it. */
export function useEvidenceDrop(pane: RefObject<HTMLDivElement | null>): { handlers: Record<'onDragOver' | 'onDragLeave' | 'onDrop', (event: DragEvent<HTMLDivElement>) => void>; ring: ReactNode } {
  const { t } = useTranslation();
  const [target, setTarget] = useState<DropTarget | null>(null);
  const last = useRef<DropTarget | null>(null);
  const show = useCallback((next: DropTarget | null) => {
    const prev = last.current;
    if (prev === next || (prev && next && prev.cardId === next.cardId && prev.left === next.left && prev.top === next.top)) return;
    last.current = next;
    setTarget(next);
  }, []);

  // a drag that ends anywhere (dropped elsewhere, Escape) takes the ring away
  useEffect(() => {
    const clear = () => show(null);
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return () => {
      window.removeEventListener('dragend', clear);
      window.removeEventListener('drop', clear);
    };
  }, [show]);

  const onDragOver = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      if (!carriesEvidence(event)) return;
      const card = cardElementAt(event);
      const box = pane.current?.getBoundingClientRect();
      const cardId = card?.dataset.cardId;
      if (useEditor.getState().readOnly || !card || !cardId || !box) {
        event.dataTransfer.dropEffect = 'none';
        show(null);
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const r = card.getBoundingClientRect();
      show({ cardId, left: r.left - box.left, top: r.top - box.top, width: r.width, height: r.height });
    },
    [pane, show],
  );

  const onDragLeave = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (!to || !pane.current?.contains(to)) show(null);
    },
    [pane, show],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      if (!carriesEvidence(event)) return;
      event.preventDefault();
      show(null);
      const { session, readOnly, journey } = useEditor.getState();
      const cardId = cardElementAt(event)?.dataset.cardId;
      if (!session || readOnly || !journey || !cardId) return;
      // only items still in the inbox: one a colleague put on a card meanwhile stays where they put it
      const waiting = new Set(journey.evidence.filter((item) => item.cardId === null).map((item) => item.id));
      const ids = draggedEvidenceIds(event.dataTransfer.getData(EVIDENCE_DRAG_TYPE)).filter((id) => waiting.has(id));
      // its own undo step, not merged with an edit made just before
      session.undo.stopCapturing();
      const moved = assignEvidence(session.doc, ids, cardId);
      if (moved === 0) return;
      const title = journey.cards.find((c) => c.id === cardId)?.title.trim() || t('inbox.untitledCard');
      const inbox = useInbox.getState();
      const dropped = new Set(ids);
      inbox.setPicked(inbox.selected.filter((id) => !dropped.has(id)));
      inbox.say(t('inbox.assigned', { count: moved, card: title }));
    },
    [show, t],
  );

  const ring = target ? (
    <div className="evidence-drop-ring" style={{ left: target.left - 4, top: target.top - 4, width: target.width + 8, height: target.height + 8 }} aria-hidden="true">
      <span className="evidence-drop-label">{t('inbox.dropHere')}</span>
    </div>
  ) : null;

  return { handlers: { onDragOver, onDragLeave, onDrop }, ring };
}
