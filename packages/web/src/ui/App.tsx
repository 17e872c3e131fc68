import { signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { AuthError, loadSession, saveSession, signIn, signUp, type Session } from '../api.ts';
import { Chat } from '../chat.ts';
import { destroyStore, openStore } from '../store.ts';
import { Shell } from './Shell.tsx';

const chat = signal<Chat | undefined>(undefined);
const signedOutReason = signal<string | undefined>(undefined);

async function begin(session: Session): Promise<void> {
  saveSession(session);
  const store = await openStore(session.userId);
  const c = new Chat(session, store, (why) => void end(why));
  chat.value = c;
  void c.start();
}

async function end(why?: string): Promise<void> {
  const c = chat.value;
  chat.value = undefined;
  saveSession(undefined);
  signedOutReason.value = why;
  await c?.close().catch(() => undefined);
  if (c) {
    c.forgetLocal();
    await destroyStore(c.me);
  }
}

const stored = loadSession();
if (stored) void begin(stored);

export function App() {
  const c = chat.value;
  if (c) return <Shell chat={c} onSignOut={() => void end()} />;
  return <SignIn reason={signedOutReason.value} />;
}

function SignIn({ reason }: { reason?: string }) {
  const [mode, setMode] = useState<'in' | 'up'>('up');
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(reason);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    if (mode === 'up' && password.length < 8) {
      setError('Use a password of at least 8 characters.');
      return;
    }
    setBusy(true);
    try {
      const session = await (mode === 'up' ? signUp : signIn)(userId.trim(), password);
      await begin(session);
    } catch (err) {
      setError(err instanceof AuthError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <div class="card">
        <div class="brand">
          <img src={document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href} alt="" width={48} height={48} />
          <h1>Parley</h1>
        </div>
        <p class="lead">{mode === 'up' ? 'Create an account to start chatting.' : 'Welcome back. Sign in to your chats.'}</p>
        <div class="tabs" role="tablist" aria-label="Account">
          <button role="tab" aria-selected={mode === 'up'} class={mode === 'up' ? 'active' : ''} onClick={() => setMode('up')} type="button">
            Create account
          </button>
          <button role="tab" aria-selected={mode === 'in'} class={mode === 'in' ? 'active' : ''} onClick={() => setMode('in')} type="button">
            Sign in
          </button>
        </div>
        <form onSubmit={submit}>
          <label>
            User id
            <input name="userId" autocomplete="username" required pattern="[A-Za-z0-9_.@\-]{1,64}" title="Letters, digits, . _ @ and -" value={userId} onInput={(e) => setUserId(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete={mode === 'up' ? 'new-password' : 'current-password'} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button class="primary" type="submit" disabled={busy}>
            {busy ? 'One moment…' : mode === 'up' ? 'Sign up' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
