/**
 * The reference transcript (fixtures/session-transcript.txt, PROTOCOL.md §12)
 * as this schema reads it, without a server: every frame line's length prefix
 * is its frame's length, the frame decodes to the body its comment names, and
 * re-encodes to the same bytes. The replay against a server is
 * packages/server/test/transcript.e2e.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeFrame, encodeFrame } from '../src/index.ts';

const text = readFileSync(new URL('./fixtures/session-transcript.txt', import.meta.url), 'utf8');

test('Transcript fixture › every frame line decodes to the frame its comment names and re-encodes byte for byte', () => {
  const bodies = new Set<string>();
  let frames = 0;
  text.split('\n').forEach((raw, i) => {
    const at = raw.indexOf('#');
    const words = (at < 0 ? raw : raw.slice(0, at)).trim().split(/\s+/);
    if (words.length !== 4) return;
    const [, dir, prefix, hex] = words as [string, string, string, string];
    assert.ok(dir === '>' || dir === '<', `line ${i + 1}: a direction`);
    const bytes = new Uint8Array(Buffer.from(hex, 'hex'));
    assert.equal(Number.parseInt(prefix, 16), bytes.length, `line ${i + 1}: the length prefix`);
    const frame = decodeFrame(bytes);
    assert.ok(raw.slice(at + 1).trim().startsWith(`${frame.body} id=${frame.id ?? 0} `), `line ${i + 1}: the comment names ${frame.body}`);
    assert.equal(Buffer.from(encodeFrame(frame)).toString('hex'), hex, `line ${i + 1}: canonical encoding`);
    bodies.add(`${dir}${frame.body}`);
    frames++;
  });
  assert.ok(frames > 0, 'the transcript has frames');
  // The session the brief promises: connect and auth, sync, send and ack, a push to a second device,
  // pull, a message op, ping/pong, a group change, and a close that says why.
  for (const b of ['>auth', '<authOk', '>sync', '<syncResult', '>send', '<sendAck', '<push', '>ack', '>pull', '<pullResult', '>messageOp', '>ping', '<pong', '>group', '<groupResult', '<error']) {
    assert.ok(bodies.has(b), `the transcript has ${b}`);
  }
  assert.match(text, /^\w+ closed\b/m, 'a close by the server');
});
