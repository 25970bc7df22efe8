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
