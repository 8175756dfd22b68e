import { ChevronLeft, ChevronRight, Maximize, Minimize, NotebookText, X } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, PhaseId } from '../model/types';
import { phaseNameKey, shownPhaseName } from '../model/phaseNames';
import { canFullscreen, enterFullscreen, exitFullscreen, isFullscreen } from './fullscreen';
import { PhaseSlide, StageSlide } from './PresentSlide';
import { ProgressStrip } from './ProgressStrip';
import { presentCommand, presentSteps, resolveStep, stepAfter, type PresentMode } from './steps';
import './present.css';

/** Where the presenter was, from the address: ?stage=<id>&by=phase survives a reload. */
function readPosition(): { stageId: string | null; mode: PresentMode } {
  const params = new URLSearchParams(location.search);
  return { stageId: params.get('stage'), mode: params.get('by') === 'phase' ? 'phase' : 'stage' };
}

function writePosition(stageId: string | null, mode: PresentMode): void {
  const params = new URLSearchParams();
  if (stageId) params.set('stage', stageId);
  if (mode === 'phase') params.set('by', 'phase');
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
}

const NOTES_KEY = 'waymark:present-notes';

function notesInitiallyShown(): boolean {
  try {
    return localStorage.getItem(NOTES_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

type Direction = 'forward' | 'back' | 'none';

export interface PresentationProps {
  journey: Journey;
  onLeave(): void;
  /** while following a presenter: the stage they show, which this presentation shows too */
  followStageId?: string | null;
  /** the stage now on screen, for the people following me */
  onStageShown?(stageId: string): void;
  /** the workshop's overlay (timer, vote, "Following …"), drawn over the slides */
  children?: React.ReactNode;
}

/**
 * Present mode for one map, stage by stage or phase by phase. Read-only: nothing here writes
 * to the map. Runs inside the editor screen, so it presents the doc the editor has open,
 * offline or live, and shares its connection for following.
 */
export function Presentation({ journey, onLeave: leaveTo, followStageId, onStageShown, children }: PresentationProps) {
  const { t, i18n } = useTranslation();
  // Esc can arrive twice, as a key and as the browser leaving full screen: leave once
  const left = useRef(false);
  const onLeave = useCallback(() => {
    if (left.current) return;
    left.current = true;
    leaveTo();
  }, [leaveTo]);
  const initial = useMemo(readPosition, []);
  const [mode, setMode] = useState<PresentMode>(initial.mode);
  /** the presenter's place is a stage, so switching modes or another tab's edits keep it */
  const [anchor, setAnchor] = useState<string | null>(initial.stageId);
  const lastIndex = useRef(0);
  const [direction, setDirection] = useState<Direction>('none');
  const [notesShown, setNotesShown] = useState(notesInitiallyShown);
  const [fullscreen, setFullscreen] = useState(isFullscreen);
  const root = useRef<HTMLDivElement>(null);

  const steps = useMemo(() => presentSteps(journey, mode), [journey, mode]);
  const index = resolveStep(steps, anchor, lastIndex.current);
  lastIndex.current = index;
  const step = steps[index]!;
  const stages = useMemo(() => new Map(journey.stages.map((s, i) => [s.id, { stage: s, number: i + 1 }])), [journey.stages]);

  const phaseName = useCallback(
    (phase: PhaseId) => shownPhaseName(journey.phases.find((p) => p.id === phase) ?? { id: phase, name: '' }, t(phaseNameKey(phase))),
    [journey.phases, t],
  );
  const stageName = (id: string) => stages.get(id)?.stage.name || t('canvas.untitledStage');

  const title = mode === 'stage' ? stageName(step.stageIds[0]!) : phaseName(step.phase);
  const position = { index: index + 1, count: steps.length };
  const announcement = t(mode === 'stage' ? 'present.announceStage' : 'present.announcePhase', { ...position, name: title });

  useEffect(() => writePosition(step.stageIds[0]!, mode), [step, mode]);
  useEffect(() => onStageShown?.(step.stageIds[0]!), [step, onStageShown]);

  useEffect(() => {
    const mapTitle = journey.title || t('app.untitledMap');
    document.title = `${t('present.documentTitle', { title: mapTitle })} · Waymark`;
  }, [journey.title, t]);
  useEffect(
    () => () => {
      document.title = 'Waymark';
    },
    [],
  );

  const goTo = useCallback(
    (next: number) => {
      if (next < 0 || next >= steps.length || next === index) return;
      setDirection(next > index ? 'forward' : 'back');
      setAnchor(steps[next]!.stageIds[0]!);
    },
    [steps, index],
  );

  // a follower's slides go where the presenter's go
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  useEffect(() => {
    if (!followStageId) return;
    const target = steps.findIndex((s) => s.stageIds.includes(followStageId));
    if (target >= 0) goToRef.current(target);
  }, [followStageId, steps]);

  const goToStage = (stageId: string) => {
    const target = steps.findIndex((s) => s.stageIds.includes(stageId));
    goTo(target);
  };

  const toggleMode = useCallback(() => {
    setDirection('none');
    // the stage in view stays the anchor: phase mode shows its phase, stage mode the phase's first stage
    setAnchor(step.stageIds[0]!);
    setMode((m) => (m === 'stage' ? 'phase' : 'stage'));
  }, [step]);

  const toggleNotes = useCallback(() => {
    setNotesShown((shown) => {
      try {
        localStorage.setItem(NOTES_KEY, shown ? 'hidden' : 'shown');
      } catch {
        // storage refused: the choice lasts for this presentation
      }
      return !shown;
    });
  }, []);

  /** set while we leave full screen ourselves, so that is not mistaken for the presenter's Esc */
  const leavingFullscreenOnPurpose = useRef(false);
  const toggleFullscreen = useCallback(() => {
    if (isFullscreen()) {
      leavingFullscreenOnPurpose.current = true;
      void exitFullscreen();
    } else {
      void enterFullscreen();
    }
  }, []);

  const latest = useRef({ index, count: steps.length, goTo, toggleMode, toggleNotes, toggleFullscreen, onLeave });
  latest.current = { index, count: steps.length, goTo, toggleMode, toggleNotes, toggleFullscreen, onLeave };

  // a layout effect, so the keys work from the moment the first slide is on screen
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = presentCommand(event);
      if (!command) return;
      // Space and Enter on a focused button press that button
      const onButton = event.target instanceof HTMLElement && event.target.closest('button, a, select, input, textarea') !== null;
      if (onButton && (event.key === ' ' || event.key === 'Enter')) return;
      if (event.repeat && !['next', 'previous'].includes(command)) return;
      event.preventDefault();
      const now = latest.current;
      switch (command) {
        case 'next':
        case 'previous':
        case 'first':
        case 'last':
          now.goTo(stepAfter(command, now.index, now.count));
          break;
        case 'exit':
          now.onLeave();
          break;
        case 'toggleNotes':
          now.toggleNotes();
          break;
        case 'toggleMode':
          now.toggleMode();
          break;
        case 'toggleFullscreen':
          now.toggleFullscreen();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    // In full screen the browser keeps Esc to itself and leaves full screen; for the presenter
    // that Esc means "stop presenting", as it does when not in full screen.
    const onChange = () => {
      const now = isFullscreen();
      setFullscreen(now);
      if (!now && !leavingFullscreenOnPurpose.current && document.visibilityState === 'visible') latest.current.onLeave();
      leavingFullscreenOnPurpose.current = false;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      // the editor is not shown in full screen
      leavingFullscreenOnPurpose.current = true;
      void exitFullscreen();
    };
  }, []);

  useLayoutEffect(() => {
    root.current?.focus({ preventScroll: true });
  }, []);

  const score = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const previousLabel = t(mode === 'stage' ? 'present.previousStage' : 'present.previousPhase');
  const nextLabel = t(mode === 'stage' ? 'present.nextStage' : 'present.nextPhase');
  const notes = step.stageIds.map((id) => ({ id, text: stages.get(id)?.stage.description.trim() ?? '' }));

  return (
    // the whole page, not a region: its header, main and footer are the page's landmarks
    <div className={`present is-${mode}`} ref={root} tabIndex={-1}>
      <header className="present-bar">
        <p className="present-map-title" lang={journey.locale}>{journey.title || t('app.untitledMap')}</p>
        <p className="present-keys" aria-hidden="true">
          {t('present.keys')}
        </p>
        <div className="present-controls">
          <div className="present-mode" role="group" aria-label={t('present.mode.label')}>
            {(['stage', 'phase'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className="present-mode-button"
                aria-pressed={mode === m}
                aria-keyshortcuts="P"
                onClick={() => mode !== m && toggleMode()}
              >
                {t(`present.mode.${m}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="present-icon-button"
            aria-pressed={notesShown}
            aria-label={t('present.notes')}
            aria-keyshortcuts="N"
            title={`${t('present.notes')} (N)`}
            onClick={toggleNotes}
          >
            <NotebookText aria-hidden="true" />
          </button>
          {canFullscreen() && (
            <button
              type="button"
              className="present-icon-button"
              aria-label={fullscreen ? t('present.exitFullscreen') : t('present.fullscreen')}
              aria-keyshortcuts="F"
              title={`${fullscreen ? t('present.exitFullscreen') : t('present.fullscreen')} (F)`}
              onClick={toggleFullscreen}
            >
              {fullscreen ? <Minimize aria-hidden="true" /> : <Maximize aria-hidden="true" />}
            </button>
          )}
          <button
            type="button"
            className="present-icon-button"
            aria-label={t('present.exit')}
            aria-keyshortcuts="Escape"
            title={`${t('present.exit')} (Esc)`}
            onClick={onLeave}
          >
            <X aria-hidden="true" />
          </button>
        </div>
      </header>

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <main className="present-stage-area">
        <div key={step.key} className={`present-slide enter-${direction}`}>
          {mode === 'stage' ? (
            <StageSlide
              journey={journey}
              stageId={step.stageIds[0]!}
              kicker={t('present.stageOf', position)}
              phaseName={phaseName(step.phase)}
              formatScore={score.format}
            />
          ) : (
            <PhaseSlide
              journey={journey}
              step={step}
              notesShown={notesShown}
              kicker={t('present.phaseOf', position)}
              phaseName={phaseName(step.phase)}
              formatScore={score.format}
            />
          )}
        </div>
      </main>

      {/* phase by phase, the notes are a row of the table, each under its stage */}
      {notesShown && mode === 'stage' && (
        <aside className="present-notes" aria-label={t('present.notes')}>
          <h2 className="present-notes-label">{t('present.notes')}</h2>
          <div className="present-notes-body">
            {notes.map((note) => (
              <p key={note.id} className={note.text ? undefined : 'is-empty'}>
                {note.text ? <span lang={journey.locale}>{note.text}</span> : t('present.noNotes')}
              </p>
            ))}
          </div>
        </aside>
      )}

      <footer className="present-footer">
        <button
          type="button"
          className="present-step-button"
          aria-label={previousLabel}
          aria-keyshortcuts="ArrowLeft PageUp Shift+Space"
          title={previousLabel}
          disabled={index === 0}
          onClick={() => goTo(index - 1)}
        >
          <ChevronLeft aria-hidden="true" />
        </button>
        <ProgressStrip
          journey={journey}
          currentStageIds={step.stageIds}
          phaseName={phaseName}
          stageName={stageName}
          onStage={goToStage}
        />
        <button
          type="button"
          className="present-step-button"
          aria-label={nextLabel}
          aria-keyshortcuts="ArrowRight PageDown Space"
          title={nextLabel}
          disabled={index === steps.length - 1}
          onClick={() => goTo(index + 1)}
        >
          <ChevronRight aria-hidden="true" />
        </button>
      </footer>
      {children}
    </div>
  );
}
