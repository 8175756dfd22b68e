import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../model/limits';
import { runAction } from '../actions';
import { moveStageToPhase, setStageDetailMap, updateStage } from '../model/ops';
import { phaseNameKey, shownPhaseName } from '../model/phaseNames';
import type { Phase } from '../model/types';
import { useEditor } from '../store/editorStore';
import { DetailMapField, DetailMapReadFact } from './DetailMapField';
import { DraftTextarea, useTextDraft } from './fields';
import './panels.css';

/**
 * The side panel for a stage whose header was clicked: its name, phase and description (the
 * facilitator's notes when the map is presented).
 */
export function StageInspector({ stageId }: { stageId: string }) {
  const { t } = useTranslation();
  const stage = useEditor((s) => s.journey?.stages.find((x) => x.id === stageId));
  const phases = useEditor((s) => s.journey?.phases);
  const phaseName = (phase: Phase) => shownPhaseName(phase, t(phaseNameKey(phase.id)));
  const headingId = useId();
  const ids = { name: useId(), phase: useId(), description: useId(), descriptionHint: useId() };
  const write = (patch: Parameters<typeof updateStage>[2]) => {
    const doc = useEditor.getState().session?.doc;
    if (doc) updateStage(doc, stageId, patch);
  };
  const name = useTextDraft(stage?.name ?? '', (value) => write({ name: value }));
  const description = useTextDraft(stage?.description ?? '', (value) => write({ description: value }));
  const readOnly = useEditor((s) => s.readOnly);
  if (!stage) return null;
  if (readOnly) {
    // someone who may not change the stage reads it as text, not as disabled fields
    const shown = phases?.find((p) => p.id === stage.phase);
    const phase = shown ? phaseName(shown) : t(phaseNameKey(stage.phase));
    return (
      <section className="pn-panel" aria-labelledby={headingId}>
        <header className="pn-head">
          <h2 id={headingId}>{t('panels.stage.heading')}</h2>
        </header>
        <div className="pn-body pn-read">
          <p className="pn-read-title">{stage.name || t('canvas.untitledStage')}</p>
          <dl className="pn-meta pn-read-list">
            <div>
              <dt>{t('panels.stage.phase')}</dt>
              <dd>{phase}</dd>
            </div>
            <DetailMapReadFact value={stage.detailMapId} />
          </dl>
          {stage.description ? <p className="pn-read-body">{stage.description}</p> : <p className="pn-hint">{t('panels.read.stageNoDescription')}</p>}
        </div>
      </section>
    );
  }
  return (
    <section className="pn-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{t('panels.stage.heading')}</h2>
      </header>
      <div className="pn-body">
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.name}>
            {t('panels.stage.name')}
          </label>
          <input id={ids.name} className="pn-input" type="text" maxLength={LIMITS.name} value={name.text} onChange={(e) => name.onChange(e.target.value)} onBlur={name.onBlur} />
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.phase}>
            {t('panels.stage.phase')}
          </label>
          <select
            id={ids.phase}
            className="pn-input"
            value={stage.phase}
            onChange={(e) => {
              // into the phase and next to its stages, so the phase stays one band
              const doc = useEditor.getState().session?.doc;
              if (doc) moveStageToPhase(doc, stageId, e.target.value);
            }}
          >
            {(phases ?? []).map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phaseName(phase)}
              </option>
            ))}
          </select>
          <button type="button" className="pn-button pn-field-action" onClick={() => runAction('structure.managePhases', { t })}>
            {t('panels.stage.managePhases')}
          </button>
        </div>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.description}>
            {t('panels.stage.description')}
          </label>
          <DraftTextarea id={ids.description} rows={5} maxLength={LIMITS.description} aria-describedby={ids.descriptionHint} draft={description} />
          <p className="pn-hint" id={ids.descriptionHint}>
            {t('panels.stage.descriptionHint')}
          </p>
        </div>
        <DetailMapField
          value={stage.detailMapId}
          onChange={(mapId) => {
            const doc = useEditor.getState().session?.doc;
            if (doc) setStageDetailMap(doc, stageId, mapId);
          }}
        />
      </div>
    </section>
  );
}
