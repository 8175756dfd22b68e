import { EyeOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../actions';
import { isBlueprintKind } from '../model/blueprint';
import { useEditor } from '../store/editorStore';

/**
 * A quiet note at the canvas's bottom left while this device hides the map's blueprint lanes,
 * so nobody takes the customer-only view for the whole map, with the way back one click away.
 */
export function BlueprintHiddenNote() {
  const { t } = useTranslation();
  const count = useEditor((s) => (s.blueprintHidden ? (s.journey?.lanes.filter((l) => isBlueprintKind(l.kind)).length ?? 0) : 0));
  if (count === 0) return null;
  return (
    <div className="blueprint-hidden-note" role="status">
      <EyeOff size={14} aria-hidden="true" />
      <span>{t('canvas.blueprint.hidden', { count })}</span>
      <button type="button" onClick={() => runAction('view.toggleBlueprint')}>
        {t('canvas.blueprint.show')}
      </button>
    </div>
  );
}
