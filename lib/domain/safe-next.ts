/**
 * Where to go after signing in: only a path on this site, so a crafted `?next=` link cannot send
 * someone elsewhere.
 */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
