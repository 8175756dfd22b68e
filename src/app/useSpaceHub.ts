import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import type { WaymarkDB } from '../storage';
import { useSpaces } from '../store/spaces';
import { tokenFromFragment } from '../sync/shares';
import { deviceIdentityFor } from './deviceIdentity';
import { setSpaceHub, SpaceHub } from './spaceHub';

/** Starts the space hub once the database is known (null: still opening) and stops it with the app. */
export function useSpaceHub(database: { db: WaymarkDB | null } | null, t: TFunction): void {
  const tRef = useRef(t);
  tRef.current = t;
  const known = database !== null;
  const db = database?.db ?? null;
  useEffect(() => {
    if (!known) return;
    const hub = new SpaceHub(db, () => deviceIdentityFor(tRef.current));
    setSpaceHub(hub);
    void hub.start();
    return () => {
      setSpaceHub(null);
      hub.destroy();
    };
  }, [known, db]);
}

/**
 * A space link being opened (`/space/<id>#token=…`): the token leaves the address bar at once and
 * this device joins the space with it. What came of it is in `useSpaces`' `joinResult`.
 */
export function useSpaceLink(spaceId: string | null): void {
  const service = useSpaces((state) => state.service);
  useEffect(() => {
    if (!spaceId || !service) return;
    const token = tokenFromFragment(location.hash);
    if (!token) return;
    history.replaceState(history.state, '', location.pathname);
    useSpaces.setState({ joining: { spaceId, result: null } });
    void service.join(spaceId, token).then((result) => useSpaces.setState({ joining: { spaceId, result } }));
  }, [spaceId, service]);
}
