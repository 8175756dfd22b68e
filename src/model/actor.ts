/**
 * Who writes to a map's feedback doc, as the relay sees it: the identity this device proves on
 * its connection, and whether it holds the owner's token. The relay applies every feedback update
 * of a non-owner to a copy of the room and drops the whole update — and closes the connection —
 * unless every change in it keeps these rules:
 *
 *   comments  a new comment carries authorId = my id; only its author changes its fields (text,
 *             mentions, cardId, parentId, author …) or deletes it; anyone with feedback rights
 *             sets `resolved` on any comment
 *   dots      a new dot carries voterId = my id; a dot is never changed; only its voter deletes it
 *   rounds    only the owner (the facilitator) writes them
 *   workshop  only the owner writes it (timer, presenter, presented stage)
 *
 * The owner may write anything. For a CRDT, a dropped update is worse than an error: everything
 * built on it later never arrives either. So the model's write functions take the writer and
 * refuse, without writing, what the relay would refuse: no caller can get it wrong.
 */
export interface FeedbackActor {
  /** my identity id (src/access/identity.ts: derived from the secret my connections prove) */
  id: string;
  /** holds the map's owner token (the facilitator), or the map is private: may write anything */
  owner: boolean;
}

/** May `by` change or delete a record written by `writerId` (a comment's authorId, a dot's voterId)? */
export function mayChangeRecordOf(by: FeedbackActor, writerId: unknown): boolean {
  return by.owner || (by.id !== '' && writerId === by.id);
}

/** The owner as a type: writes that only refuse non-owners always succeed for them. */
export type OwnerActor = FeedbackActor & { owner: true };
