/** Presence views the server accepts, and what each means in a sentence. */
export type TPresenceView = "home" | "matrix" | "claim" | "source" | "graph" | "compare" | "timeline" | "history" | "present" | "other";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a workspace page is about, from its path: `/w/:slug/claims/:id` → claim + id. */
export function viewOfPath(pathname: string, slug: string): { view: TPresenceView; targetId: string | null } {
  const base = `/w/${slug}`;
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return { view: "other", targetId: null };
  const [section, id] = pathname.slice(base.length).split("/").filter(Boolean);
  const targetId = id && UUID.test(id) ? id.toLowerCase() : null;
  switch (section) {
    case undefined:
      return { view: "home", targetId: null };
    case "claims":
      return targetId ? { view: "claim", targetId } : { view: "other", targetId: null };
    case "sources":
      return targetId ? { view: "source", targetId } : { view: "other", targetId: null };
    case "matrix":
    case "graph":
    case "compare":
    case "timeline":
    case "history":
    case "present":
      return { view: section, targetId: null };
    default:
      return { view: "other", targetId: null };
  }
}

const VIEW_PHRASE: Record<string, string> = {
  home: "on the workspace home",
  matrix: "on the matrix",
  claim: "on a claim",
  source: "reading a source",
  graph: "on the argument graph",
  compare: "comparing authors",
  timeline: "on the timeline",
  history: "in the history",
  present: "in seminar mode",
};

export function describeView(view: string): string {
  return VIEW_PHRASE[view] ?? "elsewhere in the workspace";
}

/** Where a view can be opened, so a click on someone goes to what they are looking at. */
export function hrefOfView(slug: string, view: string, targetId: string | null): string | null {
  const base = `/w/${slug}`;
  if (view === "claim" && targetId) return `${base}/claims/${targetId}`;
  if (view === "source" && targetId) return `${base}/sources/${targetId}`;
  if (view === "home") return base;
  if (view in VIEW_PHRASE) return `${base}/${view}`;
  return null;
}
