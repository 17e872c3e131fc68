/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const parley = $root.parley = (() => {

    /**
     * Namespace parley.
     * @exports parley
     * @namespace
     */
    const parley = {};

    parley.Frame = (function() {

        /**
         * Properties of a Frame.
         * @typedef {Object} parley.Frame.$Properties
         * @property {number|null} [id] Frame id
         * @property {parley.Auth.$Properties|null} [auth] Frame auth
         * @property {parley.AuthOk.$Properties|null} [authOk] Frame authOk
         * @property {parley.Send.$Properties|null} [send] Frame send
         * @property {parley.SendAck.$Properties|null} [sendAck] Frame sendAck
         * @property {parley.Push.$Properties|null} [push] Frame push
         * @property {parley.Ack.$Properties|null} [ack] Frame ack
         * @property {parley.SyncRequest.$Properties|null} [sync] Frame sync
         * @property {parley.SyncResponse.$Properties|null} [syncResult] Frame syncResult
         * @property {parley.PullRequest.$Properties|null} [pull] Frame pull
         * @property {parley.PullResponse.$Properties|null} [pullResult] Frame pullResult
         * @property {parley.Ping.$Properties|null} [ping] Frame ping
         * @property {parley.Pong.$Properties|null} [pong] Frame pong
         * @property {parley.Error.$Properties|null} [error] Frame error
         * @property {parley.Notice.$Properties|null} [notice] Frame notice
         * @property {parley.GroupRequest.$Properties|null} [group] Frame group
         * @property {parley.GroupResponse.$Properties|null} [groupResult] Frame groupResult
         * @property {parley.MarkRead.$Properties|null} [markRead] Frame markRead
         * @property {parley.ReadState.$Properties|null} [readState] Frame readState
         * @property {parley.Typing.$Properties|null} [typing] Frame typing
         * @property {parley.PresenceRequest.$Properties|null} [presence] Frame presence
         * @property {parley.PresenceResponse.$Properties|null} [presenceResult] Frame presenceResult
         * @property {parley.Presence.$Properties|null} [presenceUpdate] Frame presenceUpdate
         * @property {parley.MessageOp.$Properties|null} [messageOp] Frame messageOp
         * @property {parley.GroupInfoRequest.$Properties|null} [groupInfo] Frame groupInfo
         * @property {parley.GroupInfo.$Properties|null} [groupInfoResult] Frame groupInfoResult
         * @property {parley.FriendRequest.$Properties|null} [friend] Frame friend
         * @property {parley.FriendResponse.$Properties|null} [friendResult] Frame friendResult
         * @property {parley.FriendListRequest.$Properties|null} [friendList] Frame friendList
         * @property {parley.FriendList.$Properties|null} [friendListResult] Frame friendListResult
         * @property {parley.ConversationSettings.$Properties|null} [settings] Frame settings
         * @property {parley.ReadersRequest.$Properties|null} [readers] Frame readers
         * @property {parley.Readers.$Properties|null} [readersResult] Frame readersResult
         * @property {parley.DeliveryState.$Properties|null} [deliveryState] Frame deliveryState
         * @property {parley.VoiceStart.$Properties|null} [voiceStart] Frame voiceStart
         * @property {parley.VoiceState.$Properties|null} [voiceState] Frame voiceState
         * @property {parley.VoiceChunk.$Properties|null} [voiceChunk] Frame voiceChunk
         * @property {parley.VoiceChunkAck.$Properties|null} [voiceChunkAck] Frame voiceChunkAck
         * @property {parley.VoiceEnd.$Properties|null} [voiceEnd] Frame voiceEnd
         * @property {parley.VoiceEnded.$Properties|null} [voiceEnded] Frame voiceEnded
         * @property {parley.VoiceCancel.$Properties|null} [voiceCancel] Frame voiceCancel
         * @property {parley.VoicePush.$Properties|null} [voicePush] Frame voicePush
         * @property {parley.VoiceFetch.$Properties|null} [voiceFetch] Frame voiceFetch
         * @property {parley.ConsentInvitationsRequest.$Properties|null} [consentInvitations] Frame consentInvitations
         * @property {parley.ConsentInvitations.$Properties|null} [consentInvitationsResult] Frame consentInvitationsResult
         * @property {parley.ConsentBansRequest.$Properties|null} [consentBans] Frame consentBans
         * @property {parley.ConsentBans.$Properties|null} [consentBansResult] Frame consentBansResult
         * @property {parley.AccountsSessionsRequest.$Properties|null} [sessions] Frame sessions
         * @property {parley.AccountsSessionsResponse.$Properties|null} [sessionsResult] Frame sessionsResult
         * @property {"auth"|"authOk"|"send"|"sendAck"|"push"|"ack"|"sync"|"syncResult"|"pull"|"pullResult"|"ping"|"pong"|"error"|"notice"|"group"|"groupResult"|"markRead"|"readState"|"typing"|"presence"|"presenceResult"|"presenceUpdate"|"messageOp"|"groupInfo"|"groupInfoResult"|"friend"|"friendResult"|"friendList"|"friendListResult"|"settings"|"readers"|"readersResult"|"deliveryState"|"voiceStart"|"voiceState"|"voiceChunk"|"voiceChunkAck"|"voiceEnd"|"voiceEnded"|"voiceCancel"|"voicePush"|"voiceFetch"|"consentInvitations"|"consentInvitationsResult"|"consentBans"|"consentBansResult"|"sessions"|"sessionsResult"} [body] Frame body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Frame.
         * @memberof parley
         * @interface IFrame
         * @augments parley.Frame.$Properties
         * @deprecated Use parley.Frame.$Properties instead.
         */

        /**
         * Narrowed shape of a Frame.
         * @typedef {{
         *   id?: number|null;
         *   auth?: parley.Auth.$Shape|null;
         *   authOk?: parley.AuthOk.$Shape|null;
         *   send?: parley.Send.$Shape|null;
         *   sendAck?: parley.SendAck.$Shape|null;
         *   push?: parley.Push.$Shape|null;
         *   ack?: parley.Ack.$Shape|null;
         *   sync?: parley.SyncRequest.$Shape|null;
         *   syncResult?: parley.SyncResponse.$Shape|null;
         *   pull?: parley.PullRequest.$Shape|null;
         *   pullResult?: parley.PullResponse.$Shape|null;
         *   ping?: parley.Ping.$Shape|null;
         *   pong?: parley.Pong.$Shape|null;
         *   error?: parley.Error.$Shape|null;
         *   notice?: parley.Notice.$Shape|null;
         *   group?: parley.GroupRequest.$Shape|null;
         *   groupResult?: parley.GroupResponse.$Shape|null;
         *   markRead?: parley.MarkRead.$Shape|null;
         *   readState?: parley.ReadState.$Shape|null;
         *   typing?: parley.Typing.$Shape|null;
         *   presence?: parley.PresenceRequest.$Shape|null;
         *   presenceResult?: parley.PresenceResponse.$Shape|null;
         *   presenceUpdate?: parley.Presence.$Shape|null;
         *   messageOp?: parley.MessageOp.$Shape|null;
         *   groupInfo?: parley.GroupInfoRequest.$Shape|null;
         *   groupInfoResult?: parley.GroupInfo.$Shape|null;
         *   friend?: parley.FriendRequest.$Shape|null;
         *   friendResult?: parley.FriendResponse.$Shape|null;
         *   friendList?: parley.FriendListRequest.$Shape|null;
         *   friendListResult?: parley.FriendList.$Shape|null;
         *   settings?: parley.ConversationSettings.$Shape|null;
         *   readers?: parley.ReadersRequest.$Shape|null;
         *   readersResult?: parley.Readers.$Shape|null;
         *   deliveryState?: parley.DeliveryState.$Shape|null;
         *   voiceStart?: parley.VoiceStart.$Shape|null;
         *   voiceState?: parley.VoiceState.$Shape|null;
         *   voiceChunk?: parley.VoiceChunk.$Shape|null;
         *   voiceChunkAck?: parley.VoiceChunkAck.$Shape|null;
         *   voiceEnd?: parley.VoiceEnd.$Shape|null;
         *   voiceEnded?: parley.VoiceEnded.$Shape|null;
         *   voiceCancel?: parley.VoiceCancel.$Shape|null;
         *   voicePush?: parley.VoicePush.$Shape|null;
         *   voiceFetch?: parley.VoiceFetch.$Shape|null;
         *   consentInvitations?: parley.ConsentInvitationsRequest.$Shape|null;
         *   consentInvitationsResult?: parley.ConsentInvitations.$Shape|null;
         *   consentBans?: parley.ConsentBansRequest.$Shape|null;
         *   consentBansResult?: parley.ConsentBans.$Shape|null;
         *   sessions?: parley.AccountsSessionsRequest.$Shape|null;
         *   sessionsResult?: parley.AccountsSessionsResponse.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "auth"; auth: parley.Auth.$Shape; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "authOk"; auth?: null; authOk: parley.AuthOk.$Shape; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "send"; auth?: null; authOk?: null; send: parley.Send.$Shape; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "sendAck"; auth?: null; authOk?: null; send?: null; sendAck: parley.SendAck.$Shape; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "push"; auth?: null; authOk?: null; send?: null; sendAck?: null; push: parley.Push.$Shape; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "ack"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack: parley.Ack.$Shape; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "sync"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync: parley.SyncRequest.$Shape; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "syncResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult: parley.SyncResponse.$Shape; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pull"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull: parley.PullRequest.$Shape; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pullResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult: parley.PullResponse.$Shape; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "ping"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping: parley.Ping.$Shape; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pong"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong: parley.Pong.$Shape; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "error"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error: parley.Error.$Shape; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "notice"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice: parley.Notice.$Shape; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "group"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group: parley.GroupRequest.$Shape; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult: parley.GroupResponse.$Shape; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "markRead"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead: parley.MarkRead.$Shape; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState: parley.ReadState.$Shape; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "typing"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing: parley.Typing.$Shape; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presence"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence: parley.PresenceRequest.$Shape; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presenceResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult: parley.PresenceResponse.$Shape; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presenceUpdate"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate: parley.Presence.$Shape; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "messageOp"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp: parley.MessageOp.$Shape; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupInfo"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo: parley.GroupInfoRequest.$Shape; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupInfoResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult: parley.GroupInfo.$Shape; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friend"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend: parley.FriendRequest.$Shape; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult: parley.FriendResponse.$Shape; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendList"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList: parley.FriendListRequest.$Shape; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendListResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult: parley.FriendList.$Shape; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "settings"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings: parley.ConversationSettings.$Shape; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readers"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers: parley.ReadersRequest.$Shape; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readersResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult: parley.Readers.$Shape; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "deliveryState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState: parley.DeliveryState.$Shape; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceStart"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart: parley.VoiceStart.$Shape; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState: parley.VoiceState.$Shape; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceChunk"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk: parley.VoiceChunk.$Shape; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceChunkAck"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck: parley.VoiceChunkAck.$Shape; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceEnd"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd: parley.VoiceEnd.$Shape; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceEnded"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded: parley.VoiceEnded.$Shape; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceCancel"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel: parley.VoiceCancel.$Shape; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voicePush"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush: parley.VoicePush.$Shape; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceFetch"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch: parley.VoiceFetch.$Shape; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentInvitations"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations: parley.ConsentInvitationsRequest.$Shape; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentInvitationsResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult: parley.ConsentInvitations.$Shape; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentBans"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans: parley.ConsentBansRequest.$Shape; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentBansResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult: parley.ConsentBans.$Shape; sessions?: null; sessionsResult?: null }|{ body?: "sessions"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions: parley.AccountsSessionsRequest.$Shape; sessionsResult?: null }|{ body?: "sessionsResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult: parley.AccountsSessionsResponse.$Shape })
         * )} parley.Frame.$Shape
         */

        /**
         * Constructs a new Frame.
         * @memberof parley
         * @classdesc Represents a Frame.
         * @constructor
         * @param {parley.Frame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Frame = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Frame id.
         * @member {number} id
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.id = 0;

        /**
         * Frame auth.
         * @member {parley.Auth.$Properties|null|undefined} auth
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.auth = null;

        /**
         * Frame authOk.
         * @member {parley.AuthOk.$Properties|null|undefined} authOk
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.authOk = null;

        /**
         * Frame send.
         * @member {parley.Send.$Properties|null|undefined} send
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.send = null;

        /**
         * Frame sendAck.
         * @member {parley.SendAck.$Properties|null|undefined} sendAck
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.sendAck = null;

        /**
         * Frame push.
         * @member {parley.Push.$Properties|null|undefined} push
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.push = null;

        /**
         * Frame ack.
         * @member {parley.Ack.$Properties|null|undefined} ack
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.ack = null;

        /**
         * Frame sync.
         * @member {parley.SyncRequest.$Properties|null|undefined} sync
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.sync = null;

        /**
         * Frame syncResult.
         * @member {parley.SyncResponse.$Properties|null|undefined} syncResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.syncResult = null;

        /**
         * Frame pull.
         * @member {parley.PullRequest.$Properties|null|undefined} pull
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.pull = null;

        /**
         * Frame pullResult.
         * @member {parley.PullResponse.$Properties|null|undefined} pullResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.pullResult = null;

        /**
         * Frame ping.
         * @member {parley.Ping.$Properties|null|undefined} ping
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.ping = null;

        /**
         * Frame pong.
         * @member {parley.Pong.$Properties|null|undefined} pong
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.pong = null;

        /**
         * Frame error.
         * @member {parley.Error.$Properties|null|undefined} error
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.error = null;

        /**
         * Frame notice.
         * @member {parley.Notice.$Properties|null|undefined} notice
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.notice = null;

        /**
         * Frame group.
         * @member {parley.GroupRequest.$Properties|null|undefined} group
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.group = null;

        /**
         * Frame groupResult.
         * @member {parley.GroupResponse.$Properties|null|undefined} groupResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.groupResult = null;

        /**
         * Frame markRead.
         * @member {parley.MarkRead.$Properties|null|undefined} markRead
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.markRead = null;

        /**
         * Frame readState.
         * @member {parley.ReadState.$Properties|null|undefined} readState
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.readState = null;

        /**
         * Frame typing.
         * @member {parley.Typing.$Properties|null|undefined} typing
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.typing = null;

        /**
         * Frame presence.
         * @member {parley.PresenceRequest.$Properties|null|undefined} presence
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.presence = null;

        /**
         * Frame presenceResult.
         * @member {parley.PresenceResponse.$Properties|null|undefined} presenceResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.presenceResult = null;

        /**
         * Frame presenceUpdate.
         * @member {parley.Presence.$Properties|null|undefined} presenceUpdate
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.presenceUpdate = null;

        /**
         * Frame messageOp.
         * @member {parley.MessageOp.$Properties|null|undefined} messageOp
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.messageOp = null;

        /**
         * Frame groupInfo.
         * @member {parley.GroupInfoRequest.$Properties|null|undefined} groupInfo
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.groupInfo = null;

        /**
         * Frame groupInfoResult.
         * @member {parley.GroupInfo.$Properties|null|undefined} groupInfoResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.groupInfoResult = null;

        /**
         * Frame friend.
         * @member {parley.FriendRequest.$Properties|null|undefined} friend
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.friend = null;

        /**
         * Frame friendResult.
         * @member {parley.FriendResponse.$Properties|null|undefined} friendResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.friendResult = null;

        /**
         * Frame friendList.
         * @member {parley.FriendListRequest.$Properties|null|undefined} friendList
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.friendList = null;

        /**
         * Frame friendListResult.
         * @member {parley.FriendList.$Properties|null|undefined} friendListResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.friendListResult = null;

        /**
         * Frame settings.
         * @member {parley.ConversationSettings.$Properties|null|undefined} settings
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.settings = null;

        /**
         * Frame readers.
         * @member {parley.ReadersRequest.$Properties|null|undefined} readers
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.readers = null;

        /**
         * Frame readersResult.
         * @member {parley.Readers.$Properties|null|undefined} readersResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.readersResult = null;

        /**
         * Frame deliveryState.
         * @member {parley.DeliveryState.$Properties|null|undefined} deliveryState
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.deliveryState = null;

        /**
         * Frame voiceStart.
         * @member {parley.VoiceStart.$Properties|null|undefined} voiceStart
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceStart = null;

        /**
         * Frame voiceState.
         * @member {parley.VoiceState.$Properties|null|undefined} voiceState
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceState = null;

        /**
         * Frame voiceChunk.
         * @member {parley.VoiceChunk.$Properties|null|undefined} voiceChunk
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceChunk = null;

        /**
         * Frame voiceChunkAck.
         * @member {parley.VoiceChunkAck.$Properties|null|undefined} voiceChunkAck
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceChunkAck = null;

        /**
         * Frame voiceEnd.
         * @member {parley.VoiceEnd.$Properties|null|undefined} voiceEnd
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceEnd = null;

        /**
         * Frame voiceEnded.
         * @member {parley.VoiceEnded.$Properties|null|undefined} voiceEnded
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceEnded = null;

        /**
         * Frame voiceCancel.
         * @member {parley.VoiceCancel.$Properties|null|undefined} voiceCancel
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceCancel = null;

        /**
         * Frame voicePush.
         * @member {parley.VoicePush.$Properties|null|undefined} voicePush
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voicePush = null;

        /**
         * Frame voiceFetch.
         * @member {parley.VoiceFetch.$Properties|null|undefined} voiceFetch
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.voiceFetch = null;

        /**
         * Frame consentInvitations.
         * @member {parley.ConsentInvitationsRequest.$Properties|null|undefined} consentInvitations
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.consentInvitations = null;

        /**
         * Frame consentInvitationsResult.
         * @member {parley.ConsentInvitations.$Properties|null|undefined} consentInvitationsResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.consentInvitationsResult = null;

        /**
         * Frame consentBans.
         * @member {parley.ConsentBansRequest.$Properties|null|undefined} consentBans
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.consentBans = null;

        /**
         * Frame consentBansResult.
         * @member {parley.ConsentBans.$Properties|null|undefined} consentBansResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.consentBansResult = null;

        /**
         * Frame sessions.
         * @member {parley.AccountsSessionsRequest.$Properties|null|undefined} sessions
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.sessions = null;

        /**
         * Frame sessionsResult.
         * @member {parley.AccountsSessionsResponse.$Properties|null|undefined} sessionsResult
         * @memberof parley.Frame
         * @instance
         */
        Frame.prototype.sessionsResult = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Frame body.
         * @member {"auth"|"authOk"|"send"|"sendAck"|"push"|"ack"|"sync"|"syncResult"|"pull"|"pullResult"|"ping"|"pong"|"error"|"notice"|"group"|"groupResult"|"markRead"|"readState"|"typing"|"presence"|"presenceResult"|"presenceUpdate"|"messageOp"|"groupInfo"|"groupInfoResult"|"friend"|"friendResult"|"friendList"|"friendListResult"|"settings"|"readers"|"readersResult"|"deliveryState"|"voiceStart"|"voiceState"|"voiceChunk"|"voiceChunkAck"|"voiceEnd"|"voiceEnded"|"voiceCancel"|"voicePush"|"voiceFetch"|"consentInvitations"|"consentInvitationsResult"|"consentBans"|"consentBansResult"|"sessions"|"sessionsResult"|undefined} body
         * @memberof parley.Frame
         * @instance
         */
        $Object.defineProperty(Frame.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["auth", "authOk", "send", "sendAck", "push", "ack", "sync", "syncResult", "pull", "pullResult", "ping", "pong", "error", "notice", "group", "groupResult", "markRead", "readState", "typing", "presence", "presenceResult", "presenceUpdate", "messageOp", "groupInfo", "groupInfoResult", "friend", "friendResult", "friendList", "friendListResult", "settings", "readers", "readersResult", "deliveryState", "voiceStart", "voiceState", "voiceChunk", "voiceChunkAck", "voiceEnd", "voiceEnded", "voiceCancel", "voicePush", "voiceFetch", "consentInvitations", "consentInvitationsResult", "consentBans", "consentBansResult", "sessions", "sessionsResult"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Encodes the specified Frame message. Does not implicitly {@link parley.Frame.verify|verify} messages.
         * @function encode
         * @memberof parley.Frame
         * @static
         * @param {parley.Frame.$Properties} message Frame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Frame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
            if (message.auth != null && $Object.hasOwnProperty.call(message, "auth"))
                $root.parley.Auth.encode(message.auth, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.authOk != null && $Object.hasOwnProperty.call(message, "authOk"))
                $root.parley.AuthOk.encode(message.authOk, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.send != null && $Object.hasOwnProperty.call(message, "send"))
                $root.parley.Send.encode(message.send, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.sendAck != null && $Object.hasOwnProperty.call(message, "sendAck"))
                $root.parley.SendAck.encode(message.sendAck, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.push != null && $Object.hasOwnProperty.call(message, "push"))
                $root.parley.Push.encode(message.push, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                $root.parley.Ack.encode(message.ack, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.sync != null && $Object.hasOwnProperty.call(message, "sync"))
                $root.parley.SyncRequest.encode(message.sync, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
            if (message.syncResult != null && $Object.hasOwnProperty.call(message, "syncResult"))
                $root.parley.SyncResponse.encode(message.syncResult, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.pull != null && $Object.hasOwnProperty.call(message, "pull"))
                $root.parley.PullRequest.encode(message.pull, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
            if (message.pullResult != null && $Object.hasOwnProperty.call(message, "pullResult"))
                $root.parley.PullResponse.encode(message.pullResult, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
            if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                $root.parley.Ping.encode(message.ping, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
            if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                $root.parley.Pong.encode(message.pong, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
            if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                $root.parley.Error.encode(message.error, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
            if (message.notice != null && $Object.hasOwnProperty.call(message, "notice"))
                $root.parley.Notice.encode(message.notice, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
            if (message.group != null && $Object.hasOwnProperty.call(message, "group"))
                $root.parley.GroupRequest.encode(message.group, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
            if (message.groupResult != null && $Object.hasOwnProperty.call(message, "groupResult"))
                $root.parley.GroupResponse.encode(message.groupResult, writer.uint32(/* id 25, wireType 2 =*/202).fork(), _depth + 1).ldelim();
            if (message.markRead != null && $Object.hasOwnProperty.call(message, "markRead"))
                $root.parley.MarkRead.encode(message.markRead, writer.uint32(/* id 26, wireType 2 =*/210).fork(), _depth + 1).ldelim();
            if (message.readState != null && $Object.hasOwnProperty.call(message, "readState"))
                $root.parley.ReadState.encode(message.readState, writer.uint32(/* id 27, wireType 2 =*/218).fork(), _depth + 1).ldelim();
            if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                $root.parley.Typing.encode(message.typing, writer.uint32(/* id 28, wireType 2 =*/226).fork(), _depth + 1).ldelim();
            if (message.presence != null && $Object.hasOwnProperty.call(message, "presence"))
                $root.parley.PresenceRequest.encode(message.presence, writer.uint32(/* id 29, wireType 2 =*/234).fork(), _depth + 1).ldelim();
            if (message.presenceResult != null && $Object.hasOwnProperty.call(message, "presenceResult"))
                $root.parley.PresenceResponse.encode(message.presenceResult, writer.uint32(/* id 30, wireType 2 =*/242).fork(), _depth + 1).ldelim();
            if (message.presenceUpdate != null && $Object.hasOwnProperty.call(message, "presenceUpdate"))
                $root.parley.Presence.encode(message.presenceUpdate, writer.uint32(/* id 31, wireType 2 =*/250).fork(), _depth + 1).ldelim();
            if (message.messageOp != null && $Object.hasOwnProperty.call(message, "messageOp"))
                $root.parley.MessageOp.encode(message.messageOp, writer.uint32(/* id 32, wireType 2 =*/258).fork(), _depth + 1).ldelim();
            if (message.groupInfo != null && $Object.hasOwnProperty.call(message, "groupInfo"))
                $root.parley.GroupInfoRequest.encode(message.groupInfo, writer.uint32(/* id 33, wireType 2 =*/266).fork(), _depth + 1).ldelim();
            if (message.groupInfoResult != null && $Object.hasOwnProperty.call(message, "groupInfoResult"))
                $root.parley.GroupInfo.encode(message.groupInfoResult, writer.uint32(/* id 34, wireType 2 =*/274).fork(), _depth + 1).ldelim();
            if (message.friend != null && $Object.hasOwnProperty.call(message, "friend"))
                $root.parley.FriendRequest.encode(message.friend, writer.uint32(/* id 35, wireType 2 =*/282).fork(), _depth + 1).ldelim();
            if (message.friendResult != null && $Object.hasOwnProperty.call(message, "friendResult"))
                $root.parley.FriendResponse.encode(message.friendResult, writer.uint32(/* id 36, wireType 2 =*/290).fork(), _depth + 1).ldelim();
            if (message.friendList != null && $Object.hasOwnProperty.call(message, "friendList"))
                $root.parley.FriendListRequest.encode(message.friendList, writer.uint32(/* id 37, wireType 2 =*/298).fork(), _depth + 1).ldelim();
            if (message.friendListResult != null && $Object.hasOwnProperty.call(message, "friendListResult"))
                $root.parley.FriendList.encode(message.friendListResult, writer.uint32(/* id 38, wireType 2 =*/306).fork(), _depth + 1).ldelim();
            if (message.settings != null && $Object.hasOwnProperty.call(message, "settings"))
                $root.parley.ConversationSettings.encode(message.settings, writer.uint32(/* id 39, wireType 2 =*/314).fork(), _depth + 1).ldelim();
            if (message.readers != null && $Object.hasOwnProperty.call(message, "readers"))
                $root.parley.ReadersRequest.encode(message.readers, writer.uint32(/* id 40, wireType 2 =*/322).fork(), _depth + 1).ldelim();
            if (message.readersResult != null && $Object.hasOwnProperty.call(message, "readersResult"))
                $root.parley.Readers.encode(message.readersResult, writer.uint32(/* id 41, wireType 2 =*/330).fork(), _depth + 1).ldelim();
            if (message.deliveryState != null && $Object.hasOwnProperty.call(message, "deliveryState"))
                $root.parley.DeliveryState.encode(message.deliveryState, writer.uint32(/* id 42, wireType 2 =*/338).fork(), _depth + 1).ldelim();
            if (message.voiceStart != null && $Object.hasOwnProperty.call(message, "voiceStart"))
                $root.parley.VoiceStart.encode(message.voiceStart, writer.uint32(/* id 43, wireType 2 =*/346).fork(), _depth + 1).ldelim();
            if (message.voiceState != null && $Object.hasOwnProperty.call(message, "voiceState"))
                $root.parley.VoiceState.encode(message.voiceState, writer.uint32(/* id 44, wireType 2 =*/354).fork(), _depth + 1).ldelim();
            if (message.voiceChunk != null && $Object.hasOwnProperty.call(message, "voiceChunk"))
                $root.parley.VoiceChunk.encode(message.voiceChunk, writer.uint32(/* id 45, wireType 2 =*/362).fork(), _depth + 1).ldelim();
            if (message.voiceChunkAck != null && $Object.hasOwnProperty.call(message, "voiceChunkAck"))
                $root.parley.VoiceChunkAck.encode(message.voiceChunkAck, writer.uint32(/* id 46, wireType 2 =*/370).fork(), _depth + 1).ldelim();
            if (message.voiceEnd != null && $Object.hasOwnProperty.call(message, "voiceEnd"))
                $root.parley.VoiceEnd.encode(message.voiceEnd, writer.uint32(/* id 47, wireType 2 =*/378).fork(), _depth + 1).ldelim();
            if (message.voiceEnded != null && $Object.hasOwnProperty.call(message, "voiceEnded"))
                $root.parley.VoiceEnded.encode(message.voiceEnded, writer.uint32(/* id 48, wireType 2 =*/386).fork(), _depth + 1).ldelim();
            if (message.voiceCancel != null && $Object.hasOwnProperty.call(message, "voiceCancel"))
                $root.parley.VoiceCancel.encode(message.voiceCancel, writer.uint32(/* id 49, wireType 2 =*/394).fork(), _depth + 1).ldelim();
            if (message.voicePush != null && $Object.hasOwnProperty.call(message, "voicePush"))
                $root.parley.VoicePush.encode(message.voicePush, writer.uint32(/* id 50, wireType 2 =*/402).fork(), _depth + 1).ldelim();
            if (message.voiceFetch != null && $Object.hasOwnProperty.call(message, "voiceFetch"))
                $root.parley.VoiceFetch.encode(message.voiceFetch, writer.uint32(/* id 51, wireType 2 =*/410).fork(), _depth + 1).ldelim();
            if (message.sessions != null && $Object.hasOwnProperty.call(message, "sessions"))
                $root.parley.AccountsSessionsRequest.encode(message.sessions, writer.uint32(/* id 54, wireType 2 =*/434).fork(), _depth + 1).ldelim();
            if (message.sessionsResult != null && $Object.hasOwnProperty.call(message, "sessionsResult"))
                $root.parley.AccountsSessionsResponse.encode(message.sessionsResult, writer.uint32(/* id 55, wireType 2 =*/442).fork(), _depth + 1).ldelim();
            if (message.consentInvitations != null && $Object.hasOwnProperty.call(message, "consentInvitations"))
                $root.parley.ConsentInvitationsRequest.encode(message.consentInvitations, writer.uint32(/* id 58, wireType 2 =*/466).fork(), _depth + 1).ldelim();
            if (message.consentInvitationsResult != null && $Object.hasOwnProperty.call(message, "consentInvitationsResult"))
                $root.parley.ConsentInvitations.encode(message.consentInvitationsResult, writer.uint32(/* id 59, wireType 2 =*/474).fork(), _depth + 1).ldelim();
            if (message.consentBans != null && $Object.hasOwnProperty.call(message, "consentBans"))
                $root.parley.ConsentBansRequest.encode(message.consentBans, writer.uint32(/* id 60, wireType 2 =*/482).fork(), _depth + 1).ldelim();
            if (message.consentBansResult != null && $Object.hasOwnProperty.call(message, "consentBansResult"))
                $root.parley.ConsentBans.encode(message.consentBansResult, writer.uint32(/* id 61, wireType 2 =*/490).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Frame message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Frame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Frame & parley.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Frame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Frame();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.auth = $root.parley.Auth.decode(reader, reader.size(), $undefined, _depth + 1, message.auth);
                        message.body = "auth";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.authOk = $root.parley.AuthOk.decode(reader, reader.size(), $undefined, _depth + 1, message.authOk);
                        message.body = "authOk";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.send = $root.parley.Send.decode(reader, reader.size(), $undefined, _depth + 1, message.send);
                        message.body = "send";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.sendAck = $root.parley.SendAck.decode(reader, reader.size(), $undefined, _depth + 1, message.sendAck);
                        message.body = "sendAck";
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        message.push = $root.parley.Push.decode(reader, reader.size(), $undefined, _depth + 1, message.push);
                        message.body = "push";
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        message.ack = $root.parley.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                        message.body = "ack";
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        message.sync = $root.parley.SyncRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.sync);
                        message.body = "sync";
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.syncResult = $root.parley.SyncResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.syncResult);
                        message.body = "syncResult";
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        message.pull = $root.parley.PullRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.pull);
                        message.body = "pull";
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        message.pullResult = $root.parley.PullResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.pullResult);
                        message.body = "pullResult";
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.ping = $root.parley.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                        message.body = "ping";
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.pong = $root.parley.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                        message.body = "pong";
                        continue;
                    }
                case 22: {
                        if (wireType !== 2)
                            break;
                        message.error = $root.parley.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                        message.body = "error";
                        continue;
                    }
                case 23: {
                        if (wireType !== 2)
                            break;
                        message.notice = $root.parley.Notice.decode(reader, reader.size(), $undefined, _depth + 1, message.notice);
                        message.body = "notice";
                        continue;
                    }
                case 24: {
                        if (wireType !== 2)
                            break;
                        message.group = $root.parley.GroupRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.group);
                        message.body = "group";
                        continue;
                    }
                case 25: {
                        if (wireType !== 2)
                            break;
                        message.groupResult = $root.parley.GroupResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.groupResult);
                        message.body = "groupResult";
                        continue;
                    }
                case 26: {
                        if (wireType !== 2)
                            break;
                        message.markRead = $root.parley.MarkRead.decode(reader, reader.size(), $undefined, _depth + 1, message.markRead);
                        message.body = "markRead";
                        continue;
                    }
                case 27: {
                        if (wireType !== 2)
                            break;
                        message.readState = $root.parley.ReadState.decode(reader, reader.size(), $undefined, _depth + 1, message.readState);
                        message.body = "readState";
                        continue;
                    }
                case 28: {
                        if (wireType !== 2)
                            break;
                        message.typing = $root.parley.Typing.decode(reader, reader.size(), $undefined, _depth + 1, message.typing);
                        message.body = "typing";
                        continue;
                    }
                case 29: {
                        if (wireType !== 2)
                            break;
                        message.presence = $root.parley.PresenceRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.presence);
                        message.body = "presence";
                        continue;
                    }
                case 30: {
                        if (wireType !== 2)
                            break;
                        message.presenceResult = $root.parley.PresenceResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceResult);
                        message.body = "presenceResult";
                        continue;
                    }
                case 31: {
                        if (wireType !== 2)
                            break;
                        message.presenceUpdate = $root.parley.Presence.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceUpdate);
                        message.body = "presenceUpdate";
                        continue;
                    }
                case 32: {
                        if (wireType !== 2)
                            break;
                        message.messageOp = $root.parley.MessageOp.decode(reader, reader.size(), $undefined, _depth + 1, message.messageOp);
                        message.body = "messageOp";
                        continue;
                    }
                case 33: {
                        if (wireType !== 2)
                            break;
                        message.groupInfo = $root.parley.GroupInfoRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.groupInfo);
                        message.body = "groupInfo";
                        continue;
                    }
                case 34: {
                        if (wireType !== 2)
                            break;
                        message.groupInfoResult = $root.parley.GroupInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.groupInfoResult);
                        message.body = "groupInfoResult";
                        continue;
                    }
                case 35: {
                        if (wireType !== 2)
                            break;
                        message.friend = $root.parley.FriendRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.friend);
                        message.body = "friend";
                        continue;
                    }
                case 36: {
                        if (wireType !== 2)
                            break;
                        message.friendResult = $root.parley.FriendResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.friendResult);
                        message.body = "friendResult";
                        continue;
                    }
                case 37: {
                        if (wireType !== 2)
                            break;
                        message.friendList = $root.parley.FriendListRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.friendList);
                        message.body = "friendList";
                        continue;
                    }
                case 38: {
                        if (wireType !== 2)
                            break;
                        message.friendListResult = $root.parley.FriendList.decode(reader, reader.size(), $undefined, _depth + 1, message.friendListResult);
                        message.body = "friendListResult";
                        continue;
                    }
                case 39: {
                        if (wireType !== 2)
                            break;
                        message.settings = $root.parley.ConversationSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.settings);
                        message.body = "settings";
                        continue;
                    }
                case 40: {
                        if (wireType !== 2)
                            break;
                        message.readers = $root.parley.ReadersRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.readers);
                        message.body = "readers";
                        continue;
                    }
                case 41: {
                        if (wireType !== 2)
                            break;
                        message.readersResult = $root.parley.Readers.decode(reader, reader.size(), $undefined, _depth + 1, message.readersResult);
                        message.body = "readersResult";
                        continue;
                    }
                case 42: {
                        if (wireType !== 2)
                            break;
                        message.deliveryState = $root.parley.DeliveryState.decode(reader, reader.size(), $undefined, _depth + 1, message.deliveryState);
                        message.body = "deliveryState";
                        continue;
                    }
                case 43: {
                        if (wireType !== 2)
                            break;
                        message.voiceStart = $root.parley.VoiceStart.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceStart);
                        message.body = "voiceStart";
                        continue;
                    }
                case 44: {
                        if (wireType !== 2)
                            break;
                        message.voiceState = $root.parley.VoiceState.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceState);
                        message.body = "voiceState";
                        continue;
                    }
                case 45: {
                        if (wireType !== 2)
                            break;
                        message.voiceChunk = $root.parley.VoiceChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceChunk);
                        message.body = "voiceChunk";
                        continue;
                    }
                case 46: {
                        if (wireType !== 2)
                            break;
                        message.voiceChunkAck = $root.parley.VoiceChunkAck.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceChunkAck);
                        message.body = "voiceChunkAck";
                        continue;
                    }
                case 47: {
                        if (wireType !== 2)
                            break;
                        message.voiceEnd = $root.parley.VoiceEnd.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceEnd);
                        message.body = "voiceEnd";
                        continue;
                    }
                case 48: {
                        if (wireType !== 2)
                            break;
                        message.voiceEnded = $root.parley.VoiceEnded.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceEnded);
                        message.body = "voiceEnded";
                        continue;
                    }
                case 49: {
                        if (wireType !== 2)
                            break;
                        message.voiceCancel = $root.parley.VoiceCancel.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceCancel);
                        message.body = "voiceCancel";
                        continue;
                    }
                case 50: {
                        if (wireType !== 2)
                            break;
                        message.voicePush = $root.parley.VoicePush.decode(reader, reader.size(), $undefined, _depth + 1, message.voicePush);
                        message.body = "voicePush";
                        continue;
                    }
                case 51: {
                        if (wireType !== 2)
                            break;
                        message.voiceFetch = $root.parley.VoiceFetch.decode(reader, reader.size(), $undefined, _depth + 1, message.voiceFetch);
                        message.body = "voiceFetch";
                        continue;
                    }
                case 58: {
                        if (wireType !== 2)
                            break;
                        message.consentInvitations = $root.parley.ConsentInvitationsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.consentInvitations);
                        message.body = "consentInvitations";
                        continue;
                    }
                case 59: {
                        if (wireType !== 2)
                            break;
                        message.consentInvitationsResult = $root.parley.ConsentInvitations.decode(reader, reader.size(), $undefined, _depth + 1, message.consentInvitationsResult);
                        message.body = "consentInvitationsResult";
                        continue;
                    }
                case 60: {
                        if (wireType !== 2)
                            break;
                        message.consentBans = $root.parley.ConsentBansRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.consentBans);
                        message.body = "consentBans";
                        continue;
                    }
                case 61: {
                        if (wireType !== 2)
                            break;
                        message.consentBansResult = $root.parley.ConsentBans.decode(reader, reader.size(), $undefined, _depth + 1, message.consentBansResult);
                        message.body = "consentBansResult";
                        continue;
                    }
                case 54: {
                        if (wireType !== 2)
                            break;
                        message.sessions = $root.parley.AccountsSessionsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.sessions);
                        message.body = "sessions";
                        continue;
                    }
                case 55: {
                        if (wireType !== 2)
                            break;
                        message.sessionsResult = $root.parley.AccountsSessionsResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.sessionsResult);
                        message.body = "sessionsResult";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Frame
         * @function getTypeUrl
         * @memberof parley.Frame
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Frame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Frame";
        };

        return Frame;
    })();

    parley.Auth = (function() {

        /**
         * Properties of an Auth.
         * @typedef {Object} parley.Auth.$Properties
         * @property {string|null} [token] Auth token
         * @property {string|null} [deviceId] Auth deviceId
         * @property {string|null} [platform] Auth platform
         * @property {number|null} [protocolVersion] Auth protocolVersion
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Auth.
         * @memberof parley
         * @interface IAuth
         * @augments parley.Auth.$Properties
         * @deprecated Use parley.Auth.$Properties instead.
         */

        /**
         * Shape of an Auth.
         * @typedef {parley.Auth.$Properties} parley.Auth.$Shape
         */

        /**
         * Constructs a new Auth.
         * @memberof parley
         * @classdesc Represents an Auth.
         * @constructor
         * @param {parley.Auth.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Auth = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Auth token.
         * @member {string} token
         * @memberof parley.Auth
         * @instance
         */
        Auth.prototype.token = "";

        /**
         * Auth deviceId.
         * @member {string} deviceId
         * @memberof parley.Auth
         * @instance
         */
        Auth.prototype.deviceId = "";

        /**
         * Auth platform.
         * @member {string} platform
         * @memberof parley.Auth
         * @instance
         */
        Auth.prototype.platform = "";

        /**
         * Auth protocolVersion.
         * @member {number} protocolVersion
         * @memberof parley.Auth
         * @instance
         */
        Auth.prototype.protocolVersion = 0;

        /**
         * Encodes the specified Auth message. Does not implicitly {@link parley.Auth.verify|verify} messages.
         * @function encode
         * @memberof parley.Auth
         * @static
         * @param {parley.Auth.$Properties} message Auth message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Auth.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.token);
            if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceId);
            if (message.platform != null && $Object.hasOwnProperty.call(message, "platform") && message.platform !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.platform);
            if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.protocolVersion);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Auth message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Auth
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Auth & parley.Auth.$Shape} Auth
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Auth.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Auth();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.token = value;
                        else
                            delete message.token;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.deviceId = value;
                        else
                            delete message.deviceId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.platform = value;
                        else
                            delete message.platform;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.protocolVersion = value;
                        else
                            delete message.protocolVersion;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Auth
         * @function getTypeUrl
         * @memberof parley.Auth
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Auth.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Auth";
        };

        return Auth;
    })();

    parley.AuthOk = (function() {

        /**
         * Properties of an AuthOk.
         * @typedef {Object} parley.AuthOk.$Properties
         * @property {string|null} [userId] AuthOk userId
         * @property {string|null} [deviceId] AuthOk deviceId
         * @property {number|null} [heartbeatMs] AuthOk heartbeatMs
         * @property {number|null} [maxFrameBytes] AuthOk maxFrameBytes
         * @property {number|null} [serverTime] AuthOk serverTime
         * @property {string|null} [sessionId] AuthOk sessionId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AuthOk.
         * @memberof parley
         * @interface IAuthOk
         * @augments parley.AuthOk.$Properties
         * @deprecated Use parley.AuthOk.$Properties instead.
         */

        /**
         * Shape of an AuthOk.
         * @typedef {parley.AuthOk.$Properties} parley.AuthOk.$Shape
         */

        /**
         * Constructs a new AuthOk.
         * @memberof parley
         * @classdesc Represents an AuthOk.
         * @constructor
         * @param {parley.AuthOk.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AuthOk = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AuthOk userId.
         * @member {string} userId
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.userId = "";

        /**
         * AuthOk deviceId.
         * @member {string} deviceId
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.deviceId = "";

        /**
         * AuthOk heartbeatMs.
         * @member {number} heartbeatMs
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.heartbeatMs = 0;

        /**
         * AuthOk maxFrameBytes.
         * @member {number} maxFrameBytes
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.maxFrameBytes = 0;

        /**
         * AuthOk serverTime.
         * @member {number} serverTime
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AuthOk sessionId.
         * @member {string} sessionId
         * @memberof parley.AuthOk
         * @instance
         */
        AuthOk.prototype.sessionId = "";

        /**
         * Encodes the specified AuthOk message. Does not implicitly {@link parley.AuthOk.verify|verify} messages.
         * @function encode
         * @memberof parley.AuthOk
         * @static
         * @param {parley.AuthOk.$Properties} message AuthOk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AuthOk.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
            if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceId);
            if (message.heartbeatMs != null && $Object.hasOwnProperty.call(message, "heartbeatMs") && message.heartbeatMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.heartbeatMs);
            if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.maxFrameBytes);
            if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.serverTime);
            if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.sessionId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AuthOk message from the specified reader or buffer.
         * @function decode
         * @memberof parley.AuthOk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.AuthOk & parley.AuthOk.$Shape} AuthOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AuthOk.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.AuthOk();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.deviceId = value;
                        else
                            delete message.deviceId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.heartbeatMs = value;
                        else
                            delete message.heartbeatMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxFrameBytes = value;
                        else
                            delete message.maxFrameBytes;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.serverTime = value;
                        else
                            delete message.serverTime;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sessionId = value;
                        else
                            delete message.sessionId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AuthOk
         * @function getTypeUrl
         * @memberof parley.AuthOk
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AuthOk.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.AuthOk";
        };

        return AuthOk;
    })();

    parley.Send = (function() {

        /**
         * Properties of a Send.
         * @typedef {Object} parley.Send.$Properties
         * @property {string|null} [conversationId] Send conversationId
         * @property {string|null} [to] Send to
         * @property {string|null} [clientMsgId] Send clientMsgId
         * @property {number|null} [type] Send type
         * @property {Uint8Array|null} [body] Send body
         * @property {Array.<string>|null} [mentions] Send mentions
         * @property {boolean|null} [mentionAll] Send mentionAll
         * @property {number|null} [replyTo] Send replyTo
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Send.
         * @memberof parley
         * @interface ISend
         * @augments parley.Send.$Properties
         * @deprecated Use parley.Send.$Properties instead.
         */

        /**
         * Shape of a Send.
         * @typedef {parley.Send.$Properties} parley.Send.$Shape
         */

        /**
         * Constructs a new Send.
         * @memberof parley
         * @classdesc Represents a Send.
         * @constructor
         * @param {parley.Send.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Send = function (properties) {
            this.mentions = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Send conversationId.
         * @member {string} conversationId
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.conversationId = "";

        /**
         * Send to.
         * @member {string} to
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.to = "";

        /**
         * Send clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.clientMsgId = "";

        /**
         * Send type.
         * @member {number} type
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.type = 0;

        /**
         * Send body.
         * @member {Uint8Array} body
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.body = $util.newBuffer([]);

        /**
         * Send mentions.
         * @member {Array.<string>} mentions
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.mentions = $util.emptyArray;

        /**
         * Send mentionAll.
         * @member {boolean} mentionAll
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.mentionAll = false;

        /**
         * Send replyTo.
         * @member {number} replyTo
         * @memberof parley.Send
         * @instance
         */
        Send.prototype.replyTo = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified Send message. Does not implicitly {@link parley.Send.verify|verify} messages.
         * @function encode
         * @memberof parley.Send
         * @static
         * @param {parley.Send.$Properties} message Send message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Send.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.to);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.clientMsgId);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.type);
            if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.body);
            if (message.mentions != null && message.mentions.length)
                for (let i = 0; i < message.mentions.length; ++i)
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.mentions[i]);
            if (message.mentionAll != null && $Object.hasOwnProperty.call(message, "mentionAll") && message.mentionAll !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.mentionAll);
            if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo") && (typeof message.replyTo === "object" ? message.replyTo.low || message.replyTo.high : message.replyTo !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.replyTo);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Send message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Send
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Send & parley.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Send.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Send();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.body = value;
                        else
                            delete message.body;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.mentions && message.mentions.length))
                            message.mentions = [];
                        message.mentions.push(reader.stringVerify());
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.mentionAll = value;
                        else
                            delete message.mentionAll;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.replyTo = value;
                        else
                            delete message.replyTo;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Send
         * @function getTypeUrl
         * @memberof parley.Send
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Send.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Send";
        };

        return Send;
    })();

    parley.SendAck = (function() {

        /**
         * Properties of a SendAck.
         * @typedef {Object} parley.SendAck.$Properties
         * @property {string|null} [conversationId] SendAck conversationId
         * @property {number|null} [seq] SendAck seq
         * @property {string|null} [messageId] SendAck messageId
         * @property {number|null} [serverTime] SendAck serverTime
         * @property {string|null} [clientMsgId] SendAck clientMsgId
         * @property {boolean|null} [duplicate] SendAck duplicate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SendAck.
         * @memberof parley
         * @interface ISendAck
         * @augments parley.SendAck.$Properties
         * @deprecated Use parley.SendAck.$Properties instead.
         */

        /**
         * Shape of a SendAck.
         * @typedef {parley.SendAck.$Properties} parley.SendAck.$Shape
         */

        /**
         * Constructs a new SendAck.
         * @memberof parley
         * @classdesc Represents a SendAck.
         * @constructor
         * @param {parley.SendAck.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SendAck = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SendAck conversationId.
         * @member {string} conversationId
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.conversationId = "";

        /**
         * SendAck seq.
         * @member {number} seq
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SendAck messageId.
         * @member {string} messageId
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.messageId = "";

        /**
         * SendAck serverTime.
         * @member {number} serverTime
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SendAck clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.clientMsgId = "";

        /**
         * SendAck duplicate.
         * @member {boolean} duplicate
         * @memberof parley.SendAck
         * @instance
         */
        SendAck.prototype.duplicate = false;

        /**
         * Encodes the specified SendAck message. Does not implicitly {@link parley.SendAck.verify|verify} messages.
         * @function encode
         * @memberof parley.SendAck
         * @static
         * @param {parley.SendAck.$Properties} message SendAck message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SendAck.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.messageId);
            if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.serverTime);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.clientMsgId);
            if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.duplicate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SendAck message from the specified reader or buffer.
         * @function decode
         * @memberof parley.SendAck
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.SendAck & parley.SendAck.$Shape} SendAck
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SendAck.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.SendAck();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.messageId = value;
                        else
                            delete message.messageId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.serverTime = value;
                        else
                            delete message.serverTime;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.duplicate = value;
                        else
                            delete message.duplicate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SendAck
         * @function getTypeUrl
         * @memberof parley.SendAck
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SendAck.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.SendAck";
        };

        return SendAck;
    })();

    parley.Message = (function() {

        /**
         * Properties of a Message.
         * @typedef {Object} parley.Message.$Properties
         * @property {string|null} [id] Message id
         * @property {string|null} [conversationId] Message conversationId
         * @property {number|null} [seq] Message seq
         * @property {string|null} [senderId] Message senderId
         * @property {string|null} [senderDevice] Message senderDevice
         * @property {string|null} [clientMsgId] Message clientMsgId
         * @property {number|null} [type] Message type
         * @property {Uint8Array|null} [body] Message body
         * @property {number|null} [serverTime] Message serverTime
         * @property {number|null} [flags] Message flags
         * @property {number|null} [refSeq] Message refSeq
         * @property {Array.<string>|null} [mentions] Message mentions
         * @property {boolean|null} [mentionAll] Message mentionAll
         * @property {number|null} [replyTo] Message replyTo
         * @property {Array.<parley.Reaction.$Properties>|null} [reactions] Message reactions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Message.
         * @memberof parley
         * @interface IMessage
         * @augments parley.Message.$Properties
         * @deprecated Use parley.Message.$Properties instead.
         */

        /**
         * Shape of a Message.
         * @typedef {parley.Message.$Properties} parley.Message.$Shape
         */

        /**
         * Constructs a new Message.
         * @memberof parley
         * @classdesc Represents a Message.
         * @constructor
         * @param {parley.Message.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Message = function (properties) {
            this.mentions = [];
            this.reactions = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Message id.
         * @member {string} id
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.id = "";

        /**
         * Message conversationId.
         * @member {string} conversationId
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.conversationId = "";

        /**
         * Message seq.
         * @member {number} seq
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message senderId.
         * @member {string} senderId
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.senderId = "";

        /**
         * Message senderDevice.
         * @member {string} senderDevice
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.senderDevice = "";

        /**
         * Message clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.clientMsgId = "";

        /**
         * Message type.
         * @member {number} type
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.type = 0;

        /**
         * Message body.
         * @member {Uint8Array} body
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.body = $util.newBuffer([]);

        /**
         * Message serverTime.
         * @member {number} serverTime
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message flags.
         * @member {number} flags
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.flags = 0;

        /**
         * Message refSeq.
         * @member {number} refSeq
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.refSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message mentions.
         * @member {Array.<string>} mentions
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.mentions = $util.emptyArray;

        /**
         * Message mentionAll.
         * @member {boolean} mentionAll
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.mentionAll = false;

        /**
         * Message replyTo.
         * @member {number} replyTo
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.replyTo = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message reactions.
         * @member {Array.<parley.Reaction.$Properties>} reactions
         * @memberof parley.Message
         * @instance
         */
        Message.prototype.reactions = $util.emptyArray;

        /**
         * Encodes the specified Message message. Does not implicitly {@link parley.Message.verify|verify} messages.
         * @function encode
         * @memberof parley.Message
         * @static
         * @param {parley.Message.$Properties} message Message message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Message.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
            if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.senderId);
            if (message.senderDevice != null && $Object.hasOwnProperty.call(message, "senderDevice") && message.senderDevice !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.senderDevice);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.clientMsgId);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.type);
            if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.body);
            if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.serverTime);
            if (message.flags != null && $Object.hasOwnProperty.call(message, "flags") && message.flags !== 0)
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.flags);
            if (message.refSeq != null && $Object.hasOwnProperty.call(message, "refSeq") && (typeof message.refSeq === "object" ? message.refSeq.low || message.refSeq.high : message.refSeq !== 0))
                writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.refSeq);
            if (message.mentions != null && message.mentions.length)
                for (let i = 0; i < message.mentions.length; ++i)
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.mentions[i]);
            if (message.mentionAll != null && $Object.hasOwnProperty.call(message, "mentionAll") && message.mentionAll !== false)
                writer.uint32(/* id 13, wireType 0 =*/104).bool(message.mentionAll);
            if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo") && (typeof message.replyTo === "object" ? message.replyTo.low || message.replyTo.high : message.replyTo !== 0))
                writer.uint32(/* id 14, wireType 0 =*/112).uint64(message.replyTo);
            if (message.reactions != null && message.reactions.length)
                for (let i = 0; i < message.reactions.length; ++i)
                    $root.parley.Reaction.encode(message.reactions[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Message
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Message & parley.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Message.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Message();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.senderId = value;
                        else
                            delete message.senderId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.senderDevice = value;
                        else
                            delete message.senderDevice;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.body = value;
                        else
                            delete message.body;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.serverTime = value;
                        else
                            delete message.serverTime;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.flags = value;
                        else
                            delete message.flags;
                        continue;
                    }
                case 11: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.refSeq = value;
                        else
                            delete message.refSeq;
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        if (!(message.mentions && message.mentions.length))
                            message.mentions = [];
                        message.mentions.push(reader.stringVerify());
                        continue;
                    }
                case 13: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.mentionAll = value;
                        else
                            delete message.mentionAll;
                        continue;
                    }
                case 14: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.replyTo = value;
                        else
                            delete message.replyTo;
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        if (!(message.reactions && message.reactions.length))
                            message.reactions = [];
                        message.reactions.push($root.parley.Reaction.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Message
         * @function getTypeUrl
         * @memberof parley.Message
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Message.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Message";
        };

        return Message;
    })();

    parley.Reaction = (function() {

        /**
         * Properties of a Reaction.
         * @typedef {Object} parley.Reaction.$Properties
         * @property {string|null} [emoji] Reaction emoji
         * @property {Array.<string>|null} [users] Reaction users
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Reaction.
         * @memberof parley
         * @interface IReaction
         * @augments parley.Reaction.$Properties
         * @deprecated Use parley.Reaction.$Properties instead.
         */

        /**
         * Shape of a Reaction.
         * @typedef {parley.Reaction.$Properties} parley.Reaction.$Shape
         */

        /**
         * Constructs a new Reaction.
         * @memberof parley
         * @classdesc Represents a Reaction.
         * @constructor
         * @param {parley.Reaction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Reaction = function (properties) {
            this.users = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Reaction emoji.
         * @member {string} emoji
         * @memberof parley.Reaction
         * @instance
         */
        Reaction.prototype.emoji = "";

        /**
         * Reaction users.
         * @member {Array.<string>} users
         * @memberof parley.Reaction
         * @instance
         */
        Reaction.prototype.users = $util.emptyArray;

        /**
         * Encodes the specified Reaction message. Does not implicitly {@link parley.Reaction.verify|verify} messages.
         * @function encode
         * @memberof parley.Reaction
         * @static
         * @param {parley.Reaction.$Properties} message Reaction message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Reaction.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.emoji != null && $Object.hasOwnProperty.call(message, "emoji") && message.emoji !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.emoji);
            if (message.users != null && message.users.length)
                for (let i = 0; i < message.users.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.users[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Reaction message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Reaction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Reaction & parley.Reaction.$Shape} Reaction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Reaction.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Reaction();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.emoji = value;
                        else
                            delete message.emoji;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.users && message.users.length))
                            message.users = [];
                        message.users.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Reaction
         * @function getTypeUrl
         * @memberof parley.Reaction
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Reaction.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Reaction";
        };

        return Reaction;
    })();

    parley.Push = (function() {

        /**
         * Properties of a Push.
         * @typedef {Object} parley.Push.$Properties
         * @property {parley.Message.$Properties|null} [message] Push message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Push.
         * @memberof parley
         * @interface IPush
         * @augments parley.Push.$Properties
         * @deprecated Use parley.Push.$Properties instead.
         */

        /**
         * Shape of a Push.
         * @typedef {parley.Push.$Properties} parley.Push.$Shape
         */

        /**
         * Constructs a new Push.
         * @memberof parley
         * @classdesc Represents a Push.
         * @constructor
         * @param {parley.Push.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Push = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Push message.
         * @member {parley.Message.$Properties|null|undefined} message
         * @memberof parley.Push
         * @instance
         */
        Push.prototype.message = null;

        /**
         * Encodes the specified Push message. Does not implicitly {@link parley.Push.verify|verify} messages.
         * @function encode
         * @memberof parley.Push
         * @static
         * @param {parley.Push.$Properties} message Push message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Push.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                $root.parley.Message.encode(message.message, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Push message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Push
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Push & parley.Push.$Shape} Push
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Push.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Push();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.message = $root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Push
         * @function getTypeUrl
         * @memberof parley.Push
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Push.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Push";
        };

        return Push;
    })();

    parley.Ack = (function() {

        /**
         * Properties of an Ack.
         * @typedef {Object} parley.Ack.$Properties
         * @property {string|null} [conversationId] Ack conversationId
         * @property {number|null} [seq] Ack seq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Ack.
         * @memberof parley
         * @interface IAck
         * @augments parley.Ack.$Properties
         * @deprecated Use parley.Ack.$Properties instead.
         */

        /**
         * Shape of an Ack.
         * @typedef {parley.Ack.$Properties} parley.Ack.$Shape
         */

        /**
         * Constructs a new Ack.
         * @memberof parley
         * @classdesc Represents an Ack.
         * @constructor
         * @param {parley.Ack.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ack = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Ack conversationId.
         * @member {string} conversationId
         * @memberof parley.Ack
         * @instance
         */
        Ack.prototype.conversationId = "";

        /**
         * Ack seq.
         * @member {number} seq
         * @memberof parley.Ack
         * @instance
         */
        Ack.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified Ack message. Does not implicitly {@link parley.Ack.verify|verify} messages.
         * @function encode
         * @memberof parley.Ack
         * @static
         * @param {parley.Ack.$Properties} message Ack message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ack.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Ack
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Ack & parley.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ack.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Ack();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Ack
         * @function getTypeUrl
         * @memberof parley.Ack
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Ack.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Ack";
        };

        return Ack;
    })();

    parley.SyncRequest = (function() {

        /**
         * Properties of a SyncRequest.
         * @typedef {Object} parley.SyncRequest.$Properties
         * @property {string|null} [token] SyncRequest token
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SyncRequest.
         * @memberof parley
         * @interface ISyncRequest
         * @augments parley.SyncRequest.$Properties
         * @deprecated Use parley.SyncRequest.$Properties instead.
         */

        /**
         * Shape of a SyncRequest.
         * @typedef {parley.SyncRequest.$Properties} parley.SyncRequest.$Shape
         */

        /**
         * Constructs a new SyncRequest.
         * @memberof parley
         * @classdesc Represents a SyncRequest.
         * @constructor
         * @param {parley.SyncRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SyncRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SyncRequest token.
         * @member {string} token
         * @memberof parley.SyncRequest
         * @instance
         */
        SyncRequest.prototype.token = "";

        /**
         * Encodes the specified SyncRequest message. Does not implicitly {@link parley.SyncRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.SyncRequest
         * @static
         * @param {parley.SyncRequest.$Properties} message SyncRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SyncRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.token);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SyncRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.SyncRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.SyncRequest & parley.SyncRequest.$Shape} SyncRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SyncRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.SyncRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.token = value;
                        else
                            delete message.token;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SyncRequest
         * @function getTypeUrl
         * @memberof parley.SyncRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SyncRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.SyncRequest";
        };

        return SyncRequest;
    })();

    parley.ConversationState = (function() {

        /**
         * Properties of a ConversationState.
         * @typedef {Object} parley.ConversationState.$Properties
         * @property {string|null} [conversationId] ConversationState conversationId
         * @property {number|null} [kind] ConversationState kind
         * @property {number|null} [maxSeq] ConversationState maxSeq
         * @property {number|null} [joinSeq] ConversationState joinSeq
         * @property {Array.<string>|null} [members] ConversationState members
         * @property {string|null} [name] ConversationState name
         * @property {boolean|null} [left] ConversationState left
         * @property {number|null} [readSeq] ConversationState readSeq
         * @property {number|null} [unread] ConversationState unread
         * @property {string|null} [avatarUrl] ConversationState avatarUrl
         * @property {string|null} [announcement] ConversationState announcement
         * @property {boolean|null} [joinable] ConversationState joinable
         * @property {boolean|null} [mutedAll] ConversationState mutedAll
         * @property {number|null} [role] ConversationState role
         * @property {number|null} [mutedUntil] ConversationState mutedUntil
         * @property {boolean|null} [dismissed] ConversationState dismissed
         * @property {number|null} [unreadMentions] ConversationState unreadMentions
         * @property {number|null} [clearedSeq] ConversationState clearedSeq
         * @property {boolean|null} [pinned] ConversationState pinned
         * @property {boolean|null} [muted] ConversationState muted
         * @property {number|null} [peerReadSeq] ConversationState peerReadSeq
         * @property {number|null} [peerDeliveredSeq] ConversationState peerDeliveredSeq
         * @property {parley.Message.$Properties|null} [lastMessage] ConversationState lastMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConversationState.
         * @memberof parley
         * @interface IConversationState
         * @augments parley.ConversationState.$Properties
         * @deprecated Use parley.ConversationState.$Properties instead.
         */

        /**
         * Shape of a ConversationState.
         * @typedef {parley.ConversationState.$Properties} parley.ConversationState.$Shape
         */

        /**
         * Constructs a new ConversationState.
         * @memberof parley
         * @classdesc Represents a ConversationState.
         * @constructor
         * @param {parley.ConversationState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConversationState = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConversationState conversationId.
         * @member {string} conversationId
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.conversationId = "";

        /**
         * ConversationState kind.
         * @member {number} kind
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.kind = 0;

        /**
         * ConversationState maxSeq.
         * @member {number} maxSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.maxSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState joinSeq.
         * @member {number} joinSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.joinSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState members.
         * @member {Array.<string>} members
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.members = $util.emptyArray;

        /**
         * ConversationState name.
         * @member {string} name
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.name = "";

        /**
         * ConversationState left.
         * @member {boolean} left
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.left = false;

        /**
         * ConversationState readSeq.
         * @member {number} readSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.readSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState unread.
         * @member {number} unread
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.unread = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState avatarUrl.
         * @member {string} avatarUrl
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.avatarUrl = "";

        /**
         * ConversationState announcement.
         * @member {string} announcement
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.announcement = "";

        /**
         * ConversationState joinable.
         * @member {boolean} joinable
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.joinable = false;

        /**
         * ConversationState mutedAll.
         * @member {boolean} mutedAll
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.mutedAll = false;

        /**
         * ConversationState role.
         * @member {number} role
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.role = 0;

        /**
         * ConversationState mutedUntil.
         * @member {number} mutedUntil
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.mutedUntil = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState dismissed.
         * @member {boolean} dismissed
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.dismissed = false;

        /**
         * ConversationState unreadMentions.
         * @member {number} unreadMentions
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.unreadMentions = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState clearedSeq.
         * @member {number} clearedSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.clearedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState pinned.
         * @member {boolean} pinned
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.pinned = false;

        /**
         * ConversationState muted.
         * @member {boolean} muted
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.muted = false;

        /**
         * ConversationState peerReadSeq.
         * @member {number} peerReadSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.peerReadSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState peerDeliveredSeq.
         * @member {number} peerDeliveredSeq
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.peerDeliveredSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationState lastMessage.
         * @member {parley.Message.$Properties|null|undefined} lastMessage
         * @memberof parley.ConversationState
         * @instance
         */
        ConversationState.prototype.lastMessage = null;

        /**
         * Encodes the specified ConversationState message. Does not implicitly {@link parley.ConversationState.verify|verify} messages.
         * @function encode
         * @memberof parley.ConversationState
         * @static
         * @param {parley.ConversationState.$Properties} message ConversationState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConversationState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.kind);
            if (message.maxSeq != null && $Object.hasOwnProperty.call(message, "maxSeq") && (typeof message.maxSeq === "object" ? message.maxSeq.low || message.maxSeq.high : message.maxSeq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.maxSeq);
            if (message.joinSeq != null && $Object.hasOwnProperty.call(message, "joinSeq") && (typeof message.joinSeq === "object" ? message.joinSeq.low || message.joinSeq.high : message.joinSeq !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.joinSeq);
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.members[i]);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.name);
            if (message.left != null && $Object.hasOwnProperty.call(message, "left") && message.left !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.left);
            if (message.readSeq != null && $Object.hasOwnProperty.call(message, "readSeq") && (typeof message.readSeq === "object" ? message.readSeq.low || message.readSeq.high : message.readSeq !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.readSeq);
            if (message.unread != null && $Object.hasOwnProperty.call(message, "unread") && (typeof message.unread === "object" ? message.unread.low || message.unread.high : message.unread !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.unread);
            if (message.avatarUrl != null && $Object.hasOwnProperty.call(message, "avatarUrl") && message.avatarUrl !== "")
                writer.uint32(/* id 10, wireType 2 =*/82).string(message.avatarUrl);
            if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement") && message.announcement !== "")
                writer.uint32(/* id 11, wireType 2 =*/90).string(message.announcement);
            if (message.joinable != null && $Object.hasOwnProperty.call(message, "joinable") && message.joinable !== false)
                writer.uint32(/* id 12, wireType 0 =*/96).bool(message.joinable);
            if (message.mutedAll != null && $Object.hasOwnProperty.call(message, "mutedAll") && message.mutedAll !== false)
                writer.uint32(/* id 13, wireType 0 =*/104).bool(message.mutedAll);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.role);
            if (message.mutedUntil != null && $Object.hasOwnProperty.call(message, "mutedUntil") && (typeof message.mutedUntil === "object" ? message.mutedUntil.low || message.mutedUntil.high : message.mutedUntil !== 0))
                writer.uint32(/* id 15, wireType 0 =*/120).uint64(message.mutedUntil);
            if (message.dismissed != null && $Object.hasOwnProperty.call(message, "dismissed") && message.dismissed !== false)
                writer.uint32(/* id 16, wireType 0 =*/128).bool(message.dismissed);
            if (message.unreadMentions != null && $Object.hasOwnProperty.call(message, "unreadMentions") && (typeof message.unreadMentions === "object" ? message.unreadMentions.low || message.unreadMentions.high : message.unreadMentions !== 0))
                writer.uint32(/* id 17, wireType 0 =*/136).uint64(message.unreadMentions);
            if (message.clearedSeq != null && $Object.hasOwnProperty.call(message, "clearedSeq") && (typeof message.clearedSeq === "object" ? message.clearedSeq.low || message.clearedSeq.high : message.clearedSeq !== 0))
                writer.uint32(/* id 18, wireType 0 =*/144).uint64(message.clearedSeq);
            if (message.pinned != null && $Object.hasOwnProperty.call(message, "pinned") && message.pinned !== false)
                writer.uint32(/* id 19, wireType 0 =*/152).bool(message.pinned);
            if (message.muted != null && $Object.hasOwnProperty.call(message, "muted") && message.muted !== false)
                writer.uint32(/* id 20, wireType 0 =*/160).bool(message.muted);
            if (message.peerReadSeq != null && $Object.hasOwnProperty.call(message, "peerReadSeq") && (typeof message.peerReadSeq === "object" ? message.peerReadSeq.low || message.peerReadSeq.high : message.peerReadSeq !== 0))
                writer.uint32(/* id 21, wireType 0 =*/168).uint64(message.peerReadSeq);
            if (message.peerDeliveredSeq != null && $Object.hasOwnProperty.call(message, "peerDeliveredSeq") && (typeof message.peerDeliveredSeq === "object" ? message.peerDeliveredSeq.low || message.peerDeliveredSeq.high : message.peerDeliveredSeq !== 0))
                writer.uint32(/* id 22, wireType 0 =*/176).uint64(message.peerDeliveredSeq);
            if (message.lastMessage != null && $Object.hasOwnProperty.call(message, "lastMessage"))
                $root.parley.Message.encode(message.lastMessage, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConversationState message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConversationState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConversationState & parley.ConversationState.$Shape} ConversationState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConversationState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConversationState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxSeq = value;
                        else
                            delete message.maxSeq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.joinSeq = value;
                        else
                            delete message.joinSeq;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push(reader.stringVerify());
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.left = value;
                        else
                            delete message.left;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.readSeq = value;
                        else
                            delete message.readSeq;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.unread = value;
                        else
                            delete message.unread;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.avatarUrl = value;
                        else
                            delete message.avatarUrl;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.announcement = value;
                        else
                            delete message.announcement;
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.joinable = value;
                        else
                            delete message.joinable;
                        continue;
                    }
                case 13: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.mutedAll = value;
                        else
                            delete message.mutedAll;
                        continue;
                    }
                case 14: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                case 15: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mutedUntil = value;
                        else
                            delete message.mutedUntil;
                        continue;
                    }
                case 16: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.dismissed = value;
                        else
                            delete message.dismissed;
                        continue;
                    }
                case 17: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.unreadMentions = value;
                        else
                            delete message.unreadMentions;
                        continue;
                    }
                case 18: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.clearedSeq = value;
                        else
                            delete message.clearedSeq;
                        continue;
                    }
                case 19: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.pinned = value;
                        else
                            delete message.pinned;
                        continue;
                    }
                case 20: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.muted = value;
                        else
                            delete message.muted;
                        continue;
                    }
                case 21: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.peerReadSeq = value;
                        else
                            delete message.peerReadSeq;
                        continue;
                    }
                case 22: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.peerDeliveredSeq = value;
                        else
                            delete message.peerDeliveredSeq;
                        continue;
                    }
                case 23: {
                        if (wireType !== 2)
                            break;
                        message.lastMessage = $root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.lastMessage);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConversationState
         * @function getTypeUrl
         * @memberof parley.ConversationState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConversationState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConversationState";
        };

        return ConversationState;
    })();

    parley.SyncResponse = (function() {

        /**
         * Properties of a SyncResponse.
         * @typedef {Object} parley.SyncResponse.$Properties
         * @property {Array.<parley.ConversationState.$Properties>|null} [conversations] SyncResponse conversations
         * @property {string|null} [token] SyncResponse token
         * @property {boolean|null} [more] SyncResponse more
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SyncResponse.
         * @memberof parley
         * @interface ISyncResponse
         * @augments parley.SyncResponse.$Properties
         * @deprecated Use parley.SyncResponse.$Properties instead.
         */

        /**
         * Shape of a SyncResponse.
         * @typedef {parley.SyncResponse.$Properties} parley.SyncResponse.$Shape
         */

        /**
         * Constructs a new SyncResponse.
         * @memberof parley
         * @classdesc Represents a SyncResponse.
         * @constructor
         * @param {parley.SyncResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SyncResponse = function (properties) {
            this.conversations = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SyncResponse conversations.
         * @member {Array.<parley.ConversationState.$Properties>} conversations
         * @memberof parley.SyncResponse
         * @instance
         */
        SyncResponse.prototype.conversations = $util.emptyArray;

        /**
         * SyncResponse token.
         * @member {string} token
         * @memberof parley.SyncResponse
         * @instance
         */
        SyncResponse.prototype.token = "";

        /**
         * SyncResponse more.
         * @member {boolean} more
         * @memberof parley.SyncResponse
         * @instance
         */
        SyncResponse.prototype.more = false;

        /**
         * Encodes the specified SyncResponse message. Does not implicitly {@link parley.SyncResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.SyncResponse
         * @static
         * @param {parley.SyncResponse.$Properties} message SyncResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SyncResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversations != null && message.conversations.length)
                for (let i = 0; i < message.conversations.length; ++i)
                    $root.parley.ConversationState.encode(message.conversations[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.token);
            if (message.more != null && $Object.hasOwnProperty.call(message, "more") && message.more !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.more);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SyncResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.SyncResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.SyncResponse & parley.SyncResponse.$Shape} SyncResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SyncResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.SyncResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.conversations && message.conversations.length))
                            message.conversations = [];
                        message.conversations.push($root.parley.ConversationState.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.token = value;
                        else
                            delete message.token;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.more = value;
                        else
                            delete message.more;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SyncResponse
         * @function getTypeUrl
         * @memberof parley.SyncResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SyncResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.SyncResponse";
        };

        return SyncResponse;
    })();

    parley.PullRequest = (function() {

        /**
         * Properties of a PullRequest.
         * @typedef {Object} parley.PullRequest.$Properties
         * @property {string|null} [conversationId] PullRequest conversationId
         * @property {number|null} [fromSeq] PullRequest fromSeq
         * @property {number|null} [toSeq] PullRequest toSeq
         * @property {number|null} [limit] PullRequest limit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PullRequest.
         * @memberof parley
         * @interface IPullRequest
         * @augments parley.PullRequest.$Properties
         * @deprecated Use parley.PullRequest.$Properties instead.
         */

        /**
         * Shape of a PullRequest.
         * @typedef {parley.PullRequest.$Properties} parley.PullRequest.$Shape
         */

        /**
         * Constructs a new PullRequest.
         * @memberof parley
         * @classdesc Represents a PullRequest.
         * @constructor
         * @param {parley.PullRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PullRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PullRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.PullRequest
         * @instance
         */
        PullRequest.prototype.conversationId = "";

        /**
         * PullRequest fromSeq.
         * @member {number} fromSeq
         * @memberof parley.PullRequest
         * @instance
         */
        PullRequest.prototype.fromSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PullRequest toSeq.
         * @member {number} toSeq
         * @memberof parley.PullRequest
         * @instance
         */
        PullRequest.prototype.toSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PullRequest limit.
         * @member {number} limit
         * @memberof parley.PullRequest
         * @instance
         */
        PullRequest.prototype.limit = 0;

        /**
         * Encodes the specified PullRequest message. Does not implicitly {@link parley.PullRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.PullRequest
         * @static
         * @param {parley.PullRequest.$Properties} message PullRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PullRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.fromSeq != null && $Object.hasOwnProperty.call(message, "fromSeq") && (typeof message.fromSeq === "object" ? message.fromSeq.low || message.fromSeq.high : message.fromSeq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.fromSeq);
            if (message.toSeq != null && $Object.hasOwnProperty.call(message, "toSeq") && (typeof message.toSeq === "object" ? message.toSeq.low || message.toSeq.high : message.toSeq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.toSeq);
            if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.limit);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PullRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.PullRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.PullRequest & parley.PullRequest.$Shape} PullRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PullRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.PullRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.fromSeq = value;
                        else
                            delete message.fromSeq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.toSeq = value;
                        else
                            delete message.toSeq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.limit = value;
                        else
                            delete message.limit;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PullRequest
         * @function getTypeUrl
         * @memberof parley.PullRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PullRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.PullRequest";
        };

        return PullRequest;
    })();

    parley.PullResponse = (function() {

        /**
         * Properties of a PullResponse.
         * @typedef {Object} parley.PullResponse.$Properties
         * @property {string|null} [conversationId] PullResponse conversationId
         * @property {number|null} [fromSeq] PullResponse fromSeq
         * @property {number|null} [toSeq] PullResponse toSeq
         * @property {Array.<parley.Message.$Properties>|null} [messages] PullResponse messages
         * @property {Array.<number>|null} [holes] PullResponse holes
         * @property {number|null} [maxSeq] PullResponse maxSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PullResponse.
         * @memberof parley
         * @interface IPullResponse
         * @augments parley.PullResponse.$Properties
         * @deprecated Use parley.PullResponse.$Properties instead.
         */

        /**
         * Shape of a PullResponse.
         * @typedef {parley.PullResponse.$Properties} parley.PullResponse.$Shape
         */

        /**
         * Constructs a new PullResponse.
         * @memberof parley
         * @classdesc Represents a PullResponse.
         * @constructor
         * @param {parley.PullResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PullResponse = function (properties) {
            this.messages = [];
            this.holes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PullResponse conversationId.
         * @member {string} conversationId
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.conversationId = "";

        /**
         * PullResponse fromSeq.
         * @member {number} fromSeq
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.fromSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PullResponse toSeq.
         * @member {number} toSeq
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.toSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PullResponse messages.
         * @member {Array.<parley.Message.$Properties>} messages
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.messages = $util.emptyArray;

        /**
         * PullResponse holes.
         * @member {Array.<number>} holes
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.holes = $util.emptyArray;

        /**
         * PullResponse maxSeq.
         * @member {number} maxSeq
         * @memberof parley.PullResponse
         * @instance
         */
        PullResponse.prototype.maxSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified PullResponse message. Does not implicitly {@link parley.PullResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.PullResponse
         * @static
         * @param {parley.PullResponse.$Properties} message PullResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PullResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.fromSeq != null && $Object.hasOwnProperty.call(message, "fromSeq") && (typeof message.fromSeq === "object" ? message.fromSeq.low || message.fromSeq.high : message.fromSeq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.fromSeq);
            if (message.toSeq != null && $Object.hasOwnProperty.call(message, "toSeq") && (typeof message.toSeq === "object" ? message.toSeq.low || message.toSeq.high : message.toSeq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.toSeq);
            if (message.messages != null && message.messages.length)
                for (let i = 0; i < message.messages.length; ++i)
                    $root.parley.Message.encode(message.messages[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.holes != null && message.holes.length)
                writer.uint32(/* id 5, wireType 2 =*/42).uint64s(message.holes);
            if (message.maxSeq != null && $Object.hasOwnProperty.call(message, "maxSeq") && (typeof message.maxSeq === "object" ? message.maxSeq.low || message.maxSeq.high : message.maxSeq !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.maxSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PullResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.PullResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.PullResponse & parley.PullResponse.$Shape} PullResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PullResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.PullResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.fromSeq = value;
                        else
                            delete message.fromSeq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.toSeq = value;
                        else
                            delete message.toSeq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.messages && message.messages.length))
                            message.messages = [];
                        message.messages.push($root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.holes && message.holes.length))
                                message.holes = [];
                            reader.uint64s(message.holes);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.holes && message.holes.length))
                            message.holes = [];
                        message.holes.push(reader.uint64());
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxSeq = value;
                        else
                            delete message.maxSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PullResponse
         * @function getTypeUrl
         * @memberof parley.PullResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PullResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.PullResponse";
        };

        return PullResponse;
    })();

    parley.Ping = (function() {

        /**
         * Properties of a Ping.
         * @typedef {Object} parley.Ping.$Properties
         * @property {number|null} [time] Ping time
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Ping.
         * @memberof parley
         * @interface IPing
         * @augments parley.Ping.$Properties
         * @deprecated Use parley.Ping.$Properties instead.
         */

        /**
         * Shape of a Ping.
         * @typedef {parley.Ping.$Properties} parley.Ping.$Shape
         */

        /**
         * Constructs a new Ping.
         * @memberof parley
         * @classdesc Represents a Ping.
         * @constructor
         * @param {parley.Ping.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ping = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Ping time.
         * @member {number} time
         * @memberof parley.Ping
         * @instance
         */
        Ping.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified Ping message. Does not implicitly {@link parley.Ping.verify|verify} messages.
         * @function encode
         * @memberof parley.Ping
         * @static
         * @param {parley.Ping.$Properties} message Ping message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ping.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.time != null && $Object.hasOwnProperty.call(message, "time") && (typeof message.time === "object" ? message.time.low || message.time.high : message.time !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.time);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Ping message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Ping
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Ping & parley.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ping.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Ping();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.time = value;
                        else
                            delete message.time;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Ping
         * @function getTypeUrl
         * @memberof parley.Ping
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Ping.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Ping";
        };

        return Ping;
    })();

    parley.Pong = (function() {

        /**
         * Properties of a Pong.
         * @typedef {Object} parley.Pong.$Properties
         * @property {number|null} [time] Pong time
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Pong.
         * @memberof parley
         * @interface IPong
         * @augments parley.Pong.$Properties
         * @deprecated Use parley.Pong.$Properties instead.
         */

        /**
         * Shape of a Pong.
         * @typedef {parley.Pong.$Properties} parley.Pong.$Shape
         */

        /**
         * Constructs a new Pong.
         * @memberof parley
         * @classdesc Represents a Pong.
         * @constructor
         * @param {parley.Pong.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Pong = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Pong time.
         * @member {number} time
         * @memberof parley.Pong
         * @instance
         */
        Pong.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified Pong message. Does not implicitly {@link parley.Pong.verify|verify} messages.
         * @function encode
         * @memberof parley.Pong
         * @static
         * @param {parley.Pong.$Properties} message Pong message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Pong.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.time != null && $Object.hasOwnProperty.call(message, "time") && (typeof message.time === "object" ? message.time.low || message.time.high : message.time !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.time);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Pong message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Pong
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Pong & parley.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Pong.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Pong();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.time = value;
                        else
                            delete message.time;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Pong
         * @function getTypeUrl
         * @memberof parley.Pong
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Pong.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Pong";
        };

        return Pong;
    })();

    parley.Error = (function() {

        /**
         * Properties of an Error.
         * @typedef {Object} parley.Error.$Properties
         * @property {string|null} [code] Error code
         * @property {string|null} [message] Error message
         * @property {boolean|null} [retryable] Error retryable
         * @property {number|null} [retryAfterMs] Error retryAfterMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Error.
         * @memberof parley
         * @interface IError
         * @augments parley.Error.$Properties
         * @deprecated Use parley.Error.$Properties instead.
         */

        /**
         * Shape of an Error.
         * @typedef {parley.Error.$Properties} parley.Error.$Shape
         */

        /**
         * Constructs a new Error.
         * @memberof parley
         * @classdesc Represents an Error.
         * @constructor
         * @param {parley.Error.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Error = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Error code.
         * @member {string} code
         * @memberof parley.Error
         * @instance
         */
        Error.prototype.code = "";

        /**
         * Error message.
         * @member {string} message
         * @memberof parley.Error
         * @instance
         */
        Error.prototype.message = "";

        /**
         * Error retryable.
         * @member {boolean} retryable
         * @memberof parley.Error
         * @instance
         */
        Error.prototype.retryable = false;

        /**
         * Error retryAfterMs.
         * @member {number} retryAfterMs
         * @memberof parley.Error
         * @instance
         */
        Error.prototype.retryAfterMs = 0;

        /**
         * Encodes the specified Error message. Does not implicitly {@link parley.Error.verify|verify} messages.
         * @function encode
         * @memberof parley.Error
         * @static
         * @param {parley.Error.$Properties} message Error message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Error.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.retryable != null && $Object.hasOwnProperty.call(message, "retryable") && message.retryable !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.retryable);
            if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.retryAfterMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Error
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Error & parley.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Error.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Error();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.retryable = value;
                        else
                            delete message.retryable;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.retryAfterMs = value;
                        else
                            delete message.retryAfterMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Error
         * @function getTypeUrl
         * @memberof parley.Error
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Error.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Error";
        };

        /**
         * Code enum.
         * @name parley.Error.Code
         * @enum {number}
         * @property {number} CODE_UNSPECIFIED=0 CODE_UNSPECIFIED value
         * @property {number} BAD_FRAME=1 BAD_FRAME value
         * @property {number} FRAME_TOO_LARGE=2 FRAME_TOO_LARGE value
         * @property {number} UNKNOWN_FRAME=3 UNKNOWN_FRAME value
         * @property {number} UNEXPECTED_FRAME=4 UNEXPECTED_FRAME value
         * @property {number} AUTH_REQUIRED=5 AUTH_REQUIRED value
         * @property {number} AUTH_FAILED=6 AUTH_FAILED value
         * @property {number} ALREADY_AUTHENTICATED=7 ALREADY_AUTHENTICATED value
         * @property {number} INVALID_ARGUMENT=8 INVALID_ARGUMENT value
         * @property {number} BAD_CREDENTIALS=9 BAD_CREDENTIALS value
         * @property {number} USER_EXISTS=10 USER_EXISTS value
         * @property {number} USER_NOT_FOUND=11 USER_NOT_FOUND value
         * @property {number} CONVERSATION_NOT_FOUND=12 CONVERSATION_NOT_FOUND value
         * @property {number} NOT_MEMBER=13 NOT_MEMBER value
         * @property {number} MESSAGE_LOCKED=14 MESSAGE_LOCKED value
         * @property {number} MESSAGE_NOT_FOUND=15 MESSAGE_NOT_FOUND value
         * @property {number} MUTED=16 MUTED value
         * @property {number} GROUP_DISMISSED=17 GROUP_DISMISSED value
         * @property {number} BLOCKED=18 BLOCKED value
         * @property {number} NOT_FRIENDS=19 NOT_FRIENDS value
         * @property {number} ALREADY_FRIENDS=20 ALREADY_FRIENDS value
         * @property {number} REQUEST_NOT_FOUND=21 REQUEST_NOT_FOUND value
         * @property {number} ALREADY_MEMBER=22 ALREADY_MEMBER value
         * @property {number} CLIENT_MSG_ID_REUSED=23 CLIENT_MSG_ID_REUSED value
         * @property {number} MESSAGE_TOO_LARGE=24 MESSAGE_TOO_LARGE value
         * @property {number} RATE_LIMITED=25 RATE_LIMITED value
         * @property {number} FORBIDDEN=26 FORBIDDEN value
         * @property {number} NOT_FOUND=27 NOT_FOUND value
         * @property {number} UNAVAILABLE=28 UNAVAILABLE value
         * @property {number} HEARTBEAT_TIMEOUT=29 HEARTBEAT_TIMEOUT value
         * @property {number} SLOW_CONSUMER=30 SLOW_CONSUMER value
         * @property {number} INTERNAL=31 INTERNAL value
         * @property {number} AUTH_TIMEOUT=32 AUTH_TIMEOUT value
         * @property {number} REPLACED=33 REPLACED value
         * @property {number} KICKED=34 KICKED value
         * @property {number} DRAINING=35 DRAINING value
         * @property {number} FILE_NOT_FOUND=36 FILE_NOT_FOUND value
         * @property {number} UPLOAD_NOT_FOUND=37 UPLOAD_NOT_FOUND value
         * @property {number} UPLOAD_EXPIRED=38 UPLOAD_EXPIRED value
         * @property {number} UPLOAD_OFFSET_MISMATCH=39 UPLOAD_OFFSET_MISMATCH value
         * @property {number} UPLOAD_BUSY=40 UPLOAD_BUSY value
         * @property {number} CHECKSUM_MISMATCH=41 CHECKSUM_MISMATCH value
         * @property {number} FILE_TOO_LARGE=42 FILE_TOO_LARGE value
         * @property {number} QUOTA_EXCEEDED=43 QUOTA_EXCEEDED value
         * @property {number} TOO_MANY_UPLOADS=44 TOO_MANY_UPLOADS value
         * @property {number} UNSUPPORTED_TUS_VERSION=45 UNSUPPORTED_TUS_VERSION value
         * @property {number} UNSUPPORTED_MEDIA_TYPE=46 UNSUPPORTED_MEDIA_TYPE value
         * @property {number} RANGE_NOT_SATISFIABLE=47 RANGE_NOT_SATISFIABLE value
         * @property {number} CANCELLED=48 CANCELLED value
         * @property {number} STREAM_NOT_FOUND=49 STREAM_NOT_FOUND value
         * @property {number} STREAM_ENDED=50 STREAM_ENDED value
         * @property {number} CHUNK_GAP=51 CHUNK_GAP value
         * @property {number} CHUNK_TOO_LARGE=52 CHUNK_TOO_LARGE value
         * @property {number} TOO_MANY_STREAMS=53 TOO_MANY_STREAMS value
         * @property {number} BANNED=61 BANNED value
         * @property {number} LIMIT_REACHED=62 LIMIT_REACHED value
         * @property {number} INVITATION_NOT_FOUND=63 INVITATION_NOT_FOUND value
         * @property {number} WEAK_PASSWORD=56 WEAK_PASSWORD value
         * @property {number} SESSION_NOT_FOUND=57 SESSION_NOT_FOUND value
         */
        Error.Code = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BAD_FRAME"] = 1;
            values[valuesById[2] = "FRAME_TOO_LARGE"] = 2;
            values[valuesById[3] = "UNKNOWN_FRAME"] = 3;
            values[valuesById[4] = "UNEXPECTED_FRAME"] = 4;
            values[valuesById[5] = "AUTH_REQUIRED"] = 5;
            values[valuesById[6] = "AUTH_FAILED"] = 6;
            values[valuesById[7] = "ALREADY_AUTHENTICATED"] = 7;
            values[valuesById[8] = "INVALID_ARGUMENT"] = 8;
            values[valuesById[9] = "BAD_CREDENTIALS"] = 9;
            values[valuesById[10] = "USER_EXISTS"] = 10;
            values[valuesById[11] = "USER_NOT_FOUND"] = 11;
            values[valuesById[12] = "CONVERSATION_NOT_FOUND"] = 12;
            values[valuesById[13] = "NOT_MEMBER"] = 13;
            values[valuesById[14] = "MESSAGE_LOCKED"] = 14;
            values[valuesById[15] = "MESSAGE_NOT_FOUND"] = 15;
            values[valuesById[16] = "MUTED"] = 16;
            values[valuesById[17] = "GROUP_DISMISSED"] = 17;
            values[valuesById[18] = "BLOCKED"] = 18;
            values[valuesById[19] = "NOT_FRIENDS"] = 19;
            values[valuesById[20] = "ALREADY_FRIENDS"] = 20;
            values[valuesById[21] = "REQUEST_NOT_FOUND"] = 21;
            values[valuesById[22] = "ALREADY_MEMBER"] = 22;
            values[valuesById[23] = "CLIENT_MSG_ID_REUSED"] = 23;
            values[valuesById[24] = "MESSAGE_TOO_LARGE"] = 24;
            values[valuesById[25] = "RATE_LIMITED"] = 25;
            values[valuesById[26] = "FORBIDDEN"] = 26;
            values[valuesById[27] = "NOT_FOUND"] = 27;
            values[valuesById[28] = "UNAVAILABLE"] = 28;
            values[valuesById[29] = "HEARTBEAT_TIMEOUT"] = 29;
            values[valuesById[30] = "SLOW_CONSUMER"] = 30;
            values[valuesById[31] = "INTERNAL"] = 31;
            values[valuesById[32] = "AUTH_TIMEOUT"] = 32;
            values[valuesById[33] = "REPLACED"] = 33;
            values[valuesById[34] = "KICKED"] = 34;
            values[valuesById[35] = "DRAINING"] = 35;
            values[valuesById[36] = "FILE_NOT_FOUND"] = 36;
            values[valuesById[37] = "UPLOAD_NOT_FOUND"] = 37;
            values[valuesById[38] = "UPLOAD_EXPIRED"] = 38;
            values[valuesById[39] = "UPLOAD_OFFSET_MISMATCH"] = 39;
            values[valuesById[40] = "UPLOAD_BUSY"] = 40;
            values[valuesById[41] = "CHECKSUM_MISMATCH"] = 41;
            values[valuesById[42] = "FILE_TOO_LARGE"] = 42;
            values[valuesById[43] = "QUOTA_EXCEEDED"] = 43;
            values[valuesById[44] = "TOO_MANY_UPLOADS"] = 44;
            values[valuesById[45] = "UNSUPPORTED_TUS_VERSION"] = 45;
            values[valuesById[46] = "UNSUPPORTED_MEDIA_TYPE"] = 46;
            values[valuesById[47] = "RANGE_NOT_SATISFIABLE"] = 47;
            values[valuesById[48] = "CANCELLED"] = 48;
            values[valuesById[49] = "STREAM_NOT_FOUND"] = 49;
            values[valuesById[50] = "STREAM_ENDED"] = 50;
            values[valuesById[51] = "CHUNK_GAP"] = 51;
            values[valuesById[52] = "CHUNK_TOO_LARGE"] = 52;
            values[valuesById[53] = "TOO_MANY_STREAMS"] = 53;
            values[valuesById[61] = "BANNED"] = 61;
            values[valuesById[62] = "LIMIT_REACHED"] = 62;
            values[valuesById[63] = "INVITATION_NOT_FOUND"] = 63;
            values[valuesById[56] = "WEAK_PASSWORD"] = 56;
            values[valuesById[57] = "SESSION_NOT_FOUND"] = 57;
            return values;
        })();

        return Error;
    })();

    parley.Notice = (function() {

        /**
         * Properties of a Notice.
         * @typedef {Object} parley.Notice.$Properties
         * @property {string|null} [code] Notice code
         * @property {string|null} [message] Notice message
         * @property {number|null} [retryAfterMs] Notice retryAfterMs
         * @property {Array.<string>|null} [endpoints] Notice endpoints
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Notice.
         * @memberof parley
         * @interface INotice
         * @augments parley.Notice.$Properties
         * @deprecated Use parley.Notice.$Properties instead.
         */

        /**
         * Shape of a Notice.
         * @typedef {parley.Notice.$Properties} parley.Notice.$Shape
         */

        /**
         * Constructs a new Notice.
         * @memberof parley
         * @classdesc Represents a Notice.
         * @constructor
         * @param {parley.Notice.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Notice = function (properties) {
            this.endpoints = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Notice code.
         * @member {string} code
         * @memberof parley.Notice
         * @instance
         */
        Notice.prototype.code = "";

        /**
         * Notice message.
         * @member {string} message
         * @memberof parley.Notice
         * @instance
         */
        Notice.prototype.message = "";

        /**
         * Notice retryAfterMs.
         * @member {number} retryAfterMs
         * @memberof parley.Notice
         * @instance
         */
        Notice.prototype.retryAfterMs = 0;

        /**
         * Notice endpoints.
         * @member {Array.<string>} endpoints
         * @memberof parley.Notice
         * @instance
         */
        Notice.prototype.endpoints = $util.emptyArray;

        /**
         * Encodes the specified Notice message. Does not implicitly {@link parley.Notice.verify|verify} messages.
         * @function encode
         * @memberof parley.Notice
         * @static
         * @param {parley.Notice.$Properties} message Notice message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Notice.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.retryAfterMs);
            if (message.endpoints != null && message.endpoints.length)
                for (let i = 0; i < message.endpoints.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.endpoints[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Notice message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Notice
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Notice & parley.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Notice.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Notice();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.retryAfterMs = value;
                        else
                            delete message.retryAfterMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.endpoints && message.endpoints.length))
                            message.endpoints = [];
                        message.endpoints.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Notice
         * @function getTypeUrl
         * @memberof parley.Notice
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Notice.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Notice";
        };

        /**
         * Code enum.
         * @name parley.Notice.Code
         * @enum {number}
         * @property {number} CODE_UNSPECIFIED=0 CODE_UNSPECIFIED value
         * @property {number} RECONNECT=1 RECONNECT value
         * @property {number} RESYNC=2 RESYNC value
         * @property {number} KICKED=3 KICKED value
         */
        Notice.Code = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RECONNECT"] = 1;
            values[valuesById[2] = "RESYNC"] = 2;
            values[valuesById[3] = "KICKED"] = 3;
            return values;
        })();

        return Notice;
    })();

    parley.GroupRequest = (function() {

        /**
         * Properties of a GroupRequest.
         * @typedef {Object} parley.GroupRequest.$Properties
         * @property {number|null} [op] GroupRequest op
         * @property {string|null} [conversationId] GroupRequest conversationId
         * @property {Array.<string>|null} [users] GroupRequest users
         * @property {string|null} [name] GroupRequest name
         * @property {string|null} [clientMsgId] GroupRequest clientMsgId
         * @property {string|null} [avatarUrl] GroupRequest avatarUrl
         * @property {string|null} [announcement] GroupRequest announcement
         * @property {number|null} [role] GroupRequest role
         * @property {number|null} [mutedUntil] GroupRequest mutedUntil
         * @property {boolean|null} [on] GroupRequest on
         * @property {number|null} [fields] GroupRequest fields
         * @property {boolean|null} [joinable] GroupRequest joinable
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GroupRequest.
         * @memberof parley
         * @interface IGroupRequest
         * @augments parley.GroupRequest.$Properties
         * @deprecated Use parley.GroupRequest.$Properties instead.
         */

        /**
         * Shape of a GroupRequest.
         * @typedef {parley.GroupRequest.$Properties} parley.GroupRequest.$Shape
         */

        /**
         * Constructs a new GroupRequest.
         * @memberof parley
         * @classdesc Represents a GroupRequest.
         * @constructor
         * @param {parley.GroupRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GroupRequest = function (properties) {
            this.users = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GroupRequest op.
         * @member {number} op
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.op = 0;

        /**
         * GroupRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.conversationId = "";

        /**
         * GroupRequest users.
         * @member {Array.<string>} users
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.users = $util.emptyArray;

        /**
         * GroupRequest name.
         * @member {string} name
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.name = "";

        /**
         * GroupRequest clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.clientMsgId = "";

        /**
         * GroupRequest avatarUrl.
         * @member {string} avatarUrl
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.avatarUrl = "";

        /**
         * GroupRequest announcement.
         * @member {string} announcement
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.announcement = "";

        /**
         * GroupRequest role.
         * @member {number} role
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.role = 0;

        /**
         * GroupRequest mutedUntil.
         * @member {number} mutedUntil
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.mutedUntil = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * GroupRequest on.
         * @member {boolean} on
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.on = false;

        /**
         * GroupRequest fields.
         * @member {number} fields
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.fields = 0;

        /**
         * GroupRequest joinable.
         * @member {boolean} joinable
         * @memberof parley.GroupRequest
         * @instance
         */
        GroupRequest.prototype.joinable = false;

        /**
         * Encodes the specified GroupRequest message. Does not implicitly {@link parley.GroupRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.GroupRequest
         * @static
         * @param {parley.GroupRequest.$Properties} message GroupRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GroupRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.op);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.conversationId);
            if (message.users != null && message.users.length)
                for (let i = 0; i < message.users.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.users[i]);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.name);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.clientMsgId);
            if (message.avatarUrl != null && $Object.hasOwnProperty.call(message, "avatarUrl") && message.avatarUrl !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.avatarUrl);
            if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement") && message.announcement !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.announcement);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.role);
            if (message.mutedUntil != null && $Object.hasOwnProperty.call(message, "mutedUntil") && (typeof message.mutedUntil === "object" ? message.mutedUntil.low || message.mutedUntil.high : message.mutedUntil !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.mutedUntil);
            if (message.on != null && $Object.hasOwnProperty.call(message, "on") && message.on !== false)
                writer.uint32(/* id 10, wireType 0 =*/80).bool(message.on);
            if (message.fields != null && $Object.hasOwnProperty.call(message, "fields") && message.fields !== 0)
                writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.fields);
            if (message.joinable != null && $Object.hasOwnProperty.call(message, "joinable") && message.joinable !== false)
                writer.uint32(/* id 12, wireType 0 =*/96).bool(message.joinable);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GroupRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.GroupRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.GroupRequest & parley.GroupRequest.$Shape} GroupRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GroupRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.GroupRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.op = value;
                        else
                            delete message.op;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.users && message.users.length))
                            message.users = [];
                        message.users.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.avatarUrl = value;
                        else
                            delete message.avatarUrl;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.announcement = value;
                        else
                            delete message.announcement;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mutedUntil = value;
                        else
                            delete message.mutedUntil;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.on = value;
                        else
                            delete message.on;
                        continue;
                    }
                case 11: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.fields = value;
                        else
                            delete message.fields;
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.joinable = value;
                        else
                            delete message.joinable;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for GroupRequest
         * @function getTypeUrl
         * @memberof parley.GroupRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GroupRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.GroupRequest";
        };

        return GroupRequest;
    })();

    parley.GroupResponse = (function() {

        /**
         * Properties of a GroupResponse.
         * @typedef {Object} parley.GroupResponse.$Properties
         * @property {string|null} [conversationId] GroupResponse conversationId
         * @property {number|null} [seq] GroupResponse seq
         * @property {boolean|null} [duplicate] GroupResponse duplicate
         * @property {parley.Message.$Properties|null} [message] GroupResponse message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GroupResponse.
         * @memberof parley
         * @interface IGroupResponse
         * @augments parley.GroupResponse.$Properties
         * @deprecated Use parley.GroupResponse.$Properties instead.
         */

        /**
         * Shape of a GroupResponse.
         * @typedef {parley.GroupResponse.$Properties} parley.GroupResponse.$Shape
         */

        /**
         * Constructs a new GroupResponse.
         * @memberof parley
         * @classdesc Represents a GroupResponse.
         * @constructor
         * @param {parley.GroupResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GroupResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GroupResponse conversationId.
         * @member {string} conversationId
         * @memberof parley.GroupResponse
         * @instance
         */
        GroupResponse.prototype.conversationId = "";

        /**
         * GroupResponse seq.
         * @member {number} seq
         * @memberof parley.GroupResponse
         * @instance
         */
        GroupResponse.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * GroupResponse duplicate.
         * @member {boolean} duplicate
         * @memberof parley.GroupResponse
         * @instance
         */
        GroupResponse.prototype.duplicate = false;

        /**
         * GroupResponse message.
         * @member {parley.Message.$Properties|null|undefined} message
         * @memberof parley.GroupResponse
         * @instance
         */
        GroupResponse.prototype.message = null;

        /**
         * Encodes the specified GroupResponse message. Does not implicitly {@link parley.GroupResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.GroupResponse
         * @static
         * @param {parley.GroupResponse.$Properties} message GroupResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GroupResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.duplicate);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                $root.parley.Message.encode(message.message, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GroupResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.GroupResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.GroupResponse & parley.GroupResponse.$Shape} GroupResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GroupResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.GroupResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.duplicate = value;
                        else
                            delete message.duplicate;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.message = $root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for GroupResponse
         * @function getTypeUrl
         * @memberof parley.GroupResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GroupResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.GroupResponse";
        };

        return GroupResponse;
    })();

    parley.MarkRead = (function() {

        /**
         * Properties of a MarkRead.
         * @typedef {Object} parley.MarkRead.$Properties
         * @property {string|null} [conversationId] MarkRead conversationId
         * @property {number|null} [seq] MarkRead seq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MarkRead.
         * @memberof parley
         * @interface IMarkRead
         * @augments parley.MarkRead.$Properties
         * @deprecated Use parley.MarkRead.$Properties instead.
         */

        /**
         * Shape of a MarkRead.
         * @typedef {parley.MarkRead.$Properties} parley.MarkRead.$Shape
         */

        /**
         * Constructs a new MarkRead.
         * @memberof parley
         * @classdesc Represents a MarkRead.
         * @constructor
         * @param {parley.MarkRead.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MarkRead = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MarkRead conversationId.
         * @member {string} conversationId
         * @memberof parley.MarkRead
         * @instance
         */
        MarkRead.prototype.conversationId = "";

        /**
         * MarkRead seq.
         * @member {number} seq
         * @memberof parley.MarkRead
         * @instance
         */
        MarkRead.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified MarkRead message. Does not implicitly {@link parley.MarkRead.verify|verify} messages.
         * @function encode
         * @memberof parley.MarkRead
         * @static
         * @param {parley.MarkRead.$Properties} message MarkRead message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MarkRead.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MarkRead message from the specified reader or buffer.
         * @function decode
         * @memberof parley.MarkRead
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.MarkRead & parley.MarkRead.$Shape} MarkRead
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MarkRead.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.MarkRead();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MarkRead
         * @function getTypeUrl
         * @memberof parley.MarkRead
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MarkRead.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.MarkRead";
        };

        return MarkRead;
    })();

    parley.ReadState = (function() {

        /**
         * Properties of a ReadState.
         * @typedef {Object} parley.ReadState.$Properties
         * @property {string|null} [conversationId] ReadState conversationId
         * @property {string|null} [userId] ReadState userId
         * @property {number|null} [readSeq] ReadState readSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReadState.
         * @memberof parley
         * @interface IReadState
         * @augments parley.ReadState.$Properties
         * @deprecated Use parley.ReadState.$Properties instead.
         */

        /**
         * Shape of a ReadState.
         * @typedef {parley.ReadState.$Properties} parley.ReadState.$Shape
         */

        /**
         * Constructs a new ReadState.
         * @memberof parley
         * @classdesc Represents a ReadState.
         * @constructor
         * @param {parley.ReadState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReadState = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReadState conversationId.
         * @member {string} conversationId
         * @memberof parley.ReadState
         * @instance
         */
        ReadState.prototype.conversationId = "";

        /**
         * ReadState userId.
         * @member {string} userId
         * @memberof parley.ReadState
         * @instance
         */
        ReadState.prototype.userId = "";

        /**
         * ReadState readSeq.
         * @member {number} readSeq
         * @memberof parley.ReadState
         * @instance
         */
        ReadState.prototype.readSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified ReadState message. Does not implicitly {@link parley.ReadState.verify|verify} messages.
         * @function encode
         * @memberof parley.ReadState
         * @static
         * @param {parley.ReadState.$Properties} message ReadState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReadState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.userId);
            if (message.readSeq != null && $Object.hasOwnProperty.call(message, "readSeq") && (typeof message.readSeq === "object" ? message.readSeq.low || message.readSeq.high : message.readSeq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.readSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReadState message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ReadState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ReadState & parley.ReadState.$Shape} ReadState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReadState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ReadState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.readSeq = value;
                        else
                            delete message.readSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ReadState
         * @function getTypeUrl
         * @memberof parley.ReadState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ReadState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ReadState";
        };

        return ReadState;
    })();

    parley.Typing = (function() {

        /**
         * Properties of a Typing.
         * @typedef {Object} parley.Typing.$Properties
         * @property {string|null} [conversationId] Typing conversationId
         * @property {boolean|null} [typing] Typing typing
         * @property {string|null} [userId] Typing userId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Typing.
         * @memberof parley
         * @interface ITyping
         * @augments parley.Typing.$Properties
         * @deprecated Use parley.Typing.$Properties instead.
         */

        /**
         * Shape of a Typing.
         * @typedef {parley.Typing.$Properties} parley.Typing.$Shape
         */

        /**
         * Constructs a new Typing.
         * @memberof parley
         * @classdesc Represents a Typing.
         * @constructor
         * @param {parley.Typing.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Typing = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Typing conversationId.
         * @member {string} conversationId
         * @memberof parley.Typing
         * @instance
         */
        Typing.prototype.conversationId = "";

        /**
         * Typing typing.
         * @member {boolean} typing
         * @memberof parley.Typing
         * @instance
         */
        Typing.prototype.typing = false;

        /**
         * Typing userId.
         * @member {string} userId
         * @memberof parley.Typing
         * @instance
         */
        Typing.prototype.userId = "";

        /**
         * Encodes the specified Typing message. Does not implicitly {@link parley.Typing.verify|verify} messages.
         * @function encode
         * @memberof parley.Typing
         * @static
         * @param {parley.Typing.$Properties} message Typing message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Typing.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.typing != null && $Object.hasOwnProperty.call(message, "typing") && message.typing !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.typing);
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.userId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Typing message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Typing
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Typing & parley.Typing.$Shape} Typing
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Typing.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Typing();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.typing = value;
                        else
                            delete message.typing;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Typing
         * @function getTypeUrl
         * @memberof parley.Typing
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Typing.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Typing";
        };

        return Typing;
    })();

    parley.PresenceRequest = (function() {

        /**
         * Properties of a PresenceRequest.
         * @typedef {Object} parley.PresenceRequest.$Properties
         * @property {Array.<string>|null} [users] PresenceRequest users
         * @property {boolean|null} [subscribe] PresenceRequest subscribe
         * @property {string|null} [conversationId] PresenceRequest conversationId
         * @property {string|null} [after] PresenceRequest after
         * @property {number|null} [limit] PresenceRequest limit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PresenceRequest.
         * @memberof parley
         * @interface IPresenceRequest
         * @augments parley.PresenceRequest.$Properties
         * @deprecated Use parley.PresenceRequest.$Properties instead.
         */

        /**
         * Shape of a PresenceRequest.
         * @typedef {parley.PresenceRequest.$Properties} parley.PresenceRequest.$Shape
         */

        /**
         * Constructs a new PresenceRequest.
         * @memberof parley
         * @classdesc Represents a PresenceRequest.
         * @constructor
         * @param {parley.PresenceRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PresenceRequest = function (properties) {
            this.users = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PresenceRequest users.
         * @member {Array.<string>} users
         * @memberof parley.PresenceRequest
         * @instance
         */
        PresenceRequest.prototype.users = $util.emptyArray;

        /**
         * PresenceRequest subscribe.
         * @member {boolean} subscribe
         * @memberof parley.PresenceRequest
         * @instance
         */
        PresenceRequest.prototype.subscribe = false;

        /**
         * PresenceRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.PresenceRequest
         * @instance
         */
        PresenceRequest.prototype.conversationId = "";

        /**
         * PresenceRequest after.
         * @member {string} after
         * @memberof parley.PresenceRequest
         * @instance
         */
        PresenceRequest.prototype.after = "";

        /**
         * PresenceRequest limit.
         * @member {number} limit
         * @memberof parley.PresenceRequest
         * @instance
         */
        PresenceRequest.prototype.limit = 0;

        /**
         * Encodes the specified PresenceRequest message. Does not implicitly {@link parley.PresenceRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.PresenceRequest
         * @static
         * @param {parley.PresenceRequest.$Properties} message PresenceRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PresenceRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.users != null && message.users.length)
                for (let i = 0; i < message.users.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.users[i]);
            if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe") && message.subscribe !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.subscribe);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.conversationId);
            if (message.after != null && $Object.hasOwnProperty.call(message, "after") && message.after !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.after);
            if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.limit);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PresenceRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.PresenceRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.PresenceRequest & parley.PresenceRequest.$Shape} PresenceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PresenceRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.PresenceRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.users && message.users.length))
                            message.users = [];
                        message.users.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.subscribe = value;
                        else
                            delete message.subscribe;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.after = value;
                        else
                            delete message.after;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.limit = value;
                        else
                            delete message.limit;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PresenceRequest
         * @function getTypeUrl
         * @memberof parley.PresenceRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PresenceRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.PresenceRequest";
        };

        return PresenceRequest;
    })();

    parley.Presence = (function() {

        /**
         * Properties of a Presence.
         * @typedef {Object} parley.Presence.$Properties
         * @property {string|null} [userId] Presence userId
         * @property {boolean|null} [online] Presence online
         * @property {number|null} [lastSeen] Presence lastSeen
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Presence.
         * @memberof parley
         * @interface IPresence
         * @augments parley.Presence.$Properties
         * @deprecated Use parley.Presence.$Properties instead.
         */

        /**
         * Shape of a Presence.
         * @typedef {parley.Presence.$Properties} parley.Presence.$Shape
         */

        /**
         * Constructs a new Presence.
         * @memberof parley
         * @classdesc Represents a Presence.
         * @constructor
         * @param {parley.Presence.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Presence = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Presence userId.
         * @member {string} userId
         * @memberof parley.Presence
         * @instance
         */
        Presence.prototype.userId = "";

        /**
         * Presence online.
         * @member {boolean} online
         * @memberof parley.Presence
         * @instance
         */
        Presence.prototype.online = false;

        /**
         * Presence lastSeen.
         * @member {number} lastSeen
         * @memberof parley.Presence
         * @instance
         */
        Presence.prototype.lastSeen = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified Presence message. Does not implicitly {@link parley.Presence.verify|verify} messages.
         * @function encode
         * @memberof parley.Presence
         * @static
         * @param {parley.Presence.$Properties} message Presence message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Presence.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
            if (message.online != null && $Object.hasOwnProperty.call(message, "online") && message.online !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.online);
            if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen") && (typeof message.lastSeen === "object" ? message.lastSeen.low || message.lastSeen.high : message.lastSeen !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.lastSeen);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Presence message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Presence
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Presence & parley.Presence.$Shape} Presence
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Presence.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Presence();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.online = value;
                        else
                            delete message.online;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.lastSeen = value;
                        else
                            delete message.lastSeen;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Presence
         * @function getTypeUrl
         * @memberof parley.Presence
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Presence.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Presence";
        };

        return Presence;
    })();

    parley.PresenceResponse = (function() {

        /**
         * Properties of a PresenceResponse.
         * @typedef {Object} parley.PresenceResponse.$Properties
         * @property {Array.<parley.Presence.$Properties>|null} [users] PresenceResponse users
         * @property {string|null} [next] PresenceResponse next
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PresenceResponse.
         * @memberof parley
         * @interface IPresenceResponse
         * @augments parley.PresenceResponse.$Properties
         * @deprecated Use parley.PresenceResponse.$Properties instead.
         */

        /**
         * Shape of a PresenceResponse.
         * @typedef {parley.PresenceResponse.$Properties} parley.PresenceResponse.$Shape
         */

        /**
         * Constructs a new PresenceResponse.
         * @memberof parley
         * @classdesc Represents a PresenceResponse.
         * @constructor
         * @param {parley.PresenceResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PresenceResponse = function (properties) {
            this.users = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PresenceResponse users.
         * @member {Array.<parley.Presence.$Properties>} users
         * @memberof parley.PresenceResponse
         * @instance
         */
        PresenceResponse.prototype.users = $util.emptyArray;

        /**
         * PresenceResponse next.
         * @member {string} next
         * @memberof parley.PresenceResponse
         * @instance
         */
        PresenceResponse.prototype.next = "";

        /**
         * Encodes the specified PresenceResponse message. Does not implicitly {@link parley.PresenceResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.PresenceResponse
         * @static
         * @param {parley.PresenceResponse.$Properties} message PresenceResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PresenceResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.users != null && message.users.length)
                for (let i = 0; i < message.users.length; ++i)
                    $root.parley.Presence.encode(message.users[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.next != null && $Object.hasOwnProperty.call(message, "next") && message.next !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.next);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PresenceResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.PresenceResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.PresenceResponse & parley.PresenceResponse.$Shape} PresenceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PresenceResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.PresenceResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.users && message.users.length))
                            message.users = [];
                        message.users.push($root.parley.Presence.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.next = value;
                        else
                            delete message.next;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PresenceResponse
         * @function getTypeUrl
         * @memberof parley.PresenceResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PresenceResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.PresenceResponse";
        };

        return PresenceResponse;
    })();

    parley.MessageOp = (function() {

        /**
         * Properties of a MessageOp.
         * @typedef {Object} parley.MessageOp.$Properties
         * @property {number|null} [op] MessageOp op
         * @property {string|null} [conversationId] MessageOp conversationId
         * @property {number|null} [seq] MessageOp seq
         * @property {Uint8Array|null} [body] MessageOp body
         * @property {string|null} [clientMsgId] MessageOp clientMsgId
         * @property {string|null} [emoji] MessageOp emoji
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MessageOp.
         * @memberof parley
         * @interface IMessageOp
         * @augments parley.MessageOp.$Properties
         * @deprecated Use parley.MessageOp.$Properties instead.
         */

        /**
         * Shape of a MessageOp.
         * @typedef {parley.MessageOp.$Properties} parley.MessageOp.$Shape
         */

        /**
         * Constructs a new MessageOp.
         * @memberof parley
         * @classdesc Represents a MessageOp.
         * @constructor
         * @param {parley.MessageOp.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MessageOp = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MessageOp op.
         * @member {number} op
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.op = 0;

        /**
         * MessageOp conversationId.
         * @member {string} conversationId
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.conversationId = "";

        /**
         * MessageOp seq.
         * @member {number} seq
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * MessageOp body.
         * @member {Uint8Array} body
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.body = $util.newBuffer([]);

        /**
         * MessageOp clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.clientMsgId = "";

        /**
         * MessageOp emoji.
         * @member {string} emoji
         * @memberof parley.MessageOp
         * @instance
         */
        MessageOp.prototype.emoji = "";

        /**
         * Encodes the specified MessageOp message. Does not implicitly {@link parley.MessageOp.verify|verify} messages.
         * @function encode
         * @memberof parley.MessageOp
         * @static
         * @param {parley.MessageOp.$Properties} message MessageOp message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MessageOp.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.op);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
            if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.body);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.clientMsgId);
            if (message.emoji != null && $Object.hasOwnProperty.call(message, "emoji") && message.emoji !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.emoji);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MessageOp message from the specified reader or buffer.
         * @function decode
         * @memberof parley.MessageOp
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.MessageOp & parley.MessageOp.$Shape} MessageOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MessageOp.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.MessageOp();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.op = value;
                        else
                            delete message.op;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.body = value;
                        else
                            delete message.body;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.emoji = value;
                        else
                            delete message.emoji;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MessageOp
         * @function getTypeUrl
         * @memberof parley.MessageOp
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MessageOp.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.MessageOp";
        };

        return MessageOp;
    })();

    parley.GroupInfoRequest = (function() {

        /**
         * Properties of a GroupInfoRequest.
         * @typedef {Object} parley.GroupInfoRequest.$Properties
         * @property {string|null} [conversationId] GroupInfoRequest conversationId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GroupInfoRequest.
         * @memberof parley
         * @interface IGroupInfoRequest
         * @augments parley.GroupInfoRequest.$Properties
         * @deprecated Use parley.GroupInfoRequest.$Properties instead.
         */

        /**
         * Shape of a GroupInfoRequest.
         * @typedef {parley.GroupInfoRequest.$Properties} parley.GroupInfoRequest.$Shape
         */

        /**
         * Constructs a new GroupInfoRequest.
         * @memberof parley
         * @classdesc Represents a GroupInfoRequest.
         * @constructor
         * @param {parley.GroupInfoRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GroupInfoRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GroupInfoRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.GroupInfoRequest
         * @instance
         */
        GroupInfoRequest.prototype.conversationId = "";

        /**
         * Encodes the specified GroupInfoRequest message. Does not implicitly {@link parley.GroupInfoRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.GroupInfoRequest
         * @static
         * @param {parley.GroupInfoRequest.$Properties} message GroupInfoRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GroupInfoRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GroupInfoRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.GroupInfoRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.GroupInfoRequest & parley.GroupInfoRequest.$Shape} GroupInfoRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GroupInfoRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.GroupInfoRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for GroupInfoRequest
         * @function getTypeUrl
         * @memberof parley.GroupInfoRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GroupInfoRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.GroupInfoRequest";
        };

        return GroupInfoRequest;
    })();

    parley.GroupMember = (function() {

        /**
         * Properties of a GroupMember.
         * @typedef {Object} parley.GroupMember.$Properties
         * @property {string|null} [userId] GroupMember userId
         * @property {number|null} [role] GroupMember role
         * @property {number|null} [mutedUntil] GroupMember mutedUntil
         * @property {number|null} [joinSeq] GroupMember joinSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GroupMember.
         * @memberof parley
         * @interface IGroupMember
         * @augments parley.GroupMember.$Properties
         * @deprecated Use parley.GroupMember.$Properties instead.
         */

        /**
         * Shape of a GroupMember.
         * @typedef {parley.GroupMember.$Properties} parley.GroupMember.$Shape
         */

        /**
         * Constructs a new GroupMember.
         * @memberof parley
         * @classdesc Represents a GroupMember.
         * @constructor
         * @param {parley.GroupMember.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GroupMember = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GroupMember userId.
         * @member {string} userId
         * @memberof parley.GroupMember
         * @instance
         */
        GroupMember.prototype.userId = "";

        /**
         * GroupMember role.
         * @member {number} role
         * @memberof parley.GroupMember
         * @instance
         */
        GroupMember.prototype.role = 0;

        /**
         * GroupMember mutedUntil.
         * @member {number} mutedUntil
         * @memberof parley.GroupMember
         * @instance
         */
        GroupMember.prototype.mutedUntil = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * GroupMember joinSeq.
         * @member {number} joinSeq
         * @memberof parley.GroupMember
         * @instance
         */
        GroupMember.prototype.joinSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified GroupMember message. Does not implicitly {@link parley.GroupMember.verify|verify} messages.
         * @function encode
         * @memberof parley.GroupMember
         * @static
         * @param {parley.GroupMember.$Properties} message GroupMember message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GroupMember.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.role);
            if (message.mutedUntil != null && $Object.hasOwnProperty.call(message, "mutedUntil") && (typeof message.mutedUntil === "object" ? message.mutedUntil.low || message.mutedUntil.high : message.mutedUntil !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.mutedUntil);
            if (message.joinSeq != null && $Object.hasOwnProperty.call(message, "joinSeq") && (typeof message.joinSeq === "object" ? message.joinSeq.low || message.joinSeq.high : message.joinSeq !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.joinSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GroupMember message from the specified reader or buffer.
         * @function decode
         * @memberof parley.GroupMember
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.GroupMember & parley.GroupMember.$Shape} GroupMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GroupMember.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.GroupMember();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mutedUntil = value;
                        else
                            delete message.mutedUntil;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.joinSeq = value;
                        else
                            delete message.joinSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for GroupMember
         * @function getTypeUrl
         * @memberof parley.GroupMember
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GroupMember.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.GroupMember";
        };

        return GroupMember;
    })();

    parley.GroupInfo = (function() {

        /**
         * Properties of a GroupInfo.
         * @typedef {Object} parley.GroupInfo.$Properties
         * @property {string|null} [conversationId] GroupInfo conversationId
         * @property {string|null} [name] GroupInfo name
         * @property {string|null} [avatarUrl] GroupInfo avatarUrl
         * @property {string|null} [announcement] GroupInfo announcement
         * @property {boolean|null} [joinable] GroupInfo joinable
         * @property {boolean|null} [mutedAll] GroupInfo mutedAll
         * @property {boolean|null} [dismissed] GroupInfo dismissed
         * @property {number|null} [maxSeq] GroupInfo maxSeq
         * @property {Array.<parley.GroupMember.$Properties>|null} [members] GroupInfo members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GroupInfo.
         * @memberof parley
         * @interface IGroupInfo
         * @augments parley.GroupInfo.$Properties
         * @deprecated Use parley.GroupInfo.$Properties instead.
         */

        /**
         * Shape of a GroupInfo.
         * @typedef {parley.GroupInfo.$Properties} parley.GroupInfo.$Shape
         */

        /**
         * Constructs a new GroupInfo.
         * @memberof parley
         * @classdesc Represents a GroupInfo.
         * @constructor
         * @param {parley.GroupInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GroupInfo = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GroupInfo conversationId.
         * @member {string} conversationId
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.conversationId = "";

        /**
         * GroupInfo name.
         * @member {string} name
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.name = "";

        /**
         * GroupInfo avatarUrl.
         * @member {string} avatarUrl
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.avatarUrl = "";

        /**
         * GroupInfo announcement.
         * @member {string} announcement
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.announcement = "";

        /**
         * GroupInfo joinable.
         * @member {boolean} joinable
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.joinable = false;

        /**
         * GroupInfo mutedAll.
         * @member {boolean} mutedAll
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.mutedAll = false;

        /**
         * GroupInfo dismissed.
         * @member {boolean} dismissed
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.dismissed = false;

        /**
         * GroupInfo maxSeq.
         * @member {number} maxSeq
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.maxSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * GroupInfo members.
         * @member {Array.<parley.GroupMember.$Properties>} members
         * @memberof parley.GroupInfo
         * @instance
         */
        GroupInfo.prototype.members = $util.emptyArray;

        /**
         * Encodes the specified GroupInfo message. Does not implicitly {@link parley.GroupInfo.verify|verify} messages.
         * @function encode
         * @memberof parley.GroupInfo
         * @static
         * @param {parley.GroupInfo.$Properties} message GroupInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GroupInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
            if (message.avatarUrl != null && $Object.hasOwnProperty.call(message, "avatarUrl") && message.avatarUrl !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.avatarUrl);
            if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement") && message.announcement !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.announcement);
            if (message.joinable != null && $Object.hasOwnProperty.call(message, "joinable") && message.joinable !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.joinable);
            if (message.mutedAll != null && $Object.hasOwnProperty.call(message, "mutedAll") && message.mutedAll !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.mutedAll);
            if (message.dismissed != null && $Object.hasOwnProperty.call(message, "dismissed") && message.dismissed !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.dismissed);
            if (message.maxSeq != null && $Object.hasOwnProperty.call(message, "maxSeq") && (typeof message.maxSeq === "object" ? message.maxSeq.low || message.maxSeq.high : message.maxSeq !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.maxSeq);
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.parley.GroupMember.encode(message.members[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GroupInfo message from the specified reader or buffer.
         * @function decode
         * @memberof parley.GroupInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.GroupInfo & parley.GroupInfo.$Shape} GroupInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GroupInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.GroupInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.avatarUrl = value;
                        else
                            delete message.avatarUrl;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.announcement = value;
                        else
                            delete message.announcement;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.joinable = value;
                        else
                            delete message.joinable;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.mutedAll = value;
                        else
                            delete message.mutedAll;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.dismissed = value;
                        else
                            delete message.dismissed;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxSeq = value;
                        else
                            delete message.maxSeq;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.parley.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for GroupInfo
         * @function getTypeUrl
         * @memberof parley.GroupInfo
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GroupInfo.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.GroupInfo";
        };

        return GroupInfo;
    })();

    parley.FriendRequest = (function() {

        /**
         * Properties of a FriendRequest.
         * @typedef {Object} parley.FriendRequest.$Properties
         * @property {number|null} [op] FriendRequest op
         * @property {string|null} [userId] FriendRequest userId
         * @property {string|null} [note] FriendRequest note
         * @property {string|null} [clientMsgId] FriendRequest clientMsgId
         * @property {boolean|null} [allow] FriendRequest allow
         * @property {number|null} [groupAdds] FriendRequest groupAdds
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FriendRequest.
         * @memberof parley
         * @interface IFriendRequest
         * @augments parley.FriendRequest.$Properties
         * @deprecated Use parley.FriendRequest.$Properties instead.
         */

        /**
         * Shape of a FriendRequest.
         * @typedef {parley.FriendRequest.$Properties} parley.FriendRequest.$Shape
         */

        /**
         * Constructs a new FriendRequest.
         * @memberof parley
         * @classdesc Represents a FriendRequest.
         * @constructor
         * @param {parley.FriendRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FriendRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FriendRequest op.
         * @member {number} op
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.op = 0;

        /**
         * FriendRequest userId.
         * @member {string} userId
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.userId = "";

        /**
         * FriendRequest note.
         * @member {string} note
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.note = "";

        /**
         * FriendRequest clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.clientMsgId = "";

        /**
         * FriendRequest allow.
         * @member {boolean} allow
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.allow = false;

        /**
         * FriendRequest groupAdds.
         * @member {number} groupAdds
         * @memberof parley.FriendRequest
         * @instance
         */
        FriendRequest.prototype.groupAdds = 0;

        /**
         * Encodes the specified FriendRequest message. Does not implicitly {@link parley.FriendRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.FriendRequest
         * @static
         * @param {parley.FriendRequest.$Properties} message FriendRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FriendRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.op);
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.userId);
            if (message.note != null && $Object.hasOwnProperty.call(message, "note") && message.note !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.note);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.clientMsgId);
            if (message.allow != null && $Object.hasOwnProperty.call(message, "allow") && message.allow !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.allow);
            if (message.groupAdds != null && $Object.hasOwnProperty.call(message, "groupAdds") && message.groupAdds !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.groupAdds);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FriendRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.FriendRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.FriendRequest & parley.FriendRequest.$Shape} FriendRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FriendRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.FriendRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.op = value;
                        else
                            delete message.op;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.note = value;
                        else
                            delete message.note;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.allow = value;
                        else
                            delete message.allow;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.groupAdds = value;
                        else
                            delete message.groupAdds;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FriendRequest
         * @function getTypeUrl
         * @memberof parley.FriendRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FriendRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.FriendRequest";
        };

        return FriendRequest;
    })();

    parley.FriendResponse = (function() {

        /**
         * Properties of a FriendResponse.
         * @typedef {Object} parley.FriendResponse.$Properties
         * @property {boolean|null} [duplicate] FriendResponse duplicate
         * @property {Array.<parley.Message.$Properties>|null} [events] FriendResponse events
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FriendResponse.
         * @memberof parley
         * @interface IFriendResponse
         * @augments parley.FriendResponse.$Properties
         * @deprecated Use parley.FriendResponse.$Properties instead.
         */

        /**
         * Shape of a FriendResponse.
         * @typedef {parley.FriendResponse.$Properties} parley.FriendResponse.$Shape
         */

        /**
         * Constructs a new FriendResponse.
         * @memberof parley
         * @classdesc Represents a FriendResponse.
         * @constructor
         * @param {parley.FriendResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FriendResponse = function (properties) {
            this.events = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FriendResponse duplicate.
         * @member {boolean} duplicate
         * @memberof parley.FriendResponse
         * @instance
         */
        FriendResponse.prototype.duplicate = false;

        /**
         * FriendResponse events.
         * @member {Array.<parley.Message.$Properties>} events
         * @memberof parley.FriendResponse
         * @instance
         */
        FriendResponse.prototype.events = $util.emptyArray;

        /**
         * Encodes the specified FriendResponse message. Does not implicitly {@link parley.FriendResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.FriendResponse
         * @static
         * @param {parley.FriendResponse.$Properties} message FriendResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FriendResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.duplicate);
            if (message.events != null && message.events.length)
                for (let i = 0; i < message.events.length; ++i)
                    $root.parley.Message.encode(message.events[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FriendResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.FriendResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.FriendResponse & parley.FriendResponse.$Shape} FriendResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FriendResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.FriendResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.duplicate = value;
                        else
                            delete message.duplicate;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.events && message.events.length))
                            message.events = [];
                        message.events.push($root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FriendResponse
         * @function getTypeUrl
         * @memberof parley.FriendResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FriendResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.FriendResponse";
        };

        return FriendResponse;
    })();

    parley.FriendListRequest = (function() {

        /**
         * Properties of a FriendListRequest.
         * @typedef {Object} parley.FriendListRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FriendListRequest.
         * @memberof parley
         * @interface IFriendListRequest
         * @augments parley.FriendListRequest.$Properties
         * @deprecated Use parley.FriendListRequest.$Properties instead.
         */

        /**
         * Shape of a FriendListRequest.
         * @typedef {parley.FriendListRequest.$Properties} parley.FriendListRequest.$Shape
         */

        /**
         * Constructs a new FriendListRequest.
         * @memberof parley
         * @classdesc Represents a FriendListRequest.
         * @constructor
         * @param {parley.FriendListRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FriendListRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Encodes the specified FriendListRequest message. Does not implicitly {@link parley.FriendListRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.FriendListRequest
         * @static
         * @param {parley.FriendListRequest.$Properties} message FriendListRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FriendListRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FriendListRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.FriendListRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.FriendListRequest & parley.FriendListRequest.$Shape} FriendListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FriendListRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.FriendListRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FriendListRequest
         * @function getTypeUrl
         * @memberof parley.FriendListRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FriendListRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.FriendListRequest";
        };

        return FriendListRequest;
    })();

    parley.AccountsSessionsRequest = (function() {

        /**
         * Properties of an AccountsSessionsRequest.
         * @typedef {Object} parley.AccountsSessionsRequest.$Properties
         * @property {number|null} [op] AccountsSessionsRequest op
         * @property {string|null} [sessionId] AccountsSessionsRequest sessionId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AccountsSessionsRequest.
         * @memberof parley
         * @interface IAccountsSessionsRequest
         * @augments parley.AccountsSessionsRequest.$Properties
         * @deprecated Use parley.AccountsSessionsRequest.$Properties instead.
         */

        /**
         * Shape of an AccountsSessionsRequest.
         * @typedef {parley.AccountsSessionsRequest.$Properties} parley.AccountsSessionsRequest.$Shape
         */

        /**
         * Constructs a new AccountsSessionsRequest.
         * @memberof parley
         * @classdesc Represents an AccountsSessionsRequest.
         * @constructor
         * @param {parley.AccountsSessionsRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AccountsSessionsRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AccountsSessionsRequest op.
         * @member {number} op
         * @memberof parley.AccountsSessionsRequest
         * @instance
         */
        AccountsSessionsRequest.prototype.op = 0;

        /**
         * AccountsSessionsRequest sessionId.
         * @member {string} sessionId
         * @memberof parley.AccountsSessionsRequest
         * @instance
         */
        AccountsSessionsRequest.prototype.sessionId = "";

        /**
         * Encodes the specified AccountsSessionsRequest message. Does not implicitly {@link parley.AccountsSessionsRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.AccountsSessionsRequest
         * @static
         * @param {parley.AccountsSessionsRequest.$Properties} message AccountsSessionsRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AccountsSessionsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.op);
            if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.sessionId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AccountsSessionsRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.AccountsSessionsRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.AccountsSessionsRequest & parley.AccountsSessionsRequest.$Shape} AccountsSessionsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AccountsSessionsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.AccountsSessionsRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.op = value;
                        else
                            delete message.op;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sessionId = value;
                        else
                            delete message.sessionId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AccountsSessionsRequest
         * @function getTypeUrl
         * @memberof parley.AccountsSessionsRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AccountsSessionsRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.AccountsSessionsRequest";
        };

        return AccountsSessionsRequest;
    })();

    parley.AccountsSession = (function() {

        /**
         * Properties of an AccountsSession.
         * @typedef {Object} parley.AccountsSession.$Properties
         * @property {string|null} [sessionId] AccountsSession sessionId
         * @property {string|null} [device] AccountsSession device
         * @property {string|null} [address] AccountsSession address
         * @property {number|null} [createdAt] AccountsSession createdAt
         * @property {number|null} [lastSeen] AccountsSession lastSeen
         * @property {number|null} [expiresAt] AccountsSession expiresAt
         * @property {boolean|null} [current] AccountsSession current
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AccountsSession.
         * @memberof parley
         * @interface IAccountsSession
         * @augments parley.AccountsSession.$Properties
         * @deprecated Use parley.AccountsSession.$Properties instead.
         */

        /**
         * Shape of an AccountsSession.
         * @typedef {parley.AccountsSession.$Properties} parley.AccountsSession.$Shape
         */

        /**
         * Constructs a new AccountsSession.
         * @memberof parley
         * @classdesc Represents an AccountsSession.
         * @constructor
         * @param {parley.AccountsSession.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AccountsSession = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AccountsSession sessionId.
         * @member {string} sessionId
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.sessionId = "";

        /**
         * AccountsSession device.
         * @member {string} device
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.device = "";

        /**
         * AccountsSession address.
         * @member {string} address
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.address = "";

        /**
         * AccountsSession createdAt.
         * @member {number} createdAt
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AccountsSession lastSeen.
         * @member {number} lastSeen
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.lastSeen = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AccountsSession expiresAt.
         * @member {number} expiresAt
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AccountsSession current.
         * @member {boolean} current
         * @memberof parley.AccountsSession
         * @instance
         */
        AccountsSession.prototype.current = false;

        /**
         * Encodes the specified AccountsSession message. Does not implicitly {@link parley.AccountsSession.verify|verify} messages.
         * @function encode
         * @memberof parley.AccountsSession
         * @static
         * @param {parley.AccountsSession.$Properties} message AccountsSession message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AccountsSession.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
            if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.device);
            if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.address);
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.createdAt);
            if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen") && (typeof message.lastSeen === "object" ? message.lastSeen.low || message.lastSeen.high : message.lastSeen !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.lastSeen);
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.expiresAt);
            if (message.current != null && $Object.hasOwnProperty.call(message, "current") && message.current !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.current);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AccountsSession message from the specified reader or buffer.
         * @function decode
         * @memberof parley.AccountsSession
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.AccountsSession & parley.AccountsSession.$Shape} AccountsSession
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AccountsSession.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.AccountsSession();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sessionId = value;
                        else
                            delete message.sessionId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.address = value;
                        else
                            delete message.address;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.createdAt = value;
                        else
                            delete message.createdAt;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.lastSeen = value;
                        else
                            delete message.lastSeen;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.current = value;
                        else
                            delete message.current;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AccountsSession
         * @function getTypeUrl
         * @memberof parley.AccountsSession
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AccountsSession.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.AccountsSession";
        };

        return AccountsSession;
    })();

    parley.AccountsSessionsResponse = (function() {

        /**
         * Properties of an AccountsSessionsResponse.
         * @typedef {Object} parley.AccountsSessionsResponse.$Properties
         * @property {Array.<parley.AccountsSession.$Properties>|null} [sessions] AccountsSessionsResponse sessions
         * @property {Array.<string>|null} [revoked] AccountsSessionsResponse revoked
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AccountsSessionsResponse.
         * @memberof parley
         * @interface IAccountsSessionsResponse
         * @augments parley.AccountsSessionsResponse.$Properties
         * @deprecated Use parley.AccountsSessionsResponse.$Properties instead.
         */

        /**
         * Shape of an AccountsSessionsResponse.
         * @typedef {parley.AccountsSessionsResponse.$Properties} parley.AccountsSessionsResponse.$Shape
         */

        /**
         * Constructs a new AccountsSessionsResponse.
         * @memberof parley
         * @classdesc Represents an AccountsSessionsResponse.
         * @constructor
         * @param {parley.AccountsSessionsResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AccountsSessionsResponse = function (properties) {
            this.sessions = [];
            this.revoked = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AccountsSessionsResponse sessions.
         * @member {Array.<parley.AccountsSession.$Properties>} sessions
         * @memberof parley.AccountsSessionsResponse
         * @instance
         */
        AccountsSessionsResponse.prototype.sessions = $util.emptyArray;

        /**
         * AccountsSessionsResponse revoked.
         * @member {Array.<string>} revoked
         * @memberof parley.AccountsSessionsResponse
         * @instance
         */
        AccountsSessionsResponse.prototype.revoked = $util.emptyArray;

        /**
         * Encodes the specified AccountsSessionsResponse message. Does not implicitly {@link parley.AccountsSessionsResponse.verify|verify} messages.
         * @function encode
         * @memberof parley.AccountsSessionsResponse
         * @static
         * @param {parley.AccountsSessionsResponse.$Properties} message AccountsSessionsResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AccountsSessionsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sessions != null && message.sessions.length)
                for (let i = 0; i < message.sessions.length; ++i)
                    $root.parley.AccountsSession.encode(message.sessions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.revoked != null && message.revoked.length)
                for (let i = 0; i < message.revoked.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.revoked[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AccountsSessionsResponse message from the specified reader or buffer.
         * @function decode
         * @memberof parley.AccountsSessionsResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.AccountsSessionsResponse & parley.AccountsSessionsResponse.$Shape} AccountsSessionsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AccountsSessionsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.AccountsSessionsResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sessions && message.sessions.length))
                            message.sessions = [];
                        message.sessions.push($root.parley.AccountsSession.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.revoked && message.revoked.length))
                            message.revoked = [];
                        message.revoked.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AccountsSessionsResponse
         * @function getTypeUrl
         * @memberof parley.AccountsSessionsResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AccountsSessionsResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.AccountsSessionsResponse";
        };

        return AccountsSessionsResponse;
    })();

    parley.FriendEntry = (function() {

        /**
         * Properties of a FriendEntry.
         * @typedef {Object} parley.FriendEntry.$Properties
         * @property {string|null} [userId] FriendEntry userId
         * @property {string|null} [note] FriendEntry note
         * @property {number|null} [time] FriendEntry time
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FriendEntry.
         * @memberof parley
         * @interface IFriendEntry
         * @augments parley.FriendEntry.$Properties
         * @deprecated Use parley.FriendEntry.$Properties instead.
         */

        /**
         * Shape of a FriendEntry.
         * @typedef {parley.FriendEntry.$Properties} parley.FriendEntry.$Shape
         */

        /**
         * Constructs a new FriendEntry.
         * @memberof parley
         * @classdesc Represents a FriendEntry.
         * @constructor
         * @param {parley.FriendEntry.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FriendEntry = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FriendEntry userId.
         * @member {string} userId
         * @memberof parley.FriendEntry
         * @instance
         */
        FriendEntry.prototype.userId = "";

        /**
         * FriendEntry note.
         * @member {string} note
         * @memberof parley.FriendEntry
         * @instance
         */
        FriendEntry.prototype.note = "";

        /**
         * FriendEntry time.
         * @member {number} time
         * @memberof parley.FriendEntry
         * @instance
         */
        FriendEntry.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified FriendEntry message. Does not implicitly {@link parley.FriendEntry.verify|verify} messages.
         * @function encode
         * @memberof parley.FriendEntry
         * @static
         * @param {parley.FriendEntry.$Properties} message FriendEntry message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FriendEntry.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
            if (message.note != null && $Object.hasOwnProperty.call(message, "note") && message.note !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.note);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time") && (typeof message.time === "object" ? message.time.low || message.time.high : message.time !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.time);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FriendEntry message from the specified reader or buffer.
         * @function decode
         * @memberof parley.FriendEntry
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.FriendEntry & parley.FriendEntry.$Shape} FriendEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FriendEntry.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.FriendEntry();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.note = value;
                        else
                            delete message.note;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.time = value;
                        else
                            delete message.time;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FriendEntry
         * @function getTypeUrl
         * @memberof parley.FriendEntry
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FriendEntry.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.FriendEntry";
        };

        return FriendEntry;
    })();

    parley.FriendList = (function() {

        /**
         * Properties of a FriendList.
         * @typedef {Object} parley.FriendList.$Properties
         * @property {Array.<parley.FriendEntry.$Properties>|null} [friends] FriendList friends
         * @property {Array.<parley.FriendEntry.$Properties>|null} [incoming] FriendList incoming
         * @property {Array.<parley.FriendEntry.$Properties>|null} [outgoing] FriendList outgoing
         * @property {Array.<parley.FriendEntry.$Properties>|null} [blocked] FriendList blocked
         * @property {boolean|null} [allowStrangers] FriendList allowStrangers
         * @property {number|null} [groupAdds] FriendList groupAdds
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FriendList.
         * @memberof parley
         * @interface IFriendList
         * @augments parley.FriendList.$Properties
         * @deprecated Use parley.FriendList.$Properties instead.
         */

        /**
         * Shape of a FriendList.
         * @typedef {parley.FriendList.$Properties} parley.FriendList.$Shape
         */

        /**
         * Constructs a new FriendList.
         * @memberof parley
         * @classdesc Represents a FriendList.
         * @constructor
         * @param {parley.FriendList.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FriendList = function (properties) {
            this.friends = [];
            this.incoming = [];
            this.outgoing = [];
            this.blocked = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FriendList friends.
         * @member {Array.<parley.FriendEntry.$Properties>} friends
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.friends = $util.emptyArray;

        /**
         * FriendList incoming.
         * @member {Array.<parley.FriendEntry.$Properties>} incoming
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.incoming = $util.emptyArray;

        /**
         * FriendList outgoing.
         * @member {Array.<parley.FriendEntry.$Properties>} outgoing
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.outgoing = $util.emptyArray;

        /**
         * FriendList blocked.
         * @member {Array.<parley.FriendEntry.$Properties>} blocked
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.blocked = $util.emptyArray;

        /**
         * FriendList allowStrangers.
         * @member {boolean} allowStrangers
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.allowStrangers = false;

        /**
         * FriendList groupAdds.
         * @member {number} groupAdds
         * @memberof parley.FriendList
         * @instance
         */
        FriendList.prototype.groupAdds = 0;

        /**
         * Encodes the specified FriendList message. Does not implicitly {@link parley.FriendList.verify|verify} messages.
         * @function encode
         * @memberof parley.FriendList
         * @static
         * @param {parley.FriendList.$Properties} message FriendList message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FriendList.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.friends != null && message.friends.length)
                for (let i = 0; i < message.friends.length; ++i)
                    $root.parley.FriendEntry.encode(message.friends[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.incoming != null && message.incoming.length)
                for (let i = 0; i < message.incoming.length; ++i)
                    $root.parley.FriendEntry.encode(message.incoming[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.outgoing != null && message.outgoing.length)
                for (let i = 0; i < message.outgoing.length; ++i)
                    $root.parley.FriendEntry.encode(message.outgoing[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.blocked != null && message.blocked.length)
                for (let i = 0; i < message.blocked.length; ++i)
                    $root.parley.FriendEntry.encode(message.blocked[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.allowStrangers != null && $Object.hasOwnProperty.call(message, "allowStrangers") && message.allowStrangers !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.allowStrangers);
            if (message.groupAdds != null && $Object.hasOwnProperty.call(message, "groupAdds") && message.groupAdds !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.groupAdds);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FriendList message from the specified reader or buffer.
         * @function decode
         * @memberof parley.FriendList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.FriendList & parley.FriendList.$Shape} FriendList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FriendList.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.FriendList();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.friends && message.friends.length))
                            message.friends = [];
                        message.friends.push($root.parley.FriendEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.incoming && message.incoming.length))
                            message.incoming = [];
                        message.incoming.push($root.parley.FriendEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.outgoing && message.outgoing.length))
                            message.outgoing = [];
                        message.outgoing.push($root.parley.FriendEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.blocked && message.blocked.length))
                            message.blocked = [];
                        message.blocked.push($root.parley.FriendEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.allowStrangers = value;
                        else
                            delete message.allowStrangers;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.groupAdds = value;
                        else
                            delete message.groupAdds;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FriendList
         * @function getTypeUrl
         * @memberof parley.FriendList
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FriendList.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.FriendList";
        };

        return FriendList;
    })();

    parley.ConsentInvitationsRequest = (function() {

        /**
         * Properties of a ConsentInvitationsRequest.
         * @typedef {Object} parley.ConsentInvitationsRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentInvitationsRequest.
         * @memberof parley
         * @interface IConsentInvitationsRequest
         * @augments parley.ConsentInvitationsRequest.$Properties
         * @deprecated Use parley.ConsentInvitationsRequest.$Properties instead.
         */

        /**
         * Shape of a ConsentInvitationsRequest.
         * @typedef {parley.ConsentInvitationsRequest.$Properties} parley.ConsentInvitationsRequest.$Shape
         */

        /**
         * Constructs a new ConsentInvitationsRequest.
         * @memberof parley
         * @classdesc Represents a ConsentInvitationsRequest.
         * @constructor
         * @param {parley.ConsentInvitationsRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentInvitationsRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Encodes the specified ConsentInvitationsRequest message. Does not implicitly {@link parley.ConsentInvitationsRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentInvitationsRequest
         * @static
         * @param {parley.ConsentInvitationsRequest.$Properties} message ConsentInvitationsRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentInvitationsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentInvitationsRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentInvitationsRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentInvitationsRequest & parley.ConsentInvitationsRequest.$Shape} ConsentInvitationsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentInvitationsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentInvitationsRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentInvitationsRequest
         * @function getTypeUrl
         * @memberof parley.ConsentInvitationsRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentInvitationsRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentInvitationsRequest";
        };

        return ConsentInvitationsRequest;
    })();

    parley.ConsentInvitation = (function() {

        /**
         * Properties of a ConsentInvitation.
         * @typedef {Object} parley.ConsentInvitation.$Properties
         * @property {string|null} [conversationId] ConsentInvitation conversationId
         * @property {string|null} [name] ConsentInvitation name
         * @property {string|null} [inviter] ConsentInvitation inviter
         * @property {number|null} [time] ConsentInvitation time
         * @property {number|null} [expiresAt] ConsentInvitation expiresAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentInvitation.
         * @memberof parley
         * @interface IConsentInvitation
         * @augments parley.ConsentInvitation.$Properties
         * @deprecated Use parley.ConsentInvitation.$Properties instead.
         */

        /**
         * Shape of a ConsentInvitation.
         * @typedef {parley.ConsentInvitation.$Properties} parley.ConsentInvitation.$Shape
         */

        /**
         * Constructs a new ConsentInvitation.
         * @memberof parley
         * @classdesc Represents a ConsentInvitation.
         * @constructor
         * @param {parley.ConsentInvitation.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentInvitation = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsentInvitation conversationId.
         * @member {string} conversationId
         * @memberof parley.ConsentInvitation
         * @instance
         */
        ConsentInvitation.prototype.conversationId = "";

        /**
         * ConsentInvitation name.
         * @member {string} name
         * @memberof parley.ConsentInvitation
         * @instance
         */
        ConsentInvitation.prototype.name = "";

        /**
         * ConsentInvitation inviter.
         * @member {string} inviter
         * @memberof parley.ConsentInvitation
         * @instance
         */
        ConsentInvitation.prototype.inviter = "";

        /**
         * ConsentInvitation time.
         * @member {number} time
         * @memberof parley.ConsentInvitation
         * @instance
         */
        ConsentInvitation.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConsentInvitation expiresAt.
         * @member {number} expiresAt
         * @memberof parley.ConsentInvitation
         * @instance
         */
        ConsentInvitation.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified ConsentInvitation message. Does not implicitly {@link parley.ConsentInvitation.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentInvitation
         * @static
         * @param {parley.ConsentInvitation.$Properties} message ConsentInvitation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentInvitation.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
            if (message.inviter != null && $Object.hasOwnProperty.call(message, "inviter") && message.inviter !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.inviter);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time") && (typeof message.time === "object" ? message.time.low || message.time.high : message.time !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.time);
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.expiresAt);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentInvitation message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentInvitation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentInvitation & parley.ConsentInvitation.$Shape} ConsentInvitation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentInvitation.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentInvitation();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.inviter = value;
                        else
                            delete message.inviter;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.time = value;
                        else
                            delete message.time;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentInvitation
         * @function getTypeUrl
         * @memberof parley.ConsentInvitation
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentInvitation.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentInvitation";
        };

        return ConsentInvitation;
    })();

    parley.ConsentInvitations = (function() {

        /**
         * Properties of a ConsentInvitations.
         * @typedef {Object} parley.ConsentInvitations.$Properties
         * @property {Array.<parley.ConsentInvitation.$Properties>|null} [invitations] ConsentInvitations invitations
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentInvitations.
         * @memberof parley
         * @interface IConsentInvitations
         * @augments parley.ConsentInvitations.$Properties
         * @deprecated Use parley.ConsentInvitations.$Properties instead.
         */

        /**
         * Shape of a ConsentInvitations.
         * @typedef {parley.ConsentInvitations.$Properties} parley.ConsentInvitations.$Shape
         */

        /**
         * Constructs a new ConsentInvitations.
         * @memberof parley
         * @classdesc Represents a ConsentInvitations.
         * @constructor
         * @param {parley.ConsentInvitations.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentInvitations = function (properties) {
            this.invitations = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsentInvitations invitations.
         * @member {Array.<parley.ConsentInvitation.$Properties>} invitations
         * @memberof parley.ConsentInvitations
         * @instance
         */
        ConsentInvitations.prototype.invitations = $util.emptyArray;

        /**
         * Encodes the specified ConsentInvitations message. Does not implicitly {@link parley.ConsentInvitations.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentInvitations
         * @static
         * @param {parley.ConsentInvitations.$Properties} message ConsentInvitations message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentInvitations.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.invitations != null && message.invitations.length)
                for (let i = 0; i < message.invitations.length; ++i)
                    $root.parley.ConsentInvitation.encode(message.invitations[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentInvitations message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentInvitations
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentInvitations & parley.ConsentInvitations.$Shape} ConsentInvitations
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentInvitations.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentInvitations();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.invitations && message.invitations.length))
                            message.invitations = [];
                        message.invitations.push($root.parley.ConsentInvitation.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentInvitations
         * @function getTypeUrl
         * @memberof parley.ConsentInvitations
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentInvitations.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentInvitations";
        };

        return ConsentInvitations;
    })();

    parley.ConsentBansRequest = (function() {

        /**
         * Properties of a ConsentBansRequest.
         * @typedef {Object} parley.ConsentBansRequest.$Properties
         * @property {string|null} [conversationId] ConsentBansRequest conversationId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentBansRequest.
         * @memberof parley
         * @interface IConsentBansRequest
         * @augments parley.ConsentBansRequest.$Properties
         * @deprecated Use parley.ConsentBansRequest.$Properties instead.
         */

        /**
         * Shape of a ConsentBansRequest.
         * @typedef {parley.ConsentBansRequest.$Properties} parley.ConsentBansRequest.$Shape
         */

        /**
         * Constructs a new ConsentBansRequest.
         * @memberof parley
         * @classdesc Represents a ConsentBansRequest.
         * @constructor
         * @param {parley.ConsentBansRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentBansRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsentBansRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.ConsentBansRequest
         * @instance
         */
        ConsentBansRequest.prototype.conversationId = "";

        /**
         * Encodes the specified ConsentBansRequest message. Does not implicitly {@link parley.ConsentBansRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentBansRequest
         * @static
         * @param {parley.ConsentBansRequest.$Properties} message ConsentBansRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentBansRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentBansRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentBansRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentBansRequest & parley.ConsentBansRequest.$Shape} ConsentBansRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentBansRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentBansRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentBansRequest
         * @function getTypeUrl
         * @memberof parley.ConsentBansRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentBansRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentBansRequest";
        };

        return ConsentBansRequest;
    })();

    parley.ConsentBan = (function() {

        /**
         * Properties of a ConsentBan.
         * @typedef {Object} parley.ConsentBan.$Properties
         * @property {string|null} [userId] ConsentBan userId
         * @property {string|null} [bannedBy] ConsentBan bannedBy
         * @property {number|null} [time] ConsentBan time
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentBan.
         * @memberof parley
         * @interface IConsentBan
         * @augments parley.ConsentBan.$Properties
         * @deprecated Use parley.ConsentBan.$Properties instead.
         */

        /**
         * Shape of a ConsentBan.
         * @typedef {parley.ConsentBan.$Properties} parley.ConsentBan.$Shape
         */

        /**
         * Constructs a new ConsentBan.
         * @memberof parley
         * @classdesc Represents a ConsentBan.
         * @constructor
         * @param {parley.ConsentBan.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentBan = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsentBan userId.
         * @member {string} userId
         * @memberof parley.ConsentBan
         * @instance
         */
        ConsentBan.prototype.userId = "";

        /**
         * ConsentBan bannedBy.
         * @member {string} bannedBy
         * @memberof parley.ConsentBan
         * @instance
         */
        ConsentBan.prototype.bannedBy = "";

        /**
         * ConsentBan time.
         * @member {number} time
         * @memberof parley.ConsentBan
         * @instance
         */
        ConsentBan.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified ConsentBan message. Does not implicitly {@link parley.ConsentBan.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentBan
         * @static
         * @param {parley.ConsentBan.$Properties} message ConsentBan message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentBan.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
            if (message.bannedBy != null && $Object.hasOwnProperty.call(message, "bannedBy") && message.bannedBy !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.bannedBy);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time") && (typeof message.time === "object" ? message.time.low || message.time.high : message.time !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.time);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentBan message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentBan
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentBan & parley.ConsentBan.$Shape} ConsentBan
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentBan.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentBan();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.bannedBy = value;
                        else
                            delete message.bannedBy;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.time = value;
                        else
                            delete message.time;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentBan
         * @function getTypeUrl
         * @memberof parley.ConsentBan
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentBan.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentBan";
        };

        return ConsentBan;
    })();

    parley.ConsentBans = (function() {

        /**
         * Properties of a ConsentBans.
         * @typedef {Object} parley.ConsentBans.$Properties
         * @property {string|null} [conversationId] ConsentBans conversationId
         * @property {Array.<parley.ConsentBan.$Properties>|null} [bans] ConsentBans bans
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsentBans.
         * @memberof parley
         * @interface IConsentBans
         * @augments parley.ConsentBans.$Properties
         * @deprecated Use parley.ConsentBans.$Properties instead.
         */

        /**
         * Shape of a ConsentBans.
         * @typedef {parley.ConsentBans.$Properties} parley.ConsentBans.$Shape
         */

        /**
         * Constructs a new ConsentBans.
         * @memberof parley
         * @classdesc Represents a ConsentBans.
         * @constructor
         * @param {parley.ConsentBans.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsentBans = function (properties) {
            this.bans = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsentBans conversationId.
         * @member {string} conversationId
         * @memberof parley.ConsentBans
         * @instance
         */
        ConsentBans.prototype.conversationId = "";

        /**
         * ConsentBans bans.
         * @member {Array.<parley.ConsentBan.$Properties>} bans
         * @memberof parley.ConsentBans
         * @instance
         */
        ConsentBans.prototype.bans = $util.emptyArray;

        /**
         * Encodes the specified ConsentBans message. Does not implicitly {@link parley.ConsentBans.verify|verify} messages.
         * @function encode
         * @memberof parley.ConsentBans
         * @static
         * @param {parley.ConsentBans.$Properties} message ConsentBans message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsentBans.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.bans != null && message.bans.length)
                for (let i = 0; i < message.bans.length; ++i)
                    $root.parley.ConsentBan.encode(message.bans[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsentBans message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConsentBans
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConsentBans & parley.ConsentBans.$Shape} ConsentBans
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsentBans.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConsentBans();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.bans && message.bans.length))
                            message.bans = [];
                        message.bans.push($root.parley.ConsentBan.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConsentBans
         * @function getTypeUrl
         * @memberof parley.ConsentBans
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConsentBans.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConsentBans";
        };

        return ConsentBans;
    })();

    parley.ConversationSettings = (function() {

        /**
         * Properties of a ConversationSettings.
         * @typedef {Object} parley.ConversationSettings.$Properties
         * @property {string|null} [conversationId] ConversationSettings conversationId
         * @property {number|null} [fields] ConversationSettings fields
         * @property {boolean|null} [pinned] ConversationSettings pinned
         * @property {boolean|null} [muted] ConversationSettings muted
         * @property {string|null} [clientMsgId] ConversationSettings clientMsgId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConversationSettings.
         * @memberof parley
         * @interface IConversationSettings
         * @augments parley.ConversationSettings.$Properties
         * @deprecated Use parley.ConversationSettings.$Properties instead.
         */

        /**
         * Shape of a ConversationSettings.
         * @typedef {parley.ConversationSettings.$Properties} parley.ConversationSettings.$Shape
         */

        /**
         * Constructs a new ConversationSettings.
         * @memberof parley
         * @classdesc Represents a ConversationSettings.
         * @constructor
         * @param {parley.ConversationSettings.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConversationSettings = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConversationSettings conversationId.
         * @member {string} conversationId
         * @memberof parley.ConversationSettings
         * @instance
         */
        ConversationSettings.prototype.conversationId = "";

        /**
         * ConversationSettings fields.
         * @member {number} fields
         * @memberof parley.ConversationSettings
         * @instance
         */
        ConversationSettings.prototype.fields = 0;

        /**
         * ConversationSettings pinned.
         * @member {boolean} pinned
         * @memberof parley.ConversationSettings
         * @instance
         */
        ConversationSettings.prototype.pinned = false;

        /**
         * ConversationSettings muted.
         * @member {boolean} muted
         * @memberof parley.ConversationSettings
         * @instance
         */
        ConversationSettings.prototype.muted = false;

        /**
         * ConversationSettings clientMsgId.
         * @member {string} clientMsgId
         * @memberof parley.ConversationSettings
         * @instance
         */
        ConversationSettings.prototype.clientMsgId = "";

        /**
         * Encodes the specified ConversationSettings message. Does not implicitly {@link parley.ConversationSettings.verify|verify} messages.
         * @function encode
         * @memberof parley.ConversationSettings
         * @static
         * @param {parley.ConversationSettings.$Properties} message ConversationSettings message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConversationSettings.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.fields != null && $Object.hasOwnProperty.call(message, "fields") && message.fields !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.fields);
            if (message.pinned != null && $Object.hasOwnProperty.call(message, "pinned") && message.pinned !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.pinned);
            if (message.muted != null && $Object.hasOwnProperty.call(message, "muted") && message.muted !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.muted);
            if (message.clientMsgId != null && $Object.hasOwnProperty.call(message, "clientMsgId") && message.clientMsgId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.clientMsgId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConversationSettings message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ConversationSettings
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ConversationSettings & parley.ConversationSettings.$Shape} ConversationSettings
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConversationSettings.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ConversationSettings();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.fields = value;
                        else
                            delete message.fields;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.pinned = value;
                        else
                            delete message.pinned;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.muted = value;
                        else
                            delete message.muted;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clientMsgId = value;
                        else
                            delete message.clientMsgId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ConversationSettings
         * @function getTypeUrl
         * @memberof parley.ConversationSettings
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConversationSettings.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ConversationSettings";
        };

        return ConversationSettings;
    })();

    parley.ReadersRequest = (function() {

        /**
         * Properties of a ReadersRequest.
         * @typedef {Object} parley.ReadersRequest.$Properties
         * @property {string|null} [conversationId] ReadersRequest conversationId
         * @property {number|null} [seq] ReadersRequest seq
         * @property {number|null} [limit] ReadersRequest limit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReadersRequest.
         * @memberof parley
         * @interface IReadersRequest
         * @augments parley.ReadersRequest.$Properties
         * @deprecated Use parley.ReadersRequest.$Properties instead.
         */

        /**
         * Shape of a ReadersRequest.
         * @typedef {parley.ReadersRequest.$Properties} parley.ReadersRequest.$Shape
         */

        /**
         * Constructs a new ReadersRequest.
         * @memberof parley
         * @classdesc Represents a ReadersRequest.
         * @constructor
         * @param {parley.ReadersRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReadersRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReadersRequest conversationId.
         * @member {string} conversationId
         * @memberof parley.ReadersRequest
         * @instance
         */
        ReadersRequest.prototype.conversationId = "";

        /**
         * ReadersRequest seq.
         * @member {number} seq
         * @memberof parley.ReadersRequest
         * @instance
         */
        ReadersRequest.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ReadersRequest limit.
         * @member {number} limit
         * @memberof parley.ReadersRequest
         * @instance
         */
        ReadersRequest.prototype.limit = 0;

        /**
         * Encodes the specified ReadersRequest message. Does not implicitly {@link parley.ReadersRequest.verify|verify} messages.
         * @function encode
         * @memberof parley.ReadersRequest
         * @static
         * @param {parley.ReadersRequest.$Properties} message ReadersRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReadersRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.limit);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReadersRequest message from the specified reader or buffer.
         * @function decode
         * @memberof parley.ReadersRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.ReadersRequest & parley.ReadersRequest.$Shape} ReadersRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReadersRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.ReadersRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.limit = value;
                        else
                            delete message.limit;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ReadersRequest
         * @function getTypeUrl
         * @memberof parley.ReadersRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ReadersRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.ReadersRequest";
        };

        return ReadersRequest;
    })();

    parley.Readers = (function() {

        /**
         * Properties of a Readers.
         * @typedef {Object} parley.Readers.$Properties
         * @property {string|null} [conversationId] Readers conversationId
         * @property {number|null} [seq] Readers seq
         * @property {Array.<string>|null} [users] Readers users
         * @property {number|null} [readCount] Readers readCount
         * @property {number|null} [unreadCount] Readers unreadCount
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Readers.
         * @memberof parley
         * @interface IReaders
         * @augments parley.Readers.$Properties
         * @deprecated Use parley.Readers.$Properties instead.
         */

        /**
         * Shape of a Readers.
         * @typedef {parley.Readers.$Properties} parley.Readers.$Shape
         */

        /**
         * Constructs a new Readers.
         * @memberof parley
         * @classdesc Represents a Readers.
         * @constructor
         * @param {parley.Readers.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Readers = function (properties) {
            this.users = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Readers conversationId.
         * @member {string} conversationId
         * @memberof parley.Readers
         * @instance
         */
        Readers.prototype.conversationId = "";

        /**
         * Readers seq.
         * @member {number} seq
         * @memberof parley.Readers
         * @instance
         */
        Readers.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Readers users.
         * @member {Array.<string>} users
         * @memberof parley.Readers
         * @instance
         */
        Readers.prototype.users = $util.emptyArray;

        /**
         * Readers readCount.
         * @member {number} readCount
         * @memberof parley.Readers
         * @instance
         */
        Readers.prototype.readCount = 0;

        /**
         * Readers unreadCount.
         * @member {number} unreadCount
         * @memberof parley.Readers
         * @instance
         */
        Readers.prototype.unreadCount = 0;

        /**
         * Encodes the specified Readers message. Does not implicitly {@link parley.Readers.verify|verify} messages.
         * @function encode
         * @memberof parley.Readers
         * @static
         * @param {parley.Readers.$Properties} message Readers message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Readers.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.seq);
            if (message.users != null && message.users.length)
                for (let i = 0; i < message.users.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.users[i]);
            if (message.readCount != null && $Object.hasOwnProperty.call(message, "readCount") && message.readCount !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.readCount);
            if (message.unreadCount != null && $Object.hasOwnProperty.call(message, "unreadCount") && message.unreadCount !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.unreadCount);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Readers message from the specified reader or buffer.
         * @function decode
         * @memberof parley.Readers
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.Readers & parley.Readers.$Shape} Readers
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Readers.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.Readers();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.users && message.users.length))
                            message.users = [];
                        message.users.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.readCount = value;
                        else
                            delete message.readCount;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.unreadCount = value;
                        else
                            delete message.unreadCount;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Readers
         * @function getTypeUrl
         * @memberof parley.Readers
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Readers.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.Readers";
        };

        return Readers;
    })();

    parley.DeliveryState = (function() {

        /**
         * Properties of a DeliveryState.
         * @typedef {Object} parley.DeliveryState.$Properties
         * @property {string|null} [conversationId] DeliveryState conversationId
         * @property {string|null} [userId] DeliveryState userId
         * @property {number|null} [deliveredSeq] DeliveryState deliveredSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeliveryState.
         * @memberof parley
         * @interface IDeliveryState
         * @augments parley.DeliveryState.$Properties
         * @deprecated Use parley.DeliveryState.$Properties instead.
         */

        /**
         * Shape of a DeliveryState.
         * @typedef {parley.DeliveryState.$Properties} parley.DeliveryState.$Shape
         */

        /**
         * Constructs a new DeliveryState.
         * @memberof parley
         * @classdesc Represents a DeliveryState.
         * @constructor
         * @param {parley.DeliveryState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeliveryState = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeliveryState conversationId.
         * @member {string} conversationId
         * @memberof parley.DeliveryState
         * @instance
         */
        DeliveryState.prototype.conversationId = "";

        /**
         * DeliveryState userId.
         * @member {string} userId
         * @memberof parley.DeliveryState
         * @instance
         */
        DeliveryState.prototype.userId = "";

        /**
         * DeliveryState deliveredSeq.
         * @member {number} deliveredSeq
         * @memberof parley.DeliveryState
         * @instance
         */
        DeliveryState.prototype.deliveredSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Encodes the specified DeliveryState message. Does not implicitly {@link parley.DeliveryState.verify|verify} messages.
         * @function encode
         * @memberof parley.DeliveryState
         * @static
         * @param {parley.DeliveryState.$Properties} message DeliveryState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeliveryState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.userId);
            if (message.deliveredSeq != null && $Object.hasOwnProperty.call(message, "deliveredSeq") && (typeof message.deliveredSeq === "object" ? message.deliveredSeq.low || message.deliveredSeq.high : message.deliveredSeq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.deliveredSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeliveryState message from the specified reader or buffer.
         * @function decode
         * @memberof parley.DeliveryState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.DeliveryState & parley.DeliveryState.$Shape} DeliveryState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeliveryState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.DeliveryState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.userId = value;
                        else
                            delete message.userId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.deliveredSeq = value;
                        else
                            delete message.deliveredSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for DeliveryState
         * @function getTypeUrl
         * @memberof parley.DeliveryState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DeliveryState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.DeliveryState";
        };

        return DeliveryState;
    })();

    parley.VoiceStart = (function() {

        /**
         * Properties of a VoiceStart.
         * @typedef {Object} parley.VoiceStart.$Properties
         * @property {string|null} [conversationId] VoiceStart conversationId
         * @property {string|null} [mime] VoiceStart mime
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceStart.
         * @memberof parley
         * @interface IVoiceStart
         * @augments parley.VoiceStart.$Properties
         * @deprecated Use parley.VoiceStart.$Properties instead.
         */

        /**
         * Shape of a VoiceStart.
         * @typedef {parley.VoiceStart.$Properties} parley.VoiceStart.$Shape
         */

        /**
         * Constructs a new VoiceStart.
         * @memberof parley
         * @classdesc Represents a VoiceStart.
         * @constructor
         * @param {parley.VoiceStart.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceStart = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceStart conversationId.
         * @member {string} conversationId
         * @memberof parley.VoiceStart
         * @instance
         */
        VoiceStart.prototype.conversationId = "";

        /**
         * VoiceStart mime.
         * @member {string} mime
         * @memberof parley.VoiceStart
         * @instance
         */
        VoiceStart.prototype.mime = "";

        /**
         * Encodes the specified VoiceStart message. Does not implicitly {@link parley.VoiceStart.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceStart
         * @static
         * @param {parley.VoiceStart.$Properties} message VoiceStart message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceStart.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.conversationId);
            if (message.mime != null && $Object.hasOwnProperty.call(message, "mime") && message.mime !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.mime);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceStart message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceStart
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceStart & parley.VoiceStart.$Shape} VoiceStart
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceStart.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceStart();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mime = value;
                        else
                            delete message.mime;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceStart
         * @function getTypeUrl
         * @memberof parley.VoiceStart
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceStart.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceStart";
        };

        return VoiceStart;
    })();

    parley.VoiceState = (function() {

        /**
         * Properties of a VoiceState.
         * @typedef {Object} parley.VoiceState.$Properties
         * @property {string|null} [streamId] VoiceState streamId
         * @property {string|null} [conversationId] VoiceState conversationId
         * @property {number|null} [chunks] VoiceState chunks
         * @property {number|null} [bytes] VoiceState bytes
         * @property {number|null} [maxChunkBytes] VoiceState maxChunkBytes
         * @property {number|null} [maxBytes] VoiceState maxBytes
         * @property {number|null} [maxDurationMs] VoiceState maxDurationMs
         * @property {boolean|null} [cancelled] VoiceState cancelled
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceState.
         * @memberof parley
         * @interface IVoiceState
         * @augments parley.VoiceState.$Properties
         * @deprecated Use parley.VoiceState.$Properties instead.
         */

        /**
         * Shape of a VoiceState.
         * @typedef {parley.VoiceState.$Properties} parley.VoiceState.$Shape
         */

        /**
         * Constructs a new VoiceState.
         * @memberof parley
         * @classdesc Represents a VoiceState.
         * @constructor
         * @param {parley.VoiceState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceState = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceState streamId.
         * @member {string} streamId
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.streamId = "";

        /**
         * VoiceState conversationId.
         * @member {string} conversationId
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.conversationId = "";

        /**
         * VoiceState chunks.
         * @member {number} chunks
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.chunks = 0;

        /**
         * VoiceState bytes.
         * @member {number} bytes
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * VoiceState maxChunkBytes.
         * @member {number} maxChunkBytes
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.maxChunkBytes = 0;

        /**
         * VoiceState maxBytes.
         * @member {number} maxBytes
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.maxBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * VoiceState maxDurationMs.
         * @member {number} maxDurationMs
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.maxDurationMs = 0;

        /**
         * VoiceState cancelled.
         * @member {boolean} cancelled
         * @memberof parley.VoiceState
         * @instance
         */
        VoiceState.prototype.cancelled = false;

        /**
         * Encodes the specified VoiceState message. Does not implicitly {@link parley.VoiceState.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceState
         * @static
         * @param {parley.VoiceState.$Properties} message VoiceState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.conversationId);
            if (message.chunks != null && $Object.hasOwnProperty.call(message, "chunks") && message.chunks !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.chunks);
            if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && (typeof message.bytes === "object" ? message.bytes.low || message.bytes.high : message.bytes !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.bytes);
            if (message.maxChunkBytes != null && $Object.hasOwnProperty.call(message, "maxChunkBytes") && message.maxChunkBytes !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxChunkBytes);
            if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && (typeof message.maxBytes === "object" ? message.maxBytes.low || message.maxBytes.high : message.maxBytes !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.maxBytes);
            if (message.maxDurationMs != null && $Object.hasOwnProperty.call(message, "maxDurationMs") && message.maxDurationMs !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.maxDurationMs);
            if (message.cancelled != null && $Object.hasOwnProperty.call(message, "cancelled") && message.cancelled !== false)
                writer.uint32(/* id 8, wireType 0 =*/64).bool(message.cancelled);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceState message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceState & parley.VoiceState.$Shape} VoiceState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunks = value;
                        else
                            delete message.chunks;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytes = value;
                        else
                            delete message.bytes;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxChunkBytes = value;
                        else
                            delete message.maxChunkBytes;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxBytes = value;
                        else
                            delete message.maxBytes;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxDurationMs = value;
                        else
                            delete message.maxDurationMs;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.cancelled = value;
                        else
                            delete message.cancelled;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceState
         * @function getTypeUrl
         * @memberof parley.VoiceState
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceState";
        };

        return VoiceState;
    })();

    parley.VoiceChunk = (function() {

        /**
         * Properties of a VoiceChunk.
         * @typedef {Object} parley.VoiceChunk.$Properties
         * @property {string|null} [streamId] VoiceChunk streamId
         * @property {number|null} [index] VoiceChunk index
         * @property {Uint8Array|null} [data] VoiceChunk data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceChunk.
         * @memberof parley
         * @interface IVoiceChunk
         * @augments parley.VoiceChunk.$Properties
         * @deprecated Use parley.VoiceChunk.$Properties instead.
         */

        /**
         * Shape of a VoiceChunk.
         * @typedef {parley.VoiceChunk.$Properties} parley.VoiceChunk.$Shape
         */

        /**
         * Constructs a new VoiceChunk.
         * @memberof parley
         * @classdesc Represents a VoiceChunk.
         * @constructor
         * @param {parley.VoiceChunk.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceChunk = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceChunk streamId.
         * @member {string} streamId
         * @memberof parley.VoiceChunk
         * @instance
         */
        VoiceChunk.prototype.streamId = "";

        /**
         * VoiceChunk index.
         * @member {number} index
         * @memberof parley.VoiceChunk
         * @instance
         */
        VoiceChunk.prototype.index = 0;

        /**
         * VoiceChunk data.
         * @member {Uint8Array} data
         * @memberof parley.VoiceChunk
         * @instance
         */
        VoiceChunk.prototype.data = $util.newBuffer([]);

        /**
         * Encodes the specified VoiceChunk message. Does not implicitly {@link parley.VoiceChunk.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceChunk
         * @static
         * @param {parley.VoiceChunk.$Properties} message VoiceChunk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceChunk.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
            if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceChunk message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceChunk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceChunk & parley.VoiceChunk.$Shape} VoiceChunk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceChunk.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceChunk();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.index = value;
                        else
                            delete message.index;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.data = value;
                        else
                            delete message.data;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceChunk
         * @function getTypeUrl
         * @memberof parley.VoiceChunk
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceChunk.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceChunk";
        };

        return VoiceChunk;
    })();

    parley.VoiceChunkAck = (function() {

        /**
         * Properties of a VoiceChunkAck.
         * @typedef {Object} parley.VoiceChunkAck.$Properties
         * @property {string|null} [streamId] VoiceChunkAck streamId
         * @property {number|null} [index] VoiceChunkAck index
         * @property {boolean|null} [duplicate] VoiceChunkAck duplicate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceChunkAck.
         * @memberof parley
         * @interface IVoiceChunkAck
         * @augments parley.VoiceChunkAck.$Properties
         * @deprecated Use parley.VoiceChunkAck.$Properties instead.
         */

        /**
         * Shape of a VoiceChunkAck.
         * @typedef {parley.VoiceChunkAck.$Properties} parley.VoiceChunkAck.$Shape
         */

        /**
         * Constructs a new VoiceChunkAck.
         * @memberof parley
         * @classdesc Represents a VoiceChunkAck.
         * @constructor
         * @param {parley.VoiceChunkAck.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceChunkAck = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceChunkAck streamId.
         * @member {string} streamId
         * @memberof parley.VoiceChunkAck
         * @instance
         */
        VoiceChunkAck.prototype.streamId = "";

        /**
         * VoiceChunkAck index.
         * @member {number} index
         * @memberof parley.VoiceChunkAck
         * @instance
         */
        VoiceChunkAck.prototype.index = 0;

        /**
         * VoiceChunkAck duplicate.
         * @member {boolean} duplicate
         * @memberof parley.VoiceChunkAck
         * @instance
         */
        VoiceChunkAck.prototype.duplicate = false;

        /**
         * Encodes the specified VoiceChunkAck message. Does not implicitly {@link parley.VoiceChunkAck.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceChunkAck
         * @static
         * @param {parley.VoiceChunkAck.$Properties} message VoiceChunkAck message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceChunkAck.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
            if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.duplicate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceChunkAck message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceChunkAck
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceChunkAck & parley.VoiceChunkAck.$Shape} VoiceChunkAck
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceChunkAck.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceChunkAck();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.index = value;
                        else
                            delete message.index;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.duplicate = value;
                        else
                            delete message.duplicate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceChunkAck
         * @function getTypeUrl
         * @memberof parley.VoiceChunkAck
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceChunkAck.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceChunkAck";
        };

        return VoiceChunkAck;
    })();

    parley.VoiceEnd = (function() {

        /**
         * Properties of a VoiceEnd.
         * @typedef {Object} parley.VoiceEnd.$Properties
         * @property {string|null} [streamId] VoiceEnd streamId
         * @property {number|null} [chunkCount] VoiceEnd chunkCount
         * @property {number|null} [durationMs] VoiceEnd durationMs
         * @property {Uint8Array|null} [sha256] VoiceEnd sha256
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceEnd.
         * @memberof parley
         * @interface IVoiceEnd
         * @augments parley.VoiceEnd.$Properties
         * @deprecated Use parley.VoiceEnd.$Properties instead.
         */

        /**
         * Shape of a VoiceEnd.
         * @typedef {parley.VoiceEnd.$Properties} parley.VoiceEnd.$Shape
         */

        /**
         * Constructs a new VoiceEnd.
         * @memberof parley
         * @classdesc Represents a VoiceEnd.
         * @constructor
         * @param {parley.VoiceEnd.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceEnd = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceEnd streamId.
         * @member {string} streamId
         * @memberof parley.VoiceEnd
         * @instance
         */
        VoiceEnd.prototype.streamId = "";

        /**
         * VoiceEnd chunkCount.
         * @member {number} chunkCount
         * @memberof parley.VoiceEnd
         * @instance
         */
        VoiceEnd.prototype.chunkCount = 0;

        /**
         * VoiceEnd durationMs.
         * @member {number} durationMs
         * @memberof parley.VoiceEnd
         * @instance
         */
        VoiceEnd.prototype.durationMs = 0;

        /**
         * VoiceEnd sha256.
         * @member {Uint8Array} sha256
         * @memberof parley.VoiceEnd
         * @instance
         */
        VoiceEnd.prototype.sha256 = $util.newBuffer([]);

        /**
         * Encodes the specified VoiceEnd message. Does not implicitly {@link parley.VoiceEnd.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceEnd
         * @static
         * @param {parley.VoiceEnd.$Properties} message VoiceEnd message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceEnd.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount") && message.chunkCount !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.chunkCount);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.durationMs);
            if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.sha256);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceEnd message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceEnd
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceEnd & parley.VoiceEnd.$Shape} VoiceEnd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceEnd.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceEnd();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkCount = value;
                        else
                            delete message.chunkCount;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.sha256 = value;
                        else
                            delete message.sha256;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceEnd
         * @function getTypeUrl
         * @memberof parley.VoiceEnd
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceEnd.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceEnd";
        };

        return VoiceEnd;
    })();

    parley.VoiceEnded = (function() {

        /**
         * Properties of a VoiceEnded.
         * @typedef {Object} parley.VoiceEnded.$Properties
         * @property {parley.Message.$Properties|null} [message] VoiceEnded message
         * @property {boolean|null} [duplicate] VoiceEnded duplicate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceEnded.
         * @memberof parley
         * @interface IVoiceEnded
         * @augments parley.VoiceEnded.$Properties
         * @deprecated Use parley.VoiceEnded.$Properties instead.
         */

        /**
         * Shape of a VoiceEnded.
         * @typedef {parley.VoiceEnded.$Properties} parley.VoiceEnded.$Shape
         */

        /**
         * Constructs a new VoiceEnded.
         * @memberof parley
         * @classdesc Represents a VoiceEnded.
         * @constructor
         * @param {parley.VoiceEnded.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceEnded = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceEnded message.
         * @member {parley.Message.$Properties|null|undefined} message
         * @memberof parley.VoiceEnded
         * @instance
         */
        VoiceEnded.prototype.message = null;

        /**
         * VoiceEnded duplicate.
         * @member {boolean} duplicate
         * @memberof parley.VoiceEnded
         * @instance
         */
        VoiceEnded.prototype.duplicate = false;

        /**
         * Encodes the specified VoiceEnded message. Does not implicitly {@link parley.VoiceEnded.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceEnded
         * @static
         * @param {parley.VoiceEnded.$Properties} message VoiceEnded message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceEnded.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                $root.parley.Message.encode(message.message, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.duplicate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceEnded message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceEnded
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceEnded & parley.VoiceEnded.$Shape} VoiceEnded
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceEnded.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceEnded();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.message = $root.parley.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.duplicate = value;
                        else
                            delete message.duplicate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceEnded
         * @function getTypeUrl
         * @memberof parley.VoiceEnded
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceEnded.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceEnded";
        };

        return VoiceEnded;
    })();

    parley.VoiceCancel = (function() {

        /**
         * Properties of a VoiceCancel.
         * @typedef {Object} parley.VoiceCancel.$Properties
         * @property {string|null} [streamId] VoiceCancel streamId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceCancel.
         * @memberof parley
         * @interface IVoiceCancel
         * @augments parley.VoiceCancel.$Properties
         * @deprecated Use parley.VoiceCancel.$Properties instead.
         */

        /**
         * Shape of a VoiceCancel.
         * @typedef {parley.VoiceCancel.$Properties} parley.VoiceCancel.$Shape
         */

        /**
         * Constructs a new VoiceCancel.
         * @memberof parley
         * @classdesc Represents a VoiceCancel.
         * @constructor
         * @param {parley.VoiceCancel.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceCancel = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceCancel streamId.
         * @member {string} streamId
         * @memberof parley.VoiceCancel
         * @instance
         */
        VoiceCancel.prototype.streamId = "";

        /**
         * Encodes the specified VoiceCancel message. Does not implicitly {@link parley.VoiceCancel.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceCancel
         * @static
         * @param {parley.VoiceCancel.$Properties} message VoiceCancel message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceCancel.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceCancel message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceCancel
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceCancel & parley.VoiceCancel.$Shape} VoiceCancel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceCancel.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceCancel();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceCancel
         * @function getTypeUrl
         * @memberof parley.VoiceCancel
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceCancel.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceCancel";
        };

        return VoiceCancel;
    })();

    parley.VoicePush = (function() {

        /**
         * Properties of a VoicePush.
         * @typedef {Object} parley.VoicePush.$Properties
         * @property {string|null} [streamId] VoicePush streamId
         * @property {string|null} [conversationId] VoicePush conversationId
         * @property {string|null} [senderId] VoicePush senderId
         * @property {string|null} [mime] VoicePush mime
         * @property {number|null} [index] VoicePush index
         * @property {Uint8Array|null} [data] VoicePush data
         * @property {boolean|null} [ended] VoicePush ended
         * @property {number|null} [chunkCount] VoicePush chunkCount
         * @property {boolean|null} [cancelled] VoicePush cancelled
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoicePush.
         * @memberof parley
         * @interface IVoicePush
         * @augments parley.VoicePush.$Properties
         * @deprecated Use parley.VoicePush.$Properties instead.
         */

        /**
         * Shape of a VoicePush.
         * @typedef {parley.VoicePush.$Properties} parley.VoicePush.$Shape
         */

        /**
         * Constructs a new VoicePush.
         * @memberof parley
         * @classdesc Represents a VoicePush.
         * @constructor
         * @param {parley.VoicePush.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoicePush = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoicePush streamId.
         * @member {string} streamId
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.streamId = "";

        /**
         * VoicePush conversationId.
         * @member {string} conversationId
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.conversationId = "";

        /**
         * VoicePush senderId.
         * @member {string} senderId
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.senderId = "";

        /**
         * VoicePush mime.
         * @member {string} mime
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.mime = "";

        /**
         * VoicePush index.
         * @member {number} index
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.index = 0;

        /**
         * VoicePush data.
         * @member {Uint8Array} data
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.data = $util.newBuffer([]);

        /**
         * VoicePush ended.
         * @member {boolean} ended
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.ended = false;

        /**
         * VoicePush chunkCount.
         * @member {number} chunkCount
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.chunkCount = 0;

        /**
         * VoicePush cancelled.
         * @member {boolean} cancelled
         * @memberof parley.VoicePush
         * @instance
         */
        VoicePush.prototype.cancelled = false;

        /**
         * Encodes the specified VoicePush message. Does not implicitly {@link parley.VoicePush.verify|verify} messages.
         * @function encode
         * @memberof parley.VoicePush
         * @static
         * @param {parley.VoicePush.$Properties} message VoicePush message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoicePush.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.conversationId != null && $Object.hasOwnProperty.call(message, "conversationId") && message.conversationId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.conversationId);
            if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.senderId);
            if (message.mime != null && $Object.hasOwnProperty.call(message, "mime") && message.mime !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.mime);
            if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.index);
            if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.data);
            if (message.ended != null && $Object.hasOwnProperty.call(message, "ended") && message.ended !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.ended);
            if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount") && message.chunkCount !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.chunkCount);
            if (message.cancelled != null && $Object.hasOwnProperty.call(message, "cancelled") && message.cancelled !== false)
                writer.uint32(/* id 9, wireType 0 =*/72).bool(message.cancelled);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoicePush message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoicePush
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoicePush & parley.VoicePush.$Shape} VoicePush
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoicePush.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoicePush();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.conversationId = value;
                        else
                            delete message.conversationId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.senderId = value;
                        else
                            delete message.senderId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mime = value;
                        else
                            delete message.mime;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.index = value;
                        else
                            delete message.index;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.data = value;
                        else
                            delete message.data;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ended = value;
                        else
                            delete message.ended;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkCount = value;
                        else
                            delete message.chunkCount;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.cancelled = value;
                        else
                            delete message.cancelled;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoicePush
         * @function getTypeUrl
         * @memberof parley.VoicePush
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoicePush.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoicePush";
        };

        return VoicePush;
    })();

    parley.VoiceFetch = (function() {

        /**
         * Properties of a VoiceFetch.
         * @typedef {Object} parley.VoiceFetch.$Properties
         * @property {string|null} [streamId] VoiceFetch streamId
         * @property {number|null} [index] VoiceFetch index
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceFetch.
         * @memberof parley
         * @interface IVoiceFetch
         * @augments parley.VoiceFetch.$Properties
         * @deprecated Use parley.VoiceFetch.$Properties instead.
         */

        /**
         * Shape of a VoiceFetch.
         * @typedef {parley.VoiceFetch.$Properties} parley.VoiceFetch.$Shape
         */

        /**
         * Constructs a new VoiceFetch.
         * @memberof parley
         * @classdesc Represents a VoiceFetch.
         * @constructor
         * @param {parley.VoiceFetch.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceFetch = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceFetch streamId.
         * @member {string} streamId
         * @memberof parley.VoiceFetch
         * @instance
         */
        VoiceFetch.prototype.streamId = "";

        /**
         * VoiceFetch index.
         * @member {number} index
         * @memberof parley.VoiceFetch
         * @instance
         */
        VoiceFetch.prototype.index = 0;

        /**
         * Encodes the specified VoiceFetch message. Does not implicitly {@link parley.VoiceFetch.verify|verify} messages.
         * @function encode
         * @memberof parley.VoiceFetch
         * @static
         * @param {parley.VoiceFetch.$Properties} message VoiceFetch message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceFetch.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
            if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceFetch message from the specified reader or buffer.
         * @function decode
         * @memberof parley.VoiceFetch
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {parley.VoiceFetch & parley.VoiceFetch.$Shape} VoiceFetch
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceFetch.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.parley.VoiceFetch();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.index = value;
                        else
                            delete message.index;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VoiceFetch
         * @function getTypeUrl
         * @memberof parley.VoiceFetch
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VoiceFetch.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/parley.VoiceFetch";
        };

        return VoiceFetch;
    })();

    /**
     * MessageType enum.
     * @name parley.MessageType
     * @enum {number}
     * @property {number} MESSAGE_TYPE_UNSPECIFIED=0 MESSAGE_TYPE_UNSPECIFIED value
     * @property {number} MESSAGE_TYPE_TEXT=1 MESSAGE_TYPE_TEXT value
     * @property {number} MESSAGE_TYPE_CUSTOM=2 MESSAGE_TYPE_CUSTOM value
     * @property {number} MESSAGE_TYPE_IMAGE=3 MESSAGE_TYPE_IMAGE value
     * @property {number} MESSAGE_TYPE_FILE=4 MESSAGE_TYPE_FILE value
     * @property {number} MESSAGE_TYPE_VOICE=5 MESSAGE_TYPE_VOICE value
     * @property {number} MESSAGE_TYPE_VIDEO=6 MESSAGE_TYPE_VIDEO value
     * @property {number} MESSAGE_TYPE_MEMBERSHIP=100 MESSAGE_TYPE_MEMBERSHIP value
     * @property {number} MESSAGE_TYPE_RECALL=101 MESSAGE_TYPE_RECALL value
     * @property {number} MESSAGE_TYPE_EDIT=102 MESSAGE_TYPE_EDIT value
     * @property {number} MESSAGE_TYPE_FRIEND=103 MESSAGE_TYPE_FRIEND value
     * @property {number} MESSAGE_TYPE_REACTION=104 MESSAGE_TYPE_REACTION value
     * @property {number} MESSAGE_TYPE_HISTORY=105 MESSAGE_TYPE_HISTORY value
     * @property {number} MESSAGE_TYPE_SETTINGS=106 MESSAGE_TYPE_SETTINGS value
     */
    parley.MessageType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "MESSAGE_TYPE_UNSPECIFIED"] = 0;
        values[valuesById[1] = "MESSAGE_TYPE_TEXT"] = 1;
        values[valuesById[2] = "MESSAGE_TYPE_CUSTOM"] = 2;
        values[valuesById[3] = "MESSAGE_TYPE_IMAGE"] = 3;
        values[valuesById[4] = "MESSAGE_TYPE_FILE"] = 4;
        values[valuesById[5] = "MESSAGE_TYPE_VOICE"] = 5;
        values[valuesById[6] = "MESSAGE_TYPE_VIDEO"] = 6;
        values[valuesById[100] = "MESSAGE_TYPE_MEMBERSHIP"] = 100;
        values[valuesById[101] = "MESSAGE_TYPE_RECALL"] = 101;
        values[valuesById[102] = "MESSAGE_TYPE_EDIT"] = 102;
        values[valuesById[103] = "MESSAGE_TYPE_FRIEND"] = 103;
        values[valuesById[104] = "MESSAGE_TYPE_REACTION"] = 104;
        values[valuesById[105] = "MESSAGE_TYPE_HISTORY"] = 105;
        values[valuesById[106] = "MESSAGE_TYPE_SETTINGS"] = 106;
        return values;
    })();

    /**
     * MessageFlag enum.
     * @name parley.MessageFlag
     * @enum {number}
     * @property {number} MESSAGE_FLAG_NONE=0 MESSAGE_FLAG_NONE value
     * @property {number} MESSAGE_FLAG_RECALLED=1 MESSAGE_FLAG_RECALLED value
     * @property {number} MESSAGE_FLAG_EDITED=2 MESSAGE_FLAG_EDITED value
     */
    parley.MessageFlag = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "MESSAGE_FLAG_NONE"] = 0;
        values[valuesById[1] = "MESSAGE_FLAG_RECALLED"] = 1;
        values[valuesById[2] = "MESSAGE_FLAG_EDITED"] = 2;
        return values;
    })();

    /**
     * MessageOpKind enum.
     * @name parley.MessageOpKind
     * @enum {number}
     * @property {number} MESSAGE_OP_KIND_UNSPECIFIED=0 MESSAGE_OP_KIND_UNSPECIFIED value
     * @property {number} MESSAGE_OP_KIND_RECALL=1 MESSAGE_OP_KIND_RECALL value
     * @property {number} MESSAGE_OP_KIND_EDIT=2 MESSAGE_OP_KIND_EDIT value
     * @property {number} MESSAGE_OP_KIND_REACT=3 MESSAGE_OP_KIND_REACT value
     * @property {number} MESSAGE_OP_KIND_UNREACT=4 MESSAGE_OP_KIND_UNREACT value
     * @property {number} MESSAGE_OP_KIND_HIDE=5 MESSAGE_OP_KIND_HIDE value
     * @property {number} MESSAGE_OP_KIND_CLEAR=6 MESSAGE_OP_KIND_CLEAR value
     */
    parley.MessageOpKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "MESSAGE_OP_KIND_UNSPECIFIED"] = 0;
        values[valuesById[1] = "MESSAGE_OP_KIND_RECALL"] = 1;
        values[valuesById[2] = "MESSAGE_OP_KIND_EDIT"] = 2;
        values[valuesById[3] = "MESSAGE_OP_KIND_REACT"] = 3;
        values[valuesById[4] = "MESSAGE_OP_KIND_UNREACT"] = 4;
        values[valuesById[5] = "MESSAGE_OP_KIND_HIDE"] = 5;
        values[valuesById[6] = "MESSAGE_OP_KIND_CLEAR"] = 6;
        return values;
    })();

    /**
     * ConversationKind enum.
     * @name parley.ConversationKind
     * @enum {number}
     * @property {number} CONVERSATION_KIND_UNSPECIFIED=0 CONVERSATION_KIND_UNSPECIFIED value
     * @property {number} CONVERSATION_KIND_DIRECT=1 CONVERSATION_KIND_DIRECT value
     * @property {number} CONVERSATION_KIND_GROUP=2 CONVERSATION_KIND_GROUP value
     * @property {number} CONVERSATION_KIND_NOTICES=3 CONVERSATION_KIND_NOTICES value
     */
    parley.ConversationKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "CONVERSATION_KIND_UNSPECIFIED"] = 0;
        values[valuesById[1] = "CONVERSATION_KIND_DIRECT"] = 1;
        values[valuesById[2] = "CONVERSATION_KIND_GROUP"] = 2;
        values[valuesById[3] = "CONVERSATION_KIND_NOTICES"] = 3;
        return values;
    })();

    /**
     * ConversationSetting enum.
     * @name parley.ConversationSetting
     * @enum {number}
     * @property {number} CONVERSATION_SETTING_NONE=0 CONVERSATION_SETTING_NONE value
     * @property {number} CONVERSATION_SETTING_PINNED=1 CONVERSATION_SETTING_PINNED value
     * @property {number} CONVERSATION_SETTING_MUTED=2 CONVERSATION_SETTING_MUTED value
     */
    parley.ConversationSetting = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "CONVERSATION_SETTING_NONE"] = 0;
        values[valuesById[1] = "CONVERSATION_SETTING_PINNED"] = 1;
        values[valuesById[2] = "CONVERSATION_SETTING_MUTED"] = 2;
        return values;
    })();

    /**
     * AccountsSessionOp enum.
     * @name parley.AccountsSessionOp
     * @enum {number}
     * @property {number} ACCOUNTS_SESSION_OP_UNSPECIFIED=0 ACCOUNTS_SESSION_OP_UNSPECIFIED value
     * @property {number} ACCOUNTS_SESSION_OP_LIST=1 ACCOUNTS_SESSION_OP_LIST value
     * @property {number} ACCOUNTS_SESSION_OP_REVOKE=2 ACCOUNTS_SESSION_OP_REVOKE value
     * @property {number} ACCOUNTS_SESSION_OP_REVOKE_OTHERS=3 ACCOUNTS_SESSION_OP_REVOKE_OTHERS value
     */
    parley.AccountsSessionOp = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "ACCOUNTS_SESSION_OP_UNSPECIFIED"] = 0;
        values[valuesById[1] = "ACCOUNTS_SESSION_OP_LIST"] = 1;
        values[valuesById[2] = "ACCOUNTS_SESSION_OP_REVOKE"] = 2;
        values[valuesById[3] = "ACCOUNTS_SESSION_OP_REVOKE_OTHERS"] = 3;
        return values;
    })();

    /**
     * FriendOp enum.
     * @name parley.FriendOp
     * @enum {number}
     * @property {number} FRIEND_OP_UNSPECIFIED=0 FRIEND_OP_UNSPECIFIED value
     * @property {number} FRIEND_OP_REQUEST=1 FRIEND_OP_REQUEST value
     * @property {number} FRIEND_OP_ACCEPT=2 FRIEND_OP_ACCEPT value
     * @property {number} FRIEND_OP_REJECT=3 FRIEND_OP_REJECT value
     * @property {number} FRIEND_OP_REMOVE=4 FRIEND_OP_REMOVE value
     * @property {number} FRIEND_OP_BLOCK=5 FRIEND_OP_BLOCK value
     * @property {number} FRIEND_OP_UNBLOCK=6 FRIEND_OP_UNBLOCK value
     * @property {number} FRIEND_OP_ALLOW_STRANGERS=7 FRIEND_OP_ALLOW_STRANGERS value
     * @property {number} FRIEND_OP_GROUP_ADDS=8 FRIEND_OP_GROUP_ADDS value
     */
    parley.FriendOp = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "FRIEND_OP_UNSPECIFIED"] = 0;
        values[valuesById[1] = "FRIEND_OP_REQUEST"] = 1;
        values[valuesById[2] = "FRIEND_OP_ACCEPT"] = 2;
        values[valuesById[3] = "FRIEND_OP_REJECT"] = 3;
        values[valuesById[4] = "FRIEND_OP_REMOVE"] = 4;
        values[valuesById[5] = "FRIEND_OP_BLOCK"] = 5;
        values[valuesById[6] = "FRIEND_OP_UNBLOCK"] = 6;
        values[valuesById[7] = "FRIEND_OP_ALLOW_STRANGERS"] = 7;
        values[valuesById[8] = "FRIEND_OP_GROUP_ADDS"] = 8;
        return values;
    })();

    /**
     * GroupAdds enum.
     * @name parley.GroupAdds
     * @enum {number}
     * @property {number} GROUP_ADDS_DEFAULT=0 GROUP_ADDS_DEFAULT value
     * @property {number} GROUP_ADDS_ANYONE=1 GROUP_ADDS_ANYONE value
     * @property {number} GROUP_ADDS_FRIENDS=2 GROUP_ADDS_FRIENDS value
     * @property {number} GROUP_ADDS_NOBODY=3 GROUP_ADDS_NOBODY value
     */
    parley.GroupAdds = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "GROUP_ADDS_DEFAULT"] = 0;
        values[valuesById[1] = "GROUP_ADDS_ANYONE"] = 1;
        values[valuesById[2] = "GROUP_ADDS_FRIENDS"] = 2;
        values[valuesById[3] = "GROUP_ADDS_NOBODY"] = 3;
        return values;
    })();

    /**
     * GroupOp enum.
     * @name parley.GroupOp
     * @enum {number}
     * @property {number} GROUP_OP_UNSPECIFIED=0 GROUP_OP_UNSPECIFIED value
     * @property {number} GROUP_OP_CREATE=1 GROUP_OP_CREATE value
     * @property {number} GROUP_OP_INVITE=2 GROUP_OP_INVITE value
     * @property {number} GROUP_OP_KICK=3 GROUP_OP_KICK value
     * @property {number} GROUP_OP_LEAVE=4 GROUP_OP_LEAVE value
     * @property {number} GROUP_OP_INFO=5 GROUP_OP_INFO value
     * @property {number} GROUP_OP_SET_ROLE=6 GROUP_OP_SET_ROLE value
     * @property {number} GROUP_OP_TRANSFER=7 GROUP_OP_TRANSFER value
     * @property {number} GROUP_OP_DISMISS=8 GROUP_OP_DISMISS value
     * @property {number} GROUP_OP_MUTE=9 GROUP_OP_MUTE value
     * @property {number} GROUP_OP_MUTE_ALL=10 GROUP_OP_MUTE_ALL value
     * @property {number} GROUP_OP_JOIN=11 GROUP_OP_JOIN value
     * @property {number} GROUP_OP_ACCEPT_INVITATION=12 GROUP_OP_ACCEPT_INVITATION value
     * @property {number} GROUP_OP_DECLINE_INVITATION=13 GROUP_OP_DECLINE_INVITATION value
     * @property {number} GROUP_OP_BAN=14 GROUP_OP_BAN value
     * @property {number} GROUP_OP_UNBAN=15 GROUP_OP_UNBAN value
     */
    parley.GroupOp = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "GROUP_OP_UNSPECIFIED"] = 0;
        values[valuesById[1] = "GROUP_OP_CREATE"] = 1;
        values[valuesById[2] = "GROUP_OP_INVITE"] = 2;
        values[valuesById[3] = "GROUP_OP_KICK"] = 3;
        values[valuesById[4] = "GROUP_OP_LEAVE"] = 4;
        values[valuesById[5] = "GROUP_OP_INFO"] = 5;
        values[valuesById[6] = "GROUP_OP_SET_ROLE"] = 6;
        values[valuesById[7] = "GROUP_OP_TRANSFER"] = 7;
        values[valuesById[8] = "GROUP_OP_DISMISS"] = 8;
        values[valuesById[9] = "GROUP_OP_MUTE"] = 9;
        values[valuesById[10] = "GROUP_OP_MUTE_ALL"] = 10;
        values[valuesById[11] = "GROUP_OP_JOIN"] = 11;
        values[valuesById[12] = "GROUP_OP_ACCEPT_INVITATION"] = 12;
        values[valuesById[13] = "GROUP_OP_DECLINE_INVITATION"] = 13;
        values[valuesById[14] = "GROUP_OP_BAN"] = 14;
        values[valuesById[15] = "GROUP_OP_UNBAN"] = 15;
        return values;
    })();

    /**
     * GroupRole enum.
     * @name parley.GroupRole
     * @enum {number}
     * @property {number} GROUP_ROLE_UNSPECIFIED=0 GROUP_ROLE_UNSPECIFIED value
     * @property {number} GROUP_ROLE_OWNER=1 GROUP_ROLE_OWNER value
     * @property {number} GROUP_ROLE_ADMIN=2 GROUP_ROLE_ADMIN value
     * @property {number} GROUP_ROLE_MEMBER=3 GROUP_ROLE_MEMBER value
     */
    parley.GroupRole = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "GROUP_ROLE_UNSPECIFIED"] = 0;
        values[valuesById[1] = "GROUP_ROLE_OWNER"] = 1;
        values[valuesById[2] = "GROUP_ROLE_ADMIN"] = 2;
        values[valuesById[3] = "GROUP_ROLE_MEMBER"] = 3;
        return values;
    })();

    /**
     * GroupInfoField enum.
     * @name parley.GroupInfoField
     * @enum {number}
     * @property {number} GROUP_INFO_FIELD_NONE=0 GROUP_INFO_FIELD_NONE value
     * @property {number} GROUP_INFO_FIELD_NAME=1 GROUP_INFO_FIELD_NAME value
     * @property {number} GROUP_INFO_FIELD_AVATAR_URL=2 GROUP_INFO_FIELD_AVATAR_URL value
     * @property {number} GROUP_INFO_FIELD_ANNOUNCEMENT=4 GROUP_INFO_FIELD_ANNOUNCEMENT value
     * @property {number} GROUP_INFO_FIELD_JOINABLE=8 GROUP_INFO_FIELD_JOINABLE value
     */
    parley.GroupInfoField = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "GROUP_INFO_FIELD_NONE"] = 0;
        values[valuesById[1] = "GROUP_INFO_FIELD_NAME"] = 1;
        values[valuesById[2] = "GROUP_INFO_FIELD_AVATAR_URL"] = 2;
        values[valuesById[4] = "GROUP_INFO_FIELD_ANNOUNCEMENT"] = 4;
        values[valuesById[8] = "GROUP_INFO_FIELD_JOINABLE"] = 8;
        return values;
    })();

    /**
     * CloseCode enum.
     * @name parley.CloseCode
     * @enum {number}
     * @property {number} CLOSE_CODE_UNSPECIFIED=0 CLOSE_CODE_UNSPECIFIED value
     * @property {number} CLOSE_CODE_NORMAL=1000 CLOSE_CODE_NORMAL value
     * @property {number} CLOSE_CODE_GOING_AWAY=1001 CLOSE_CODE_GOING_AWAY value
     * @property {number} CLOSE_CODE_PROTOCOL_ERROR=4000 CLOSE_CODE_PROTOCOL_ERROR value
     * @property {number} CLOSE_CODE_AUTH_FAILED=4001 CLOSE_CODE_AUTH_FAILED value
     * @property {number} CLOSE_CODE_AUTH_TIMEOUT=4002 CLOSE_CODE_AUTH_TIMEOUT value
     * @property {number} CLOSE_CODE_FRAME_TOO_LARGE=4003 CLOSE_CODE_FRAME_TOO_LARGE value
     * @property {number} CLOSE_CODE_HEARTBEAT_TIMEOUT=4004 CLOSE_CODE_HEARTBEAT_TIMEOUT value
     * @property {number} CLOSE_CODE_SLOW_CONSUMER=4005 CLOSE_CODE_SLOW_CONSUMER value
     * @property {number} CLOSE_CODE_KICKED=4006 CLOSE_CODE_KICKED value
     * @property {number} CLOSE_CODE_DRAINING=4007 CLOSE_CODE_DRAINING value
     * @property {number} CLOSE_CODE_REPLACED=4008 CLOSE_CODE_REPLACED value
     */
    parley.CloseCode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "CLOSE_CODE_UNSPECIFIED"] = 0;
        values[valuesById[1000] = "CLOSE_CODE_NORMAL"] = 1000;
        values[valuesById[1001] = "CLOSE_CODE_GOING_AWAY"] = 1001;
        values[valuesById[4000] = "CLOSE_CODE_PROTOCOL_ERROR"] = 4000;
        values[valuesById[4001] = "CLOSE_CODE_AUTH_FAILED"] = 4001;
        values[valuesById[4002] = "CLOSE_CODE_AUTH_TIMEOUT"] = 4002;
        values[valuesById[4003] = "CLOSE_CODE_FRAME_TOO_LARGE"] = 4003;
        values[valuesById[4004] = "CLOSE_CODE_HEARTBEAT_TIMEOUT"] = 4004;
        values[valuesById[4005] = "CLOSE_CODE_SLOW_CONSUMER"] = 4005;
        values[valuesById[4006] = "CLOSE_CODE_KICKED"] = 4006;
        values[valuesById[4007] = "CLOSE_CODE_DRAINING"] = 4007;
        values[valuesById[4008] = "CLOSE_CODE_REPLACED"] = 4008;
        return values;
    })();

    return parley;
})();

export {
  $root as default
};
