import { ViewportPortal } from '@xyflow/react';
import { MousePointer2 } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/editorStore';

/**
 * Collaborators on the canvas: their pointers with names, and an outline in their colour
 * around the cards they have selected. Drawn in canvas coordinates, so a pointer sits on the
 * same card whatever each person's zoom and scroll.
 */
export const PeerOverlay = memo(function PeerOverlay() {
  const peers = useEditor(useShallow((s) => s.collab?.peers ?? []));
  const cards = useEditor((s) => s.layout?.cards);
  if (peers.length === 0 || !cards) return null;
  return (
    <ViewportPortal>
      {peers.map((peer) =>
        peer.selection.map((id) => {
          const rect = cards.get(id);
          if (!rect) return null;
          return (
            <div
              key={`${peer.clientId}:${id}`}
              className="peer-selection"
              style={{ transform: `translate(${rect.x - 4}px, ${rect.y - 4}px)`, width: rect.width + 8, height: rect.height + 8, borderColor: peer.color }}
            />
          );
        }),
      )}
      {peers.map((peer) =>
        peer.cursor ? (
          <div key={peer.clientId} className="peer-cursor" style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}>
            <MousePointer2 size={20} fill={peer.color} color="#ffffff" aria-hidden="true" />
            <span className="peer-name" style={{ background: peer.color }}>
              {peer.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
});
