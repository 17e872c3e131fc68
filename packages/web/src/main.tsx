import { render } from 'preact';
import { App } from './ui/App.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);

// The app shell stays available offline (queued messages can be read and written while the server is away).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
