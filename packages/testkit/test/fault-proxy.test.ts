/**
 * The fault proxy itself: a fault may delay, drop or cut, but the bytes that do
 * pass must arrive in the order they were sent (a reordered TCP stream is
 * corruption no network produces, and it made the server close healthy
 * connections as BAD_FRAME). Runs against plain loopback TCP sinks.
 */
import assert from 'node:assert/strict';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { test } from 'node:test';
import { decodeFrame, encodeFrame, FrameDecoder, lengthPrefixed } from '@parley/protocol';
import { startFaultProxy, waitUntil, withDeadline } from '../src/index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP server that keeps every byte it receives and counts the reads. */
async function startSink(): Promise<{ server: Server; port: number; received: () => Buffer; reads: () => number }> {
  const chunks: Buffer[] = [];
  let reads = 0;
  const server = createServer((s) =>
    s.on('error', () => {}).on('data', (d: Buffer) => {
      reads++;
      chunks.push(d);
    }),
  );
  await withDeadline(new Promise<void>((r) => server.listen(0, '127.0.0.1', r)), 'the echo server to listen');
  return { server, port: (server.address() as AddressInfo).port, received: () => Buffer.concat(chunks), reads: () => reads };
}

async function open(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // the proxy resets it on close
  await withDeadline(new Promise<void>((r) => socket.once('connect', r)), `a connection to port ${port}`);
  socket.setNoDelay(true);
  return socket;
}

/** Bytes 0..n-1 as 32-bit counters, so any reordering or loss shows. */
function numbered(from: number, count: number): Buffer {
  const b = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) b.writeUInt32BE(from + i, i * 4);
  return b;
}

test('FaultProxy › bytes arrive in order while latency is raised, lowered and ended', async () => {
  const sink = await startSink();
  const proxy = await startFaultProxy(sink.port);
  const socket = await open(proxy.port);
  try {
    const latencies = [200, 0, 120, 5, 300, 0, 60, 0];
    let n = 0;
    for (const ms of latencies) {
      proxy.setLatency(ms);
      for (let k = 0; k < 5; k++) {
        socket.write(numbered(n, 50));
        n += 50;
        await sleep(10);
      }
    }
    proxy.setLatency(0);
    await waitUntil(() => sink.received().length >= n * 4, 10_000, 'every byte through the proxy');
    const got = sink.received();
    for (let i = 0; i < n; i++) {
      const v = got.readUInt32BE(i * 4);
      if (v !== i) assert.fail(`counter ${i} arrived as ${v}: bytes were reordered`);
    }
  } finally {
    socket.destroy();
    await proxy.close();
    sink.server.close();
  }
});

test('FaultProxy › a trickle goes out one byte per write, in order, also with latency', async () => {
  const sink = await startSink();
  const proxy = await startFaultProxy(sink.port);
  const socket = await open(proxy.port);
  try {
    proxy.setTrickle(true);
    proxy.setLatency(30);
    socket.write(numbered(0, 50));
    await sleep(50);
    proxy.setLatency(0);
    socket.write(numbered(50, 50));
    await waitUntil(() => sink.received().length >= 400, 10_000, 'every byte through the proxy');
    const got = sink.received();
    for (let i = 0; i < 100; i++) assert.equal(got.readUInt32BE(i * 4), i, `counter ${i} in place`);
    // Coalesced writes would arrive as a handful of reads; byte-at-a-time arrives as many.
    assert.ok(sink.reads() > 40, `the sink saw ${sink.reads()} reads of 400 bytes`);
  } finally {
    socket.destroy();
    await proxy.close();
    sink.server.close();
  }
});

test('FaultProxy › drops device Ack frames going to the server, and nothing else', async () => {
  const frames: string[] = [];
  const server = createServer((s) => {
    s.on('error', () => {});
    const decoder = new FrameDecoder(1 << 20);
    s.on('data', (d: Buffer) => decoder.push(d).forEach((f) => frames.push(decodeFrame(f).body ?? '?')));
  });
  await withDeadline(new Promise<void>((r) => server.listen(0, '127.0.0.1', r)), 'the frame sink to listen');
  const proxy = await startFaultProxy((server.address() as AddressInfo).port, { framed: true, random: () => 0 });
  const socket = await open(proxy.port);
  try {
    const send = (kind: 'ack' | 'ping') =>
      socket.write(lengthPrefixed(encodeFrame(kind === 'ack' ? { ack: { conversationId: 'd:a:b', seq: 1 } } : { ping: { time: 1 } })));
    send('ack');
    send('ping');
    await waitUntil(() => frames.length >= 2, 5000, 'the first frames');
    proxy.setDropDeviceAcks(1);
    send('ack');
    send('ping');
    send('ack');
    await waitUntil(() => frames.length >= 3, 5000, 'the ping between dropped acks');
    await sleep(100);
    proxy.setDropDeviceAcks(0);
    send('ack');
    send('ping');
    await waitUntil(() => frames.length >= 5, 5000, 'the frames that pass');
    await sleep(100);
    assert.deepEqual(frames, ['ack', 'ping', 'ping', 'ack', 'ping']);
  } finally {
    socket.destroy();
    await proxy.close();
    server.close();
  }
});
