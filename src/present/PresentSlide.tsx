import { ChartColumn, Check, CircleHelp, Lightbulb, Star, UserRound } from 'lucide-react';
import { Fragment, useMemo, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { CardImageView, CHANNEL_ICONS, emotionFace, laneIcon, laneKindStyle } from '../canvas';
import type { BlueprintLine } from '../model/blueprint';
import { emotionColor } from '../model/emotionScale';
import { laneKindDescriptor } from '../model/laneKindLookup';
import { blueprintSegments } from './blueprintSegments';
import { isOnlineChannel, type Card, type Journey, type Lane, type LaneKind, type Persona } from '../model/types';
import { phaseStyle } from './phaseStyle';
import { laneColumns, stageEmotion, type PresentStep } from './steps';
import { useFitText } from './useFitText';
import { shownConfidence, type Confidence } from '../model/confidence';
import { evidenceCountByCard, type EvidenceItem } from '../model/evidence';
import { stageEvidence, stageMetrics, strongestQuotes } from '../model/evidenceMetrics';
import { confidenceText, stageFigures } from '../model/evidenceFigures';

/*
 * What one step of a presentation shows: the stage's (or the phase's) lanes and cards, laid out
 * for a projector rather than drawn as the map's grid. Every text from the map is a React text
 * node, never markup.
 */

type FormatScore = (score: number) => string;

interface SlideHeadProps {
  kicker: string;
  /** the phase's colour as CSS variables (phaseStyle) */
  phaseColors: CSSProperties;
  phaseName: string;
  title: string;
  lang: string;
  score: number | null;
  formatScore: FormatScore;
  /** the stage's measured figures from customer evidence, shown beside its feeling */
  measured?: React.ReactNode;
}

function SlideHead({ kicker, phaseColors, phaseName, title, lang, score, formatScore, measured }: SlideHeadProps) {
  return (
    <div className="present-head">
      <div className="present-titles">
        <p className="present-kicker">
          <span className="present-phase-pill" style={phaseColors} lang={lang}>
            {phaseName}
          </span>
          <span>{kicker}</span>
        </p>
        <h1 className="present-title" lang={lang}>
          {title}
        </h1>
      </div>
      <div className="present-head-figures">
        <Feeling score={score} formatScore={formatScore} />
        {measured}
      </div>
    </div>
  );
}

/**
 * The stage's figures measured from customer evidence (model/evidenceMetrics.ts), beside the
 * feeling the team set and in neutral ink, never mixed into it: "NPS +12 · n=48", the months.
 */
function Measured({ journey, stageId }: { journey: Journey; stageId: string }) {
  const { t, i18n } = useTranslation();
  const metrics = useMemo(() => stageMetrics(journey).get(stageId), [journey, stageId]);
  if (!metrics || metrics.scores.length === 0) return null;
  const figures = stageFigures(metrics, t, i18n.language);
  return (
    <div className="present-measured" title={figures.description} data-testid="present-measured">
      <ChartColumn className="present-measured-icon" aria-hidden="true" />
      <div className="present-measured-text">
        <span className="present-feeling-caption">{t('evidenceMetrics.present.measured')}</span>
        {figures.lines.map((line) => {
          return (
            <span key={line.scale} className="present-measured-line">
              <b>{line.head}</b>
              <span className="present-measured-n"> · {line.detail}</span>
            </span>
          );
        })}
        {figures.period && <span className="present-measured-period">{figures.period}</span>}
        <span className="sr-only">{figures.description}</span>
      </div>
    </div>
  );
}

/** Up to three of the stage's strongest quotes, as text, each with its source and how many it stands for. */
function Quotes({ journey, stageId, lang }: { journey: Journey; stageId: string; lang: string }) {
  const { t } = useTranslation();
  const quotes = useMemo(() => strongestQuotes(stageEvidence(journey, stageId), 3), [journey, stageId]);
  if (quotes.length === 0) return null;
  return (
    <section className="present-quotes" aria-label={t('evidenceMetrics.present.quotes')}>
      {quotes.map((q) => {
        const source = t(`evidence.sources.${q.source}`);
        return (
          <figure key={q.id} className={`present-quote${q.sentiment ? ` is-${q.sentiment}` : ''}`} data-testid="present-quote">
            <blockquote lang={lang}>{q.text.trim()}</blockquote>
            <figcaption>
              {q.count > 1 ? t('evidenceMetrics.present.quoteSourceCount', { source, count: q.count }) : t('evidenceMetrics.present.quoteSource', { source })}
              {q.count > 1 && <span className="sr-only"> ({t('evidenceMetrics.present.quoteCountLabel', { count: q.count })})</span>}
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}

const CONFIDENCE_ICONS: Record<Confidence, typeof Check> = { observed: Check, assumed: CircleHelp, proposed: Lightbulb };

/** A card's confidence mark, as the canvas and exports show it: observed with its evidence count, assumed outlined, proposed. */
function ConfidenceChip({ level, count }: { level: Confidence; count: number }) {
  const { t } = useTranslation();
  const Icon = CONFIDENCE_ICONS[level];
  return (
    <span className={`present-chip confidence is-${level}`} data-confidence={level}>
      <Icon aria-hidden="true" />
      {confidenceText(level, count, t)}
    </span>
  );
}

/** The stage's mean feeling, large: a face, the score and its word. */
function Feeling({ score, formatScore, compact = false }: { score: number | null; formatScore: FormatScore; compact?: boolean }) {
  const { t } = useTranslation();
  if (score === null) {
    return compact ? null : <p className="present-feeling is-unscored">{t('present.noFeeling')}</p>;
  }
  const Face = emotionFace(score);
  const word = t(`canvas.emotions.${Math.round(score) || 0}`);
  return (
    <p className={`present-feeling${compact ? ' is-compact' : ''}`} style={{ color: emotionColor(score) }} title={t('canvas.curveSource')}>
      <Face className="present-feeling-face" aria-hidden="true" />
      <span className="present-feeling-text">
        <span className="present-feeling-caption">{t('present.feeling')}</span>
        <span className="present-feeling-value">
          <span className="present-feeling-score">{formatScore(score)}</span> <span className="present-feeling-word">{word}</span>
        </span>
      </span>
    </p>
  );
}

interface CardLabels {
  channel(card: Card): string;
  online: string;
  offline: string;
  momentOfTruth: string;
}

function useCardLabels(): CardLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      channel: (card: Card) => (card.channel ? t(`canvas.channels.${card.channel}`) : ''),
      online: t('canvas.online'),
      offline: t('canvas.offline'),
      momentOfTruth: t('canvas.momentOfTruth'),
    }),
    [t],
  );
}

interface CardProps {
  card: Card;
  kind: LaneKind;
  personas: ReadonlyMap<string, Persona>;
  labels: CardLabels;
  lang: string;
  formatScore: FormatScore;
  /** phase mode: the title and its marks, no body */
  compact?: boolean;
  /** evidence items on the card */
  evidenceCount?: number;
}

function PresentCard({ card, kind, personas, labels, lang, formatScore, compact = false, evidenceCount = 0 }: CardProps) {
  const { t } = useTranslation();
  const ChannelIcon = card.channel ? CHANNEL_ICONS[card.channel] : null;
  const Face = card.emotion !== null ? emotionFace(card.emotion) : null;
  const classes = ['present-card', `kind-${kind}`];
  if (card.momentOfTruth) classes.push('is-mot');
  const title = card.title || t('canvas.untitledCard');
  const titleClass = card.title ? 'present-card-title' : 'present-card-title is-placeholder';
  // who does it, on a blueprint's staff rows; as text
  const actor = laneKindDescriptor(kind).actor ? card.actor.trim() : '';
  const emotion = Face && card.emotion !== null && (
    <span className="present-chip emotion" style={{ color: emotionColor(card.emotion) }}>
      <Face aria-hidden="true" />
      {formatScore(card.emotion)}
      <span className="sr-only"> ({t(`canvas.emotions.${card.emotion}`)})</span>
    </span>
  );

  if (compact) {
    // phase by phase: one line of marks and title, so a whole phase fits on the screen
    return (
      <li className={classes.join(' ')}>
        <p className={titleClass}>
          {ChannelIcon && card.channel && (
            <span className="present-inline-mark channel" title={labels.channel(card)}>
              <ChannelIcon aria-hidden="true" />
              <span className="sr-only">{labels.channel(card)}: </span>
            </span>
          )}
          {card.momentOfTruth && (
            <span className="present-inline-mark mot" title={labels.momentOfTruth}>
              <Star aria-hidden="true" fill="currentColor" />
              <span className="sr-only">{labels.momentOfTruth}: </span>
            </span>
          )}
          {emotion} <span lang={lang}>{title}</span>
          {actor && (
            <span className="present-inline-actor" lang={lang}>
              {' · '}
              {actor}
            </span>
          )}
        </p>
      </li>
    );
  }

  const cardPersonas = card.personaIds.map((id) => personas.get(id)).filter((p): p is Persona => p !== undefined);
  // no kind chip, unlike the canvas: the lane's tile names the kind right above the card
  const confidence = shownConfidence(card.confidence, evidenceCount);
  const meta = actor || (ChannelIcon && card.channel) || emotion || card.momentOfTruth || cardPersonas.length > 0 || confidence;
  return (
    <li className={classes.join(' ')}>
      {meta && (
        <p className="present-card-meta">
          {actor && (
            <span className="present-chip actor" lang={lang}>
              <UserRound aria-hidden="true" />
              {actor}
            </span>
          )}
          {ChannelIcon && card.channel && (
            <span className={`present-chip channel ${isOnlineChannel(card.channel) ? 'is-online' : 'is-offline'}`}>
              <ChannelIcon aria-hidden="true" />
              {labels.channel(card)}
              <span className="present-chip-mode"> · {isOnlineChannel(card.channel) ? labels.online : labels.offline}</span>
            </span>
          )}
          {emotion}
          {card.momentOfTruth && (
            <span className="present-chip mot">
              <Star aria-hidden="true" fill="currentColor" />
              {labels.momentOfTruth}
            </span>
          )}
          {cardPersonas.map((p) => (
            <span key={p.id} className="present-chip persona" lang={lang}>
              <span className="present-persona-dot" style={{ background: p.color }} aria-hidden="true" />
              {p.name.split(' ')[0]}
            </span>
          ))}
          {confidence && <ConfidenceChip level={confidence} count={evidenceCount} />}
        </p>
      )}
      <p className={titleClass} lang={lang}>
        {title}
      </p>
      {card.body && (
        <p className="present-card-body" lang={lang}>
          {card.body}
        </p>
      )}
      {card.image && <CardImageView imageKey={card.image} title={card.title} size="slide" />}
    </li>
  );
}

/** One of the blueprint's lines across the slide, named: solid, dashed or dotted as on the canvas. */
function BlueprintRule({ line }: { line: BlueprintLine }) {
  const { t } = useTranslation();
  const name = t(line.labelKey);
  return (
    <div className={`present-blueprint-line is-${line.id}`} role="separator" aria-label={name} data-blueprint-line={line.id}>
      <span className="present-blueprint-name" aria-hidden="true">
        {name}
      </span>
    </div>
  );
}

function LaneName({ lane, lang }: { lane: Lane; lang: string }) {
  const { t } = useTranslation();
  const Icon = laneIcon(lane.kind);
  return (
    <>
      <span className={`present-lane-icon kind-${lane.kind}`}>
        <Icon aria-hidden="true" />
      </span>
      <span className="present-lane-name" lang={lane.name ? lang : undefined}>
        {lane.name || t('canvas.untitledLane')}
      </span>
    </>
  );
}

/** The cards of the given stages, per lane, in map order. */
function cardsByLane(journey: Journey, stageIds: readonly string[]): Map<string, Card[]> {
  const wanted = new Set(stageIds);
  const out = new Map<string, Card[]>();
  for (const card of journey.cards) {
    if (!wanted.has(card.stageId)) continue;
    const key = `${card.stageId}/${card.laneId}`;
    const list = out.get(key);
    if (list) list.push(card);
    else out.set(key, [card]);
  }
  return out;
}

interface StageSlideProps {
  journey: Journey;
  stageId: string;
  kicker: string;
  phaseName: string;
  formatScore: FormatScore;
}

/** One stage: its name and phase, how it feels, and every lane's cards in large type. */
export function StageSlide({ journey, stageId, kicker, phaseName, formatScore }: StageSlideProps) {
  const { t } = useTranslation();
  const labels = useCardLabels();
  const stage = journey.stages.find((s) => s.id === stageId)!;
  const personas = useMemo(() => new Map(journey.personas.map((p) => [p.id, p])), [journey.personas]);
  const cells = useMemo(() => cardsByLane(journey, [stageId]), [journey, stageId]);
  const evidenceCount = useMemo(() => evidenceCountByCard(journey.evidence), [journey.evidence]);
  const lanesBox = useRef<HTMLDivElement>(null);
  useFitText(lanesBox, cells, '.present-cards');
  const measured = <Measured journey={journey} stageId={stageId} />;
  const quotes = <Quotes journey={journey} stageId={stageId} lang={journey.locale} />;
  const lang = journey.locale;
  const segments = blueprintSegments(journey.lanes);
  const renderLane = (lane: Lane) => {
    const cards = cells.get(`${stageId}/${lane.id}`) ?? [];
    const headingId = `present-lane-${lane.id}`;
    return (
      <section key={lane.id} className={`present-lane kind-${lane.kind}`} style={laneKindStyle(lane.kind)} aria-labelledby={headingId}>
        <h2 className="present-lane-head" id={headingId}>
          <LaneName lane={lane} lang={lang} />
        </h2>
        {cards.length ? (
          <ul className="present-cards">
            {cards.map((card) => (
              <PresentCard key={card.id} card={card} kind={lane.kind} personas={personas} labels={labels} lang={lang} formatScore={formatScore} evidenceCount={evidenceCount.get(card.id) ?? 0} />
            ))}
          </ul>
        ) : (
          <p className="present-empty">{t('present.emptyLane')}</p>
        )}
      </section>
    );
  };
  if (segments.length > 1) {
    // a blueprint: each run of lanes its own grid, the blueprint's lines labelled between them
    const gridStyle = (count: number) => {
      const columns = laneColumns(count);
      return { '--present-columns': columns, '--present-rows': Math.ceil(count / columns) } as React.CSSProperties;
    };
    return (
      <>
        <SlideHead
          kicker={kicker}
          phaseColors={phaseStyle(journey, stage.phase)}
          phaseName={phaseName}
          title={stage.name || t('canvas.untitledStage')}
          lang={lang}
          score={stageEmotion(journey, stageId)}
          formatScore={formatScore}
          measured={measured}
        />
        {quotes}
        <div ref={lanesBox} className="present-lanes is-blueprint">
          {segments.map((segment) => (
            <Fragment key={segment.lanes[0]!.id}>
              {segment.line && <BlueprintRule line={segment.line} />}
              <div className="present-segment" style={gridStyle(segment.lanes.length)}>
                {segment.lanes.map(renderLane)}
              </div>
            </Fragment>
          ))}
        </div>
      </>
    );
  }
  const columns = laneColumns(journey.lanes.length);
  return (
    <>
      <SlideHead
        kicker={kicker}
        phaseColors={phaseStyle(journey, stage.phase)}
        phaseName={phaseName}
        title={stage.name || t('canvas.untitledStage')}
        lang={lang}
        score={stageEmotion(journey, stageId)}
        formatScore={formatScore}
        measured={measured}
      />
      {quotes}
      <div
        ref={lanesBox}
        className="present-lanes"
        style={{ '--present-columns': columns, '--present-rows': Math.ceil(journey.lanes.length / columns) } as React.CSSProperties}
      >
        {journey.lanes.map(renderLane)}
      </div>
    </>
  );
}

interface PhaseSlideProps {
  journey: Journey;
  step: PresentStep;
  /** each stage's speaker notes as the table's first row, under its name */
  notesShown: boolean;
  kicker: string;
  phaseName: string;
  formatScore: FormatScore;
}

/** One phase: its stages side by side, lanes as rows, card titles only. */
export function PhaseSlide({ journey, step, notesShown, kicker, phaseName, formatScore }: PhaseSlideProps) {
  const { t } = useTranslation();
  const labels = useCardLabels();
  const personas = useMemo(() => new Map(journey.personas.map((p) => [p.id, p])), [journey.personas]);
  const cells = useMemo(() => cardsByLane(journey, step.stageIds), [journey, step.stageIds]);
  const frame = useRef<HTMLDivElement>(null);
  const content = useMemo(() => ({ cells, notesShown }), [cells, notesShown]);
  useFitText(frame, content);
  const stages = step.stageIds.map((id) => journey.stages.find((s) => s.id === id)!);
  const lang = journey.locale;
  // the phase's feeling: the mean over its scored stages
  const scores = stages.map((s) => stageEmotion(journey, s.id)).filter((s): s is number => s !== null);
  const phaseScore = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
  const lineAbove = new Map(blueprintSegments(journey.lanes).flatMap((s) => (s.line ? [[s.lanes[0]!.id, s.line] as const] : [])));
  return (
    <>
      <SlideHead kicker={kicker} phaseColors={phaseStyle(journey, step.phase)} phaseName={phaseName} title={phaseName} lang={lang} score={phaseScore} formatScore={formatScore} />
      <div className="present-matrix-frame" ref={frame}>
        <table className="present-matrix" style={{ '--present-columns': stages.length } as React.CSSProperties}>
          <thead>
            <tr>
              <td className="present-matrix-corner" />
              {stages.map((stage) => (
                <th key={stage.id} scope="col" className="present-matrix-stage">
                  <span className="present-matrix-stage-name" lang={stage.name ? lang : undefined}>
                    {stage.name || t('canvas.untitledStage')}
                  </span>
                  <Feeling score={stageEmotion(journey, stage.id)} formatScore={formatScore} compact />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notesShown && (
              <tr className="present-matrix-notes">
                <th scope="row">{t('present.notes')}</th>
                {stages.map((stage) => (
                  <td key={stage.id} className={stage.description.trim() ? undefined : 'is-empty'}>
                    {stage.description.trim() ? <span lang={lang}>{stage.description.trim()}</span> : t('present.noNotes')}
                  </td>
                ))}
              </tr>
            )}
            {journey.lanes.map((lane) => (
              <Fragment key={lane.id}>
              {lineAbove.has(lane.id) && (
                <tr className={`present-blueprint-row is-${lineAbove.get(lane.id)!.id}`}>
                  <td colSpan={stages.length + 1}>
                    <BlueprintRule line={lineAbove.get(lane.id)!} />
                  </td>
                </tr>
              )}
              <tr className={`kind-${lane.kind}`} style={laneKindStyle(lane.kind)}>
                <th scope="row" className="present-matrix-lane">
                  <LaneName lane={lane} lang={lang} />
                </th>
                {stages.map((stage) => {
                  const cards = cells.get(`${stage.id}/${lane.id}`) ?? [];
                  return (
                    <td key={stage.id} className="present-matrix-cell">
                      {cards.length > 0 && (
                        <ul className="present-cards">
                          {cards.map((card) => (
                            <PresentCard
                              key={card.id}
                              card={card}
                              kind={lane.kind}
                              personas={personas}
                              labels={labels}
                              lang={lang}
                              formatScore={formatScore}
                              compact
                            />
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
