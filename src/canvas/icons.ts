import {
  AppWindow,
  BarChart3,
  Cog,
  Footprints,
  Frown,
  Globe,
  HeartPulse,
  Laugh,
  Lightbulb,
  Mail,
  Meh,
  MessageCircle,
  MessageSquareText,
  MousePointerClick,
  Phone,
  Share2,
  Smile,
  StickyNote,
  Store,
  Truck,
  TriangleAlert,
  Angry,
  Annoyed,
  CircleEllipsis,
  type LucideIcon,
} from 'lucide-react';
import type { Channel, LaneKind } from '../model/types';

export const LANE_ICONS: Record<LaneKind, LucideIcon> = {
  actions: Footprints,
  touchpoints: MousePointerClick,
  thoughts: MessageSquareText,
  emotions: HeartPulse,
  pains: TriangleAlert,
  opportunities: Lightbulb,
  backstage: Cog,
  metrics: BarChart3,
  notes: StickyNote,
};

export const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  web: Globe,
  app: AppWindow,
  email: Mail,
  phone: Phone,
  store: Store,
  social: Share2,
  delivery: Truck,
  chat: MessageCircle,
  other: CircleEllipsis,
};

/** A face for an emotion score, -3…+3. */
export function emotionFace(score: number): LucideIcon {
  if (score <= -2.5) return Angry;
  if (score <= -1.5) return Frown;
  if (score <= -0.5) return Annoyed;
  if (score < 0.5) return Meh;
  if (score < 1.5) return Smile;
  return Laugh;
}

/** Colour for an emotion score: red through grey to green, readable on white. */
export function emotionColor(score: number): string {
  if (score <= -2) return '#b91c1c';
  if (score < 0) return '#c2410c';
  if (score === 0) return '#475569';
  if (score < 2) return '#15803d';
  return '#166534';
}
