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

/** Clocks a test drives: monotonic time moves only when passed; the wall clock can also be stepped. */
function manualClock() {
  let monotonic = 0;
  let wall = Date.UTC(2026, 0, 1);
  return {
    monotonic: () => monotonic,
    wall: () => wall,
    pass(ms: number) {
      monotonic += ms;
      wall += ms;
    },
    stepWall(ms: number) {
      wall += ms;
    },
  };
}

/**
 * The gateway's two wheels at the default settings (heartbeatMs 15,000, so a
 * 1,000 ms tick and a heartbeat every 7,500 ms; authTimeoutMs 10,000;
 * retransmitMs 2,000, a 250 ms tick), reading `now`, with the entries a fresh
 * connection and its first push put in them. Returns when each fired, in the
 * clock's monotonic ms.
 */
function gatewayWheels(now: () => number, clock: ReturnType<typeof manualClock>) {
  const fired = new Map<string, number>();
  const heartbeats = new TimerWheel<string>(1000, 512, (item) => fired.set(item, clock.monotonic()), now);
  const retransmits = new TimerWheel<string>(250, 512, (item) => fired.set(item, clock.monotonic()), now);
  heartbeats.schedule('auth deadline', 10_000);
  heartbeats.schedule('heartbeat', 7_500);
  retransmits.schedule('retransmit', 2_000);
  return {
    fired,
    /** Let `ms` of monotonic time pass, the wheels ticking every 10 ms as their intervals would. */
    run(ms: number) {
      for (let t = 0; t < ms; t += 10) {
        clock.pass(10);
        heartbeats.advance();
        retransmits.advance();
      }
    },
  };
}

test('TimerWheel › on the monotonic clock, a wall clock stepped back 60 s delays no auth deadline, heartbeat or retransmit', () => {
  const clock = manualClock();
  const { fired, run } = gatewayWheels(() => clock.monotonic(), clock);
  run(500);
  clock.stepWall(-60_000);
  run(11_500);
  // Each on the first tick at or after its deadline, in monotonic terms (the wheels' contract).
  assert.deepEqual(Object.fromEntries(fired), { retransmit: 2_000, heartbeat: 8_000, 'auth deadline': 10_000 });
});

test('TimerWheel › (control) on the wall clock, the same step back holds every entry back by a minute', () => {
  // What the gateway did before it read the monotonic clock: the test above would fail.
  const clock = manualClock();
  const { fired, run } = gatewayWheels(() => clock.wall(), clock);
  run(500);
  clock.stepWall(-60_000);
  run(11_500);
  assert.equal(fired.size, 0, `fired: ${JSON.stringify(Object.fromEntries(fired))}`);
  run(60_000);
  assert.equal(fired.size, 3);
});
