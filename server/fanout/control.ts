import type { Logger } from 'pino';
import type { Role } from '../../src/access/roles';
import type { AccessControl } from '../auth';
import type { SpaceAccess } from '../spaces';
import type { RelayStore } from '../store';
import type { RedisConnections } from './connections';
import type { FanoutMetrics } from './metrics';
import type { StreamEntry, StreamReader } from './streamReader';
import { lastIdOf } from './roomStreams';

/** The control stream: access changes every process must follow. */
export const CONTROL_STREAM = 'waymark:control';
/** changes are applied within moments; a process behind more than this re-checks everything (see `recover`) */
const CONTROL_MAX_LENGTH = 10_000;

/**
 * What one process changed and the others must follow: `access`/`space` (a record was written:
 * drop the cached copy), `revoked`/`spaceRevoked` (a link's token stopped working: close its
 * connections), `lock` (a map was locked or unlocked: tell its connections).
 */
type Change =
  | { kind: 'access'; key: string }
  | { kind: 'space'; spaceId: string }
  | { kind: 'revoked'; key: string; role: Role }
  | { kind: 'spaceRevoked'; spaceId: string; role: Role }
  | { kind: 'lock'; key: string; locked: boolean };

/** What the relay does with an access change (relay.ts, as auth.ts and spaces.ts call it). */
export interface AccessFollowers {
  revoked(key: string, role: Role): void;
  spaceRevoked(spaceId: string, role: Role): void;
  lockChanged(key: string, locked: boolean): void;
  /** every open connection's token checked again against the store */
  recheckAll(): Promise<void>;
}

/**
 * Revocations, rotations, lock changes and record writes, across processes, on a stream (not
 * pub/sub alone: a dropped revocation would leave a connection open that should be closed). A
 * process applies the others' changes as its own: the cached record goes (and its generation
 * changes, so a token check that straddled the change reads it again), then its connections are
 * closed or told. If Redis was away, changes may have been missed: every cache is dropped and
 * every open connection's token checked again against the store.
 */
export class ControlFeed {
  private followers: AccessFollowers | null = null;

  constructor(
    private readonly redis: RedisConnections,
    private readonly reader: StreamReader,
    private readonly metrics: FanoutMetrics,
    private readonly log: Logger,
    private readonly origin: string,
  ) {}

  /**
   * Wires `access` and `spaces` (whose callbacks the relay set already): what they change here is
   * published, what the others change is applied here.
   */
  async attach(access: AccessControl, spaces: SpaceAccess, recheckAll: () => Promise<void>): Promise<void> {
    const local = { revoked: access.onRevoked, lockChanged: access.onLockChanged, spaceRevoked: spaces.onRevoked };
    access.onRevoked = (key, role) => {
      local.revoked(key, role);
      this.publish({ kind: 'revoked', key, role });
    };
    access.onLockChanged = (key, locked) => {
      local.lockChanged(key, locked);
      this.publish({ kind: 'lock', key, locked });
    };
    spaces.onRevoked = (spaceId, role) => {
      local.spaceRevoked(spaceId, role);
      this.publish({ kind: 'spaceRevoked', spaceId, role });
    };
    this.access = access;
    this.spaces = spaces;
    this.followers = { ...local, recheckAll };
    const from = this.redis.up ? await lastIdOf(this.redis, CONTROL_STREAM).catch(() => '0-0') : '0-0';
    this.reader.follow(CONTROL_STREAM, from, (entries) => this.read(entries));
  }

  private access: AccessControl | null = null;
  private spaces: SpaceAccess | null = null;

  /** A store whose record writes are published (`access`/`space`), so the others drop their cached copies. */
  announcing(store: RelayStore): RelayStore {
    const announced: Partial<RelayStore> = {
      putAccess: async (key, record) => {
        await store.putAccess(key, record);
        this.publish({ kind: 'access', key });
      },
      updateAccess: async (key, change) => {
        const stored = await store.updateAccess(key, change);
        if (stored) this.publish({ kind: 'access', key });
        return stored;
      },
      putSpace: async (spaceId, record) => {
        await store.putSpace(spaceId, record);
        this.publish({ kind: 'space', spaceId });
      },
      updateSpace: async (spaceId, change) => {
        const stored = await store.updateSpace(spaceId, change);
        if (stored) this.publish({ kind: 'space', spaceId });
        return stored;
      },
    };
    return new Proxy(store, {
      get(target, property) {
        if (Object.hasOwn(announced, property)) return announced[property as keyof RelayStore];
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  private publish(change: Change): void {
    const failed = (error: unknown) => {
      this.metrics.publishFailures.inc({ kind: 'access' });
      // the others re-check every connection when their Redis comes back; one that never lost
      // it misses this until the connection's next token check (reconnect)
      this.log.warn({ change: change.kind, err: (error as Error).message }, 'could not publish an access change');
    };
    if (!this.redis.up) return failed(new Error('redis is away'));
    this.redis.command
      .xadd(CONTROL_STREAM, 'MAXLEN', '~', CONTROL_MAX_LENGTH, '*', 'o', this.origin, 'c', JSON.stringify(change))
      .catch(failed);
  }

  private read(entries: StreamEntry[]): void {
    for (const entry of entries) {
      if (entry.fields.get('o')?.toString() === this.origin) continue;
      let change: Change;
      try {
        change = JSON.parse(entry.fields.get('c')?.toString() ?? '') as Change;
      } catch {
        continue;
      }
      this.apply(change);
    }
  }

  private apply(change: Change): void {
    const { access, spaces, followers } = this;
    if (!access || !spaces || !followers) return;
    this.metrics.controlApplied.inc();
    switch (change.kind) {
      case 'access':
        return access.forget(change.key);
      case 'space':
        return spaces.forget(change.spaceId);
      case 'revoked':
        access.forget(change.key);
        return followers.revoked(change.key, change.role);
      case 'lock':
        access.forget(change.key);
        return followers.lockChanged(change.key, change.locked);
      case 'spaceRevoked':
        spaces.forget(change.spaceId);
        return followers.spaceRevoked(change.spaceId, change.role);
    }
  }

  /** After Redis was away: whatever was missed, every cache goes and every connection is checked again. */
  async recover(): Promise<void> {
    const tail = await lastIdOf(this.redis, CONTROL_STREAM);
    this.reader.moveTo(CONTROL_STREAM, tail);
    this.access?.forgetAll();
    this.spaces?.forgetAll();
    this.log.info('re-checking every open connection\'s access after redis was away');
    await this.followers?.recheckAll();
  }
}
