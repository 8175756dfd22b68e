import { Plus } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';

/** The + after the last stage header: the add-stage action, at the end of the map. */
export const AddStageNode = memo(function AddStageNode() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="add-structure add-stage nodrag"
      aria-label={t('canvas.addStage')}
      title={t('canvas.addStage')}
      onClick={() => runAction('structure.addStage', { target: { kind: 'map' }, t })}
    >
      <Plus size={18} aria-hidden="true" />
    </button>
  );
});

/** The + below the last lane header: the add-lane action, at the bottom of the map. */
export const AddLaneNode = memo(function AddLaneNode() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="add-structure add-lane nodrag"
      onClick={() => runAction('structure.addLane', { target: { kind: 'map' }, t })}
    >
      <Plus size={16} aria-hidden="true" />
      {t('canvas.addLane')}
    </button>
  );
});
