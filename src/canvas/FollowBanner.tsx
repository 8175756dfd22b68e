import { Crosshair } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../actions';
import { useEditor } from '../store/editorStore';
import { someoneElsePresents } from '../store/follow';

/**
 * "Following Ana" over the canvas while someone else leads the workshop: says why the view
 * moves by itself, and offers to stop (or, after panning away, to follow again).
 */
export function FollowBanner() {
  const { t } = useTranslation();
  const presenter = useEditor((s) => s.feedback.presenter);
  const me = useEditor((s) => s.identity?.id ?? null);
  const following = useEditor((s) => s.following);
  if (!presenter || !someoneElsePresents(presenter, me)) return null;
  return (
    <div className={`follow-banner${following ? ' is-following' : ''}`} role="status">
      <Crosshair size={15} aria-hidden="true" />
      <span>{t(following ? 'workshop.leading.following' : 'workshop.leading.notFollowing', { name: presenter.name })}</span>
      <button
        type="button"
        onClick={() => (following ? useEditor.getState().setFollowing(false) : runAction('workshop.follow'))}
      >
        {t(following ? 'workshop.leading.stopFollowing' : 'workshop.leading.follow')}
      </button>
    </div>
  );
}
