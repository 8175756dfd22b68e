import { Cloud, CloudOff, FolderInput, HardDrive, LogOut, Plus, UserPlus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personaInitials } from '../../model/personaHeader';
import type { MapEntry } from '../../store/library';
import { useSpaces, type SpaceState } from '../../store/spaces';
import { MoveMapsDialog } from './MoveMapsDialog';
import { SpaceLinksDialog } from './SpaceLinksDialog';
import { SpaceMaps } from './SpaceMaps';
import { OpportunityBoard } from './board/OpportunityBoard';
import { SpacePersonas } from './personas/SpacePersonas';
import { SpaceTabBar, useSpaceTab } from './spaceTabs';
import { ExportSpaceButton } from './spaceFiles';
import { formatBytes } from './text';

export interface SpaceViewProps {
  spaceId: string;
  now: number;
  /** this device's own maps (not in any space), for "Add maps from this device" */
  deviceMaps: readonly MapEntry[];
  mapHref?(mapId: string): string;
  /** open a map in the editor, at a card when given */
  onOpenMap(mapId: string, cardId?: string): void;
  onNewMap(): void;
  onLeft(): void;
}

/**
 * A team space in the library: its maps as tiles (from the space's index document, live), who is
 * where right now, search over titles and card text, filters by persona, phase, tag and who
 * changed a map last, archived maps on request; and, by role, inviting people, adding this
 * device's maps and making new ones.
 */
export function SpaceView({ spaceId, now, deviceMaps, mapHref, onOpenMap, onNewMap, onLeft }: SpaceViewProps) {
  const { t } = useTranslation();
  const state = useSpaces((s) => s.spaces[spaceId]);
  const ready = useSpaces((s) => s.ready);
  const joining = useSpaces((s) => (s.joining?.spaceId === spaceId ? s.joining : null));
  if (!state) {
    const message = joining
      ? joining.result === null
        ? t('spaces.join.joining')
        : joining.result === 'invalid'
          ? t('spaces.join.invalid')
          : t('spaces.join.unreachable')
      : ready
        ? null
        : t('spaces.join.joining');
    return (
      <section className="lib-empty" aria-labelledby="lib-heading">
        <div className="lib-empty-intro">
          <h1 id="lib-heading">{message && joining?.result !== 'invalid' && joining?.result !== 'unreachable' ? message : t('spaces.space.notFound.title')}</h1>
          <p role={joining?.result ? 'alert' : 'status'}>{message ?? t('spaces.space.notFound.body')}</p>
        </div>
      </section>
    );
  }
  return <JoinedSpaceView state={state} now={now} deviceMaps={deviceMaps} mapHref={mapHref} onOpenMap={onOpenMap} onNewMap={onNewMap} onLeft={onLeft} />;
}

function JoinedSpaceView({ state, now, deviceMaps, mapHref, onOpenMap, onNewMap, onLeft }: Omit<SpaceViewProps, 'spaceId'> & { state: SpaceState }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const { space, index, status, listed, presence } = state;
  const mayEdit = space.role === 'owner' || space.role === 'edit';
  const [linksOpen, setLinksOpen] = useState(false);
  const [moveOpen, setMoveOpen] = useState(false);
  const [bytes, setBytes] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void service?.storageBytes(space.id).then((size) => current && setBytes(size), () => undefined);
    return () => {
      current = false;
    };
  }, [service, space.id, index.maps.length, listed]);

  const [tab, setTab] = useSpaceTab();
  const live = index.maps.filter((entry) => !entry.archived).length;

  /** opens a map of the space (at a card, from the board or a search) with the space's rights */
  const open = (mapId: string, cardId?: string) => {
    service?.prepareMap(space.id, mapId);
    onOpenMap(mapId, cardId);
  };
  const leave = async () => {
    if (!window.confirm(t('spaces.space.leaveConfirm', { name: space.name }))) return;
    await service?.leave(space.id);
    onLeft();
  };

  return (
    <>
      <div className="lib-head lib-space-head">
        <div>
          <h1 id="lib-heading">{space.name}</h1>
          <p className="lib-count">
            <span className="lib-space-role">{t(`spaces.space.roles.${space.role}`)}</span>
            <span className={`lib-space-status is-${status}`}>
              {status === 'synced' ? <Cloud size={14} aria-hidden="true" /> : <CloudOff size={14} aria-hidden="true" />}
              {t(`spaces.space.status.${status}`)}
            </span>
            <span>{t('spaces.space.count', { count: live })}</span>
            {bytes !== null && (
              <span className="lib-space-stored">
                <HardDrive size={13} aria-hidden="true" />
                {t('spaces.space.stored', { size: formatBytes(bytes) })}
              </span>
            )}
          </p>
          {presence.length > 0 && (
            <ul className="lib-space-people" aria-label={t('spaces.places.people', { count: presence.length })}>
              {presence.map((person) => (
                <li key={person.id} className="lib-avatar" style={{ background: person.color }} title={person.name}>
                  <span aria-hidden="true">{personaInitials(person.name)}</span>
                  <span className="sr-only">{person.name}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="lib-space-actions">
          {space.role === 'owner' && (
            <button type="button" className="lib-button-secondary" onClick={() => setLinksOpen(true)} aria-haspopup="dialog">
              <UserPlus size={16} aria-hidden="true" />
              {t('spaces.space.invite')}
            </button>
          )}
          {mayEdit && (
            <button type="button" className="lib-button-secondary" onClick={() => setMoveOpen(true)} aria-haspopup="dialog">
              <FolderInput size={16} aria-hidden="true" />
              {t('spaces.space.addFromDevice')}
            </button>
          )}
          {mayEdit && (
            <button type="button" className="lib-button-primary" onClick={onNewMap} aria-haspopup="dialog">
              <Plus size={16} aria-hidden="true" />
              {t('spaces.space.newMap')}
            </button>
          )}
          <ExportSpaceButton spaceId={space.id} name={space.name} />
          <button type="button" className="lib-icon-button" onClick={() => void leave()} title={t('spaces.space.leave')} aria-label={t('spaces.space.leave')}>
            <LogOut size={16} aria-hidden="true" />
          </button>
        </div>
      </div>

      <SpaceTabBar current={tab} onChange={setTab} />
      {tab === 'maps' && <SpaceMaps state={state} now={now} mapHref={mapHref} onOpen={open} />}
      {tab === 'opportunities' && <OpportunityBoard state={state} onOpen={open} />}
      {tab === 'personas' && <SpacePersonas state={state} onOpenMap={open} />}

      <SpaceLinksDialog open={linksOpen} space={space} onClose={() => setLinksOpen(false)} />
      <MoveMapsDialog open={moveOpen} spaceId={space.id} maps={deviceMaps} onClose={() => setMoveOpen(false)} />
    </>
  );
}
