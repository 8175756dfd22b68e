import { useKeyPress } from '@xyflow/react';
import { useEffect } from 'react';

/** What React Flow does not pan from with the left button: draggable nodes ("nopan"), edges, a selection box. */
const NOT_PANNED_FROM = '.nopan, .react-flow__node, .react-flow__edge, .react-flow__nodesselection';

/**
 * Space + drag pans the map from anywhere, also from a card, as whiteboards do. React Flow pans
 * with Space held only from the bare pane: a press on a card would move the card. While Space is
 * held, a left press on a card is handed to React Flow's pan as the middle-button press its pan
 * accepts over nodes, so the pan is React Flow's own gesture (the follow and remember-the-view
 * hooks see it as one, the click that ends it selects nothing) and no card moves. Returns whether
 * Space is held, for the hand cursor.
 */
export function useSpacePan(pane: React.RefObject<HTMLElement | null>): boolean {
  // React Flow's own key tracking: Space typed into a text field is not a pan
  const held = useKeyPress('Space');

  useEffect(() => {
    const element = pane.current;
    if (!held || !element) return;
    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0 || !event.isTrusted || !(event.target instanceof Element)) return;
      if (!event.target.closest('.react-flow__renderer') || !event.target.closest(NOT_PANNED_FROM)) return;
      // the card's drag and selection never see the press
      event.preventDefault();
      event.stopImmediatePropagation();
      event.target.dispatchEvent(
        new MouseEvent('mousedown', {
          bubbles: true,
          cancelable: true,
          view: window,
          button: 1,
          buttons: 4,
          clientX: event.clientX,
          clientY: event.clientY,
          screenX: event.screenX,
          screenY: event.screenY,
        }),
      );
    };
    element.addEventListener('mousedown', onMouseDown, true);
    return () => element.removeEventListener('mousedown', onMouseDown, true);
  }, [held, pane]);

  return held;
}
