import { afterEach } from 'vitest';
import { startRelay, type Client, type RelayProcess, type Server } from './relay';

/**
 * What a test file's tests start and must stop: relays (in this process), clients, anything with
 * a cleanup. Everything deferred is undone after each test, last first.
 */
export function perTest() {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  const defer = (f: () => unknown) => void cleanup.push(f);
  return {
    defer,
    /** a relay closed after the test (closing it twice is harmless) */
    async relay(env: NodeJS.ProcessEnv = {}): Promise<Server> {
      const server = await startRelay(env);
      defer(() => server.close());
      return server;
    },
    /** a client destroyed after the test */
    track(client: Client): Client {
      defer(() => client.destroy());
      return client;
    },
    /** a relay child process (spawnRelay) killed after the test, if it still runs */
    trackProcess(relay: RelayProcess): RelayProcess {
      defer(async () => {
        if (relay.child.exitCode === null && relay.child.signalCode === null) {
          relay.child.kill('SIGKILL');
          await relay.exited;
        }
      });
      return relay;
    },
  };
}
