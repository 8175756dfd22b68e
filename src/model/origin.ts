/**
 * The transaction origin of edits made by this user in this tab. The undo manager tracks only
 * this origin, so undo never reverts a collaborator's edit, a sync from the relay or a load
 * from local storage (each of those uses its own origin).
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('waymark:local');
