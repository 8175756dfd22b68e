import { Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';

/**
 * Hocuspocus 4.7 as the benches run it: its stock `Server` on 127.0.0.1 and a free port, no
 * authentication hook, default debounce of its store; with `sqlite` a file through
 * @hocuspocus/extension-sqlite; with `redisUrl` @hocuspocus/extension-redis so that several
 * instances share rooms, and with `databaseUrl` its database extension over PostgreSQL (the whole
 * document state per room, as its docs show) so that those instances share one store, as ours do.
 *
 * Hocuspocus 4.7 declares Node ≥ 22 in its manifest; the benches run it on this project's Node 20,
 * where it works for everything measured here.
 */
export interface HocuspocusOptions {
  sqlite?: string;
  redisUrl?: string;
  databaseUrl?: string;
}

export async function startHocuspocus(options: HocuspocusOptions): Promise<{ port: number; close: () => Promise<void> }> {
  const extensions: Extension[] = [];
  const closers: Array<() => Promise<void>> = [];
  if (options.redisUrl) {
    const { Redis } = await import('@hocuspocus/extension-redis');
    const url = new URL(options.redisUrl);
    extensions.push(new Redis({ host: url.hostname, port: Number(url.port) }));
  }
  if (options.sqlite) {
    const { SQLite } = await import('@hocuspocus/extension-sqlite');
    extensions.push(new SQLite({ database: options.sqlite }));
  }
  if (options.databaseUrl) {
    // what @hocuspocus/extension-database does (it is not a declared dependency here): load the
    // stored state into the document, store the whole state when Hocuspocus's debounce fires
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    await pool.query('CREATE TABLE IF NOT EXISTS hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)');
    closers.push(() => pool.end());
    extensions.push({
      async onLoadDocument({ documentName, document }) {
        const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM hocuspocus_documents WHERE name = $1', [documentName]);
        if (rows[0]) Y.applyUpdate(document, new Uint8Array(rows[0].data));
      },
      async onStoreDocument({ documentName, document }) {
        const state = Buffer.from(Y.encodeStateAsUpdate(document));
        await pool.query('INSERT INTO hocuspocus_documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = $2', [documentName, state]);
      },
    });
  }
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions });
  await server.listen();
  return {
    port: server.address.port,
    close: async () => {
      await server.destroy();
      for (const close of closers) await close();
    },
  };
}
