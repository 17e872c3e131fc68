import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hue } from '../format.ts';

export function Avatar({ id, group = false, size = 40, online }: { id: string; group?: boolean; size?: number; online?: boolean }) {
  const letter = (id.replace(/^g:/, '')[0] ?? '?').toUpperCase();
  return (
    <span class={`avatar${group ? ' group' : ''}`} style={{ width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.42)}px`, background: `hsl(${hue(id)} 62% 52%)` }} aria-hidden="true">
      {group ? <GroupGlyph /> : letter}
      {online !== undefined && <span class={`dot${online ? ' on' : ''}`} />}
    </span>
  );
}

function GroupGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="55%" height="55%" fill="currentColor" aria-hidden="true">
      <path d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 3.1-6 7-6s7 2.7 7 6v1H2v-1zm15.5 1v-1c0-1.8-.6-3.4-1.7-4.6.7-.3 1.4-.4 2.2-.4 2.8 0 5 2 5 4.5V21h-5.5z" />
    </svg>
  );
}

/** A modal dialog: focus moves in, Escape and the backdrop close it, focus returns after. */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, button:not(.close), select, textarea');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header>
          <h2>{title}</h2>
          <button class="icon close" aria-label="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div class="dialog-body">{children}</div>
      </div>
    </div>
  );
}

const PATHS: Record<string, string> = {
  close: 'M6 6l12 12M18 6L6 18',
  back: 'M15 5l-7 7 7 7',
  send: 'M4 12l16-8-6 16-2-7-8-1z',
  attach: 'M16.5 6.5l-8 8a2.5 2.5 0 0 0 3.5 3.5l8.5-8.5a4.5 4.5 0 0 0-6.4-6.4L5.5 11.6a6.5 6.5 0 0 0 9.2 9.2L20 15.5',
  people: 'M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 10.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM20 19v-1.5a3.5 3.5 0 0 0-2.5-3.3M15.5 3.7a3.5 3.5 0 0 1 0 6.6',
  group: 'M12 5v14M5 12h14',
  info: 'M12 17v-6M12 7.5v.5M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  pin: 'M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7',
  mute: 'M11 5L6 9H3v6h3l5 4V5zM22 9l-6 6M16 9l6 6',
  logout: 'M15 17l5-5-5-5M20 12H9M12 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7',
  clock: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  reply: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 6 6v4',
  bell: 'M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8M10 21h4',
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  file: 'M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8l-5-5zM14 3v5h5',
};

export function Icon({ name, size = 20 }: { name: keyof typeof PATHS | string; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d={PATHS[name] ?? ''} />
    </svg>
  );
}

/** Delivery ticks: one for sent, two for delivered, two in the accent colour for read; a clock while queued. */
export function Ticks({ state }: { state: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' }) {
  const label = { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not sent' }[state];
  if (state === 'queued') {
    return (
      <span class="ticks queued" title={label} aria-label={label} data-state={state}>
        <Icon name="clock" size={14} />
      </span>
    );
  }
  if (state === 'failed') {
    return (
      <span class="ticks failed" title={label} aria-label={label} data-state={state}>
        !
      </span>
    );
  }
  return (
    <span class={`ticks ${state}`} title={label} aria-label={label} data-state={state}>
      <svg viewBox="0 0 20 14" width="18" height="13" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M1 7.5l4 4L13 2.5" />
        {state !== 'sent' && <path d="M8 11.5l1 0L18 2.5" />}
      </svg>
    </span>
  );
}

/** Closes an open menu on Escape or a click elsewhere, as menus do. */
export function useDismiss(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onClick = () => close();
    document.addEventListener('keydown', onKey);
    // After the click that opened the menu has finished bubbling.
    const t = setTimeout(() => document.addEventListener('click', onClick), 0);
    return () => {
      clearTimeout(t);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);
}
