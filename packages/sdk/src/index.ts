export { ParleyClient, type PresenceInfo, type GroupPresencePage, type ConversationInfo, type ReadReceipt, type GroupChange, type FriendList, type GroupBan, type GroupInvitation, type GroupDetails, type GroupInfoUpdate, type ClientEvents, type ClientOptions, type ConnectionState, type Message, type MessageFile, type Notice, type SendAck, type SendInput, type SignInSession } from './client.ts';
export { MemorySessionStore, type OutboxEntry, type SessionState, type SessionStore, type UploadRecord } from './session-store.ts';
export { IndexedDbSessionStore, indexedDbSessionName, type IndexedDbSessionStoreOptions } from './indexeddb-session-store.ts';
export type { FileInfo, UploadOptions, UploadProgress } from './uploads.ts';
export { IncomingVoice, VoiceRecorder, type RecordVoiceOptions, type VoiceChunk, type VoiceProgress } from './voice.ts';
export { ConversationBuffer, HOLE } from './conversation-buffer.ts';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
export { openTransport, type TlsOptions, type Transport, type WebSocketConstructor, type WebSocketLike } from './transport.ts';
export { AccountsSessionOp, directConversationId, noticeConversationId, ConversationKind, ErrorCode, FriendOp, GroupInfoField, GroupOp, GroupRole, MessageFlag, MessageType, ParleyError, type FriendEvent, type HistoryEvent, type MembershipEvent, type ReactionEvent, type SettingsEvent } from '@parley/protocol';
