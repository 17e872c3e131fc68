/**
 * A server and its users for one SDK end-to-end suite: registers the suite's
 * before/after hooks, opens clients (each a new device of its user, with the
 * messages it was shown), and closes everything afterwards. Opening a device
 * has a deadline (WAIT_MS), like every wait in the tests.
 */
import { after, before } from 'node:test';
import { registerUser, startTestServer, withDeadline, type TestServer } from '@parley/testkit';
import { ParleyClient, type ClientOptions, type Message } from '../src/index.ts';

export interface Device {
  client: ParleyClient;
  /** Every message the app was shown, in order. */
  got: Message[];
  /** Sends that can never succeed (from this device's outbox), with their error codes. */
  failed: { clientMsgId: string; code: string }[];
  user: string;
}

export interface World {
  readonly server: TestServer;
  readonly tokens: Record<string, string>;
  /** Connect a new device of `user` (connect() resolved). */
  open(user: string, options?: Partial<ClientOptions>): Promise<Device>;
}

export function sdkWorld(users: readonly string[], overrides: Parameters<typeof startTestServer>[0] = {}): World {
  let server: TestServer | undefined;
  const tokens: Record<string, string> = {};
  const clients: ParleyClient[] = [];
  let device = 0;
  before(async () => {
    server = await startTestServer(overrides);
    for (const u of users) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    tokens,
    async open(user, options = {}) {
      const deviceId = `${user}-${++device}`;
      const client = new ParleyClient({ url: server!.wsUrl, token: tokens[user]!, deviceId, reorderWindowMs: 50, ...options });
      const got: Message[] = [];
      client.on('message', (m) => got.push(m));
      const failed: Device['failed'] = [];
      client.on('send-failed', (f) => failed.push({ clientMsgId: f.clientMsgId, code: f.error.code }));
      clients.push(client);
      await withDeadline(client.connect(), `device ${options.deviceId ?? deviceId} of ${user} to connect`);
      return { client, got, failed, user };
    },
  };
}
