/**
 * `parley chat`: a terminal client for quick tries, built on the public SDK only.
 * Lines typed are sent to `--to`; every message of that conversation is printed
 * once, in order, including ones sent from this user's other devices.
 *
 * Commands: `/file PATH` and `/image PATH` send a file (with a progress line);
 * `/files` lists the files received; `/save N [PATH]` saves file N.
 */
import { openAsBlob } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { directConversationId, MessageType } from '@parley/protocol';
import { ParleyClient, type Message } from '@parley/sdk';

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/** The file a message carries, if it carries one. */
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
  const files: { fileId: string; name: string; size: number; mime: string }[] = [];
  client.on('message', (m) => {
    if (m.conversationId !== conversationId) return;
    const who = m.senderId === options.user ? 'you' : m.senderId;
    const file = m.file;
    if (file) {
      files.push(file);
      print(`[${m.seq}] ${who}: file #${files.length} ${file.name} (${file.size} bytes, ${file.mime}) — /save ${files.length} to keep it`);
      return;
    }
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
  const sendFile = async (path: string, image: boolean) => {
    const name = basename(path);
    const mime = image ? (IMAGE_TYPES[extname(path).toLowerCase()] ?? 'image/png') : 'application/octet-stream';
    let shown = -1;
    const file = await client.upload(await openAsBlob(path), {
      name,
      mime,
      onProgress: (p) => {
        const percent = p.total === 0 ? 100 : Math.floor((p.sent / p.total) * 100);
        if (p.phase === 'sending' && percent !== shown && percent % 10 === 0) print(`-- ${name}: ${(shown = percent)} %`);
      },
    });
    await client.send({ to: options.to, file, ...(image ? { type: MessageType.IMAGE } : { type: MessageType.FILE }) });
    print(`-- ${name} sent (${file.size} bytes)`);
  };
  const save = async (n: number, path?: string) => {
    const file = files[n - 1];
    if (!file) return print(`-- no file #${n}; /files lists them`);
    const { bytes } = await client.download(file.fileId);
    const target = path ?? basename(file.name); // never a path the sender chose
    await writeFile(target, bytes, { flag: 'wx' });
    print(`-- saved ${target} (${bytes.length} bytes)`);
  };
  rl.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    const [command, ...rest] = text.split(/\s+/);
    const fail = (err: Error) => print(`-- failed: ${err.message}`);
    if (command === '/file' || command === '/image') {
      if (rest.length === 0) return print(`-- usage: ${command} PATH`);
      void sendFile(rest.join(' '), command === '/image').catch(fail);
    } else if (command === '/files') {
      if (files.length === 0) print('-- no files yet');
      files.forEach((f, i) => print(`-- #${i + 1} ${f.name} (${f.size} bytes, ${f.mime})`));
    } else if (command === '/save') {
      void save(Number(rest[0]), rest[1]).catch(fail);
    } else {
      client.send({ to: options.to, text }).catch((err: Error) => print(`-- not sent: ${err.message}`));
    }
  });
  await new Promise<void>((resolve) => rl.once('close', resolve));
  await client.close();
}
