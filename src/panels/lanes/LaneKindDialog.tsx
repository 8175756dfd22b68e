import { Check } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import { laneIcon, laneKindStyle } from '../../canvas';
import { laneKindDescriptor } from '../../model/laneKindLookup';
import { LANE_KINDS, type LaneKind } from '../../model/laneKinds';
import { updateLane } from '../../model/ops';
import { useEditor } from '../../store/editorStore';
import '../panels.css';
import './lanes.css';

/** The customer's side of a map first, then the service blueprint's rows, in the table's order. */
const GROUPS: readonly { key: 'customer' | 'blueprint'; kinds: readonly LaneKind[] }[] = [
  { key: 'customer', kinds: LANE_KINDS.filter((k) => laneKindDescriptor(k).blueprint === null) },
  { key: 'blueprint', kinds: LANE_KINDS.filter((k) => laneKindDescriptor(k).blueprint !== null) },
];

/**
 * "Lane type…": what kind of row a lane is (its look, its icon, whether it is a blueprint row and
 * where the blueprint's lines run), shown while `editor.dialog === 'laneKind'` for the lane whose
 * header was focused when it opened. Choosing a type applies it and closes; the cards stay.
 */
export function LaneKindDialog() {
  const open = useEditor((s) => s.dialog === 'laneKind' && !s.readOnly);
  const journey = useEditor((s) => s.journey);
  // the lane is fixed when the dialog opens: focus may move while it is open
  const [laneId] = useState(() => {
    const focus = useEditor.getState().focus;
    return focus?.kind === 'lane' ? focus.id : null;
  });
  const lane = journey?.lanes.find((l) => l.id === laneId);
  return open && journey && lane ? <LaneKindChoices laneId={lane.id} current={lane.kind} name={lane.name} /> : null;
}

function LaneKindChoices({ laneId, current, name }: { laneId: string; current: LaneKind; name: string }) {
  const { t } = useTranslation();
  const currentRef = useRef<HTMLButtonElement>(null);
  const close = () => useEditor.getState().setDialog(null);
  const choose = (kind: LaneKind) => {
    const doc = useEditor.getState().session?.doc;
    if (doc && kind !== current) updateLane(doc, laneId, { kind });
    close();
  };
  return (
    <ModalDialog
      title={t('panels.laneKind.title', { name: name || t(laneKindDescriptor(current).labelKey) })}
      closeLabel={t('panels.laneKind.close')}
      onClose={close}
      className="lk-dialog"
      initialFocus={currentRef}
    >
      <div className="lk-body">
        {GROUPS.map((group) => (
          <section key={group.key} className="lk-group" aria-labelledby={`lk-${group.key}`}>
            <h3 id={`lk-${group.key}`} className="lk-heading">
              {t(`panels.laneKind.groups.${group.key}`)}
            </h3>
            <ul className="lk-list">
              {group.kinds.map((kind) => {
                const Icon = laneIcon(kind);
                const chosen = kind === current;
                return (
                  <li key={kind}>
                    <button
                      ref={chosen ? currentRef : undefined}
                      type="button"
                      className={`lk-choice${chosen ? ' is-current' : ''}`}
                      style={laneKindStyle(kind)}
                      aria-pressed={chosen}
                      data-lane-kind={kind}
                      onClick={() => choose(kind)}
                    >
                      <span className="lk-icon" aria-hidden="true">
                        <Icon size={16} />
                      </span>
                      <span className="lk-name">{t(laneKindDescriptor(kind).labelKey)}</span>
                      {chosen && <Check className="lk-check" size={16} aria-hidden="true" />}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <p className="pn-hint lk-hint">{t('panels.laneKind.hint')}</p>
      </div>
    </ModalDialog>
  );
}
