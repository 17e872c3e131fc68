/**
 * The composition root: the one place that picks concrete adapters (by the
 * scheme of the store and bus settings, by name for the blob store) and wires
 * store → chat → gateway → transports. Everything else depends on interfaces.
 */
import { GroupAdds } from '@parley/protocol';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ErrorCode } from '@parley/protocol';
import { Accounts } from './auth/accounts.ts';
import { TokenService } from './auth/tokens.ts';
import { ChatService } from './chat/chat-service.ts';
import { ChatStore } from './chat/rules/chat-store.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Bus, Store } from './chat/types.ts';
import { LocalBus } from './cluster/local/local-bus.ts';
import { parseListenAddress, type BlobStoreName, type Config } from './config/config.ts';
import { Gateway } from './gateway/gateway.ts';
import { createTcpServer } from './gateway/tcp-transport.ts';
import { attachWebSocket, WS_PATH } from './gateway/ws-transport.ts';
import { clientAddress, parseTrustedProxies, socketAddress } from './http/client-address.ts';
import { answerJson, serveHttp } from './http/guard.ts';
import { HttpHygiene } from './http/http-hygiene.ts';
import { loadTlsPair, TlsReloader, type SecureListener } from './http/tls-files.ts';
import { createHttpHandler } from './http/http-api.ts';
import { defaultWebAppDir } from './http/web-app.ts';
import { isUploadRequest } from './http/upload-routes.ts';
import { requestUrl } from './http/parse.ts';
import { createLogger, type Logger } from './logger.ts';
import type { BlobStore } from './media/blob-store.ts';
import { FsBlobStore } from './media/blob/fs-blob-store.ts';
import { MediaService, type FileListener } from './media/media-service.ts';
import { thumbnailFiles } from './media/thumbnail-files.ts';
import { Thumbnailer } from './media/thumbnails.ts';
import { VoiceService } from './media/voice-service.ts';
import type { StorePort } from './chat/store-port.ts';
import { SqliteStore } from './store/sqlite/sqlite-store.ts';
import { crashHook, parseUnsafe, type CrashHook } from './testing/faults.ts';
import { parseUserLimitOverride, RateLimits, type UserLimitOverride } from './limits/rate-limits.ts';
import { seededRandom } from './testing/seeded-random.ts';

/** The groupAddsDefault setting's words as GroupAdds values. */
const GROUP_ADDS_SETTING: Record<string, GroupAdds> = { anyone: GroupAdds.ANYONE, friends: GroupAdds.FRIENDS, nobody: GroupAdds.NOBODY };

/**
 * The store a config names, by the scheme of its `store` setting. Networked
 * adapters are loaded only when named, so the embedded server never loads their clients.
 */
async function openStore(config: Config, crash: CrashHook, log: Logger): Promise<{ port: StorePort; store: Store }> {
  const rules = {
    largeGroupThreshold: config.largeGroupThreshold,
    consent: {
      groupAddsDefault: GROUP_ADDS_SETTING[config.groupAddsDefault]!,
      invitationTtlMs: config.invitationTtlMs,
      maxGroupMembers: config.maxGroupMembers,
      maxGroupsPerUser: config.maxGroupsPerUser,
      maxFriends: config.maxFriends,
      maxPendingRequests: config.maxPendingFriendRequests,
    },
    crash,
    unsafe: parseUnsafe(config.testUnsafe),
  };
  if (config.store === 'sqlite') {
    const port = new SqliteStore({ file: join(resolve(config.dataDir), 'parley.db'), synchronous: config.sqliteSynchronous });
    return { port, store: new ChatStore(port, rules) };
  }
  const { PostgresStore } = await import('./store/postgres/postgres-store.ts');
  const port = await PostgresStore.open({ url: config.store, poolSize: config.pgPoolSize, log: (msg, err) => log.warn({ err }, `store: ${msg}`) });
  return { port, store: new ChatStore(port, rules) };
}

/**
 * The blob store adapters by name. The S3 one is loaded only when named, so a
 * server keeping its blobs on disk never loads the AWS SDK.
 */
const blobStores: Record<BlobStoreName, (config: Config) => Promise<BlobStore>> = {
  fs: async (config) => new FsBlobStore(config.blobDir !== '' ? resolve(config.blobDir) : join(resolve(config.dataDir), 'blobs')),
  s3: async (config) => {
    const { S3BlobStore } = await import('./media/blob/s3-blob-store.ts');
    return S3BlobStore.open({
      bucket: config.s3Bucket,
      prefix: config.s3Prefix,
      endpoint: config.s3Endpoint,
      region: config.s3Region,
      accessKeyId: config.s3AccessKeyId,
      secretAccessKey: config.s3SecretAccessKey,
      forcePathStyle: config.s3ForcePathStyle,
      partBytes: config.s3PartBytes,
    });
  },
};

/** The blob store a config names; an unknown name fails the start. */
async function openBlobStore(config: Config): Promise<BlobStore> {
  const open = Object.hasOwn(blobStores, config.blobStore) ? blobStores[config.blobStore] : undefined;
  if (!open) throw new Error(`unknown blob store "${config.blobStore}" (known: ${Object.keys(blobStores).join(', ')})`);
  return open(config);
}

async function openBus(config: Config, nodeId: string, log: Logger): Promise<Bus> {
  if (config.bus === 'local') return new LocalBus();
  const { RedisBus } = await import('./cluster/redis/redis-bus.ts');
  return RedisBus.open({
    url: config.bus,
    prefix: config.busPrefix,
    // Unique to this process even when the node id is reused by a restart, so
    // online entries a killed predecessor left behind never count for it.
    nodeId: `${nodeId}.${randomBytes(4).toString('hex')}`,
    log: (msg, err) => (err ? log.warn({ err }, `bus: ${msg}`) : log.info(`bus: ${msg}`)),
  });
}

/** This node's id: configured, or made unique from the host, the process and a random part. */
function nodeIdOf(config: Config): string {
  return config.nodeId !== '' ? config.nodeId : `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A host as it goes into a URL (an IPv6 address in brackets). */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The host clients reach this node by. */
function publicHostOf(config: Config): string {
  if (config.publicHost !== '') return config.publicHost;
  if (config.host === '0.0.0.0' || config.host === '::') return hostname();
  return config.host;
}

/** The token secret: from config, or generated once and kept beside the data. */
function issuerSecret(config: Config): string {
  if (config.jwtSecret !== '') return config.jwtSecret;
  const dir = resolve(config.dataDir);
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Users whose login name is not their id in lowercase: where ids that differed
 * only by case met when ids became case-insensitive, the later accounts got
 * "<name>-<n>" (the stores' accounts migration). Said at every start, so an
 * operator can tell those users their login name.
 */
async function logRenamedLogins(port: StorePort, log: Logger): Promise<void> {
  const renamed = await port.renamedLogins();
  for (const { id, loginId } of renamed.slice(0, 1000)) {
    log.warn({ userId: id, loginName: loginId }, 'user id collides with an older one but for case: this user logs in by the name given here');
  }
}

export interface RunningServer {
  readonly config: Config;
  readonly httpPort: number;
  readonly tcpPort: number;
  /** The port of the separate metrics listener (metricsListen), if there is one. */
  readonly metricsPort: number | undefined;
  /** https:// when TLS is on. */
  readonly httpUrl: string;
  /** wss:// when TLS is on. */
  readonly wsUrl: string;
  /** tls:// when TLS is on (TLS over the TCP port), else tcp://. */
  readonly tcpUrl: string;
  readonly gateway: Gateway;
  readonly chat: ChatService;
  readonly media: MediaService;
  readonly voice: VoiceService;
  readonly tokens: TokenService;
  /** Rate limits of users, addresses (counts of refusals in `refused`). */
  readonly rates: RateLimits;
  /** Register, login (its throttle: `loginThrottleShared`), sign-in sessions. */
  readonly accounts: Accounts;
  /** Where uploaded files' bytes live (the blobStore setting); closed with the server. */
  readonly blobs: BlobStore;
  readonly log: Logger;
  /** Stop accepting, tell clients to reconnect elsewhere, finish in-flight commits, close. */
  close(): Promise<void>;
}

function listen(server: HttpServer | NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    // A deep accept queue: after a node restart thousands of clients reconnect at
    // once, and an overflowing SYN queue costs each of them seconds of retries.
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The metricsListen listener: plain HTTP, GET /metrics only, no key (it is meant
 * for an address only the scraper can reach); everything else is 404.
 */
function serveMetrics(metrics: () => string, log: Logger): HttpServer {
  return serveHttp(async (req, res) => {
    if (req.method !== 'GET' || requestUrl(req.url ?? '/').pathname !== '/metrics') {
      answerJson(res, 404, { error: { code: ErrorCode.NOT_FOUND, message: 'this address serves GET /metrics only' } });
      return;
    }
    const text = metrics();
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'x-content-type-options': 'nosniff' });
    res.end(text);
  }, log);
}

/** What a test may inject besides settings. */
export interface ServerOptions {
  /** The clocks the server reads (default: the process's); a test steps its wall clock through this. */
  clock?: Clock;
  /**
   * Called once a file is complete and committed (an upload, a concatenation,
   * an instant upload), instead of the default: thumbnails of images
   * (media/thumbnail-files.ts).
   */
  onFileComplete?: FileListener;
}

/**
 * The data directory holds the database, the token secret and (by default) the
 * blobs: created 0700, its files 0600 (each creator sets its own mode). One that
 * exists already keeps its mode, with a warning if others may read it.
 */
function privateDataDir(config: Config, log: Logger): void {
  const usesDir = config.store === 'sqlite' || config.jwtSecret === '' || (config.blobStore === 'fs' && config.blobDir === '');
  if (!usesDir) return;
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    log.warn({ dataDir: dir, mode: mode.toString(8) }, 'the data directory may be read by other users of this machine: chmod 700 it');
  }
}

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel), options: ServerOptions = {}): Promise<RunningServer> {
  privateDataDir(config, log);
  const clock = options.clock ?? systemClock;
  // Read first: a missing or mismatched certificate fails the start before anything opens.
  const tlsPair = config.tlsCert !== '' ? { ...loadTlsPair(config.tlsCert, config.tlsKey), handshakeTimeout: config.tlsHandshakeTimeoutMs } : undefined;
  const crash = crashHook(config.testCrashPoint, config.testCrashProbability, config.testCrashSeed ? seededRandom(config.testCrashSeed) : Math.random);
  const nodeId = nodeIdOf(config);
  const { port, store } = await openStore(config, crash, log);
  let bus: Bus;
  try {
    bus = await openBus(config, nodeId, log);
  } catch (err) {
    await store.close();
    throw err;
  }
  let blobs: BlobStore;
  try {
    blobs = await openBlobStore(config);
  } catch (err) {
    await bus.close();
    await store.close();
    throw err;
  }
  const secret = issuerSecret(config);
  const tokens = new TokenService(secret, config.appJwtKeys, config.tokenTtlSeconds, { issuer: config.appJwtIssuer, audience: config.appJwtAudience });
  const thumbnailer = new Thumbnailer({
    sizes: config.thumbnailSizes,
    maxInputPixels: config.thumbnailMaxInputPixels,
    maxInputBytes: config.thumbnailMaxInputBytes,
    timeoutMs: config.thumbnailTimeoutMs,
    jobs: config.thumbnailJobs,
  });
  const media: MediaService = new MediaService(port, blobs, config, log, secret, options.onFileComplete ?? thumbnailFiles(thumbnailer, blobs, () => media, log));
  const accounts = new Accounts(port, tokens, bus, {
    freeFailures: config.loginFreeFailures,
    freeFailuresPerAddress: config.loginFreeFailuresPerAddress,
    baseMs: config.loginDelayBaseMs,
    maxMs: config.loginDelayMaxMs,
    passwordMinLength: config.passwordMinLength,
  }, {
    // Failed-login counts shared by the cluster, like the rate limits; per node while Redis is away.
    redis: config.bus === 'local' ? undefined : { url: config.bus, prefix: config.busPrefix },
    log: (msg, err) => (err ? log.warn({ err }, msg) : log.info(msg)),
  });
  await logRenamedLogins(port, log);
  const limitOverrides = {
    userLimits: async (userId: string): Promise<UserLimitOverride | undefined> => {
      const text = await port.userLimits(userId);
      return text === undefined ? undefined : parseUserLimitOverride(JSON.parse(text));
    },
    setUserLimits: (userId: string, limits: UserLimitOverride | undefined) => port.setUserLimits(userId, limits && JSON.stringify(limits)),
  };
  const rates = new RateLimits({
    settings: config,
    redis: config.bus === 'local' ? undefined : { url: config.bus, prefix: config.busPrefix },
    overrides: limitOverrides,
    log: (msg, err) => (err ? log.warn({ err }, msg) : log.info(msg)),
  });
  const chat = new ChatService(store, bus, config, crash, rates);
  const voice = new VoiceService(chat, media, port, blobs, bus, config);
  const gateway = new Gateway(config, chat, bus, accounts, log, crash, parseUnsafe(config.testUnsafe).has('no-retransmit'), clock, voice);
  let ready = false;
  // Event-loop delay: a stall here delays every connection on the node.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  let tlsReloader: TlsReloader | undefined;
  const hygiene = new HttpHygiene(config.corsOrigins);
  const metrics = () => {
    const { batches, committed } = chat.commitStats;
    return [
      '# TYPE parley_connections gauge',
      `parley_connections ${gateway.connectionCount}`,
      '# TYPE parley_connections_opened_total counter',
      `parley_connections_opened_total ${gateway.stats.connectionsOpened}`,
      '# TYPE parley_socket_writes_total counter',
      `parley_socket_writes_total ${gateway.stats.socketWrites}`,
      '# TYPE parley_fanout_room_runs_total counter',
      `parley_fanout_room_runs_total ${gateway.stats.roomRuns}`,
      '# TYPE parley_messages_committed_total counter',
      `parley_messages_committed_total ${committed}`,
      '# TYPE parley_commit_batches_total counter',
      `parley_commit_batches_total ${batches}`,
      '# TYPE parley_push_retransmits_total counter',
      `parley_push_retransmits_total ${gateway.stats.retransmits}`,
      '# TYPE parley_resync_notices_total counter',
      `parley_resync_notices_total ${gateway.stats.resyncs}`,
      '# TYPE parley_sync_withheld_total counter',
      `parley_sync_withheld_total ${gateway.stats.syncsWithheld}`,
      '# TYPE parley_rate_limited_total counter',
      ...Object.entries(rates.refused).map(([what, n]) => `parley_rate_limited_total{what="${what}"} ${n}`),
      '# TYPE parley_frames_delayed_total counter',
      `parley_frames_delayed_total ${gateway.stats.framesDelayed}`,
      '# TYPE parley_upload_joins_total counter',
      `parley_upload_joins_total{hash="ahead"} ${media.chains.stats.taken}`,
      `parley_upload_joins_total{hash="read"} ${media.chains.stats.missed}`,
      '# TYPE parley_event_loop_delay_max_seconds gauge',
      `parley_event_loop_delay_max_seconds ${loopDelay.max / 1e9}`,
      '# TYPE parley_event_loop_delay_p99_seconds gauge',
      `parley_event_loop_delay_p99_seconds ${loopDelay.percentile(99) / 1e9}`,
      ...(tlsReloader
        ? [
            '# TYPE parley_tls_reloads_total counter',
            `parley_tls_reloads_total ${tlsReloader.reloads}`,
            '# TYPE parley_tls_reload_failures_total counter',
            `parley_tls_reload_failures_total ${tlsReloader.failures}`,
          ]
        : []),
      '# TYPE parley_resident_memory_bytes gauge',
      `parley_resident_memory_bytes ${process.memoryUsage.rss()}`,
      '',
    ].join('\n');
  };

  const http = serveHttp(
    createHttpHandler({
      accounts,
      chat,
      adminKey: config.adminKey,
      metrics,
      hygiene,
      ready: () => ready,
      nodes: () => bus.nodes(),
      presence: (users) => gateway.presence(users),
      pullMaxLimit: config.pullMaxLimit,
      media,
      maxFileBytes: config.maxFileBytes,
      rates,
      limitOverrides,
      webAppDir: config.webAppDir || defaultWebAppDir(),
    }),
    log,
    {
      longBody: isUploadRequest,
      proxies: parseTrustedProxies(config.trustedProxies, config.proxyHeader),
      commonHeaders: (req) => hygiene.headers(req),
      ...(tlsPair ? { tls: tlsPair } : {}),
    },
  );
  http.headersTimeout = 10_000;
  const wss = attachWebSocket(
    http,
    gateway,
    (req) => hygiene.checkWebSocketOrigin(req),
    (req) => rates.takeIp('connection', clientAddress(req)),
  );
  const tcp = createTcpServer(gateway, tlsPair, (socket) => rates.takeIp('connection', socketAddress(socket)));
  const metricsAt = config.metricsListen !== '' ? parseListenAddress(config.metricsListen) : undefined;
  const metricsHttp = metricsAt ? serveMetrics(metrics, log) : undefined;

  let httpPort: number;
  let tcpPort: number;
  let metricsPort: number | undefined;
  try {
    httpPort = await listen(http, config.httpPort, config.host);
    tcpPort = await listen(tcp, config.tcpPort, config.host);
    if (metricsHttp && metricsAt) metricsPort = await listen(metricsHttp, metricsAt.port, metricsAt.host);
  } catch (err) {
    http.close();
    tcp.close();
    metricsHttp?.close();
    gateway.close();
    chat.close();
    await bus.close();
    await rates.close();
    await accounts.close();
    await store.close();
    await blobs.close();
    throw err;
  }
  media.start();
  if (tlsPair) {
    tlsReloader = new TlsReloader({
      certFile: config.tlsCert,
      keyFile: config.tlsKey,
      intervalMs: config.tlsReloadMs,
      listeners: [http as unknown as SecureListener, tcp as unknown as SecureListener],
      log,
    });
  }
  // Sessions that expired a day ago are forgotten: at start, then hourly.
  const purgeSessions = () => accounts.purgeExpired().catch((err: unknown) => log.warn({ err }, 'could not purge expired sign-in sessions'));
  void purgeSessions();
  const sessionPurge = setInterval(purgeSessions, 3600_000);
  sessionPurge.unref();
  // Once listening, a listener's own error (a failed accept) is logged, not thrown.
  http.on('error', (err) => log.error({ err }, 'http listener failed'));
  tcp.on('error', (err) => log.error({ err }, 'tcp listener failed'));
  metricsHttp?.on('error', (err) => log.error({ err }, 'metrics listener failed'));
  ready = true;
  const hostForUrl = urlHost(config.host);
  const publicForUrl = urlHost(publicHostOf(config));
  const startedAt = clock.wall();
  const [httpScheme, wsScheme, tcpScheme] = tlsPair ? ['https', 'wss', 'tls'] : ['http', 'ws', 'tcp'];
  let draining = false;
  bus.announce(() => ({
    id: nodeId,
    httpUrl: `${httpScheme}://${publicForUrl}:${httpPort}`,
    wsUrl: `${wsScheme}://${publicForUrl}:${httpPort}${WS_PATH}`,
    tcpUrl: `${tcpScheme}://${publicForUrl}:${tcpPort}`,
    startedAt,
    draining,
    connections: gateway.connectionCount,
  }));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      ready = false;
      draining = true;
      // Tell clients where to go: the other nodes still taking connections.
      const others = await bus.nodes().then(
        (nodes) => nodes.filter((n) => n.id !== nodeId && !n.draining).flatMap((n) => [n.wsUrl, n.tcpUrl]),
        () => [] as string[],
      );
      http.close();
      tcp.close();
      metricsHttp?.close();
      tlsReloader?.close();
      gateway.drain(others);
      // Let the notices and close frames leave: sockets are uncorked on the next
      // tick, which would otherwise come after an exit at the end of this chain.
      await new Promise((r) => setImmediate(r));
      const deadline = clock.monotonic() + config.drainTimeoutMs;
      while (!chat.idle && clock.monotonic() < deadline) await new Promise((r) => setTimeout(r, 5));
      await chat.flushPending();
      gateway.close();
      chat.close();
      clearInterval(sessionPurge);
      loopDelay.disable();
      wss.close();
      http.closeAllConnections();
      metricsHttp?.closeAllConnections();
      await media.close();
      await rates.close();
    await accounts.close();
      await bus.close();
      await store.close();
      await blobs.close();
    })());

  return {
    config,
    httpPort,
    tcpPort,
    metricsPort,
    httpUrl: `${httpScheme}://${hostForUrl}:${httpPort}`,
    wsUrl: `${wsScheme}://${hostForUrl}:${httpPort}${WS_PATH}`,
    tcpUrl: `${tcpScheme}://${hostForUrl}:${tcpPort}`,
    gateway,
    chat,
    media,
    voice,
    tokens,
    rates,
    accounts,
    blobs,
    log,
    close,
  };
}
