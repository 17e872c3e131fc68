import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimerWheel } from '../src/gateway/timer-wheel.ts';

function wheel(tickMs = 10, slots = 8) {
  let now = 1000;
  const fired: { item: string; at: number }[] = [];
  const w = new TimerWheel<string>(tickMs, slots, (item) => fired.push({ item, at: now }), () => now);
  return {
    w,
    fired,
    advanceTo(t: number) {
      while (now < t) {
        now = Math.min(t, now + 1);
        w.advance();
      }
    },
  };
}

test('TimerWheel › fires each entry once, never before its deadline', () => {
  const { w, fired, advanceTo } = wheel();
  const delays = [0, 1, 9, 10, 11, 25, 79, 80, 81, 500];
  for (const d of delays) w.schedule(`d${d}`, d);
  advanceTo(3000);
  assert.equal(fired.length, delays.length);
  for (const d of delays) {
    const f = fired.find((x) => x.item === `d${d}`)!;
    assert.ok(f.at >= 1000 + d, `d${d} fired at +${f.at - 1000}`);
    assert.ok(f.at <= 1000 + d + 2 * 10, `d${d} fired late at +${f.at - 1000}`);
  }
  assert.equal(w.pending, 0);
});

test('TimerWheel › entries scheduled mid-tick wait their full delay', () => {
  const { w, fired, advanceTo } = wheel(10, 4);
  advanceTo(1009); // just before a tick boundary
  w.schedule('late', 10);
  advanceTo(1018);
  assert.equal(fired.length, 0, 'fired early');
  advanceTo(1040);
  assert.equal(fired.length, 1);
  assert.ok(fired[0]!.at >= 1019);
});

test('TimerWheel › delays longer than one revolution take extra rounds', () => {
  const { w, fired, advanceTo } = wheel(10, 4); // one revolution = 40 ms
  w.schedule('far', 125);
  advanceTo(1120);
  assert.equal(fired.length, 0);
  advanceTo(1150);
  assert.equal(fired.length, 1);
});

test('TimerWheel › cancelled entries never fire', () => {
  const { w, fired, advanceTo } = wheel();
  const a = w.schedule('a', 30);
  w.schedule('b', 30);
  w.cancel(a);
  advanceTo(1100);
  assert.deepEqual(fired.map((f) => f.item), ['b']);
  assert.equal(w.pending, 0);
});

test('TimerWheel › holds many entries with one interval timer', () => {
  const { w, fired, advanceTo } = wheel(10, 64);
  for (let i = 0; i < 100_000; i++) w.schedule(`e${i}`, i % 1000);
  assert.equal(w.pending, 100_000);
  advanceTo(2100);
  assert.equal(fired.length, 100_000);
});
