/**
 * The rule for the S3 blob store's prefix, shared by the settings check and the
 * adapter (which must not load the AWS SDK to share it): empty, or segments of
 * A-Z a-z 0-9 . _ - each ending in '/', none of them '.' or '..', at most 512
 * characters. The closing '/' keeps prefixes apart: 'a/' and 'ab/' can never
 * hold the same object name, where 'a' and 'ab' could ('a' + 'b1/…' = 'ab' + '1/…').
 * Dot segments are refused because some stores and proxies resolve them as paths.
 */
export function isS3Prefix(prefix: string): boolean {
  if (prefix === '') return true;
  if (prefix.length > 512 || !prefix.endsWith('/')) return false;
  return prefix
    .slice(0, -1)
    .split('/')
    .every((segment) => /^[A-Za-z0-9._-]+$/.test(segment) && segment !== '.' && segment !== '..');
}
