import { useEffect, useState } from 'preact/hooks';
import { GroupRole, type GroupDetails } from '@parley/sdk';
import { friendlyError, type Chat } from '../chat.ts';
import { Avatar, Dialog } from './common.tsx';

function useAct(): [string | undefined, string | undefined, (what: () => Promise<unknown>, done?: string) => Promise<boolean>] {
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const act = async (what: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setNote(undefined);
    try {
      await what();
      if (done) setNote(done);
      return true;
    } catch (err) {
      setError(friendlyError(err));
      return false;
    }
  };
  return [error, note, act];
}

function Feedback({ error, note }: { error?: string; note?: string }) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
    </>
  );
}

/** Friends: find someone by id, requests in and out, blocks, and who may start a chat with you. */
export function People({ chat, onClose, onOpen }: { chat: Chat; onClose: () => void; onOpen: (conversationId: string) => void }) {
  const [userId, setUserId] = useState('');
  const [error, note, act] = useAct();
  const list = chat.friends.value;
  useEffect(() => void chat.refreshFriends(), []);
  const refresh = () => chat.refreshFriends();
  const add = async (e: Event) => {
    e.preventDefault();
    const id = userId.trim();
    if (!id) return;
    if (await act(() => chat.client.requestFriend(id).then(refresh), `Friend request sent to ${id}.`)) setUserId('');
  };
  return (
    <Dialog title="People" onClose={onClose}>
      <form class="inline-form" onSubmit={add}>
        <label class="grow">
          Find someone by user id
          <input value={userId} onInput={(e) => setUserId(e.currentTarget.value)} placeholder="e.g. sam" autocomplete="off" />
        </label>
        <button class="primary" type="submit">
          Add friend
        </button>
        <button class="secondary" type="button" disabled={!userId.trim()} onClick={() => onOpen(chat.directWith(userId.trim()))}>
          Message
        </button>
        <button class="danger" type="button" disabled={!userId.trim()} onClick={() => act(() => chat.client.block(userId.trim()).then(refresh), `Blocked ${userId.trim()}.`)}>
          Block
        </button>
      </form>
      <Feedback error={error} note={note} />
      {list && list.incoming.length > 0 && (
        <section aria-label="Friend requests">
          <h3>Requests</h3>
          <ul class="people">
            {list.incoming.map((r) => (
              <li key={r.userId}>
                <Avatar id={r.userId} size={32} />
                <span class="grow">
                  {r.userId}
                  {r.note && <small> “{r.note}”</small>}
                </span>
                <button class="primary small" aria-label={`Accept ${r.userId}`} onClick={() => act(() => chat.client.acceptFriend(r.userId).then(refresh))}>
                  Accept
                </button>
                <button class="secondary small" aria-label={`Reject ${r.userId}`} onClick={() => act(() => chat.client.rejectFriend(r.userId).then(refresh))}>
                  Reject
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Friends">
        <h3>Friends</h3>
        {list && list.friends.length === 0 && <p class="muted-text">No friends yet. Add someone by their user id above.</p>}
        <ul class="people">
          {list?.friends.map((f) => (
            <li key={f.userId}>
              <Avatar id={f.userId} size={32} />
              <span class="grow">{f.userId}</span>
              <button class="primary small" aria-label={`Message ${f.userId}`} onClick={() => onOpen(chat.directWith(f.userId))}>
                Message
              </button>
              <button class="secondary small" aria-label={`Block ${f.userId}`} onClick={() => act(() => chat.client.block(f.userId).then(refresh))}>
                Block
              </button>
            </li>
          ))}
        </ul>
      </section>
      {list && list.outgoing.length > 0 && (
        <section aria-label="Sent requests">
          <h3>Waiting for an answer</h3>
          <ul class="people">
            {list.outgoing.map((r) => (
              <li key={r.userId}>
                <Avatar id={r.userId} size={32} />
                <span class="grow">{r.userId}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list && list.blocked.length > 0 && (
        <section aria-label="Blocked">
          <h3>Blocked</h3>
          <ul class="people">
            {list.blocked.map((b) => (
              <li key={b.userId}>
                <Avatar id={b.userId} size={32} />
                <span class="grow">{b.userId}</span>
                <button class="secondary small" aria-label={`Unblock ${b.userId}`} onClick={() => act(() => chat.client.unblock(b.userId).then(refresh))}>
                  Unblock
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list && (
        <label class="check">
          <input type="checkbox" checked={list.allowStrangers} onChange={(e) => act(() => chat.client.allowStrangers(e.currentTarget.checked).then(refresh))} />
          Let people who are not my friends message me
        </label>
      )}
    </Dialog>
  );
}

export function NewGroup({ chat, onClose, onOpen }: { chat: Chat; onClose: () => void; onOpen: (conversationId: string) => void }) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [error, , act] = useAct();
  const friends = chat.friends.value?.friends ?? [];
  const submit = async (e: Event) => {
    e.preventDefault();
    const users = members.split(/[\s,]+/).filter(Boolean);
    let id = '';
    if (await act(async () => (id = (await chat.client.createGroup(name.trim() || 'New group', users)).conversationId))) onOpen(id);
  };
  return (
    <Dialog title="New group" onClose={onClose}>
      <form onSubmit={submit}>
        <label>
          Group name
          <input value={name} required maxLength={128} onInput={(e) => setName(e.currentTarget.value)} placeholder="Weekend plans" />
        </label>
        <label>
          Members (user ids, separated by commas)
          <input value={members} onInput={(e) => setMembers(e.currentTarget.value)} placeholder="sam, kim" />
        </label>
        {friends.length > 0 && (
          <div class="chips" aria-label="Add friends">
            {friends.map((f) => (
              <button type="button" key={f.userId} class="chip" onClick={() => setMembers((m) => (m.split(/[\s,]+/).includes(f.userId) ? m : `${m ? `${m}, ` : ''}${f.userId}`))}>
                + {f.userId}
              </button>
            ))}
          </div>
        )}
        <Feedback error={error} />
        <button class="primary" type="submit">
          Create group
        </button>
      </form>
    </Dialog>
  );
}

const ROLE = { [GroupRole.OWNER]: 'Owner', [GroupRole.ADMIN]: 'Admin', [GroupRole.MEMBER]: 'Member' } as Record<number, string>;

export function GroupInfo({ chat, conversationId, onClose, onLeft }: { chat: Chat; conversationId: string; onClose: () => void; onLeft: () => void }) {
  const [details, setDetails] = useState<GroupDetails | undefined>();
  const [invite, setInvite] = useState('');
  const [name, setName] = useState('');
  const [error, note, act] = useAct();
  const load = () =>
    chat.client.groupInfo(conversationId).then((d) => {
      setDetails(d);
      setName(d.name);
    });
  useEffect(() => void act(load), [conversationId, chat.info(conversationId)?.maxSeq]);
  const myRole = details?.members.find((m) => m.userId === chat.me)?.role ?? GroupRole.MEMBER;
  const admin = myRole === GroupRole.OWNER || myRole === GroupRole.ADMIN;
  return (
    <Dialog title="Group info" onClose={onClose}>
      {admin ? (
        <form class="inline-form" onSubmit={(e) => (e.preventDefault(), void act(() => chat.client.updateGroupInfo(conversationId, { name: name.trim() }).then(load), 'Renamed.'))}>
          <label class="grow">
            Group name
            <input value={name} maxLength={128} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button class="secondary" type="submit">
            Rename
          </button>
        </form>
      ) : (
        <h3>{details?.name}</h3>
      )}
      {admin && (
        <form class="inline-form" onSubmit={(e) => (e.preventDefault(), void act(() => chat.client.invite(conversationId, invite.split(/[\s,]+/).filter(Boolean)).then(load), 'Invited.').then((ok) => ok && setInvite('')))}>
          <label class="grow">
            Invite by user id
            <input value={invite} onInput={(e) => setInvite(e.currentTarget.value)} placeholder="sam" autocomplete="off" />
          </label>
          <button class="primary" type="submit">
            Invite
          </button>
        </form>
      )}
      {admin && details && (
        <label class="check">
          <input type="checkbox" checked={details.mutedAll} onChange={(e) => void act(() => chat.client.muteAll(conversationId, e.currentTarget.checked).then(load))} />
          Only the owner and admins can send
        </label>
      )}
      <Feedback error={error} note={note} />
      <h3>{details ? `${details.members.length} members` : 'Members'}</h3>
      <ul class="people">
        {details?.members.map((m) => (
          <li key={m.userId}>
            <Avatar id={m.userId} size={32} />
            <span class="grow">
              {m.userId === chat.me ? `${m.userId} (you)` : m.userId}
              <small class="role"> {ROLE[m.role]}</small>
            </span>
            {myRole === GroupRole.OWNER && m.userId !== chat.me && (
              <button class="secondary small" aria-label={m.role === GroupRole.ADMIN ? `Make ${m.userId} a member` : `Make ${m.userId} an admin`} onClick={() => act(() => chat.client.setRole(conversationId, [m.userId], m.role === GroupRole.ADMIN ? GroupRole.MEMBER : GroupRole.ADMIN).then(load))}>
                {m.role === GroupRole.ADMIN ? 'Make member' : 'Make admin'}
              </button>
            )}
            {admin && m.userId !== chat.me && m.role !== GroupRole.OWNER && (myRole === GroupRole.OWNER || m.role === GroupRole.MEMBER) && (
              <button class="danger small" aria-label={`Remove ${m.userId}`} onClick={() => act(() => chat.client.kick(conversationId, [m.userId]).then(load))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <div class="dialog-actions">
        <button class="danger" onClick={() => void act(() => chat.client.leaveGroup(conversationId)).then((ok) => ok && onLeft())}>
          Leave group
        </button>
      </div>
    </Dialog>
  );
}
