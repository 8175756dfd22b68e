import { Scan } from 'lucide-react';
import { isBlueprintKind } from '../../model/blueprint';
import { enterFullscreen } from '../../present';
import { useCardSearch } from '../../store/cardSearch';
import { useVersionPreview } from '../../store/versionPreview';
import { togglePersonaHeader } from '../../store/personaHeader';
import { always, defineActions } from '../define';
import type { ActionContext } from '../types';

/** Zoom, panels and filters, presenting: how the map is seen, never what it holds. */

const hasViewport = (ctx: ActionContext) => ctx.editor.viewport !== null;

export const viewActions = defineActions([
  {
    id: 'view.zoomIn',
    group: 'view',
    shortcuts: ['Mod+=', 'Mod++', '+'],
    repeat: true,
    allowedReadOnly: true,
    enabled: hasViewport,
    perform: (ctx) => ctx.editor.viewport?.zoomIn(),
  },
  {
    id: 'view.zoomOut',
    group: 'view',
    shortcuts: ['Mod+-', '-'],
    repeat: true,
    allowedReadOnly: true,
    enabled: hasViewport,
    perform: (ctx) => ctx.editor.viewport?.zoomOut(),
  },
  {
    id: 'view.fit',
    group: 'view',
    shortcuts: ['Shift+1'],
    menu: { on: ['map'], rank: 230 },
    toolbar: { section: 'view', order: 1 },
    icon: Scan,
    allowedReadOnly: true,
    enabled: hasViewport,
    perform: (ctx) => ctx.editor.viewport?.fitView(),
  },
  {
    id: 'view.zoom100',
    group: 'view',
    shortcuts: ['Shift+0'],
    allowedReadOnly: true,
    enabled: hasViewport,
    perform: (ctx) => ctx.editor.viewport?.zoomTo100(),
  },
  {
    id: 'view.toggleInspector',
    group: 'view',
    shortcuts: ['I'],
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'inspector' ? null : 'inspector'),
  },
  {
    // on a narrow screen the panel takes a third of the width: hiding it gives the canvas room
    // (the top bar's panel button runs this too, next to Present and Export)
    id: 'view.toggleSidePanel',
    group: 'view',
    shortcuts: ['Mod+.'],
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === null ? 'inspector' : null),
  },
  {
    id: 'view.togglePersonas',
    group: 'view',
    shortcuts: ['P'],
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'personas' ? null : 'personas'),
  },
  {
    // a device's choice, like the side panel: the band costs room a small screen needs (also the
    // Personas panel's checkbox, and the band's own hide button)
    id: 'view.togglePersonaHeader',
    group: 'view',
    allowedReadOnly: true,
    enabled: (ctx) => ctx.journey.personas.length > 0,
    perform: () => togglePersonaHeader(),
  },
  {
    // a device's choice per map: read the customer's journey alone, or the whole service
    // blueprint. Offered only where the map has blueprint lanes: elsewhere it would do nothing.
    // B, the command palette and the canvas's "lanes hidden" note (which shows them again).
    id: 'view.toggleBlueprint',
    group: 'view',
    shortcuts: ['B'],
    menu: { on: ['map'], rank: 235 },
    allowedReadOnly: true,
    enabled: (ctx) => ctx.journey.lanes.some((l) => isBlueprintKind(l.kind)),
    perform: (ctx) => ctx.editor.setBlueprintHidden(!ctx.editor.blueprintHidden),
  },
  {
    id: 'view.clearPersonaFilter',
    group: 'view',
    allowedReadOnly: true,
    enabled: (ctx) => ctx.editor.personaFilter !== null,
    perform: (ctx) => ctx.editor.setPersonaFilter(null),
  },
  {
    id: 'view.search',
    group: 'view',
    // the browser's own find cannot see cards React Flow has not rendered, nor lanes and emotions
    shortcuts: ['Mod+F'],
    allowedReadOnly: true,
    enabled: always,
    perform: () => useCardSearch.getState().show(),
  },
  {
    id: 'view.present',
    group: 'view',
    shortcuts: ['Mod+Alt+P'],
    allowedReadOnly: true,
    // a map without stages has nothing to show; nor does a comparison with a version (its ghosts are not the map)
    enabled: (ctx) => ctx.journey.stages.length > 0 && !useVersionPreview.getState().comparing,
    perform: (ctx) => {
      // full screen is granted only during the user's gesture, which is now, not after navigating
      void enterFullscreen();
      ctx.navigate(`/map/${encodeURIComponent(ctx.editor.session?.mapId ?? ctx.journey.id)}/present`);
    },
  },
]);
