import type { CSSProperties } from 'react';
import { laneKindDescriptor } from '../model/laneKindLookup';
import type { LaneKind } from '../model/types';

type KindVars = Record<`--kind-${string}`, string>;

const cache = new Map<LaneKind, CSSProperties>();

/**
 * A lane kind's look as CSS custom properties, set through React's style prop (CSSOM, which the
 * CSP allows) on lane headers, cards and present mode's tiles; canvas.css and present.css only
 * say where each variable goes. One object per kind, so memoised nodes see the same reference.
 */
export function laneKindStyle(kind: LaneKind): CSSProperties {
  let style = cache.get(kind);
  if (!style) {
    const d = laneKindDescriptor(kind);
    const vars: KindVars = {
      '--kind-fill': d.colors.fill,
      '--kind-border': d.colors.border,
      '--kind-border-style': d.dashed ? 'dashed' : 'solid',
      '--kind-bar': d.colors.accent,
      '--kind-strip': d.strip ? d.colors.accent : 'transparent',
      '--kind-ink': d.colors.ink,
      '--kind-tint': d.colors.tint,
      '--kind-radius': d.corners.map((px) => `${px}px`).join(' '),
      // present mode scales with its font size: the same corners in ems of a 16px font
      '--kind-radius-em': d.corners.map((px) => `${px / 16}em`).join(' '),
      '--kind-title-style': d.italic ? 'italic' : 'normal',
    };
    style = vars as CSSProperties;
    cache.set(kind, style);
  }
  return style;
}
