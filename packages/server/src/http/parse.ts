/**
 * Small readers for HTTP input: the request target, the JSON body (bounded), its
 * fields by type, query parameters and path segments. Each one fails with
 * INVALID_ARGUMENT naming the field, so a wrong type is a 400 with a clear message
 * rather than a confused domain error. Domain rules (ranges, id formats, limits)
 * stay in the chat service.
 */
import type { IncomingMessage } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';

export const MAX_BODY_BYTES = 64 * 1024;

/** A parsed JSON request body: always an object. */
export type JsonBody = Record<string, unknown>;

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

/** The characters RFC 3986 allows in a path and query: unreserved, sub-delims, ":", "@", "/", "?", and `%` with two hex digits. */
const ORIGIN_FORM = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/**
 * The URL of a request target (RFC 9112 §3.2): origin-form `/path?query`, the
 * path and query of absolute-form `http://host/path?query`, or `*` (which no route
 * takes). A target that is none of these — a character a URI may not hold, a `%`
 * without two hex digits, `//[` — is INVALID_ARGUMENT. Origin-form is always a
 * path here: `//host/x` is the path `//host/x`, not the host `host`.
 */
export function requestUrl(target: string): URL {
  let path = target === '*' ? '/*' : target;
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute && URL.canParse(target)) {
    path = target.slice(absolute[0].length);
    if (!path.startsWith('/')) path = `/${path}`;
  }
  if (!ORIGIN_FORM.test(path)) {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'the request target is not a valid path (RFC 3986 characters; % only before two hex digits)');
  }
  return new URL(`http://localhost${path}`); // cannot throw: the host is fixed, the path valid
}

/**
 * The body as a JSON object; an empty body is `{}`. Larger than MAX_BODY_BYTES:
 * MESSAGE_TOO_LARGE. A body that never ends (the client went away, the request was
 * aborted, the socket failed) is BAD_FRAME rather than a promise left waiting.
 */
export function readJson(req: IncomingMessage): Promise<JsonBody> {
  return new Promise((resolve, reject) => {
    const cutOff = () => reject(new ParleyError(ErrorCode.BAD_FRAME, 'the request body was cut off'));
    if (req.destroyed || req.readableEnded) {
      cutOff();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0; // keep draining, so the client reads the 413 rather than a reset
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new ParleyError(ErrorCode.MESSAGE_TOO_LARGE, `request body exceeds ${MAX_BODY_BYTES} bytes`));
        return;
      }
      let parsed: unknown;
      try {
        parsed = size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        reject(invalid('request body is not valid JSON'));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        reject(invalid('request body must be a JSON object'));
        return;
      }
      resolve(parsed as JsonBody);
    });
    // Settling twice is a no-op: after 'end' these change nothing.
    req.on('error', cutOff);
    req.on('close', cutOff);
  });
}

/**
 * A reader of one type of field: `optional` gives undefined when the field is
 * absent (`undefined` or `null`), `required` refuses that; both refuse a value of
 * another type, saying what it must be.
 */
function reader<T>(is: (v: unknown) => v is T, mustBe: string) {
  const optional = (body: JsonBody, name: string): T | undefined => {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (!is(v)) throw invalid(`${name} must be ${mustBe}`);
    return v;
  };
  const required = (body: JsonBody, name: string): T => {
    const v = optional(body, name);
    if (v === undefined) throw invalid(`${name} is required`);
    return v;
  };
  return [optional, required] as const;
}

const [string, requiredString] = reader((v): v is string => typeof v === 'string', 'a string');
const [int, requiredInt] = reader((v): v is number => typeof v === 'number' && Number.isSafeInteger(v), 'an integer');
const [bool, requiredBool] = reader((v): v is boolean => typeof v === 'boolean', 'true or false');
const [strings, requiredStrings] = reader(
  (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  'an array of strings',
);

/** Typed fields of a JSON body. `undefined` (and `null`) mean absent. */
export const field = { string, requiredString, int, requiredInt, bool, requiredBool, strings, requiredStrings };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Message content from a body: `text` (UTF-8) or `body` (base64), exactly one.
 * Returns undefined when neither is given.
 */
export function content(body: JsonBody): Uint8Array | undefined {
  const text = field.string(body, 'text');
  const encoded = field.string(body, 'body');
  if (text !== undefined && encoded !== undefined) throw invalid('give either text or body (base64), not both');
  if (text !== undefined) return new TextEncoder().encode(text);
  if (encoded === undefined) return undefined;
  if (!BASE64.test(encoded)) throw invalid('body must be standard base64');
  return new Uint8Array(Buffer.from(encoded, 'base64'));
}

/** A non-negative integer query parameter, or `fallback` when absent. */
export function queryInt(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(n)) {
    throw invalid(`query parameter ${name} must be a non-negative integer`);
  }
  return n;
}

export function requiredQueryInt(url: URL, name: string): number {
  if (!url.searchParams.has(name)) throw invalid(`query parameter ${name} is required`);
  return queryInt(url, name, 0);
}

/** A path segment, percent-decoded. */
export function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalid('the path is not validly percent-encoded');
  }
}

/** A path segment that is a positive integer (a seq). */
export function seqSegment(raw: string): number {
  const n = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(n) || n < 1) throw invalid('the seq in the path must be a positive integer');
  return n;
}
