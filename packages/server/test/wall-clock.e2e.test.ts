/**
 * The server's timers under a stepped wall clock: the machine's clock set back
 * (or forward) by a minute must not hold back, or fire early, a heartbeat
 * timeout, an auth deadline or a retransmit. Each server here reads a wall clock
 * the test steps (injected through startServer's options, as clock.ts intends);
 * its monotonic clock is the process's. Waits are liveness deadlines far above
 * what the server needs and far below the minute a wall-clock timer would lose.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CloseCode, directConversationId, ErrorCode, MessageType } from '@parley/protocol';
import type { Clock } from '@parley/server';
import { openAuthed, openRaw, registerUser, startTestServer, WAIT_MS, type TestServer } from '@parley/testkit';

const MINUTE = 60_000;

/** The process's clocks, with a wall clock the test can step. */
function steppedClock(): Clock & { step(ms: number): void } {
  let offset = 0;
  return {
    monotonic: () => performance.now(),
    wall: () => Date.now() + offset,
    step(ms) {
      offset += ms;
    },
  };
}

async function withServer(settings: Parameters<typeof startTestServer>[0], run: (server: TestServer, clock: ReturnType<typeof steppedClock>) => Promise<void>): Promise<void> {
  const clock = steppedClock();
  const server = await startTestServer(settings, { clock });
  try {
    await run(server, clock);
  } finally {
    await server.stop();
  }
}

describe('Timers under a stepped wall clock', () => {
  test('the wall clock stepped back a minute: a silent connection still times out after 2.5 heartbeats', async () => {
    await withServer({ heartbeatMs: 400 }, async (server, clock) => {
      const token = await registerUser(server.httpUrl, 'quiet');
      const client = await openAuthed(server.wsUrl, token, 'quiet-1');
      try {
        clock.step(-MINUTE);
        // The client never answers the server's pings: 1 s of silence ends it.
        const { code } = await client.waitForClose(WAIT_MS);
        assert.equal(code, CloseCode.HEARTBEAT_TIMEOUT);
        assert.ok(client.frames.some((f) => f.error?.code === ErrorCode.HEARTBEAT_TIMEOUT));
      } finally {
        client.close();
      }
    });
  });

  test('the wall clock stepped back a minute: an unacknowledged push is still retransmitted', async () => {
    await withServer({ retransmitMs: 200 }, async (server, clock) => {
      const [alice, bob] = [await registerUser(server.httpUrl, 'alice'), await registerUser(server.httpUrl, 'bob')];
      const a = await openAuthed(server.wsUrl, alice, 'a');
      const b = await openAuthed(server.tcpUrl, bob, 'b');
      try {
        await a.request({ send: { to: 'bob', clientMsgId: 'step-1', type: MessageType.TEXT, body: new TextEncoder().encode('x') } });
        const copies = () => b.frames.filter((f) => f.push?.message?.seq === 1).length;
        await b.waitFor((f) => f.push?.message?.seq === 1);
        clock.step(-MINUTE);
        // Bob never acks: the push comes again, and again, at retransmitMs in real time.
        await b.waitFor(() => copies() >= 3, WAIT_MS, 'two retransmits of the push');
        // Once acked, it stops (the server's state is sound after the step).
        b.send({ ack: { conversationId: directConversationId('alice', 'bob'), seq: 1 } });
        const pong = await b.request({ ping: { time: 1 } });
        assert.equal(pong.body, 'pong');
      } finally {
        a.close();
        b.close();
      }
    });
  });

  test('the wall clock stepped back a minute: a connection that never authenticates is closed at its auth deadline', async () => {
    await withServer({ authTimeoutMs: 300 }, async (server, clock) => {
      const client = await openRaw(server.wsUrl);
      try {
        clock.step(-MINUTE);
        const { code } = await client.waitForClose(WAIT_MS);
        assert.equal(code, CloseCode.AUTH_TIMEOUT);
      } finally {
        client.close();
      }
    });
  });

  test('the wall clock stepped forward a minute: a live connection is not taken for a silent one', async () => {
    // With heartbeats every 10 s a connection is closed after 25 s of silence; this
    // one is silent for 2.5 s after the step, past two ticks of the wheel (1 s each),
    // where a wall-clock wheel took the step for a minute of silence.
    await withServer({ heartbeatMs: 10_000 }, async (server, clock) => {
      const token = await registerUser(server.httpUrl, 'alive');
      const client = await openAuthed(server.wsUrl, token, 'alive-1');
      try {
        clock.step(MINUTE);
        await new Promise((r) => setTimeout(r, 2500));
        assert.equal(client.isClosed(), false, `closed; got ${client.frames.map((f) => f.error?.code ?? f.body).join(', ')}`);
        const pong = await client.request({ ping: { time: 7 } });
        assert.equal(pong.pong?.time, 7);
      } finally {
        client.close();
      }
    });
  });

  test('the injected wall clock is the one the server reports: AuthOk carries the stepped time', async () => {
    // So the tests above really ran the server on a stepped wall clock.
    await withServer({}, async (server, clock) => {
      const token = await registerUser(server.httpUrl, 'teller');
      clock.step(-MINUTE);
      const client = await openAuthed(server.wsUrl, token, 'teller-1');
      try {
        const authOk = client.frames.find((f) => f.body === 'authOk')!.authOk!;
        const behind = Date.now() - Number(authOk.serverTime);
        assert.ok(behind >= MINUTE - 1000 && behind <= MINUTE + WAIT_MS, `serverTime is ${behind} ms behind the process's clock`);
      } finally {
        client.close();
      }
    });
  });
});
