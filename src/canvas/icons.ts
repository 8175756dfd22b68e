import {
  AppWindow,
  BarChart3,
  Cog,
  Eye,
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
  Receipt,
  Server,
  Share2,
  Smile,
  StickyNote,
  Store,
  Target,
  Truck,
  UserRound,
  TriangleAlert,
  Angry,
  Annoyed,
  CircleEllipsis,
  type LucideIcon,
} from 'lucide-react';
import { laneKindDescriptor } from '../model/laneKindLookup';
import type { LaneIconName } from '../model/laneKinds';
import type { Channel, LaneKind } from '../model/types';

/** Keyed by the descriptors' icon names: a kind naming an icon not drawn here does not compile. */
const LANE_ICONS: Record<LaneIconName, LucideIcon> = {
  footprints: Footprints,
  pointer: MousePointerClick,
  speech: MessageSquareText,
  heart: HeartPulse,
  warning: TriangleAlert,
  bulb: Lightbulb,
  cog: Cog,
  chart: BarChart3,
  note: StickyNote,
  target: Target,
  eye: Eye,
  receipt: Receipt,
  person: UserRound,
  server: Server,
};

export function laneIcon(kind: LaneKind): LucideIcon {
  return LANE_ICONS[laneKindDescriptor(kind).icon];
}

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
