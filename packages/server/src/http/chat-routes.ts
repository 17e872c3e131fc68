/**
 * The chat features over HTTP, for clients that want request/response rather than
 * a socket (bots, backends, scripts). Every route is thin: it authenticates the
 * bearer token, reads its input and calls the same ChatService method the socket
 * protocol calls, so membership, join points, blocks, mutes, dedup by clientMsgId
 * and fan-out to online devices are the chat service's, never re-decided here.
 *
 * An HTTP request is a caller of its own: device "http", and a session id no
 * socket has, so what it changes is pushed to every connected device of everyone
 * concerned, the caller's own devices included.
 *
 * Mutations take an optional `clientMsgId` (a required one for sends): a retry with
 * the same id is answered with the original result and changes nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  ConversationSetting,
  ErrorCode,
  FriendOp,
  GroupInfoField,
  GroupOp,
  MessageOpKind,
  MessageType,
  ParleyError,
} from '@parley/protocol';
import { sendAckOf, type Caller, type ChatService, type GroupInput, type MessageOpInput, type PullOutput, type SendInput } from '../chat/chat-service.ts';
import type { StoredMessage } from '../chat/types.ts';
import type { Route } from './http-api.ts';
import { content, field, queryInt, readJson, requiredQueryInt, segment, seqSegment, type JsonBody } from './parse.ts';

/** The device id of HTTP requests, as it appears in `senderDevice`. */
export const HTTP_DEVICE = 'http';

/** Default page size of backward history paging (as the SDK's `history`). */
const HISTORY_PAGE = 50;

export interface ChatRouteDeps {
  chat: ChatService;
  /** The user a request's bearer token names. */
  authenticate(req: IncomingMessage): Promise<string>;
  /** Presence as clients get it (Gateway.presence): online now, and last seen. */
  presence(users: readonly { userId: string; lastSeen: number }[]): Promise<{ userId: string; online: boolean; lastSeen: number }[]>;
  /** The most seqs one pull covers (config `pullMaxLimit`). */
  pullMaxLimit: number;
}

type UserHandler = (caller: Caller, req: IncomingMessage, url: URL, params: string[]) => Promise<[number, unknown]>;

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

export function messageJson(m: StoredMessage): Record<string, unknown> {
  const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
  return { ...m, body: body.toString('base64'), ...(m.type === MessageType.TEXT ? { text: body.toString('utf8') } : {}) };
}

function pullJson(page: PullOutput): Record<string, unknown> {
  return { ...page, messages: page.messages.map(messageJson) };
}

/** The caller's idempotency key, or a fresh one (then a retry is a new request). */
function clientMsgIdOf(body: JsonBody): string {
  return field.string(body, 'clientMsgId') ?? randomUUID();
}

/** Bits of `flags` whose keys the body names. */
function fieldBits(body: JsonBody, flags: Record<string, number>): number {
  let bits = 0;
  for (const [key, bit] of Object.entries(flags)) if (body[key] !== undefined && body[key] !== null) bits |= bit;
  return bits;
}

/** POST /v1/groups/{id}/{action}: the group op and what it reads from the body. */
const GROUP_ACTIONS: Record<string, { op: GroupOp; read: (body: JsonBody) => Partial<GroupInput> }> = {
  invite: { op: GroupOp.INVITE, read: (b) => ({ users: field.requiredStrings(b, 'users') }) },
  kick: { op: GroupOp.KICK, read: (b) => ({ users: field.requiredStrings(b, 'users') }) },
  join: { op: GroupOp.JOIN, read: () => ({}) },
  leave: { op: GroupOp.LEAVE, read: () => ({}) },
  role: { op: GroupOp.SET_ROLE, read: (b) => ({ users: field.requiredStrings(b, 'users'), role: field.requiredInt(b, 'role') }) },
  transfer: { op: GroupOp.TRANSFER, read: (b) => ({ users: [field.requiredString(b, 'userId')] }) },
  mute: { op: GroupOp.MUTE, read: (b) => ({ users: field.requiredStrings(b, 'users'), mutedUntil: field.requiredInt(b, 'mutedUntil') }) },
  'mute-all': { op: GroupOp.MUTE_ALL, read: (b) => ({ on: field.requiredBool(b, 'on') }) },
  dismiss: { op: GroupOp.DISMISS, read: () => ({}) },
  ban: { op: GroupOp.BAN, read: (b) => ({ users: field.requiredStrings(b, 'users') }) },
  unban: { op: GroupOp.UNBAN, read: (b) => ({ users: field.requiredStrings(b, 'users') }) },
};

/** POST /v1/invitations/{group}/{answer}. */
const INVITATION_ANSWERS: Record<string, GroupOp> = { accept: GroupOp.ACCEPT_INVITATION, decline: GroupOp.DECLINE_INVITATION };

const GROUP_INFO_FIELDS = {
  name: GroupInfoField.NAME,
  avatarUrl: GroupInfoField.AVATAR_URL,
  announcement: GroupInfoField.ANNOUNCEMENT,
  joinable: GroupInfoField.JOINABLE,
};

const FRIEND_ANSWERS: Record<string, FriendOp> = { accept: FriendOp.ACCEPT, reject: FriendOp.REJECT };

const ID = '([^/]+)';

export function chatRoutes(deps: ChatRouteDeps): Route[] {
  const { chat } = deps;

  /** A route for a signed-in user: the token is checked before anything else is read. */
  const user = (method: string, path: string, handler: UserHandler): Route => ({
    method,
    pattern: new RegExp(`^${path}$`),
    handler: async (req, url, params) => {
      const userId = await deps.authenticate(req);
      return handler({ userId, deviceId: HTTP_DEVICE, sessionId: `http:${randomUUID()}` }, req, url, params);
    },
  });

  const send = async (caller: Caller, req: IncomingMessage, target: Pick<SendInput, 'conversationId' | 'to'>): Promise<[number, unknown]> => {
    const body = await readJson(req);
    const clientMsgId = field.requiredString(body, 'clientMsgId');
    const bytes = content(body);
    if (bytes === undefined) throw invalid('give the content as text, or as body (base64) with a type');
    const { message, duplicate } = await chat.send(caller, {
      ...target,
      clientMsgId,
      type: field.int(body, 'type') ?? MessageType.TEXT,
      body: bytes,
      mentions: field.strings(body, 'mentions'),
      mentionAll: field.bool(body, 'mentionAll'),
      replyTo: field.int(body, 'replyTo'),
    });
    // The first commit creates the message; a resend answers the same ack.
    return [duplicate ? 200 : 201, sendAckOf({ message, duplicate })];
  };

  /** Recall, edit, react, hide: a message event answered like a send. */
  const messageOp =
    (op: MessageOpKind, read: (body: JsonBody, params: string[]) => Partial<MessageOpInput> = () => ({})): UserHandler =>
    async (caller, req, _url, params) => {
      const body = await readJson(req);
      const { message, duplicate } = await chat.modifyMessage(caller, {
        op,
        conversationId: segment(params[0]!),
        seq: seqSegment(params[1]!),
        clientMsgId: clientMsgIdOf(body),
        ...read(body, params),
      });
      return [200, sendAckOf({ message, duplicate })];
    };

  const changeGroup = async (caller: Caller, body: JsonBody, input: GroupInput): Promise<[number, unknown]> => {
    const { message, duplicate } = await chat.changeGroup(caller, { clientMsgId: clientMsgIdOf(body), ...input });
    const status = input.op === GroupOp.CREATE && !duplicate ? 201 : 200;
    return [status, { conversationId: message.conversationId, seq: message.seq, duplicate, message: messageJson(message) }];
  };

  const changeFriends = async (caller: Caller, body: JsonBody, op: FriendOp, userId: string, extra: { note?: string; allow?: boolean; groupAdds?: number } = {}): Promise<[number, unknown]> => {
    const result = await chat.changeFriends(caller, { op, userId, clientMsgId: clientMsgIdOf(body), ...extra });
    return [200, { duplicate: result.duplicate, events: result.events.map(messageJson) }];
  };

  /**
   * Up to `limit` messages below seq `before` (0: from the newest), oldest first,
   * as the SDK's `history` pages: pulls widen backwards past holes until the page
   * is full or reaches the member's first visible seq. Pull alone decides what is
   * visible (join and cleared points, leave, deleted for me).
   */
  const historyBefore = async (caller: Caller, conversationId: string, before: number, limit: number): Promise<PullOutput> => {
    // A one-seq pull learns the highest seq this member may see (their leave, if they left).
    const { maxSeq } = await chat.pull(caller, conversationId, 1, 0, 1);
    let next = before === 0 ? maxSeq + 1 : Math.min(before, maxSeq + 1);
    const page: PullOutput = { conversationId, fromSeq: next, toSeq: next - 1, messages: [], holes: [], maxSeq };
    while (page.messages.length < limit && next > 1) {
      const from = Math.max(1, next - (limit - page.messages.length));
      const part = await chat.pull(caller, conversationId, from, next - 1, next - from);
      page.messages.unshift(...part.messages);
      page.holes.unshift(...part.holes);
      page.maxSeq = part.maxSeq;
      if (part.toSeq < part.fromSeq) break; // nothing visible here: below the join or cleared point
      page.fromSeq = part.fromSeq;
      if (part.fromSeq > from) break; // the pull started higher: nothing earlier is visible
      next = from;
    }
    return page;
  };

  return [
    user('GET', '/v1/conversations', async (caller, _req, url) => {
      // An answer short of changes held back by open transactions (`withheld`) has no
      // RESYNC to follow over HTTP: the client's next request from the token gets them.
      const { conversations, token, more } = await chat.sync(caller, url.searchParams.get('token') ?? '');
      return [200, { conversations, token, more }];
    }),
    user('GET', `/v1/conversations/${ID}/messages`, async (caller, _req, url, [rawId]) => {
      const conversationId = segment(rawId!);
      if (url.searchParams.has('before')) {
        if (url.searchParams.has('from') || url.searchParams.has('to')) throw invalid('use either before or from/to, not both');
        const limit = Math.min(queryInt(url, 'limit', HISTORY_PAGE), deps.pullMaxLimit);
        if (limit < 1) throw invalid('limit must be at least 1');
        return [200, pullJson(await historyBefore(caller, conversationId, queryInt(url, 'before', 0), limit))];
      }
      const page = await chat.pull(caller, conversationId, queryInt(url, 'from', 1), queryInt(url, 'to', 0), queryInt(url, 'limit', 100));
      return [200, pullJson(page)];
    }),
    user('POST', `/v1/conversations/${ID}/messages`, (caller, req, _url, [rawId]) => send(caller, req, { conversationId: segment(rawId!) })),
    // A message to a user: opens the 1:1 conversation on first use.
    user('POST', `/v1/users/${ID}/messages`, (caller, req, _url, [rawId]) => send(caller, req, { to: segment(rawId!) })),
    user('POST', `/v1/conversations/${ID}/messages/(\\d+)/recall`, messageOp(MessageOpKind.RECALL)),
    user(
      'POST',
      `/v1/conversations/${ID}/messages/(\\d+)/edit`,
      messageOp(MessageOpKind.EDIT, (body) => {
        const bytes = content(body);
        if (bytes === undefined) throw invalid('give the new content as text or body (base64)');
        return { body: bytes };
      }),
    ),
    user('POST', `/v1/conversations/${ID}/messages/(\\d+)/reactions`, messageOp(MessageOpKind.REACT, (body) => ({ emoji: field.requiredString(body, 'emoji') }))),
    user('DELETE', `/v1/conversations/${ID}/messages/(\\d+)/reactions/${ID}`, messageOp(MessageOpKind.UNREACT, (_body, params) => ({ emoji: segment(params[2]!) }))),
    user('POST', `/v1/conversations/${ID}/messages/(\\d+)/hide`, messageOp(MessageOpKind.HIDE)),
    user('POST', `/v1/conversations/${ID}/clear`, async (caller, req, _url, [rawId]) => {
      const body = await readJson(req);
      const { message, duplicate } = await chat.modifyMessage(caller, {
        op: MessageOpKind.CLEAR,
        conversationId: segment(rawId!),
        seq: field.requiredInt(body, 'seq'),
        clientMsgId: clientMsgIdOf(body),
      });
      return [200, sendAckOf({ message, duplicate })];
    }),
    user('POST', `/v1/conversations/${ID}/read`, async (caller, req, _url, [rawId]) => {
      const body = await readJson(req);
      const conversationId = segment(rawId!);
      const readSeq = await chat.markRead(caller, conversationId, field.requiredInt(body, 'seq'));
      return [200, { conversationId, userId: caller.userId, readSeq }];
    }),
    user('GET', `/v1/conversations/${ID}/readers`, async (caller, _req, url, [rawId]) => {
      return [200, await chat.readers(caller, segment(rawId!), requiredQueryInt(url, 'seq'), queryInt(url, 'limit', 0))];
    }),
    user('PATCH', `/v1/conversations/${ID}/settings`, async (caller, req, _url, [rawId]) => {
      const body = await readJson(req);
      const { message, duplicate } = await chat.changeSettings(caller, {
        conversationId: segment(rawId!),
        fields: fieldBits(body, { pinned: ConversationSetting.PINNED, muted: ConversationSetting.MUTED }),
        pinned: field.bool(body, 'pinned'),
        muted: field.bool(body, 'muted'),
        clientMsgId: clientMsgIdOf(body),
      });
      return [200, sendAckOf({ message, duplicate })];
    }),

    user('POST', '/v1/groups', async (caller, req) => {
      const body = await readJson(req);
      return changeGroup(caller, body, { op: GroupOp.CREATE, name: field.requiredString(body, 'name'), users: field.strings(body, 'users') });
    }),
    user('GET', `/v1/groups/${ID}`, async (caller, _req, _url, [rawId]) => [200, await chat.groupInfo(caller, segment(rawId!))]),
    user('PATCH', `/v1/groups/${ID}`, async (caller, req, _url, [rawId]) => {
      const body = await readJson(req);
      return changeGroup(caller, body, {
        op: GroupOp.INFO,
        conversationId: segment(rawId!),
        fields: fieldBits(body, GROUP_INFO_FIELDS),
        name: field.string(body, 'name'),
        avatarUrl: field.string(body, 'avatarUrl'),
        announcement: field.string(body, 'announcement'),
        joinable: field.bool(body, 'joinable'),
      });
    }),
    user('POST', `/v1/groups/${ID}/(${Object.keys(GROUP_ACTIONS).join('|')})`, async (caller, req, _url, [rawId, action]) => {
      const body = await readJson(req);
      const { op, read } = GROUP_ACTIONS[action!]!;
      return changeGroup(caller, body, { op, conversationId: segment(rawId!), users: [], ...read(body) });
    }),

    user('GET', `/v1/groups/${ID}/bans`, async (caller, _req, _url, [rawId]) => [200, await chat.bans(caller, segment(rawId!))]),
    user('GET', '/v1/invitations', async (caller) => [200, { invitations: await chat.invitations(caller) }]),
    user('POST', `/v1/invitations/${ID}/(accept|decline)`, async (caller, req, _url, [rawId, answer]) => {
      const body = await readJson(req);
      return changeGroup(caller, body, { op: INVITATION_ANSWERS[answer!]!, conversationId: segment(rawId!), users: [] });
    }),

    user('GET', '/v1/friends', async (caller) => [200, await chat.listFriends(caller)]),
    user('PATCH', '/v1/friends', async (caller, req) => {
      const body = await readJson(req);
      // One setting per request: who may add me to groups, or whether strangers may start a 1:1 chat.
      const groupAdds = field.int(body, 'groupAdds');
      if (groupAdds !== undefined && groupAdds !== null) return changeFriends(caller, body, FriendOp.GROUP_ADDS, '', { groupAdds });
      return changeFriends(caller, body, FriendOp.ALLOW_STRANGERS, '', { allow: field.requiredBool(body, 'allowStrangers') });
    }),
    user('POST', '/v1/friends/requests', async (caller, req) => {
      const body = await readJson(req);
      return changeFriends(caller, body, FriendOp.REQUEST, field.requiredString(body, 'userId'), { note: field.string(body, 'note') });
    }),
    user('POST', `/v1/friends/requests/${ID}/(accept|reject)`, async (caller, req, _url, [rawId, answer]) => {
      return changeFriends(caller, await readJson(req), FRIEND_ANSWERS[answer!]!, segment(rawId!));
    }),
    user('DELETE', `/v1/friends/${ID}`, async (caller, req, _url, [rawId]) => changeFriends(caller, await readJson(req), FriendOp.REMOVE, segment(rawId!))),
    user('PUT', `/v1/blocks/${ID}`, async (caller, req, _url, [rawId]) => changeFriends(caller, await readJson(req), FriendOp.BLOCK, segment(rawId!))),
    user('DELETE', `/v1/blocks/${ID}`, async (caller, req, _url, [rawId]) => changeFriends(caller, await readJson(req), FriendOp.UNBLOCK, segment(rawId!))),

    user('GET', '/v1/presence', async (caller, _req, url) => {
      const raw = url.searchParams.get('users');
      if (raw === null || raw === '') throw invalid('query parameter users is required (comma-separated user ids)');
      const visible = await chat.presenceOf(caller, raw.split(','));
      return [200, { users: await deps.presence([...visible].map(([userId, lastSeen]) => ({ userId, lastSeen }))) }];
    }),
  ];
}
