import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import { MESSAGE } from '../protocol';
import { REMOTE, type Room } from '../rooms';
import type { RedisConnections } from './connections';
import type { FanoutMetrics } from './metrics';

/**
 * Presence across processes, by Redis pub/sub on one channel per room. Pub/sub may drop a message
 * (a reconnect, a slow subscriber): for presence that costs nothing lasting, since every client
 * renews its state every 15 s and y-protocols drops a state not renewed for 30 s — which is also
 * how the presence of a process that died goes away on the others. Updates, which a loss would
 * damage for good, go by streams instead (roomStreams.ts); keeping presence out of them keeps the
 * streams short, so a process is less often behind their trim.
 *
 * A message is [kind][origin: 16 bytes][payload]: kind STATES carries an awareness message its
 * peers were sent, kind QUERY asks the processes holding the room for their peers' states (a
 * process that just took up the room would otherwise see them only at their next renewal).
 */
export const presenceChannel = (name: string) => `waymark:presence:${name}`;

const STATES = 0;
const QUERY = 1;
const ORIGIN_BYTES = 16;

export class PresenceChannel {
  private readonly held = new Map<string, Room>();
  private readonly origin: Buffer;

  constructor(
    private readonly redis: RedisConnections,
    private readonly metrics: FanoutMetrics,
    private readonly log: Logger,
    origin: string,
  ) {
    this.origin = Buffer.from(origin, 'hex');
    if (this.origin.length !== ORIGIN_BYTES) throw new Error('the origin must be 16 bytes, hex');
    redis.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
  }

  follow(room: Room): void {
    this.held.set(room.name, room);
    const channel = presenceChannel(room.name);
    this.redis.subscriber.subscribe(channel).then(
      () => this.publish(room.name, QUERY, new Uint8Array()),
      (error: unknown) => this.log.debug({ err: (error as Error).message }, 'could not subscribe to a room\'s presence'),
    );
  }

  left(name: string): void {
    this.held.delete(name);
    void this.redis.subscriber.unsubscribe(presenceChannel(name)).catch(() => {});
  }

  /** Presence changed here (a peer of ours set or cleared a state, or left): the others are told. */
  changed(room: Room, message: Uint8Array): void {
    this.publish(room.name, STATES, message);
  }

  private publish(name: string, kind: number, payload: Uint8Array): void {
    if (!this.redis.up) return;
    const message = Buffer.concat([Buffer.of(kind), this.origin, payload]);
    this.redis.command.publish(presenceChannel(name), message).catch(() => this.metrics.publishFailures.inc({ kind: 'presence' }));
  }

  private received(channel: string, message: Buffer): void {
    const room = this.held.get(channel.slice(presenceChannel('').length));
    if (!room || room.destroyed || message.length < 1 + ORIGIN_BYTES) return;
    if (message.subarray(1, 1 + ORIGIN_BYTES).equals(this.origin)) return;
    const kind = message[0];
    if (kind === QUERY) {
      const states = room.presence.localSnapshot();
      if (states) this.publish(room.name, STATES, states);
      return;
    }
    if (kind !== STATES) return;
    try {
      const decoder = decoding.createDecoder(message.subarray(1 + ORIGIN_BYTES));
      if (decoding.readVarUint(decoder) !== MESSAGE.awareness) return;
      room.presence.acceptRemote(decoding.readVarUint8Array(decoder), REMOTE);
    } catch (error) {
      this.log.warn({ room: room.name, err: (error as Error).message }, 'presence from another process does not decode');
    }
  }
}
