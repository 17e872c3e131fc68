/**
 * The gateway: every live session of this node, indexed by user and device, and
 * the bridge from the bus to them. The gateway subscribes to the bus once and
 * resolves each event's recipients against its index; a push frame is encoded
 * once per message and the same bytes go to every device.
 *
 * Timers: two timer wheels drive all sessions — one for heartbeats and the auth
 * deadline, one for retransmits — so timers never scale with messages. They, and
 * every elapsed time a session keeps, run on the monotonic clock; the wall clock
 * is only for points in time that leave the node (presence, last seen, AuthOk).
 */
import { CloseCode, encodeFrame, ErrorCode, MessageType, NoticeCode } from '@parley/protocol';
import type { Logger } from 'pino';
import { addressOf, type Accounts, type Authenticated } from '../auth/accounts.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { VoiceService } from '../media/voice-service.ts';
import type { Bus, BusEvent } from '../chat/types.ts';
import { systemClock, type Clock } from '../clock.ts';
import { PushRun, Session, type Link } from './session.ts';
import { noCrash, type CrashHook } from '../testing/faults.ts';
import { TimerWheel } from './timer-wheel.ts';
import { BoundedMap } from '../bounded-map.ts';
import type { FrameBucket } from '../limits/rate-limits.ts';
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
  /** Conversations with more members than this fan out through a room (see `Room`). */
  largeGroupThreshold: number;
  /** Frames one user's connections on this node are read at, per second on average (0: unlimited), and at once. */
  limitFramesPerSecond: number;
  limitFrameBurst: number;
}

export interface GatewayStats {
  /** Frames read past their connection's frame rate, held until it allowed them. */
  framesDelayed: number;
  retransmits: number;
  resyncs: number;
  connectionsOpened: number;
  /** Runs of messages fanned out through a room (a large conversation's online members). */
  roomRuns: number;
  /** Writes handed to sockets (each carries every frame a connection got in one turn). */
  socketWrites: number;
  /** Sync answers cut short by transactions still open on the store (their session is told RESYNC once those end). */
  syncsWithheld: number;
}

interface UserEntry {
  devices: Map<string, Session>;
}

/**
 * The online members of a large conversation on this node: their sessions, for
 * one version of its member list. A message whose member list has that version
 * goes to these sessions without a look at every member; a message with a newer
 * version rebuilds the room from its list. Connects join the rooms their user is
 * a member of; disconnects leave them.
 */
export interface Room {
  readonly conversationId: string;
  readonly version: number;
  readonly members: ReadonlySet<string>;
  readonly sessions: Set<Session>;
}

/** How long a revoke also closes connections that register after its event (see recentRevokes). */
const RECENT_REVOKE_MS = 10_000;

/** Rooms kept at most; the least recently used goes first. */
const MAX_ROOMS = 1024;

/** Users whose frame buckets are kept; the least recently connected goes first. */
const MAX_FRAME_BUCKETS = 100_000;

export class Gateway {
  readonly stats: GatewayStats = { framesDelayed: 0, retransmits: 0, resyncs: 0, connectionsOpened: 0, roomRuns: 0, socketWrites: 0, syncsWithheld: 0 };
  private readonly sessions = new Set<Session>();
  private readonly users = new Map<string, UserEntry>();
  /** Frame buckets of the users most recently connected (see frameBucket); one forgotten starts full again. */
  private readonly frameBuckets = new BoundedMap<string, FrameBucket>(MAX_FRAME_BUCKETS);
  private readonly heartbeats: TimerWheel<Session>;
  private readonly retransmits: TimerWheel<Session>;
  /** When each connection's token expires: it is closed then (KICKED). */
  private readonly expiries: TimerWheel<Session>;
  /** This node's open connections by the sign-in session their token belongs to. */
  private readonly bySignIn = new Map<string, Set<Session>>();
  /**
   * Sign-in sessions (and users, for revokes of all their tokens) revoked in the
   * last RECENT_REVOKE_MS, with when: a connection whose token was checked just
   * before the revoke and that registers just after its event is closed too.
   */
  private readonly recentRevokes = new Map<string, number>();
  private readonly unsubscribe: () => void;
  private readonly devicePolicy: DevicePolicy;
  /** Large conversations' online members here, by conversation id (most recently used last). */
  private readonly rooms = new Map<string, Room>();
  /** Sessions subscribed to a user's presence changes (this node's sessions only). */
  private readonly watchers = new Map<string, Set<Session>>();
  private draining = false;
  /** Where a draining node sends its clients: the other nodes. */
  private drainEndpoints: string[] = [];
  /** TEST ONLY: a crash point may fire (the code before one flushes, so the named moment is on the wire). */
  readonly crashArmed: boolean;
  /** Bus events published since the last `deliverQueued`, which a queued microtask runs. */
  private queued: BusEvent[] = [];
  /** Sessions to be told RESYNC once the store has what their last sync lacked (see resyncWhenPassed). */
  private readonly awaitingStore = new WeakSet<Session>();

  constructor(
    readonly config: GatewayConfig,
    readonly chat: ChatService,
    private readonly bus: Bus,
    readonly accounts: Accounts,
    readonly log: Logger,
    readonly crash: CrashHook = noCrash,
    /** TEST ONLY (testUnsafe=no-retransmit). */
    private readonly noRetransmit = false,
    /** Where sessions read the time (see clock.ts); tests inject one. */
    readonly clock: Clock = systemClock,
    /** Voice streams (absent: VoiceStart and the rest are refused as UNAVAILABLE). */
    readonly voice?: VoiceService,
  ) {
    const monotonic = () => clock.monotonic();
    const beatTick = Math.max(10, Math.min(1000, Math.floor(config.heartbeatMs / 4)));
    this.heartbeats = new TimerWheel<Session>(beatTick, 512, (s) => this.onHeartbeat(s), monotonic);
    const resendTick = Math.max(10, Math.min(250, Math.floor(config.retransmitMs / 4)));
    this.retransmits = new TimerWheel<Session>(resendTick, 512, (s) => s.retransmit(monotonic()), monotonic);
    this.expiries = new TimerWheel<Session>(250, 512, (s) => this.expired(s), monotonic);
    this.heartbeats.start();
    this.retransmits.start();
    this.expiries.start();
    const unsubscribe = bus.subscribe((event) => this.deliver(event));
    const unMissed = bus.onMissed(() => {
      for (const session of this.sessions) session.resync();
    });
    this.unsubscribe = () => {
      unsubscribe();
      unMissed();
    };
    this.devicePolicy = parseDevicePolicy(config.devicePolicy);
    this.crashArmed = crash !== noCrash;
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * The frame bucket of a user's connections on this node: kept while they are
   * recently active, so a reconnect or a second connection does not start a
   * fresh burst. `own` (the connection's bucket before AuthOk) becomes theirs if they have none.
   */
  frameBucket(userId: string, own: FrameBucket): FrameBucket {
    const bucket = this.frameBuckets.get(userId);
    if (bucket) return bucket;
    this.frameBuckets.set(userId, own);
    return own;
  }

  /** A new transport connection: returns the session that will read its frames. */
  attach(link: Link): Session {
    const session = new Session(link, this);
    this.sessions.add(session);
    this.stats.connectionsOpened++;
    this.log.debug({ transport: link.transport, address: link.address, remote: link.remote }, 'connection opened');
    session.heartbeatEntry = this.heartbeats.schedule(session, this.config.authTimeoutMs);
    if (this.draining) {
      session.notice(NoticeCode.RECONNECT, 'this node is draining', this.drainEndpoints);
      session.fail(ErrorCode.DRAINING, 'this node is draining; reconnect elsewhere', CloseCode.DRAINING);
    }
    return session;
  }

  /** Who the token of a connection from `remote` is, checked against its sign-in session. */
  verifyToken(token: string, remote: string): Promise<Authenticated> {
    return this.accounts.authenticate(token, { address: addressOf(remote) });
  }

  /** The session has authenticated: index it, replacing an older connection of the same device. */
  register(session: Session): void {
    let entry = this.users.get(session.userId);
    if (!entry) {
      const userId = session.userId;
      entry = { devices: new Map() };
      this.users.set(userId, entry);
      this.bus.publish({ kind: 'presence', userId, online: true, time: this.clock.wall(), recipients: [], originSession: session.id });
    }
    session.registeredAt = this.clock.wall(); // compared across nodes: a point in time
    const previous = entry.devices.get(session.deviceId);
    entry.devices.set(session.deviceId, session);
    if (!previous) this.bus.setLocalDevices(session.userId, entry.devices.size);
    if (previous) this.leaveRooms(previous);
    // Said in an Error before the close, so that a TCP client (no close codes there)
    // can tell this from a network drop and stop, instead of evicting the newer one.
    previous?.fail(ErrorCode.REPLACED, 'replaced by a newer connection of this device', CloseCode.REPLACED);
    for (const room of this.rooms.values()) {
      if (!room.members.has(session.userId)) continue;
      room.sessions.add(session);
      session.rooms.add(room);
    }
    this.enforceDevicePolicy(entry, session);
    const revokedJustNow = session.signInId !== undefined ? this.recentRevokes.has(session.signInId) : this.recentRevokes.has(`user:${session.userId}`);
    if (revokedJustNow) {
      this.kick(session, 'signed out');
      return;
    }
    if (session.signInId !== undefined) {
      let set = this.bySignIn.get(session.signInId);
      if (!set) this.bySignIn.set(session.signInId, (set = new Set()));
      set.add(session);
    }
    // Closed when its token expires: wall time left, counted on the monotonic clock.
    session.expiryEntry = this.expiries.schedule(session, session.tokenExpiresAt - this.clock.wall());
    this.heartbeats.cancel(session.heartbeatEntry);
    session.heartbeatEntry = this.heartbeats.schedule(session, this.config.heartbeatMs / 2);
  }

  /**
   * Over the limit of its platform class: the newest connections stay, the oldest
   * of the class go — here, and on every other node, which hears of the new
   * connection from the bus (see `devicesElsewhere`).
   */
  private enforceDevicePolicy(entry: UserEntry, session: Session): void {
    const cls = platformClass(session.platform);
    const limit = this.devicePolicy.get(cls);
    if (limit === undefined) return;
    const mine = [...entry.devices.values()].filter((s) => platformClass(s.platform) === cls);
    this.kickPastLimit(mine, [], cls, limit, session.deviceId);
    const sessions = mine.filter((s) => s.state === 'open').map((s) => ({ id: s.id, at: s.registeredAt }));
    this.bus.publish({ kind: 'device', userId: session.userId, platformClass: cls, sessions, recipients: [session.userId], originSession: session.id });
  }

  /** Another node's connection of a limited class: this node's connections of the user's class rank with it. */
  private devicesElsewhere(event: Extract<BusEvent, { kind: 'device' }>): void {
    const limit = this.devicePolicy.get(event.platformClass);
    const entry = this.users.get(event.userId);
    if (limit === undefined || !entry) return;
    const mine = [...entry.devices.values()].filter((s) => platformClass(s.platform) === event.platformClass);
    if (mine.some((s) => s.id === event.originSession)) return; // our own announcement
    this.kickPastLimit(mine, event.sessions, event.platformClass, limit, 'another node');
  }

  /**
   * Rank `mine` (this node's connections of a class) with `theirs` (another
   * node's) newest first — by connect time, then id, the same order on every
   * node — and close those of `mine` past `limit`.
   */
  private kickPastLimit(mine: readonly Session[], theirs: readonly { id: string; at: number }[], cls: string, limit: number, by: string): void {
    const ranked = [...mine.map((s) => ({ id: s.id, at: s.registeredAt, session: s as Session | undefined })), ...theirs.map((t) => ({ ...t, session: undefined }))];
    ranked.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    for (const { session: old } of ranked.slice(limit)) {
      if (!old || old.state !== 'open') continue;
      this.leaveRooms(old);
      old.notice(NoticeCode.KICKED, `signed in on another ${cls} device (${by}); at most ${limit} ${cls} connection${limit > 1 ? 's' : ''} per user`);
      old.fail(ErrorCode.KICKED, `another ${cls} device signed in`, CloseCode.KICKED);
    }
  }

  unregister(session: Session): void {
    this.sessions.delete(session);
    this.unwatchAll(session);
    this.leaveRooms(session);
    this.heartbeats.cancel(session.heartbeatEntry);
    this.retransmits.cancel(session.retransmitEntry);
    this.expiries.cancel(session.expiryEntry);
    if (session.signInId !== undefined) {
      const set = this.bySignIn.get(session.signInId);
      set?.delete(session);
      if (set?.size === 0) this.bySignIn.delete(session.signInId);
    }
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
      const now = this.clock.wall();
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

  /**
   * Presence as clients get it: each user with whether they are online now (one
   * ask of the bus for all of them) and when last seen — now, for a user online.
   */
  async presence(users: readonly { userId: string; lastSeen: number }[]): Promise<{ userId: string; online: boolean; lastSeen: number }[]> {
    const online = await this.onlineOf(users.map((u) => u.userId));
    const now = this.clock.wall();
    return users.map(({ userId, lastSeen }) => ({ userId, online: online.has(userId), lastSeen: online.has(userId) ? now : lastSeen }));
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

  /**
   * A sync answer the session got may lack changes that transactions still open
   * on the store held back (`withheld`, see StorePort.changesSince): once they
   * have ended, tell it to sync again. The store watches with one poller for the
   * node; here each session waits at most once at a time, since the sync that
   * RESYNC starts waits again if it falls short again.
   */
  resyncWhenPassed(session: Session, withheld: Promise<void>): void {
    this.stats.syncsWithheld++;
    if (this.awaitingStore.has(session)) return;
    this.awaitingStore.add(session);
    void withheld.then(() => {
      this.awaitingStore.delete(session);
      session.resync('changes a transaction on the store held back from your last sync are in; sync to catch up');
    });
  }

  scheduleRetransmit(session: Session): void {
    if (this.noRetransmit || session.retransmitEntry || session.unacked === 0) return;
    session.retransmitEntry = this.retransmits.schedule(session, this.config.retransmitMs);
  }

  /**
   * The connection's token expired: closed as a refused token (Error AUTH_FAILED,
   * close 4001), not KICKED — a client that can get a new token reconnects with
   * it (the SDK does, with a token function), one that cannot stops.
   */
  private expired(session: Session): void {
    session.expiryEntry = undefined;
    if (session.state !== 'open') return;
    this.leaveRooms(session);
    session.fail(ErrorCode.AUTH_FAILED, 'your token expired; reconnect with a new one', CloseCode.AUTH_FAILED);
  }

  private kick(session: Session, reason: string): void {
    this.leaveRooms(session);
    session.notice(NoticeCode.KICKED, reason);
    session.fail(ErrorCode.KICKED, reason, CloseCode.KICKED);
  }

  /**
   * Sign-in sessions were signed out, here or on another node: close their
   * connections on this node (or, for `all`, every connection of the user).
   */
  private revoked(event: Extract<BusEvent, { kind: 'revoke' }>): void {
    if (event.all) this.accounts.forgetUser(event.userId);
    const now = this.clock.monotonic();
    for (const [key, at] of this.recentRevokes) {
      if (now - at < RECENT_REVOKE_MS) break; // oldest first
      this.recentRevokes.delete(key);
    }
    for (const id of event.sessionIds) this.recentRevokes.set(id, now);
    if (event.all) this.recentRevokes.set(`user:${event.userId}`, now);
    const doomed: Session[] = [];
    if (event.all) {
      for (const session of this.users.get(event.userId)?.devices.values() ?? []) doomed.push(session);
    }
    for (const id of event.sessionIds) for (const session of this.bySignIn.get(id) ?? []) doomed.push(session);
    for (const session of doomed) if (session.state === 'open') this.kick(session, `signed out: ${event.reason}`);
  }

  private onHeartbeat(session: Session): void {
    session.heartbeatEntry = undefined;
    if (session.heartbeat(this.clock.monotonic())) {
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
    const now = this.clock.monotonic(); // when the pushes were sent, for their retransmit
    const room = this.roomFor(events);
    if (room) {
      this.stats.roomRuns++;
      for (const session of room.sessions) this.pushTo(session, events, run, origins, now);
      return;
    }
    for (const userId of events[0]!.recipients) {
      const entry = this.users.get(userId);
      if (!entry) continue;
      for (const session of entry.devices.values()) this.pushTo(session, events, run, origins, now);
    }
  }

  /**
   * The room to fan a run out through: for a large conversation whose messages all
   * carry the same member-list version. Built (or rebuilt, for a newer version)
   * from the run's recipients; a run older than the room's version takes the
   * slow path. Group changes take it too: their recipients include the members
   * they remove, who are not in the list that follows.
   */
  private roomFor(events: readonly MessageEvent[]): Room | undefined {
    const first = events[0]!;
    const version = first.membersVersion;
    if (version === undefined || first.recipients.length <= this.config.largeGroupThreshold) return undefined;
    for (const e of events) if (e.membersVersion !== version || e.message.type === MessageType.MEMBERSHIP) return undefined;
    const conversationId = first.message.conversationId;
    let room = this.rooms.get(conversationId);
    if (room && room.version > version) return undefined;
    if (room && room.version === version) {
      this.rooms.delete(conversationId); // most recently used last
      this.rooms.set(conversationId, room);
      return room;
    }
    if (room) this.dropRoom(room);
    room = { conversationId, version, members: new Set(first.recipients), sessions: new Set() };
    for (const userId of first.recipients) {
      const entry = this.users.get(userId);
      if (!entry) continue;
      for (const session of entry.devices.values()) {
        room.sessions.add(session);
        session.rooms.add(room);
      }
    }
    this.rooms.set(conversationId, room);
    if (this.rooms.size > MAX_ROOMS) this.dropRoom(this.rooms.values().next().value!);
    return room;
  }

  private dropRoom(room: Room): void {
    this.rooms.delete(room.conversationId);
    for (const session of room.sessions) session.rooms.delete(room);
  }

  private leaveRooms(session: Session): void {
    for (const room of session.rooms) room.sessions.delete(session);
    session.rooms.clear();
  }

  /** One session's share of a run. */
  private pushTo(session: Session, events: readonly MessageEvent[], run: PushRun, origins: ReadonlySet<string>, now: number): void {
    if (!origins.has(session.id)) {
      session.pushRun(run, now);
    } else {
      // A sender learns its own message from its SendAck: it takes the rest one by one.
      let pushed = false;
      for (let k = 0; k < events.length; k++) {
        if (events[k]!.originSession === session.id) continue;
        session.push(run.messages[k]!, run.frames[k]!, now);
        pushed = true;
      }
      if (!pushed) return;
    }
    if (this.crashArmed) {
      // The named moment: this device has its pushes on the wire, the others nothing.
      session.link.flush();
      this.crash('mid-fanout');
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
    if (event.kind === 'device') {
      this.devicesElsewhere(event);
      return;
    }
    if (event.kind === 'voice') {
      this.voicePush(event);
      return;
    }
    if (event.kind === 'revoke') {
      this.revoked(event);
      return;
    }
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

  /**
   * A voice stream's chunk (or its end or cancellation) to the members' devices
   * here, the sending connection aside. Sent once, not tracked: a device that
   * misses one fetches it (VoiceFetch), and the stream's message itself is a
   * normal, tracked message.
   */
  private voicePush(event: Extract<BusEvent, { kind: 'voice' }>): void {
    const frame = encodeFrame({
      voicePush: {
        streamId: event.streamId, conversationId: event.conversationId, senderId: event.senderId, mime: event.mime, index: event.index,
        data: Buffer.from(event.data, 'base64'), ended: event.ended, chunkCount: event.chunkCount, cancelled: event.cancelled,
      },
    });
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
      session.fail(ErrorCode.DRAINING, 'this node is shutting down; reconnect elsewhere', CloseCode.DRAINING);
    }
  }

  close(): void {
    this.unsubscribe();
    this.drain();
    this.heartbeats.stop();
    this.retransmits.stop();
    this.expiries.stop();
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
