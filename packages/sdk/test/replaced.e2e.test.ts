/**
 * Two instances with one device id must not evict each other forever: the one
 * replaced by a newer connection of its device id stops (REPLACED), on both
 * transports, and the newer one stays online. A server that drains tells its
 * clients to go elsewhere, which is routine: they reconnect at once, with no error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import { waitUntil, withDeadline, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type ConnectionState } from '../src/index.ts';
import { sdkWorld } from './world.ts';

const world = sdkWorld(['ann']);

describe('One device id, two instances', () => {
  for (const transport of ['tcp', 'ws'] as const) {
    test(`over ${transport}: the older instance stops with REPLACED and does not come back; the newer stays online`, async () => {
      const url = transport === 'tcp' ? world.server.tcpUrl : world.server.wsUrl;
      const make = () => new ParleyClient({ url, token: world.tokens.ann!, deviceId: `ann-${transport}`, backoff: { baseMs: 5, maxMs: 20 } });
      const older = make();
      const newer = make();
      const errors: string[] = [];
      older.on('error', (e) => errors.push((e as { code?: string }).code ?? e.message));
      newer.on('error', () => {});
      const states: ConnectionState[] = [];
      newer.on('state', (s) => states.push(s));
      try {
        await withDeadline(older.connect(), 'the older instance to connect');
        await withDeadline(newer.connect(), 'the newer instance to connect');
        await waitUntil(() => older.state === 'closed', WAIT_MS, 'the older instance to stop');
        assert.ok(errors.includes(ErrorCode.REPLACED), `the older instance was told why: ${errors.join(', ')}`);
        await assert.rejects(older.connect(), { code: ErrorCode.REPLACED });
        // Give a reconnect loop the time to show itself: the newer one must stay online.
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(newer.state, 'online');
        assert.ok(!states.includes('reconnecting'), `the newer one was never thrown out: ${states.join(' → ')}`);
      } finally {
        await older.close();
        await newer.close();
      }
    });
  }
});
