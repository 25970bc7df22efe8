import { labelPublished } from "@/lib/domain/dates";
import type { TMatrixAuthor, TMatrixClaim } from "@/lib/domain/matrix";
import type { TClaimDetail } from "@/lib/server/claims/get-claim";
import { AuthorBadge } from "../author-badge";
import { PositionChip } from "../position-chip";
import { QuoteCard, excerptHref } from "../quote-card";
import { SetByHand } from "../set-by-hand";
import { PositionEditor } from "./position-editor";

export type TClaimLoad = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; claim: TClaimDetail };

interface TCellQuotesProps {
  id: string;
  slug: string;
  claim: TMatrixClaim;
  author: TMatrixAuthor;
  accent: string;
  load: TClaimLoad;
  onRetry: () => void;
  onClose: () => void;
  /** Editors may set the position by hand here. */
  canEdit?: boolean;
}

/** One author's quotes on one claim, opened under the matrix row. */
export function CellQuotes({ id, slug, claim, author, accent, load, onRetry, onClose, canEdit = false }: TCellQuotesProps) {
  const position = claim.positions[author.id];
  return (
    <section id={id} data-testid="cell-panel" aria-label={`${author.name} on “${claim.text}”`} className="px-4 py-5 sm:px-6">
      <div className="mb-4 flex items-start justify-between gap-4">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <AuthorBadge name={author.name} accent={accent} className="font-semibold" />
          <PositionChip stance={position.stance} size="sm" />
          {position.explicit && <SetByHand derived={position.derived} note={position.note} />}
        </div>
        <button
          type="button"
          onClick={onClose}
          className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-white dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Close<span className="sr-only"> quotes of {author.shortName}</span>
        </button>
      </div>
      {position.explicit && position.note && <p className="mb-4 max-w-[68ch] text-sm text-slate-600 italic dark:text-slate-400">{position.note}</p>}
      {canEdit && (
        <div className="no-print mb-5">
          <PositionEditor
            slug={slug}
            claimId={claim.id}
            authorId={author.id}
            authorName={author.shortName}
            position={position}
          />
        </div>
      )}
      <CellBody slug={slug} author={author} load={load} onRetry={onRetry} />
    </section>
  );
}

function CellBody({ slug, author, load, onRetry }: { slug: string; author: TMatrixAuthor; load: TClaimLoad; onRetry: () => void }) {
  if (load.status === "loading") {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  }
  if (load.status === "error") {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3">
        <p className="text-slate-800 dark:text-slate-200">Could not load the quotes: {load.message}</p>
        <button type="button" onClick={onRetry} className="rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
      </div>
    );
  }
  // The author's own words first: they make the position; reported views only give context.
  const evidence = load.claim.evidence
    .filter((e) => e.author.id === author.id)
    .sort((a, b) => Number(a.voice === "REPORTED") - Number(b.voice === "REPORTED"));
  if (evidence.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">No quotes from {author.shortName} on this claim yet — select a passage in a source to add some.</p>;
  }
  return (
    <ul className="flex flex-col gap-6">
      {evidence.map((e) => (
        <li key={e.id}>
          <QuoteCard
            testId="cell-quote"
            exact={e.excerpt.exact}
            stance={e.stance}
            voice={e.voice}
            note={e.note}
            cite={`${e.source.title} · ${labelPublished(e.source.published)}`}
            page={e.excerpt.page}
            href={excerptHref(slug, e.source.id, e.excerpt.id)}
          />
        </li>
      ))}
    </ul>
  );
}
