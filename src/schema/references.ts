import { issue, type FileIssue } from './issues';
import type { MapFileV5 } from './v5';

/**
 * What the shape alone cannot say: ids are unique per kind, and every reference (a stage's phase, a card's stage,
 * lane and personas; a link's cards; a comment's card and parent; a dot's round and card)
 * points at something in the file.
 */
export function checkReferences(file: MapFileV5): FileIssue[] {
  const problems: FileIssue[] = [];
  const { journey } = file;

  const idsOf = (kind: 'stages' | 'lanes' | 'cards' | 'personas' | 'links' | 'evidence', items: readonly { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        problems.push(issue(['journey', kind, i, 'id'], `duplicates the id "${item.id}" of journey.${kind}[${first}]`));
      } else {
        seen.set(item.id, i);
      }
    });
    return seen;
  };
  const stages = idsOf('stages', journey.stages);
  const lanes = idsOf('lanes', journey.lanes);
  const cards = idsOf('cards', journey.cards);
  const personas = idsOf('personas', journey.personas);
  idsOf('links', journey.links);

  const phases = new Set(journey.phases.map((p) => p.id));
  journey.stages.forEach((stage, i) => {
    if (!phases.has(stage.phase)) problems.push(issue(['journey', 'stages', i, 'phase'], `refers to phase "${stage.phase}", which is not in journey.phases`));
  });

  journey.cards.forEach((card, i) => {
    if (!stages.has(card.stageId)) problems.push(issue(['journey', 'cards', i, 'stageId'], `refers to stage "${card.stageId}", which does not exist`));
    if (!lanes.has(card.laneId)) problems.push(issue(['journey', 'cards', i, 'laneId'], `refers to lane "${card.laneId}", which does not exist`));
    card.personaIds.forEach((p, j) => {
      if (!personas.has(p)) problems.push(issue(['journey', 'cards', i, 'personaIds', j], `refers to persona "${p}", which does not exist`));
    });
  });
  journey.links.forEach((link, i) => {
    if (!cards.has(link.fromCardId)) problems.push(issue(['journey', 'links', i, 'fromCardId'], `refers to card "${link.fromCardId}", which does not exist`));
    if (!cards.has(link.toCardId)) problems.push(issue(['journey', 'links', i, 'toCardId'], `refers to card "${link.toCardId}", which does not exist`));
    if (link.fromCardId === link.toCardId) problems.push(issue(['journey', 'links', i, 'toCardId'], 'links a card to itself'));
  });

  idsOf('evidence', journey.evidence);
  journey.evidence.forEach((item, i) => {
    if (item.cardId !== null && !cards.has(item.cardId)) problems.push(issue(['journey', 'evidence', i, 'cardId'], `refers to card "${item.cardId}", which does not exist`));
    if (item.stageId !== null && !stages.has(item.stageId)) problems.push(issue(['journey', 'evidence', i, 'stageId'], `refers to stage "${item.stageId}", which does not exist`));
  });

  const comments = new Set<string>();
  file.feedback.comments.forEach((comment, i) => {
    if (comments.has(comment.id)) problems.push(issue(['feedback', 'comments', i, 'id'], `duplicates the id "${comment.id}"`));
    comments.add(comment.id);
    if (!cards.has(comment.cardId)) problems.push(issue(['feedback', 'comments', i, 'cardId'], `refers to card "${comment.cardId}", which does not exist`));
  });
  file.feedback.comments.forEach((comment, i) => {
    if (comment.parentId === null) return;
    if (comment.parentId === comment.id) problems.push(issue(['feedback', 'comments', i, 'parentId'], 'replies to itself'));
    else if (!comments.has(comment.parentId)) problems.push(issue(['feedback', 'comments', i, 'parentId'], `refers to comment "${comment.parentId}", which does not exist`));
  });

  const rounds = new Set<string>();
  file.feedback.rounds.forEach((round, i) => {
    if (rounds.has(round.id)) problems.push(issue(['feedback', 'rounds', i, 'id'], `duplicates the id "${round.id}"`));
    rounds.add(round.id);
  });
  const dots = new Set<string>();
  file.feedback.dots.forEach((dot, i) => {
    if (dots.has(dot.id)) problems.push(issue(['feedback', 'dots', i, 'id'], `duplicates the id "${dot.id}"`));
    dots.add(dot.id);
    if (!rounds.has(dot.roundId)) problems.push(issue(['feedback', 'dots', i, 'roundId'], `refers to round "${dot.roundId}", which does not exist`));
    if (!cards.has(dot.cardId)) problems.push(issue(['feedback', 'dots', i, 'cardId'], `refers to card "${dot.cardId}", which does not exist`));
  });
  return problems;
}
