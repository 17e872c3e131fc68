/**
 * The TLS certificate and key of both listeners, from PEM files, reloaded
 * without a restart when the files change (a renewal by certbot, cert-manager
 * and the like): the files are polled, and a pair that loads and matches
 * replaces the served one (`setSecureContext`: new connections get it, open ones
 * keep theirs). A pair that does not load or match (a half-written renewal, the
 * certificate replaced before its key) is logged and the old one stays.
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { Logger } from '../logger.ts';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

/** Read and check a pair: throws an Error saying what is wrong (unreadable, not PEM, key not the certificate's). */
export function loadTlsPair(certFile: string, keyFile: string): TlsPair {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(certFile);
    key = readFileSync(keyFile);
  } catch (err) {
    throw new Error(`cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
  try {
    // Builds an OpenSSL context the way the listeners will: a bad PEM or a key
    // that is not the certificate's fails here, not on a client's handshake.
    createSecureContext({ cert, key });
  } catch (err) {
    throw new Error(`the TLS certificate and key do not make a pair (${certFile}, ${keyFile}): ${(err as Error).message}`);
  }
  return { cert, key };
}

/** Listeners whose certificate can be swapped while they run (https.Server, tls.Server). */
export interface SecureListener {
  setSecureContext(options: SecureContextOptions): void;
}

export interface TlsReloaderOptions {
  certFile: string;
  keyFile: string;
  /** How often the files are looked at, in ms. */
  intervalMs: number;
  listeners: SecureListener[];
  log: Logger;
  /** Called after each reload attempt (true: the new pair is served); for tests and metrics. */
  onReload?: (ok: boolean) => void;
}

/**
 * Watches the pair's files and hands a new good pair to every listener. Polling
 * (not inotify): a renewal usually replaces a file by renaming another over it,
 * which a watch on the old inode would miss.
 */
export class TlsReloader {
  /** Successful reloads, for /metrics. */
  reloads = 0;
  /** Reloads refused (the pair did not load), for /metrics. */
  failures = 0;
  private readonly onChange = (now: Stats, before: Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) return;
    this.reload();
  };

  constructor(private readonly options: TlsReloaderOptions) {
    for (const file of [options.certFile, options.keyFile]) watchFile(file, { interval: options.intervalMs, persistent: false }, this.onChange);
  }

  /** Load the files now; on success every listener serves the new pair. Never throws. */
  reload(): boolean {
    const { certFile, keyFile, listeners, log } = this.options;
    let ok = false;
    try {
      const pair = loadTlsPair(certFile, keyFile);
      for (const listener of listeners) listener.setSecureContext(pair);
      this.reloads++;
      ok = true;
      log.info({ certFile }, 'tls: certificate reloaded');
    } catch (err) {
      this.failures++;
      log.error({ reason: (err as Error).message }, 'tls: the new certificate was not loaded; the old one is still served');
    }
    this.options.onReload?.(ok);
    return ok;
  }

  close(): void {
    unwatchFile(this.options.certFile, this.onChange);
    unwatchFile(this.options.keyFile, this.onChange);
  }
}
