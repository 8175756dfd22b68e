/**
 * The journey domain as plain data. These are the shapes the rest of the app reads;
 * the Y.Doc (see doc.ts) is where they live, and `readJourney` derives them from it.
 */

/**
 * The three phases every map has. They keep these ids (files, CSV and templates name them) and
 * cannot be deleted; a map adds phases of its own beside them (phases.ts), with generated ids.
 */
export const DEFAULT_PHASE_IDS = ['pre-purchase', 'purchase', 'post-purchase'] as const;
export type DefaultPhaseId = (typeof DEFAULT_PHASE_IDS)[number];
/** A default phase's id, or a map's own phase's generated id (ids.ts). */
export type PhaseId = string;

// Lane kinds and what each looks like live in one table, laneKinds.ts.
import type { LaneKind } from './laneKinds';
import type { EvidenceItem } from './evidence';
import type { Confidence } from './confidence';
export { CONFIDENCE_LEVELS, type Confidence } from './confidence';
import type { OpportunityStatus } from './opportunityStatus';
export { OPPORTUNITY_STATUSES, type OpportunityStatus } from './opportunityStatus';
export { LANE_KINDS, type LaneKind } from './laneKinds';

// Channels and whether each is online live in channels.ts (evidence.ts reads them too).
import type { Channel } from './channels';
export { CHANNELS, isOnlineChannel, type Channel } from './channels';

/** Emotion scores run from -3 (furious) to +3 (delighted); 0 is neutral. */
export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;

export const SUPPORTED_LOCALES = ['en', 'de'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export interface Phase {
  id: PhaseId;
  /** as typed; empty (or a default name) for a default phase never renamed, see phaseNames.ts */
  name: string;
  /** the band's colour, a hex such as "#0369a1" (white text sits on it) */
  color: string;
  /** fractional index; sort by (order, id). Phase bands and stages follow this order. */
  order: string;
}

export interface Stage {
  id: string;
  name: string;
  phase: PhaseId;
  /** fractional index; sort by (order, id) */
  order: string;
  color: string | null;
  /** what happens in this stage, in a sentence or two; the presenter's notes in present mode */
  description: string;
  /** another map of the space holding this stage's detailed sub-journey (drillDown.ts), or null */
  detailMapId: string | null;
}

export interface Lane {
  id: string;
  name: string;
  kind: LaneKind;
  order: string;
  collapsed: boolean;
}

/** Each field is described once, in CARD_FIELDS (cardFields.ts); the compiler holds the two together. */
export interface Card {
  id: string;
  stageId: string;
  laneId: string;
  /** fractional index within its cell */
  order: string;
  title: string;
  body: string;
  channel: Channel | null;
  emotion: number | null;
  personaIds: string[];
  tags: string[];
  color: string | null;
  momentOfTruth: boolean;
  votes: number;
  /** the key (SHA-256, hex) of the card's image in the map's `images` (images.ts), or null */
  image: string | null;
  /** who does it, on a service blueprint's staff rows ("Receptionist", "Billing"); '' for nobody named */
  actor: string;
  /** what the team calls it: seen in customer evidence, assumed, or an idea to test; null when nobody said (confidence.ts) */
  confidence: Confidence | null;
  /** where the team stands on acting on it (idea, planned, in progress, done); null when nobody set one. Pains and opportunities show it (laneKinds.ts, tracksStatus) */
  status: OpportunityStatus | null;
  /** who in the team owns acting on it, as typed; '' for nobody */
  owner: string;
  /** another map of the space holding this card's detailed sub-journey (detailMap.ts), or null */
  detailMapId: string | null;
}


export interface Persona {
  id: string;
  name: string;
  role: string;
  /** as the team says it: "42", "35–45", "mid-fifties"; empty when not given */
  age: string;
  quote: string;
  goals: string[];
  frustrations: string[];
  color: string;
  order: string;
  /** the space library persona this one was taken from and follows (ops/libraryPersonas.ts), or null */
  libraryId: string | null;
}

export interface Link {
  id: string;
  fromCardId: string;
  toCardId: string;
  label: string;
}

export interface JourneyMeta {
  id: string;
  title: string;
  description: string;
  locale: Locale;
  /** ISO 8601 */
  createdAt: string;
}

/** A whole map as plain data, every list in its display order. */
export interface Journey extends JourneyMeta {
  phases: Phase[];
  stages: Stage[];
  lanes: Lane[];
  cards: Card[];
  personas: Persona[];
  links: Link[];
  /** the customer evidence behind the cards and in the inbox (evidence.ts), in order */
  evidence: EvidenceItem[];
}

/** Lives in the map's feedback doc, so the relay can let a participant comment without editing. */
export interface Comment {
  id: string;
  cardId: string;
  /** null: starts a thread; else the thread's first comment id */
  parentId: string | null;
  author: string;
  /** the author's identity id ('' when unknown) */
  authorId: string;
  text: string;
  /** identity ids of people @mentioned */
  mentions: string[];
  /** ISO 8601 */
  at: string;
  resolved: boolean;
  /**
   * A participant's observation, offered as customer evidence (observations.ts): shown with a
   * badge; someone who may edit the map keeps it as an evidence item, which resolves it.
   */
  observation: boolean;
}

/** A conversation on a card: its first comment and the replies to it, oldest first. */
export interface Thread {
  root: Comment;
  replies: Comment[];
}

/** open: taking dots; closed: voting over, results not shown yet; revealed: results shown (also closed). */
export type RoundStatus = 'open' | 'closed' | 'revealed';

/** A dot-voting round of a workshop; lives in the feedback doc. */
export interface VoteRound {
  id: string;
  title: string;
  votesPerPerson: number;
  /** votable lanes; empty = every lane */
  laneIds: string[];
  anonymous: boolean;
  /** ISO 8601 */
  startedAt: string;
  startedBy: string;
  /** ISO; null = no time limit */
  endsAt: string | null;
  status: RoundStatus;
}

/** One dot a participant put on a card in a round. */
export interface VoteDot {
  id: string;
  roundId: string;
  cardId: string;
  voterId: string;
  /** '' in anonymous rounds */
  voterName: string;
  /** ISO 8601 */
  at: string;
}

export interface TallyEntry {
  cardId: string;
  votes: number;
  /** names of voters, one per dot, sorted; empty in anonymous rounds */
  voters: string[];
}

/** The workshop's shared countdown. */
export type TimerState =
  | { status: 'idle'; durationMs: number }
  | { status: 'running'; durationMs: number; /** ISO 8601 */ endsAt: string }
  | { status: 'paused'; durationMs: number; remainingMs: number };

/** Who leads the workshop: the others can follow this person's stage. */
export interface Presenter {
  id: string;
  name: string;
}
