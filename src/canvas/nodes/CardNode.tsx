import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Star, ThumbsUp, UserRound } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { emotionColor } from '../../model/emotionScale';
import { laneKindDescriptor } from '../../model/laneKindLookup';
import { LIMITS } from '../../model/limits';
import { updateCard } from '../../model/ops';
import { isOnlineChannel } from '../../model/types';
import { useEditor } from '../../store/editorStore';
import { searchLook, useCardSearch } from '../../store/cardSearch';
import { assumptionLook, useAssumptionFilter } from '../../store/assumptionFilter';
import { ConfidenceMark } from './ConfidenceMark';
import { cardMarkOf, useVersionPreview } from '../../store/versionPreview';
import { cardTitleId, type CardNodeData } from '../buildNodes';
import { CHANNEL_ICONS, emotionFace, laneIcon } from '../icons';
import { laneKindStyle } from '../laneKindStyle';
import { CardCommentBadge } from './CardCommentBadge';
import { CardDrillDown } from './DrillDown';
import { InlineTitle } from '../InlineTitle';
import { CardVotes } from './CardVotes';
import { clickVote, useVoteNotice } from '../cardClickVote';
import { useCanvasLabels } from '../labels';
import { CardImageView } from '../CardImage';
import { runAction } from '../../actions';
import { isAcceptedImage } from '../../store/imageInput';
import { sayImageNotice } from '../../store/cardImages';

/** Whether a drag carries files (a picture from the desktop), rather than a card or text. */
const carriesFiles = (e: React.DragEvent) => e.dataTransfer.types.includes('Files');

/** Where the last press on a card began: a click that ends a drag is not a vote. */
let pressedAt: { x: number; y: number } | null = null;
const moved = (from: { x: number; y: number } | null, to: { clientX: number; clientY: number }) =>
  from !== null && Math.hypot(to.clientX - from.x, to.clientY - from.y) > 4;

/** One card on the canvas. Memoised: it re-renders only when its own node object changes. */
export const CardNode = memo(function CardNode({ data, selected }: NodeProps<Node<CardNodeData, 'card'>>) {
  const labels = useCanvasLabels();
  const { card, laneKind, dimmed, linkSource, linked, evidenceCount } = data;
  // staff rows of a blueprint say who does the card ("Receptionist"), as plain text
  const actor = laneKindDescriptor(laneKind).actor ? card.actor.trim() : '';
  const editing = useEditor((s) => s.editing?.kind === 'card' && s.editing.id === card.id);
  const search = useCardSearch((s) => searchLook(s, card));
  // "show assumptions": what rests on evidence (or is a proposed idea) steps back
  const assumption = useAssumptionFilter((s) => assumptionLook(s.on, card.confidence, evidenceCount));
  // comparing a version with now: added, removed (a ghost where it was), changed, moved
  const diff = useVersionPreview((s) => cardMarkOf(s, card.id));
  const personas = useEditor(useShallow((s) => (card.personaIds.length ? s.journey?.personas ?? [] : [])));
  const KindIcon = laneIcon(laneKind);
  const ChannelIcon = card.channel ? CHANNEL_ICONS[card.channel] : null;
  const Face = card.emotion !== null ? emotionFace(card.emotion) : null;
  const classes = ['card-node', `kind-${laneKind}`];
  if (selected) classes.push('is-selected');
  if (dimmed || search === 'miss' || assumption === 'backed') classes.push('is-dimmed');
  if (assumption === 'assumption') classes.push('is-assumption');
  if (search === 'hit') classes.push('is-search-hit');
  if (card.momentOfTruth) classes.push('is-mot');
  if (linkSource) classes.push('is-link-source');
  if (linked) classes.push('is-linked');
  if (card.image) classes.push('has-image');
  if (diff) classes.push(...diff.split(' ').map((m) => `diff-${m}`));
  const readOnly = useEditor((s) => s.readOnly);
  const cardPersonas = personas.filter((p) => card.personaIds.includes(p.id));
  // the whole text on hover: the card shows two lines of title and one of body
  const fullText = [card.title, card.body].filter((text) => text.trim() !== '').join('\n\n') || undefined;

  return (
    <div
      className={classes.join(' ')}
      style={card.color ? { ...laneKindStyle(laneKind), '--card-accent': card.color } as React.CSSProperties : laneKindStyle(laneKind)}
      data-card-id={card.id}
      data-diff={diff ?? undefined}
      title={editing ? undefined : fullText}
      onPointerDown={(e) => {
        pressedAt = { x: e.clientX, y: e.clientY };
      }}
      onDragOver={(e) => {
        // a picture dropped on a card becomes its image (card.addImage); read-only maps take none
        if (readOnly || !carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (readOnly || !carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        const files = [...e.dataTransfer.files].filter(isAcceptedImage);
        if (files.length > 0) runAction('card.addImage', { target: { kind: 'card', id: card.id }, files });
        else sayImageNotice('unsupported');
      }}
      onClick={(e) => {
        // a plain single click during a vote round places a dot (or says why it cannot); with a
        // modifier, a double-click's second click, the end of a drag, or while editing, it is the usual click
        if (editing || e.detail > 1 || e.shiftKey || e.metaKey || e.ctrlKey || e.altKey || moved(pressedAt, e)) return;
        const outcome = clickVote(card.id, card.laneId);
        // a vote is the whole click: not also a selection that pulls the side panel away
        if (outcome === 'voted') e.stopPropagation();
        else if (outcome !== 'select') useVoteNotice.getState().say(outcome);
      }}
    >
      <Handle type="target" position={Position.Left} className="card-handle" />
      {diff && <span className="diff-badge">{diff.split(' ').map((m) => labels.t(`versions.marks.${m as 'added' | 'removed' | 'changed' | 'moved'}`)).join(' · ')}</span>}
      <div className="card-meta">
        {ChannelIcon && card.channel ? (
          <span className={`channel-chip ${isOnlineChannel(card.channel) ? 'is-online' : 'is-offline'}`}>
            <ChannelIcon size={12} aria-hidden="true" />
            {labels.channel[card.channel]}
            <span className="channel-mode">· {isOnlineChannel(card.channel) ? labels.online : labels.offline}</span>
          </span>
        ) : laneKindDescriptor(laneKind).chip ? (
          <span className="kind-chip">
            <KindIcon size={12} aria-hidden="true" />
            {labels.laneKind[laneKind]}
          </span>
        ) : null}
        {actor && (
          <span className="actor-chip" title={labels.t('canvas.blueprint.actor', { actor })}>
            <UserRound size={12} aria-hidden="true" />
            <span className="actor-name">{actor}</span>
          </span>
        )}
        {Face && card.emotion !== null && (
          <span className="emotion-chip" style={{ color: emotionColor(card.emotion) }} title={laneKind === 'emotions' ? labels.emotion(card.emotion) : labels.emotionChipOnly(card.emotion)}>
            <Face size={13} aria-hidden="true" />
            {card.emotion > 0 ? `+${card.emotion}` : card.emotion}
          </span>
        )}
        <span className="card-meta-end">
          {card.detailMapId !== null && <CardDrillDown cardId={card.id} mapId={card.detailMapId} />}
          <ConfidenceMark confidence={card.confidence} evidenceCount={evidenceCount} labels={labels} />
          {cardPersonas.map((p) => (
            <span key={p.id} className="persona-dot" style={{ background: p.color }} title={p.name} />
          ))}
          {card.votes > 0 && (
            <span className="votes-chip" title={labels.votes(card.votes)}>
              <ThumbsUp size={11} aria-hidden="true" />
              {card.votes}
            </span>
          )}
        </span>
      </div>
      {editing ? (
        <InlineTitle
          value={card.title}
          label={labels.editTitle}
          multiline
          maxLength={LIMITS.cardTitle}
          onCommit={(title) => {
            const doc = useEditor.getState().session?.doc;
            if (doc) updateCard(doc, card.id, { title });
          }}
          onDone={() => useEditor.getState().stopEditing()}
        />
      ) : (
        <div id={cardTitleId(card.id)} className={card.title ? 'card-title' : 'card-title is-placeholder'}>
          {card.title || labels.untitledCard}
        </div>
      )}
      {card.body && !editing && <div className="card-body">{card.body}</div>}
      {card.image && <CardImageView imageKey={card.image} title={card.title} size="thumb" />}
      {card.momentOfTruth && (
        <span className="mot-badge" title={labels.momentOfTruth}>
          <Star size={12} aria-hidden="true" fill="currentColor" />
          <span className="sr-only">{labels.momentOfTruth}</span>
        </span>
      )}
      <div className="card-feedback">
        <CardVotes cardId={card.id} laneId={card.laneId} title={card.title} />
        <CardCommentBadge cardId={card.id} />
      </div>
      <Handle type="source" position={Position.Right} className="card-handle" />
    </div>
  );
});
