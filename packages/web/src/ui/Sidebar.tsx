import type { Chat } from '../chat.ts';
import { preview, when } from '../format.ts';
import { Avatar, Icon } from './common.tsx';
import type { Panel } from './Shell.tsx';

export function Sidebar({ chat, selected, onOpen, onPanel, onSignOut }: { chat: Chat; selected?: string; onOpen: (id: string) => void; onPanel: (p: Panel) => void; onSignOut: () => void }) {
  const list = chat.conversations.value;
  const incoming = chat.friends.value?.incoming.length ?? 0;
  const state = chat.connection.value;
  const canNotify = typeof Notification !== 'undefined' && Notification.permission === 'default';
  return (
    <aside class="sidebar" aria-label="Chats">
      <header class="side-head">
        <Avatar id={chat.me} size={36} online={state === 'online'} />
        <div class="me">
          <strong>{chat.me}</strong>
          <span class="muted-text">{state === 'online' ? 'Online' : state === 'closed' ? 'Signed out' : 'Connecting…'}</span>
        </div>
        <button class="icon" aria-label={incoming ? `People (${incoming} friend requests)` : 'People'} title="People" onClick={() => onPanel('people')}>
          <Icon name="people" />
          {incoming > 0 && <span class="dot-badge">{incoming}</span>}
        </button>
        <button class="icon" aria-label="New group" title="New group" onClick={() => onPanel('new-group')}>
          <Icon name="group" />
        </button>
        <button class="icon" aria-label="Sign out" title="Sign out" onClick={onSignOut}>
          <Icon name="logout" />
        </button>
      </header>
      {canNotify && (
        <button class="notify-hint" onClick={() => void Notification.requestPermission().then(() => chat.refreshList())}>
          <Icon name="bell" size={16} /> Turn on notifications
        </button>
      )}
      <nav aria-labelledby="chats-heading">
        <h2 id="chats-heading" class="list-heading">Chats</h2>
        {list.length === 0 ? (
          <div class="side-empty">
            <p>No chats yet.</p>
            <button class="secondary" onClick={() => onPanel('people')}>
              Find people
            </button>
          </div>
        ) : (
          <ul class="conv-list">
            {list.map((c) => {
              const group = c.conversationId.startsWith('g:');
              const title = chat.title(c.conversationId);
              const unread = c.left ? 0 : c.unread;
              return (
                <li key={c.conversationId}>
                  <button
                    class={`conv${selected === c.conversationId ? ' selected' : ''}${unread ? ' unread' : ''}`}
                    aria-current={selected === c.conversationId ? 'true' : undefined}
                    aria-label={`${title}${unread ? `, ${unread} unread` : ''}${c.muted ? ', muted' : ''}${c.pinned ? ', pinned' : ''}`}
                    data-conversation={c.conversationId}
                    onClick={() => onOpen(c.conversationId)}
                  >
                    <Avatar id={group ? c.conversationId : title} group={group} size={44} />
                    <span class="conv-main">
                      <span class="conv-top">
                        <span class="conv-title">{title}</span>
                        {c.pinned && (
                          <span class="flag" title="Pinned">
                            <Icon name="pin" size={14} />
                          </span>
                        )}
                        {c.muted && (
                          <span class="flag" title="Muted">
                            <Icon name="mute" size={14} />
                          </span>
                        )}
                        <span class="conv-time">{when(c.lastMessage?.serverTime ?? 0)}</span>
                      </span>
                      <span class="conv-bottom">
                        <span class="conv-preview">{c.left ? 'You left this group' : preview(c.lastMessage, chat.me, group)}</span>
                        {unread > 0 && c.unreadMentions > 0 && (
                          <span class="badge mention" title="You were mentioned" aria-label="mentioned">
                            @
                          </span>
                        )}
                        {unread > 0 && (
                          <span class={`badge${c.muted ? ' muted' : ''}`} data-testid="unread">
                            {unread > 99 ? '99+' : unread}
                          </span>
                        )}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </nav>
    </aside>
  );
}
