import type { ServerConfig } from './config';
import { BucketsByKey, TokenBucket } from './limits';

/**
 * What all connections share and none may use up: main-thread time for integrating checked
 * updates (per client address, and in total), update-check worker time per address, presence
 * bytes per address, and bytes waiting to be sent. Per connection limits live in the connection; these stop one attacker with
 * many sockets (or many rooms) from doing together what no single socket may.
 */
export class RelayBudgets {
  /** main-thread ms for worker-checked updates, all connections; in debt, such updates wait */
  readonly applyTotal: TokenBucket;
  /** main-thread ms per client address (integrating updates, answering sync); in debt, the sender is closed */
  readonly applyByAddress: BucketsByKey;
  /** update-check worker ms per client address; in debt, the sender is closed */
  readonly checkByAddress: BucketsByKey;
  /** presence bytes per client address; over it, the sender is closed */
  readonly awarenessByAddress: BucketsByKey;
  /** bytes handed to sockets and not yet written out, all connections */
  bufferedBytes = 0;
  /**
   * Frees at least `needed` bytes of the total by closing the connections that hold the most
   * (the relay sets it; they are those that do not read, not whoever happens to be sent to next).
   */
  shed: (needed: number) => void = () => {};

  constructor(config: ServerConfig) {
    const burst = config.updateCheckTimeoutMs;
    this.applyTotal = new TokenBucket(config.updateApplyMsPerSecondTotal, Math.max(burst, config.updateApplyMsPerSecondTotal));
    this.applyByAddress = new BucketsByKey(config.updateApplyMsPerSecondPerAddress, Math.max(burst, config.updateApplyMsPerSecondPerAddress));
    this.awarenessByAddress = new BucketsByKey(config.awarenessBytesPerSecondPerAddress, config.awarenessBytesPerSecondPerAddress);
    this.checkByAddress = new BucketsByKey(config.updateCheckMsPerSecondPerAddress, Math.max(2 * burst, config.updateCheckMsPerSecondPerAddress));
  }
}
