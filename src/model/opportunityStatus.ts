/**
 * Where the team stands on acting on a pain point or an opportunity (issue 16's opportunity
 * board): an idea nobody has taken up, planned, in progress, done. A card stores it in its
 * `status` field (cardFields.ts), null when nobody set one; who acts on it is its `owner`. Which
 * cards carry the two is the lane kind's `tracksStatus` (laneKinds.ts, read through
 * `tracksStatus` in laneKindLookup.ts): the inspector, the read view and the board all ask there.
 *
 * This file names no other model file: types.ts reads the list from here.
 */
export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'inProgress', 'done'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export function isOpportunityStatus(value: unknown): value is OpportunityStatus {
  return typeof value === 'string' && (OPPORTUNITY_STATUSES as readonly string[]).includes(value);
}

/** A status by its id or its name in a shipped language ("In Arbeit", "in progress"), for a hand-made sheet. */
export const OPPORTUNITY_STATUS_WORDS: Readonly<Record<string, OpportunityStatus>> = {
  idea: 'idea',
  idee: 'idea',
  planned: 'planned',
  geplant: 'planned',
  inprogress: 'inProgress',
  'in progress': 'inProgress',
  'in-progress': 'inProgress',
  in_progress: 'inProgress',
  doing: 'inProgress',
  'in arbeit': 'inProgress',
  done: 'done',
  erledigt: 'done',
  fertig: 'done',
};

/** The status a cell or a typed word names, or null when it names none. */
export function opportunityStatusFromWords(text: string): OpportunityStatus | null {
  const word = text.trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');
  return OPPORTUNITY_STATUS_WORDS[word] ?? null;
}
