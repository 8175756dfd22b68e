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
  'touchpoints',
  'thoughts',
  'emotions',
  'pains',
  'opportunities',
  'backstage',
  'metrics',
  'notes',
] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

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
    aliases: ['action', 'aktion', 'handlung', 'tätigkeit', 'aktivität', 'doing', 'tut'],
    thumbnail: THUMB.other,
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
    aliases: ['touchpoint', 'touch point', 'berührungspunkt', 'kontaktpunkt', 'kanäle', 'kanal', 'channel'],
    thumbnail: THUMB.touch,
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
    aliases: ['pain', 'schmerz', 'problem', 'frust', 'ärgernis', 'hürde'],
    thumbnail: THUMB.pain,
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
  },
} as const satisfies Record<LaneKind, LaneKindDescriptor>;

/** One kind's descriptor with its literal values (icon names stay a union, not `string`). */
export type LaneKindEntry = (typeof LANE_KIND_DESCRIPTORS)[LaneKind];

/** The names of the icons lane kinds use; icon tables are `Record<LaneIconName, …>`. */
export type LaneIconName = LaneKindEntry['icon'];

/** The kind of lane an unknown or missing kind falls back to. */
export const FALLBACK_LANE_KIND = 'notes' satisfies LaneKind;
