/**
 * The page of browser-offline.e2e.test.ts, bundled against the SDK's browser build
 * (`@parley/sdk/browser`): a chat client whose session lives in IndexedDB, with
 * what it saw kept on `window.parley` for the test to read.
 */
import { IndexedDbSessionStore, ParleyClient, type Message } from '@parley/sdk/browser';

export interface PageState {
  state: string;
  /** `seq:text` of every 'message' event since this page load. */
  seen: string[];
  acks: number;
  storeErrors: string[];
  /** 'error' events and a failed connect(), for a test's failure message. */
  errors: string[];
}

declare global {
  interface Window {
    parley: { client: ParleyClient; view: PageState };
  }
}

/** Start the client (not waiting for it to be online: the page may be offline). */
export async function start(options: { url: string; token: string; user: string }): Promise<void> {
  const store = await IndexedDbSessionStore.open(options.user);
  // Reconnect attempts stay frequent, so coming back online is noticed soon.
  const client = new ParleyClient({ url: options.url, token: options.token, deviceId: 'chromium', platform: 'web', store, backoff: { baseMs: 100, maxMs: 1000 }, sendTimeoutMs: 0, onlineTimeoutMs: 600_000 });
  const view: PageState = { state: client.state, seen: [], acks: 0, storeErrors: [], errors: [] };
  client.on('state', (s) => (view.state = s));
  client.on('message', (m: Message) => view.seen.push(`${m.seq}:${m.text}`));
  client.on('ack', () => view.acks++);
  client.on('store-error', (e) => view.storeErrors.push(e.message));
  client.on('error', (e) => view.errors.push(e.message));
  window.parley = { client, view };
  client.connect().catch((e: Error) => view.errors.push(`connect: ${e.message}`));
}

/** Send without waiting for the ack (it comes when the page is back online). */
export function queue(to: string, text: string): void {
  const { client } = window.parley;
  void client.send({ to, text }).catch(() => undefined);
}

/** What IndexedDB holds for `user`, read through a second connection. */
export async function stored(user: string): Promise<{ outbox: string[]; cursors: Record<string, number>; syncToken: string }> {
  const store = await IndexedDbSessionStore.open(user);
  try {
    const state = await store.load();
    return { outbox: state.outbox.map((e) => new TextDecoder().decode(e.body)), cursors: state.cursors, syncToken: state.syncToken };
  } finally {
    store.close();
  }
}

export function view(): PageState {
  return window.parley.view;
}
