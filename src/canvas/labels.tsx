import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import { laneKindDescriptor } from '../model/laneKindLookup';
import { CHANNELS, EMOTION_MAX, EMOTION_MIN, LANE_KINDS, type Channel, type LaneKind } from '../model/types';

/**
 * The strings that every card and cell shows, translated once per language change and handed
 * down by context. `useTranslation` in each of thousands of nodes costs hundreds of
 * milliseconds when a big map opens; a context read costs nothing.
 */
export interface CanvasLabels {
  /** for actions that name new things (stages, lanes) */
  t: TFunction;
  channel: Record<Channel, string>;
  laneKind: Record<LaneKind, string>;
  emotion(score: number): string;
  /** the emotion chip's tooltip on a card outside an emotions lane: it does not move the curve */
  emotionChipOnly(score: number): string;
  online: string;
  offline: string;
  momentOfTruth: string;
  untitledCard: string;
  editTitle: string;
  votes(count: number): string;
  addCardHere(stage: string, lane: string): string;
  /** a link's accessible name, from its cards' titles: "Link from “Checks stock” to “Reserves online”" */
  link(from: string, to: string, label: string): string;
  /** the cell's add button: its visible text, and how else a card is added there */
  addCard: string;
  addCardHint: string;
}

export function canvasLabels(t: TFunction): CanvasLabels {
  const emotions = new Map<number, string>();
  for (let s = EMOTION_MIN; s <= EMOTION_MAX; s++) emotions.set(s, t(`canvas.emotions.${s}`));
  return {
    t,
    channel: Object.fromEntries(CHANNELS.map((c) => [c, t(`canvas.channels.${c}`)])) as Record<Channel, string>,
    laneKind: Object.fromEntries(LANE_KINDS.map((k) => [k, t(laneKindDescriptor(k).labelKey)])) as Record<LaneKind, string>,
    emotion: (score) => emotions.get(Math.round(score)) ?? '',
    emotionChipOnly: (score) => t('canvas.emotionChipOnly', { label: emotions.get(Math.round(score)) ?? '' }),
    online: t('canvas.online'),
    offline: t('canvas.offline'),
    momentOfTruth: t('canvas.momentOfTruth'),
    untitledCard: t('canvas.untitledCard'),
    editTitle: t('canvas.editTitle'),
    votes: (count) => t('canvas.votes', { count }),
    addCardHere: (stage, lane) => t('canvas.addCardHere', { stage, lane }),
    link: (from, to, label) => {
      const names = { from: from || t('canvas.untitledCard'), to: to || t('canvas.untitledCard') };
      return label ? t('canvas.linkNameLabelled', { ...names, label }) : t('canvas.linkName', names);
    },
    addCard: t('canvas.addCard'),
    addCardHint: t('canvas.addCardHint'),
  };
}

export const CanvasLabelsContext = createContext<CanvasLabels | null>(null);

export function useCanvasLabels(): CanvasLabels {
  const labels = useContext(CanvasLabelsContext);
  if (!labels) throw new Error('useCanvasLabels outside the canvas');
  return labels;
}
