import "server-only";
import { AppError } from "../../errors/app-error";
import { MAX_SOURCE_TEXT_BYTES } from "../../schemas/sources";
import type { TMutationContext } from "../mutation";
import type { TAnchorMethod } from "../../anchoring/anchor-quote";
import { createTimeSlicer } from "../workers/time-slicer";
import { placeExcerpts, type TPlacement } from "./place-excerpts";

/** Re-anchoring a source's thousands of excerpts stops (422) after this. */
const REANCHOR_DEADLINE_MS = 15_000;

/** Where an excerpt is anchored: what a revision changes, and what undoing it puts back. */
export interface TExcerptPlacement {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorMethod: TAnchorMethod;
  anchorScore: number;
  orphanedAt: string | null;
  orphanReason: string | null;
  revisionId: string | null;
}

/** One excerpt moved by a revision: its placement before and after, and its version after. */
export interface TExcerptMove {
  id: string;
  version: number;
  before: TExcerptPlacement;
  after: TExcerptPlacement;
}

/** What happened to the source's excerpts (deleted ones are placed too, but not counted here). */
export interface TReanchored {
  unchanged: number;
  moved: number;
  fuzzy: { excerptId: string; score: number }[];
  orphaned: { excerptId: string; exact: string }[];
}

export interface TTextReplacement {
  /** The revision that keeps the replaced text. */
  revisionId: string;
  reanchored: TReanchored;
  moves: TExcerptMove[];
}

const PLACEMENT_SELECT = {
  id: true, version: true, deletedAt: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorMethod: true, anchorScore: true, orphanedAt: true, orphanReason: true, revisionId: true,
} as const;

/** Refuses a text over the 2 MB a source may hold (413, as when a source is added). */
export function checkSourceTextSize(text: string): void {
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_TEXT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A source text is at most 2 MB.");
}

/**
 * After a source's text was changed from `oldText` (the source's row is already written): keeps
 * `oldText` as a SourceRevision at `oldVersion`, and places every excerpt of the source in the
 * new text — where it still is, where its quote moved, or nowhere (orphaned: it keeps its
 * selectors into the revision and counts nowhere until re-attached). Deleted excerpts are placed
 * too, so undoing their delete brings them back at the right words. Excerpts orphaned by an
 * earlier revision are looked for again and placed when the new text holds their quote (counted
 * as moved or fuzzy); else they stay as they were. `restore` (for an undo) gives excerpts a
 * placement to go back to, used when the excerpt is still at the version named. Passages for search are rebuilt by
 * the database's trigger on the text.
 */
export async function replaceSourceText(
  { tx, workspace, viewer }: TMutationContext,
  source: { id: string; oldVersion: number; oldText: string; newText: string },
  restore: Map<string, { version: number; placement: TExcerptPlacement }> = new Map(),
): Promise<TTextReplacement> {
  const revision = await tx.sourceRevision.create({
    data: { workspaceId: workspace.id, sourceId: source.id, version: source.oldVersion, text: source.oldText, createdById: viewer.userId },
    select: { id: true },
  });
  const excerpts = await tx.excerpt.findMany({ where: { sourceId: source.id }, select: PLACEMENT_SELECT, orderBy: { start: "asc" } });
  const now = new Date().toISOString();
  const targets = new Map<string, { placement: TExcerptPlacement; outcome: TPlacement["outcome"] | "restored"; score?: number }>();
  const toPlace = [];
  for (const excerpt of excerpts) {
    const back = restore.get(excerpt.id);
    if (back && back.version === excerpt.version) targets.set(excerpt.id, { placement: back.placement, outcome: "restored" });
    // Orphans are tried again: the new text may hold their quote once more (a paragraph put back).
    else toPlace.push(excerpt);
  }
  const what = "placing the passages in the new text";
  const slicer = createTimeSlicer({ deadlineMs: REANCHOR_DEADLINE_MS, what });
  const byId = new Map(toPlace.map((x) => [x.id, x]));
  for (const placed of await placeExcerpts(source.oldText, source.newText, toPlace, { tick: () => slicer.tick(), deadlineMs: REANCHOR_DEADLINE_MS, what })) {
    if (placed.outcome === "orphaned") {
      const excerpt = byId.get(placed.id)!;
      // Still nowhere: it stays the orphan of the revision that lost it.
      if (excerpt.orphanedAt) continue;
      targets.set(placed.id, {
        outcome: "orphaned",
        placement: { ...selectorOf(excerpt), anchorMethod: excerpt.anchorMethod, anchorScore: excerpt.anchorScore, orphanedAt: now, orphanReason: placed.reason, revisionId: revision.id },
      });
    } else {
      targets.set(placed.id, {
        outcome: placed.outcome,
        score: placed.anchoring.score,
        placement: { ...placed.selector, anchorMethod: placed.anchoring.method, anchorScore: placed.anchoring.score, orphanedAt: null, orphanReason: null, revisionId: null },
      });
    }
  }

  const reanchored: TReanchored = { unchanged: 0, moved: 0, fuzzy: [], orphaned: [] };
  const moves: TExcerptMove[] = [];
  for (const excerpt of excerpts) {
    const target = targets.get(excerpt.id);
    if (!target) continue;
    const before = placementOf(excerpt);
    const changed = JSON.stringify(before) !== JSON.stringify(target.placement);
    if (changed) moves.push({ id: excerpt.id, version: excerpt.version + 1, before, after: target.placement });
    if (excerpt.deletedAt) continue;
    // An orphan placed again was not where it was, whatever its offsets say.
    if (target.outcome === "unchanged" && !excerpt.orphanedAt) reanchored.unchanged++;
    else if (target.outcome === "unchanged" || target.outcome === "moved" || target.outcome === "restored") reanchored.moved++;
    else if (target.outcome === "fuzzy") reanchored.fuzzy.push({ excerptId: excerpt.id, score: target.score ?? 0 });
    else reanchored.orphaned.push({ excerptId: excerpt.id, exact: excerpt.exact });
  }
  if (moves.length > 0) {
    const rows = JSON.stringify(moves.map((m) => ({ id: m.id, ...m.after })));
    await tx.$executeRaw`
      update "Excerpt" x
      set start = r.start, "end" = r."end", exact = r.exact, prefix = r.prefix, suffix = r.suffix, "anchorMethod" = r."anchorMethod", "anchorScore" = r."anchorScore",
          "orphanedAt" = r."orphanedAt", "orphanReason" = r."orphanReason", "revisionId" = r."revisionId", version = x.version + 1
      from jsonb_to_recordset(${rows}::jsonb) as r(id uuid, start int, "end" int, exact text, prefix text, suffix text, "anchorMethod" "AnchorMethod", "anchorScore" float8,
                                                   "orphanedAt" timestamp(3), "orphanReason" text, "revisionId" uuid)
      where x.id = r.id and x."sourceId" = ${source.id}::uuid`;
  }
  return { revisionId: revision.id, reanchored, moves };
}

function selectorOf(x: { start: number; end: number; exact: string; prefix: string; suffix: string }) {
  return { start: x.start, end: x.end, exact: x.exact, prefix: x.prefix, suffix: x.suffix };
}

function placementOf(x: {
  start: number; end: number; exact: string; prefix: string; suffix: string; anchorMethod: TAnchorMethod; anchorScore: number; orphanedAt: Date | null; orphanReason: string | null; revisionId: string | null;
}): TExcerptPlacement {
  return { ...selectorOf(x), anchorMethod: x.anchorMethod, anchorScore: x.anchorScore, orphanedAt: x.orphanedAt?.toISOString() ?? null, orphanReason: x.orphanReason, revisionId: x.revisionId };
}
