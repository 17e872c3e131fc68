import { MessageFlag, MessageType, type Message } from '@parley/sdk';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function clock(ms: number): string {
  return time.format(ms);
}

/** "14:05" today, "Nov 3" before. */
export function when(ms: number): string {
  if (!ms) return '';
  const d = new Date(ms);
  const now = new Date();
  return d.toDateString() === now.toDateString() ? time.format(d) : day.format(d);
}

export function lastSeen(ms: number): string {
  if (!ms) return 'offline';
  const minutes = Math.round((Date.now() - ms) / 60000);
  if (minutes < 1) return 'last seen just now';
  if (minutes < 60) return `last seen ${minutes} min ago`;
  return `last seen ${when(ms)}${new Date(ms).toDateString() === new Date().toDateString() ? '' : ` ${clock(ms)}`}`;
}

export function you(userId: string, me: string): string {
  return userId === me ? 'You' : userId;
}

function list(users: string[], me: string): string {
  return users.map((u) => (u === me ? 'you' : u)).join(', ');
}

/** A membership event as a line in the timeline ("alice added bob"). */
export function eventText(m: Message, me: string): string {
  const e = m.membership;
  if (!e) return '';
  const actor = you(e.actor, me);
  switch (e.op) {
    case 'create':
      return `${actor} created the group${e.name ? ` “${e.name}”` : ''}`;
    case 'invite':
      return `${actor} added ${list(e.users, me)}`;
    case 'join':
      return `${list(e.users.length ? e.users : [e.actor], me)} joined`;
    case 'kick':
      return `${actor} removed ${list(e.users, me)}`;
    case 'leave':
      return `${actor} left`;
    case 'info':
      return e.name ? `${actor} renamed the group to “${e.name}”` : `${actor} changed the group info`;
    case 'role':
      return `${actor} made ${list(e.users, me)} ${e.role === 2 ? 'an admin' : 'a member'}`;
    case 'transfer':
      return `${actor} made ${list(e.users, me)} the owner`;
    case 'dismiss':
      return `${actor} ended the group`;
    case 'mute':
      return e.mutedUntil ? `${actor} muted ${list(e.users, me)}` : `${actor} unmuted ${list(e.users, me)}`;
    case 'mute_all':
      return `${actor} ${e.on ? 'allowed only admins to send' : 'let everyone send again'}`;
    default:
      return `${actor} changed the group`;
  }
}

/** One line for the conversation list. */
export function preview(m: Message | undefined, me: string, group: boolean): string {
  if (!m) return 'No messages yet';
  if (m.type === MessageType.MEMBERSHIP) return eventText(m, me);
  const who = m.senderId === me ? 'You: ' : group ? `${m.senderId}: ` : '';
  if (m.flags & MessageFlag.RECALLED) return `${who}message recalled`;
  if (m.file) return `${who}${fileLabel(m)}`;
  return `${who}${m.text ?? ''}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A stable hue per user, for avatars. */
export function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

/** How a message carrying a file is named in the list and in notifications. */
export function fileLabel(m: Message): string {
  if (m.type === MessageType.IMAGE) return 'Photo';
  if (m.type === MessageType.VOICE) return 'Voice message';
  if (m.type === MessageType.VIDEO) return 'Video';
  return `File: ${m.file?.name ?? ''}`;
}
