import type { FeedbackActor, OwnerActor } from '../../src/model/actor';

/**
 * Writers of a feedback doc for tests (src/model/actor.ts). OWNER writes whatever a test names
 * (author and voter ids included), as the map's owner may: fixtures, imports, a facilitator.
 */
export const OWNER: OwnerActor = { id: '', owner: true };

/** Someone who is not the owner: a comment or edit link, writing as `id` only. */
export const participant = (id: string): FeedbackActor => ({ id, owner: false });

/** The owner writing as themselves (their comments carry their id). */
export const facilitator = (id: string): OwnerActor => ({ id, owner: true });
