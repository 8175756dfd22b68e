import { HardDrive, Plus, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { spaceList, useSpaces } from '../../store/spaces';

/**
 * The library's places side by side: "This device" and each team space this device joined,
 * with how many people are in the space right now, and a button for a new space. Links, so a
 * space opens in a new tab with a middle click like a map does.
 */
export function PlaceTabs({ current, hrefOf, onOpen, onNewSpace }: { current: string | null; hrefOf(spaceId: string | null): string; onOpen(spaceId: string | null): void; onNewSpace(): void }) {
  const { t } = useTranslation();
  const spaces = spaceList(useSpaces((state) => state.spaces));
  const go = (spaceId: string | null) => (event: React.MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(spaceId);
  };
  return (
    <nav className="lib-places" aria-label={t('spaces.places.label')}>
      <ul>
        <li>
          <a className="lib-place" href={hrefOf(null)} aria-current={current === null ? 'page' : undefined} title={t('spaces.places.deviceHint')} onClick={go(null)}>
            <HardDrive size={15} aria-hidden="true" />
            <span>{t('spaces.places.device')}</span>
          </a>
        </li>
        {spaces.map(({ space, presence }) => (
          <li key={space.id}>
            <a className="lib-place" href={hrefOf(space.id)} aria-current={current === space.id ? 'page' : undefined} onClick={go(space.id)} data-space-id={space.id}>
              <Users size={15} aria-hidden="true" />
              <span className="lib-place-name">{space.name}</span>
              {presence.length > 0 && (
                <span className="lib-place-live" title={t('spaces.places.people', { count: presence.length })}>
                  <span className="sr-only">{t('spaces.places.people', { count: presence.length })}</span>
                  <span aria-hidden="true">{presence.length}</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className="lib-place-new" onClick={onNewSpace} aria-haspopup="dialog">
        <Plus size={15} aria-hidden="true" />
        {t('spaces.places.newSpace')}
      </button>
    </nav>
  );
}
