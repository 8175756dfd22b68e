import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_TOKEN, connect, httpUrl, opened, rawSocket, registerMap, startRelay, waitFor, whenSynced, type Server } from '../support/relay';

let server: Server;
beforeAll(async () => {
  server = await startRelay();
});
afterAll(() => server.close());

describe('operations', () => {
  it('a room leaves memory ROOM_IDLE_MS after its last peer, unless a peer comes back in time', async () => {
    const idle = await startRelay({ ROOM_IDLE_MS: '400' });
    const rooms = async () => ((await (await fetch(httpUrl(idle.port, '/healthz'))).json()) as { rooms: number }).rooms;
    const map = await registerMap(idle.port);
    const first = connect(idle.port, map.id, map.editToken);
    await whenSynced(first);
    first.doc.getMap('m').set('k', 1);
    first.destroy();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await rooms()).toBe(1); // still there: a reload or a flaky network comes back quickly
    const second = connect(idle.port, map.id, map.viewToken);
    await whenSynced(second);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rooms()).toBe(1); // the timer was cancelled
    second.destroy();
    let count = 1;
    for (let i = 0; i < 40 && count !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      count = await rooms();
    }
    expect(count).toBe(0);
    // and it comes back from the store with everything
    const third = connect(idle.port, map.id, map.viewToken);
    await whenSynced(third);
    expect(third.doc.getMap('m').get('k')).toBe(1);
    third.destroy();
    await idle.close();
  });

  it('/healthz counts rooms and connections', async () => {
    const map = await registerMap(server.port);
    const a = connect(server.port, map.id, map.editToken);
    const b = connect(server.port, `${map.id}/feedback`, map.viewToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const health = (await (await fetch(httpUrl(server.port, '/healthz'))).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', rooms: 2, connections: 2 });
    a.destroy();
    b.destroy();
  });

  it('/metrics exposes rooms, connections, messages and bytes, refused writes, store latency, closes and process metrics', async () => {
    const map = await registerMap(server.port);
    const editor = connect(server.port, map.id, map.editToken);
    const viewer = connect(server.port, map.id, map.viewToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.doc.getMap('m').set('k', 1);
    await waitFor(() => viewer.doc.getMap('m').get('k') === 1, 'the edit at the viewer');
    viewer.doc.getMap('m').set('v', 1);
    await waitFor(() => viewer.denied.length === 1, 'the refusal');
    const bad = rawSocket(server.port, map.id, map.editToken);
    await opened(bad);
    bad.send('text');
    await new Promise((resolve) => bad.once('close', resolve));

    const res = await fetch(httpUrl(server.port, '/metrics'), { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^waymark_rooms 1$/m);
    expect(text).toMatch(/^waymark_connections\{role="edit"\} 1$/m);
    expect(text).toMatch(/^waymark_connections\{role="view"\} 1$/m);
    expect(text).toMatch(/^waymark_messages_in_total\{type="sync"\} [1-9]/m);
    expect(text).toMatch(/^waymark_messages_out_total [1-9]/m);
    expect(text).toMatch(/^waymark_bytes_in_total [1-9]/m);
    expect(text).toMatch(/^waymark_bytes_out_total [1-9]/m);
    expect(text).toMatch(/^waymark_refused_writes_total 1$/m);
    expect(text).toMatch(/^waymark_updates_stored_total [1-9]/m);
    expect(text).toMatch(/^waymark_store_write_seconds_count [1-9]/m);
    expect(text).toMatch(/^waymark_connections_closed_total\{code="1003",reason="non-binary"\} 1$/m);
    expect(text).toMatch(/^waymark_process_resident_memory_bytes \d+/m);
    // labels are fixed sets: no room names, no tokens
    expect(text).not.toContain(map.id);
    expect(text).not.toContain(map.editToken);
    editor.destroy();
    viewer.destroy();
  });
});
