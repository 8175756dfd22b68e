import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { emotionColor } from '../model/emotionScale';
import { isOnlineChannel, type Card } from '../model/types';
import { useEditor } from '../store/editorStore';
import { CardImageView } from '../canvas';
import { EmotionFace, formatScore } from './fields';
import { EvidenceReadList, useCardEvidence } from './evidence';
import { shownConfidence } from '../model/confidence';
import { OpportunityReadFacts } from './OpportunityFields';
import { DetailMapReadFact } from './DetailMapField';
import './panels.css';

const NONE: readonly string[] = [];

/**
 * A card for someone who may not change it (a view or comment link, or a locked map): its
 * content as text. Nothing here looks like a field, so nobody clicks into a box that will not
 * take their typing.
 */
export function CardReadView({ card }: { card: Card }) {
  const { t } = useTranslation();
  const titleId = useId();
  const personas = useEditor(useShallow((s) => (s.journey?.personas ?? []).filter((p) => card.personaIds.includes(p.id))));
  const stageName = useEditor((s) => s.journey?.stages.find((x) => x.id === card.stageId)?.name);
  const laneName = useEditor((s) => s.journey?.lanes.find((x) => x.id === card.laneId)?.name);
  const links = useLinkLines(card.id);
  const confidence = shownConfidence(card.confidence, useCardEvidence(card.id).length);
  const none = <span className="pn-read-none">{t('panels.read.none')}</span>;
  return (
    <div className="pn-body pn-read" aria-labelledby={titleId} role="group">
      <p className="pn-read-title" id={titleId}>
        {card.title || t('canvas.untitledCard')}
      </p>
      {card.momentOfTruth && <p className="pn-read-mot">{t('panels.inspector.momentOfTruth')}</p>}
      {card.body ? <p className="pn-read-body">{card.body}</p> : <p className="pn-hint">{t('panels.read.noNotes')}</p>}
      {card.image && <CardImageView imageKey={card.image} title={card.title} size="large" />}
      <dl className="pn-meta pn-read-list">
        <OpportunityReadFacts card={card} />
        {card.actor && (
          <div>
            <dt>{t('panels.blueprint.actor')}</dt>
            <dd>{card.actor}</dd>
          </div>
        )}
        <div>
          <dt>{t('panels.inspector.channel')}</dt>
          <dd>
            {card.channel
              ? `${t(`canvas.channels.${card.channel}`)} · ${isOnlineChannel(card.channel) ? t('panels.inspector.online') : t('panels.inspector.offline')}`
              : none}
          </dd>
        </div>
        <div>
          <dt>{t('panels.inspector.emotion')}</dt>
          <dd>
            {card.emotion === null ? (
              none
            ) : (
              <span className="pn-read-emotion" style={{ color: emotionColor(card.emotion) }}>
                <EmotionFace score={card.emotion} size={16} />
                <span className="pn-read-emotion-text">{t('panels.inspector.emotionValue', { value: formatScore(card.emotion), label: t(`canvas.emotions.${card.emotion}`) })}</span>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidence.confidence.label')}</dt>
          <dd data-confidence={confidence ?? 'none'}>{confidence ? t(`evidence.confidence.${confidence}`) : none}</dd>
        </div>
        <div>
          <dt>{t('panels.inspector.personas')}</dt>
          <dd>{personas.length ? personas.map((p) => p.name || t('panels.personas.unnamed')).join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('panels.inspector.tags')}</dt>
          <dd>{card.tags.length ? card.tags.join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('panels.inspector.stage')}</dt>
          <dd>{stageName || t('canvas.untitledStage')}</dd>
        </div>
        <div>
          <dt>{t('panels.inspector.lane')}</dt>
          <dd>{laneName || t('canvas.untitledLane')}</dd>
        </div>
        <div>
          <dt>{t('panels.inspector.votes')}</dt>
          <dd>{card.votes}</dd>
        </div>
        <DetailMapReadFact value={card.detailMapId} />
      </dl>
      {links.length > 0 && (
        <>
          <p className="pn-label">{t('panels.links.title')}</p>
          <ul className="pn-read-links">
            {links.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <EvidenceReadList cardId={card.id} />
    </div>
  );
}

/** "to “Reserves online” · leads to", one line per link that starts or ends at the card. */
function useLinkLines(cardId: string): readonly string[] {
  const { t } = useTranslation();
  return useEditor(
    useShallow((s) => {
      const journey = s.journey;
      if (!journey) return NONE;
      const titleOf = (id: string) => journey.cards.find((c) => c.id === id)?.title || t('canvas.untitledCard');
      const lines = journey.links
        .filter((l) => l.fromCardId === cardId || l.toCardId === cardId)
        .map((l) => {
          const where = l.fromCardId === cardId ? t('panels.links.to', { title: titleOf(l.toCardId) }) : t('panels.links.from', { title: titleOf(l.fromCardId) });
          return l.label ? `${where} · ${l.label}` : where;
        });
      return lines.length ? lines : NONE;
    }),
  );
}
