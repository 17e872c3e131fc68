/**
 * A reference model of who may see what: the spec that chat-model.test.ts runs
 * ChatService against, on every store. It keeps everything in plain maps and
 * states each rule once, as PROTOCOL.md and BRIEF.md put it:
 *
 * - Each conversation has one seq stream: messages and every event (membership,
 *   recall, edit, reaction) take the next seq. Friend, hide and clear events go to
 *   the user's notice conversation `n:<user>`.
 * - A member sees seqs after max(join point, cleared point), up to their leave
 *   event if they left or were removed (§7, §7a), except those they deleted for
 *   themselves (§7e HIDE). An invited or joining member's join point is the event's
 *   seq − 1: they see their own invite.
 * - RECALL, EDIT and REACTION events change an earlier message, and follow its
 *   visibility: a member sees one only if they see the message it changes
 *   (STYLE.md, "one rule, one place"). A member who joined after a message never
 *   learns its edits.
 * - A message is shown as it is now: latest body, flags, reactions.
 * - Unread: messages others sent after max(read, join, cleared), up to what the
 *   member may see (their leave event); RECALL, EDIT and REACTION events are
 *   changes, not messages, and do not count (membership events do). A message the
 *   member deleted for themselves still counts, as PROTOCOL.md §7b counts by seq.
 * - The last message of a conversation (sync) is the newest seq the member sees
 *   that is not a RECALL, EDIT or REACTION event, as it is now.
 *
 * Each operation returns what the server must answer (an ack, or the refusal's
 * code, checked in the order the protocol's errors imply) and applies the change.
 * The model knows nothing of stores, versions or large groups: those are how the
 * server keeps the promise, not the promise.
 */
import {
  ConversationKind,
  directConversationId,
  ErrorCode,
  FriendOp,
  GroupAdds,
  GroupOp,
  GroupRole,
  MessageFlag,
  MessageOpKind,
  MessageType,
  noticeConversationId,
  SERVER_MESSAGE_TYPE_MIN,
} from '@parley/protocol';

export interface Reaction {
  emoji: string;
  users: string[];
}

export interface Msg {
  seq: number;
  sender: string;
  type: number;
  /** TEXT, EDIT: the text; RECALL: ''; other events: their summary (see the *Summary functions). */
  body: string;
  flags: number;
  refSeq: number;
  reactions: Reaction[];
}

export interface Member {
  /** Sees only seqs above this. */
  joinSeq: number;
  /** Their leave or removal event; null while a member. */
  leftSeq: number | null;
  role: number;
  clearedSeq: number;
  readSeq: number;
  /** Seqs they deleted for themselves. */
  hidden: Set<number>;
}

export interface Conv {
  id: string;
  kind: number;
  /** messages[seq - 1] */
  messages: Msg[];
  /** Everyone who ever belonged. */
  members: Map<string, Member>;
  joinable: boolean;
  dismissed: boolean;
}

/** What a member's sync must say of one conversation. */
export interface ConvView {
  maxSeq: number;
  joinSeq: number;
  left: boolean;
  readSeq: number;
  unread: number;
  clearedSeq: number;
  /** describeMessage of the last message, or null. */
  last: string | null;
}

export interface PullView {
  fromSeq: number;
  toSeq: number;
  maxSeq: number;
  messages: Msg[];
  holes: number[];
}

export type Ack = Record<string, string | number | boolean | string[]>;
export type Result = { ok: true; ack: Ack } | { ok: false; code: ErrorCode };

const ok = (ack: Ack): Result => ({ ok: true, ack });
const fail = (code: ErrorCode): Result => ({ ok: false, code });

/** Events that change an earlier message (refSeq): never unread, never the last message, visible only with it. */
export function isChangeEvent(type: number): boolean {
  return type === MessageType.RECALL || type === MessageType.EDIT || type === MessageType.REACTION;
}

// How each event's JSON body is summarised, here and from the real messages.
export const membershipSummary = (op: string, users: readonly string[]) => `${op} [${users.join(',')}]`;
export const friendSummary = (op: string, from: string, to: string) => `${op} ${from}>${to}`;
export const historySummary = (op: string, conversationId: string, seq: number) => `${op} ${conversationId}#${seq}`;
export const reactionSummary = (op: string, emoji: string) => `${op} ${emoji}`;

export function describeMessage(m: Msg): string {
  const flags = [m.flags & MessageFlag.RECALLED ? 'recalled' : '', m.flags & MessageFlag.EDITED ? 'edited' : ''].filter(Boolean);
  const reactions = m.reactions.map((r) => `${r.emoji}:${r.users.join('+')}`);
  return `#${m.seq} ${typeName(m.type)} from ${m.sender}${m.refSeq ? ` of #${m.refSeq}` : ''} "${m.body}"` +
    `${flags.length ? ` (${flags.join(',')})` : ''}${reactions.length ? ` [${reactions.join(' ')}]` : ''}`;
}

export function typeName(type: number): string {
  return Object.entries(MessageType).find(([, v]) => v === type)?.[0] ?? String(type);
}

const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

export class ChatModel {
  readonly convs = new Map<string, Conv>();
  /** Every send by (sender, clientMsgId), as first stored: a resend is answered from this, forever. */
  private readonly sent = new Map<string, { conversationId: string; body: string; seq: number }>();
  private readonly friends = new Set<string>();
  /** Pending requests, "from to". */
  private readonly requests = new Set<string>();
  /** "user blocked" */
  private readonly blocks = new Set<string>();
  /** Users who take 1:1 chats from friends only. */
  private readonly friendsOnly = new Set<string>();
  /** Each user's GroupAdds setting, once set. */
  private readonly groupAdds = new Map<string, number>();
  /** Group ban lists, "conversation user". */
  private readonly bans = new Set<string>();
  /** Pending invitations, "conversation user" → inviter (none expire within a run). */
  private readonly invitations = new Map<string, string>();

  private blocked(a: string, b: string): boolean {
    return this.blocks.has(`${a} ${b}`) || this.blocks.has(`${b} ${a}`);
  }

  /** Whether `actor` may put `user` into a group directly (docs/SECURITY.md: the GroupAdds setting; not set, friends-only users are FRIENDS). */
  private mayAdd(actor: string, user: string): boolean {
    const setting = this.groupAdds.get(user) || (this.friendsOnly.has(user) ? GroupAdds.FRIENDS : GroupAdds.ANYONE);
    return setting === GroupAdds.ANYONE || (setting === GroupAdds.FRIENDS && this.friends.has(pair(actor, user)));
  }

  /** Invitations instead of adds: each invitee is told in their notice conversation. */
  private invite(conversationId: string, actor: string, users: readonly string[]): void {
    for (const u of users) {
      this.invitations.set(`${conversationId} ${u}`, actor);
      this.append(this.notices(u), actor, MessageType.FRIEND, friendSummary('invitation', actor, u));
    }
  }

  // ---- sends -------------------------------------------------------------------------

  send(sender: string, target: { to: string } | { conversationId: string }, clientMsgId: string, text: string): Result {
    const conversationId = 'to' in target ? directConversationId(sender, target.to) : target.conversationId;
    const first = this.sent.get(`${sender} ${clientMsgId}`);
    if (first) {
      if (first.conversationId !== conversationId || first.body !== text) return fail(ErrorCode.CLIENT_MSG_ID_REUSED);
      return ok({ conversationId, seq: first.seq, duplicate: true });
    }
    let conv = this.convs.get(conversationId);
    if ('to' in target) {
      // A block either way stops every message; a chat with a friends-only user must be started by a friend.
      const refusal = this.directRefusal(sender, target.to, !conv);
      if (refusal) return refusal;
      conv ??= this.open(conversationId, ConversationKind.DIRECT, [sender, target.to]);
    }
    if (!conv) return fail(ErrorCode.CONVERSATION_NOT_FOUND);
    if (conv.dismissed) return fail(ErrorCode.GROUP_DISMISSED);
    if (!this.current(conv, sender)) return fail(ErrorCode.NOT_MEMBER);
    const seq = this.append(conv, sender, MessageType.TEXT, text);
    this.sent.set(`${sender} ${clientMsgId}`, { conversationId, body: text, seq });
    return ok({ conversationId, seq, duplicate: false });
  }

  private directRefusal(sender: string, other: string, starting: boolean): Result | undefined {
    if (this.blocks.has(`${sender} ${other}`) || this.blocks.has(`${other} ${sender}`)) return fail(ErrorCode.BLOCKED);
    if (starting && this.friendsOnly.has(other) && !this.friends.has(pair(sender, other))) return fail(ErrorCode.NOT_FRIENDS);
    return undefined;
  }

  // ---- groups ------------------------------------------------------------------------

  /** CREATE: the caller owns the new group (named `id` by the server), `users` are members; the event is seq 1. */
  createGroup(actor: string, users: readonly string[], id: string): Result {
    const named = [...new Set(users)].filter((u) => u !== actor);
    // A block either way stops the whole creation; those whose setting does not allow the actor are invited.
    if (named.some((u) => this.blocked(actor, u))) return fail(ErrorCode.BLOCKED);
    const others = named.filter((u) => this.mayAdd(actor, u));
    const conv = this.open(id, ConversationKind.GROUP, [actor, ...others]);
    conv.members.get(actor)!.role = GroupRole.OWNER;
    this.append(conv, actor, MessageType.MEMBERSHIP, membershipSummary('create', others));
    this.invite(id, actor, named.filter((u) => !others.includes(u)));
    return ok({ conversationId: id, seq: 1, duplicate: false });
  }

  changeGroup(actor: string, op: GroupOp, conversationId: string, args: { users?: readonly string[]; joinable?: boolean; role?: number } = {}): Result {
    const conv = this.convs.get(conversationId);
    if (!conv || conv.kind !== ConversationKind.GROUP) return fail(ErrorCode.CONVERSATION_NOT_FOUND);
    if (conv.dismissed) return fail(ErrorCode.GROUP_DISMISSED);
    const users = [...new Set(args.users ?? [])];
    const seq = conv.messages.length + 1;
    const me = this.current(conv, actor);
    const event = (name: string, eventUsers: readonly string[] = [], removed: readonly string[] = []) => {
      this.append(conv, actor, MessageType.MEMBERSHIP, membershipSummary(name, eventUsers));
      // The removed see their removal event and nothing after it.
      for (const u of removed) conv.members.get(u)!.leftSeq = seq;
      return ok({ conversationId, seq, duplicate: false });
    };
    const key = (u: string) => `${conversationId} ${u}`;
    if (op === GroupOp.JOIN || op === GroupOp.ACCEPT_INVITATION) {
      if (me) return fail(ErrorCode.ALREADY_MEMBER);
      if (op === GroupOp.ACCEPT_INVITATION && !this.invitations.has(key(actor))) return fail(ErrorCode.INVITATION_NOT_FOUND);
      if (op === GroupOp.JOIN && !conv.joinable) return fail(ErrorCode.FORBIDDEN);
      if (this.bans.has(key(actor))) return fail(ErrorCode.BANNED);
      this.admit(conv, actor, seq);
      this.invitations.delete(key(actor));
      return event('join');
    }
    if (op === GroupOp.DECLINE_INVITATION) {
      const inviter = this.invitations.get(key(actor));
      if (inviter === undefined) return fail(ErrorCode.INVITATION_NOT_FOUND);
      this.invitations.delete(key(actor));
      const notices = this.notices(actor);
      const at = this.append(notices, actor, MessageType.FRIEND, friendSummary('invitation_declined', actor, inviter));
      return ok({ conversationId: notices.id, seq: at, duplicate: false });
    }
    if (!me) return fail(ErrorCode.NOT_MEMBER);
    const atLeast = (role: number) => me.role <= role;
    /** Targets must be current members of a lower role than the actor. */
    const outranked = (): Result | undefined => {
      for (const u of users) {
        const target = this.current(conv, u);
        if (!target) return fail(ErrorCode.NOT_MEMBER);
        if (target.role <= me.role) return fail(ErrorCode.FORBIDDEN);
      }
      return undefined;
    };
    switch (op) {
      case GroupOp.INVITE:
        if (!atLeast(GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
        if (users.some((u) => this.current(conv, u))) return fail(ErrorCode.ALREADY_MEMBER);
        if (users.some((u) => this.blocked(actor, u))) return fail(ErrorCode.BLOCKED);
        if (users.some((u) => this.bans.has(key(u)))) return fail(ErrorCode.BANNED);
        {
          const added = users.filter((u) => this.mayAdd(actor, u));
          for (const u of added) {
            this.admit(conv, u, seq);
            this.invitations.delete(key(u));
          }
          const result = event('invite', added);
          this.invite(conversationId, actor, users.filter((u) => !added.includes(u)));
          return result;
        }
      case GroupOp.BAN: {
        if (!atLeast(GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
        if (users.includes(actor)) return fail(ErrorCode.INVALID_ARGUMENT);
        const members = users.filter((u) => this.current(conv, u));
        if (members.some((u) => this.current(conv, u)!.role <= me.role)) return fail(ErrorCode.FORBIDDEN);
        for (const u of users) {
          this.bans.add(key(u));
          this.invitations.delete(key(u));
        }
        return event('ban', users, members);
      }
      case GroupOp.UNBAN:
        if (!atLeast(GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
        for (const u of users) this.bans.delete(key(u));
        return event('unban', users);
      case GroupOp.KICK:
        if (!atLeast(GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
        return outranked() ?? event('kick', users, users);
      case GroupOp.LEAVE:
        if (me.role === GroupRole.OWNER) return fail(ErrorCode.FORBIDDEN);
        return event('leave', [], [actor]);
      case GroupOp.INFO:
        if (!atLeast(GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
        conv.joinable = args.joinable ?? conv.joinable;
        return event('info');
      case GroupOp.SET_ROLE: {
        if (!atLeast(GroupRole.OWNER)) return fail(ErrorCode.FORBIDDEN);
        const refusal = outranked();
        if (refusal) return refusal;
        for (const u of users) conv.members.get(u)!.role = args.role!;
        return event('role', users);
      }
      case GroupOp.DISMISS: {
        if (!atLeast(GroupRole.OWNER)) return fail(ErrorCode.FORBIDDEN);
        // Everyone leaves at the dismiss event.
        const everyone = [...conv.members.keys()].filter((u) => this.current(conv, u));
        conv.dismissed = true;
        conv.joinable = false;
        return event('dismiss', [], everyone);
      }
      default:
        throw new Error(`the model has no group op ${op}`);
    }
  }

  /** A new member, or a former one starting over: one join point per member, at the event that admits them. */
  private admit(conv: Conv, user: string, seq: number): void {
    const m = conv.members.get(user);
    if (m) Object.assign(m, { joinSeq: seq - 1, leftSeq: null, role: GroupRole.MEMBER });
    else conv.members.set(user, newMember(seq - 1, GroupRole.MEMBER));
  }

  // ---- message ops -------------------------------------------------------------------

  modifyMessage(actor: string, op: MessageOpKind, conversationId: string, seq: number, arg = ''): Result {
    const conv = this.convs.get(conversationId);
    const me = conv?.members.get(actor);
    const own = op === MessageOpKind.HIDE || op === MessageOpKind.CLEAR;
    // Nothing changes in a dismissed group but each member's own history (PROTOCOL §7e).
    if (conv?.dismissed && !own) return fail(ErrorCode.GROUP_DISMISSED);
    // One's own history may be changed also after leaving; everything else needs a current member.
    if (!conv || !me || (me.leftSeq !== null && !own)) return fail(ErrorCode.NOT_MEMBER);
    if (own) {
      if (seq <= Math.max(me.joinSeq, me.clearedSeq) || seq > this.lastSeq(conv, me)) return fail(ErrorCode.MESSAGE_NOT_FOUND);
      if (op === MessageOpKind.HIDE) {
        if (me.hidden.has(seq)) return fail(ErrorCode.INVALID_ARGUMENT);
        me.hidden.add(seq);
      } else {
        me.clearedSeq = seq;
      }
      const notices = this.notices(actor);
      const at = this.append(notices, actor, MessageType.HISTORY, historySummary(op === MessageOpKind.HIDE ? 'hide' : 'clear', conversationId, seq));
      return ok({ conversationId: notices.id, seq: at, duplicate: false });
    }
    const target = conv.messages[seq - 1];
    // One acts only on a message one may see (PROTOCOL §7e: an event follows the message it changes).
    if (!target || this.whyHidden(actor, conversationId, seq)) return fail(ErrorCode.MESSAGE_NOT_FOUND);
    if (target.type >= SERVER_MESSAGE_TYPE_MIN || target.flags & MessageFlag.RECALLED) return fail(ErrorCode.MESSAGE_LOCKED);
    const mine = target.sender === actor;
    let eventType: number = MessageType.REACTION;
    let eventBody = '';
    if (op === MessageOpKind.REACT || op === MessageOpKind.UNREACT) {
      // No reaction to the message of a user across a block (taking one's own back is allowed).
      if (op === MessageOpKind.REACT && !mine && this.blocked(actor, target.sender)) return fail(ErrorCode.BLOCKED);
      const entry = target.reactions.find((r) => r.emoji === arg);
      const reacted = entry?.users.includes(actor) ?? false;
      if (reacted === (op === MessageOpKind.REACT)) return fail(ErrorCode.INVALID_ARGUMENT);
      if (op === MessageOpKind.REACT) {
        if (entry) entry.users.push(actor);
        else target.reactions.push({ emoji: arg, users: [actor] });
      } else {
        entry!.users = entry!.users.filter((u) => u !== actor);
        target.reactions = target.reactions.filter((r) => r.users.length > 0);
      }
      eventBody = reactionSummary(op === MessageOpKind.REACT ? 'add' : 'remove', arg);
    } else if (op === MessageOpKind.RECALL) {
      // The sender (the window never closes here), or a group's owner or admins.
      if (!mine && !(conv.kind === ConversationKind.GROUP && me.role <= GroupRole.ADMIN)) return fail(ErrorCode.FORBIDDEN);
      target.body = '';
      target.flags |= MessageFlag.RECALLED;
      eventType = MessageType.RECALL;
    } else {
      if (!mine) return fail(ErrorCode.FORBIDDEN);
      // No edit in a 1:1 across a block.
      if (conv.kind === ConversationKind.DIRECT && [...conv.members.keys()].some((u) => u !== actor && this.blocked(actor, u))) return fail(ErrorCode.BLOCKED);
      target.body = eventBody = arg;
      target.flags |= MessageFlag.EDITED;
      eventType = MessageType.EDIT;
    }
    const at = this.append(conv, actor, eventType, eventBody, seq);
    return ok({ conversationId, seq: at, duplicate: false });
  }

  /** The read position moves forward only, clamped to the highest seq the member can see. */
  markRead(user: string, conversationId: string, seq: number): Result {
    const conv = this.convs.get(conversationId);
    const me = conv?.members.get(user);
    if (!conv || !me) return fail(ErrorCode.NOT_MEMBER);
    me.readSeq = Math.max(me.readSeq, Math.min(seq, this.lastSeq(conv, me)));
    return ok({ readSeq: me.readSeq });
  }

  // ---- friends -----------------------------------------------------------------------

  /** A friend change; the ack lists the events written to the actor's own notice conversation. */
  changeFriends(me: string, op: FriendOp, them: string, allow = true, groupAdds = 0): Result {
    const friends = this.friends.has(pair(me, them));
    const written: string[] = [];
    const tell = (user: string, name: string) => {
      const notices = this.notices(user);
      const seq = this.append(notices, me, MessageType.FRIEND, name === 'allow_strangers' ? `allow_strangers ${me} ${allow}` : friendSummary(name, me, them));
      if (user === me) written.push(`${notices.id}#${seq}`);
    };
    const befriend = () => {
      this.friends.add(pair(me, them));
      this.requests.delete(`${me} ${them}`);
      this.requests.delete(`${them} ${me}`);
    };
    switch (op) {
      case FriendOp.REQUEST:
        if (this.blocks.has(`${me} ${them}`) || this.blocks.has(`${them} ${me}`)) return fail(ErrorCode.BLOCKED);
        if (friends) return fail(ErrorCode.ALREADY_FRIENDS);
        // They asked first: asking back is accepting.
        if (this.requests.has(`${them} ${me}`)) {
          befriend();
          tell(me, 'accept');
          tell(them, 'accept');
        } else if (this.requests.has(`${me} ${them}`)) {
          // Asking again changes nothing and tells no one.
          return ok({ duplicate: true, events: [] });
        } else {
          this.requests.add(`${me} ${them}`);
          tell(me, 'request');
          tell(them, 'request');
        }
        break;
      case FriendOp.ACCEPT:
      case FriendOp.REJECT: {
        if (!this.requests.has(`${them} ${me}`)) return fail(ErrorCode.REQUEST_NOT_FOUND);
        if (op === FriendOp.ACCEPT) befriend();
        else this.requests.delete(`${them} ${me}`);
        const name = op === FriendOp.ACCEPT ? 'accept' : 'reject';
        tell(me, name);
        tell(them, name);
        break;
      }
      case FriendOp.REMOVE:
        if (!friends) return fail(ErrorCode.NOT_FRIENDS);
        this.friends.delete(pair(me, them));
        tell(me, 'remove');
        tell(them, 'remove');
        break;
      case FriendOp.BLOCK:
        // The friendship ends (they learn that much, as a removal), and any requests; the block is private.
        if (friends) {
          this.friends.delete(pair(me, them));
          tell(them, 'remove');
        }
        this.requests.delete(`${me} ${them}`);
        this.requests.delete(`${them} ${me}`);
        this.blocks.add(`${me} ${them}`);
        tell(me, 'block');
        break;
      case FriendOp.UNBLOCK:
        this.blocks.delete(`${me} ${them}`);
        tell(me, 'unblock');
        break;
      case FriendOp.ALLOW_STRANGERS:
        if (allow) this.friendsOnly.delete(me);
        else this.friendsOnly.add(me);
        tell(me, 'allow_strangers');
        break;
      case FriendOp.GROUP_ADDS:
        this.groupAdds.set(me, groupAdds);
        tell(me, 'group_adds');
        break;
    }
    return ok({ duplicate: false, events: written });
  }

  // ---- what a member sees ------------------------------------------------------------

  /** Conversations the user belongs or belonged to. */
  conversationsOf(user: string): string[] {
    return [...this.convs.values()].filter((c) => c.members.has(user)).map((c) => c.id);
  }

  /** Current members of a conversation, owner first, then by role and id. */
  currentMembers(conversationId: string): string[] {
    const conv = this.convs.get(conversationId);
    if (!conv) return [];
    const current = [...conv.members].filter(([, m]) => m.leftSeq === null);
    return current.sort(([a, x], [b, y]) => x.role - y.role || (a < b ? -1 : 1)).map(([u]) => u);
  }

  /** Why `user` may not see `seq` of the conversation, or undefined if they may. */
  whyHidden(user: string, conversationId: string, seq: number): string | undefined {
    const conv = this.convs.get(conversationId);
    const m = conv?.members.get(user);
    if (!conv || !m) return 'never a member';
    const outside = (s: number) =>
      s <= m.joinSeq ? `at or before their join point ${m.joinSeq}`
      : s <= m.clearedSeq ? `cleared by them up to ${m.clearedSeq}`
      : s > this.lastSeq(conv, m) ? `after their leave event ${m.leftSeq}`
      : m.hidden.has(s) ? 'deleted for them'
      : undefined;
    const own = outside(seq);
    if (own) return own;
    const msg = conv.messages[seq - 1]!;
    if (!isChangeEvent(msg.type)) return undefined;
    // An edit, recall or reaction is visible only with the message it changes.
    const ref = outside(msg.refSeq);
    return ref && `the ${typeName(msg.type)} of #${msg.refSeq}, which is ${ref}`;
  }

  pull(user: string, conversationId: string): PullView | undefined {
    const conv = this.convs.get(conversationId);
    const m = conv?.members.get(user);
    if (!conv || !m) return undefined;
    const fromSeq = Math.max(m.joinSeq, m.clearedSeq) + 1;
    const toSeq = this.lastSeq(conv, m);
    const view: PullView = { fromSeq, toSeq, maxSeq: toSeq, messages: [], holes: [] };
    for (let s = fromSeq; s <= toSeq; s++) {
      if (this.whyHidden(user, conversationId, s)) view.holes.push(s);
      else view.messages.push(conv.messages[s - 1]!);
    }
    return view;
  }

  view(user: string, conversationId: string): ConvView | undefined {
    const conv = this.convs.get(conversationId);
    const m = conv?.members.get(user);
    if (!conv || !m) return undefined;
    const maxSeq = this.lastSeq(conv, m);
    const after = Math.max(m.readSeq, m.joinSeq, m.clearedSeq);
    const shown = conv.messages.slice(0, maxSeq).filter((x) => !isChangeEvent(x.type));
    const unread = shown.filter((x) => x.seq > after && x.sender !== user).length;
    const last = shown.filter((x) => x.seq > Math.max(m.joinSeq, m.clearedSeq) && !m.hidden.has(x.seq)).at(-1);
    return {
      maxSeq,
      joinSeq: m.joinSeq,
      left: m.leftSeq !== null,
      readSeq: m.readSeq,
      unread,
      clearedSeq: m.clearedSeq,
      last: last ? describeMessage(last) : null,
    };
  }

  // ---- internals ---------------------------------------------------------------------

  /** The highest seq the member may see: their leave event, or the newest. */
  private lastSeq(conv: Conv, m: Member): number {
    return m.leftSeq ?? conv.messages.length;
  }

  private current(conv: Conv, user: string): Member | undefined {
    const m = conv.members.get(user);
    return m && m.leftSeq === null ? m : undefined;
  }

  private open(id: string, kind: number, members: readonly string[]): Conv {
    const conv: Conv = { id, kind, messages: [], members: new Map(members.map((u) => [u, newMember(0, GroupRole.MEMBER)])), joinable: false, dismissed: false };
    this.convs.set(id, conv);
    return conv;
  }

  private notices(user: string): Conv {
    return this.convs.get(noticeConversationId(user)) ?? this.open(noticeConversationId(user), ConversationKind.NOTICES, [user]);
  }

  private append(conv: Conv, sender: string, type: number, body: string, refSeq = 0): number {
    const seq = conv.messages.length + 1;
    conv.messages.push({ seq, sender, type, body, flags: 0, refSeq, reactions: [] });
    return seq;
  }
}

function newMember(joinSeq: number, role: number): Member {
  return { joinSeq, leftSeq: null, role, clearedSeq: 0, readSeq: 0, hidden: new Set() };
}
