import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  CloseCode,
  ConversationKind,
  ConversationSetting,
  ErrorCode,
  FriendOp,
  GroupInfoField,
  GroupOp,
  GroupRole,
  isRetryable,
  MessageFlag,
  MessageOpKind,
  MessageType,
  NoticeCode,
} from '../src/index.ts';

/**
 * The codes of protocol version 1 as they were written by hand before they were
 * generated from parley.proto: each must keep its name and number (servers,
 * SDKs and apps in the field send them). New codes may be added.
 */
const V1 = {
  MessageType: { TEXT: 1, CUSTOM: 2, IMAGE: 3, FILE: 4, VOICE: 5, VIDEO: 6, MEMBERSHIP: 100, RECALL: 101, EDIT: 102, FRIEND: 103, REACTION: 104, HISTORY: 105, SETTINGS: 106 },
  MessageFlag: { RECALLED: 1, EDITED: 2 },
  MessageOpKind: { RECALL: 1, EDIT: 2, REACT: 3, UNREACT: 4, HIDE: 5, CLEAR: 6 },
  ConversationSetting: { PINNED: 1, MUTED: 2 },
  ConversationKind: { DIRECT: 1, GROUP: 2, NOTICES: 3 },
  FriendOp: { REQUEST: 1, ACCEPT: 2, REJECT: 3, REMOVE: 4, BLOCK: 5, UNBLOCK: 6, ALLOW_STRANGERS: 7 },
  GroupOp: { CREATE: 1, INVITE: 2, KICK: 3, LEAVE: 4, INFO: 5, SET_ROLE: 6, TRANSFER: 7, DISMISS: 8, MUTE: 9, MUTE_ALL: 10, JOIN: 11 },
  GroupRole: { OWNER: 1, ADMIN: 2, MEMBER: 3 },
  GroupInfoField: { NAME: 1, AVATAR_URL: 2, ANNOUNCEMENT: 4, JOINABLE: 8 },
  NoticeCode: { RECONNECT: 'RECONNECT', RESYNC: 'RESYNC', KICKED: 'KICKED' },
  CloseCode: {
    NORMAL: 1000, GOING_AWAY: 1001, PROTOCOL_ERROR: 4000, AUTH_FAILED: 4001, AUTH_TIMEOUT: 4002, FRAME_TOO_LARGE: 4003,
    HEARTBEAT_TIMEOUT: 4004, SLOW_CONSUMER: 4005, KICKED: 4006, DRAINING: 4007, REPLACED: 4008,
  },
};

const GENERATED: Record<keyof typeof V1, Record<string, number | string>> = {
  MessageType,
  MessageFlag,
  MessageOpKind,
  ConversationSetting,
  ConversationKind,
  FriendOp,
  GroupOp,
  GroupRole,
  GroupInfoField,
  NoticeCode,
  CloseCode,
};

test('Wire constants › every code of protocol v1 keeps its name and number', () => {
  for (const [name, codes] of Object.entries(V1) as [keyof typeof V1, Record<string, number | string>][]) {
    for (const [key, value] of Object.entries(codes)) assert.equal(GENERATED[name][key], value, `${name}.${key}`);
  }
});

test('Wire constants › error codes are their own names, as the wire carries them', () => {
  for (const [key, value] of Object.entries(ErrorCode)) assert.equal(value, key);
  for (const [key, value] of Object.entries(NoticeCode)) assert.equal(value, key);
});

test('Wire constants › each generated code is a value of an enum of parley.proto', () => {
  const proto = readFileSync(new URL('../parley.proto', import.meta.url), 'utf8');
  // Each generated numeric code appears in the .proto as PREFIX_NAME = value.
  const prefix = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  for (const [name, codes] of Object.entries(GENERATED)) {
    if (name === 'NoticeCode') continue;
    for (const [key, value] of Object.entries(codes)) assert.match(proto, new RegExp(`\\b${prefix(name)}_${key} = ${value};`), `${name}.${key}`);
  }
  for (const key of Object.keys(ErrorCode)) assert.match(proto, new RegExp(`^\\s+${key} = \\d+;`, 'm'), `Error.Code ${key}`);
});

test('PROTOCOL.md › §9 lists every error code once, with the retryable flag the code has', () => {
  const doc = readFileSync(new URL('../../../docs/PROTOCOL.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## 9. Errors'), doc.indexOf('## 10.'));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| `([A-Z_]+)` \| (yes|no) \|/gm)) {
    assert.ok(!rows.has(m[1]!), `${m[1]} is listed twice`);
    rows.set(m[1]!, m[2]!);
  }
  assert.deepEqual([...rows.keys()].sort(), Object.keys(ErrorCode).sort(), 'the codes §9 lists');
  for (const [code, flag] of rows) assert.equal(flag === 'yes', isRetryable(code), `${code} retryable`);
});
