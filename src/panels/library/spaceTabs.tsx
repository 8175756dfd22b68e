import { LayoutGrid, Lightbulb, UsersRound } from 'lucide-react';
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The views of a team space in the library, one entry each: its maps, and the cross-map views
 * that read every map of the space. The view shown is in the address (`?view=…`), so a reload,
 * the back button and a shared address keep it.
 */
export const SPACE_TABS = [
  { id: 'maps', icon: LayoutGrid },
  { id: 'personas', icon: UsersRound },
  { id: 'opportunities', icon: Lightbulb },
] as const satisfies readonly { id: string; icon: ComponentType<{ size?: number }> }[];
export type SpaceTab = (typeof SPACE_TABS)[number]['id'];

const isTab = (value: string | null): value is SpaceTab => SPACE_TABS.some((tab) => tab.id === value);

function tabFromAddress(): SpaceTab {
  const view = new URLSearchParams(location.search).get('view');
  return isTab(view) ? view : 'maps';
}

/** The space view shown, read from and written to the address. */
export function useSpaceTab(): [SpaceTab, (tab: SpaceTab) => void] {
  const [tab, setTabState] = useState<SpaceTab>(tabFromAddress);
  useEffect(() => {
    const onPop = () => setTabState(tabFromAddress());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setTab = useCallback((next: SpaceTab) => {
    const url = new URL(location.href);
    if (next === 'maps') url.searchParams.delete('view');
    else url.searchParams.set('view', next);
    history.replaceState(history.state, '', url.pathname + url.search);
    setTabState(next);
  }, []);
  return [tab, setTab];
}

export function SpaceTabBar({ current, onChange }: { current: SpaceTab; onChange(tab: SpaceTab): void }) {
  const { t } = useTranslation();
  return (
    <div className="lib-space-tabs" role="tablist" aria-label={t('spaces.tabs.label')}>
      {SPACE_TABS.map(({ id, icon: Icon }) => (
        <button key={id} type="button" role="tab" aria-selected={current === id} className="lib-space-tab" onClick={() => onChange(id)}>
          <Icon size={15} aria-hidden="true" />
          {t(`spaces.tabs.${id}`)}
        </button>
      ))}
    </div>
  );
}
