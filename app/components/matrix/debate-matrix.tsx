"use client";
import { Link } from "@/app/components/app-link";
import { Fragment, useCallback, useEffect, useRef, useState } from "react";
import { labelPublished } from "@/lib/domain/dates";
import type { TMatrix, TMatrixAuthor, TMatrixClaim } from "@/lib/domain/matrix";
import type { TClaimDetail } from "@/lib/server/claims/get-claim";
import { commentCount } from "@/lib/domain/comments";
import { AuthorDot, accentFor } from "../author-badge";
import { CommentIcon } from "../comments/comment-icon";
import { useLive } from "../live/live-context";
import { PositionChip } from "../position-chip";
import { SetByHand } from "../set-by-hand";
import { useHydrated } from "../use-hydrated";
import { quoteCount } from "../stance";
import { CellQuotes, type TClaimLoad } from "./cell-quotes";
import { ControversyBadge } from "./controversy-badge";

/**
 * The claims × authors table. Quotes are not part of the page: a cell's quotes are fetched the
 * first time any cell of that claim opens and kept until the workspace changes (live updates
 * bump the revision: open cells fetch again quietly, closed ones are forgotten).
 */
export function DebateMatrix({ slug, matrix, canEdit = false, filtered = false }: { slug: string; matrix: TMatrix; canEdit?: boolean; filtered?: boolean }) {
  const { authors, claims } = matrix;
  const { revision } = useLive();
  const [open, setOpen] = useState<Record<string, string | undefined>>({});
  const [loads, setLoads] = useState<Record<string, TClaimLoad | undefined>>({});
  const requested = useRef(new Set<string>());
  // The latest request per claim: an older answer arriving late must not replace a newer one.
  const latest = useRef(new Map<string, number>());

  const load = useCallback(
    async (claimId: string, quiet = false) => {
      requested.current.add(claimId);
      const ticket = (latest.current.get(claimId) ?? 0) + 1;
      latest.current.set(claimId, ticket);
      const current = () => latest.current.get(claimId) === ticket;
      // A quiet reload keeps showing the quotes it replaces, so an open panel does not flicker.
      if (!quiet) setLoads((current) => ({ ...current, [claimId]: { status: "loading" } }));
      try {
        const response = await fetch(`/api/workspaces/${encodeURIComponent(slug)}/claims/${claimId}`, { headers: { accept: "application/json" }, cache: "no-store" });
        const body: unknown = await response.json().catch(() => null);
        if (!response.ok) throw new Error(errorMessage(body) ?? `The server answered ${response.status}.`);
        if (current()) setLoads((loaded) => ({ ...loaded, [claimId]: { status: "ready", claim: body as TClaimDetail } }));
      } catch (error) {
        if (!current()) return;
        requested.current.delete(claimId);
        const message = error instanceof TypeError ? "The network request failed." : error instanceof Error ? error.message : "Unknown error.";
        setLoads((loaded) => ({ ...loaded, [claimId]: { status: "error", message } }));
      }
    },
    [slug],
  );

  const seenRevision = useRef(revision);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    for (const claimId of [...requested.current]) {
      if (openRef.current[claimId]) void load(claimId, true);
      else requested.current.delete(claimId);
    }
    setLoads((current) => Object.fromEntries(Object.entries(current).filter(([claimId]) => openRef.current[claimId])));
  }, [revision, load]);

  const toggle = (claimId: string, authorId: string) => {
    const closing = open[claimId] === authorId;
    setOpen((current) => ({ ...current, [claimId]: closing ? undefined : authorId }));
    if (!closing && !requested.current.has(claimId)) void load(claimId);
  };

  if (claims.length === 0 || authors.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {authors.length === 0
          ? "No sources yet — add an article to give the matrix its first column."
          : filtered
            ? "No claim matches these filters — loosen one, or clear them all."
            : "No claims yet — draft a claim to give the matrix its first row."}
      </p>
    );
  }

  return (
    // A query container, so an opened panel can be exactly as wide as the visible scroll area.
    <div className="@container relative overflow-x-auto rounded-lg border border-slate-200 print:overflow-visible dark:border-slate-800">
      <table data-testid="matrix" className="w-full min-w-max border-separate border-spacing-0 text-left">
        <caption className="sr-only">Each author’s position on each claim. Columns are ordered by publication date; select a cell to read its quotes.</caption>
        <thead>
          <tr>
            {/* elementtiming: the benchmark's "first matrix paint" is this cell's. */}
            <th
              scope="col"
              {...{ elementtiming: "matrix" }}
              className="sticky left-0 z-20 border-r border-b border-slate-200 bg-slate-50 px-3 py-3 align-bottom text-sm font-semibold text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
            >
              Claim
            </th>
            {authors.map((author, index) => (
              <AuthorHeader key={author.id} author={author} accent={accentFor(index)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => {
            const openAuthor = authors.find((a) => a.id === open[claim.id]);
            const panelId = `cell-panel-${claim.id}`;
            return (
              <Fragment key={claim.id}>
                <tr data-testid="matrix-row" data-claim-id={claim.id} data-split={claim.controversy.split ? "true" : undefined}>
                  <th
                    scope="row"
                    className="matrix-claim"
                  >
                    <Link href={`/w/${slug}/claims/${claim.id}`} className="hover:underline">
                      {claim.text}
                    </Link>
                    {claim.controversy.split && (
                      <span className="block">
                        <ControversyBadge controversy={claim.controversy} />
                      </span>
                    )}
                    {(claim.comments?.claim ?? 0) > 0 && (
                      <span data-testid="matrix-claim-comments" data-count={claim.comments!.claim} className="mt-1 flex items-center gap-1 text-xs font-normal text-slate-500 2xl:text-base dark:text-slate-400">
                        <CommentIcon className="size-3.5 2xl:size-4" />
                        {commentCount(claim.comments!.claim)}
                      </span>
                    )}
                  </th>
                  {authors.map((author) => (
                    <MatrixCell
                      key={author.id}
                      claim={claim}
                      author={author}
                      expanded={openAuthor?.id === author.id}
                      panelId={panelId}
                      onToggle={() => toggle(claim.id, author.id)}
                    />
                  ))}
                </tr>
                {openAuthor && (
                  <tr>
                    <td colSpan={authors.length + 1} className="border-b border-slate-200 bg-slate-50 p-0 dark:border-slate-800 dark:bg-slate-900">
                      <div className="sticky left-0 w-[100cqw] max-w-full">
                        <CellQuotes
                          id={panelId}
                          slug={slug}
                          claim={claim}
                          author={openAuthor}
                          accent={accentFor(authors.indexOf(openAuthor))}
                          load={loads[claim.id] ?? { status: "loading" }}
                          onRetry={() => void load(claim.id)}
                          onClose={() => toggle(claim.id, openAuthor.id)}
                          canEdit={canEdit}
                        />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AuthorHeader({ author, accent }: { author: TMatrixAuthor; accent: string }) {
  return (
    <th
      scope="col"
      data-testid="matrix-author"
      data-author-id={author.id}
      title={author.name}
      className="min-w-[6.75rem] border-b border-slate-200 bg-slate-50 px-2 py-3 text-center align-bottom sm:min-w-[8.5rem] 2xl:min-w-[12rem] dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="flex items-center justify-center gap-1.5 text-sm font-semibold sm:text-base 2xl:text-xl">
        <AuthorDot accent={accent} className="size-3" />
        {author.shortName}
      </span>
      <span className="mt-0.5 block text-xs font-normal tabular-nums text-slate-500 sm:text-sm 2xl:text-base dark:text-slate-400">
        {author.published ? labelPublished(author.published) : "undated"}
      </span>
      <span className="sr-only">, {author.name}</span>
    </th>
  );
}

function MatrixCell({ claim, author, expanded, panelId, onToggle }: { claim: TMatrixClaim; author: TMatrixAuthor; expanded: boolean; panelId: string; onToggle: () => void }) {
  const hydrated = useHydrated();
  const position = claim.positions[author.id];
  const cellComments = claim.comments?.byAuthor[author.id] ?? 0;
  return (
    <td className="matrix-td">
      <button
        type="button"
        data-testid="matrix-cell"
        data-claim-id={claim.id}
        data-author-id={author.id}
        data-stance={position.stance}
        data-explicit={position.explicit ? "true" : undefined}
        aria-expanded={expanded}
        aria-controls={expanded ? panelId : undefined}
        aria-disabled={hydrated ? undefined : true}
        onClick={onToggle}
        className="matrix-cell"
      >
        {/* The name a screen reader gives the button is its visible text, after the author's name. */}
        <span className="sr-only">{author.shortName}: </span>
        <PositionChip stance={position.stance} size="lg" />
        <span className="matrix-count">
          {position.evidenceCount > 0 ? (
            quoteCount(position.evidenceCount)
          ) : (
            <>
              <span aria-hidden="true">—</span>
              <span className="sr-only">no quotes</span>
            </>
          )}
        </span>
        {position.explicit && <SetByHand derived={position.derived} note={position.note} />}
        {cellComments > 0 && (
          <span data-testid="matrix-cell-comments" data-count={cellComments} className="inline-flex items-center gap-0.5 text-xs tabular-nums text-slate-500 2xl:text-sm dark:text-slate-400">
            <CommentIcon className="size-3 2xl:size-3.5" />
            <span aria-hidden="true">{cellComments}</span>
            <span className="sr-only">, {commentCount(cellComments)} on this evidence</span>
          </span>
        )}
      </button>
    </td>
  );
}

function errorMessage(body: unknown): string | undefined {
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error?: { message?: unknown } }).error;
    if (typeof error?.message === "string") return error.message;
  }
  return undefined;
}
