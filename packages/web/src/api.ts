/**
 * Accounts over the server's HTTP API (same origin: the app is served by the
 * server it talks to), and the session kept in localStorage so a reload stays
 * signed in.
 */
export interface Session {
  userId: string;
  token: string;
}

const SESSION_KEY = 'parley.session';
const DEVICE_KEY = 'parley.device';

export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FRIENDLY: Record<string, string> = {
  USER_EXISTS: 'That user id is taken. Pick another, or sign in.',
  BAD_CREDENTIALS: 'Wrong user id or password.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
};

async function post(path: string, body: unknown): Promise<Session> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new AuthError('UNAVAILABLE', 'Cannot reach the server. Check your connection.');
  }
  const json = (await res.json().catch(() => ({}))) as { userId?: string; token?: string; error?: { code: string; message: string } };
  if (!res.ok || !json.token || !json.userId) {
    const code = json.error?.code ?? 'UNAVAILABLE';
    throw new AuthError(code, FRIENDLY[code] ?? json.error?.message ?? `The server answered ${res.status}.`);
  }
  return { userId: json.userId, token: json.token };
}

export const signUp = (userId: string, password: string) => post('/v1/register', { userId, password });
export const signIn = (userId: string, password: string) => post('/v1/login', { userId, password });

export function loadSession(): Session | undefined {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return s && typeof s.userId === 'string' && typeof s.token === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

/** This browser's device id: stable across reloads, one per browser profile. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${crypto.randomUUID().slice(0, 13)}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The socket address of the server this page came from. */
export function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
