import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace parley. */
export namespace parley {

    /**
     * Properties of a Frame.
     * @deprecated Use parley.Frame.$Properties instead.
     */
    interface IFrame extends parley.Frame.$Properties {
    }

    /** Represents a Frame. */
    class Frame {

        /**
         * Constructs a new Frame.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Frame.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Frame id. */
        id: number;

        /** Frame auth. */
        auth?: (parley.Auth.$Properties|null);

        /** Frame authOk. */
        authOk?: (parley.AuthOk.$Properties|null);

        /** Frame send. */
        send?: (parley.Send.$Properties|null);

        /** Frame sendAck. */
        sendAck?: (parley.SendAck.$Properties|null);

        /** Frame push. */
        push?: (parley.Push.$Properties|null);

        /** Frame ack. */
        ack?: (parley.Ack.$Properties|null);

        /** Frame sync. */
        sync?: (parley.SyncRequest.$Properties|null);

        /** Frame syncResult. */
        syncResult?: (parley.SyncResponse.$Properties|null);

        /** Frame pull. */
        pull?: (parley.PullRequest.$Properties|null);

        /** Frame pullResult. */
        pullResult?: (parley.PullResponse.$Properties|null);

        /** Frame ping. */
        ping?: (parley.Ping.$Properties|null);

        /** Frame pong. */
        pong?: (parley.Pong.$Properties|null);

        /** Frame error. */
        error?: (parley.Error.$Properties|null);

        /** Frame notice. */
        notice?: (parley.Notice.$Properties|null);

        /** Frame group. */
        group?: (parley.GroupRequest.$Properties|null);

        /** Frame groupResult. */
        groupResult?: (parley.GroupResponse.$Properties|null);

        /** Frame markRead. */
        markRead?: (parley.MarkRead.$Properties|null);

        /** Frame readState. */
        readState?: (parley.ReadState.$Properties|null);

        /** Frame typing. */
        typing?: (parley.Typing.$Properties|null);

        /** Frame presence. */
        presence?: (parley.PresenceRequest.$Properties|null);

        /** Frame presenceResult. */
        presenceResult?: (parley.PresenceResponse.$Properties|null);

        /** Frame presenceUpdate. */
        presenceUpdate?: (parley.Presence.$Properties|null);

        /** Frame messageOp. */
        messageOp?: (parley.MessageOp.$Properties|null);

        /** Frame groupInfo. */
        groupInfo?: (parley.GroupInfoRequest.$Properties|null);

        /** Frame groupInfoResult. */
        groupInfoResult?: (parley.GroupInfo.$Properties|null);

        /** Frame friend. */
        friend?: (parley.FriendRequest.$Properties|null);

        /** Frame friendResult. */
        friendResult?: (parley.FriendResponse.$Properties|null);

        /** Frame friendList. */
        friendList?: (parley.FriendListRequest.$Properties|null);

        /** Frame friendListResult. */
        friendListResult?: (parley.FriendList.$Properties|null);

        /** Frame settings. */
        settings?: (parley.ConversationSettings.$Properties|null);

        /** Frame readers. */
        readers?: (parley.ReadersRequest.$Properties|null);

        /** Frame readersResult. */
        readersResult?: (parley.Readers.$Properties|null);

        /** Frame deliveryState. */
        deliveryState?: (parley.DeliveryState.$Properties|null);

        /** Frame voiceStart. */
        voiceStart?: (parley.VoiceStart.$Properties|null);

        /** Frame voiceState. */
        voiceState?: (parley.VoiceState.$Properties|null);

        /** Frame voiceChunk. */
        voiceChunk?: (parley.VoiceChunk.$Properties|null);

        /** Frame voiceChunkAck. */
        voiceChunkAck?: (parley.VoiceChunkAck.$Properties|null);

        /** Frame voiceEnd. */
        voiceEnd?: (parley.VoiceEnd.$Properties|null);

        /** Frame voiceEnded. */
        voiceEnded?: (parley.VoiceEnded.$Properties|null);

        /** Frame voiceCancel. */
        voiceCancel?: (parley.VoiceCancel.$Properties|null);

        /** Frame voicePush. */
        voicePush?: (parley.VoicePush.$Properties|null);

        /** Frame voiceFetch. */
        voiceFetch?: (parley.VoiceFetch.$Properties|null);

        /** Frame consentInvitations. */
        consentInvitations?: (parley.ConsentInvitationsRequest.$Properties|null);

        /** Frame consentInvitationsResult. */
        consentInvitationsResult?: (parley.ConsentInvitations.$Properties|null);

        /** Frame consentBans. */
        consentBans?: (parley.ConsentBansRequest.$Properties|null);

        /** Frame consentBansResult. */
        consentBansResult?: (parley.ConsentBans.$Properties|null);

        /** Frame sessions. */
        sessions?: (parley.AccountsSessionsRequest.$Properties|null);

        /** Frame sessionsResult. */
        sessionsResult?: (parley.AccountsSessionsResponse.$Properties|null);

        /** Frame body. */
        body?: ("auth"|"authOk"|"send"|"sendAck"|"push"|"ack"|"sync"|"syncResult"|"pull"|"pullResult"|"ping"|"pong"|"error"|"notice"|"group"|"groupResult"|"markRead"|"readState"|"typing"|"presence"|"presenceResult"|"presenceUpdate"|"messageOp"|"groupInfo"|"groupInfoResult"|"friend"|"friendResult"|"friendList"|"friendListResult"|"settings"|"readers"|"readersResult"|"deliveryState"|"voiceStart"|"voiceState"|"voiceChunk"|"voiceChunkAck"|"voiceEnd"|"voiceEnded"|"voiceCancel"|"voicePush"|"voiceFetch"|"consentInvitations"|"consentInvitationsResult"|"consentBans"|"consentBansResult"|"sessions"|"sessionsResult");

        /**
         * Encodes the specified Frame message. Does not implicitly {@link parley.Frame.verify|verify} messages.
         * @param message Frame message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Frame message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Frame & parley.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Frame & parley.Frame.$Shape;

        /**
         * Gets the type url for Frame
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Frame {

        /** Properties of a Frame. */
        interface $Properties {

            /** Frame id */
            id?: (number|null);

            /** Frame auth */
            auth?: (parley.Auth.$Properties|null);

            /** Frame authOk */
            authOk?: (parley.AuthOk.$Properties|null);

            /** Frame send */
            send?: (parley.Send.$Properties|null);

            /** Frame sendAck */
            sendAck?: (parley.SendAck.$Properties|null);

            /** Frame push */
            push?: (parley.Push.$Properties|null);

            /** Frame ack */
            ack?: (parley.Ack.$Properties|null);

            /** Frame sync */
            sync?: (parley.SyncRequest.$Properties|null);

            /** Frame syncResult */
            syncResult?: (parley.SyncResponse.$Properties|null);

            /** Frame pull */
            pull?: (parley.PullRequest.$Properties|null);

            /** Frame pullResult */
            pullResult?: (parley.PullResponse.$Properties|null);

            /** Frame ping */
            ping?: (parley.Ping.$Properties|null);

            /** Frame pong */
            pong?: (parley.Pong.$Properties|null);

            /** Frame error */
            error?: (parley.Error.$Properties|null);

            /** Frame notice */
            notice?: (parley.Notice.$Properties|null);

            /** Frame group */
            group?: (parley.GroupRequest.$Properties|null);

            /** Frame groupResult */
            groupResult?: (parley.GroupResponse.$Properties|null);

            /** Frame markRead */
            markRead?: (parley.MarkRead.$Properties|null);

            /** Frame readState */
            readState?: (parley.ReadState.$Properties|null);

            /** Frame typing */
            typing?: (parley.Typing.$Properties|null);

            /** Frame presence */
            presence?: (parley.PresenceRequest.$Properties|null);

            /** Frame presenceResult */
            presenceResult?: (parley.PresenceResponse.$Properties|null);

            /** Frame presenceUpdate */
            presenceUpdate?: (parley.Presence.$Properties|null);

            /** Frame messageOp */
            messageOp?: (parley.MessageOp.$Properties|null);

            /** Frame groupInfo */
            groupInfo?: (parley.GroupInfoRequest.$Properties|null);

            /** Frame groupInfoResult */
            groupInfoResult?: (parley.GroupInfo.$Properties|null);

            /** Frame friend */
            friend?: (parley.FriendRequest.$Properties|null);

            /** Frame friendResult */
            friendResult?: (parley.FriendResponse.$Properties|null);

            /** Frame friendList */
            friendList?: (parley.FriendListRequest.$Properties|null);

            /** Frame friendListResult */
            friendListResult?: (parley.FriendList.$Properties|null);

            /** Frame settings */
            settings?: (parley.ConversationSettings.$Properties|null);

            /** Frame readers */
            readers?: (parley.ReadersRequest.$Properties|null);

            /** Frame readersResult */
            readersResult?: (parley.Readers.$Properties|null);

            /** Frame deliveryState */
            deliveryState?: (parley.DeliveryState.$Properties|null);

            /** Frame voiceStart */
            voiceStart?: (parley.VoiceStart.$Properties|null);

            /** Frame voiceState */
            voiceState?: (parley.VoiceState.$Properties|null);

            /** Frame voiceChunk */
            voiceChunk?: (parley.VoiceChunk.$Properties|null);

            /** Frame voiceChunkAck */
            voiceChunkAck?: (parley.VoiceChunkAck.$Properties|null);

            /** Frame voiceEnd */
            voiceEnd?: (parley.VoiceEnd.$Properties|null);

            /** Frame voiceEnded */
            voiceEnded?: (parley.VoiceEnded.$Properties|null);

            /** Frame voiceCancel */
            voiceCancel?: (parley.VoiceCancel.$Properties|null);

            /** Frame voicePush */
            voicePush?: (parley.VoicePush.$Properties|null);

            /** Frame voiceFetch */
            voiceFetch?: (parley.VoiceFetch.$Properties|null);

            /** Frame consentInvitations */
            consentInvitations?: (parley.ConsentInvitationsRequest.$Properties|null);

            /** Frame consentInvitationsResult */
            consentInvitationsResult?: (parley.ConsentInvitations.$Properties|null);

            /** Frame consentBans */
            consentBans?: (parley.ConsentBansRequest.$Properties|null);

            /** Frame consentBansResult */
            consentBansResult?: (parley.ConsentBans.$Properties|null);

            /** Frame sessions */
            sessions?: (parley.AccountsSessionsRequest.$Properties|null);

            /** Frame sessionsResult */
            sessionsResult?: (parley.AccountsSessionsResponse.$Properties|null);

            /** Frame body */
            body?: ("auth"|"authOk"|"send"|"sendAck"|"push"|"ack"|"sync"|"syncResult"|"pull"|"pullResult"|"ping"|"pong"|"error"|"notice"|"group"|"groupResult"|"markRead"|"readState"|"typing"|"presence"|"presenceResult"|"presenceUpdate"|"messageOp"|"groupInfo"|"groupInfoResult"|"friend"|"friendResult"|"friendList"|"friendListResult"|"settings"|"readers"|"readersResult"|"deliveryState"|"voiceStart"|"voiceState"|"voiceChunk"|"voiceChunkAck"|"voiceEnd"|"voiceEnded"|"voiceCancel"|"voicePush"|"voiceFetch"|"consentInvitations"|"consentInvitationsResult"|"consentBans"|"consentBansResult"|"sessions"|"sessionsResult");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Frame. */
        type $Shape = {
          id?: number|null;
          auth?: parley.Auth.$Shape|null;
          authOk?: parley.AuthOk.$Shape|null;
          send?: parley.Send.$Shape|null;
          sendAck?: parley.SendAck.$Shape|null;
          push?: parley.Push.$Shape|null;
          ack?: parley.Ack.$Shape|null;
          sync?: parley.SyncRequest.$Shape|null;
          syncResult?: parley.SyncResponse.$Shape|null;
          pull?: parley.PullRequest.$Shape|null;
          pullResult?: parley.PullResponse.$Shape|null;
          ping?: parley.Ping.$Shape|null;
          pong?: parley.Pong.$Shape|null;
          error?: parley.Error.$Shape|null;
          notice?: parley.Notice.$Shape|null;
          group?: parley.GroupRequest.$Shape|null;
          groupResult?: parley.GroupResponse.$Shape|null;
          markRead?: parley.MarkRead.$Shape|null;
          readState?: parley.ReadState.$Shape|null;
          typing?: parley.Typing.$Shape|null;
          presence?: parley.PresenceRequest.$Shape|null;
          presenceResult?: parley.PresenceResponse.$Shape|null;
          presenceUpdate?: parley.Presence.$Shape|null;
          messageOp?: parley.MessageOp.$Shape|null;
          groupInfo?: parley.GroupInfoRequest.$Shape|null;
          groupInfoResult?: parley.GroupInfo.$Shape|null;
          friend?: parley.FriendRequest.$Shape|null;
          friendResult?: parley.FriendResponse.$Shape|null;
          friendList?: parley.FriendListRequest.$Shape|null;
          friendListResult?: parley.FriendList.$Shape|null;
          settings?: parley.ConversationSettings.$Shape|null;
          readers?: parley.ReadersRequest.$Shape|null;
          readersResult?: parley.Readers.$Shape|null;
          deliveryState?: parley.DeliveryState.$Shape|null;
          voiceStart?: parley.VoiceStart.$Shape|null;
          voiceState?: parley.VoiceState.$Shape|null;
          voiceChunk?: parley.VoiceChunk.$Shape|null;
          voiceChunkAck?: parley.VoiceChunkAck.$Shape|null;
          voiceEnd?: parley.VoiceEnd.$Shape|null;
          voiceEnded?: parley.VoiceEnded.$Shape|null;
          voiceCancel?: parley.VoiceCancel.$Shape|null;
          voicePush?: parley.VoicePush.$Shape|null;
          voiceFetch?: parley.VoiceFetch.$Shape|null;
          consentInvitations?: parley.ConsentInvitationsRequest.$Shape|null;
          consentInvitationsResult?: parley.ConsentInvitations.$Shape|null;
          consentBans?: parley.ConsentBansRequest.$Shape|null;
          consentBansResult?: parley.ConsentBans.$Shape|null;
          sessions?: parley.AccountsSessionsRequest.$Shape|null;
          sessionsResult?: parley.AccountsSessionsResponse.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "auth"; auth: parley.Auth.$Shape; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "authOk"; auth?: null; authOk: parley.AuthOk.$Shape; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "send"; auth?: null; authOk?: null; send: parley.Send.$Shape; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "sendAck"; auth?: null; authOk?: null; send?: null; sendAck: parley.SendAck.$Shape; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "push"; auth?: null; authOk?: null; send?: null; sendAck?: null; push: parley.Push.$Shape; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "ack"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack: parley.Ack.$Shape; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "sync"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync: parley.SyncRequest.$Shape; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "syncResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult: parley.SyncResponse.$Shape; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pull"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull: parley.PullRequest.$Shape; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pullResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult: parley.PullResponse.$Shape; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "ping"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping: parley.Ping.$Shape; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "pong"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong: parley.Pong.$Shape; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "error"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error: parley.Error.$Shape; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "notice"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice: parley.Notice.$Shape; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "group"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group: parley.GroupRequest.$Shape; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult: parley.GroupResponse.$Shape; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "markRead"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead: parley.MarkRead.$Shape; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState: parley.ReadState.$Shape; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "typing"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing: parley.Typing.$Shape; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presence"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence: parley.PresenceRequest.$Shape; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presenceResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult: parley.PresenceResponse.$Shape; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "presenceUpdate"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate: parley.Presence.$Shape; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "messageOp"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp: parley.MessageOp.$Shape; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupInfo"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo: parley.GroupInfoRequest.$Shape; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "groupInfoResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult: parley.GroupInfo.$Shape; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friend"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend: parley.FriendRequest.$Shape; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult: parley.FriendResponse.$Shape; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendList"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList: parley.FriendListRequest.$Shape; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "friendListResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult: parley.FriendList.$Shape; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "settings"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings: parley.ConversationSettings.$Shape; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readers"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers: parley.ReadersRequest.$Shape; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "readersResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult: parley.Readers.$Shape; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "deliveryState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState: parley.DeliveryState.$Shape; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceStart"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart: parley.VoiceStart.$Shape; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceState"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState: parley.VoiceState.$Shape; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceChunk"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk: parley.VoiceChunk.$Shape; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceChunkAck"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck: parley.VoiceChunkAck.$Shape; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceEnd"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd: parley.VoiceEnd.$Shape; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceEnded"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded: parley.VoiceEnded.$Shape; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceCancel"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel: parley.VoiceCancel.$Shape; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voicePush"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush: parley.VoicePush.$Shape; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "voiceFetch"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch: parley.VoiceFetch.$Shape; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentInvitations"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations: parley.ConsentInvitationsRequest.$Shape; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentInvitationsResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult: parley.ConsentInvitations.$Shape; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentBans"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans: parley.ConsentBansRequest.$Shape; consentBansResult?: null; sessions?: null; sessionsResult?: null }|{ body?: "consentBansResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult: parley.ConsentBans.$Shape; sessions?: null; sessionsResult?: null }|{ body?: "sessions"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions: parley.AccountsSessionsRequest.$Shape; sessionsResult?: null }|{ body?: "sessionsResult"; auth?: null; authOk?: null; send?: null; sendAck?: null; push?: null; ack?: null; sync?: null; syncResult?: null; pull?: null; pullResult?: null; ping?: null; pong?: null; error?: null; notice?: null; group?: null; groupResult?: null; markRead?: null; readState?: null; typing?: null; presence?: null; presenceResult?: null; presenceUpdate?: null; messageOp?: null; groupInfo?: null; groupInfoResult?: null; friend?: null; friendResult?: null; friendList?: null; friendListResult?: null; settings?: null; readers?: null; readersResult?: null; deliveryState?: null; voiceStart?: null; voiceState?: null; voiceChunk?: null; voiceChunkAck?: null; voiceEnd?: null; voiceEnded?: null; voiceCancel?: null; voicePush?: null; voiceFetch?: null; consentInvitations?: null; consentInvitationsResult?: null; consentBans?: null; consentBansResult?: null; sessions?: null; sessionsResult: parley.AccountsSessionsResponse.$Shape })
        );
    }

    /**
     * Properties of an Auth.
     * @deprecated Use parley.Auth.$Properties instead.
     */
    interface IAuth extends parley.Auth.$Properties {
    }

    /** Represents an Auth. */
    class Auth {

        /**
         * Constructs a new Auth.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Auth.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Auth token. */
        token: string;

        /** Auth deviceId. */
        deviceId: string;

        /** Auth platform. */
        platform: string;

        /** Auth protocolVersion. */
        protocolVersion: number;

        /**
         * Encodes the specified Auth message. Does not implicitly {@link parley.Auth.verify|verify} messages.
         * @param message Auth message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Auth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Auth message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Auth & parley.Auth.$Shape} Auth
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Auth & parley.Auth.$Shape;

        /**
         * Gets the type url for Auth
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Auth {

        /** Properties of an Auth. */
        interface $Properties {

            /** Auth token */
            token?: (string|null);

            /** Auth deviceId */
            deviceId?: (string|null);

            /** Auth platform */
            platform?: (string|null);

            /** Auth protocolVersion */
            protocolVersion?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Auth. */
        type $Shape = parley.Auth.$Properties;
    }

    /**
     * Properties of an AuthOk.
     * @deprecated Use parley.AuthOk.$Properties instead.
     */
    interface IAuthOk extends parley.AuthOk.$Properties {
    }

    /** Represents an AuthOk. */
    class AuthOk {

        /**
         * Constructs a new AuthOk.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.AuthOk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthOk userId. */
        userId: string;

        /** AuthOk deviceId. */
        deviceId: string;

        /** AuthOk heartbeatMs. */
        heartbeatMs: number;

        /** AuthOk maxFrameBytes. */
        maxFrameBytes: number;

        /** AuthOk serverTime. */
        serverTime: number;

        /** AuthOk sessionId. */
        sessionId: string;

        /**
         * Encodes the specified AuthOk message. Does not implicitly {@link parley.AuthOk.verify|verify} messages.
         * @param message AuthOk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.AuthOk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthOk message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.AuthOk & parley.AuthOk.$Shape} AuthOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.AuthOk & parley.AuthOk.$Shape;

        /**
         * Gets the type url for AuthOk
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthOk {

        /** Properties of an AuthOk. */
        interface $Properties {

            /** AuthOk userId */
            userId?: (string|null);

            /** AuthOk deviceId */
            deviceId?: (string|null);

            /** AuthOk heartbeatMs */
            heartbeatMs?: (number|null);

            /** AuthOk maxFrameBytes */
            maxFrameBytes?: (number|null);

            /** AuthOk serverTime */
            serverTime?: (number|null);

            /** AuthOk sessionId */
            sessionId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthOk. */
        type $Shape = parley.AuthOk.$Properties;
    }

    /**
     * Properties of a Send.
     * @deprecated Use parley.Send.$Properties instead.
     */
    interface ISend extends parley.Send.$Properties {
    }

    /** Represents a Send. */
    class Send {

        /**
         * Constructs a new Send.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Send.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Send conversationId. */
        conversationId: string;

        /** Send to. */
        to: string;

        /** Send clientMsgId. */
        clientMsgId: string;

        /** Send type. */
        type: number;

        /** Send body. */
        body: Uint8Array;

        /** Send mentions. */
        mentions: string[];

        /** Send mentionAll. */
        mentionAll: boolean;

        /** Send replyTo. */
        replyTo: number;

        /**
         * Encodes the specified Send message. Does not implicitly {@link parley.Send.verify|verify} messages.
         * @param message Send message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Send.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Send message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Send & parley.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Send & parley.Send.$Shape;

        /**
         * Gets the type url for Send
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Send {

        /** Properties of a Send. */
        interface $Properties {

            /** Send conversationId */
            conversationId?: (string|null);

            /** Send to */
            to?: (string|null);

            /** Send clientMsgId */
            clientMsgId?: (string|null);

            /** Send type */
            type?: (number|null);

            /** Send body */
            body?: (Uint8Array|null);

            /** Send mentions */
            mentions?: (string[]|null);

            /** Send mentionAll */
            mentionAll?: (boolean|null);

            /** Send replyTo */
            replyTo?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Send. */
        type $Shape = parley.Send.$Properties;
    }

    /**
     * Properties of a SendAck.
     * @deprecated Use parley.SendAck.$Properties instead.
     */
    interface ISendAck extends parley.SendAck.$Properties {
    }

    /** Represents a SendAck. */
    class SendAck {

        /**
         * Constructs a new SendAck.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.SendAck.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SendAck conversationId. */
        conversationId: string;

        /** SendAck seq. */
        seq: number;

        /** SendAck messageId. */
        messageId: string;

        /** SendAck serverTime. */
        serverTime: number;

        /** SendAck clientMsgId. */
        clientMsgId: string;

        /** SendAck duplicate. */
        duplicate: boolean;

        /**
         * Encodes the specified SendAck message. Does not implicitly {@link parley.SendAck.verify|verify} messages.
         * @param message SendAck message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.SendAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SendAck message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.SendAck & parley.SendAck.$Shape} SendAck
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.SendAck & parley.SendAck.$Shape;

        /**
         * Gets the type url for SendAck
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SendAck {

        /** Properties of a SendAck. */
        interface $Properties {

            /** SendAck conversationId */
            conversationId?: (string|null);

            /** SendAck seq */
            seq?: (number|null);

            /** SendAck messageId */
            messageId?: (string|null);

            /** SendAck serverTime */
            serverTime?: (number|null);

            /** SendAck clientMsgId */
            clientMsgId?: (string|null);

            /** SendAck duplicate */
            duplicate?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SendAck. */
        type $Shape = parley.SendAck.$Properties;
    }

    /**
     * Properties of a Message.
     * @deprecated Use parley.Message.$Properties instead.
     */
    interface IMessage extends parley.Message.$Properties {
    }

    /** Represents a Message. */
    class Message {

        /**
         * Constructs a new Message.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Message.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Message id. */
        id: string;

        /** Message conversationId. */
        conversationId: string;

        /** Message seq. */
        seq: number;

        /** Message senderId. */
        senderId: string;

        /** Message senderDevice. */
        senderDevice: string;

        /** Message clientMsgId. */
        clientMsgId: string;

        /** Message type. */
        type: number;

        /** Message body. */
        body: Uint8Array;

        /** Message serverTime. */
        serverTime: number;

        /** Message flags. */
        flags: number;

        /** Message refSeq. */
        refSeq: number;

        /** Message mentions. */
        mentions: string[];

        /** Message mentionAll. */
        mentionAll: boolean;

        /** Message replyTo. */
        replyTo: number;

        /** Message reactions. */
        reactions: parley.Reaction.$Properties[];

        /**
         * Encodes the specified Message message. Does not implicitly {@link parley.Message.verify|verify} messages.
         * @param message Message message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Message & parley.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Message & parley.Message.$Shape;

        /**
         * Gets the type url for Message
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {

        /** Properties of a Message. */
        interface $Properties {

            /** Message id */
            id?: (string|null);

            /** Message conversationId */
            conversationId?: (string|null);

            /** Message seq */
            seq?: (number|null);

            /** Message senderId */
            senderId?: (string|null);

            /** Message senderDevice */
            senderDevice?: (string|null);

            /** Message clientMsgId */
            clientMsgId?: (string|null);

            /** Message type */
            type?: (number|null);

            /** Message body */
            body?: (Uint8Array|null);

            /** Message serverTime */
            serverTime?: (number|null);

            /** Message flags */
            flags?: (number|null);

            /** Message refSeq */
            refSeq?: (number|null);

            /** Message mentions */
            mentions?: (string[]|null);

            /** Message mentionAll */
            mentionAll?: (boolean|null);

            /** Message replyTo */
            replyTo?: (number|null);

            /** Message reactions */
            reactions?: (parley.Reaction.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Message. */
        type $Shape = parley.Message.$Properties;
    }

    /**
     * Properties of a Reaction.
     * @deprecated Use parley.Reaction.$Properties instead.
     */
    interface IReaction extends parley.Reaction.$Properties {
    }

    /** Represents a Reaction. */
    class Reaction {

        /**
         * Constructs a new Reaction.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Reaction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Reaction emoji. */
        emoji: string;

        /** Reaction users. */
        users: string[];

        /**
         * Encodes the specified Reaction message. Does not implicitly {@link parley.Reaction.verify|verify} messages.
         * @param message Reaction message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Reaction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Reaction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Reaction & parley.Reaction.$Shape} Reaction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Reaction & parley.Reaction.$Shape;

        /**
         * Gets the type url for Reaction
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Reaction {

        /** Properties of a Reaction. */
        interface $Properties {

            /** Reaction emoji */
            emoji?: (string|null);

            /** Reaction users */
            users?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Reaction. */
        type $Shape = parley.Reaction.$Properties;
    }

    /**
     * Properties of a Push.
     * @deprecated Use parley.Push.$Properties instead.
     */
    interface IPush extends parley.Push.$Properties {
    }

    /** Represents a Push. */
    class Push {

        /**
         * Constructs a new Push.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Push.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Push message. */
        message?: (parley.Message.$Properties|null);

        /**
         * Encodes the specified Push message. Does not implicitly {@link parley.Push.verify|verify} messages.
         * @param message Push message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Push.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Push message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Push & parley.Push.$Shape} Push
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Push & parley.Push.$Shape;

        /**
         * Gets the type url for Push
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Push {

        /** Properties of a Push. */
        interface $Properties {

            /** Push message */
            message?: (parley.Message.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Push. */
        type $Shape = parley.Push.$Properties;
    }

    /**
     * Properties of an Ack.
     * @deprecated Use parley.Ack.$Properties instead.
     */
    interface IAck extends parley.Ack.$Properties {
    }

    /** Represents an Ack. */
    class Ack {

        /**
         * Constructs a new Ack.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Ack.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Ack conversationId. */
        conversationId: string;

        /** Ack seq. */
        seq: number;

        /**
         * Encodes the specified Ack message. Does not implicitly {@link parley.Ack.verify|verify} messages.
         * @param message Ack message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Ack & parley.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Ack & parley.Ack.$Shape;

        /**
         * Gets the type url for Ack
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ack {

        /** Properties of an Ack. */
        interface $Properties {

            /** Ack conversationId */
            conversationId?: (string|null);

            /** Ack seq */
            seq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Ack. */
        type $Shape = parley.Ack.$Properties;
    }

    /**
     * Properties of a SyncRequest.
     * @deprecated Use parley.SyncRequest.$Properties instead.
     */
    interface ISyncRequest extends parley.SyncRequest.$Properties {
    }

    /** Represents a SyncRequest. */
    class SyncRequest {

        /**
         * Constructs a new SyncRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.SyncRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SyncRequest token. */
        token: string;

        /**
         * Encodes the specified SyncRequest message. Does not implicitly {@link parley.SyncRequest.verify|verify} messages.
         * @param message SyncRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.SyncRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SyncRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.SyncRequest & parley.SyncRequest.$Shape} SyncRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.SyncRequest & parley.SyncRequest.$Shape;

        /**
         * Gets the type url for SyncRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SyncRequest {

        /** Properties of a SyncRequest. */
        interface $Properties {

            /** SyncRequest token */
            token?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SyncRequest. */
        type $Shape = parley.SyncRequest.$Properties;
    }

    /**
     * Properties of a ConversationState.
     * @deprecated Use parley.ConversationState.$Properties instead.
     */
    interface IConversationState extends parley.ConversationState.$Properties {
    }

    /** Represents a ConversationState. */
    class ConversationState {

        /**
         * Constructs a new ConversationState.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConversationState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConversationState conversationId. */
        conversationId: string;

        /** ConversationState kind. */
        kind: number;

        /** ConversationState maxSeq. */
        maxSeq: number;

        /** ConversationState joinSeq. */
        joinSeq: number;

        /** ConversationState members. */
        members: string[];

        /** ConversationState name. */
        name: string;

        /** ConversationState left. */
        left: boolean;

        /** ConversationState readSeq. */
        readSeq: number;

        /** ConversationState unread. */
        unread: number;

        /** ConversationState avatarUrl. */
        avatarUrl: string;

        /** ConversationState announcement. */
        announcement: string;

        /** ConversationState joinable. */
        joinable: boolean;

        /** ConversationState mutedAll. */
        mutedAll: boolean;

        /** ConversationState role. */
        role: number;

        /** ConversationState mutedUntil. */
        mutedUntil: number;

        /** ConversationState dismissed. */
        dismissed: boolean;

        /** ConversationState unreadMentions. */
        unreadMentions: number;

        /** ConversationState clearedSeq. */
        clearedSeq: number;

        /** ConversationState pinned. */
        pinned: boolean;

        /** ConversationState muted. */
        muted: boolean;

        /** ConversationState peerReadSeq. */
        peerReadSeq: number;

        /** ConversationState peerDeliveredSeq. */
        peerDeliveredSeq: number;

        /** ConversationState lastMessage. */
        lastMessage?: (parley.Message.$Properties|null);

        /**
         * Encodes the specified ConversationState message. Does not implicitly {@link parley.ConversationState.verify|verify} messages.
         * @param message ConversationState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConversationState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConversationState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConversationState & parley.ConversationState.$Shape} ConversationState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConversationState & parley.ConversationState.$Shape;

        /**
         * Gets the type url for ConversationState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConversationState {

        /** Properties of a ConversationState. */
        interface $Properties {

            /** ConversationState conversationId */
            conversationId?: (string|null);

            /** ConversationState kind */
            kind?: (number|null);

            /** ConversationState maxSeq */
            maxSeq?: (number|null);

            /** ConversationState joinSeq */
            joinSeq?: (number|null);

            /** ConversationState members */
            members?: (string[]|null);

            /** ConversationState name */
            name?: (string|null);

            /** ConversationState left */
            left?: (boolean|null);

            /** ConversationState readSeq */
            readSeq?: (number|null);

            /** ConversationState unread */
            unread?: (number|null);

            /** ConversationState avatarUrl */
            avatarUrl?: (string|null);

            /** ConversationState announcement */
            announcement?: (string|null);

            /** ConversationState joinable */
            joinable?: (boolean|null);

            /** ConversationState mutedAll */
            mutedAll?: (boolean|null);

            /** ConversationState role */
            role?: (number|null);

            /** ConversationState mutedUntil */
            mutedUntil?: (number|null);

            /** ConversationState dismissed */
            dismissed?: (boolean|null);

            /** ConversationState unreadMentions */
            unreadMentions?: (number|null);

            /** ConversationState clearedSeq */
            clearedSeq?: (number|null);

            /** ConversationState pinned */
            pinned?: (boolean|null);

            /** ConversationState muted */
            muted?: (boolean|null);

            /** ConversationState peerReadSeq */
            peerReadSeq?: (number|null);

            /** ConversationState peerDeliveredSeq */
            peerDeliveredSeq?: (number|null);

            /** ConversationState lastMessage */
            lastMessage?: (parley.Message.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConversationState. */
        type $Shape = parley.ConversationState.$Properties;
    }

    /**
     * Properties of a SyncResponse.
     * @deprecated Use parley.SyncResponse.$Properties instead.
     */
    interface ISyncResponse extends parley.SyncResponse.$Properties {
    }

    /** Represents a SyncResponse. */
    class SyncResponse {

        /**
         * Constructs a new SyncResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.SyncResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SyncResponse conversations. */
        conversations: parley.ConversationState.$Properties[];

        /** SyncResponse token. */
        token: string;

        /** SyncResponse more. */
        more: boolean;

        /**
         * Encodes the specified SyncResponse message. Does not implicitly {@link parley.SyncResponse.verify|verify} messages.
         * @param message SyncResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.SyncResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SyncResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.SyncResponse & parley.SyncResponse.$Shape} SyncResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.SyncResponse & parley.SyncResponse.$Shape;

        /**
         * Gets the type url for SyncResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SyncResponse {

        /** Properties of a SyncResponse. */
        interface $Properties {

            /** SyncResponse conversations */
            conversations?: (parley.ConversationState.$Properties[]|null);

            /** SyncResponse token */
            token?: (string|null);

            /** SyncResponse more */
            more?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SyncResponse. */
        type $Shape = parley.SyncResponse.$Properties;
    }

    /**
     * Properties of a PullRequest.
     * @deprecated Use parley.PullRequest.$Properties instead.
     */
    interface IPullRequest extends parley.PullRequest.$Properties {
    }

    /** Represents a PullRequest. */
    class PullRequest {

        /**
         * Constructs a new PullRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.PullRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PullRequest conversationId. */
        conversationId: string;

        /** PullRequest fromSeq. */
        fromSeq: number;

        /** PullRequest toSeq. */
        toSeq: number;

        /** PullRequest limit. */
        limit: number;

        /**
         * Encodes the specified PullRequest message. Does not implicitly {@link parley.PullRequest.verify|verify} messages.
         * @param message PullRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.PullRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PullRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.PullRequest & parley.PullRequest.$Shape} PullRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.PullRequest & parley.PullRequest.$Shape;

        /**
         * Gets the type url for PullRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PullRequest {

        /** Properties of a PullRequest. */
        interface $Properties {

            /** PullRequest conversationId */
            conversationId?: (string|null);

            /** PullRequest fromSeq */
            fromSeq?: (number|null);

            /** PullRequest toSeq */
            toSeq?: (number|null);

            /** PullRequest limit */
            limit?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PullRequest. */
        type $Shape = parley.PullRequest.$Properties;
    }

    /**
     * Properties of a PullResponse.
     * @deprecated Use parley.PullResponse.$Properties instead.
     */
    interface IPullResponse extends parley.PullResponse.$Properties {
    }

    /** Represents a PullResponse. */
    class PullResponse {

        /**
         * Constructs a new PullResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.PullResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PullResponse conversationId. */
        conversationId: string;

        /** PullResponse fromSeq. */
        fromSeq: number;

        /** PullResponse toSeq. */
        toSeq: number;

        /** PullResponse messages. */
        messages: parley.Message.$Properties[];

        /** PullResponse holes. */
        holes: number[];

        /** PullResponse maxSeq. */
        maxSeq: number;

        /**
         * Encodes the specified PullResponse message. Does not implicitly {@link parley.PullResponse.verify|verify} messages.
         * @param message PullResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.PullResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PullResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.PullResponse & parley.PullResponse.$Shape} PullResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.PullResponse & parley.PullResponse.$Shape;

        /**
         * Gets the type url for PullResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PullResponse {

        /** Properties of a PullResponse. */
        interface $Properties {

            /** PullResponse conversationId */
            conversationId?: (string|null);

            /** PullResponse fromSeq */
            fromSeq?: (number|null);

            /** PullResponse toSeq */
            toSeq?: (number|null);

            /** PullResponse messages */
            messages?: (parley.Message.$Properties[]|null);

            /** PullResponse holes */
            holes?: (number[]|null);

            /** PullResponse maxSeq */
            maxSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PullResponse. */
        type $Shape = parley.PullResponse.$Properties;
    }

    /**
     * Properties of a Ping.
     * @deprecated Use parley.Ping.$Properties instead.
     */
    interface IPing extends parley.Ping.$Properties {
    }

    /** Represents a Ping. */
    class Ping {

        /**
         * Constructs a new Ping.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Ping.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Ping time. */
        time: number;

        /**
         * Encodes the specified Ping message. Does not implicitly {@link parley.Ping.verify|verify} messages.
         * @param message Ping message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Ping message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Ping & parley.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Ping & parley.Ping.$Shape;

        /**
         * Gets the type url for Ping
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ping {

        /** Properties of a Ping. */
        interface $Properties {

            /** Ping time */
            time?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Ping. */
        type $Shape = parley.Ping.$Properties;
    }

    /**
     * Properties of a Pong.
     * @deprecated Use parley.Pong.$Properties instead.
     */
    interface IPong extends parley.Pong.$Properties {
    }

    /** Represents a Pong. */
    class Pong {

        /**
         * Constructs a new Pong.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Pong.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Pong time. */
        time: number;

        /**
         * Encodes the specified Pong message. Does not implicitly {@link parley.Pong.verify|verify} messages.
         * @param message Pong message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Pong message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Pong & parley.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Pong & parley.Pong.$Shape;

        /**
         * Gets the type url for Pong
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Pong {

        /** Properties of a Pong. */
        interface $Properties {

            /** Pong time */
            time?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Pong. */
        type $Shape = parley.Pong.$Properties;
    }

    /**
     * Properties of an Error.
     * @deprecated Use parley.Error.$Properties instead.
     */
    interface IError extends parley.Error.$Properties {
    }

    /** Represents an Error. */
    class Error {

        /**
         * Constructs a new Error.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Error.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Error code. */
        code: string;

        /** Error message. */
        message: string;

        /** Error retryable. */
        retryable: boolean;

        /** Error retryAfterMs. */
        retryAfterMs: number;

        /**
         * Encodes the specified Error message. Does not implicitly {@link parley.Error.verify|verify} messages.
         * @param message Error message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Error & parley.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Error & parley.Error.$Shape;

        /**
         * Gets the type url for Error
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Error {

        /** Properties of an Error. */
        interface $Properties {

            /** Error code */
            code?: (string|null);

            /** Error message */
            message?: (string|null);

            /** Error retryable */
            retryable?: (boolean|null);

            /** Error retryAfterMs */
            retryAfterMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Error. */
        type $Shape = parley.Error.$Properties;

        /** Code enum. */
        enum Code {

            /** CODE_UNSPECIFIED value */
            CODE_UNSPECIFIED = 0,

            /** BAD_FRAME value */
            BAD_FRAME = 1,

            /** FRAME_TOO_LARGE value */
            FRAME_TOO_LARGE = 2,

            /** UNKNOWN_FRAME value */
            UNKNOWN_FRAME = 3,

            /** UNEXPECTED_FRAME value */
            UNEXPECTED_FRAME = 4,

            /** AUTH_REQUIRED value */
            AUTH_REQUIRED = 5,

            /** AUTH_FAILED value */
            AUTH_FAILED = 6,

            /** ALREADY_AUTHENTICATED value */
            ALREADY_AUTHENTICATED = 7,

            /** INVALID_ARGUMENT value */
            INVALID_ARGUMENT = 8,

            /** BAD_CREDENTIALS value */
            BAD_CREDENTIALS = 9,

            /** USER_EXISTS value */
            USER_EXISTS = 10,

            /** USER_NOT_FOUND value */
            USER_NOT_FOUND = 11,

            /** CONVERSATION_NOT_FOUND value */
            CONVERSATION_NOT_FOUND = 12,

            /** NOT_MEMBER value */
            NOT_MEMBER = 13,

            /** MESSAGE_LOCKED value */
            MESSAGE_LOCKED = 14,

            /** MESSAGE_NOT_FOUND value */
            MESSAGE_NOT_FOUND = 15,

            /** MUTED value */
            MUTED = 16,

            /** GROUP_DISMISSED value */
            GROUP_DISMISSED = 17,

            /** BLOCKED value */
            BLOCKED = 18,

            /** NOT_FRIENDS value */
            NOT_FRIENDS = 19,

            /** ALREADY_FRIENDS value */
            ALREADY_FRIENDS = 20,

            /** REQUEST_NOT_FOUND value */
            REQUEST_NOT_FOUND = 21,

            /** ALREADY_MEMBER value */
            ALREADY_MEMBER = 22,

            /** CLIENT_MSG_ID_REUSED value */
            CLIENT_MSG_ID_REUSED = 23,

            /** MESSAGE_TOO_LARGE value */
            MESSAGE_TOO_LARGE = 24,

            /** RATE_LIMITED value */
            RATE_LIMITED = 25,

            /** FORBIDDEN value */
            FORBIDDEN = 26,

            /** NOT_FOUND value */
            NOT_FOUND = 27,

            /** UNAVAILABLE value */
            UNAVAILABLE = 28,

            /** HEARTBEAT_TIMEOUT value */
            HEARTBEAT_TIMEOUT = 29,

            /** SLOW_CONSUMER value */
            SLOW_CONSUMER = 30,

            /** INTERNAL value */
            INTERNAL = 31,

            /** AUTH_TIMEOUT value */
            AUTH_TIMEOUT = 32,

            /** REPLACED value */
            REPLACED = 33,

            /** KICKED value */
            KICKED = 34,

            /** DRAINING value */
            DRAINING = 35,

            /** FILE_NOT_FOUND value */
            FILE_NOT_FOUND = 36,

            /** UPLOAD_NOT_FOUND value */
            UPLOAD_NOT_FOUND = 37,

            /** UPLOAD_EXPIRED value */
            UPLOAD_EXPIRED = 38,

            /** UPLOAD_OFFSET_MISMATCH value */
            UPLOAD_OFFSET_MISMATCH = 39,

            /** UPLOAD_BUSY value */
            UPLOAD_BUSY = 40,

            /** CHECKSUM_MISMATCH value */
            CHECKSUM_MISMATCH = 41,

            /** FILE_TOO_LARGE value */
            FILE_TOO_LARGE = 42,

            /** QUOTA_EXCEEDED value */
            QUOTA_EXCEEDED = 43,

            /** TOO_MANY_UPLOADS value */
            TOO_MANY_UPLOADS = 44,

            /** UNSUPPORTED_TUS_VERSION value */
            UNSUPPORTED_TUS_VERSION = 45,

            /** UNSUPPORTED_MEDIA_TYPE value */
            UNSUPPORTED_MEDIA_TYPE = 46,

            /** RANGE_NOT_SATISFIABLE value */
            RANGE_NOT_SATISFIABLE = 47,

            /** CANCELLED value */
            CANCELLED = 48,

            /** STREAM_NOT_FOUND value */
            STREAM_NOT_FOUND = 49,

            /** STREAM_ENDED value */
            STREAM_ENDED = 50,

            /** CHUNK_GAP value */
            CHUNK_GAP = 51,

            /** CHUNK_TOO_LARGE value */
            CHUNK_TOO_LARGE = 52,

            /** TOO_MANY_STREAMS value */
            TOO_MANY_STREAMS = 53,

            /** BANNED value */
            BANNED = 61,

            /** LIMIT_REACHED value */
            LIMIT_REACHED = 62,

            /** INVITATION_NOT_FOUND value */
            INVITATION_NOT_FOUND = 63,

            /** WEAK_PASSWORD value */
            WEAK_PASSWORD = 56,

            /** SESSION_NOT_FOUND value */
            SESSION_NOT_FOUND = 57
        }
    }

    /**
     * Properties of a Notice.
     * @deprecated Use parley.Notice.$Properties instead.
     */
    interface INotice extends parley.Notice.$Properties {
    }

    /** Represents a Notice. */
    class Notice {

        /**
         * Constructs a new Notice.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Notice.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Notice code. */
        code: string;

        /** Notice message. */
        message: string;

        /** Notice retryAfterMs. */
        retryAfterMs: number;

        /** Notice endpoints. */
        endpoints: string[];

        /**
         * Encodes the specified Notice message. Does not implicitly {@link parley.Notice.verify|verify} messages.
         * @param message Notice message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Notice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Notice message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Notice & parley.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Notice & parley.Notice.$Shape;

        /**
         * Gets the type url for Notice
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Notice {

        /** Properties of a Notice. */
        interface $Properties {

            /** Notice code */
            code?: (string|null);

            /** Notice message */
            message?: (string|null);

            /** Notice retryAfterMs */
            retryAfterMs?: (number|null);

            /** Notice endpoints */
            endpoints?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Notice. */
        type $Shape = parley.Notice.$Properties;

        /** Code enum. */
        enum Code {

            /** CODE_UNSPECIFIED value */
            CODE_UNSPECIFIED = 0,

            /** RECONNECT value */
            RECONNECT = 1,

            /** RESYNC value */
            RESYNC = 2,

            /** KICKED value */
            KICKED = 3
        }
    }

    /**
     * Properties of a GroupRequest.
     * @deprecated Use parley.GroupRequest.$Properties instead.
     */
    interface IGroupRequest extends parley.GroupRequest.$Properties {
    }

    /** Represents a GroupRequest. */
    class GroupRequest {

        /**
         * Constructs a new GroupRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.GroupRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GroupRequest op. */
        op: number;

        /** GroupRequest conversationId. */
        conversationId: string;

        /** GroupRequest users. */
        users: string[];

        /** GroupRequest name. */
        name: string;

        /** GroupRequest clientMsgId. */
        clientMsgId: string;

        /** GroupRequest avatarUrl. */
        avatarUrl: string;

        /** GroupRequest announcement. */
        announcement: string;

        /** GroupRequest role. */
        role: number;

        /** GroupRequest mutedUntil. */
        mutedUntil: number;

        /** GroupRequest on. */
        on: boolean;

        /** GroupRequest fields. */
        fields: number;

        /** GroupRequest joinable. */
        joinable: boolean;

        /**
         * Encodes the specified GroupRequest message. Does not implicitly {@link parley.GroupRequest.verify|verify} messages.
         * @param message GroupRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.GroupRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GroupRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.GroupRequest & parley.GroupRequest.$Shape} GroupRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.GroupRequest & parley.GroupRequest.$Shape;

        /**
         * Gets the type url for GroupRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GroupRequest {

        /** Properties of a GroupRequest. */
        interface $Properties {

            /** GroupRequest op */
            op?: (number|null);

            /** GroupRequest conversationId */
            conversationId?: (string|null);

            /** GroupRequest users */
            users?: (string[]|null);

            /** GroupRequest name */
            name?: (string|null);

            /** GroupRequest clientMsgId */
            clientMsgId?: (string|null);

            /** GroupRequest avatarUrl */
            avatarUrl?: (string|null);

            /** GroupRequest announcement */
            announcement?: (string|null);

            /** GroupRequest role */
            role?: (number|null);

            /** GroupRequest mutedUntil */
            mutedUntil?: (number|null);

            /** GroupRequest on */
            on?: (boolean|null);

            /** GroupRequest fields */
            fields?: (number|null);

            /** GroupRequest joinable */
            joinable?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GroupRequest. */
        type $Shape = parley.GroupRequest.$Properties;
    }

    /**
     * Properties of a GroupResponse.
     * @deprecated Use parley.GroupResponse.$Properties instead.
     */
    interface IGroupResponse extends parley.GroupResponse.$Properties {
    }

    /** Represents a GroupResponse. */
    class GroupResponse {

        /**
         * Constructs a new GroupResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.GroupResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GroupResponse conversationId. */
        conversationId: string;

        /** GroupResponse seq. */
        seq: number;

        /** GroupResponse duplicate. */
        duplicate: boolean;

        /** GroupResponse message. */
        message?: (parley.Message.$Properties|null);

        /**
         * Encodes the specified GroupResponse message. Does not implicitly {@link parley.GroupResponse.verify|verify} messages.
         * @param message GroupResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.GroupResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GroupResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.GroupResponse & parley.GroupResponse.$Shape} GroupResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.GroupResponse & parley.GroupResponse.$Shape;

        /**
         * Gets the type url for GroupResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GroupResponse {

        /** Properties of a GroupResponse. */
        interface $Properties {

            /** GroupResponse conversationId */
            conversationId?: (string|null);

            /** GroupResponse seq */
            seq?: (number|null);

            /** GroupResponse duplicate */
            duplicate?: (boolean|null);

            /** GroupResponse message */
            message?: (parley.Message.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GroupResponse. */
        type $Shape = parley.GroupResponse.$Properties;
    }

    /**
     * Properties of a MarkRead.
     * @deprecated Use parley.MarkRead.$Properties instead.
     */
    interface IMarkRead extends parley.MarkRead.$Properties {
    }

    /** Represents a MarkRead. */
    class MarkRead {

        /**
         * Constructs a new MarkRead.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.MarkRead.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MarkRead conversationId. */
        conversationId: string;

        /** MarkRead seq. */
        seq: number;

        /**
         * Encodes the specified MarkRead message. Does not implicitly {@link parley.MarkRead.verify|verify} messages.
         * @param message MarkRead message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.MarkRead.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MarkRead message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.MarkRead & parley.MarkRead.$Shape} MarkRead
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.MarkRead & parley.MarkRead.$Shape;

        /**
         * Gets the type url for MarkRead
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MarkRead {

        /** Properties of a MarkRead. */
        interface $Properties {

            /** MarkRead conversationId */
            conversationId?: (string|null);

            /** MarkRead seq */
            seq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MarkRead. */
        type $Shape = parley.MarkRead.$Properties;
    }

    /**
     * Properties of a ReadState.
     * @deprecated Use parley.ReadState.$Properties instead.
     */
    interface IReadState extends parley.ReadState.$Properties {
    }

    /** Represents a ReadState. */
    class ReadState {

        /**
         * Constructs a new ReadState.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ReadState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReadState conversationId. */
        conversationId: string;

        /** ReadState userId. */
        userId: string;

        /** ReadState readSeq. */
        readSeq: number;

        /**
         * Encodes the specified ReadState message. Does not implicitly {@link parley.ReadState.verify|verify} messages.
         * @param message ReadState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ReadState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReadState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ReadState & parley.ReadState.$Shape} ReadState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ReadState & parley.ReadState.$Shape;

        /**
         * Gets the type url for ReadState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReadState {

        /** Properties of a ReadState. */
        interface $Properties {

            /** ReadState conversationId */
            conversationId?: (string|null);

            /** ReadState userId */
            userId?: (string|null);

            /** ReadState readSeq */
            readSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReadState. */
        type $Shape = parley.ReadState.$Properties;
    }

    /**
     * Properties of a Typing.
     * @deprecated Use parley.Typing.$Properties instead.
     */
    interface ITyping extends parley.Typing.$Properties {
    }

    /** Represents a Typing. */
    class Typing {

        /**
         * Constructs a new Typing.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Typing.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Typing conversationId. */
        conversationId: string;

        /** Typing typing. */
        typing: boolean;

        /** Typing userId. */
        userId: string;

        /**
         * Encodes the specified Typing message. Does not implicitly {@link parley.Typing.verify|verify} messages.
         * @param message Typing message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Typing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Typing message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Typing & parley.Typing.$Shape} Typing
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Typing & parley.Typing.$Shape;

        /**
         * Gets the type url for Typing
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Typing {

        /** Properties of a Typing. */
        interface $Properties {

            /** Typing conversationId */
            conversationId?: (string|null);

            /** Typing typing */
            typing?: (boolean|null);

            /** Typing userId */
            userId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Typing. */
        type $Shape = parley.Typing.$Properties;
    }

    /**
     * Properties of a PresenceRequest.
     * @deprecated Use parley.PresenceRequest.$Properties instead.
     */
    interface IPresenceRequest extends parley.PresenceRequest.$Properties {
    }

    /** Represents a PresenceRequest. */
    class PresenceRequest {

        /**
         * Constructs a new PresenceRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.PresenceRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PresenceRequest users. */
        users: string[];

        /** PresenceRequest subscribe. */
        subscribe: boolean;

        /** PresenceRequest conversationId. */
        conversationId: string;

        /** PresenceRequest after. */
        after: string;

        /** PresenceRequest limit. */
        limit: number;

        /**
         * Encodes the specified PresenceRequest message. Does not implicitly {@link parley.PresenceRequest.verify|verify} messages.
         * @param message PresenceRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.PresenceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PresenceRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.PresenceRequest & parley.PresenceRequest.$Shape} PresenceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.PresenceRequest & parley.PresenceRequest.$Shape;

        /**
         * Gets the type url for PresenceRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PresenceRequest {

        /** Properties of a PresenceRequest. */
        interface $Properties {

            /** PresenceRequest users */
            users?: (string[]|null);

            /** PresenceRequest subscribe */
            subscribe?: (boolean|null);

            /** PresenceRequest conversationId */
            conversationId?: (string|null);

            /** PresenceRequest after */
            after?: (string|null);

            /** PresenceRequest limit */
            limit?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PresenceRequest. */
        type $Shape = parley.PresenceRequest.$Properties;
    }

    /**
     * Properties of a Presence.
     * @deprecated Use parley.Presence.$Properties instead.
     */
    interface IPresence extends parley.Presence.$Properties {
    }

    /** Represents a Presence. */
    class Presence {

        /**
         * Constructs a new Presence.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Presence.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Presence userId. */
        userId: string;

        /** Presence online. */
        online: boolean;

        /** Presence lastSeen. */
        lastSeen: number;

        /**
         * Encodes the specified Presence message. Does not implicitly {@link parley.Presence.verify|verify} messages.
         * @param message Presence message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Presence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Presence message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Presence & parley.Presence.$Shape} Presence
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Presence & parley.Presence.$Shape;

        /**
         * Gets the type url for Presence
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Presence {

        /** Properties of a Presence. */
        interface $Properties {

            /** Presence userId */
            userId?: (string|null);

            /** Presence online */
            online?: (boolean|null);

            /** Presence lastSeen */
            lastSeen?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Presence. */
        type $Shape = parley.Presence.$Properties;
    }

    /**
     * Properties of a PresenceResponse.
     * @deprecated Use parley.PresenceResponse.$Properties instead.
     */
    interface IPresenceResponse extends parley.PresenceResponse.$Properties {
    }

    /** Represents a PresenceResponse. */
    class PresenceResponse {

        /**
         * Constructs a new PresenceResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.PresenceResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PresenceResponse users. */
        users: parley.Presence.$Properties[];

        /** PresenceResponse next. */
        next: string;

        /**
         * Encodes the specified PresenceResponse message. Does not implicitly {@link parley.PresenceResponse.verify|verify} messages.
         * @param message PresenceResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.PresenceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PresenceResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.PresenceResponse & parley.PresenceResponse.$Shape} PresenceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.PresenceResponse & parley.PresenceResponse.$Shape;

        /**
         * Gets the type url for PresenceResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PresenceResponse {

        /** Properties of a PresenceResponse. */
        interface $Properties {

            /** PresenceResponse users */
            users?: (parley.Presence.$Properties[]|null);

            /** PresenceResponse next */
            next?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PresenceResponse. */
        type $Shape = parley.PresenceResponse.$Properties;
    }

    /**
     * Properties of a MessageOp.
     * @deprecated Use parley.MessageOp.$Properties instead.
     */
    interface IMessageOp extends parley.MessageOp.$Properties {
    }

    /** Represents a MessageOp. */
    class MessageOp {

        /**
         * Constructs a new MessageOp.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.MessageOp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MessageOp op. */
        op: number;

        /** MessageOp conversationId. */
        conversationId: string;

        /** MessageOp seq. */
        seq: number;

        /** MessageOp body. */
        body: Uint8Array;

        /** MessageOp clientMsgId. */
        clientMsgId: string;

        /** MessageOp emoji. */
        emoji: string;

        /**
         * Encodes the specified MessageOp message. Does not implicitly {@link parley.MessageOp.verify|verify} messages.
         * @param message MessageOp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.MessageOp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MessageOp message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.MessageOp & parley.MessageOp.$Shape} MessageOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.MessageOp & parley.MessageOp.$Shape;

        /**
         * Gets the type url for MessageOp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MessageOp {

        /** Properties of a MessageOp. */
        interface $Properties {

            /** MessageOp op */
            op?: (number|null);

            /** MessageOp conversationId */
            conversationId?: (string|null);

            /** MessageOp seq */
            seq?: (number|null);

            /** MessageOp body */
            body?: (Uint8Array|null);

            /** MessageOp clientMsgId */
            clientMsgId?: (string|null);

            /** MessageOp emoji */
            emoji?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MessageOp. */
        type $Shape = parley.MessageOp.$Properties;
    }

    /**
     * Properties of a GroupInfoRequest.
     * @deprecated Use parley.GroupInfoRequest.$Properties instead.
     */
    interface IGroupInfoRequest extends parley.GroupInfoRequest.$Properties {
    }

    /** Represents a GroupInfoRequest. */
    class GroupInfoRequest {

        /**
         * Constructs a new GroupInfoRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.GroupInfoRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GroupInfoRequest conversationId. */
        conversationId: string;

        /**
         * Encodes the specified GroupInfoRequest message. Does not implicitly {@link parley.GroupInfoRequest.verify|verify} messages.
         * @param message GroupInfoRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.GroupInfoRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GroupInfoRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.GroupInfoRequest & parley.GroupInfoRequest.$Shape} GroupInfoRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.GroupInfoRequest & parley.GroupInfoRequest.$Shape;

        /**
         * Gets the type url for GroupInfoRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GroupInfoRequest {

        /** Properties of a GroupInfoRequest. */
        interface $Properties {

            /** GroupInfoRequest conversationId */
            conversationId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GroupInfoRequest. */
        type $Shape = parley.GroupInfoRequest.$Properties;
    }

    /**
     * Properties of a GroupMember.
     * @deprecated Use parley.GroupMember.$Properties instead.
     */
    interface IGroupMember extends parley.GroupMember.$Properties {
    }

    /** Represents a GroupMember. */
    class GroupMember {

        /**
         * Constructs a new GroupMember.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.GroupMember.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GroupMember userId. */
        userId: string;

        /** GroupMember role. */
        role: number;

        /** GroupMember mutedUntil. */
        mutedUntil: number;

        /** GroupMember joinSeq. */
        joinSeq: number;

        /**
         * Encodes the specified GroupMember message. Does not implicitly {@link parley.GroupMember.verify|verify} messages.
         * @param message GroupMember message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.GroupMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GroupMember message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.GroupMember & parley.GroupMember.$Shape} GroupMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.GroupMember & parley.GroupMember.$Shape;

        /**
         * Gets the type url for GroupMember
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GroupMember {

        /** Properties of a GroupMember. */
        interface $Properties {

            /** GroupMember userId */
            userId?: (string|null);

            /** GroupMember role */
            role?: (number|null);

            /** GroupMember mutedUntil */
            mutedUntil?: (number|null);

            /** GroupMember joinSeq */
            joinSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GroupMember. */
        type $Shape = parley.GroupMember.$Properties;
    }

    /**
     * Properties of a GroupInfo.
     * @deprecated Use parley.GroupInfo.$Properties instead.
     */
    interface IGroupInfo extends parley.GroupInfo.$Properties {
    }

    /** Represents a GroupInfo. */
    class GroupInfo {

        /**
         * Constructs a new GroupInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.GroupInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GroupInfo conversationId. */
        conversationId: string;

        /** GroupInfo name. */
        name: string;

        /** GroupInfo avatarUrl. */
        avatarUrl: string;

        /** GroupInfo announcement. */
        announcement: string;

        /** GroupInfo joinable. */
        joinable: boolean;

        /** GroupInfo mutedAll. */
        mutedAll: boolean;

        /** GroupInfo dismissed. */
        dismissed: boolean;

        /** GroupInfo maxSeq. */
        maxSeq: number;

        /** GroupInfo members. */
        members: parley.GroupMember.$Properties[];

        /**
         * Encodes the specified GroupInfo message. Does not implicitly {@link parley.GroupInfo.verify|verify} messages.
         * @param message GroupInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.GroupInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GroupInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.GroupInfo & parley.GroupInfo.$Shape} GroupInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.GroupInfo & parley.GroupInfo.$Shape;

        /**
         * Gets the type url for GroupInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GroupInfo {

        /** Properties of a GroupInfo. */
        interface $Properties {

            /** GroupInfo conversationId */
            conversationId?: (string|null);

            /** GroupInfo name */
            name?: (string|null);

            /** GroupInfo avatarUrl */
            avatarUrl?: (string|null);

            /** GroupInfo announcement */
            announcement?: (string|null);

            /** GroupInfo joinable */
            joinable?: (boolean|null);

            /** GroupInfo mutedAll */
            mutedAll?: (boolean|null);

            /** GroupInfo dismissed */
            dismissed?: (boolean|null);

            /** GroupInfo maxSeq */
            maxSeq?: (number|null);

            /** GroupInfo members */
            members?: (parley.GroupMember.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GroupInfo. */
        type $Shape = parley.GroupInfo.$Properties;
    }

    /**
     * Properties of a FriendRequest.
     * @deprecated Use parley.FriendRequest.$Properties instead.
     */
    interface IFriendRequest extends parley.FriendRequest.$Properties {
    }

    /** Represents a FriendRequest. */
    class FriendRequest {

        /**
         * Constructs a new FriendRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.FriendRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FriendRequest op. */
        op: number;

        /** FriendRequest userId. */
        userId: string;

        /** FriendRequest note. */
        note: string;

        /** FriendRequest clientMsgId. */
        clientMsgId: string;

        /** FriendRequest allow. */
        allow: boolean;

        /** FriendRequest groupAdds. */
        groupAdds: number;

        /**
         * Encodes the specified FriendRequest message. Does not implicitly {@link parley.FriendRequest.verify|verify} messages.
         * @param message FriendRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.FriendRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FriendRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.FriendRequest & parley.FriendRequest.$Shape} FriendRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.FriendRequest & parley.FriendRequest.$Shape;

        /**
         * Gets the type url for FriendRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FriendRequest {

        /** Properties of a FriendRequest. */
        interface $Properties {

            /** FriendRequest op */
            op?: (number|null);

            /** FriendRequest userId */
            userId?: (string|null);

            /** FriendRequest note */
            note?: (string|null);

            /** FriendRequest clientMsgId */
            clientMsgId?: (string|null);

            /** FriendRequest allow */
            allow?: (boolean|null);

            /** FriendRequest groupAdds */
            groupAdds?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FriendRequest. */
        type $Shape = parley.FriendRequest.$Properties;
    }

    /**
     * Properties of a FriendResponse.
     * @deprecated Use parley.FriendResponse.$Properties instead.
     */
    interface IFriendResponse extends parley.FriendResponse.$Properties {
    }

    /** Represents a FriendResponse. */
    class FriendResponse {

        /**
         * Constructs a new FriendResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.FriendResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FriendResponse duplicate. */
        duplicate: boolean;

        /** FriendResponse events. */
        events: parley.Message.$Properties[];

        /**
         * Encodes the specified FriendResponse message. Does not implicitly {@link parley.FriendResponse.verify|verify} messages.
         * @param message FriendResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.FriendResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FriendResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.FriendResponse & parley.FriendResponse.$Shape} FriendResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.FriendResponse & parley.FriendResponse.$Shape;

        /**
         * Gets the type url for FriendResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FriendResponse {

        /** Properties of a FriendResponse. */
        interface $Properties {

            /** FriendResponse duplicate */
            duplicate?: (boolean|null);

            /** FriendResponse events */
            events?: (parley.Message.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FriendResponse. */
        type $Shape = parley.FriendResponse.$Properties;
    }

    /**
     * Properties of a FriendListRequest.
     * @deprecated Use parley.FriendListRequest.$Properties instead.
     */
    interface IFriendListRequest extends parley.FriendListRequest.$Properties {
    }

    /** Represents a FriendListRequest. */
    class FriendListRequest {

        /**
         * Constructs a new FriendListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.FriendListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Encodes the specified FriendListRequest message. Does not implicitly {@link parley.FriendListRequest.verify|verify} messages.
         * @param message FriendListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.FriendListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FriendListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.FriendListRequest & parley.FriendListRequest.$Shape} FriendListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.FriendListRequest & parley.FriendListRequest.$Shape;

        /**
         * Gets the type url for FriendListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FriendListRequest {

        /** Properties of a FriendListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FriendListRequest. */
        type $Shape = parley.FriendListRequest.$Properties;
    }

    /**
     * Properties of an AccountsSessionsRequest.
     * @deprecated Use parley.AccountsSessionsRequest.$Properties instead.
     */
    interface IAccountsSessionsRequest extends parley.AccountsSessionsRequest.$Properties {
    }

    /** Represents an AccountsSessionsRequest. */
    class AccountsSessionsRequest {

        /**
         * Constructs a new AccountsSessionsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.AccountsSessionsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AccountsSessionsRequest op. */
        op: number;

        /** AccountsSessionsRequest sessionId. */
        sessionId: string;

        /**
         * Encodes the specified AccountsSessionsRequest message. Does not implicitly {@link parley.AccountsSessionsRequest.verify|verify} messages.
         * @param message AccountsSessionsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.AccountsSessionsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AccountsSessionsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.AccountsSessionsRequest & parley.AccountsSessionsRequest.$Shape} AccountsSessionsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.AccountsSessionsRequest & parley.AccountsSessionsRequest.$Shape;

        /**
         * Gets the type url for AccountsSessionsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AccountsSessionsRequest {

        /** Properties of an AccountsSessionsRequest. */
        interface $Properties {

            /** AccountsSessionsRequest op */
            op?: (number|null);

            /** AccountsSessionsRequest sessionId */
            sessionId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AccountsSessionsRequest. */
        type $Shape = parley.AccountsSessionsRequest.$Properties;
    }

    /**
     * Properties of an AccountsSession.
     * @deprecated Use parley.AccountsSession.$Properties instead.
     */
    interface IAccountsSession extends parley.AccountsSession.$Properties {
    }

    /** Represents an AccountsSession. */
    class AccountsSession {

        /**
         * Constructs a new AccountsSession.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.AccountsSession.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AccountsSession sessionId. */
        sessionId: string;

        /** AccountsSession device. */
        device: string;

        /** AccountsSession address. */
        address: string;

        /** AccountsSession createdAt. */
        createdAt: number;

        /** AccountsSession lastSeen. */
        lastSeen: number;

        /** AccountsSession expiresAt. */
        expiresAt: number;

        /** AccountsSession current. */
        current: boolean;

        /**
         * Encodes the specified AccountsSession message. Does not implicitly {@link parley.AccountsSession.verify|verify} messages.
         * @param message AccountsSession message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.AccountsSession.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AccountsSession message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.AccountsSession & parley.AccountsSession.$Shape} AccountsSession
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.AccountsSession & parley.AccountsSession.$Shape;

        /**
         * Gets the type url for AccountsSession
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AccountsSession {

        /** Properties of an AccountsSession. */
        interface $Properties {

            /** AccountsSession sessionId */
            sessionId?: (string|null);

            /** AccountsSession device */
            device?: (string|null);

            /** AccountsSession address */
            address?: (string|null);

            /** AccountsSession createdAt */
            createdAt?: (number|null);

            /** AccountsSession lastSeen */
            lastSeen?: (number|null);

            /** AccountsSession expiresAt */
            expiresAt?: (number|null);

            /** AccountsSession current */
            current?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AccountsSession. */
        type $Shape = parley.AccountsSession.$Properties;
    }

    /**
     * Properties of an AccountsSessionsResponse.
     * @deprecated Use parley.AccountsSessionsResponse.$Properties instead.
     */
    interface IAccountsSessionsResponse extends parley.AccountsSessionsResponse.$Properties {
    }

    /** Represents an AccountsSessionsResponse. */
    class AccountsSessionsResponse {

        /**
         * Constructs a new AccountsSessionsResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.AccountsSessionsResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AccountsSessionsResponse sessions. */
        sessions: parley.AccountsSession.$Properties[];

        /** AccountsSessionsResponse revoked. */
        revoked: string[];

        /**
         * Encodes the specified AccountsSessionsResponse message. Does not implicitly {@link parley.AccountsSessionsResponse.verify|verify} messages.
         * @param message AccountsSessionsResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.AccountsSessionsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AccountsSessionsResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.AccountsSessionsResponse & parley.AccountsSessionsResponse.$Shape} AccountsSessionsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.AccountsSessionsResponse & parley.AccountsSessionsResponse.$Shape;

        /**
         * Gets the type url for AccountsSessionsResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AccountsSessionsResponse {

        /** Properties of an AccountsSessionsResponse. */
        interface $Properties {

            /** AccountsSessionsResponse sessions */
            sessions?: (parley.AccountsSession.$Properties[]|null);

            /** AccountsSessionsResponse revoked */
            revoked?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AccountsSessionsResponse. */
        type $Shape = parley.AccountsSessionsResponse.$Properties;
    }

    /**
     * Properties of a FriendEntry.
     * @deprecated Use parley.FriendEntry.$Properties instead.
     */
    interface IFriendEntry extends parley.FriendEntry.$Properties {
    }

    /** Represents a FriendEntry. */
    class FriendEntry {

        /**
         * Constructs a new FriendEntry.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.FriendEntry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FriendEntry userId. */
        userId: string;

        /** FriendEntry note. */
        note: string;

        /** FriendEntry time. */
        time: number;

        /**
         * Encodes the specified FriendEntry message. Does not implicitly {@link parley.FriendEntry.verify|verify} messages.
         * @param message FriendEntry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.FriendEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FriendEntry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.FriendEntry & parley.FriendEntry.$Shape} FriendEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.FriendEntry & parley.FriendEntry.$Shape;

        /**
         * Gets the type url for FriendEntry
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FriendEntry {

        /** Properties of a FriendEntry. */
        interface $Properties {

            /** FriendEntry userId */
            userId?: (string|null);

            /** FriendEntry note */
            note?: (string|null);

            /** FriendEntry time */
            time?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FriendEntry. */
        type $Shape = parley.FriendEntry.$Properties;
    }

    /**
     * Properties of a FriendList.
     * @deprecated Use parley.FriendList.$Properties instead.
     */
    interface IFriendList extends parley.FriendList.$Properties {
    }

    /** Represents a FriendList. */
    class FriendList {

        /**
         * Constructs a new FriendList.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.FriendList.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FriendList friends. */
        friends: parley.FriendEntry.$Properties[];

        /** FriendList incoming. */
        incoming: parley.FriendEntry.$Properties[];

        /** FriendList outgoing. */
        outgoing: parley.FriendEntry.$Properties[];

        /** FriendList blocked. */
        blocked: parley.FriendEntry.$Properties[];

        /** FriendList allowStrangers. */
        allowStrangers: boolean;

        /** FriendList groupAdds. */
        groupAdds: number;

        /**
         * Encodes the specified FriendList message. Does not implicitly {@link parley.FriendList.verify|verify} messages.
         * @param message FriendList message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.FriendList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FriendList message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.FriendList & parley.FriendList.$Shape} FriendList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.FriendList & parley.FriendList.$Shape;

        /**
         * Gets the type url for FriendList
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FriendList {

        /** Properties of a FriendList. */
        interface $Properties {

            /** FriendList friends */
            friends?: (parley.FriendEntry.$Properties[]|null);

            /** FriendList incoming */
            incoming?: (parley.FriendEntry.$Properties[]|null);

            /** FriendList outgoing */
            outgoing?: (parley.FriendEntry.$Properties[]|null);

            /** FriendList blocked */
            blocked?: (parley.FriendEntry.$Properties[]|null);

            /** FriendList allowStrangers */
            allowStrangers?: (boolean|null);

            /** FriendList groupAdds */
            groupAdds?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FriendList. */
        type $Shape = parley.FriendList.$Properties;
    }

    /**
     * Properties of a ConsentInvitationsRequest.
     * @deprecated Use parley.ConsentInvitationsRequest.$Properties instead.
     */
    interface IConsentInvitationsRequest extends parley.ConsentInvitationsRequest.$Properties {
    }

    /** Represents a ConsentInvitationsRequest. */
    class ConsentInvitationsRequest {

        /**
         * Constructs a new ConsentInvitationsRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentInvitationsRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Encodes the specified ConsentInvitationsRequest message. Does not implicitly {@link parley.ConsentInvitationsRequest.verify|verify} messages.
         * @param message ConsentInvitationsRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentInvitationsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentInvitationsRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentInvitationsRequest & parley.ConsentInvitationsRequest.$Shape} ConsentInvitationsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentInvitationsRequest & parley.ConsentInvitationsRequest.$Shape;

        /**
         * Gets the type url for ConsentInvitationsRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentInvitationsRequest {

        /** Properties of a ConsentInvitationsRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentInvitationsRequest. */
        type $Shape = parley.ConsentInvitationsRequest.$Properties;
    }

    /**
     * Properties of a ConsentInvitation.
     * @deprecated Use parley.ConsentInvitation.$Properties instead.
     */
    interface IConsentInvitation extends parley.ConsentInvitation.$Properties {
    }

    /** Represents a ConsentInvitation. */
    class ConsentInvitation {

        /**
         * Constructs a new ConsentInvitation.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentInvitation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsentInvitation conversationId. */
        conversationId: string;

        /** ConsentInvitation name. */
        name: string;

        /** ConsentInvitation inviter. */
        inviter: string;

        /** ConsentInvitation time. */
        time: number;

        /** ConsentInvitation expiresAt. */
        expiresAt: number;

        /**
         * Encodes the specified ConsentInvitation message. Does not implicitly {@link parley.ConsentInvitation.verify|verify} messages.
         * @param message ConsentInvitation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentInvitation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentInvitation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentInvitation & parley.ConsentInvitation.$Shape} ConsentInvitation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentInvitation & parley.ConsentInvitation.$Shape;

        /**
         * Gets the type url for ConsentInvitation
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentInvitation {

        /** Properties of a ConsentInvitation. */
        interface $Properties {

            /** ConsentInvitation conversationId */
            conversationId?: (string|null);

            /** ConsentInvitation name */
            name?: (string|null);

            /** ConsentInvitation inviter */
            inviter?: (string|null);

            /** ConsentInvitation time */
            time?: (number|null);

            /** ConsentInvitation expiresAt */
            expiresAt?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentInvitation. */
        type $Shape = parley.ConsentInvitation.$Properties;
    }

    /**
     * Properties of a ConsentInvitations.
     * @deprecated Use parley.ConsentInvitations.$Properties instead.
     */
    interface IConsentInvitations extends parley.ConsentInvitations.$Properties {
    }

    /** Represents a ConsentInvitations. */
    class ConsentInvitations {

        /**
         * Constructs a new ConsentInvitations.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentInvitations.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsentInvitations invitations. */
        invitations: parley.ConsentInvitation.$Properties[];

        /**
         * Encodes the specified ConsentInvitations message. Does not implicitly {@link parley.ConsentInvitations.verify|verify} messages.
         * @param message ConsentInvitations message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentInvitations.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentInvitations message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentInvitations & parley.ConsentInvitations.$Shape} ConsentInvitations
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentInvitations & parley.ConsentInvitations.$Shape;

        /**
         * Gets the type url for ConsentInvitations
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentInvitations {

        /** Properties of a ConsentInvitations. */
        interface $Properties {

            /** ConsentInvitations invitations */
            invitations?: (parley.ConsentInvitation.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentInvitations. */
        type $Shape = parley.ConsentInvitations.$Properties;
    }

    /**
     * Properties of a ConsentBansRequest.
     * @deprecated Use parley.ConsentBansRequest.$Properties instead.
     */
    interface IConsentBansRequest extends parley.ConsentBansRequest.$Properties {
    }

    /** Represents a ConsentBansRequest. */
    class ConsentBansRequest {

        /**
         * Constructs a new ConsentBansRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentBansRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsentBansRequest conversationId. */
        conversationId: string;

        /**
         * Encodes the specified ConsentBansRequest message. Does not implicitly {@link parley.ConsentBansRequest.verify|verify} messages.
         * @param message ConsentBansRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentBansRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentBansRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentBansRequest & parley.ConsentBansRequest.$Shape} ConsentBansRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentBansRequest & parley.ConsentBansRequest.$Shape;

        /**
         * Gets the type url for ConsentBansRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentBansRequest {

        /** Properties of a ConsentBansRequest. */
        interface $Properties {

            /** ConsentBansRequest conversationId */
            conversationId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentBansRequest. */
        type $Shape = parley.ConsentBansRequest.$Properties;
    }

    /**
     * Properties of a ConsentBan.
     * @deprecated Use parley.ConsentBan.$Properties instead.
     */
    interface IConsentBan extends parley.ConsentBan.$Properties {
    }

    /** Represents a ConsentBan. */
    class ConsentBan {

        /**
         * Constructs a new ConsentBan.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentBan.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsentBan userId. */
        userId: string;

        /** ConsentBan bannedBy. */
        bannedBy: string;

        /** ConsentBan time. */
        time: number;

        /**
         * Encodes the specified ConsentBan message. Does not implicitly {@link parley.ConsentBan.verify|verify} messages.
         * @param message ConsentBan message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentBan.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentBan message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentBan & parley.ConsentBan.$Shape} ConsentBan
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentBan & parley.ConsentBan.$Shape;

        /**
         * Gets the type url for ConsentBan
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentBan {

        /** Properties of a ConsentBan. */
        interface $Properties {

            /** ConsentBan userId */
            userId?: (string|null);

            /** ConsentBan bannedBy */
            bannedBy?: (string|null);

            /** ConsentBan time */
            time?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentBan. */
        type $Shape = parley.ConsentBan.$Properties;
    }

    /**
     * Properties of a ConsentBans.
     * @deprecated Use parley.ConsentBans.$Properties instead.
     */
    interface IConsentBans extends parley.ConsentBans.$Properties {
    }

    /** Represents a ConsentBans. */
    class ConsentBans {

        /**
         * Constructs a new ConsentBans.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConsentBans.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsentBans conversationId. */
        conversationId: string;

        /** ConsentBans bans. */
        bans: parley.ConsentBan.$Properties[];

        /**
         * Encodes the specified ConsentBans message. Does not implicitly {@link parley.ConsentBans.verify|verify} messages.
         * @param message ConsentBans message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConsentBans.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsentBans message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConsentBans & parley.ConsentBans.$Shape} ConsentBans
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConsentBans & parley.ConsentBans.$Shape;

        /**
         * Gets the type url for ConsentBans
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConsentBans {

        /** Properties of a ConsentBans. */
        interface $Properties {

            /** ConsentBans conversationId */
            conversationId?: (string|null);

            /** ConsentBans bans */
            bans?: (parley.ConsentBan.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsentBans. */
        type $Shape = parley.ConsentBans.$Properties;
    }

    /**
     * Properties of a ConversationSettings.
     * @deprecated Use parley.ConversationSettings.$Properties instead.
     */
    interface IConversationSettings extends parley.ConversationSettings.$Properties {
    }

    /** Represents a ConversationSettings. */
    class ConversationSettings {

        /**
         * Constructs a new ConversationSettings.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ConversationSettings.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConversationSettings conversationId. */
        conversationId: string;

        /** ConversationSettings fields. */
        fields: number;

        /** ConversationSettings pinned. */
        pinned: boolean;

        /** ConversationSettings muted. */
        muted: boolean;

        /** ConversationSettings clientMsgId. */
        clientMsgId: string;

        /**
         * Encodes the specified ConversationSettings message. Does not implicitly {@link parley.ConversationSettings.verify|verify} messages.
         * @param message ConversationSettings message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ConversationSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConversationSettings message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ConversationSettings & parley.ConversationSettings.$Shape} ConversationSettings
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ConversationSettings & parley.ConversationSettings.$Shape;

        /**
         * Gets the type url for ConversationSettings
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConversationSettings {

        /** Properties of a ConversationSettings. */
        interface $Properties {

            /** ConversationSettings conversationId */
            conversationId?: (string|null);

            /** ConversationSettings fields */
            fields?: (number|null);

            /** ConversationSettings pinned */
            pinned?: (boolean|null);

            /** ConversationSettings muted */
            muted?: (boolean|null);

            /** ConversationSettings clientMsgId */
            clientMsgId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConversationSettings. */
        type $Shape = parley.ConversationSettings.$Properties;
    }

    /**
     * Properties of a ReadersRequest.
     * @deprecated Use parley.ReadersRequest.$Properties instead.
     */
    interface IReadersRequest extends parley.ReadersRequest.$Properties {
    }

    /** Represents a ReadersRequest. */
    class ReadersRequest {

        /**
         * Constructs a new ReadersRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.ReadersRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReadersRequest conversationId. */
        conversationId: string;

        /** ReadersRequest seq. */
        seq: number;

        /** ReadersRequest limit. */
        limit: number;

        /**
         * Encodes the specified ReadersRequest message. Does not implicitly {@link parley.ReadersRequest.verify|verify} messages.
         * @param message ReadersRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.ReadersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReadersRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.ReadersRequest & parley.ReadersRequest.$Shape} ReadersRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.ReadersRequest & parley.ReadersRequest.$Shape;

        /**
         * Gets the type url for ReadersRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReadersRequest {

        /** Properties of a ReadersRequest. */
        interface $Properties {

            /** ReadersRequest conversationId */
            conversationId?: (string|null);

            /** ReadersRequest seq */
            seq?: (number|null);

            /** ReadersRequest limit */
            limit?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReadersRequest. */
        type $Shape = parley.ReadersRequest.$Properties;
    }

    /**
     * Properties of a Readers.
     * @deprecated Use parley.Readers.$Properties instead.
     */
    interface IReaders extends parley.Readers.$Properties {
    }

    /** Represents a Readers. */
    class Readers {

        /**
         * Constructs a new Readers.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.Readers.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Readers conversationId. */
        conversationId: string;

        /** Readers seq. */
        seq: number;

        /** Readers users. */
        users: string[];

        /** Readers readCount. */
        readCount: number;

        /** Readers unreadCount. */
        unreadCount: number;

        /**
         * Encodes the specified Readers message. Does not implicitly {@link parley.Readers.verify|verify} messages.
         * @param message Readers message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.Readers.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Readers message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.Readers & parley.Readers.$Shape} Readers
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.Readers & parley.Readers.$Shape;

        /**
         * Gets the type url for Readers
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Readers {

        /** Properties of a Readers. */
        interface $Properties {

            /** Readers conversationId */
            conversationId?: (string|null);

            /** Readers seq */
            seq?: (number|null);

            /** Readers users */
            users?: (string[]|null);

            /** Readers readCount */
            readCount?: (number|null);

            /** Readers unreadCount */
            unreadCount?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Readers. */
        type $Shape = parley.Readers.$Properties;
    }

    /**
     * Properties of a DeliveryState.
     * @deprecated Use parley.DeliveryState.$Properties instead.
     */
    interface IDeliveryState extends parley.DeliveryState.$Properties {
    }

    /** Represents a DeliveryState. */
    class DeliveryState {

        /**
         * Constructs a new DeliveryState.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.DeliveryState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeliveryState conversationId. */
        conversationId: string;

        /** DeliveryState userId. */
        userId: string;

        /** DeliveryState deliveredSeq. */
        deliveredSeq: number;

        /**
         * Encodes the specified DeliveryState message. Does not implicitly {@link parley.DeliveryState.verify|verify} messages.
         * @param message DeliveryState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.DeliveryState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeliveryState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.DeliveryState & parley.DeliveryState.$Shape} DeliveryState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.DeliveryState & parley.DeliveryState.$Shape;

        /**
         * Gets the type url for DeliveryState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeliveryState {

        /** Properties of a DeliveryState. */
        interface $Properties {

            /** DeliveryState conversationId */
            conversationId?: (string|null);

            /** DeliveryState userId */
            userId?: (string|null);

            /** DeliveryState deliveredSeq */
            deliveredSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeliveryState. */
        type $Shape = parley.DeliveryState.$Properties;
    }

    /**
     * Properties of a VoiceStart.
     * @deprecated Use parley.VoiceStart.$Properties instead.
     */
    interface IVoiceStart extends parley.VoiceStart.$Properties {
    }

    /** Represents a VoiceStart. */
    class VoiceStart {

        /**
         * Constructs a new VoiceStart.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceStart.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceStart conversationId. */
        conversationId: string;

        /** VoiceStart mime. */
        mime: string;

        /**
         * Encodes the specified VoiceStart message. Does not implicitly {@link parley.VoiceStart.verify|verify} messages.
         * @param message VoiceStart message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceStart message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceStart & parley.VoiceStart.$Shape} VoiceStart
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceStart & parley.VoiceStart.$Shape;

        /**
         * Gets the type url for VoiceStart
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceStart {

        /** Properties of a VoiceStart. */
        interface $Properties {

            /** VoiceStart conversationId */
            conversationId?: (string|null);

            /** VoiceStart mime */
            mime?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceStart. */
        type $Shape = parley.VoiceStart.$Properties;
    }

    /**
     * Properties of a VoiceState.
     * @deprecated Use parley.VoiceState.$Properties instead.
     */
    interface IVoiceState extends parley.VoiceState.$Properties {
    }

    /** Represents a VoiceState. */
    class VoiceState {

        /**
         * Constructs a new VoiceState.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceState streamId. */
        streamId: string;

        /** VoiceState conversationId. */
        conversationId: string;

        /** VoiceState chunks. */
        chunks: number;

        /** VoiceState bytes. */
        bytes: number;

        /** VoiceState maxChunkBytes. */
        maxChunkBytes: number;

        /** VoiceState maxBytes. */
        maxBytes: number;

        /** VoiceState maxDurationMs. */
        maxDurationMs: number;

        /** VoiceState cancelled. */
        cancelled: boolean;

        /**
         * Encodes the specified VoiceState message. Does not implicitly {@link parley.VoiceState.verify|verify} messages.
         * @param message VoiceState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceState & parley.VoiceState.$Shape} VoiceState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceState & parley.VoiceState.$Shape;

        /**
         * Gets the type url for VoiceState
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceState {

        /** Properties of a VoiceState. */
        interface $Properties {

            /** VoiceState streamId */
            streamId?: (string|null);

            /** VoiceState conversationId */
            conversationId?: (string|null);

            /** VoiceState chunks */
            chunks?: (number|null);

            /** VoiceState bytes */
            bytes?: (number|null);

            /** VoiceState maxChunkBytes */
            maxChunkBytes?: (number|null);

            /** VoiceState maxBytes */
            maxBytes?: (number|null);

            /** VoiceState maxDurationMs */
            maxDurationMs?: (number|null);

            /** VoiceState cancelled */
            cancelled?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceState. */
        type $Shape = parley.VoiceState.$Properties;
    }

    /**
     * Properties of a VoiceChunk.
     * @deprecated Use parley.VoiceChunk.$Properties instead.
     */
    interface IVoiceChunk extends parley.VoiceChunk.$Properties {
    }

    /** Represents a VoiceChunk. */
    class VoiceChunk {

        /**
         * Constructs a new VoiceChunk.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceChunk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceChunk streamId. */
        streamId: string;

        /** VoiceChunk index. */
        index: number;

        /** VoiceChunk data. */
        data: Uint8Array;

        /**
         * Encodes the specified VoiceChunk message. Does not implicitly {@link parley.VoiceChunk.verify|verify} messages.
         * @param message VoiceChunk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceChunk message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceChunk & parley.VoiceChunk.$Shape} VoiceChunk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceChunk & parley.VoiceChunk.$Shape;

        /**
         * Gets the type url for VoiceChunk
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceChunk {

        /** Properties of a VoiceChunk. */
        interface $Properties {

            /** VoiceChunk streamId */
            streamId?: (string|null);

            /** VoiceChunk index */
            index?: (number|null);

            /** VoiceChunk data */
            data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceChunk. */
        type $Shape = parley.VoiceChunk.$Properties;
    }

    /**
     * Properties of a VoiceChunkAck.
     * @deprecated Use parley.VoiceChunkAck.$Properties instead.
     */
    interface IVoiceChunkAck extends parley.VoiceChunkAck.$Properties {
    }

    /** Represents a VoiceChunkAck. */
    class VoiceChunkAck {

        /**
         * Constructs a new VoiceChunkAck.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceChunkAck.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceChunkAck streamId. */
        streamId: string;

        /** VoiceChunkAck index. */
        index: number;

        /** VoiceChunkAck duplicate. */
        duplicate: boolean;

        /**
         * Encodes the specified VoiceChunkAck message. Does not implicitly {@link parley.VoiceChunkAck.verify|verify} messages.
         * @param message VoiceChunkAck message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceChunkAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceChunkAck message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceChunkAck & parley.VoiceChunkAck.$Shape} VoiceChunkAck
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceChunkAck & parley.VoiceChunkAck.$Shape;

        /**
         * Gets the type url for VoiceChunkAck
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceChunkAck {

        /** Properties of a VoiceChunkAck. */
        interface $Properties {

            /** VoiceChunkAck streamId */
            streamId?: (string|null);

            /** VoiceChunkAck index */
            index?: (number|null);

            /** VoiceChunkAck duplicate */
            duplicate?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceChunkAck. */
        type $Shape = parley.VoiceChunkAck.$Properties;
    }

    /**
     * Properties of a VoiceEnd.
     * @deprecated Use parley.VoiceEnd.$Properties instead.
     */
    interface IVoiceEnd extends parley.VoiceEnd.$Properties {
    }

    /** Represents a VoiceEnd. */
    class VoiceEnd {

        /**
         * Constructs a new VoiceEnd.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceEnd.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceEnd streamId. */
        streamId: string;

        /** VoiceEnd chunkCount. */
        chunkCount: number;

        /** VoiceEnd durationMs. */
        durationMs: number;

        /** VoiceEnd sha256. */
        sha256: Uint8Array;

        /**
         * Encodes the specified VoiceEnd message. Does not implicitly {@link parley.VoiceEnd.verify|verify} messages.
         * @param message VoiceEnd message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceEnd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceEnd message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceEnd & parley.VoiceEnd.$Shape} VoiceEnd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceEnd & parley.VoiceEnd.$Shape;

        /**
         * Gets the type url for VoiceEnd
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceEnd {

        /** Properties of a VoiceEnd. */
        interface $Properties {

            /** VoiceEnd streamId */
            streamId?: (string|null);

            /** VoiceEnd chunkCount */
            chunkCount?: (number|null);

            /** VoiceEnd durationMs */
            durationMs?: (number|null);

            /** VoiceEnd sha256 */
            sha256?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceEnd. */
        type $Shape = parley.VoiceEnd.$Properties;
    }

    /**
     * Properties of a VoiceEnded.
     * @deprecated Use parley.VoiceEnded.$Properties instead.
     */
    interface IVoiceEnded extends parley.VoiceEnded.$Properties {
    }

    /** Represents a VoiceEnded. */
    class VoiceEnded {

        /**
         * Constructs a new VoiceEnded.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceEnded.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceEnded message. */
        message?: (parley.Message.$Properties|null);

        /** VoiceEnded duplicate. */
        duplicate: boolean;

        /**
         * Encodes the specified VoiceEnded message. Does not implicitly {@link parley.VoiceEnded.verify|verify} messages.
         * @param message VoiceEnded message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceEnded.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceEnded message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceEnded & parley.VoiceEnded.$Shape} VoiceEnded
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceEnded & parley.VoiceEnded.$Shape;

        /**
         * Gets the type url for VoiceEnded
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceEnded {

        /** Properties of a VoiceEnded. */
        interface $Properties {

            /** VoiceEnded message */
            message?: (parley.Message.$Properties|null);

            /** VoiceEnded duplicate */
            duplicate?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceEnded. */
        type $Shape = parley.VoiceEnded.$Properties;
    }

    /**
     * Properties of a VoiceCancel.
     * @deprecated Use parley.VoiceCancel.$Properties instead.
     */
    interface IVoiceCancel extends parley.VoiceCancel.$Properties {
    }

    /** Represents a VoiceCancel. */
    class VoiceCancel {

        /**
         * Constructs a new VoiceCancel.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceCancel.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceCancel streamId. */
        streamId: string;

        /**
         * Encodes the specified VoiceCancel message. Does not implicitly {@link parley.VoiceCancel.verify|verify} messages.
         * @param message VoiceCancel message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceCancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceCancel message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceCancel & parley.VoiceCancel.$Shape} VoiceCancel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceCancel & parley.VoiceCancel.$Shape;

        /**
         * Gets the type url for VoiceCancel
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceCancel {

        /** Properties of a VoiceCancel. */
        interface $Properties {

            /** VoiceCancel streamId */
            streamId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceCancel. */
        type $Shape = parley.VoiceCancel.$Properties;
    }

    /**
     * Properties of a VoicePush.
     * @deprecated Use parley.VoicePush.$Properties instead.
     */
    interface IVoicePush extends parley.VoicePush.$Properties {
    }

    /** Represents a VoicePush. */
    class VoicePush {

        /**
         * Constructs a new VoicePush.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoicePush.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoicePush streamId. */
        streamId: string;

        /** VoicePush conversationId. */
        conversationId: string;

        /** VoicePush senderId. */
        senderId: string;

        /** VoicePush mime. */
        mime: string;

        /** VoicePush index. */
        index: number;

        /** VoicePush data. */
        data: Uint8Array;

        /** VoicePush ended. */
        ended: boolean;

        /** VoicePush chunkCount. */
        chunkCount: number;

        /** VoicePush cancelled. */
        cancelled: boolean;

        /**
         * Encodes the specified VoicePush message. Does not implicitly {@link parley.VoicePush.verify|verify} messages.
         * @param message VoicePush message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoicePush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoicePush message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoicePush & parley.VoicePush.$Shape} VoicePush
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoicePush & parley.VoicePush.$Shape;

        /**
         * Gets the type url for VoicePush
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoicePush {

        /** Properties of a VoicePush. */
        interface $Properties {

            /** VoicePush streamId */
            streamId?: (string|null);

            /** VoicePush conversationId */
            conversationId?: (string|null);

            /** VoicePush senderId */
            senderId?: (string|null);

            /** VoicePush mime */
            mime?: (string|null);

            /** VoicePush index */
            index?: (number|null);

            /** VoicePush data */
            data?: (Uint8Array|null);

            /** VoicePush ended */
            ended?: (boolean|null);

            /** VoicePush chunkCount */
            chunkCount?: (number|null);

            /** VoicePush cancelled */
            cancelled?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoicePush. */
        type $Shape = parley.VoicePush.$Properties;
    }

    /**
     * Properties of a VoiceFetch.
     * @deprecated Use parley.VoiceFetch.$Properties instead.
     */
    interface IVoiceFetch extends parley.VoiceFetch.$Properties {
    }

    /** Represents a VoiceFetch. */
    class VoiceFetch {

        /**
         * Constructs a new VoiceFetch.
         * @param [properties] Properties to set
         */
        constructor(properties?: parley.VoiceFetch.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceFetch streamId. */
        streamId: string;

        /** VoiceFetch index. */
        index: number;

        /**
         * Encodes the specified VoiceFetch message. Does not implicitly {@link parley.VoiceFetch.verify|verify} messages.
         * @param message VoiceFetch message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: parley.VoiceFetch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceFetch message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {parley.VoiceFetch & parley.VoiceFetch.$Shape} VoiceFetch
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.VoiceFetch & parley.VoiceFetch.$Shape;

        /**
         * Gets the type url for VoiceFetch
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VoiceFetch {

        /** Properties of a VoiceFetch. */
        interface $Properties {

            /** VoiceFetch streamId */
            streamId?: (string|null);

            /** VoiceFetch index */
            index?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceFetch. */
        type $Shape = parley.VoiceFetch.$Properties;
    }

    /** MessageType enum. */
    enum MessageType {

        /** MESSAGE_TYPE_UNSPECIFIED value */
        MESSAGE_TYPE_UNSPECIFIED = 0,

        /** MESSAGE_TYPE_TEXT value */
        MESSAGE_TYPE_TEXT = 1,

        /** MESSAGE_TYPE_CUSTOM value */
        MESSAGE_TYPE_CUSTOM = 2,

        /** MESSAGE_TYPE_IMAGE value */
        MESSAGE_TYPE_IMAGE = 3,

        /** MESSAGE_TYPE_FILE value */
        MESSAGE_TYPE_FILE = 4,

        /** MESSAGE_TYPE_VOICE value */
        MESSAGE_TYPE_VOICE = 5,

        /** MESSAGE_TYPE_VIDEO value */
        MESSAGE_TYPE_VIDEO = 6,

        /** MESSAGE_TYPE_MEMBERSHIP value */
        MESSAGE_TYPE_MEMBERSHIP = 100,

        /** MESSAGE_TYPE_RECALL value */
        MESSAGE_TYPE_RECALL = 101,

        /** MESSAGE_TYPE_EDIT value */
        MESSAGE_TYPE_EDIT = 102,

        /** MESSAGE_TYPE_FRIEND value */
        MESSAGE_TYPE_FRIEND = 103,

        /** MESSAGE_TYPE_REACTION value */
        MESSAGE_TYPE_REACTION = 104,

        /** MESSAGE_TYPE_HISTORY value */
        MESSAGE_TYPE_HISTORY = 105,

        /** MESSAGE_TYPE_SETTINGS value */
        MESSAGE_TYPE_SETTINGS = 106
    }

    /** MessageFlag enum. */
    enum MessageFlag {

        /** MESSAGE_FLAG_NONE value */
        MESSAGE_FLAG_NONE = 0,

        /** MESSAGE_FLAG_RECALLED value */
        MESSAGE_FLAG_RECALLED = 1,

        /** MESSAGE_FLAG_EDITED value */
        MESSAGE_FLAG_EDITED = 2
    }

    /** MessageOpKind enum. */
    enum MessageOpKind {

        /** MESSAGE_OP_KIND_UNSPECIFIED value */
        MESSAGE_OP_KIND_UNSPECIFIED = 0,

        /** MESSAGE_OP_KIND_RECALL value */
        MESSAGE_OP_KIND_RECALL = 1,

        /** MESSAGE_OP_KIND_EDIT value */
        MESSAGE_OP_KIND_EDIT = 2,

        /** MESSAGE_OP_KIND_REACT value */
        MESSAGE_OP_KIND_REACT = 3,

        /** MESSAGE_OP_KIND_UNREACT value */
        MESSAGE_OP_KIND_UNREACT = 4,

        /** MESSAGE_OP_KIND_HIDE value */
        MESSAGE_OP_KIND_HIDE = 5,

        /** MESSAGE_OP_KIND_CLEAR value */
        MESSAGE_OP_KIND_CLEAR = 6
    }

    /** ConversationKind enum. */
    enum ConversationKind {

        /** CONVERSATION_KIND_UNSPECIFIED value */
        CONVERSATION_KIND_UNSPECIFIED = 0,

        /** CONVERSATION_KIND_DIRECT value */
        CONVERSATION_KIND_DIRECT = 1,

        /** CONVERSATION_KIND_GROUP value */
        CONVERSATION_KIND_GROUP = 2,

        /** CONVERSATION_KIND_NOTICES value */
        CONVERSATION_KIND_NOTICES = 3
    }

    /** ConversationSetting enum. */
    enum ConversationSetting {

        /** CONVERSATION_SETTING_NONE value */
        CONVERSATION_SETTING_NONE = 0,

        /** CONVERSATION_SETTING_PINNED value */
        CONVERSATION_SETTING_PINNED = 1,

        /** CONVERSATION_SETTING_MUTED value */
        CONVERSATION_SETTING_MUTED = 2
    }

    /** AccountsSessionOp enum. */
    enum AccountsSessionOp {

        /** ACCOUNTS_SESSION_OP_UNSPECIFIED value */
        ACCOUNTS_SESSION_OP_UNSPECIFIED = 0,

        /** ACCOUNTS_SESSION_OP_LIST value */
        ACCOUNTS_SESSION_OP_LIST = 1,

        /** ACCOUNTS_SESSION_OP_REVOKE value */
        ACCOUNTS_SESSION_OP_REVOKE = 2,

        /** ACCOUNTS_SESSION_OP_REVOKE_OTHERS value */
        ACCOUNTS_SESSION_OP_REVOKE_OTHERS = 3
    }

    /** FriendOp enum. */
    enum FriendOp {

        /** FRIEND_OP_UNSPECIFIED value */
        FRIEND_OP_UNSPECIFIED = 0,

        /** FRIEND_OP_REQUEST value */
        FRIEND_OP_REQUEST = 1,

        /** FRIEND_OP_ACCEPT value */
        FRIEND_OP_ACCEPT = 2,

        /** FRIEND_OP_REJECT value */
        FRIEND_OP_REJECT = 3,

        /** FRIEND_OP_REMOVE value */
        FRIEND_OP_REMOVE = 4,

        /** FRIEND_OP_BLOCK value */
        FRIEND_OP_BLOCK = 5,

        /** FRIEND_OP_UNBLOCK value */
        FRIEND_OP_UNBLOCK = 6,

        /** FRIEND_OP_ALLOW_STRANGERS value */
        FRIEND_OP_ALLOW_STRANGERS = 7,

        /** FRIEND_OP_GROUP_ADDS value */
        FRIEND_OP_GROUP_ADDS = 8
    }

    /** GroupAdds enum. */
    enum GroupAdds {

        /** GROUP_ADDS_DEFAULT value */
        GROUP_ADDS_DEFAULT = 0,

        /** GROUP_ADDS_ANYONE value */
        GROUP_ADDS_ANYONE = 1,

        /** GROUP_ADDS_FRIENDS value */
        GROUP_ADDS_FRIENDS = 2,

        /** GROUP_ADDS_NOBODY value */
        GROUP_ADDS_NOBODY = 3
    }

    /** GroupOp enum. */
    enum GroupOp {

        /** GROUP_OP_UNSPECIFIED value */
        GROUP_OP_UNSPECIFIED = 0,

        /** GROUP_OP_CREATE value */
        GROUP_OP_CREATE = 1,

        /** GROUP_OP_INVITE value */
        GROUP_OP_INVITE = 2,

        /** GROUP_OP_KICK value */
        GROUP_OP_KICK = 3,

        /** GROUP_OP_LEAVE value */
        GROUP_OP_LEAVE = 4,

        /** GROUP_OP_INFO value */
        GROUP_OP_INFO = 5,

        /** GROUP_OP_SET_ROLE value */
        GROUP_OP_SET_ROLE = 6,

        /** GROUP_OP_TRANSFER value */
        GROUP_OP_TRANSFER = 7,

        /** GROUP_OP_DISMISS value */
        GROUP_OP_DISMISS = 8,

        /** GROUP_OP_MUTE value */
        GROUP_OP_MUTE = 9,

        /** GROUP_OP_MUTE_ALL value */
        GROUP_OP_MUTE_ALL = 10,

        /** GROUP_OP_JOIN value */
        GROUP_OP_JOIN = 11,

        /** GROUP_OP_ACCEPT_INVITATION value */
        GROUP_OP_ACCEPT_INVITATION = 12,

        /** GROUP_OP_DECLINE_INVITATION value */
        GROUP_OP_DECLINE_INVITATION = 13,

        /** GROUP_OP_BAN value */
        GROUP_OP_BAN = 14,

        /** GROUP_OP_UNBAN value */
        GROUP_OP_UNBAN = 15
    }

    /** GroupRole enum. */
    enum GroupRole {

        /** GROUP_ROLE_UNSPECIFIED value */
        GROUP_ROLE_UNSPECIFIED = 0,

        /** GROUP_ROLE_OWNER value */
        GROUP_ROLE_OWNER = 1,

        /** GROUP_ROLE_ADMIN value */
        GROUP_ROLE_ADMIN = 2,

        /** GROUP_ROLE_MEMBER value */
        GROUP_ROLE_MEMBER = 3
    }

    /** GroupInfoField enum. */
    enum GroupInfoField {

        /** GROUP_INFO_FIELD_NONE value */
        GROUP_INFO_FIELD_NONE = 0,

        /** GROUP_INFO_FIELD_NAME value */
        GROUP_INFO_FIELD_NAME = 1,

        /** GROUP_INFO_FIELD_AVATAR_URL value */
        GROUP_INFO_FIELD_AVATAR_URL = 2,

        /** GROUP_INFO_FIELD_ANNOUNCEMENT value */
        GROUP_INFO_FIELD_ANNOUNCEMENT = 4,

        /** GROUP_INFO_FIELD_JOINABLE value */
        GROUP_INFO_FIELD_JOINABLE = 8
    }

    /** CloseCode enum. */
    enum CloseCode {

        /** CLOSE_CODE_UNSPECIFIED value */
        CLOSE_CODE_UNSPECIFIED = 0,

        /** CLOSE_CODE_NORMAL value */
        CLOSE_CODE_NORMAL = 1000,

        /** CLOSE_CODE_GOING_AWAY value */
        CLOSE_CODE_GOING_AWAY = 1001,

        /** CLOSE_CODE_PROTOCOL_ERROR value */
        CLOSE_CODE_PROTOCOL_ERROR = 4000,

        /** CLOSE_CODE_AUTH_FAILED value */
        CLOSE_CODE_AUTH_FAILED = 4001,

        /** CLOSE_CODE_AUTH_TIMEOUT value */
        CLOSE_CODE_AUTH_TIMEOUT = 4002,

        /** CLOSE_CODE_FRAME_TOO_LARGE value */
        CLOSE_CODE_FRAME_TOO_LARGE = 4003,

        /** CLOSE_CODE_HEARTBEAT_TIMEOUT value */
        CLOSE_CODE_HEARTBEAT_TIMEOUT = 4004,

        /** CLOSE_CODE_SLOW_CONSUMER value */
        CLOSE_CODE_SLOW_CONSUMER = 4005,

        /** CLOSE_CODE_KICKED value */
        CLOSE_CODE_KICKED = 4006,

        /** CLOSE_CODE_DRAINING value */
        CLOSE_CODE_DRAINING = 4007,

        /** CLOSE_CODE_REPLACED value */
        CLOSE_CODE_REPLACED = 4008
    }
}
