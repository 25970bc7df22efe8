/** A made-up origin to resolve against: only what stays on it is a path of this site. */
const SITE = "https://stancemap.invalid";

/**
 * Where to go after signing in: only a path on this site, so a crafted `?next=` link cannot send
 * someone elsewhere. The value is resolved the way a browser resolves it (which drops tabs and
 * line breaks and reads `\` as `/`, so `/\t/evil.com` is `//evil.com`), must stay on the same
 * origin, and is returned in its resolved form — what was checked is what the browser gets.
 */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return "/";
  }
  if (url.origin !== SITE) return "/";
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can leave a path that starts with `//` (`/.//evil.com` resolves to `//evil.com`),
  // which a browser reads as another host: only a path with one leading slash is this site's.
  return resolved.startsWith("//") ? "/" : resolved;
}
