/** Journey hierarchy (issue 16): drilling down from a stage or card to a detailed map, and the way back. */
export const hierarchy = {
  stage: {
    /** the drill-down on a stage header; the title, count and feeling are shown beside it */
    open: 'Open the detail map “{{title}}”: {{cards}}, {{feeling}}',
    feeling: 'feels {{label}} ({{score}}) on average',
    noFeeling: 'no feelings scored yet',
    missing: 'Detail map not in this team space',
    missingHint: 'The map this stage drills down to is not in the open map’s team space, or this device has not joined it.',
  },
  card: {
    open: 'Open the detail map “{{title}}”',
    missing: 'Drills down to a map not in this team space',
  },
  trail: {
    label: 'Way back up the journey hierarchy',
    back: 'Back to “{{title}}”',
    levels_one: '{{count}} level above',
    levels_other: '{{count}} levels above',
  },
  /** a link to a map of the space archived since, in the inspector's choice */
  archived: '{{title}} (archived)',
  untitled: 'Untitled map',
};
