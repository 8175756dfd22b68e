import { ArrowDown, ArrowUp, Check, Plus, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog, runAction } from '../../actions';
import { LIMITS } from '../../model/limits';
import { canDeletePhase, phaseTakingOver, recolourPhase, renamePhase } from '../../model/ops';
import { phaseNameKey, shownPhaseName } from '../../model/phaseNames';
import { PHASE_PALETTE } from '../../model/phases';
import type { Journey, Phase } from '../../model/types';
import { useEditor } from '../../store/editorStore';
import { useTextDraft } from '../fields';
import '../panels.css';
import './phases.css';

/** "Manage phases": shown while `editor.dialog === 'phases'`, to people who may edit the map. */
export function PhaseManager() {
  const open = useEditor((s) => s.dialog === 'phases' && !s.readOnly);
  const journey = useEditor((s) => s.journey);
  return open && journey ? <PhaseManagerDialog journey={journey} /> : null;
}

function PhaseManagerDialog({ journey }: { journey: Journey }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const phases = journey.phases;

  // a phase added while the dialog is open gets the focus, its name selected, ready to type over
  const known = useRef(new Set(phases.map((p) => p.id)));
  useEffect(() => {
    const added = phases.find((p) => !known.current.has(p.id));
    known.current = new Set(phases.map((p) => p.id));
    if (!added) return;
    const input = dialogRef.current?.querySelector<HTMLInputElement>(`input[data-phase-name="${CSS.escape(added.id)}"]`);
    input?.focus();
    input?.select();
  }, [phases]);

  const stageCounts = new Map<string, number>();
  for (const s of journey.stages) stageCounts.set(s.phase, (stageCounts.get(s.phase) ?? 0) + 1);

  return (
    <ModalDialog
      title={t('panels.phases.title')}
      closeLabel={t('panels.phases.close')}
      onClose={() => useEditor.getState().setDialog(null)}
      className="ph-dialog"
      dialogRef={dialogRef}
    >
      <div className="ph-body">
        <p className="pn-hint ph-intro">{t('panels.phases.intro')}</p>
        <ol className="ph-list">
          {phases.map((phase, i) => (
            <PhaseRow
              key={phase.id}
              phase={phase}
              first={i === 0}
              last={i === phases.length - 1}
              stageCount={stageCounts.get(phase.id) ?? 0}
              heir={phaseTakingOver(phases, phase.id)}
            />
          ))}
        </ol>
        <button
          type="button"
          className="pn-button ph-add"
          disabled={phases.length >= LIMITS.phases}
          onClick={() => runAction('structure.addPhase', { t })}
        >
          <Plus size={16} aria-hidden="true" />
          {t('panels.phases.add')}
        </button>
      </div>
    </ModalDialog>
  );
}

interface PhaseRowProps {
  phase: Phase;
  first: boolean;
  last: boolean;
  stageCount: number;
  /** where its stages go when it is deleted */
  heir: Phase | null;
}

function PhaseRow({ phase, first, last, stageCount, heir }: PhaseRowProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const hintId = useId();
  const shown = shownPhaseName(phase, t(phaseNameKey(phase.id)));
  const withDoc = (fn: (doc: NonNullable<ReturnType<typeof useEditor.getState>['session']>['doc']) => void) => {
    const doc = useEditor.getState().session?.doc;
    if (doc) fn(doc);
  };
  // a default phase never renamed shows its name in the reader's language; typing one keeps it as typed
  const name = useTextDraft(shown, (value) => withDoc((doc) => renamePhase(doc, phase.id, value)));
  const target = { kind: 'phase' as const, id: phase.id };
  const deletable = canDeletePhase(phase.id);
  const heirName = heir ? shownPhaseName(heir, t(phaseNameKey(heir.id))) : '';
  return (
    <li className="ph-row" data-phase-row={phase.id}>
      <span className="ph-chip" style={{ background: phase.color }} aria-hidden="true" />
      <div className="ph-main">
        <div className="ph-line">
          <label className="pn-visually-hidden" htmlFor={nameId}>
            {t('panels.phases.name')}
          </label>
          <input
            id={nameId}
            data-phase-name={phase.id}
            className="pn-input ph-name"
            type="text"
            maxLength={LIMITS.name}
            value={name.text}
            placeholder={t('canvas.untitledPhase')}
            onChange={(e) => name.onChange(e.target.value)}
            onBlur={name.onBlur}
          />
          <span className="ph-count">{t('panels.phases.stages', { count: stageCount })}</span>
          <button
            type="button"
            className="pn-icon-button"
            disabled={first}
            aria-label={t('panels.phases.moveEarlier', { name: shown })}
            title={t('panels.phases.moveEarlier', { name: shown })}
            onClick={() => runAction('structure.movePhaseLeft', { target, t })}
          >
            <ArrowUp size={16} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="pn-icon-button"
            disabled={last}
            aria-label={t('panels.phases.moveLater', { name: shown })}
            title={t('panels.phases.moveLater', { name: shown })}
            onClick={() => runAction('structure.movePhaseRight', { target, t })}
          >
            <ArrowDown size={16} aria-hidden="true" />
          </button>
          {deletable ? (
            <button
              type="button"
              className="pn-icon-button ph-delete"
              aria-label={t('panels.phases.delete', { name: shown })}
              aria-describedby={hintId}
              title={t('panels.phases.delete', { name: shown })}
              onClick={() => runAction('structure.deletePhase', { target, t })}
            >
              <Trash2 size={16} aria-hidden="true" />
            </button>
          ) : (
            <span className="ph-standard" title={t('panels.phases.standardHint')}>
              {t('panels.phases.standard')}
            </span>
          )}
        </div>
        <fieldset className="ph-colors">
          <legend className="pn-visually-hidden">{t('panels.phases.color', { name: shown })}</legend>
          <div className="pn-swatches">
            {PHASE_PALETTE.map((c) => (
              <label key={c.key} className="pn-swatch ph-swatch" title={t(`panels.phases.colors.${c.key}`)}>
                <input
                  type="radio"
                  name={`phase-color-${phase.id}`}
                  checked={phase.color.toLowerCase() === c.hex}
                  onChange={() => withDoc((doc) => recolourPhase(doc, phase.id, c.hex))}
                  aria-label={t(`panels.phases.colors.${c.key}`)}
                />
                <span aria-hidden="true" style={{ background: c.hex }}>
                  <Check size={12} strokeWidth={3} />
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {deletable && (
          <p className="pn-hint ph-hint" id={hintId}>
            {stageCount > 0 ? t('panels.phases.deleteMoves', { count: stageCount, phase: heirName }) : t('panels.phases.deleteEmpty')}
          </p>
        )}
      </div>
    </li>
  );
}
