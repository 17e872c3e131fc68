/**
 * Records the reference session of PROTOCOL.md §12 against a fresh server and
 * writes it to packages/protocol/test/fixtures/session-transcript.txt. Run it
 * when the protocol changes on purpose, and review the diff of the transcript:
 *
 *     npm run transcript            (from the repository root)
 *
 * The session is the script below; server frames are written in the order it
 * expects them, and varying values masked (src/transcript.ts), so that a new
 * recording of an unchanged protocol is the same file.
 */
import { writeFileSync } from 'node:fs';
import { directConversationId, MessageOpKind, MessageType, GroupOp, PROTOCOL_VERSION } from '@parley/protocol';
import { registerUser, startTestServer } from '../src/test-server.ts';
import { Bindings, formatLine, TRANSCRIPT_PATH, TRANSCRIPT_SERVER, TRANSCRIPT_USERS, TranscriptRecorder } from '../src/transcript.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function session(r: TranscriptRecorder): Promise<void> {
  const conv = directConversationId('alice', 'bob');
  const token = (user: string) => r.bindings.unmask(`{{token:${user}}}`);

  await r.connect('A', "alice's phone (device 'phone') connects");
  r.send('A', { id: 1, auth: { token: token('alice'), deviceId: 'phone', platform: 'ios', protocolVersion: PROTOCOL_VERSION } });
  await r.expect('A', 'authOk');
  r.send('A', { id: 2, sync: { token: '' } }, 'a first sync: no token');
  const first = await r.expect('A', 'syncResult');
  const token1 = first.syncResult!.token!;

  await r.connect('L', "alice's laptop (device 'laptop') connects: her second device");
  r.send('L', { id: 1, auth: { token: token('alice'), deviceId: 'laptop', platform: 'desktop', protocolVersion: PROTOCOL_VERSION } });
  await r.expect('L', 'authOk');

  // A send to a user opens the 1:1 conversation; the laptop gets it as a push.
  r.send('A', { id: 3, send: { to: 'bob', clientMsgId: 'c-1', type: MessageType.TEXT, body: text('hi bob') } });
  await r.expect('A', 'sendAck');
  await r.expect('L', 'push');
  r.send('L', { ack: { conversationId: conv, seq: 1 } }, 'the laptop holds everything up to seq 1; no answer');

  // The same client_msg_id again: the original ack, duplicate; the push goes out again (expect duplicates).
  r.send('A', { id: 4, send: { to: 'bob', clientMsgId: 'c-1', type: MessageType.TEXT, body: text('hi bob') } });
  await r.expect('A', 'sendAck', 'the original ack, duplicate');
  await r.expect('L', 'push', 'the push again: drop a seq you hold');
  r.send('L', { ack: { conversationId: conv, seq: 1 } });

  r.send('L', { id: 2, pull: { conversationId: conv, fromSeq: 1, toSeq: 0, limit: 0 } });
  await r.expect('L', 'pullResult');

  // A message op: an edit, recorded as an EDIT event at the next seq.
  r.send('A', { id: 5, messageOp: { op: MessageOpKind.EDIT, conversationId: conv, seq: 1, body: text('hi, bob'), clientMsgId: 'c-2' } });
  await r.expect('A', 'sendAck');
  await r.expect('L', 'push');
  r.send('L', { ack: { conversationId: conv, seq: 2 } });

  r.send('A', { id: 6, ping: { time: 1234 } }, 'any time: the Pong echoes it, and the id');
  await r.expect('A', 'pong');

  // A group change: create a group with bob; the event is the group's seq 1.
  r.send('A', { id: 7, group: { op: GroupOp.CREATE, name: 'weekend plans', users: ['bob'], clientMsgId: 'c-3' } });
  const created = await r.expect('A', 'groupResult');
  await r.expect('L', 'push');
  r.send('L', { ack: { conversationId: created.groupResult!.conversationId!, seq: 1 } });

  r.send('A', { id: 8, markRead: { conversationId: conv, seq: 2 } });
  await r.expect('A', 'readState');
  await r.expect('L', 'readState', "alice's read position, pushed to her other device");

  // What changed since the first sync: both conversations.
  r.send('A', { id: 9, sync: { token: token1 } });
  await r.expect('A', 'syncResult');

  // The same device connects again: the older connection is told why, then closed.
  await r.connect('P', "alice's phone connects again (the same device id, say after a restart that left the old socket open)");
  r.send('P', { id: 1, auth: { token: token('alice'), deviceId: 'phone', platform: 'ios', protocolVersion: PROTOCOL_VERSION } });
  await r.expect('A', 'error', 'A is replaced: a client stops here and does not reconnect');
  await r.expectClosed('A', 'the server closes A');
  await r.expect('P', 'authOk');

  await r.close('P', 'the client closes P');
  await r.close('L', 'the client closes L');
}

const HEADER = `# Parley protocol v1: a recorded session over raw TCP — the reference a new client can test itself against
# (docs/PROTOCOL.md §12). Recorded by \`npm run transcript\` (packages/testkit/scripts/record-transcript.ts);
# replayed against a fresh server by packages/server/test/transcript.e2e.test.ts. Do not edit by hand.
#
# Users alice and bob are registered over HTTP first (POST /v1/register); only alice connects.
# The server runs with its defaults, except heartbeatMs and retransmitMs of ${TRANSCRIPT_SERVER.heartbeatMs} ms, so that
# no server Ping or resent Push comes in between.
#
# Lines:  <connection> connect | <connection> > <length> <frame>  (client → server)
#         <connection> < <length> <frame>  (server → client) | <connection> close (the client closes) | <connection> closed (the server closes)
# <length> is the 4-byte big-endian length prefix, <frame> the encoded Frame, both in hex; after # a comment names the frame.
#
# Masked (the same placeholder wherever the same value appears; N counts in order of first appearance):
#   {{token:<user>}}  Auth.token            {{session:N}}  AuthOk.session_id     {{message:N}}  Message.id, SendAck.message_id
#   {{sync:N}}        SyncResponse.token, sent back in SyncRequest.token          {{group:N}}    a group's conversation id (g:<uuid>)
#   every server_time and last_seen: 1000000000000 (ms since epoch; a real one has as many varint bytes)
# A client replaying it puts the real values back into what it sends, and masks what it receives before comparing.
# Frames of one connection come in this order; frames of different connections may interleave otherwise.
`;

async function main(): Promise<void> {
  const server = await startTestServer(TRANSCRIPT_SERVER);
  const bindings = new Bindings();
  const recorder = new TranscriptRecorder(server.tcpUrl, bindings);
  try {
    for (const user of TRANSCRIPT_USERS) bindings.set(`{{token:${user}}}`, await registerUser(server.httpUrl, user));
    await session(recorder);
  } finally {
    recorder.dispose();
    await server.stop();
  }
  writeFileSync(TRANSCRIPT_PATH, `${HEADER}\n${recorder.lines.map(formatLine).join('\n')}\n`);
  console.log(`wrote ${recorder.lines.length} lines to ${TRANSCRIPT_PATH}`);
}

await main();
