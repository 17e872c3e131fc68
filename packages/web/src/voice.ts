/**
 * Voice in the browser, both ends, over the SDK's streaming voice
 * (`recordVoice` / the `voice` event):
 * - recording: the microphone through MediaRecorder (WebM/Opus, a chunk every
 *   250 ms), each chunk pushed to the SDK as it is made, so the other side can
 *   listen while it is still being recorded;
 * - live listening: an incoming stream's chunks appended, in order, to a
 *   MediaSource SourceBuffer behind an <audio> element.
 */
import { ParleyError, type IncomingVoice, type Message, type ParleyClient, type VoiceRecorder } from '@parley/sdk';

/** What MediaRecorder is asked for, and what the receiver's MediaSource must accept to play it live. */
export const RECORD_MIME = 'audio/webm;codecs=opus';
export const LIVE_MIME = 'audio/webm; codecs="opus"';
const TIMESLICE_MS = 250;

/** Why the microphone could not be used, in words for the person. */
function micError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Microphone access was denied. Allow it in the browser to record voice messages.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found.';
  if (name === 'NotReadableError') return 'The microphone is in use by another program.';
  return err instanceof Error ? err.message : String(err);
}

/** One recording in progress: the microphone, MediaRecorder, and the SDK's VoiceRecorder it streams into. */
export class Recording {
  readonly startedAt = Date.now();
  private pushing: Promise<void> = Promise.resolve();
  private pushed = 0;
  private failure: unknown;

  private constructor(
    private readonly stream: MediaStream,
    private readonly media: MediaRecorder,
    private readonly voice: VoiceRecorder,
  ) {
    // Blobs are read asynchronously: chain the reads so chunks are pushed in the order they were recorded.
    media.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      this.pushing = this.pushing.then(async () => {
        const bytes = new Uint8Array(await e.data.arrayBuffer());
        if (this.failure) return;
        try {
          this.voice.push(bytes);
          this.pushed++;
        } catch (err) {
          this.failure = err;
        }
      });
    };
    media.start(TIMESLICE_MS);
  }

  /** Asks for the microphone and starts streaming to the conversation; rejects with a readable message. */
  static async start(client: ParleyClient, conversationId: string): Promise<Recording> {
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) throw new Error('This browser cannot record audio.');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      throw new Error(micError(err));
    }
    try {
      const media = new MediaRecorder(stream, MediaRecorder.isTypeSupported(RECORD_MIME) ? { mimeType: RECORD_MIME } : {});
      const voice = client.recordVoice(conversationId, { mime: media.mimeType || RECORD_MIME });
      return new Recording(stream, media, voice);
    } catch (err) {
      for (const t of stream.getTracks()) t.stop();
      throw err;
    }
  }

  /** Stops the microphone and waits until every chunk it made has been pushed. */
  private async finish(): Promise<void> {
    if (this.media.state !== 'inactive') {
      const stopped = new Promise<void>((resolve) => this.media.addEventListener('stop', () => resolve(), { once: true }));
      this.media.stop(); // emits the last dataavailable, then stop
      await stopped;
    }
    for (const t of this.stream.getTracks()) t.stop();
    await this.pushing;
  }

  /** Release: sends the recording; resolves with the VOICE message (undefined if nothing was recorded). */
  async send(): Promise<Message | undefined> {
    const durationMs = Date.now() - this.startedAt;
    await this.finish();
    if (this.failure) {
      await this.voice.cancel().catch(() => undefined);
      throw this.failure;
    }
    if (this.pushed === 0) {
      await this.voice.cancel().catch(() => undefined);
      return undefined;
    }
    return this.voice.stop({ durationMs });
  }

  /** Escape or sliding away: nothing is sent, and the receivers' live streams end. */
  async cancel(): Promise<void> {
    await this.finish();
    await this.voice.cancel().catch((err: unknown) => {
      if (!(err instanceof ParleyError)) throw err;
    });
  }
}

/**
 * An incoming stream as the app keeps it: every chunk from the first (the
 * SDK hands each out once, so they are kept here for a Listen pressed later),
 * and listeners for the ones still to come.
 */
export class LiveVoice {
  readonly chunks: Uint8Array[] = [];
  private readonly listeners = new Set<(data: Uint8Array) => void>();

  constructor(readonly stream: IncomingVoice) {
    stream.onChunk((c) => {
      this.chunks.push(c.data);
      for (const l of this.listeners) l(c.data);
    });
  }

  onChunk(listener: (data: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Whether this browser can play a live stream (else the bubble shows progress only). */
export function canPlayLive(mime: string): boolean {
  return typeof MediaSource !== 'undefined' && /webm/i.test(mime) && MediaSource.isTypeSupported(LIVE_MIME);
}

/**
 * Plays a live stream in an <audio> element: a MediaSource whose SourceBuffer
 * gets every chunk so far, then each new one, in order (one append at a time:
 * a SourceBuffer takes the next only after `updateend`). Returns the stop.
 */
export function playLive(audio: HTMLAudioElement, live: LiveVoice, onAppended: (bytes: number) => void): () => void {
  const source = new MediaSource();
  const url = URL.createObjectURL(source);
  const queue: Uint8Array[] = [...live.chunks];
  let buffer: SourceBuffer | undefined;
  let appended = 0;
  let stopped = false;
  const pump = () => {
    if (stopped || !buffer || buffer.updating || queue.length === 0 || source.readyState !== 'open') return;
    const next = queue.shift()!;
    try {
      buffer.appendBuffer(next as Uint8Array<ArrayBuffer>);
      appended += next.length;
      onAppended(appended);
    } catch {
      // A full or broken buffer: live listening stops here; the finished message still plays from its file.
      stopped = true;
    }
  };
  const unsubscribe = live.onChunk((data) => {
    queue.push(data);
    pump();
  });
  source.addEventListener(
    'sourceopen',
    () => {
      buffer = source.addSourceBuffer(LIVE_MIME);
      // Chunks are one continuous recording: play them back to back, whatever their timestamps.
      buffer.mode = 'sequence';
      buffer.addEventListener('updateend', pump);
      pump();
    },
    { once: true },
  );
  audio.src = url;
  void audio.play().catch(() => undefined);
  return () => {
    stopped = true;
    unsubscribe();
    audio.pause();
    audio.removeAttribute('src');
    URL.revokeObjectURL(url);
  };
}
