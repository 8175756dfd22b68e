import { Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { dismissMoveHint, useHints } from '../store/hints';

/**
 * Shown once per device, right after a drag first moves a card: a hand that meant to pan learns
 * at that moment how to undo it and how to pan without touching cards.
 */
export function MoveHint() {
  const { t } = useTranslation();
  const open = useHints((s) => s.moveHint);
  if (!open) return null;
  return (
    <div className="move-hint" role="status">
      <Hand size={16} aria-hidden="true" />
      <span>{t('canvas.moveHint.text')}</span>
      <button type="button" onClick={dismissMoveHint}>
        {t('canvas.moveHint.dismiss')}
      </button>
    </div>
  );
}
