import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useEditor } from '../store/editorStore';
import { cardAt } from './farView';

/**
 * Clicks on the cards CardsCanvas draws (there is no element to click): a click selects the card
 * under the pointer (Shift adds it), a double-click zooms to it at 100 %, a right-click opens its
 * menu. A card that is an element gets its clicks itself; presses on buttons and headers are left
 * alone, and a drag still pans the map. `mounted` is null for a map whose cards are all elements.
 */
export function useCanvasCardPointer(pane: React.RefObject<HTMLElement | null>, mounted: ReadonlySet<string> | null, flow: ReactFlowInstance): void {
  const drawn = useRef(mounted);
  drawn.current = mounted;
  const active = mounted !== null;
  useEffect(() => {
    const element = pane.current;
    if (!active || !element) return;
    const cardUnder = (event: MouseEvent): string | null => {
      const target = event.target;
      if (!(target instanceof Element) || !target.closest('.react-flow__renderer') || target.closest('button, a, input, .react-flow__node-stage, .react-flow__node-lane')) return null;
      const layout = useEditor.getState().layout;
      const id = layout ? cardAt(layout, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })) : null;
      return id && !drawn.current?.has(id) ? id : null;
    };
    const take = (event: MouseEvent) => {
      event.preventDefault();
      event.stopPropagation();
    };
    const onClick = (event: MouseEvent) => {
      const id = cardUnder(event);
      if (!id) return;
      take(event);
      const editor = useEditor.getState();
      editor.closeContextMenu();
      if (event.shiftKey) {
        const ids = new Set(editor.selectedCardIds);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        editor.selectCards([...ids]);
      } else editor.selectCards([id]);
    };
    const onDoubleClick = (event: MouseEvent) => {
      const id = cardUnder(event);
      const rect = id ? useEditor.getState().layout?.cards.get(id) : undefined;
      if (!id || !rect) return;
      take(event);
      useEditor.getState().selectCards([id]);
      void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: 1, duration: 250 });
    };
    const onContextMenu = (event: MouseEvent) => {
      const id = cardUnder(event);
      if (!id) return;
      take(event);
      const editor = useEditor.getState();
      if (!editor.selectedCardIds.includes(id)) editor.selectCards([id]);
      editor.openContextMenu(event.clientX, event.clientY, { kind: 'card', id });
    };
    element.addEventListener('click', onClick, true);
    element.addEventListener('dblclick', onDoubleClick, true);
    element.addEventListener('contextmenu', onContextMenu, true);
    return () => {
      element.removeEventListener('click', onClick, true);
      element.removeEventListener('dblclick', onDoubleClick, true);
      element.removeEventListener('contextmenu', onContextMenu, true);
    };
  }, [active, pane, flow]);
}
