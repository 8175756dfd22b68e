/**
 * Every lane kind and everything the app says about it, in one table: the canvas, present mode,
 * the SVG/PDF renderer, thumbnails, vote rounds and the importers all read it, so a new kind is
 * its id in LANE_KINDS and one descriptor here (the compiler insists), an icon for any new icon
 * name (again the compiler insists) and its name in src/i18n/{en,de}/canvas.ts.
 *
 * A leaf: data only, importing nothing, so model, schema, export and UI can all depend on it.
 * Functions over the table live in laneKindLookup.ts, which reads these exports rather than
 * closing over them — a test can extend the table and see every consumer follow.
 */

export const LANE_KINDS = [
  'actions',
  'needs',
  'touchpoints',
  'thoughts',
  'emotions',
  'senses',
  'pains',
  'opportunities',
  'evidence',
  'frontstage',
  'backstage',
  'support',
  'metrics',
  'notes',
] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

/**
 * The rows of a service blueprint, top to bottom: what the customer meets (physical evidence),
 * what staff do in the customer's sight (frontstage), out of sight (backstage), and the systems
 * and teams behind them (support). blueprint.ts draws the lines between them.
 */
export const BLUEPRINT_PARTS = ['evidence', 'frontstage', 'backstage', 'support'] as const;
export type BlueprintPart = (typeof BLUEPRINT_PARTS)[number];

export interface LaneKindDescriptor {
  /** i18n key of the kind's name (a lane with no name of its own shows it, and so do chips) */
  labelKey: `canvas.laneKinds.${string}`;
  colors: {
    /** a card's background */
    fill: string;
    /** a card's outline */
    border: string;
    /** the kind's strong colour: the card's left strip (see `strip`), present mode's bars */
    accent: string;
    /** the kind's ink: its icon, its chip's text, its name in present mode */
    ink: string;
    /** behind the kind's icon in lane headers */
    tint: string;
  };
  /** whether cards on the canvas and in exports show the accent strip down their left edge */
  strip: boolean;
  /** a dashed card outline: what happens out of the customer's sight */
  dashed: boolean;
  /** card corner radii in canvas pixels, clockwise from top left; a speech bubble for thoughts */
  corners: readonly [number, number, number, number];
  /** card titles in italics: words in someone's head */
  italic: boolean;
  /** cards say their kind in words and icon, so they are told apart without colour alone */
  chip: boolean;
  /** a new dot-voting round offers this kind's lanes ticked */
  votable: boolean;
  /** the icon's name; canvas (lucide) and export (vector) each key their icons by these names */
  icon: string;
  /**
   * Words in a lane's name (OpenJourney swimlanes, a CSV's lane kind column) that mean this kind,
   * lower case, English and German. Each is looked for inside the name, so 'aktion' finds
   * "Kundenaktionen"; one of fewer than four letters must stand as a whole word.
   */
  aliases: readonly string[];
  /** the thumbnail's card pattern: kinds that share a pattern name share one pattern */
  thumbnail: { pattern: string; fill: string; mark: string };
  /** the service-blueprint row this kind's lanes are, or null for the customer's side of the map */
  blueprint: BlueprintPart | null;
  /** cards say who does them ("Receptionist", "Billing"): shown on the card, edited in the inspector */
  actor: boolean;
  /**
   * cards carry a status (idea, planned, in progress, done) and an owner, edited in the inspector
   * and listed on the space's opportunity board (opportunityStatus.ts, opportunities.ts)
   */
  tracksStatus: boolean;
}

const ROUND = [8, 8, 8, 8] as const;

/** Thumbnails are tiny: a few strong tints tell the lanes apart, the quiet kinds share one. */
const THUMB = {
  pain: { pattern: 'pain', fill: '#fee2e2', mark: '#f87171' },
  chance: { pattern: 'chance', fill: '#dcfce7', mark: '#4ade80' },
  touch: { pattern: 'touch', fill: '#dbeafe', mark: '#60a5fa' },
  thought: { pattern: 'thought', fill: '#fef3c7', mark: '#fbbf24' },
  metric: { pattern: 'metric', fill: '#ede9fe', mark: '#a78bfa' },
  back: { pattern: 'back', fill: '#e2e8f0', mark: '#94a3b8' },
  other: { pattern: 'other', fill: '#e0e7ff', mark: '#818cf8' },
  need: { pattern: 'need', fill: '#ccfbf1', mark: '#2dd4bf' },
  sense: { pattern: 'sense', fill: '#ffedd5', mark: '#fb923c' },
  // a blueprint's rows stand apart from the customer's (actions are 'other') and from each other
  front: { pattern: 'front', fill: '#c7d2fe', mark: '#4f46e5' },
  evidence: { pattern: 'evidence', fill: '#f5f5f4', mark: '#a8a29e' },
  support: { pattern: 'support', fill: '#f1f5f9', mark: '#64748b' },
} as const;

export const LANE_KIND_DESCRIPTORS = {
  actions: {
    labelKey: 'canvas.laneKinds.actions',
    colors: { fill: '#ffffff', border: '#cbd5e1', accent: '#64748b', ink: '#334155', tint: '#e2e8f0' },
    strip: false,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'footprints',
    aliases: ['action', 'aktion', 'handlung', 'tätigkeit', 'aktivität', 'activit', 'doing', 'tut'],
    thumbnail: THUMB.other,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  needs: {
    labelKey: 'canvas.laneKinds.needs',
    // what the customer wants to get done here: the job the product is hired for
    colors: { fill: '#f0fdfa', border: '#5eead4', accent: '#0d9488', ink: '#0f766e', tint: '#ccfbf1' },
    strip: true,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: true,
    votable: false,
    icon: 'target',
    aliases: ['need', 'bedürfnis', 'beduerfnis', 'goal', 'ziel', 'jobs to be done', 'job to be done', 'jtbd', 'jobs', 'wants', 'erwartung', 'expectation'],
    thumbnail: THUMB.need,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  touchpoints: {
    labelKey: 'canvas.laneKinds.touchpoints',
    colors: { fill: '#ffffff', border: '#93c5fd', accent: '#2563eb', ink: '#1d4ed8', tint: '#dbeafe' },
    strip: false,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'pointer',
    aliases: ['touchpoint', 'touch point', 'berührungspunkt', 'kontaktpunkt', 'kanäle', 'kanal', 'channel', 'support channel', 'support-kanal'],
    thumbnail: THUMB.touch,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  thoughts: {
    labelKey: 'canvas.laneKinds.thoughts',
    colors: { fill: '#fffbeb', border: '#fcd34d', accent: '#d97706', ink: '#a16207', tint: '#fef3c7' },
    strip: false,
    dashed: false,
    corners: [14, 14, 14, 3],
    italic: true,
    chip: false,
    votable: false,
    icon: 'speech',
    aliases: ['thought', 'gedanke', 'denkt'],
    thumbnail: THUMB.thought,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  emotions: {
    labelKey: 'canvas.laneKinds.emotions',
    colors: { fill: '#fdf2f8', border: '#f9a8d4', accent: '#db2777', ink: '#be185d', tint: '#fce7f3' },
    strip: false,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'heart',
    aliases: ['emotion', 'feeling', 'gefühl', 'gefuehl', 'stimmung', 'empfind'],
    thumbnail: THUMB.other,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  senses: {
    labelKey: 'canvas.laneKinds.senses',
    // what the customer sees, hears, smells and touches there
    colors: { fill: '#fff7ed', border: '#fdba74', accent: '#ea580c', ink: '#c2410c', tint: '#ffedd5' },
    strip: false,
    dashed: false,
    corners: [14, 3, 14, 3],
    italic: false,
    chip: true,
    votable: false,
    icon: 'eye',
    aliases: ['sense', 'sinne', 'sinnes', 'sensor', 'wahrnehm', 'see, hear', 'sehen, hören', 'sees and hears', 'see and hear', 'sieht und hört', 'sehen und hören'],
    thumbnail: THUMB.sense,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  pains: {
    labelKey: 'canvas.laneKinds.pains',
    colors: { fill: '#fff5f5', border: '#fca5a5', accent: '#dc2626', ink: '#b91c1c', tint: '#fee2e2' },
    strip: true,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: true,
    votable: true,
    icon: 'warning',
    aliases: ['pain', 'schmerz', 'problem', 'frust', 'ärgernis', 'hürde', 'friction', 'reibung', 'blocker'],
    thumbnail: THUMB.pain,
    blueprint: null,
    actor: false,
    tracksStatus: true,
  },
  opportunities: {
    labelKey: 'canvas.laneKinds.opportunities',
    colors: { fill: '#f0fdf4', border: '#86efac', accent: '#16a34a', ink: '#15803d', tint: '#dcfce7' },
    strip: true,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: true,
    votable: true,
    icon: 'bulb',
    aliases: ['opportunit', 'chance', 'möglichkeit', 'moeglichkeit', 'potenzial', 'potential', 'idee', 'idea'],
    thumbnail: THUMB.chance,
    blueprint: null,
    actor: false,
    tracksStatus: true,
  },
  evidence: {
    labelKey: 'canvas.laneKinds.evidence',
    // what the customer meets and keeps: signs, receipts, rooms, emails
    colors: { fill: '#fafaf9', border: '#d6d3d1', accent: '#78716c', ink: '#57534e', tint: '#e7e5e4' },
    strip: false,
    dashed: false,
    corners: [2, 2, 2, 2],
    italic: false,
    chip: true,
    votable: false,
    icon: 'receipt',
    aliases: ['evidence', 'evidenz', 'physical', 'physisch', 'nachweis', 'beleg', 'requisit', 'props'],
    thumbnail: THUMB.evidence,
    blueprint: 'evidence',
    actor: false,
    tracksStatus: false,
  },
  frontstage: {
    labelKey: 'canvas.laneKinds.frontstage',
    // staff the customer sees: the line of interaction runs above, the line of visibility below
    colors: { fill: '#eef2ff', border: '#a5b4fc', accent: '#4f46e5', ink: '#4338ca', tint: '#e0e7ff' },
    strip: true,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'person',
    aliases: ['frontstage', 'front-stage', 'onstage', 'on-stage', 'front office', 'vorderbühne'],
    thumbnail: THUMB.front,
    blueprint: 'frontstage',
    actor: true,
    tracksStatus: false,
  },
  backstage: {
    labelKey: 'canvas.laneKinds.backstage',
    // the canvas's outline; exports and present mode drew a darker one before the palette was shared
    colors: { fill: '#f1f5f9', border: '#cbd5e1', accent: '#64748b', ink: '#334155', tint: '#e2e8f0' },
    strip: false,
    dashed: true,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'cog',
    aliases: ['backstage', 'back-stage', 'hinter den kulissen', 'hinterbühne', 'back office', 'backoffice'],
    thumbnail: THUMB.back,
    blueprint: 'backstage',
    actor: true,
    tracksStatus: false,
  },
  support: {
    labelKey: 'canvas.laneKinds.support',
    // the deepest row: systems and teams, out of the customer's sight like backstage
    colors: { fill: '#f8fafc', border: '#94a3b8', accent: '#475569', ink: '#334155', tint: '#e2e8f0' },
    strip: true,
    dashed: true,
    corners: [3, 3, 3, 3],
    italic: false,
    chip: false,
    votable: false,
    icon: 'server',
    aliases: ['support', 'unterstützung', 'unterstuetzung', 'support-prozess', 'systeme', 'systems', 'supporting'],
    thumbnail: THUMB.support,
    blueprint: 'support',
    actor: true,
    tracksStatus: false,
  },
  metrics: {
    labelKey: 'canvas.laneKinds.metrics',
    colors: { fill: '#faf5ff', border: '#c4b5fd', accent: '#7c3aed', ink: '#6d28d9', tint: '#ede9fe' },
    strip: false,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: true,
    votable: false,
    icon: 'chart',
    aliases: ['kpi', 'kpis', 'metric', 'metrik', 'kennzahl', 'messgröße', 'measure'],
    thumbnail: THUMB.metric,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
  notes: {
    labelKey: 'canvas.laneKinds.notes',
    // looks like actions on the canvas (its icon tells it apart); a lighter bar in present mode
    colors: { fill: '#ffffff', border: '#cbd5e1', accent: '#94a3b8', ink: '#334155', tint: '#e2e8f0' },
    strip: false,
    dashed: false,
    corners: ROUND,
    italic: false,
    chip: false,
    votable: false,
    icon: 'note',
    aliases: ['note', 'notiz'],
    thumbnail: THUMB.other,
    blueprint: null,
    actor: false,
    tracksStatus: false,
  },
} as const satisfies Record<LaneKind, LaneKindDescriptor>;

/** One kind's descriptor with its literal values (icon names stay a union, not `string`). */
export type LaneKindEntry = (typeof LANE_KIND_DESCRIPTORS)[LaneKind];

/** The names of the icons lane kinds use; icon tables are `Record<LaneIconName, …>`. */
export type LaneIconName = LaneKindEntry['icon'];

/** The kind of lane an unknown or missing kind falls back to. */
export const FALLBACK_LANE_KIND = 'notes' satisfies LaneKind;
