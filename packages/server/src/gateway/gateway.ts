/**
 * The gateway: every live session of this node, indexed by user and device, and
 * the bridge from the bus to them. The gateway subscribes to the bus once and
 * resolves each event's recipients against its index; a push frame is encoded
 * once per message and the same bytes go to every device.
 *
 * Timers: two timer wheels drive all sessions — one for heartbeats and the auth
 * deadline, one for retransmits — so timers never scale with messages.
 */
import { CloseCode, encodeFrame, NoticeCode } from '@parley/protocol';
import type { Logger } from 'pino';
import type { Accounts } from '../auth/accounts.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { Bus, BusEvent } from '../chat/types.ts';
import { PushRun, Session, type Link } from './session.ts';
import { noCrash, type CrashHook } from '../testing/faults.ts';
import { TimerWheel } from './timer-wheel.ts';
import { parseDevicePolicy, platformClass, type DevicePolicy } from './device-policy.ts';

export interface GatewayConfig {
  typingPerSecond: number;
  maxFrameBytes: number;
  heartbeatMs: number;
  authTimeoutMs: number;
  retransmitMs: number;
  maxUnackedPushes: number;
  maxBufferedBytes: number;
  maxInFlight: number;
  devicePolicy: string;
}

export interface GatewayStats {
  retransmits: number;
  resyncs: number;
  connectionsOpened: number;
}

interface UserEntry {
  devices: Map<string, Session>;
}

export class Gateway {
  readonly stats: GatewayStats = { retransmits: 0, resyncs: 0, connectionsOpened: 0 };
  private readonly sessions = new Set<Session>();
  private readonly users = new Map<string, UserEntry>();
  private readonly heartbeats: TimerWheel<Session>;
  private readonly retransmits: TimerWheel<Session>;
  private readonly unsubscribe: () => void;
  private readonly devicePolicy: DevicePolicy;
  /** Sessions subscribed to a user's presence changes (this node's sessions only). */
  private readonly watchers = new Map<string, Set<Session>>();
  private draining = false;
  /** Where a draining node sends its clients: the other nodes. */
  private drainEndpoints: string[] = [];
  /** Bus events published since the last `deliverQueued`, which a queued microtask runs. */
  private queued: BusEvent[] = [];

  constructor(
    readonly config: GatewayConfig,
    readonly chat: ChatService,
    private readonly bus: Bus,
    private readonly tokens: TokenService,
    private readonly accounts: Accounts,
    readonly log: Logger,
    readonly crash: CrashHook = noCrash,
    /** TEST ONLY (testUnsafe=no-retransmit). */
    private readonly noRetransmit = false,
  ) {
    const beatTick = Math.max(10, Math.min(1000, Math.floor(config.heartbeatMs / 4)));
    this.heartbeats = new TimerWheel<Session>(beatTick, 512, (s) => this.onHeartbeat(s));
    const resendTick = Math.max(10, Math.min(250, Math.floor(config.retransmitMs / 4)));
    this.retransmits = new TimerWheel<Session>(resendTick, 512, (s) => s.retransmit(Date.now()));
    this.heartbeats.start();
    this.retransmits.start();
    const unsubscribe = bus.subscribe((event) => this.deliver(event));
    const unMissed = bus.onMissed(() => {
      for (const session of this.sessions) session.resync();
    });
    this.unsubscribe = () => {
      unsubscribe();
      unMissed();
    };
    this.devicePolicy = parseDevicePolicy(config.devicePolicy);
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** A new transport connection: returns the session that will read its frames. */
  attach(link: Link): Session {
    const session = new Session(link, this);
    this.sessions.add(session);
    this.stats.connectionsOpened++;
    session.heartbeatEntry = this.heartbeats.schedule(session, this.config.authTimeoutMs);
    if (this.draining) {
      session.notice(NoticeCode.RECONNECT, 'this node is draining', this.drainEndpoints);
      session.close(CloseCode.DRAINING, 'draining');
    }
    return session;
  }

  async verifyToken(token: string): Promise<string> {
    const verified = await this.tokens.verify(token);
    if (verified.external) await this.accounts.ensureExternalUser(verified.userId);
    return verified.userId;
  }

  /** The session has authenticated: index it, replacing an older connection of the same device. */
  register(session: Session): void {
    let entry = this.users.get(session.userId);
    if (!entry) {
      const userId = session.userId;
      entry = { devices: new Map() };
      this.users.set(userId, entry);
      this.bus.publish({ kind: 'presence', userId, online: true, time: Date.now(), recipients: [], originSession: session.id });
    }
    const previous = entry.devices.get(session.deviceId);
    entry.devices.set(session.deviceId, session);
    if (!previous) this.bus.setLocalDevices(session.userId, entry.devices.size);
    previous?.close(CloseCode.REPLACED, 'replaced by a newer connection of this device');
    this.enforceDevicePolicy(entry, session);
    this.heartbeats.cancel(session.heartbeatEntry);
    session.heartbeatEntry = this.heartbeats.schedule(session, this.config.heartbeatMs / 2);
  }

  /** Over the limit of its platform class: the newest connection stays, the oldest of the class go. */
  private enforceDevicePolicy(entry: UserEntry, session: Session): void {
    const cls = platformClass(session.platform);
    const limit = this.devicePolicy.get(cls);
    if (limit === undefined) return;
    // Map order is connection order: the oldest come first.
    const others = [...entry.devices.values()].filter((s) => s !== session && platformClass(s.platform) === cls);
    for (const old of others.slice(0, Math.max(0, others.length + 1 - limit))) {
      old.notice(NoticeCode.KICKED, `signed in on another ${cls} device (${session.deviceId}); at most ${limit} ${cls} connection${limit > 1 ? 's' : ''} per user`);
      old.close(CloseCode.KICKED, `another ${cls} device signed in`);
    }
  }

  unregister(session: Session): void {
    this.sessions.delete(session);
    this.unwatchAll(session);
    this.heartbeats.cancel(session.heartbeatEntry);
    this.retransmits.cancel(session.retransmitEntry);
    const entry = this.users.get(session.userId);
    if (!entry || entry.devices.get(session.deviceId) !== session) return;
    entry.devices.delete(session.deviceId);
    this.bus.setLocalDevices(session.userId, entry.devices.size);
    if (entry.devices.size === 0) {
      this.users.delete(session.userId);
      void this.wentOfflineHere(session.userId, session.id);
    }
  }

  /** The user's last device on this node left: offline, unless a device is connected to another node. */
  private async wentOfflineHere(userId: string, originSession: string): Promise<void> {
    try {
      if (await this.isOnline(userId)) return;
      const now = Date.now();
      this.bus.publish({ kind: 'presence', userId, online: false, time: now, recipients: [], originSession });
      await this.chat.wentOffline(userId, now);
    } catch (err) {
      this.log.error({ err }, 'could not record going offline');
    }
  }

  /**
   * Whether the user has a device connected here or to any other node. Presence
   * is best effort: while the bus cannot say, only this node's devices count.
   */
  async isOnline(userId: string): Promise<boolean> {
    return this.users.has(userId) || this.bus.isOnline(userId).catch(() => false);
  }

  /** `isOnline` for many users, with one ask of the bus for those not connected here. */
  async onlineOf(userIds: readonly string[]): Promise<Set<string>> {
    const elsewhere = await this.bus.onlineOf(userIds.filter((u) => !this.users.has(u))).catch(() => new Set<string>());
    return new Set(userIds.filter((u) => this.users.has(u) || elsewhere.has(u)));
  }

  /** Push presence changes of `userId` to `session` until it closes. */
  watch(session: Session, userId: string): void {
    let set = this.watchers.get(userId);
    if (!set) this.watchers.set(userId, (set = new Set()));
    set.add(session);
    session.watching.add(userId);
  }

  /** End presence subscriptions between two users, both ways (after a block). */
  private unwatchBetween(a: string, b: string): void {
    for (const [watcher, watched] of [[a, b], [b, a]] as const) {
      const set = this.watchers.get(watched);
      if (!set) continue;
      for (const s of set) {
        if (s.userId !== watcher) continue;
        set.delete(s);
        s.watching.delete(watched);
      }
      if (set.size === 0) this.watchers.delete(watched);
    }
  }

  private unwatchAll(session: Session): void {
    for (const userId of session.watching) {
      const set = this.watchers.get(userId);
      set?.delete(session);
      if (set?.size === 0) this.watchers.delete(userId);
    }
    session.watching.clear();
  }

  private announcePresence(userId: string, online: boolean, time: number): void {
    const set = this.watchers.get(userId);
    if (!set) return;
    const frame = encodeFrame({ presenceUpdate: { userId, online, lastSeen: time } });
    for (const s of set) s.send(frame);
  }

  scheduleRetransmit(session: Session): void {
    if (this.noRetransmit || session.retransmitEntry || session.unacked === 0) return;
    session.retransmitEntry = this.retransmits.schedule(session, this.config.retransmitMs);
  }

  private onHeartbeat(session: Session): void {
    session.heartbeatEntry = undefined;
    if (session.heartbeat(Date.now())) {
      session.heartbeatEntry = this.heartbeats.schedule(session, this.config.heartbeatMs / 2);
    }
  }

  private deliver(event: BusEvent): void {
    if (this.queued.length === 0) queueMicrotask(this.deliverQueued);
    this.queued.push(event);
  }

  /**
   * The events published together, in order. A group commit resolves its whole
   * batch at once, so every message of the batch is published before this
   * microtask runs; and it runs before the senders' SendAcks are written (they
   * come one await later), so pushes are queued for writing ahead of them, as
   * when each event was delivered on the spot (a tick later, they would wait
   * behind every SendAck of the batch, which measurably adds to push latency).
   * Consecutive messages of a conversation with the same recipients form a run:
   * each recipient session takes the run in one step, and on TCP every session
   * that gets all of it is sent the same length-prefixed bytes.
   */
  private readonly deliverQueued = (): void => {
    const events = this.queued;
    this.queued = [];
    for (let i = 0; i < events.length; ) {
      const event = events[i]!;
      if (event.kind !== 'message') {
        this.signal(event);
        i++;
        continue;
      }
      let end = i + 1;
      while (end < events.length && sameRun(event, events[end]!)) end++;
      this.fanOut(events.slice(i, end) as MessageEvent[]);
      i = end;
    }
  };

  private fanOut(events: readonly MessageEvent[]): void {
    const messages = events.map((e) => e.message);
    const frames = messages.map((message) => encodeFrame({ push: { message } })); // StoredMessage has the wire shape
    const run = new PushRun(messages, frames);
    const origins = new Set(events.map((e) => e.originSession));
    const now = Date.now();
    for (const userId of events[0]!.recipients) {
      const entry = this.users.get(userId);
      if (!entry) continue;
      for (const session of entry.devices.values()) {
        if (!origins.has(session.id)) {
          session.pushRun(run, now);
        } else {
          // A sender learns its own message from its SendAck: it takes the rest one by one.
          for (let k = 0; k < events.length; k++) if (events[k]!.originSession !== session.id) session.push(messages[k]!, frames[k]!, now);
        }
        this.crash('mid-fanout');
      }
    }
  }

  /**
   * Everything but messages. Typing, read and delivered positions are pushed once
   * and not tracked: typing is ephemeral, and the positions are state that sync
   * carries reliably. A block ends presence subscriptions between the two users.
   */
  private signal(event: Exclude<BusEvent, MessageEvent>): void {
    if (event.kind === 'block') {
      this.unwatchBetween(event.userId, event.blockedId);
      return;
    }
    if (event.kind === 'presence') {
      this.announcePresence(event.userId, event.online, event.time);
      return;
    }
    if (event.kind === 'membership') return; // for the chat layer's member cache
    const frame =
      event.kind === 'typing'
        ? encodeFrame({ typing: { conversationId: event.conversationId, typing: event.typing, userId: event.userId } })
        : event.kind === 'read'
          ? encodeFrame({ readState: { conversationId: event.conversationId, userId: event.userId, readSeq: event.readSeq } })
          : encodeFrame({ deliveryState: { conversationId: event.conversationId, userId: event.userId, deliveredSeq: event.deliveredSeq } });
    for (const userId of event.recipients) {
      const entry = this.users.get(userId);
      if (!entry) continue;
      for (const session of entry.devices.values()) if (session.id !== event.originSession) session.send(frame);
    }
  }

  /** Stop taking connections and tell every client to reconnect elsewhere. */
  drain(endpoints: string[] = []): void {
    this.draining = true;
    this.drainEndpoints = endpoints;
    for (const session of [...this.sessions]) {
      session.notice(NoticeCode.RECONNECT, 'this node is shutting down', endpoints);
      session.close(CloseCode.DRAINING, 'draining');
    }
  }

  close(): void {
    this.unsubscribe();
    this.drain();
    this.heartbeats.stop();
    this.retransmits.stop();
  }
}

type MessageEvent = Extract<BusEvent, { kind: 'message' }>;

/** `next` continues the run `first` starts: a message of the same conversation to the same recipients. */
function sameRun(first: MessageEvent, next: BusEvent): boolean {
  if (next.kind !== 'message' || next.message.conversationId !== first.message.conversationId) return false;
  const a = first.recipients;
  const b = next.recipients;
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
