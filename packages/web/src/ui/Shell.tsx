import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { showUnread } from '../badge.ts';
import type { Chat } from '../chat.ts';
import { Conversation } from './Conversation.tsx';
import { GroupInfo, NewGroup, People } from './Panels.tsx';
import { Sidebar } from './Sidebar.tsx';

export type Panel = 'people' | 'new-group' | 'group-info' | undefined;

function fromHash(): string | undefined {
  const m = /^#\/c\/(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export function Shell({ chat, onSignOut }: { chat: Chat; onSignOut: () => void }) {
  const selected = useSignal<string | undefined>(fromHash());
  const panel = useSignal<Panel>(undefined);

  useEffect(() => {
    const onHash = () => (selected.value = fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (id: string | undefined) => {
    selected.value = id;
    history.replaceState(null, '', id ? `#/c/${encodeURIComponent(id)}` : location.pathname);
  };
  useSignalEffect(() => showUnread(chat.totalUnread()));

  const fatal = chat.fatal.value;
  const banner = chat.banner.value;
  return (
    <div class={`shell${selected.value ? ' has-selection' : ''}`}>
      {(banner || fatal) && (
        <div class={`banner ${fatal ? 'lost' : banner!.kind}`} role="status" aria-live="polite">
          {fatal ?? banner!.text}
          {fatal && (
            <button class="link" onClick={() => location.reload()}>
              Reload
            </button>
          )}
        </div>
      )}
      <Sidebar chat={chat} selected={selected.value} onOpen={open} onPanel={(p) => (panel.value = p)} onSignOut={onSignOut} />
      <main class="main">
        {selected.value ? (
          <Conversation key={selected.value} chat={chat} conversationId={selected.value} onBack={() => open(undefined)} onInfo={() => (panel.value = 'group-info')} />
        ) : (
          <div class="empty">
            <div>
              <h2>Welcome, {chat.me}</h2>
              <p>Pick a chat on the left, or find people to talk to.</p>
              <button class="primary" onClick={() => (panel.value = 'people')}>
                Find people
              </button>
            </div>
          </div>
        )}
      </main>
      {panel.value === 'people' && <People chat={chat} onClose={() => (panel.value = undefined)} onOpen={(id) => { panel.value = undefined; open(id); }} />}
      {panel.value === 'new-group' && <NewGroup chat={chat} onClose={() => (panel.value = undefined)} onOpen={(id) => { panel.value = undefined; open(id); }} />}
      {panel.value === 'group-info' && selected.value && <GroupInfo chat={chat} conversationId={selected.value} onClose={() => (panel.value = undefined)} onLeft={() => { panel.value = undefined; }} />}
    </div>
  );
}
