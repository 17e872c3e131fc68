/**
 * The recorded reference session (PROTOCOL.md §12) against a fresh server: the
 * client side of packages/protocol/test/fixtures/session-transcript.txt is
 * played over raw TCP and every server frame must match the transcript, with
 * the values that legitimately vary masked (packages/testkit/src/transcript.ts).
 * When the protocol changes on purpose, record it anew with `npm run transcript`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  Bindings,
  parseTranscript,
  registerUser,
  replayTranscript,
  startTestServer,
  TRANSCRIPT_PATH,
  TRANSCRIPT_SERVER,
  TRANSCRIPT_USERS,
  type TranscriptLine,
} from '@parley/testkit';

async function replayOnFreshServer(lines: readonly TranscriptLine[]): Promise<void> {
  const server = await startTestServer(TRANSCRIPT_SERVER);
  try {
    const bindings = new Bindings();
    for (const user of TRANSCRIPT_USERS) bindings.set(`{{token:${user}}}`, await registerUser(server.httpUrl, user));
    await replayTranscript(lines, server.tcpUrl, bindings);
  } finally {
    await server.stop();
  }
}

const transcript = () => parseTranscript(readFileSync(TRANSCRIPT_PATH, 'utf8'));

test('Transcript › a fresh server answers the recorded session frame for frame', async () => {
  await replayOnFreshServer(transcript());
});

test('Transcript › a server frame that differs from the transcript fails the replay, naming its line', async () => {
  // The replay is no formality: change one byte of the first push's body ("hi bob" → "hi bod").
  const lines = transcript();
  const push = lines.find((l): l is Extract<TranscriptLine, { kind: 'frame' }> => l.kind === 'frame' && l.dir === '<' && l.comment.startsWith('push'))!;
  const at = Buffer.from(push.frame).lastIndexOf(Buffer.from('hi bob'));
  assert.ok(at > 0, 'the first push carries "hi bob"');
  const changed = new Uint8Array(push.frame);
  changed[at + 5] = 'd'.charCodeAt(0);
  const altered = lines.map((l) => (l === push ? { ...push, frame: changed } : l));
  await assert.rejects(replayOnFreshServer(altered), new RegExp(`^Error: line ${push.line}: the server sent another frame`));
});
