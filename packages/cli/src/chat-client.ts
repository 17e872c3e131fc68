/**
 * `parley chat`: a terminal client for quick tries, built on the public SDK only.
 * Lines typed are sent to `--to`; every message of that conversation is printed
 * once, in order, including ones sent from this user's other devices.
 */
import { createInterface } from 'node:readline';
import { directConversationId } from '@parley/protocol';
import { ParleyClient } from '@parley/sdk';

export interface ChatOptions {
  server: string;
  user: string;
  password: string;
  to: string;
  device: string;
}

async function login(server: string, userId: string, password: string): Promise<string> {
  const res = await fetch(`${server}/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { code: string; message: string } };
  if (!res.ok || !body.token) throw new Error(`login failed: ${body.error?.code ?? res.status} ${body.error?.message ?? ''}`);
  return body.token;
}

export async function runChat(options: ChatOptions): Promise<void> {
  const token = await login(options.server, options.user, options.password);
  const wsUrl = options.server.replace(/^http/, 'ws') + '/ws';
  const conversationId = directConversationId(options.user, options.to);
  const client = new ParleyClient({ url: wsUrl, token, deviceId: options.device, platform: 'cli' });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  client.on('message', (m) => {
    if (m.conversationId !== conversationId) return;
    const who = m.senderId === options.user ? 'you' : m.senderId;
    print(`[${m.seq}] ${who}: ${m.text ?? `(${m.body.length} bytes, type ${m.type})`}`);
  });
  let connected = false;
  client.on('state', (state) => {
    if (connected && (state === 'reconnecting' || state === 'online' || state === 'closed')) print(`-- ${state}`);
  });
  await client.connect();
  connected = true;
  print(`-- connected as ${options.user} (device ${options.device}); chatting with ${options.to}. Ctrl-D to quit.`);

  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    client.send({ to: options.to, text }).catch((err: Error) => print(`-- not sent: ${err.message}`));
  });
  await new Promise<void>((resolve) => rl.once('close', resolve));
  await client.close();
}
