import { Link } from "@/app/components/app-link";
import type { TArgumentGraph, TClaimNode, TExcerptNode, TPositionNode } from "@/lib/domain/argument-graph";
import { AuthorDot } from "../author-badge";
import { PositionChip } from "../position-chip";
import { StanceLabel } from "../stance-label";
import { ReportedBadge } from "../reported-badge";
import { excerptHref } from "../quote-card";
import type { TGraphAuthor } from "./graph-elements";
import { stanceSummary, trim } from "@/lib/graph/text";

/**
 * The graph as a list, for screen readers, keyboards and small screens: every claim with the
 * passages (or per-author counts) that back it and the claims it is linked to — the same nodes
 * and edges as the canvas.
 */
export function GraphList({ slug, view, authors }: { slug: string; view: TArgumentGraph; authors: ReadonlyMap<string, TGraphAuthor> }) {
  const claims = view.nodes.filter((n): n is TClaimNode => n.kind === "claim");
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const textOf = new Map(claims.map((c) => [c.id, c]));
  return (
    <details data-testid="graph-list" className="group rounded-lg border border-slate-200 dark:border-slate-800">
      <summary className="cursor-pointer rounded-lg px-4 py-3 font-semibold hover:bg-slate-50 dark:hover:bg-slate-900">
        The graph as a list <span className="font-normal text-slate-500 dark:text-slate-400">— {claims.length} {claims.length === 1 ? "claim" : "claims"}, with their evidence and links</span>
      </summary>
      <ol className="flex flex-col divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {claims.map((claim) => {
          const incoming = view.edges.filter((e) => e.target === claim.id);
          const evidence = incoming.filter((e) => e.kind === "evidence");
          const counts = incoming.filter((e) => e.kind === "position");
          const links = view.edges.filter((e) => e.kind === "link" && (e.source === claim.id || e.target === claim.id));
          return (
            <li key={claim.id} data-testid="graph-list-claim" className="px-4 py-4">
              <h3 className="font-semibold text-balance">
                <Link href={`/w/${slug}/claims/${claim.claimId}`} className="underline-offset-2 hover:underline">
                  {claim.text}
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
                {stanceSummary(claim)}{" "}
                <Link href={`?claim=${claim.claimId}`} className="whitespace-nowrap text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  Graph of this claim and its links
                </Link>
              </p>
              {evidence.length > 0 && (
                <ul aria-label="Evidence" className="mt-3 flex flex-col gap-2">
                  {evidence.map((edge) => {
                    if (edge.kind !== "evidence") return null;
                    const excerpt = byId.get(edge.source) as TExcerptNode | undefined;
                    const author = excerpt && authors.get(excerpt.authorId);
                    if (!excerpt || !author) return null;
                    return (
                      <li key={edge.id} className="flex flex-col gap-1 border-l-2 pl-3 sm:flex-row sm:items-baseline sm:gap-3" style={{ borderColor: author.accent }}>
                        <span className="flex shrink-0 items-center gap-2 text-sm">
                          <AuthorDot accent={author.accent} />
                          <span className="font-medium">{author.shortName}</span>
                          <StanceLabel stance={edge.stance} />
                          {edge.voice === "REPORTED" && <ReportedBadge />}
                        </span>
                        <span className="font-serif text-slate-800 dark:text-slate-200">
                          “{trim(excerpt.exact, 220)}”{" "}
                          <Link href={excerptHref(slug, excerpt.sourceId, excerpt.excerptId)} className="font-sans text-sm whitespace-nowrap text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                            Read in source →
                          </Link>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
              {counts.length > 0 && (
                <ul aria-label="Evidence by author" className="mt-3 flex flex-wrap gap-2">
                  {counts.map((edge) => {
                    const node = byId.get(edge.source) as TPositionNode | undefined;
                    const author = node && authors.get(node.authorId);
                    if (!node || !author) return null;
                    return (
                      <li key={edge.id} className="flex items-center gap-2 rounded-full border border-slate-200 py-0.5 pr-1 pl-3 text-sm dark:border-slate-700">
                        <AuthorDot accent={author.accent} />
                        {author.shortName}
                        <span className="text-slate-500 dark:text-slate-400">{node.evidenceCount} {node.evidenceCount === 1 ? "passage" : "passages"}</span>
                        <PositionChip stance={node.stance} size="sm" />
                      </li>
                    );
                  })}
                </ul>
              )}
              {links.length > 0 && (
                <ul aria-label="Linked claims" className="mt-3 flex flex-col gap-1 text-sm">
                  {links.map((edge) => {
                    if (edge.kind !== "link") return null;
                    const out = edge.source === claim.id;
                    const other = textOf.get(out ? edge.target : edge.source);
                    if (!other) return null;
                    const verb = out ? (edge.relation === "SUPPORTS" ? "Supports" : "Opposes") : edge.relation === "SUPPORTS" ? "Supported by" : "Opposed by";
                    return (
                      <li key={edge.id}>
                        <span className="font-medium">{verb}:</span>{" "}
                        <Link href={`/w/${slug}/claims/${other.claimId}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          {other.text}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
              {evidence.length === 0 && counts.length === 0 && view.detail !== "claims" && (
                <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No evidence yet — select a passage in a source to add some.</p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
