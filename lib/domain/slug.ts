/** "The SCO: bloc or talk shop?" → "the-sco-bloc-or-talk-shop"; `fallback` when nothing usable is left. */
export function slugify(title: string, fallback = "workspace"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug.length >= 2 ? slug : fallback;
}

/** A slug's longest form (the API's slug rule). */
export const MAX_SLUG_LENGTH = 64;

/**
 * A LINK workspace's address ("anyone with the link"): its readable name, then `secret` — a part
 * nobody can guess, so the address is the key. Cut so the whole stays a valid slug.
 */
export function withSecretPart(slug: string, secret: string): string {
  return `${slug.slice(0, MAX_SLUG_LENGTH - secret.length - 1).replace(/-+$/, "")}-${secret}`;
}

/** `slug`, or `slug-2`, `slug-3`… for the n-th try at a free one, within the length limit. */
export function numberedSlug(slug: string, n: number): string {
  if (n < 2) return slug;
  const suffix = `-${n}`;
  return `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}
