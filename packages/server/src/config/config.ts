/**
 * Server configuration: one typed defaults object (every field documented), merged
 * from a JSON file, PARLEY_* environment variables and --flags (later wins), and
 * validated once at start-up. Nothing below this module reads process.env.
 */
import { readFileSync } from 'node:fs';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { parseDevicePolicy } from '../gateway/device-policy.ts';
import { parseTrustedProxies } from '../http/client-address.ts';
import { validateCorsOrigins } from '../http/http-hygiene.ts';
import { isS3Prefix } from '../media/blob/s3-prefix.ts';
import { crashHook, parseUnsafe } from '../testing/faults.ts';

export const defaults = {
  /** Address both listeners bind to. */
  host: '127.0.0.1',
  /** HTTP API and WebSocket (/ws) port; 0 picks a free one. */
  httpPort: 8080,
  /** Raw TCP port; 0 picks a free one. */
  tcpPort: 8081,
  /** Store: 'sqlite' (embedded, in dataDir) or a PostgreSQL URL (postgres://user@host:5432/db) for cluster mode. */
  store: 'sqlite',
  /** Bus: 'local' (in-process, one node) or a Redis URL (redis://host:6379) joining the nodes of a cluster. */
  bus: 'local',
  /** Prefix of every Redis key and channel of this cluster, so clusters can share one Redis. */
  busPrefix: 'parley',
  /** This node's id in the cluster registry; empty: hostname, pid and a random suffix. */
  nodeId: '',
  /** Host name clients reach this node by, as listed by GET /v1/nodes; empty: the listen host (or the machine's hostname when listening on all addresses). */
  publicHost: '',
  /** Connections in the PostgreSQL pool. */
  pgPoolSize: 10,
  /** Where the embedded store keeps its files. */
  dataDir: './data',
  /** The built web app served at / (packages/web/dist); empty: the one next to this server's package. A missing directory just means no app at /. */
  webAppDir: '',
  /** SQLite durability: 'full' fsyncs every commit (survives power loss), 'normal' survives a process crash. */
  sqliteSynchronous: 'full' as 'full' | 'normal',
  /** Where uploaded files' bytes live: 'fs' (files under blobDir) or 's3' (S3-compatible object storage, the s3* settings). */
  blobStore: 'fs' as BlobStoreName,
  /** Directory of the 'fs' blob store; empty: <dataDir>/blobs. The nodes of a cluster must all mount the same one. */
  blobDir: '',
  /** S3 endpoint URL for MinIO, Ceph RGW, R2 and the like (http(s)://host:port); empty: AWS S3 in s3Region. */
  s3Endpoint: '',
  /** S3 region: the bucket's on AWS; other stores mostly take any ('auto' on R2). */
  s3Region: 'us-east-1',
  /** Bucket of the 's3' blob store; it must exist. Required with blobStore 's3'. */
  s3Bucket: '',
  /** Prefix of every object name: empty, or segments each ending in '/'. Another prefix is another blob store in the same bucket. */
  s3Prefix: 'parley/blobs/',
  /** S3 access key id; empty, with s3SecretAccessKey empty too: the SDK's default credentials (IAM role, AWS_* variables, ~/.aws). */
  s3AccessKeyId: '',
  /** S3 secret access key, set together with s3AccessKeyId. */
  s3SecretAccessKey: '',
  /** Bucket in the URL path instead of the host name: true for MinIO, Ceph RGW and most self-hosted stores. */
  s3ForcePathStyle: false,
  /** Largest part an S3 append holds in memory before storing it, in bytes: the memory each upload in progress may take. */
  s3PartBytes: 8 * 1024 * 1024,
  /** Largest Frame accepted on either transport, in bytes. */
  maxFrameBytes: 65536,
  /** Largest message body, in bytes. */
  maxBodyBytes: 16384,
  /** Heartbeat interval told to clients; a peer silent for 2.5 intervals is closed. */
  heartbeatMs: 15000,
  /** A connection must authenticate within this time. */
  authTimeoutMs: 10000,
  /** Unacknowledged pushes are resent after this long. */
  retransmitMs: 2000,
  /** A connection with more unacknowledged pushes than this is told to RESYNC. */
  maxUnackedPushes: 4096,
  /** A connection with more bytes than this waiting to be written is closed (slow consumer). */
  maxBufferedBytes: 8 * 1024 * 1024,
  /** Requests one connection may have in progress at once. */
  maxInFlight: 1024,
  /** Most sends committed in one transaction. */
  maxBatch: 512,
  /** Most messages one pull returns. */
  pullMaxLimit: 500,
  /** Most conversations one sync page lists. */
  syncPageSize: 500,
  /** Most users one group creation or membership change may name. */
  maxGroupChange: 500,
  /** Read receipts are pushed to the other members of conversations of at most this many members. */
  readReceiptPushMax: 20,
  /** Typing indicators are pushed in conversations of at most this many members. */
  typingPushMax: 50,
  /** A sender may recall a message within this many ms of sending it (group admins at any time). */
  recallWindowMs: 120_000,
  /** A sender may edit a message within this many ms of sending it (MESSAGE_LOCKED after). */
  editWindowMs: 24 * 3600 * 1000,
  /**
   * Who may add a user to a group when the user has not chosen: "anyone", "friends" or
   * "nobody". A user who takes 1:1 chats from friends only is "friends" whatever this says.
   * An add the setting does not allow becomes an invitation the user accepts or declines.
   */
  groupAddsDefault: 'anyone' as 'anyone' | 'friends' | 'nobody',
  /** A group invitation expires this long after it was made. */
  invitationTtlMs: 7 * 24 * 3600 * 1000,
  /** Current members one group may have (more is LIMIT_REACHED). */
  maxGroupMembers: 100_000,
  /** Groups one user may be a current member of. */
  maxGroupsPerUser: 10_000,
  /** Friends one user may have. */
  maxFriends: 5_000,
  /** Friend requests one user may have waiting for an answer. */
  maxPendingFriendRequests: 500,
  /**
   * Connections per user and platform class, e.g. "mobile=1,desktop=1" (classes
   * not named are unlimited; empty: no limits). The newest connection wins; the
   * oldest of its class is kicked (Notice KICKED, close 4006). Per node.
   */
  devicePolicy: '',
  /**
   * Groups with more members than this are large: a message raises the group's
   * change version once instead of every member's (their sync reads both).
   */
  largeGroupThreshold: 200,
  /** Largest CUSTOM (app JSON) message body, in bytes. */
  maxCustomBytes: 4096,
  /** Typing indicators one connection may send per second (more get RATE_LIMITED). */
  typingPerSecond: 5,
  // Rate limits (limits/rate-limits.ts). 0 turns a limit off. One node counts in memory; with a
  // Redis bus the nodes count together in Redis (so N nodes allow the limit once), and each node
  // falls back to counting alone in memory while Redis is unreachable. An admin may override a
  // user's limits (PUT /v1/admin/users/{id}/limits).
  /** Messages (sends, edits, recalls, reactions) one user may send per second, all devices together… */
  limitSendsPerSecond: 100,
  /** …plus this many more within limitSendBurstSeconds: a burst (an outbox flushed after a reconnect). */
  limitSendBurst: 1000,
  /** The window of limitSendBurst, in seconds. */
  limitSendBurstSeconds: 10,
  /** Groups one user may create per hour. */
  limitGroupCreatesPerHour: 200,
  /** Friend requests one user may send per hour. */
  limitFriendRequestsPerHour: 500,
  /** Users one user may invite into groups per hour (each invited user counts). */
  limitInvitesPerHour: 5000,
  /** New connections (WebSocket and TCP together) one IP address may open per minute. */
  limitConnectionsPerIpPerMinute: 1200,
  /** Accounts one IP address may register per hour. */
  limitRegistrationsPerIpPerHour: 300,
  /** HTTP requests one IP address may make per minute (health checks and /metrics not counted). */
  limitHttpRequestsPerIpPerMinute: 12000,
  /** Frames of one user's connections on a node read per second, on average (past it they wait, unread)… */
  limitFramesPerSecond: 500,
  /** …and at most this many at once (the bucket a user starts with, kept across reconnects). */
  limitFrameBurst: 500,
  /** Secret that signs Parley-issued tokens; empty: generated once and kept in dataDir. */
  jwtSecret: '',
  /** HS256 keys of app backends whose tokens Parley accepts (comma-separated in env/flags). */
  appJwtKeys: [] as string[],
  /** The `iss` an app backend's tokens must carry; empty: not checked. */
  appJwtIssuer: '',
  /** The `aud` an app backend's tokens must carry (one of, if an array); empty: not checked. */
  appJwtAudience: '',
  /** Lifetime of Parley-issued tokens, in seconds. */
  tokenTtlSeconds: 30 * 24 * 3600,
  /** Failed logins of one account allowed before each further attempt must wait (then 1 s, 2 s, 4 s, … up to loginDelayMaxMs). */
  loginFreeFailures: 5,
  /** Failed logins from one network address allowed before its attempts must wait (higher: many people may share an address). */
  loginFreeFailuresPerAddress: 20,
  /** The first wait after the free failures, in ms; it doubles with each further failure. */
  loginDelayBaseMs: 1000,
  /** The longest wait between login attempts, in ms. */
  loginDelayMaxMs: 15 * 60 * 1000,
  /** Minimum length of a new password (the 1000 most common passwords are refused whatever this is). */
  passwordMinLength: 8,
  /** Bearer key for /v1/admin/*; empty disables the admin API. */
  adminKey: '',
  /** Longest side, in px, of each thumbnail made of an uploaded image (comma-separated in env/flags); never upscaled. */
  thumbnailSizes: [640] as number[],
  /** Images with more pixels than this (width × height × frames) get no thumbnail: the guard against decompression bombs. */
  thumbnailMaxInputPixels: 100_000_000,
  /** Images longer than this many bytes get no thumbnail (a stream is held in memory whole while thumbnailed). */
  thumbnailMaxInputBytes: 64 * 1024 * 1024,
  /** Thumbnailing one image gives up after this long; the upload is not affected. */
  thumbnailTimeoutMs: 15_000,
  /** Images thumbnailed at once per node, each on one core and one libuv pool thread; keep below UV_THREADPOOL_SIZE (4). */
  thumbnailJobs: 1,
  /** Largest file, in bytes (advertised as Tus-Max-Size; a larger Upload-Length is refused before any byte is stored). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Bytes one user may upload per UTC day (uploads and instant uploads); more is QUOTA_EXCEEDED (429). */
  uploadQuotaBytesPerDay: 1024 * 1024 * 1024,
  /** Uploads one user may have that have not become files (more is TOO_MANY_UPLOADS, 429). */
  maxUnfinishedUploads: 20,
  /** An unfinished upload expires this long after its creation or its last PATCH; the collector then reclaims its bytes. */
  uploadExpiryMs: 24 * 3600 * 1000,
  /** A file no message carries is collected this long after its upload. */
  unreferencedFileGraceMs: 24 * 3600 * 1000,
  /** How often the media collector runs (expired uploads, unreferenced files, their bytes). */
  mediaSweepMs: 60_000,
  /** The lease a PATCH holds on its upload, renewed while it streams; after a node dies, its uploads resume elsewhere once it lapses. */
  uploadLeaseMs: 30_000,
  /** How long a signed download link (POST /v1/files/{id}/link) works. */
  fileLinkTtlMs: 3600 * 1000,
  /** How long an instant-upload challenge may be answered (at most a minute). */
  instantChallengeMs: 60_000,
  /** PEM file of the TLS certificate (chain) of both listeners; with tlsKey, the HTTP/WebSocket port serves HTTPS/WSS and the TCP port TLS. Empty: plain. */
  tlsCert: '',
  /** PEM file of the certificate's private key, set together with tlsCert. */
  tlsKey: '',
  /** A TLS handshake not finished within this long is cut (a peer that opens connections and stalls holds no socket for long). */
  tlsHandshakeTimeoutMs: 10_000,
  /** How often tlsCert and tlsKey are checked for a new pair (a renewal), in ms; a new pair is served without a restart. */
  tlsReloadMs: 10_000,
  /** Origins (scheme://host[:port]) whose web pages may call the HTTP API and open WebSockets (comma-separated in env/flags); empty: same origin only. */
  corsOrigins: [] as string[],
  /** A separate plain-HTTP address (host:port) that serves GET /metrics without a key, for a scraper on a private network; empty: /metrics only on the main port, with the admin key. */
  metricsListen: '',
  /**
   * Reverse proxies (IPs and CIDRs, comma-separated in env/flags) whose
   * X-Forwarded-For and X-Forwarded-Proto are believed; empty: none, the TCP peer is the client.
   */
  trustedProxies: [] as string[],
  /**
   * The header those proxies write the client into: 'x-forwarded' (X-Forwarded-For,
   * X-Forwarded-Proto) or 'forwarded' (RFC 7239). Only that one is read: the
   * other is whatever the client sent.
   */
  proxyHeader: 'x-forwarded' as 'x-forwarded' | 'forwarded',
  /** Largest chunk of a streamed voice message, in bytes (must fit in a frame: at most maxFrameBytes − 512). */
  maxVoiceChunkBytes: 32 * 1024,
  /** Longest voice message, in ms (a stream is also capped by maxFileBytes). */
  maxVoiceDurationMs: 15 * 60 * 1000,
  /** A voice stream neither ended nor cancelled expires this long after its last chunk (then reclaimed); an ended one's chunks can be fetched this long. */
  voiceStreamExpiryMs: 10 * 60 * 1000,
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  logLevel: 'info',
  /** Graceful drain on SIGTERM waits at most this long for in-flight work. */
  drainTimeoutMs: 5000,
  /** TEST ONLY: kill the process at this crash point (see testing/faults.ts); '' = never. */
  testCrashPoint: '',
  /** TEST ONLY: probability that reaching `testCrashPoint` kills the process. */
  testCrashProbability: 0,
  /** TEST ONLY: seed of the crash coin, so a run's crashes can be replayed; 0 = unseeded (Math.random). */
  testCrashSeed: 0,
  /** TEST ONLY: comma-separated modes that break the delivery contract on purpose. */
  testUnsafe: '',
};

export type Config = typeof defaults;
type Key = keyof Config;

/** The blob store adapters the composition root (server.ts) can build, by name. */
export const BLOB_STORE_NAMES = ['fs', 's3'] as const;
export type BlobStoreName = (typeof BLOB_STORE_NAMES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function envName(key: string): string {
  return `PARLEY_${kebab(key).replace(/-/g, '_').toUpperCase()}`;
}

function bad(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, `config: ${message}`);
}

/** Turn a string from env or a flag into the type of the default. */
function coerce(key: Key, raw: string): unknown {
  const sample = defaults[key];
  if (typeof sample === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw bad(`${key} must be a number, got "${raw}"`);
    return n;
  }
  if (Array.isArray(sample)) {
    const parts = raw.trim() === '' ? [] : raw.split(',').map((s) => s.trim());
    if (typeof sample[0] !== 'number') return parts;
    return parts.map((part) => {
      const n = Number(part);
      if (part === '' || !Number.isFinite(n)) throw bad(`${key} must be comma-separated numbers, got "${raw}"`);
      return n;
    });
  }
  if (typeof sample === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw bad(`${key} must be true or false, got "${raw}"`);
  }
  return raw;
}

/** Every key with its env variable and flag, for --help. */
export function describeConfig(): { key: string; env: string; flag: string; default: unknown }[] {
  return (Object.keys(defaults) as Key[]).map((key) => ({ key, env: envName(key), flag: `--${kebab(key)}`, default: defaults[key] }));
}

export interface ConfigSources {
  file?: string;
  env?: Record<string, string | undefined>;
  /** Flags as parsed from the command line: kebab-case or camelCase names. */
  flags?: Record<string, string>;
  /** Already-typed overrides (tests). */
  overrides?: Partial<Config>;
}

export function loadConfig(sources: ConfigSources = {}): Config {
  const merged: Record<string, unknown> = { ...defaults };
  const keys = Object.keys(defaults) as Key[];
  if (sources.file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(sources.file, 'utf8'));
    } catch (err) {
      throw bad(`cannot read ${sources.file}: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad(`${sources.file} must hold a JSON object`);
    for (const [k, v] of Object.entries(parsed)) {
      if (!keys.includes(k as Key)) throw bad(`unknown setting "${k}" in ${sources.file}`);
      merged[k] = v;
    }
  }
  for (const key of keys) {
    const raw = sources.env?.[envName(key)];
    if (raw !== undefined) merged[key] = coerce(key, raw);
  }
  for (const [name, raw] of Object.entries(sources.flags ?? {})) {
    const key = keys.find((k) => k === name || kebab(k) === name);
    if (!key) throw bad(`unknown flag --${name}`);
    merged[key] = coerce(key, raw);
  }
  Object.assign(merged, sources.overrides ?? {});
  return validateConfig(merged);
}

export function validateConfig(input: Record<string, unknown>): Config {
  for (const key of Object.keys(defaults) as Key[]) {
    const want = Array.isArray(defaults[key]) ? 'array' : typeof defaults[key];
    const got = Array.isArray(input[key]) ? 'array' : typeof input[key];
    if (want !== got) throw bad(`${key} must be a ${want}, got ${got}`);
  }
  const c = input as Config;
  const port = (k: Key) => {
    const v = c[k] as number;
    if (!Number.isInteger(v) || v < 0 || v > 65535) throw bad(`${k} must be a port number 0..65535, got ${v}`);
  };
  const positive = (k: Key, min = 1) => {
    const v = c[k] as number;
    if (!Number.isInteger(v) || v < min) throw bad(`${k} must be an integer >= ${min}, got ${v}`);
  };
  port('httpPort');
  port('tcpPort');
  if (c.store !== 'sqlite' && !/^postgres(ql)?:\/\/./.test(c.store)) throw bad(`store must be "sqlite" or a postgres:// URL (got "${c.store}")`);
  if (c.bus !== 'local' && !/^rediss?:\/\/./.test(c.bus)) throw bad(`bus must be "local" or a redis:// URL (got "${c.bus}")`);
  if (c.bus !== 'local' && c.store === 'sqlite') throw bad('a Redis bus joins nodes that share one PostgreSQL store; set store to a postgres:// URL');
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(c.busPrefix)) throw bad('busPrefix must be 1-64 characters of A-Z a-z 0-9 . _ : -');
  if (c.nodeId !== '' && !/^[A-Za-z0-9._-]{1,64}$/.test(c.nodeId)) throw bad('nodeId must be 1-64 characters of A-Z a-z 0-9 . _ -');
  positive('pgPoolSize');
  if (!['full', 'normal'].includes(c.sqliteSynchronous)) throw bad(`sqliteSynchronous must be "full" or "normal"`);
  if (!['x-forwarded', 'forwarded'].includes(c.proxyHeader)) throw bad(`proxyHeader must be "x-forwarded" or "forwarded"`);
  positive('maxFrameBytes', 1024);
  positive('maxBodyBytes');
  if (c.maxBodyBytes > c.maxFrameBytes - 512) throw bad('maxBodyBytes must be at least 512 bytes below maxFrameBytes');
  positive('heartbeatMs', 100);
  positive('authTimeoutMs', 100);
  positive('retransmitMs', 50);
  positive('maxUnackedPushes');
  positive('maxBufferedBytes', 65536);
  positive('maxInFlight');
  positive('maxBatch');
  positive('pullMaxLimit');
  positive('syncPageSize');
  positive('maxGroupChange');
  positive('readReceiptPushMax');
  positive('typingPushMax');
  positive('typingPerSecond');
  for (const k of Object.keys(defaults) as Key[]) if (k.startsWith('limit')) positive(k, 0);
  positive('limitSendBurstSeconds');
  if (c.limitFramesPerSecond > 0 && c.limitFrameBurst < 1) throw bad('limitFrameBurst must be at least 1 when limitFramesPerSecond is set');
  positive('recallWindowMs', 0);
  positive('editWindowMs', 0);
  if (!['anyone', 'friends', 'nobody'].includes(c.groupAddsDefault)) throw bad('groupAddsDefault must be "anyone", "friends" or "nobody"');
  positive('invitationTtlMs', 1000);
  positive('maxGroupMembers', 2);
  positive('maxGroupsPerUser');
  positive('maxFriends');
  positive('maxPendingFriendRequests');
  positive('maxCustomBytes');
  positive('largeGroupThreshold');
  positive('tokenTtlSeconds', 60);
  positive('loginFreeFailures');
  positive('loginFreeFailuresPerAddress');
  positive('loginDelayBaseMs', 1);
  positive('loginDelayMaxMs', 1);
  if (c.loginDelayMaxMs < c.loginDelayBaseMs) throw bad('loginDelayMaxMs must be at least loginDelayBaseMs');
  positive('passwordMinLength', 8);
  if (c.passwordMinLength > 256) throw bad('passwordMinLength must be at most 256');
  positive('drainTimeoutMs', 0);
  if (c.blobDir.includes('\u0000')) throw bad('blobDir must be a path');
  positive('maxFileBytes');
  if (c.maxFileBytes > Number.MAX_SAFE_INTEGER) throw bad('maxFileBytes is too large');
  positive('uploadQuotaBytesPerDay');
  positive('maxUnfinishedUploads');
  positive('uploadExpiryMs', 100);
  positive('unreferencedFileGraceMs', 0);
  positive('mediaSweepMs', 0);
  positive('uploadLeaseMs', 100);
  positive('fileLinkTtlMs', 1000);
  if (c.fileLinkTtlMs > 7 * 24 * 3600 * 1000) throw bad('fileLinkTtlMs must be at most 7 days: links are meant to be short-lived');
  positive('instantChallengeMs', 100);
  positive('maxVoiceChunkBytes');
  if (c.maxVoiceChunkBytes > c.maxFrameBytes - 512) throw bad('maxVoiceChunkBytes must be at least 512 bytes below maxFrameBytes');
  positive('maxVoiceDurationMs', 1000);
  positive('voiceStreamExpiryMs', 100);
  if (c.instantChallengeMs > 60_000) throw bad('instantChallengeMs must be at most 60000 (a minute)');
  positive('testCrashSeed', 0);
  if (c.thumbnailSizes.length === 0 || c.thumbnailSizes.length > 8) throw bad('thumbnailSizes must list 1 to 8 sizes');
  for (const size of c.thumbnailSizes) {
    if (!Number.isInteger(size) || size < 16 || size > 4096) throw bad(`each of thumbnailSizes must be an integer from 16 to 4096, got ${size}`);
  }
  if (new Set(c.thumbnailSizes).size !== c.thumbnailSizes.length) throw bad('thumbnailSizes must not name a size twice');
  positive('thumbnailMaxInputPixels', 1_000_000);
  positive('thumbnailMaxInputBytes', 1024);
  positive('thumbnailTimeoutMs', 100);
  positive('thumbnailJobs');
  if (c.thumbnailJobs > 64) throw bad(`thumbnailJobs must be at most 64, got ${c.thumbnailJobs}`);
  try {
    parseDevicePolicy(c.devicePolicy);
    parseUnsafe(c.testUnsafe);
    crashHook(c.testCrashPoint, 0);
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (!(c.testCrashProbability >= 0 && c.testCrashProbability <= 1)) throw bad('testCrashProbability must be from 0 to 1');
  if (!LOG_LEVELS.includes(c.logLevel)) throw bad(`logLevel must be one of ${LOG_LEVELS.join(', ')}`);
  if (c.jwtSecret !== '' && c.jwtSecret.length < 32) throw bad('jwtSecret must be at least 32 characters');
  // A token issued by one node must be good on every other: nodes share the secret.
  if (c.store !== 'sqlite' && c.jwtSecret === '') throw bad('a PostgreSQL store means a cluster: set jwtSecret (the same on every node)');
  for (const k of c.appJwtKeys) if (typeof k !== 'string' || k.length < 32) throw bad('each of appJwtKeys must be at least 32 characters');
  if (c.adminKey !== '' && c.adminKey.length < 16) throw bad('adminKey must be at least 16 characters');
  if ((c.tlsCert === '') !== (c.tlsKey === '')) throw bad('tlsCert and tlsKey are set together, or neither');
  positive('tlsReloadMs', 100);
  positive('tlsHandshakeTimeoutMs', 100);
  if (c.metricsListen !== '') {
    const listen = parseListenAddress(c.metricsListen);
    if (!listen) throw bad(`metricsListen must be host:port (e.g. 127.0.0.1:9090 or [::1]:9090), got "${c.metricsListen}"`);
  }
  try {
    parseTrustedProxies(c.trustedProxies, c.proxyHeader);
    validateCorsOrigins(c.corsOrigins);
  } catch (err) {
    throw bad((err as Error).message);
  }
  validateBlobSettings(c, positive);
  return c;
}

/** `host:port` or `[v6]:port` as a host and a port, or undefined if it is neither. */
export function parseListenAddress(text: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const port = Number(match[3]);
  if (port > 65535) return undefined;
  return { host: match[1] ?? match[2]!, port };
}

function validateBlobSettings(c: Config, positive: (k: Key, min?: number) => void): void {
  if (!(BLOB_STORE_NAMES as readonly string[]).includes(c.blobStore)) throw bad(`blobStore must be one of ${BLOB_STORE_NAMES.map((n) => `"${n}"`).join(', ')} (got "${c.blobStore}")`);
  if (c.s3Endpoint !== '') {
    let url: URL | undefined;
    try {
      url = new URL(c.s3Endpoint);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) throw bad(`s3Endpoint must be an http:// or https:// URL (got "${c.s3Endpoint}")`);
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(c.s3Region)) throw bad('s3Region must be 1-64 characters of A-Z a-z 0-9 _ -');
  if (c.s3Bucket !== '' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(c.s3Bucket)) throw bad('s3Bucket must be an S3 bucket name: 3-63 characters of a-z 0-9 . -, beginning and ending with a letter or digit');
  if (c.blobStore === 's3' && c.s3Bucket === '') throw bad('blobStore "s3" needs s3Bucket');
  if (!isS3Prefix(c.s3Prefix)) {
    throw bad(`s3Prefix must be empty or segments of A-Z a-z 0-9 . _ - (not . or ..) each ending in '/', at most 512 characters (got "${c.s3Prefix}")`);
  }
  if ((c.s3AccessKeyId === '') !== (c.s3SecretAccessKey === '')) throw bad('s3AccessKeyId and s3SecretAccessKey are set together, or neither (the SDK then finds credentials itself)');
  positive('s3PartBytes', 64 * 1024);
  if (c.s3PartBytes > 1024 ** 3) throw bad('s3PartBytes must be at most 1 GiB (1073741824)');
}
