/**
 * The PostgreSQL store's schema, as numbered steps applied in order at start-up (postgres.ts,
 * `migrate`). A step, once released, is never edited: a change to the schema is a new step at the
 * end. Each step runs in its own transaction together with its row in `waymark_migrations`, so a
 * crash half-way leaves the database at the last whole step.
 */
export interface Migration {
  /** 1, 2, 3…: the position in this list, stored in waymark_migrations */
  version: number;
  /** what it does, for the log and for waymark_migrations */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'rooms, access records, spaces and versions',
    sql: `
      -- each room's Yjs updates, append-only; compaction replaces a run of them with one.
      -- Order does not matter to Yjs (updates commute), the id only says which rows a compaction read.
      CREATE TABLE waymark_updates (
        id bigserial PRIMARY KEY,
        room text NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX waymark_updates_room ON waymark_updates (room, id);
      -- one registered map's access (server/store/types.ts AccessRecord). Records are JSON as text, not
      -- jsonb: jsonb refuses the NUL character in a string, which a peer may put in a name LevelDB keeps as is
      CREATE TABLE waymark_access (
        map_id text PRIMARY KEY,
        record text NOT NULL
      );
      -- one space (SpaceRecord)
      CREATE TABLE waymark_spaces (
        space_id text PRIMARY KEY,
        record text NOT NULL
      );
      -- a map room's versions: the index entry and its snapshot in one row, so they are stored and
      -- deleted together; seq keeps "the order stored" the index promises
      CREATE SEQUENCE waymark_versions_seq;
      CREATE TABLE waymark_versions (
        room text NOT NULL,
        id text NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('waymark_versions_seq'),
        entry text NOT NULL,
        snapshot bytea NOT NULL,
        PRIMARY KEY (room, id)
      );
      CREATE INDEX waymark_versions_order ON waymark_versions (room, seq);
    `,
  },
];
