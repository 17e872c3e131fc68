/** The tab title and favicon show the total unread (of chats that are not muted). */
let baseIcon: string | undefined;

export function showUnread(total: number): void {
  document.title = total > 0 ? `(${total}) Parley` : 'Parley';
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) return;
  baseIcon ??= link.href;
  if (total === 0) {
    link.href = baseIcon;
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = '#4f46e5';
  g.beginPath();
  g.roundRect(0, 0, 64, 64, 16);
  g.fill();
  g.fillStyle = '#ef4444';
  g.beginPath();
  g.arc(44, 20, 20, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#fff';
  g.font = 'bold 26px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(total > 99 ? '99' : String(total), 44, 21);
  link.href = canvas.toDataURL('image/png');
}
