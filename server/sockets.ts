import type http from 'node:http';
import type net from 'node:net';
import { clientAddress } from './address';
import type { ServerConfig } from './config';
import type { Metrics } from './metrics';

/** How often Node looks for requests over HEADERS_TIMEOUT_MS or REQUEST_TIMEOUT_MS. */
export function connectionsCheckingInterval(config: Pick<ServerConfig, 'headersTimeoutMs'>): number {
  return Math.min(1000, Math.max(100, Math.floor(config.headersTimeoutMs / 4)));
}

/** The options for `http.createServer` that bound how long a request may take to arrive. */
export function serverTimeouts(config: ServerConfig): http.ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingInterval(config),
    keepAliveTimeout: config.keepAliveTimeoutMs,
  };
}

/**
 * Bounds on the TCP sockets of the one port, so that idle or slow sockets cannot use up the
 * process's file descriptors or keep it busy:
 *
 * - at most MAX_SOCKETS open in total (`server.maxConnections`: Node closes the next at once);
 * - at most MAX_SOCKETS_PER_ADDRESS per peer address. Not behind a trusted proxy: there every
 *   socket comes from the proxy, which limits its clients itself (per-address WebSocket and
 *   registration limits still count the client the proxy names);
 * - a socket that has not sent a complete request head HEADERS_TIMEOUT_MS after it connected is
 *   closed. Node 20's own `headersTimeout` check did not reliably close a socket that never sent
 *   a byte (a standalone server with a 3 s headersTimeout kept one open past 15 s), so this does
 *   not depend on it; Node's timeouts cover later requests on a keep-alive socket
 *   (`headersTimeout`), bodies (`requestTimeout`) and the pause between requests
 *   (`keepAliveTimeout`).
 *   Upgraded sockets (WebSockets) are left to the relay, which pings them.
 *
 * Returns the number of open sockets, for /healthz.
 */
export function guardSockets(server: http.Server, config: ServerConfig, metrics?: Metrics): () => number {
  server.maxConnections = config.maxSockets;
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  const byAddress = new Map<string, number>();
  const firstRequest = new WeakMap<net.Socket, NodeJS.Timeout>();
  let open = 0;

  server.on('drop', () => metrics?.socketsDropped.inc({ reason: 'total' }));
  server.on('connection', (socket: net.Socket) => {
    if (config.trustProxy === 0) {
      const address = clientAddress(socket);
      const count = byAddress.get(address) ?? 0;
      if (count >= config.maxSocketsPerAddress) {
        metrics?.socketsDropped.inc({ reason: 'address' });
        socket.destroy();
        return;
      }
      byAddress.set(address, count + 1);
      socket.once('close', () => {
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left > 0) byAddress.set(address, left);
        else byAddress.delete(address);
      });
    }
    open++;
    socket.once('close', () => {
      open--;
      clearTimeout(firstRequest.get(socket));
    });
    const timer = setTimeout(() => {
      metrics?.socketsDropped.inc({ reason: 'no-request' });
      socket.destroy();
    }, config.headersTimeoutMs);
    timer.unref();
    firstRequest.set(socket, timer);
  });
  const arrived = (socket: net.Socket) => {
    clearTimeout(firstRequest.get(socket));
    firstRequest.delete(socket);
  };
  server.on('request', (req: http.IncomingMessage) => arrived(req.socket));
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket) => {
    arrived(req.socket);
    // nobody else takes upgrades (a server without the relay): the socket would stay open for good
    if (server.listenerCount('upgrade') === 1) socket.destroy();
  });
  return () => open;
}
