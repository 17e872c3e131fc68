/**
 * Multi-device policy: how many connections of one platform class a user may
 * have at once (e.g. one mobile and one desktop, any number of web). A new
 * connection over the limit wins; the oldest of its class is told KICKED and
 * closed with 4006.
 */

/** Class name → most connections of that class per user. Classes not named are unlimited. */
export type DevicePolicy = ReadonlyMap<string, number>;

const CLASSES: Record<string, string> = {
  ios: 'mobile',
  android: 'mobile',
  mobile: 'mobile',
  ipados: 'mobile',
  harmonyos: 'mobile',
  desktop: 'desktop',
  macos: 'desktop',
  windows: 'desktop',
  linux: 'desktop',
  electron: 'desktop',
  web: 'web',
  browser: 'web',
};

/** The class of an Auth.platform: the known names map to mobile, desktop or web; others are their own class. */
export function platformClass(platform: string): string {
  const p = platform.trim().toLowerCase();
  return CLASSES[p] ?? (p === '' ? 'other' : p);
}

/** Parse "mobile=1,desktop=1" (empty: no limits). Throws on anything else. */
export function parseDevicePolicy(text: string): DevicePolicy {
  const policy = new Map<string, number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z0-9_-]{1,32})=([1-9][0-9]{0,3})$/.exec(part);
    if (!m) throw new Error(`devicePolicy: "${part}" is not class=limit (e.g. mobile=1), limit 1..9999`);
    if (policy.has(m[1]!)) throw new Error(`devicePolicy: ${m[1]} is named twice`);
    policy.set(m[1]!, Number(m[2]));
  }
  return policy;
}
