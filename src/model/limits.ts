/**
 * Size limits shared by the operations (which clamp) and the file schema (which refuses):
 * a map edited in the app therefore always exports to a file that imports again.
 * Generous for real maps; small enough that a hostile file cannot exhaust memory.
 */
export const LIMITS = {
  mapTitle: 200,
  description: 5_000,
  name: 200,
  cardTitle: 500,
  cardBody: 20_000,
  tag: 60,
  /** who does a blueprint card's step: a role or a team, not a paragraph */
  actor: 80,
  /** who in the team owns acting on a pain point or opportunity: a name or a team, not a paragraph */
  owner: 80,
  tagsPerCard: 30,
  personasPerCard: 50,
  color: 32,
  personaText: 1_000,
  /** a persona's age as typed: "42", "35–45", "mid-fifties" */
  personaAge: 40,
  personaListItems: 30,
  linkLabel: 200,
  commentText: 5_000,
  author: 200,
  /** phases of a map: the three defaults and the map's own */
  phases: 24,
  stages: 300,
  lanes: 60,
  cards: 50_000,
  personas: 100,
  links: 50_000,
  comments: 100_000,
  /** people @mentioned in one comment */
  mentionsPerComment: 50,
  /** an identity id (a comment's author, a voter, a presenter) */
  identityId: 64,
  roundTitle: 200,
  rounds: 1_000,
  dots: 200_000,
  votesPerPerson: 50,
  /** a card image's encoded bytes: the app re-encodes every image under this before it enters the doc */
  imageBytes: 300 * 1024,
  /** a card image's longer side, in pixels, after re-encoding */
  imageLongSide: 1280,
  /** width or height a stored image may claim (files are hostile: the renderer sizes boxes from it) */
  imageDimension: 8192,
  /** distinct images in one map (one photo on two cards counts once) */
  imagesPerMap: 24,
  /** all of a map's images together, so a map stays well under the relay's room quota (16 MiB) */
  imagesTotalBytes: 6 * 1024 * 1024,
  /** a picked, pasted or dropped file larger than this is refused before it is decoded */
  imageInputBytes: 40 * 1024 * 1024,
  /** evidence items of one map, in its inbox and on its cards together (a year of a hotline's tagged feedback) */
  evidence: 20_000,
  /** one quote or finding: a long interview answer fits, a pasted transcript does not */
  evidenceText: 4_000,
  /** where a piece of evidence came from: a ticket number, a file name, a link */
  evidenceReference: 500,
  /** how many customers one item may stand for ("37 tickets") */
  evidenceCount: 1_000_000,
  /** a map file larger than this is refused before it is parsed */
  fileBytes: 32 * 1024 * 1024,
} as const;

export function clampText(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}
