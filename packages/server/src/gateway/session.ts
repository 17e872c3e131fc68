/**
 * One client connection, whatever its transport: the protocol state machine
 * (awaiting auth → authenticating → open → closed), request dispatch to the chat
 * service, and the server half of reliable delivery.
 *
 * Delivery: every push is kept in `pending` (per conversation, ascending seq)
 * until the device acknowledges it cumulatively; one timer-wheel entry per session
 * resends what has waited longer than `retransmitMs`. A device that lets more than
 * `maxUnackedPushes` pile up is told to RESYNC and its pending pushes are dropped
 * (sync + pull recover them from the store), so a slow consumer costs bounded memory.
 *
 * Time: every `now` here, and `lastReceived`, `lastSent` and a push's send time,
 * is on the gateway's monotonic clock (see clock.ts); the wall clock only for
 * times a client or another node reads.
 *
 * Errors: every request that fails gets an Error frame with its id and a stable
 * code. Every close the server makes goes through `fail`: an Error first (id 0, or
 * the Auth's id when it refuses an Auth), then the close, so that both transports
 * say why — raw TCP has no close code, and a client must tell a REPLACED or KICKED
 * connection (stop) from a network drop (reconnect). PROTOCOL.md §8 lists them.
 */
import { randomUUID } from 'node:crypto';
import {
  AccountsSessionOp,
  CloseCode,
  decodeFrame,
  encodeFrame,
  ErrorCode,
  lengthPrefixedAll,
  Limits,
  NoticeCode,
  ParleyError,
  PROTOCOL_VERSION,
  type FrameData,
  type parley,
} from '@parley/protocol';
import { sendAckOf, type Caller } from '../chat/chat-service.ts';
import { FrameBucket } from '../limits/rate-limits.ts';
import type { StoredMessage } from '../chat/types.ts';
import type { Gateway, Room } from './gateway.ts';
import type { WheelEntry } from './timer-wheel.ts';

/** What a session needs from its transport. */
export interface Link {
  readonly transport: 'ws' | 'tcp';
  /** The peer as `address:port`, for logs. */
  readonly remote: string;
  /** The client's IP address (http/client-address.ts: behind a trusted proxy, the client it forwarded for). */
  readonly address: string;
  /** Send one encoded Frame; returns the bytes now queued in user space and not yet handed to the kernel. */
  write(frame: Uint8Array): number;
  /** Send every frame of a run, in order; returns what `write` returns. */
  writeRun(run: PushRun): number;
  /** Hand what this turn has gathered to the kernel now (test-only crash points; normally a turn ends it). */
  flush(): void;
  /** Stop reading from the peer (frames already read may still arrive), until `resume`. */
  pause(): void;
  resume(): void;
  close(code: CloseCode, reason: string): void;
}

/**
 * Pushes of consecutive messages of one conversation, each encoded once for all
 * recipients; a connection that gets the whole run gets the same bytes as every
 * other such connection.
 */
export class PushRun {
  private framed: Uint8Array | undefined;

  constructor(
    readonly messages: readonly StoredMessage[],
    readonly frames: readonly Uint8Array[],
  ) {}

  /** The frames, each behind its length prefix, in one buffer (built once, on first use). */
  get lengthPrefixed(): Uint8Array {
    return (this.framed ??= lengthPrefixedAll(this.frames));
  }
}

const NO_FRAME = new Uint8Array(0);

/**
 * One conversation's pushes awaiting the device's cumulative ack, in ascending
 * seq: parallel arrays from `head` on, so a push costs no object of its own
 * (the frame is the one shared by every recipient) and an ack moves `head`.
 */
export class PendingPushes {
  private readonly seqs: number[] = [];
  private readonly frames: Uint8Array[] = [];
  private readonly sentAt: number[] = [];
  private head = 0;

  get size(): number {
    return this.seqs.length - this.head;
  }

  /** Track a push; false when `seq` is pending already (a republished duplicate). */
  add(seq: number, frame: Uint8Array, now: number): boolean {
    const seqs = this.seqs;
    const n = seqs.length;
    if (n === this.head || seqs[n - 1]! < seq) {
      seqs.push(seq);
      this.frames.push(frame);
      this.sentAt.push(now);
      return true;
    }
    let i = n - 1;
    while (i > this.head && seqs[i - 1]! >= seq) i--;
    if (seqs[i] === seq) return false;
    seqs.splice(i, 0, seq);
    this.frames.splice(i, 0, frame);
    this.sentAt.splice(i, 0, now);
    return true;
  }

  /** Track a whole run; false (and nothing tracked) unless it goes, in ascending seq, after every pending push. */
  addRun(run: PushRun, now: number): boolean {
    const seqs = this.seqs;
    let last = seqs.length > this.head ? seqs[seqs.length - 1]! : -Infinity;
    for (const m of run.messages) {
      if (m.seq <= last) return false;
      last = m.seq;
    }
    const { messages, frames } = run;
    for (let i = 0; i < messages.length; i++) {
      seqs.push(messages[i]!.seq);
      this.frames.push(frames[i]!);
      this.sentAt.push(now);
    }
    return true;
  }

  /** Drop every push up to `seq`; returns how many were dropped. */
  ackUpTo(seq: number): number {
    const seqs = this.seqs;
    const from = this.head;
    let i = from;
    while (i < seqs.length && seqs[i]! <= seq) i++;
    if (i === from) return 0;
    if (i === seqs.length) {
      seqs.length = this.frames.length = this.sentAt.length = this.head = 0;
    } else if (i > 64 && i * 2 > seqs.length) {
      seqs.splice(0, i);
      this.frames.splice(0, i);
      this.sentAt.splice(0, i);
      this.head = 0;
    } else {
      this.frames.fill(NO_FRAME, from, i); // let acknowledged frames go
      this.head = i;
    }
    return i - from;
  }

  /** Resend, oldest first, what was last sent at or before `due`; returns how many. */
  resend(due: number, now: number, write: (frame: Uint8Array) => void): number {
    const sentAt = this.sentAt;
    let i = this.head;
    for (; i < sentAt.length && sentAt[i]! <= due; i++) {
      sentAt[i] = now;
      write(this.frames[i]!);
    }
    return i - this.head;
  }
}

type State = 'awaiting-auth' | 'authenticating' | 'open' | 'closed';

/** Users one connection may watch the presence of. */
const MAX_WATCHED = 5000;

/** Frames that may arrive before AuthOk and are held until auth completes. */
const MAX_EARLY_FRAMES = 64;

/** Shortest wait between two turns of handling held frames. */
const SHAPING_MS = 10;

export class Session {
  readonly id = randomUUID();
  state: State = 'awaiting-auth';
  userId = '';
  deviceId = '';
  platform = '';
  /** When the gateway indexed this session (ms since epoch): its place in the device policy's order. */
  registeredAt = 0;
  /** `fail` has begun: the connection is on its way out. */
  private failing = false;
  lastReceived: number;
  lastSent: number;
  heartbeatEntry: WheelEntry | undefined;
  /** Users whose presence this session is subscribed to. */
  readonly watching = new Set<string>();
  /** The large conversations' rooms this session is in (see Gateway). */
  readonly rooms = new Set<Room>();
  retransmitEntry: WheelEntry | undefined;
  /** The sign-in session of its token (undefined: an app backend's token). */
  signInId: string | undefined;
  /** When its token expires (ms since epoch): the gateway closes it then. */
  tokenExpiresAt = 0;
  expiryEntry: WheelEntry | undefined;

  private caller: Caller | undefined;
  private typingWindowStart = -Infinity;
  private typingInWindow = 0;
  private early: Uint8Array[] = [];
  private inFlight = 0;
  private readonly pending = new Map<string, PendingPushes>();
  private pendingCount = 0;
  /**
   * Frames this connection may still have handled now (config
   * limitFramesPerSecond, limitFrameBurst): its own bucket until AuthOk, then
   * its user's on this node (gateway.frameBucket), shared by their connections
   * and kept across reconnects.
   */
  private frames: FrameBucket;
  /** Frames read past the bucket, handled in order as it refills; the link is paused meanwhile. */
  private held: Uint8Array[] = [];
  private shaping: NodeJS.Timeout | undefined;

  constructor(
    readonly link: Link,
    private readonly gateway: Gateway,
  ) {
    this.lastReceived = this.lastSent = gateway.clock.monotonic();
    this.frames = new FrameBucket(gateway.config.limitFramesPerSecond, gateway.config.limitFrameBurst, this.lastReceived);
  }

  get unacked(): number {
    return this.pendingCount;
  }

  /**
   * Bytes of one Frame from the transport. A frame past the bucket is not
   * refused but held, and the link paused, until the bucket has a token for it:
   * a connection is read no faster than its rate, so a flood costs this node
   * the frames the rate allows and nothing more (no answer per excess frame, no
   * close and reconnect to start over), while a client that bursts past it only
   * waits.
   */
  receive(bytes: Uint8Array): void {
    if (this.state === 'closed') return;
    this.lastReceived = this.gateway.clock.monotonic();
    if (this.held.length > 0) {
      this.hold(bytes);
      return;
    }
    const wait = this.frames.take(this.lastReceived);
    if (wait > 0) {
      this.hold(bytes);
      this.link.pause();
      this.shapeAfter(wait);
      return;
    }
    this.accept(bytes);
  }

  private accept(bytes: Uint8Array): void {
    if (this.state === 'authenticating') {
      if (this.early.length >= MAX_EARLY_FRAMES) {
        this.fail(ErrorCode.RATE_LIMITED, 'too many frames before AuthOk', CloseCode.PROTOCOL_ERROR);
        return;
      }
      this.early.push(bytes);
      return;
    }
    const frame = this.decoded(bytes);
    if (frame) this.dispatch(frame);
  }

  /**
   * Keep a frame read past the bucket. What arrives after the pause is bounded by
   * what the transport had already read (one read from the socket: TCP's data
   * chunk, or what ws's receiver has buffered), so nothing bounds it here.
   */
  private hold(bytes: Uint8Array): void {
    this.gateway.stats.framesDelayed++;
    this.held.push(bytes);
  }

  /** Handle held frames `waitMs` from now, as far as the bucket allows (at least SHAPING_MS apart: a timer per frame would cost more than the frame). */
  private shapeAfter(waitMs: number): void {
    this.shaping = setTimeout(() => {
      this.shaping = undefined;
      this.drain();
    }, Math.max(waitMs, SHAPING_MS));
  }

  private drain(): void {
    while (this.held.length > 0) {
      if (this.state === 'closed') return;
      const wait = this.frames.take(this.gateway.clock.monotonic());
      if (wait > 0) {
        this.shapeAfter(wait);
        return;
      }
      this.accept(this.held.shift()!);
    }
    if (this.state !== 'closed') this.link.resume();
  }

  /** The frame, or undefined once the connection was failed for bytes that are not one. */
  private decoded(bytes: Uint8Array): parley.Frame | undefined {
    try {
      return decodeFrame(bytes);
    } catch {
      this.fail(ErrorCode.BAD_FRAME, 'frame is not a valid protobuf Frame', CloseCode.PROTOCOL_ERROR);
      return undefined;
    }
  }

  private dispatch(frame: parley.Frame): void {
    const id = frame.id ?? 0;
    switch (frame.body) {
      case 'ping':
        this.write({ id, pong: { time: frame.ping?.time ?? 0 } });
        return;
      case 'pong':
        return;
      case 'auth':
        if (this.state !== 'awaiting-auth') {
          this.error(id, new ParleyError(ErrorCode.ALREADY_AUTHENTICATED, 'this connection is already authenticated'));
          return;
        }
        this.authenticate(id, frame.auth!);
        return;
      case undefined:
        this.error(id, new ParleyError(ErrorCode.UNKNOWN_FRAME, 'frame carries no body this server knows'));
        return;
      case 'send':
      case 'group':
      case 'markRead':
      case 'typing':
      case 'presence':
      case 'messageOp':
      case 'groupInfo':
      case 'friend':
      case 'friendList':
      case 'consentInvitations':
      case 'consentBans':
      case 'settings':
      case 'readers':
      case 'ack':
      case 'sync':
      case 'pull':
      case 'voiceStart':
      case 'voiceChunk':
      case 'voiceEnd':
      case 'voiceCancel':
      case 'voiceFetch':
      case 'sessions':
        break;
      default:
        this.error(id, new ParleyError(ErrorCode.UNEXPECTED_FRAME, `a client may not send ${frame.body}`));
        return;
    }
    if (this.state !== 'open') {
      this.error(id, new ParleyError(ErrorCode.AUTH_REQUIRED, 'authenticate first'));
      return;
    }
    if (frame.body === 'ack') {
      const ack = frame.ack!;
      if (!ack.conversationId || !(Number(ack.seq) > 0)) {
        this.error(id, new ParleyError(ErrorCode.INVALID_ARGUMENT, 'ack needs a conversationId and a seq above 0'));
        return;
      }
      this.acknowledge(ack);
      return;
    }
    if (frame.body === 'typing' && !this.typingAllowed()) {
      this.error(id, new ParleyError(ErrorCode.RATE_LIMITED, `at most ${this.gateway.config.typingPerSecond} typing indicators a second`));
      return;
    }
    if (this.inFlight >= this.gateway.config.maxInFlight) {
      this.error(id, new ParleyError(ErrorCode.RATE_LIMITED, 'too many requests in flight on this connection'));
      return;
    }
    this.inFlight++;
    this.handle(id, frame)
      .catch((err: unknown) => this.error(id, err))
      .finally(() => this.inFlight--);
  }

  private async handle(id: number, frame: parley.Frame): Promise<void> {
    const caller = this.caller!;
    const chat = this.gateway.chat;
    if (frame.body === 'send' || frame.body === 'messageOp' || frame.body === 'settings') {
      const output =
        frame.body === 'send'
          ? await chat.send(caller, frame.send!)
          : frame.body === 'messageOp'
            ? await chat.modifyMessage(caller, frame.messageOp!)
            : await chat.changeSettings(caller, frame.settings!);
      this.write({ id, sendAck: sendAckOf(output) });
      if (this.gateway.crashArmed) {
        // The named moment: the SendAck on the wire (the pushes, queued ahead of it, are out already).
        this.link.flush();
        this.gateway.crash('after-ack');
      }
    } else if (frame.body?.startsWith('voice')) {
      await this.handleVoice(id, frame);
    } else if (frame.body === 'group') {
      const { message, duplicate } = await chat.changeGroup(caller, frame.group!);
      this.write({ id, groupResult: { conversationId: message.conversationId, seq: message.seq, duplicate, message } });
    } else if (frame.body === 'friend') {
      const result = await chat.changeFriends(caller, frame.friend!);
      this.write({ id, friendResult: result });
    } else if (frame.body === 'readers') {
      const req = frame.readers!;
      this.write({ id, readersResult: await chat.readers(caller, req.conversationId ?? '', req.seq ?? 0, req.limit ?? 0) });
    } else if (frame.body === 'sessions') {
      this.write({ id, sessionsResult: await this.signIns(frame.sessions!) });
    } else if (frame.body === 'friendList') {
      this.write({ id, friendListResult: await chat.listFriends(caller) });
    } else if (frame.body === 'consentInvitations') {
      this.write({ id, consentInvitationsResult: { invitations: await chat.invitations(caller) } });
    } else if (frame.body === 'consentBans') {
      this.write({ id, consentBansResult: await chat.bans(caller, frame.consentBans!.conversationId ?? '') });
    } else if (frame.body === 'groupInfo') {
      const info = await chat.groupInfo(caller, frame.groupInfo!.conversationId ?? '');
      this.write({ id, groupInfoResult: info });
    } else if (frame.body === 'presence' && frame.presence!.conversationId) {
      // A conversation's members, a page at a time: online state for the whole page in one ask.
      const req = frame.presence!;
      const page = await chat.groupPresence(caller, {
        conversationId: req.conversationId ?? '', after: req.after ?? '', limit: req.limit ?? 0, users: req.users ?? [], subscribe: req.subscribe ?? false,
      });
      this.write({ id, presenceResult: { users: await this.gateway.presence(page.members), next: page.next } });
    } else if (frame.body === 'presence') {
      const req = frame.presence!;
      const visible = await chat.presenceOf(caller, req.users ?? []);
      const users = await this.gateway.presence([...visible].map(([userId, lastSeen]) => ({ userId, lastSeen })));
      if (req.subscribe) {
        for (const { userId } of users) if (this.state === 'open' && this.watching.size < MAX_WATCHED) this.gateway.watch(this, userId);
      }
      this.write({ id, presenceResult: { users } });
    } else if (frame.body === 'typing') {
      // No answer on success: typing is fire-and-forget; only a failure is reported.
      await chat.typing(caller, frame.typing!.conversationId ?? '', frame.typing!.typing ?? false);
    } else if (frame.body === 'markRead') {
      const req = frame.markRead!;
      const readSeq = await chat.markRead(caller, req.conversationId ?? '', req.seq ?? 0);
      this.write({ id, readState: { conversationId: req.conversationId, userId: caller.userId, readSeq } });
    } else if (frame.body === 'sync') {
      const result = await chat.sync(caller, frame.sync!.token ?? '');
      this.write({
        id,
        syncResult: {
          conversations: result.conversations.map((c) => ({ ...c, members: [...c.members] })),
          token: result.token,
          more: result.more,
        },
      });
      if (result.withheld) this.gateway.resyncWhenPassed(this, result.withheld);
    } else {
      const req = frame.pull!;
      const result = await chat.pull(caller, req.conversationId ?? '', req.fromSeq ?? 0, req.toSeq ?? 0, req.limit ?? 0);
      this.write({ id, pullResult: result });
    }
  }

  /** The voice stream requests (docs/PROTOCOL.md §10b). */
  private async handleVoice(id: number, frame: parley.Frame): Promise<void> {
    const voice = this.gateway.voice;
    if (!voice) throw new ParleyError(ErrorCode.UNAVAILABLE, 'this server does not take voice streams');
    const caller = this.caller!;
    if (frame.body === 'voiceStart') {
      const req = frame.voiceStart!;
      this.write({ id, voiceState: await voice.start(caller, req.conversationId ?? '', req.mime ?? '') });
    } else if (frame.body === 'voiceChunk') {
      const req = frame.voiceChunk!;
      const { duplicate } = await voice.chunk(caller, req.streamId ?? '', req.index ?? 0, req.data ?? new Uint8Array(0));
      this.write({ id, voiceChunkAck: { streamId: req.streamId, index: req.index, duplicate } });
    } else if (frame.body === 'voiceEnd') {
      const req = frame.voiceEnd!;
      const { message, duplicate } = await voice.end(caller, req.streamId ?? '', {
        chunkCount: req.chunkCount ?? 0, durationMs: req.durationMs ?? 0, sha256: req.sha256 ?? new Uint8Array(0),
      });
      this.write({ id, voiceEnded: { message, duplicate } });
    } else if (frame.body === 'voiceCancel') {
      this.write({ id, voiceState: await voice.cancel(caller, frame.voiceCancel!.streamId ?? '') });
    } else {
      const req = frame.voiceFetch!;
      this.write({ id, voicePush: await voice.fetch(caller, req.streamId ?? '', req.index ?? 0) });
    }
  }

  /** The caller's sign-in sessions: list them, sign one out, or all but this connection's. */
  private async signIns(req: parley.IAccountsSessionsRequest): Promise<parley.IAccountsSessionsResponse> {
    const accounts = this.gateway.accounts;
    const op = req.op ?? 0;
    if (op === 0 || op === AccountsSessionOp.LIST) return { sessions: await accounts.sessions(this.userId, this.signInId) };
    if (op === AccountsSessionOp.REVOKE) {
      // No session named: this connection's own (signing out here closes this connection too).
      const target = req.sessionId || this.signInId;
      if (target === undefined) throw new ParleyError(ErrorCode.SESSION_NOT_FOUND, "this connection's token (an app backend's) has no sign-in session");
      return { revoked: await accounts.revokeSession(target, this.userId, 'signed out by the user') };
    }
    if (op === AccountsSessionOp.REVOKE_OTHERS) {
      return { revoked: await accounts.revokeOthers(this.userId, this.signInId ?? '', 'signed out by the user from another device') };
    }
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'op must be 1 LIST, 2 REVOKE or 3 REVOKE_OTHERS');
  }

  private authenticate(id: number, auth: parley.IAuth): void {
    const deviceId = auth.deviceId ?? '';
    if (!Limits.DEVICE_ID.test(deviceId)) {
      this.fail(ErrorCode.INVALID_ARGUMENT, 'deviceId must be 1..64 characters of A-Z a-z 0-9 _ . : -', CloseCode.AUTH_FAILED, id);
      return;
    }
    const version = auth.protocolVersion ?? 0;
    if (version !== 0 && version !== PROTOCOL_VERSION) {
      this.fail(ErrorCode.INVALID_ARGUMENT, `protocol version ${version} is not supported (use ${PROTOCOL_VERSION})`, CloseCode.PROTOCOL_ERROR, id);
      return;
    }
    this.state = 'authenticating';
    this.gateway
      .verifyToken(auth.token ?? '', this.link.remote)
      .then(({ userId, sessionId, expiresAt }) => {
        if (this.state !== 'authenticating') return; // closed meanwhile
        this.userId = userId;
        this.signInId = sessionId;
        this.tokenExpiresAt = expiresAt;
        this.deviceId = deviceId;
        this.platform = (auth.platform ?? '').slice(0, 32);
        this.caller = { userId, deviceId, sessionId: this.id };
        this.frames = this.gateway.frameBucket(userId, this.frames);
        this.state = 'open';
        this.gateway.register(this);
        const config = this.gateway.config;
        this.write({
          id,
          authOk: {
            userId,
            deviceId,
            heartbeatMs: config.heartbeatMs,
            maxFrameBytes: config.maxFrameBytes,
            serverTime: this.gateway.clock.wall(),
            sessionId: this.id,
          },
        });
        // Each took its token when it came, ahead of anything held since.
        const early = this.early;
        this.early = [];
        for (const bytes of early) this.accept(bytes);
      })
      .catch((err: unknown) => {
        if (this.state !== 'authenticating') return;
        const failure = err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'authentication failed', { cause: err });
        if (failure.code === ErrorCode.INTERNAL) this.gateway.log.error({ err }, 'auth failed unexpectedly');
        this.fail(failure.code, failure.message, CloseCode.AUTH_FAILED, id);
      });
  }

  /** A fixed one-second window per connection for typing indicators. */
  private typingAllowed(): boolean {
    const now = this.gateway.clock.monotonic();
    if (now - this.typingWindowStart >= 1000) {
      this.typingWindowStart = now;
      this.typingInWindow = 0;
    }
    return ++this.typingInWindow <= this.gateway.config.typingPerSecond;
  }

  /** Cumulative device ack: drop every pending push of the conversation up to seq. */
  private acknowledge(ack: parley.IAck): void {
    if (ack.conversationId!.startsWith('d:')) this.gateway.chat.noteDelivered(this.caller!, ack.conversationId!, Number(ack.seq));
    const queue = this.pending.get(ack.conversationId!);
    if (!queue) return;
    this.pendingCount -= queue.ackUpTo(ack.seq!);
    if (queue.size === 0) this.pending.delete(ack.conversationId!);
  }

  /** Deliver a committed message to this device (frame already encoded once for all). */
  push(message: StoredMessage, frame: Uint8Array, now: number): void {
    if (this.state !== 'open') return;
    let queue = this.pending.get(message.conversationId);
    if (!queue) this.pending.set(message.conversationId, (queue = new PendingPushes()));
    if (!queue.add(message.seq, frame, now)) {
      this.writeBytes(frame, now); // a republished duplicate: send again, track once
      return;
    }
    if (++this.pendingCount > this.gateway.config.maxUnackedPushes) {
      this.dropPending();
      return;
    }
    this.writeBytes(frame, now);
    if (!this.retransmitEntry) this.gateway.scheduleRetransmit(this);
  }

  /** Deliver a whole run of committed messages of one conversation to this device. */
  pushRun(run: PushRun, now: number): void {
    if (this.state !== 'open') return;
    const { messages, frames } = run;
    const conversationId = messages[0]!.conversationId;
    let queue = this.pending.get(conversationId);
    if (!queue) this.pending.set(conversationId, (queue = new PendingPushes()));
    if (this.pendingCount + messages.length > this.gateway.config.maxUnackedPushes || !queue.addRun(run, now)) {
      // Over the limit, or out of order with what is pending: one by one.
      for (let i = 0; i < messages.length; i++) this.push(messages[i]!, frames[i]!, now);
      return;
    }
    this.pendingCount += messages.length;
    this.lastSent = now;
    if (this.link.writeRun(run) > this.gateway.config.maxBufferedBytes) {
      this.fail(ErrorCode.SLOW_CONSUMER, 'the client is not reading its pushes', CloseCode.SLOW_CONSUMER);
      return;
    }
    if (!this.retransmitEntry) this.gateway.scheduleRetransmit(this);
  }

  /** Called by the timer wheel: resend what has waited too long. */
  retransmit(now: number): void {
    this.retransmitEntry = undefined;
    if (this.state !== 'open' || this.pendingCount === 0) return;
    const due = now - this.gateway.config.retransmitMs;
    for (const queue of this.pending.values()) {
      this.gateway.stats.retransmits += queue.resend(due, now, (frame) => this.writeBytes(frame, now));
      if (this.state !== 'open') return; // closed as a slow consumer
    }
    this.gateway.scheduleRetransmit(this);
  }

  /** Events for this device may have been lost on the way (the bus lost its connection), or a sync fell short: sync. */
  resync(message = 'the node may have missed messages; sync to catch up'): void {
    if (this.state !== 'open') return;
    this.gateway.stats.resyncs++;
    this.write({ notice: { code: NoticeCode.RESYNC, message } });
  }

  private dropPending(): void {
    this.pending.clear();
    this.pendingCount = 0;
    this.gateway.stats.resyncs++;
    this.write({ notice: { code: NoticeCode.RESYNC, message: 'too many unacknowledged pushes; sync to catch up' } });
  }

  /** Called by the timer wheel: ping an idle peer, close a silent one. */
  heartbeat(now: number): boolean {
    const { heartbeatMs } = this.gateway.config;
    if (this.state === 'closed') return false;
    if (this.state !== 'open') {
      this.fail(ErrorCode.AUTH_TIMEOUT, 'no Auth within the time allowed', CloseCode.AUTH_TIMEOUT);
      return false;
    }
    if (now - this.lastReceived > heartbeatMs * 2.5) {
      this.fail(ErrorCode.HEARTBEAT_TIMEOUT, 'nothing received within 2.5 heartbeats', CloseCode.HEARTBEAT_TIMEOUT);
      return false;
    }
    if (now - this.lastSent >= heartbeatMs) this.write({ ping: { time: this.gateway.clock.wall() } });
    return true;
  }

  /** Send an already encoded frame that needs no delivery tracking. */
  send(frame: Uint8Array): void {
    if (this.state === 'open') this.writeBytes(frame);
  }

  notice(code: string, message: string, endpoints: string[] = []): void {
    this.write({ notice: { code, message, endpoints } });
  }

  write(frame: FrameData): void {
    this.writeBytes(encodeFrame(frame));
  }

  private writeBytes(bytes: Uint8Array, now = this.gateway.clock.monotonic()): void {
    if (this.state === 'closed') return;
    this.lastSent = now;
    if (this.link.write(bytes) > this.gateway.config.maxBufferedBytes) {
      this.fail(ErrorCode.SLOW_CONSUMER, 'the client is not reading its pushes', CloseCode.SLOW_CONSUMER);
    }
  }

  private error(id: number, err: unknown): void {
    const failure = err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'internal error', { cause: err });
    if (failure.code === ErrorCode.INTERNAL) this.gateway.log.error({ err }, 'request failed');
    this.write({ id, error: { code: failure.code, message: failure.message, retryable: failure.retryable, retryAfterMs: failure.retryAfterMs || undefined } });
  }

  /**
   * Send an Error and close the connection: the one way the server closes one.
   * `closeCode` is the WebSocket close code for the same reason (§8's table).
   */
  fail(code: ErrorCode | ParleyError, message: string, closeCode: CloseCode, id = 0): void {
    if (this.state === 'closed' || this.failing) return;
    // The Error frame goes through writeBytes, which may find the buffer over its
    // limit and fail again: once is enough (it used to recurse until the stack overflowed).
    this.failing = true;
    this.error(id, code instanceof ParleyError ? code : new ParleyError(code, message));
    this.close(closeCode, message);
  }

  private close(code: CloseCode, reason: string): void {
    if (this.state === 'closed') return;
    this.link.close(code, reason.slice(0, 120));
    this.closed();
  }

  /** The transport is gone (closed by either side). */
  closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.pending.clear();
    this.pendingCount = 0;
    this.early = [];
    this.held = [];
    if (this.shaping) clearTimeout(this.shaping);
    this.gateway.unregister(this);
  }
}
