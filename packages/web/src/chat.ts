/**
 * The app's state over one ParleyClient, as signals the views read.
 *
 * The SDK owns delivery (exactly once, in order, offline outbox, unread
 * counts); this module only mirrors what it reports:
 * - the conversation list is the SDK's `conversationList()`, refreshed on its
 *   `conversation` events, so badges are the SDK's counts, never the app's;
 * - each conversation's timeline is a seq-ordered cache filled by `message`
 *   events and by `history()` pages, with RECALL / EDIT / REACTION events
 *   applied to the message they name;
 * - sends the app made that are not acked yet are listed in `pending` (and in
 *   localStorage, so a reload still shows them and, without a persistent
 *   SessionStore, sends them again under the same clientMsgId, which the
 *   server dedups);
 * - ticks come from the SDK's peer positions (1:1) and read receipts (groups).
 */
import { signal, type Signal } from '@preact/signals';
import {
  ConversationKind,
  directConversationId,
  ErrorCode,
  MessageFlag,
  MessageType,
  ParleyClient,
  ParleyError,
  type ConnectionState,
  type ConversationInfo,
  type FriendList,
  type Message,
  type MessageFile,
  type PresenceInfo,
  type SessionStore,
} from '@parley/sdk';
import { deviceId, socketUrl, type Session } from './api.ts';
import { fileLabel } from './format.ts';
import { KeptFiles, type KeptFile } from './kept-files.ts';
import { LiveVoice } from './voice.ts';

/** Message types shown as timeline entries; the other events change entries or the list. */
const SHOWN = new Set<number>([MessageType.TEXT, MessageType.IMAGE, MessageType.FILE, MessageType.VOICE, MessageType.VIDEO, MessageType.MEMBERSHIP]);

export interface PendingSend {
  clientMsgId: string;
  conversationId: string;
  /** The peer of a 1:1 chat (sends open the conversation on first use). */
  to?: string;
  text?: string;
  file?: MessageFile;
  replyTo?: number;
  mentions?: string[];
  mentionAll?: boolean;
  createdAt: number;
  state: 'queued' | 'failed';
  error?: string;
}

export interface UploadState {
  id: string;
  conversationId: string;
  name: string;
  sent: number;
  total: number;
  abort: AbortController;
  error?: string;
}

export type Banner = { kind: 'lost' | 'back'; text: string } | undefined;

function friendlyError(err: unknown): string {
  if (err instanceof ParleyError) {
    const map: Partial<Record<string, string>> = {
      [ErrorCode.BLOCKED]: 'You cannot message this person.',
      [ErrorCode.NOT_FRIENDS]: 'This person only takes messages from friends. Send a friend request first.',
      [ErrorCode.NOT_MEMBER]: 'You are not a member of this conversation.',
      [ErrorCode.USER_NOT_FOUND]: 'No such user.',
      [ErrorCode.MESSAGE_TOO_LARGE]: 'The message is too long.',
      [ErrorCode.MUTED]: 'You are muted in this group.',
    };
    return map[err.code] ?? err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
export { friendlyError };

/** Whether this window has the focus, as the browser last said (focus and blur events). */
let windowFocused = typeof document === 'undefined' || document.hasFocus();
if (typeof window !== 'undefined') {
  window.addEventListener('focus', () => (windowFocused = true));
  window.addEventListener('blur', () => (windowFocused = false));
}

export class Chat {
  readonly client: ParleyClient;
  readonly me: string;
  readonly connection = signal<ConnectionState>('connecting');
  readonly banner = signal<Banner>(undefined);
  readonly conversations = signal<ConversationInfo[]>([]);
  readonly pending = signal<PendingSend[]>([]);
  readonly uploads = signal<UploadState[]>([]);
  readonly typing = signal<Record<string, string[]>>({});
  readonly presence = signal<Record<string, PresenceInfo>>({});
  readonly friends = signal<FriendList | undefined>(undefined);
  /** Group read receipts: conversation → user → read seq. */
  readonly reads = signal<Record<string, Record<string, number>>>({});
  /** Pulled reader counts of large groups: conversation → [seq, readCount]. */
  readonly readerCounts = signal<Record<string, [number, number]>>({});
  /** Bumped when a peer position (delivered/read) moves, so ticks re-render. */
  readonly ticks = signal(0);
  readonly fatal = signal<string | undefined>(undefined);
  /** Voice messages others are recording right now (the SDK's `voice` streams), until each completes or ends. */
  readonly liveVoices = signal<LiveVoice[]>([]);
  /** Bumped on each chunk of a live voice stream, so its bubble re-renders its count. */
  readonly voiceChunks = signal(0);
  private readonly timelines = new Map<string, Signal<Message[]>>();
  private readonly historyDone = new Set<string>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pendingKey: string;
  private everOnline = false;
  private bannerTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribed = new Set<string>();
  /** The attached files whose message is not sent yet (so a reload resumes their upload). */
  private readonly kept: KeptFiles;

  constructor(
    session: Session,
    store: SessionStore | undefined,
    private readonly onSignedOut: (why: string) => void,
  ) {
    this.me = session.userId;
    this.pendingKey = `parley.pending.${session.userId}`;
    this.kept = new KeptFiles(session.userId);
    this.client = new ParleyClient({
      url: socketUrl(),
      httpUrl: location.origin,
      token: session.token,
      deviceId: deviceId(),
      platform: 'web',
      ...(store ? { store } : {}),
      firstSyncMessages: 30,
    });
    this.wire();
  }

  private wire(): void {
    const c = this.client;
    c.on('state', (s) => {
      this.connection.value = s;
      if (s === 'online') {
        if (this.everOnline && this.banner.value?.kind === 'lost') {
          this.banner.value = { kind: 'back', text: 'Back online.' };
          clearTimeout(this.bannerTimer);
          this.bannerTimer = setTimeout(() => {
            if (this.banner.value?.kind === 'back') this.banner.value = undefined;
          }, 4000);
        }
        this.everOnline = true;
        void this.refreshFriends();
      } else if (s === 'closed' && !this.closing) {
        // A terminal outcome the SDK does not retry: most often this browser opened Parley in another tab (same device).
        this.banner.value = undefined;
        this.fatal.value ??= 'Parley was opened in another tab or window of this browser. Reload to use it here.';
      } else if (this.everOnline && (s === 'reconnecting' || s === 'connecting')) {
        clearTimeout(this.bannerTimer);
        this.banner.value = { kind: 'lost', text: 'Connection lost. Reconnecting… Messages you send now are queued.' };
      }
    });
    c.on('conversation', () => this.refreshList());
    c.on('synced', () => this.refreshList());
    c.on('message', (m) => this.onMessage(m));
    c.on('ack', (ack) => this.dropPending(ack.clientMsgId));
    c.on('send-failed', ({ clientMsgId, error }) => this.failPending(clientMsgId, friendlyError(error)));
    c.on('delivered', () => this.ticks.value++);
    c.on('read', (r) => {
      if (r.userId !== this.me) {
        const conv = { ...(this.reads.value[r.conversationId] ?? {}) };
        conv[r.userId] = Math.max(conv[r.userId] ?? 0, r.readSeq);
        this.reads.value = { ...this.reads.value, [r.conversationId]: conv };
      }
      this.ticks.value++;
      this.refreshList();
    });
    c.on('typing', ({ conversationId, userId, typing }) => this.setTyping(conversationId, userId, typing));
    c.on('presence', (p) => (this.presence.value = { ...this.presence.value, [p.userId]: p }));
    c.on('voice', (stream) => {
      const live = new LiveVoice(stream);
      live.onChunk(() => this.voiceChunks.value++);
      this.liveVoices.value = [...this.liveVoices.value, live];
      // Completed (the VOICE message is in the timeline by now) or cancelled / failed: the live bubble goes either way.
      const drop = () => (this.liveVoices.value = this.liveVoices.value.filter((x) => x !== live));
      stream.done.then(drop, drop);
    });
    c.on('upload', (p) => {
      this.uploads.value = this.uploads.value.map((u) => (u.name === p.name && p.total === u.total ? { ...u, sent: p.sent } : u));
    });
  }

  async start(): Promise<void> {
    this.pending.value = this.loadPending();
    try {
      await this.client.connect();
    } catch (err) {
      if (err instanceof ParleyError && !err.retryable) {
        if (err.code === ErrorCode.AUTH_FAILED || err.code === ErrorCode.AUTH_REQUIRED) this.onSignedOut('Your session ended. Sign in again.');
        else if (err.code === ErrorCode.REPLACED) this.fatal.value = 'Parley was opened in another tab or window of this browser. Reload to use it here.';
        else this.fatal.value = friendlyError(err);
        return;
      }
      // Retryable: the client keeps trying by itself.
    }
    this.refreshList();
    void this.resumeKeptFiles();
    // Sends a reload cut short. The SDK restored from its store those it had stored (sending one again is refused as
    // "already pending", ignored); any it had not stored yet go out now; any acked meanwhile are acked again as
    // duplicates (same clientMsgId): each is stored once either way.
    for (const p of this.pending.value.filter((x) => x.state === 'queued')) this.transmit(p);
  }

  private closing = false;

  async close(): Promise<void> {
    this.closing = true;
    await this.client.close();
    await this.kept.close();
  }

  /** Sign-out: forget what this browser kept of the account's unsent messages. */
  forgetLocal(): void {
    localStorage.removeItem(this.pendingKey);
    void KeptFiles.destroy(this.me);
  }

  // ---- conversation list -------------------------------------------------

  /** Re-reads the SDK's list, once per task however many events asked (a sync delivers many). */
  refreshList(): void {
    if (this.listQueued) return;
    this.listQueued = true;
    queueMicrotask(() => {
      this.listQueued = false;
      this.conversations.value = this.client.conversationList().filter((c) => c.kind !== ConversationKind.NOTICES);
    });
  }
  private listQueued = false;

  /** Total unread of chats that are not muted: the tab title and favicon show it. */
  totalUnread(): number {
    return this.conversations.value.reduce((n, c) => n + (c.muted || c.left ? 0 : c.unread), 0);
  }

  info(conversationId: string): ConversationInfo | undefined {
    return this.conversations.value.find((c) => c.conversationId === conversationId) ?? this.client.conversation(conversationId);
  }

  /** The other person of a 1:1 chat. */
  peerOf(conversationId: string): string | undefined {
    if (!conversationId.startsWith('d:')) return undefined;
    const info = this.client.conversation(conversationId);
    const fromMembers = info?.members.find((m) => m !== this.me);
    if (fromMembers) return fromMembers;
    const [, a, b] = conversationId.split(':');
    return a === this.me ? b : a;
  }

  /**
   * A group joined live (an invite) is known to the SDK from its invite event,
   * which does not carry the group's name (the next sync's state does): ask once.
   */
  private askGroupName(conversationId: string): string {
    if (!this.namesAsked.has(conversationId)) {
      this.namesAsked.add(conversationId);
      this.client.groupInfo(conversationId).then(
        (g) => (this.groupNames.value = { ...this.groupNames.value, [conversationId]: g.name }),
        () => this.namesAsked.delete(conversationId),
      );
    }
    return 'Group';
  }
  private readonly namesAsked = new Set<string>();
  /** Where each current member of a group joined: a member who joined after a message never saw it, so never read it. */
  readonly joinSeqs = signal<Record<string, Record<string, number>>>({});
  /** Member counts of groups, from groupInfo (the list's state carries no members for groups). */
  readonly memberCounts = signal<Record<string, number>>({});

  async loadGroup(conversationId: string): Promise<void> {
    try {
      const g = await this.client.groupInfo(conversationId);
      this.memberCounts.value = { ...this.memberCounts.value, [conversationId]: g.members.length };
      this.joinSeqs.value = { ...this.joinSeqs.value, [conversationId]: Object.fromEntries(g.members.map((m) => [m.userId, m.joinSeq])) };
      if (g.name) this.groupNames.value = { ...this.groupNames.value, [conversationId]: g.name };
    } catch {
      // Not a member any more, or offline: the header keeps what it had.
    }
  }
  readonly groupNames = signal<Record<string, string>>({});

  directWith(userId: string): string {
    return directConversationId(this.me, userId);
  }

  title(conversationId: string): string {
    const info = this.info(conversationId);
    if (conversationId.startsWith('g:')) return info?.name || this.groupNames.value[conversationId] || this.askGroupName(conversationId);
    return this.peerOf(conversationId) ?? conversationId;
  }

  // ---- timelines ---------------------------------------------------------

  timeline(conversationId: string): Signal<Message[]> {
    let t = this.timelines.get(conversationId);
    if (!t) {
      t = signal<Message[]>([]);
      this.timelines.set(conversationId, t);
    }
    return t;
  }

  private onMessage(m: Message): void {
    this.refreshList();
    if (m.conversationId.startsWith('n:')) {
      if (m.type === MessageType.FRIEND) void this.refreshFriends();
      if (m.history) this.applyHistory(m.history.op, m.history.conversationId, m.history.seq);
      return;
    }
    if (m.senderId !== this.me && m.type !== MessageType.REACTION) this.setTyping(m.conversationId, m.senderId, false);
    const t = this.timeline(m.conversationId);
    if (m.type === MessageType.EDIT || m.type === MessageType.RECALL || m.type === MessageType.REACTION) {
      t.value = t.value.map((x) => (x.seq === m.refSeq ? applyEvent(x, m) : x));
      return;
    }
    if (!SHOWN.has(m.type)) return;
    t.value = mergeBySeq(t.value, [m]);
    if (m.senderId !== this.me) this.notify(m);
  }

  private applyHistory(op: 'hide' | 'clear', conversationId: string, seq: number): void {
    const t = this.timelines.get(conversationId);
    if (t) t.value = t.value.filter((x) => (op === 'hide' ? x.seq !== seq : x.seq > seq));
  }

  /** Loads an older page; resolves false when the start of the history was reached. */
  async loadOlder(conversationId: string): Promise<boolean> {
    if (this.historyDone.has(conversationId)) return false;
    const t = this.timeline(conversationId);
    const oldest = t.value[0]?.seq;
    const page = await this.client.history(conversationId, oldest ? { before: oldest, limit: 40 } : { limit: 40 });
    const shown = page.filter((m) => SHOWN.has(m.type));
    t.value = mergeBySeq(t.value, shown);
    // A short page reached the first message you can see; so did one that holds seq 1.
    if (page.length < 40 || page[0]?.seq === 1) this.historyDone.add(conversationId);
    return page.length >= 40;
  }

  hasMore(conversationId: string): boolean {
    return !this.historyDone.has(conversationId);
  }

  /** Marks everything delivered as read, when the person is looking at it. */
  markRead(conversationId: string): void {
    const info = this.client.conversation(conversationId);
    if (!info || info.unread === 0) return;
    const seq = this.client.cursor(conversationId);
    if (seq > info.readSeq) this.client.markRead(conversationId, seq).catch(() => undefined);
  }

  // ---- sending -----------------------------------------------------------

  send(conversationId: string, input: { text?: string; file?: MessageFile; replyTo?: number; mentions?: string[]; mentionAll?: boolean }): void {
    const p: PendingSend = {
      clientMsgId: crypto.randomUUID(),
      conversationId,
      ...(conversationId.startsWith('d:') ? { to: this.peerOf(conversationId) } : {}),
      ...input,
      createdAt: Date.now(),
      state: 'queued',
    };
    this.pending.value = [...this.pending.value, p];
    this.savePending();
    this.transmit(p);
  }

  private transmit(p: PendingSend): void {
    const target = p.to ? { to: p.to } : { conversationId: p.conversationId };
    this.client
      .send({ ...target, clientMsgId: p.clientMsgId, ...(p.text !== undefined ? { text: p.text } : {}), ...(p.file ? { file: p.file } : {}), ...(p.replyTo ? { replyTo: p.replyTo } : {}), ...(p.mentions?.length ? { mentions: p.mentions } : {}), ...(p.mentionAll ? { mentionAll: true } : {}) })
      .then(
        (ack) => this.dropPending(ack.clientMsgId),
        (err: unknown) => {
          // Retryable failures stay queued: the SDK still sends them (the `ack` event drops them).
          if (err instanceof ParleyError && err.retryable) return;
          if (err instanceof ParleyError && err.code === ErrorCode.INVALID_ARGUMENT && /pending/.test(err.message)) return;
          this.failPending(p.clientMsgId, friendlyError(err));
        },
      );
  }

  retry(clientMsgId: string): void {
    const p = this.pending.value.find((x) => x.clientMsgId === clientMsgId);
    if (!p) return;
    // A refused send may not reuse its clientMsgId with other content; this is the same content, but a fresh id is the safe choice.
    const again: PendingSend = { ...p, clientMsgId: crypto.randomUUID(), state: 'queued', createdAt: Date.now() };
    delete again.error;
    this.pending.value = [...this.pending.value.filter((x) => x.clientMsgId !== clientMsgId), again];
    this.savePending();
    this.transmit(again);
  }

  discard(clientMsgId: string): void {
    this.dropPending(clientMsgId);
  }

  private dropPending(clientMsgId: string): void {
    if (!this.pending.value.some((x) => x.clientMsgId === clientMsgId)) return;
    this.pending.value = this.pending.value.filter((x) => x.clientMsgId !== clientMsgId);
    this.savePending();
  }

  private failPending(clientMsgId: string, error: string): void {
    this.pending.value = this.pending.value.map((x) => (x.clientMsgId === clientMsgId ? { ...x, state: 'failed', error } : x));
    this.savePending();
  }

  private loadPending(): PendingSend[] {
    try {
      const list = JSON.parse(localStorage.getItem(this.pendingKey) ?? '[]') as PendingSend[];
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  }

  private savePending(): void {
    try {
      localStorage.setItem(this.pendingKey, JSON.stringify(this.pending.value));
    } catch {
      // Storage full or denied: the sends still go out; only a reload would forget them.
    }
  }

  /** A file the person picked, dropped or pasted: kept in IndexedDB first, then uploaded and sent. */
  async sendFile(conversationId: string, file: File): Promise<void> {
    const kept: KeptFile = { id: crypto.randomUUID(), conversationId, name: file.name || 'pasted-image', blob: file, createdAt: Date.now() };
    await this.kept.put(kept);
    await this.uploadAndSend(kept);
  }

  /**
   * Uploads the files a reload cut short, without asking for them again: the SDK resumes each from the server's
   * offset (its record is in the SessionStore), then the message goes out as if just attached.
   */
  private async resumeKeptFiles(): Promise<void> {
    const files = await this.kept.all();
    await this.loadUnfinishedUploads(files);
    for (const f of files.sort((a, b) => a.createdAt - b.createdAt)) void this.uploadAndSend(f);
  }

  private async uploadAndSend(kept: KeptFile): Promise<void> {
    const { id, conversationId, name, blob } = kept;
    const abort = new AbortController();
    const up: UploadState = { id, conversationId, name, sent: 0, total: blob.size, abort };
    this.uploads.value = [...this.uploads.value, up];
    const update = (patch: Partial<UploadState>) => (this.uploads.value = this.uploads.value.map((u) => (u.id === up.id ? { ...u, ...patch } : u)));
    try {
      const info = await this.client.upload(blob, {
        name,
        mime: blob.type || 'application/octet-stream',
        signal: abort.signal,
        onProgress: (p) => update({ sent: p.sent, total: p.total }),
      });
      this.uploads.value = this.uploads.value.filter((u) => u.id !== up.id);
      this.unfinishedUploads.value = this.unfinishedUploads.value.filter((u) => !(u.name === name && u.size === blob.size));
      const { sha256: _hash, ...fileRef } = info;
      // The send is listed (localStorage) before the copy goes: a reload in between uploads again (instantly, the
      // server has the bytes) rather than losing the message.
      this.send(conversationId, { file: fileRef });
      await this.kept.delete(id);
    } catch (err) {
      if (err instanceof ParleyError && err.code === ErrorCode.CANCELLED) {
        this.uploads.value = this.uploads.value.filter((u) => u.id !== up.id);
        await this.kept.delete(id);
      } else {
        // Kept: the next load tries again.
        update({ error: friendlyError(err) });
      }
    }
  }

  /** Uploads a reload cut short whose file this browser did not keep: picking the same file again resumes it. */
  readonly unfinishedUploads = signal<{ name: string; size: number }[]>([]);

  private async loadUnfinishedUploads(kept: readonly KeptFile[]): Promise<void> {
    try {
      const resuming = (u: { name: string; size: number }) => kept.some((k) => k.name === u.name && k.blob.size === u.size);
      this.unfinishedUploads.value = (await this.client.pendingUploads()).filter((u) => !resuming(u)).map((u) => ({ name: u.name, size: u.size }));
    } catch {
      this.unfinishedUploads.value = [];
    }
  }

  dismissUpload(id: string): void {
    const u = this.uploads.value.find((x) => x.id === id);
    u?.abort.abort();
    this.uploads.value = this.uploads.value.filter((x) => x.id !== id);
    void this.kept.delete(id);
  }

  // ---- ticks -------------------------------------------------------------

  /** The delivery state of one of my messages. */
  tick(m: Message): 'sent' | 'delivered' | 'read' {
    void this.ticks.value;
    const info = this.client.conversation(m.conversationId);
    if (!info) return 'sent';
    if (info.kind === ConversationKind.DIRECT) {
      if (info.peerReadSeq >= m.seq) return 'read';
      if (info.peerDeliveredSeq >= m.seq) return 'delivered';
      return 'sent';
    }
    return this.readBy(m) > 0 ? 'read' : 'sent';
  }

  /** How many others have read up to a group message (receipts, or the pulled count of a large group). */
  readBy(m: Message): number {
    const reads = this.reads.value[m.conversationId] ?? {};
    const joined = this.joinSeqs.value[m.conversationId] ?? {};
    const pushed = Object.entries(reads).filter(([user, seq]) => seq >= m.seq && (joined[user] ?? 0) < m.seq).length;
    const pulled = this.readerCounts.value[m.conversationId];
    return Math.max(pushed, pulled && pulled[0] >= m.seq ? pulled[1] : 0);
  }

  /** Large groups get no pushed receipts: pull the count of readers of my newest message. */
  async pullReaders(conversationId: string, seq: number): Promise<void> {
    try {
      const r = await this.client.readers(conversationId, seq);
      // The users when the server lists them (then those who joined after the message are left out), else its count.
      const joined = this.joinSeqs.value[conversationId] ?? {};
      const readCount = r.users.length > 0 ? r.users.filter((u) => u !== this.me && (joined[u] ?? 0) < seq).length : Math.max(0, r.readCount - 1);
      this.readerCounts.value = { ...this.readerCounts.value, [conversationId]: [seq, readCount] };
    } catch {
      // Not online or not allowed: the count stays as it was.
    }
  }

  // ---- typing and presence -----------------------------------------------

  private setTyping(conversationId: string, userId: string, typing: boolean): void {
    const key = `${conversationId} ${userId}`;
    clearTimeout(this.typingTimers.get(key));
    const list = (this.typing.value[conversationId] ?? []).filter((u) => u !== userId);
    if (typing) {
      list.push(userId);
      // A stop that never comes (the other side closed the tab) must not leave "typing…" up forever.
      this.typingTimers.set(key, setTimeout(() => this.setTyping(conversationId, userId, false), 8000));
    }
    this.typing.value = { ...this.typing.value, [conversationId]: list };
  }

  async watchPresence(userId: string): Promise<void> {
    if (this.subscribed.has(userId)) return;
    this.subscribed.add(userId);
    try {
      const [p] = await this.client.presence([userId], true);
      if (p) this.presence.value = { ...this.presence.value, [p.userId]: p };
      // Nothing shared yet (a chat not started): ask again once there is.
      else this.subscribed.delete(userId);
    } catch {
      this.subscribed.delete(userId);
    }
  }

  // ---- friends -----------------------------------------------------------

  async refreshFriends(): Promise<void> {
    try {
      this.friends.value = await this.client.friends();
    } catch {
      // Offline: the list refreshes at the next connection.
    }
  }

  // ---- notifications -----------------------------------------------------

  private notify(m: Message): void {
    // Only when the person is not looking at this tab (hidden, or another window has the focus).
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || (!document.hidden && windowFocused)) return;
    const info = this.client.conversation(m.conversationId);
    if (info?.muted || m.type === MessageType.MEMBERSHIP) return;
    const title = m.conversationId.startsWith('g:') ? `${m.senderId} in ${info?.name || 'a group'}` : m.senderId;
    const body = m.text ?? (m.file ? fileLabel(m) : 'New message');
    try {
      new Notification(title, { body, tag: m.conversationId });
    } catch {
      // Some browsers allow notifications only from a service worker: the badge still shows it.
    }
  }
}

/** Merges messages into a seq-ordered list, one per seq (a later copy replaces an earlier one only when it is newer content). */
export function mergeBySeq(list: Message[], more: Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of list) bySeq.set(m.seq, m);
  for (const m of more) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A RECALL / EDIT / REACTION event applied to the message it names. */
function applyEvent(target: Message, event: Message): Message {
  if (event.type === MessageType.RECALL) return { ...target, flags: target.flags | MessageFlag.RECALLED, text: '', body: new Uint8Array(), file: undefined };
  if (event.type === MessageType.EDIT) return { ...target, flags: target.flags | MessageFlag.EDITED, text: event.text ?? target.text };
  if (event.type === MessageType.REACTION && event.reaction) {
    const { op, emoji } = event.reaction;
    const reactions = target.reactions.map((r) => ({ ...r, users: [...r.users] }));
    let r = reactions.find((x) => x.emoji === emoji);
    if (op === 'add') {
      if (!r) reactions.push((r = { emoji, users: [] }));
      if (!r.users.includes(event.senderId)) r.users.push(event.senderId);
    } else if (r) {
      r.users = r.users.filter((u) => u !== event.senderId);
    }
    return { ...target, reactions: reactions.filter((x) => x.users.length > 0) };
  }
  return target;
}
