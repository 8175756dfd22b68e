import type { LinkRole, Role } from '../access/roles';
import type { RegisteredMap } from '../access/rooms';
import { API_SPACES, spaceAccessPath, spaceLinkPath, spaceMapsPath } from '../access/routes';
import type { CreatedSpace, SpaceMapListing } from '../access/spaces';
import { apiCall } from './api';

/**
 * The relay's API for spaces (README, "Spaces"); paths from the contract (src/access/routes.ts).
 * Errors are ShareApiErrors with the status (0: the relay could not be reached).
 */

export function createSpace(name: string): Promise<CreatedSpace> {
  return apiCall(API_SPACES, { method: 'POST', body: JSON.stringify({ name }) });
}

export interface SpaceMaps {
  name: string;
  role: Role;
  maps: SpaceMapListing[];
}

/** Any space token: the space's name, the role the token gives and the maps the relay lists in it. */
export function listSpaceMaps(spaceId: string, token: string): Promise<SpaceMaps> {
  return apiCall(spaceMapsPath(spaceId), { token });
}

export function spaceAccess(spaceId: string, token: string): Promise<{ role: Role; name: string }> {
  return apiCall(spaceAccessPath(spaceId), { token });
}

export interface AddedMap {
  id: string;
  addedAt: string;
  /** a map registered for the space: its own tokens (its creator owns it); null for a map moved in */
  registered: RegisteredMap | null;
}

/** Owner or edit: registers a new map in the space (the relay makes its tokens). */
export function addMapToSpace(spaceId: string, token: string, mapId: string): Promise<AddedMap> {
  return apiCall(spaceMapsPath(spaceId), { method: 'POST', token, body: JSON.stringify({ id: mapId }) });
}

/** Owner or edit, with the map's owner token: moves a shared map in; its content, rooms and map links stay. */
export function moveMapToSpace(spaceId: string, token: string, mapId: string, mapOwnerToken: string): Promise<AddedMap> {
  return apiCall(spaceMapsPath(spaceId), { method: 'POST', token, body: JSON.stringify({ id: mapId, ownerToken: mapOwnerToken }) });
}

export function rotateSpaceLink(spaceId: string, role: LinkRole, ownerToken: string): Promise<{ token: string }> {
  return apiCall(spaceLinkPath(spaceId, role, true), { method: 'POST', token: ownerToken });
}

export function revokeSpaceLink(spaceId: string, role: LinkRole, ownerToken: string): Promise<void> {
  return apiCall(spaceLinkPath(spaceId, role, false), { method: 'DELETE', token: ownerToken });
}
