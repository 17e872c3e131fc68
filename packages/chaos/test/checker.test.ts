import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type MemberRow, type StoredRow } from '../src/checker.ts';
import { History } from '../src/history.ts';

const C = 'd:a:b';
const members: MemberRow[] = [
  { conversationId: C, userId: 'a', joinSeq: 0, periods: [[0, null]] },
  { conversationId: C, userId: 'b', joinSeq: 0, periods: [[0, null]] },
];
const devices = [{ deviceId: 'a1', userId: 'a' }, { deviceId: 'b1', userId: 'b' }];

/** Two acked sends, stored and delivered to both devices: a history with no violation. */
function healthy(): { history: History; stored: StoredRow[] } {
  const history = new History();
  const stored: StoredRow[] = [];
  for (const [i, id] of ['a1.0', 'a1.1'].entries()) {
    const op = history.invoke({ clientMsgId: id, userId: 'a', deviceId: 'a1', to: 'b', invokedAt: i });
    Object.assign(op, { outcome: 'ok', completedAt: i + 1, seq: i + 1, messageId: `m${i}`, conversationId: C });
    stored.push({ conversationId: C, seq: i + 1, id: `m${i}`, senderId: 'a', payload: id });
    for (const d of devices) history.deliveries.push({ ...d, conversationId: C, seq: i + 1, messageId: `m${i}`, payload: id, at: i + 2 });
  }
  return { history, stored };
}

test('Checker › a healthy history has every count at 0', () => {
  const { history, stored } = healthy();
  const report = check(history, stored, members, devices);
  assert.equal(report.ok, true, JSON.stringify(report.violations));
  assert.equal(report.stats.acked, 2);
});

test('Checker › finds an acked message missing from the store', () => {
  const { history, stored } = healthy();
  const report = check(history, stored.slice(0, 1), members, devices);
  assert.equal(report.violations.ackedLost.count, 1);
  assert.match(report.violations.ackedLost.examples[0]!, /a1\.1/);
});

test('Checker › finds a send stored twice', () => {
  const { history, stored } = healthy();
  const report = check(history, [...stored, { conversationId: C, seq: 3, id: 'm9', senderId: 'a', payload: 'a1.0' }], members, devices);
  assert.equal(report.violations.storedTwice.count, 1);
  assert.equal(report.violations.gapsNeverFilled.count, 2, 'and both devices now lack seq 3');
});

test('Checker › finds a message shown twice and out of order', () => {
  const { history, stored } = healthy();
  history.deliveries.push({ deviceId: 'b1', userId: 'b', conversationId: C, seq: 1, messageId: 'm0', payload: 'a1.0', at: 9 });
  const report = check(history, stored, members, devices);
  assert.equal(report.violations.shownTwice.count, 1);
  assert.equal(report.violations.orderViolations.count, 1);
});

test('Checker › finds two messages at one seq, phantom deliveries and deliveries to non-members', () => {
  const { history, stored } = healthy();
  history.deliveries.push({ deviceId: 'c1', userId: 'c', conversationId: C, seq: 2, messageId: 'other', payload: 'never-sent', at: 9 });
  const report = check(history, stored, members, [...devices, { deviceId: 'c1', userId: 'c' }]);
  assert.equal(report.violations.twoMessagesAtOneSeq.count, 1);
  assert.equal(report.violations.phantomDeliveries.count, 1);
  assert.equal(report.violations.nonMemberDeliveries.count, 1);
});

test('Checker › a delivery of a send that definitely failed is a phantom', () => {
  const { history, stored } = healthy();
  Object.assign(history.sends.get('a1.1')!, { outcome: 'failed', error: 'NOT_MEMBER' });
  assert.equal(check(history, stored, members, devices).violations.phantomDeliveries.count, 2);
});

test('Checker › finds gaps a device never filled, above its join point only', () => {
  const { history, stored } = healthy();
  history.deliveries.splice(history.deliveries.findIndex((d) => d.deviceId === 'b1' && d.seq === 1), 1);
  assert.equal(check(history, stored, members, devices).violations.gapsNeverFilled.count, 1);
  const joinedLate = members.map((m) => (m.userId === 'b' ? { ...m, joinSeq: 1, periods: [[1, null]] as MemberRow['periods'] } : m));
  const report = check(history, stored, joinedLate, devices);
  assert.equal(report.violations.gapsNeverFilled.count, 0);
  assert.equal(report.violations.nonMemberDeliveries.count, 0);
});

test('Checker › keeps at most 20 examples per count', () => {
  const { history, stored } = healthy();
  for (let i = 0; i < 30; i++) history.deliveries.push({ deviceId: 'a1', userId: 'a', conversationId: C, seq: 1, messageId: 'm0', payload: 'a1.0', at: 9 });
  const v = check(history, stored, members, devices).violations.shownTwice;
  assert.equal(v.count, 30);
  assert.equal(v.examples.length, 20);
});

test('Checker › membership periods: nothing between a removal and a re-invite, everything of the latest period', () => {
  const G = 'g:x';
  const history = new History();
  const stored: StoredRow[] = [];
  // seq 1 create, 2 message, 3 kick of b, 4 message, 5 invite of b, 6 message.
  const events = new Set([1, 3, 5]);
  for (let seq = 1; seq <= 6; seq++) {
    if (events.has(seq)) {
      stored.push({ conversationId: G, seq, id: `e${seq}`, senderId: 'a', payload: `#e${seq}`, system: true });
      continue;
    }
    const id = `a1.${seq}`;
    const op = history.invoke({ clientMsgId: id, userId: 'a', deviceId: 'a1', to: G, invokedAt: seq });
    Object.assign(op, { outcome: 'ok', completedAt: seq, seq, messageId: `m${seq}`, conversationId: G });
    stored.push({ conversationId: G, seq, id: `m${seq}`, senderId: 'a', payload: id });
  }
  const groupMembers: MemberRow[] = [
    { conversationId: G, userId: 'a', joinSeq: 0, periods: [[0, null]] },
    { conversationId: G, userId: 'b', joinSeq: 4, periods: [[0, 3], [4, null]] },
  ];
  const deliver = (deviceId: string, userId: string, seq: number) => {
    const row = stored.find((r) => r.seq === seq)!;
    history.deliveries.push({ deviceId, userId, conversationId: G, seq, messageId: row.id, payload: row.payload, at: seq + 1 });
  };
  for (let seq = 1; seq <= 6; seq++) deliver('a1', 'a', seq);
  // b saw seq 1 and 3 of its first period (missed 2: out of reach now, allowed), then 5 and 6.
  for (const seq of [1, 3, 5, 6]) deliver('b1', 'b', seq);
  const devs = [{ deviceId: 'a1', userId: 'a' }, { deviceId: 'b1', userId: 'b' }];
  const fine = check(history, stored, groupMembers, devs);
  assert.equal(fine.ok, true, JSON.stringify(fine.violations));

  deliver('b1', 'b', 4); // while removed (and out of order)
  const leaked = check(history, stored, groupMembers, devs);
  assert.equal(leaked.violations.nonMemberDeliveries.count, 1);

  const short = check(history, [...stored, { conversationId: G, seq: 7, id: 'e7', senderId: 'a', payload: '#e7', system: true }], groupMembers, devs);
  assert.equal(short.violations.gapsNeverFilled.count, 2, 'seq 7 of the latest period is missing on both devices');
});
