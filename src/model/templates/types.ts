import type { Channel, DefaultPhaseId, LaneKind, Locale } from '../types';

/** A text written once per shipped language; a template carries both so a map can start in either. */
export type Localized = Record<Locale, string>;

export const TEMPLATE_KEYS = ['retail', 'saas', 'service', 'hotel', 'blank'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplatePersona {
  key: string;
  name: Localized;
  role: Localized;
  /** the same in every language: "38", "45–55" */
  age?: string;
  quote: Localized;
  goals: Localized[];
  frustrations: Localized[];
  /** hex colour, e.g. '#7c3aed' */
  color: string;
}

export interface TemplateStage {
  key: string;
  phase: DefaultPhaseId;
  name: Localized;
  /** the presenter's notes for this stage */
  description?: Localized;
}

export interface TemplateLane {
  key: string;
  kind: LaneKind;
  name: Localized;
}

export interface TemplateCard {
  /** only needed when a link refers to this card */
  key?: string;
  stage: string;
  lane: string;
  title: Localized;
  body?: Localized;
  channel?: Channel;
  /** -3…+3; set on the emotions lane's cards, which draw the emotion curve */
  emotion?: number;
  /** persona keys */
  personas?: string[];
  tags?: Localized[];
  momentOfTruth?: boolean;
  color?: string;
  /** who does it, on the cards of a blueprint's staff rows (frontstage, backstage, support) */
  actor?: Localized;
  /**
   * the key of the customer's card (in the same stage) this blueprint card serves: it becomes a
   * link labelled by the card's blueprint row, so the blueprint reads top to bottom
   */
  serves?: string;
}

export interface TemplateLink {
  from: string;
  to: string;
  label: Localized;
}

/** A template as authored: keys instead of ids, every text in every shipped language. */
export interface TemplateSource {
  key: TemplateKey;
  title: Localized;
  description: Localized;
  phases: Record<DefaultPhaseId, Localized>;
  personas: TemplatePersona[];
  stages: TemplateStage[];
  lanes: TemplateLane[];
  cards: TemplateCard[];
  links: TemplateLink[];
}
