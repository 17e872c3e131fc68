import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { GroupRole, MessageFlag, MessageType, type Message } from '@parley/sdk';
import { friendlyError, type Chat, type PendingSend } from '../chat.ts';
import { bytes, clock, eventText, lastSeen } from '../format.ts';
import { Avatar, Icon, Ticks, useDismiss } from './common.tsx';
import { canPlayLive, playLive, Recording, type LiveVoice } from '../voice.ts';

const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

export function Conversation({ chat, conversationId, onBack, onInfo }: { chat: Chat; conversationId: string; onBack: () => void; onInfo: () => void }) {
  const info = chat.info(conversationId);
  const group = conversationId.startsWith('g:');
  const peer = chat.peerOf(conversationId);
  const title = chat.title(conversationId);
  const messages = chat.timeline(conversationId).value;
  const pending = chat.pending.value.filter((p) => p.conversationId === conversationId);
  const uploads = chat.uploads.value.filter((u) => u.conversationId === conversationId);
  const typing = (chat.typing.value[conversationId] ?? []).filter((u) => u !== chat.me);
  const liveVoices = chat.liveVoices.value.filter((v) => v.stream.conversationId === conversationId);
  const presence = peer ? chat.presence.value[peer] : undefined;
  const reply = useSignal<Message | undefined>(undefined);
  const editing = useSignal<Message | undefined>(undefined);
  const viewer = useSignal<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepFromBottom = useRef<number | undefined>(undefined);
  void chat.ticks.value;

  // First page and presence; again once online when they could not be had offline.
  const isOnline = chat.connection.value === 'online';
  useEffect(() => {
    if (!isOnline) return;
    if (chat.timeline(conversationId).value.length < 20 && chat.hasMore(conversationId)) void older();
    if (peer) void chat.watchPresence(peer);
  }, [conversationId, isOnline, info !== undefined]);

  // Read what is shown while the tab is visible.
  useEffect(() => {
    const read = () => {
      if (document.visibilityState === 'visible') chat.markRead(conversationId);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [conversationId, messages.length, info?.unread]);

  const lastEvent = [...messages].reverse().find((m) => m.type === MessageType.MEMBERSHIP)?.seq ?? 0;
  useEffect(() => {
    if (group) void chat.loadGroup(conversationId);
  }, [conversationId, lastEvent]);

  const lastMine = [...messages].reverse().find((m) => m.senderId === chat.me && m.type !== MessageType.MEMBERSHIP);
  useEffect(() => {
    if (group && lastMine) void chat.pullReaders(conversationId, lastMine.seq);
  }, [lastMine?.seq, info?.maxSeq]);

  // Stick to the bottom as messages arrive; keep the view still when older ones are added above.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFromBottom.current !== undefined) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = undefined;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [messages, pending.length, uploads.length, typing.length, liveVoices.length]);

  async function older() {
    if (loading) return;
    setLoading(true);
    const el = scroller.current;
    if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    try {
      await chat.loadOlder(conversationId);
    } catch (err) {
      keepFromBottom.current = undefined;
      // Offline: the page is loaded when the connection is back.
      if (chat.connection.value === 'online') setError(friendlyError(err));
    } finally {
      setLoading(false);
    }
  }

  const onScroll = () => {
    const el = scroller.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 80 && chat.hasMore(conversationId) && !loading && chat.connection.value === 'online') void older();
  };

  const act = async (what: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await what();
    } catch (err) {
      setError(friendlyError(err));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    for (const f of Array.from(e.dataTransfer?.files ?? [])) void chat.sendFile(conversationId, f);
  };

  const status = typing.length
    ? `${typing.join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…`
    : group
      ? chat.memberCounts.value[conversationId] !== undefined
        ? `${chat.memberCounts.value[conversationId]} members`
        : 'group'
      : presence
        ? presence.online
          ? 'online'
          : lastSeen(presence.lastSeen)
        : '';

  return (
    <section class="conversation" aria-label={`Chat with ${title}`} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header class="conv-head">
        <button class="icon back" aria-label="Back to chats" onClick={onBack}>
          <Icon name="back" />
        </button>
        <Avatar id={group ? conversationId : title} group={group} size={40} online={presence ? presence.online : undefined} />
        <div class="conv-head-text">
          <h2>{title}</h2>
          <span class={`status${typing.length ? ' typing' : ''}`} aria-live="polite" data-testid="status">
            {status}
          </span>
        </div>
        {info && (
          <>
            <button class={`icon wide-only${info.pinned ? ' on' : ''}`} aria-pressed={info.pinned} aria-label={info.pinned ? 'Unpin chat' : 'Pin chat'} title={info.pinned ? 'Unpin' : 'Pin'} onClick={() => act(() => chat.client.setConversationSettings(conversationId, { pinned: !info.pinned }))}>
              <Icon name="pin" />
            </button>
            <button class={`icon wide-only${info.muted ? ' on' : ''}`} aria-pressed={info.muted} aria-label={info.muted ? 'Unmute chat' : 'Mute chat'} title={info.muted ? 'Unmute' : 'Mute'} onClick={() => act(() => chat.client.setConversationSettings(conversationId, { muted: !info.muted }))}>
              <Icon name="mute" />
            </button>
          </>
        )}
        <HeaderMenu
          group={group}
          pinned={info?.pinned}
          muted={info?.muted}
          onPin={() => act(() => chat.client.setConversationSettings(conversationId, { pinned: !info?.pinned }))}
          onMute={() => act(() => chat.client.setConversationSettings(conversationId, { muted: !info?.muted }))}
          onInfo={onInfo}
          onClear={() => {
            if (confirm('Clear this chat’s history for you? Others keep theirs.')) void act(() => chat.client.clearHistory(conversationId));
          }}
        />
      </header>
      {error && (
        <div class="inline-error" role="alert">
          {error}
          <button class="link" onClick={() => setError(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <div class="timeline" ref={scroller} onScroll={onScroll} role="log" aria-label="Messages" aria-live="polite" tabIndex={0}>
        {loading && <div class="loading">Loading earlier messages…</div>}
        {!chat.hasMore(conversationId) && messages.length > 0 && <div class="start">{group ? 'This is the start of the group.' : `This is the start of your chat with ${title}.`}</div>}
        {messages.map((m, i) => (
          <Row
            key={m.seq}
            chat={chat}
            m={m}
            prev={messages[i - 1]}
            group={group}
            last={m === lastMine}
            byId={(seq) => messages.find((x) => x.seq === seq)}
            onReply={() => ((reply.value = m), (editing.value = undefined))}
            onEdit={() => ((editing.value = m), (reply.value = undefined))}
            onView={(id) => (viewer.value = id)}
            act={act}
          />
        ))}
        {pending.map((p) => (
          <PendingRow key={p.clientMsgId} chat={chat} p={p} />
        ))}
        {uploads.map((u) => (
          <div class="row mine" key={u.id}>
            <div class="bubble upload" aria-label={`Uploading ${u.name}`}>
              <div class="upload-name">
                <Icon name="file" size={16} /> {u.name}
              </div>
              {u.error ? (
                <div class="failed-line">{u.error}</div>
              ) : (
                <progress max={u.total || 1} value={u.sent} aria-label={`Upload progress of ${u.name}`} />
              )}
              <div class="upload-meta">
                {bytes(u.sent)} / {bytes(u.total)}
                <button class="link" onClick={() => chat.dismissUpload(u.id)}>
                  {u.error ? 'Dismiss' : 'Cancel'}
                </button>
              </div>
            </div>
          </div>
        ))}
        {liveVoices.map((v) => (
          <LiveVoiceRow key={v.stream.streamId} chat={chat} live={v} group={group} />
        ))}
        {chat.unfinishedUploads.value.length > 0 && (
          <div class="event">
            <span>
              Unfinished upload{chat.unfinishedUploads.value.length > 1 ? 's' : ''}: {chat.unfinishedUploads.value.map((u) => u.name).join(', ')}. Attach the same file again to resume.
            </span>
          </div>
        )}
        {typing.length > 0 && (
          <div class="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
        )}
      </div>
      {info?.left ? (
        <div class="left-note">You are no longer a member of this group.</div>
      ) : info?.mutedAll && info.role > GroupRole.ADMIN ? (
        // The server would refuse the send (MUTED): say why instead of offering a composer that cannot work.
        <div class="left-note" role="status">
          Only the owner and admins can send in this group for now.
        </div>
      ) : (
        <Composer chat={chat} conversationId={conversationId} reply={reply.value} editing={editing.value} onDone={() => ((reply.value = undefined), (editing.value = undefined))} act={act} />
      )}
      {viewer.value && <Viewer chat={chat} fileId={viewer.value} onClose={() => (viewer.value = undefined)} />}
    </section>
  );
}

function HeaderMenu({ group, pinned, muted, onPin, onMute, onInfo, onClear }: { group: boolean; pinned?: boolean; muted?: boolean; onPin: () => void; onMute: () => void; onInfo: () => void; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  useDismiss(open, () => setOpen(false));
  return (
    <div class="menu-wrap">
      {group && (
        <button class="icon" aria-label="Group info" title="Group info" onClick={onInfo}>
          <Icon name="info" />
        </button>
      )}
      <button class="icon" aria-label="More" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="more" />
      </button>
      {open && (
        <div class="menu" role="menu" onClick={() => setOpen(false)}>
          {pinned !== undefined && (
            <button role="menuitem" onClick={onPin}>
              {pinned ? 'Unpin chat' : 'Pin chat'}
            </button>
          )}
          {muted !== undefined && (
            <button role="menuitem" onClick={onMute}>
              {muted ? 'Unmute chat' : 'Mute chat'}
            </button>
          )}
          <button role="menuitem" onClick={onClear}>
            Clear history
          </button>
        </div>
      )}
    </div>
  );
}

function Row(props: {
  chat: Chat;
  m: Message;
  prev?: Message;
  group: boolean;
  last: boolean;
  byId: (seq: number) => Message | undefined;
  onReply: () => void;
  onEdit: () => void;
  onView: (fileId: string) => void;
  act: (what: () => Promise<unknown>) => Promise<void>;
}) {
  const { chat, m, prev, group, last, act } = props;
  const [menu, setMenu] = useState(false);
  useDismiss(menu, () => setMenu(false));
  if (m.type === MessageType.MEMBERSHIP) {
    return (
      <div class="event" data-seq={m.seq}>
        <span>{eventText(m, chat.me)}</span>
      </div>
    );
  }
  const mine = m.senderId === chat.me;
  const recalled = (m.flags & MessageFlag.RECALLED) !== 0;
  const edited = (m.flags & MessageFlag.EDITED) !== 0;
  const showName = group && !mine && (prev?.senderId !== m.senderId || prev.type === MessageType.MEMBERSHIP);
  const quoted = m.replyTo ? props.byId(m.replyTo) : undefined;
  const tick = mine ? chat.tick(m) : undefined;
  const readBy = mine && group && last ? chat.readBy(m) : 0;
  const mentionsMe = !mine && (m.mentionAll || m.mentions.includes(chat.me));
  return (
    <div class={`row${mine ? ' mine' : ''}`} data-seq={m.seq}>
      {group && !mine && <span class="row-avatar">{showName ? <Avatar id={m.senderId} size={28} /> : null}</span>}
      <div class={`bubble${recalled ? ' recalled' : ''}${mentionsMe ? ' mention' : ''}${m.type === MessageType.IMAGE && !recalled ? ' picture' : ''}`} tabIndex={0} aria-label={`${mine ? 'You' : m.senderId} at ${clock(m.serverTime)}`}>
        {showName && <div class="sender">{m.senderId}</div>}
        {quoted && (
          <div class="quote">
            <strong>{quoted.senderId === chat.me ? 'You' : quoted.senderId}</strong> {quoted.text ?? (quoted.file ? quoted.file.name : '')}
          </div>
        )}
        {m.replyTo > 0 && !quoted && <div class="quote">Reply to an earlier message</div>}
        {recalled ? <em class="body">This message was recalled</em> : m.file ? <FileBody chat={chat} m={m} onView={props.onView} /> : <div class="body" data-testid="text">{m.text}</div>}
        <div class="meta">
          {edited && !recalled && <span class="edited">edited</span>}
          <time>{clock(m.serverTime)}</time>
          {tick && <Ticks state={tick} />}
        </div>
        {m.reactions.length > 0 && (
          <div class="reactions">
            {m.reactions.map((r) => {
              const minePicked = r.users.includes(chat.me);
              return (
                <button key={r.emoji} class={`reaction${minePicked ? ' picked' : ''}`} aria-pressed={minePicked} aria-label={`${r.emoji} ${r.users.length}, ${r.users.join(', ')}`} title={r.users.join(', ')} onClick={() => act(() => (minePicked ? chat.client.unreact(m.conversationId, m.seq, r.emoji) : chat.client.react(m.conversationId, m.seq, r.emoji)))}>
                  {r.emoji} {r.users.length}
                </button>
              );
            })}
          </div>
        )}
        {!recalled && (
          <div class="actions">
            <button class="icon small" aria-label="Message actions" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>
              <Icon name="more" size={16} />
            </button>
            {menu && (
              <div class={`menu${mine ? ' left' : ''}`} role="menu" onClick={() => setMenu(false)}>
                <div class="emoji-row">
                  {REACTIONS.map((e) => (
                    <button key={e} role="menuitem" aria-label={`React ${e}`} onClick={() => act(() => chat.client.react(m.conversationId, m.seq, e))}>
                      {e}
                    </button>
                  ))}
                </div>
                <button role="menuitem" onClick={props.onReply}>
                  Reply
                </button>
                {mine && m.type === MessageType.TEXT && (
                  <button role="menuitem" onClick={props.onEdit}>
                    Edit
                  </button>
                )}
                {(mine || group) && (
                  <button role="menuitem" onClick={() => act(() => chat.client.recall(m.conversationId, m.seq))}>
                    Recall for everyone
                  </button>
                )}
                <button role="menuitem" onClick={() => act(() => chat.client.deleteForMe(m.conversationId, m.seq))}>
                  Delete for me
                </button>
              </div>
            )}
          </div>
        )}
      </div>
      {readBy > 0 && <div class="read-by">Read by {readBy}</div>}
    </div>
  );
}

/** A thumbnail for images (full size on click), a named download link for other files. */
function FileBody({ chat, m, onView }: { chat: Chat; m: Message; onView: (fileId: string) => void }) {
  const f = m.file!;
  const [url, setUrl] = useState<string | undefined>();
  const image = m.type === MessageType.IMAGE;
  useEffect(() => {
    let live = true;
    chat.client.fileLink(image ? (f.thumbnailId ?? f.fileId) : f.fileId).then(
      (l) => live && setUrl(l.url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [f.fileId]);
  if (image) {
    const w = Math.min(280, f.width ?? 280);
    const h = f.width && f.height ? Math.round((w * f.height) / f.width) : 200;
    return (
      <button class="thumb" style={{ width: `${w}px`, height: `${h}px` }} aria-label={`Open picture ${f.name}`} onClick={() => onView(f.fileId)}>
        {url && <img src={url} alt={f.name} width={w} height={h} />}
      </button>
    );
  }
  if (m.type === MessageType.VOICE || m.type === MessageType.VIDEO) {
    const Player = m.type === MessageType.VOICE ? 'audio' : 'video';
    return (
      <div class="player">
        {url && <Player controls preload="metadata" src={url} aria-label={`${m.type === MessageType.VOICE ? 'Voice message' : 'Video'} ${f.name}`} />}
        <a class="file small-file" href={url} download={f.name} aria-label={`Download ${f.name}`}>
          {f.name} · {bytes(f.size)}
        </a>
        {f.durationMs !== undefined && f.durationMs > 0 && (
          <span class="duration" data-testid="duration">
            {duration(f.durationMs)}
          </span>
        )}
      </div>
    );
  }
  return (
    <a class="file" href={url} download={f.name} aria-label={`Download ${f.name}`}>
      <Icon name="file" size={28} />
      <span>
        <strong>{f.name}</strong>
        <small>{bytes(f.size)}</small>
      </span>
    </a>
  );
}

/** m:ss of a recording's length. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A voice message someone is still recording: its chunk count as it grows,
 * and Listen, which plays it from the start while it is recorded (MediaSource).
 * When the stream completes, this bubble goes and the VOICE message takes its place.
 */
function LiveVoiceRow({ chat, live, group }: { chat: Chat; live: LiveVoice; group: boolean }) {
  void chat.voiceChunks.value;
  const audio = useRef<HTMLAudioElement>(null);
  const [listening, setListening] = useState(false);
  const [appended, setAppended] = useState(0);
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stop.current?.(), []);
  const playable = canPlayLive(live.stream.mime);
  // Your own other device recording shows as "You".
  const who = live.stream.senderId === chat.me ? 'You' : live.stream.senderId;
  const listen = () => {
    if (!audio.current || listening) return;
    setListening(true);
    stop.current = playLive(audio.current, live, setAppended);
  };
  return (
    <div class="row" data-testid="live-voice" data-chunks={live.chunks.length} data-appended={appended}>
      {group && <span class="row-avatar"><Avatar id={who} size={28} /></span>}
      <div class="bubble live-voice" aria-label={`${who} ${who === 'You' ? 'are' : 'is'} recording a voice message`}>
        <div class="live-line">
          <span class="rec-dot" aria-hidden="true" /> {who} {who === 'You' ? 'are' : 'is'} recording a voice message… <strong>(live)</strong>
        </div>
        <div class="live-meta">
          {playable ? (
            <button type="button" class="link" onClick={listen} disabled={listening} aria-label={`Listen live to ${who}`}>
              {listening ? 'Listening…' : 'Listen'}
            </button>
          ) : (
            <span>Playing live is not supported in this browser.</span>
          )}
          <span aria-live="off">
            {live.chunks.length} part{live.chunks.length === 1 ? '' : 's'} · {bytes(live.chunks.reduce((n, c) => n + c.length, 0))}
          </span>
        </div>
        <audio ref={audio} aria-label={`Live voice message from ${who}`} hidden={!listening} controls />
      </div>
    </div>
  );
}

function Viewer({ chat, fileId, onClose }: { chat: Chat; fileId: string; onClose: () => void }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    void chat.client.fileLink(fileId).then((l) => setUrl(l.url), onClose);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [fileId]);
  return (
    <div class="viewer" role="dialog" aria-modal="true" aria-label="Picture" onClick={onClose}>
      {url && <img src={url} alt="Full size picture" />}
      <button class="icon close" aria-label="Close picture" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}

function PendingRow({ chat, p }: { chat: Chat; p: PendingSend }) {
  return (
    <div class={`row mine pending ${p.state}`} data-pending={p.clientMsgId}>
      <div class="bubble">
        <div class="body" data-testid="text">{p.text ?? (p.file ? `File: ${p.file.name}` : '')}</div>
        <div class="meta">
          <time>{clock(p.createdAt)}</time>
          <Ticks state={p.state} />
        </div>
        {p.state === 'failed' && (
          <div class="failed-line" role="alert">
            Not sent: {p.error}
            <button class="link" onClick={() => chat.retry(p.clientMsgId)}>
              Retry
            </button>
            <button class="link" onClick={() => chat.discard(p.clientMsgId)}>
              Discard
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function Composer({ chat, conversationId, reply, editing, onDone, act }: { chat: Chat; conversationId: string; reply?: Message; editing?: Message; onDone: () => void; act: (what: () => Promise<unknown>) => Promise<void> }) {
  const [text, setText] = useState('');
  const [recording, setRecording] = useState<RecordingView | undefined>();
  const [voiceError, setVoiceError] = useState<string | undefined>();
  const input = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const typingSent = useRef(0);

  useEffect(() => {
    if (editing) setText(editing.text ?? '');
    if (editing || reply) input.current?.focus();
  }, [editing, reply]);
  useEffect(() => () => void stopTyping(), [conversationId]);

  const stopTyping = () => {
    if (typingSent.current === 0) return;
    typingSent.current = 0;
    chat.client.setTyping(conversationId, false);
  };
  // The box grows with its text, up to its CSS max-height.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [text]);
  const onInput = (value: string) => {
    setText(value);
    const now = Date.now();
    if (value && now - typingSent.current > 3000 && chat.connection.value === 'online') {
      typingSent.current = now;
      chat.client.setTyping(conversationId, true);
    } else if (!value) void stopTyping();
  };
  const submit = (e?: Event) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body) return;
    if (editing) {
      void act(() => chat.client.edit(conversationId, editing.seq, body));
    } else {
      // In a group, @id names a member (notified as a mention), @all everyone (owner and admins).
      const named = conversationId.startsWith('g:') ? [...body.matchAll(/(?:^|\s)@([A-Za-z0-9_.@-]{1,64})/g)].map((m) => m[1]!) : [];
      const mentionAll = named.includes('all');
      const mentions = [...new Set(named.filter((u) => u !== 'all' && u !== chat.me))];
      chat.send(conversationId, { text: body, ...(reply ? { replyTo: reply.seq } : {}), ...(mentions.length ? { mentions } : {}), ...(mentionAll ? { mentionAll } : {}) });
    }
    setText('');
    onDone();
    void stopTyping();
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = Array.from(e.clipboardData?.files ?? []);
    if (files.length === 0) return;
    e.preventDefault();
    for (const f of files) void chat.sendFile(conversationId, f);
  };
  return (
    <form class="composer" onSubmit={submit}>
      {(reply || editing) && (
        <div class="composer-context">
          <span>
            {editing ? 'Editing message' : `Replying to ${reply!.senderId === chat.me ? 'yourself' : reply!.senderId}`}: <em>{(editing ?? reply)!.text ?? (editing ?? reply)!.file?.name}</em>
          </span>
          <button type="button" class="icon small" aria-label="Cancel" onClick={() => (setText(''), onDone())}>
            <Icon name="close" size={16} />
          </button>
        </div>
      )}
      {voiceError && (
        <div class="inline-error" role="alert">
          {voiceError}
          <button type="button" class="link" onClick={() => setVoiceError(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <div class="composer-row">
        <button type="button" class="icon" aria-label="Attach a picture or file" title="Attach" onClick={() => file.current?.click()}>
          <Icon name="attach" />
        </button>
        <input
          ref={file}
          type="file"
          multiple
          hidden
          aria-label="Choose files to send"
          onChange={(e) => {
            for (const f of Array.from(e.currentTarget.files ?? [])) void chat.sendFile(conversationId, f);
            e.currentTarget.value = '';
          }}
        />
        {recording ? (
          <div class="recording" role="status" aria-live="polite" data-testid="recording" data-state={recording.state}>
            <span class="rec-dot" aria-hidden="true" />
            <span class="rec-time">{duration(recording.elapsed)}</span>
            <span class="rec-hint">{recording.state === 'starting' ? 'Starting the microphone…' : recording.state === 'sending' ? 'Sending…' : 'Release to send · Esc or slide away to cancel'}</span>
          </div>
        ) : (
        <textarea
          ref={input}
          rows={1}
          placeholder="Write a message"
          aria-label="Message"
          value={text}
          onInput={(e) => onInput(e.currentTarget.value)}
          onPaste={onPaste}
          onBlur={() => void stopTyping()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
            if (e.key === 'Escape' && (reply || editing)) (setText(''), onDone());
          }}
        />
        )}
        <RecordButton chat={chat} conversationId={conversationId} onState={setRecording} onError={setVoiceError} />
        <button class="send" type="submit" aria-label={editing ? 'Save edit' : 'Send'} disabled={!text.trim()}>
          <Icon name="send" />
        </button>
      </div>
    </form>
  );
}

interface RecordSession {
  started: Promise<Recording | undefined>;
  /** How the person ended it (possibly while the microphone was still starting). */
  ending?: 'send' | 'cancel';
  finished: boolean;
  timer?: ReturnType<typeof setInterval>;
}

interface RecordingView {
  state: 'starting' | 'recording' | 'sending';
  elapsed: number;
}

/**
 * Hold to record: press (pointer, or Space / Enter on the focused button) to
 * start, release to send; Escape or sliding the pointer off the button
 * cancels. A release that comes before the microphone is ready still sends
 * what was recorded by then (nothing, if nothing was: then it is cancelled).
 */
function RecordButton({ chat, conversationId, onState, onError }: { chat: Chat; conversationId: string; onState: (v: RecordingView | undefined) => void; onError: (e: string | undefined) => void }) {
  /** The recording in progress, or its start; `ending` says how the person ended it while it was starting. */
  const current = useRef<RecordSession | undefined>(undefined);
  const [held, setHeld] = useState(false);

  const begin = () => {
    if (current.current) return;
    onError(undefined);
    onState({ state: 'starting', elapsed: 0 });
    setHeld(true);
    const session: RecordSession = {
      finished: false,
      started: Recording.start(chat.client, conversationId).then(
        (rec) => {
          if (current.current === session && !session.ending) {
            onState({ state: 'recording', elapsed: 0 });
            session.timer = setInterval(() => onState({ state: 'recording', elapsed: Date.now() - rec.startedAt }), 250);
          }
          return rec;
        },
        (err: unknown) => {
          onError(friendlyError(err));
          return undefined;
        },
      ),
    };
    current.current = session;
    void session.started.then((rec) => {
      if (!rec) end(session, 'cancel');
      else if (session.ending) void finish(session, rec, session.ending);
    });
  };

  const end = (session: RecordSession, how: 'send' | 'cancel') => {
    if (current.current !== session) return;
    current.current = undefined;
    clearInterval(session.timer);
    setHeld(false);
    session.ending = how;
    onState(how === 'send' ? { state: 'sending', elapsed: 0 } : undefined);
    void session.started.then((rec) => rec && finish(session, rec, how));
  };

  const finish = async (session: RecordSession, rec: Recording, how: 'send' | 'cancel') => {
    if (session.finished) return;
    session.finished = true;
    try {
      if (how === 'send') await rec.send();
      else await rec.cancel();
    } catch (err) {
      onError(friendlyError(err));
    } finally {
      if (!current.current) onState(undefined);
    }
  };

  const release = (how: 'send' | 'cancel') => {
    if (current.current) end(current.current, how);
  };

  // Leaving the chat while recording throws the recording away.
  useEffect(() => () => release('cancel'), [conversationId]);

  return (
    <button
      type="button"
      class={`icon record${held ? ' on' : ''}`}
      aria-label={held ? 'Recording: release to send, Escape to cancel' : 'Hold to record a voice message'}
      aria-pressed={held}
      title="Hold to record"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        // Touch captures the pointer to the button implicitly; without the capture, sliding off it is a pointerleave (cancel).
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
        begin();
      }}
      onPointerUp={() => release('send')}
      onPointerLeave={() => release('cancel')}
      onPointerCancel={() => release('cancel')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          release('cancel');
        } else if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          if (!e.repeat) begin();
        }
      }}
      onKeyUp={(e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          release('send');
        }
      }}
      onBlur={() => release('cancel')}
      onContextMenu={(e) => e.preventDefault()}
    >
      <Icon name="mic" />
    </button>
  );
}
