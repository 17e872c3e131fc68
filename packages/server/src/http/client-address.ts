/**
 * Who is on the other end of a request: the one place that answers it, so that
 * every per-address decision (limits, logs) sees the same address.
 *
 * Without trusted proxies (the default) a request's client is its TCP peer and
 * forwarding headers are ignored: anyone can write them. With `trustedProxies`
 * set (IPs and CIDRs), a request whose peer is one of them is taken to come from
 * the address the proxies recorded — in X-Forwarded-For, or with `proxyHeader`
 * 'forwarded' in RFC 7239's Forwarded (`for=`), never both: a proxy rewrites
 * the one it writes, and the other is whatever the client sent. The list is read
 * from the right (the hop nearest this server) past every trusted proxy, and the
 * first address that is not one is the client. Whether the client used https:
 * X-Forwarded-Proto, or the `proto=` of the Forwarded element that named it.
 *
 * `serveHttp` and `serveUpgrades` (guard.ts) tell each request its listener's
 * trust before any handler runs, so `clientAddress(req)` needs nothing else.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP, type Socket } from 'node:net';

/** The header trusted proxies record the client in: X-Forwarded-For/-Proto, or RFC 7239's Forwarded. */
export type ProxyHeader = 'x-forwarded' | 'forwarded';

/** Which peers may speak for their clients, and in which header. */
export interface ProxyTrust {
  /** True if `address` (normalized) is a trusted proxy. */
  trusts(address: string): boolean;
  /** The entries as configured, for logs. */
  readonly entries: readonly string[];
  readonly header: ProxyHeader;
}

/** Trusts no one: the default. */
export const NO_PROXIES: ProxyTrust = { trusts: () => false, entries: [], header: 'x-forwarded' };

/** `::ffff:1.2.3.4` as `1.2.3.4`: the same IPv4 client whichever way the socket was opened. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * The trust of a `trustedProxies` list: each entry an IPv4 or IPv6 address or a
 * CIDR (`10.0.0.0/8`, `fd00::/8`). Throws an Error naming the first bad entry.
 */
export function parseTrustedProxies(list: readonly string[], header: ProxyHeader = 'x-forwarded'): ProxyTrust {
  if (list.length === 0) return NO_PROXIES;
  const blocks = new BlockList();
  for (const raw of list) {
    const entry = raw.trim();
    const slash = entry.indexOf('/');
    const address = normalizeAddress(slash < 0 ? entry : entry.slice(0, slash));
    const family = isIP(address);
    if (family === 0) throw new Error(`trustedProxies: "${raw}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (slash < 0) {
      blocks.addAddress(address, type);
      continue;
    }
    const bitsText = entry.slice(slash + 1);
    const bits = Number(bitsText);
    if (!/^\d{1,3}$/.test(bitsText) || bits > (family === 4 ? 32 : 128)) throw new Error(`trustedProxies: "${raw}" has a bad prefix length`);
    blocks.addSubnet(address, bits, type);
  }
  return {
    entries: [...list],
    header,
    trusts: (address) => {
      const family = isIP(address);
      return family !== 0 && blocks.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** The address of an X-Forwarded-For entry (`1.2.3.4`, `1.2.3.4:5678`, `[::1]:80`, `::1`), or undefined if it is none. */
function forwardedAddress(entry: string): string | undefined {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.indexOf(':'));
  const address = normalizeAddress(text);
  return isIP(address) !== 0 ? address : undefined;
}

/**
 * The hops of RFC 7239 Forwarded headers, left to right: each element's `for`
 * and `proto` (parameter names case-insensitive, values tokens or quoted
 * strings; separators inside quotes are not separators).
 */
function forwardedHops(req: IncomingMessage): { for?: string; proto?: string }[] {
  const value = req.headers.forwarded;
  if (value === undefined) return [];
  const text = Array.isArray(value) ? value.join(',') : value;
  const hops: { for?: string; proto?: string }[] = [{}];
  let pair = '';
  let quoted = false;
  const endPair = () => {
    const eq = pair.indexOf('=');
    if (eq > 0) {
      const name = pair.slice(0, eq).trim().toLowerCase();
      let v = pair.slice(eq + 1).trim();
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
      if (name === 'for' || name === 'proto') hops.at(-1)![name] = v;
    }
    pair = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < text.length) pair += c + text[++i];
      else {
        if (c === '"') quoted = false;
        pair += c;
      }
    } else if (c === '"') {
      quoted = true;
      pair += c;
    } else if (c === ';') endPair();
    else if (c === ',') {
      endPair();
      hops.push({});
    } else pair += c;
  }
  endPair();
  return hops;
}

/** The values of a header that may be repeated, as one comma-separated list. */
function listHeader(req: IncomingMessage, name: string): string[] {
  const value = req.headers[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value.join(',') : value).split(',');
}

/** The trust each request's listener has, set by guard.ts before any handler runs. */
const trustOf = new WeakMap<IncomingMessage, ProxyTrust>();
/** Each request's answer, worked out once. */
const resolved = new WeakMap<IncomingMessage, { address: string; secure: boolean }>();

/** Record the proxies `req`'s listener trusts (guard.ts, for every request and upgrade). */
export function setProxyTrust(req: IncomingMessage, trust: ProxyTrust): void {
  trustOf.set(req, trust);
}

/** The normalized address of a socket's peer ('' if it is gone and never had one). */
export function socketAddress(socket: Socket): string {
  return normalizeAddress(socket.remoteAddress ?? '');
}

function resolve(req: IncomingMessage): { address: string; secure: boolean } {
  const known = resolved.get(req);
  if (known) return known;
  const trust = trustOf.get(req) ?? NO_PROXIES;
  const peer = socketAddress(req.socket);
  const ownSecure = (req.socket as { encrypted?: boolean }).encrypted === true;
  let answer = { address: peer, secure: ownSecure };
  if (trust.trusts(peer)) {
    const rfc7239 = trust.header === 'forwarded';
    const hops = rfc7239 ? forwardedHops(req) : listHeader(req, 'x-forwarded-for').map((entry) => ({ for: entry, proto: undefined }));
    // Right to left: each trusted hop vouches for the entry before it.
    let address = peer;
    let chosen: { proto?: string } | undefined;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = forwardedAddress(hops[i]!.for ?? '');
      if (hop === undefined) break; // garbage (or "unknown", an obfuscated name): believe no further than the last good hop
      address = hop;
      chosen = hops[i];
      if (!trust.trusts(hop)) break;
    }
    const proto = (rfc7239 ? chosen?.proto : listHeader(req, 'x-forwarded-proto')[0])?.trim().toLowerCase();
    answer = { address, secure: proto === undefined || proto === '' ? ownSecure : proto === 'https' || proto === 'wss' };
  }
  resolved.set(req, answer);
  return answer;
}

/**
 * The client's IP address (IPv4 dotted, IPv6 lower-case; an IPv4-mapped IPv6
 * address as IPv4): the TCP peer, or, when that peer is a trusted proxy, the
 * client it forwarded for. Works for plain requests and WebSocket upgrades alike.
 */
export function clientAddress(req: IncomingMessage): string {
  return resolve(req).address;
}

/** True if the client reached us over TLS: this listener's own, or a trusted proxy's (X-Forwarded-Proto: https). */
export function clientUsedTls(req: IncomingMessage): boolean {
  return resolve(req).secure;
}
