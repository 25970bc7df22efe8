import { Link } from "@/app/components/app-link";
import { labelPublished } from "@/lib/domain/dates";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import type { TTimelineClaim, TTimelineSource } from "@/lib/server/timeline/get-timeline";
import { AuthorBadge, FALLBACK_ACCENT } from "../author-badge";
import { PositionChip } from "../position-chip";
import { excerptHref } from "../quote-card";
import { SetByHand } from "../set-by-hand";
import { STANCE_LABEL } from "../stance";
import { MARK_CLASS, PRECISION_LABEL } from "./timeline-marks";

interface TProps {
  slug: string;
  claim: TTimelineClaim;
  authors: TMatrixAuthor[];
  sources: TTimelineSource[];
  accents: Map<string, string>;
}

/**
 * One claim's marks in date order, as a list: the reading of the time axis for everyone, and the
 * timeline itself on a phone (a vertical line; across the page from a tablet's width).
 */
export function TimelineList({ slug, claim, authors, sources, accents }: TProps) {
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return (
    <ol
      data-testid="timeline-list"
      data-claim-id={claim.id}
      className="ml-2 border-l-2 border-slate-200 md:ml-0 md:grid md:grid-cols-3 md:border-t-2 md:border-l-0 lg:grid-cols-5 dark:border-slate-700"
    >
      {claim.marks.map((mark) => {
        const author = authorById.get(mark.authorId)!;
        const overall = claim.positions[mark.authorId];
        const source = sourceById.get(mark.sourceId);
        return (
          <li
            key={mark.sourceId}
            data-testid="timeline-entry"
            data-author-id={mark.authorId}
            data-published={mark.published}
            data-stance={mark.stance}
            className="relative pb-6 pl-6 last:pb-1 md:pt-5 md:pr-4 md:pb-0 md:pl-0"
          >
            <span aria-hidden="true" className={`absolute top-0.5 -left-[9px] size-4 rounded-full md:-top-[9px] md:left-0 ${MARK_CLASS[mark.stance]}`} />
            <p className="text-sm font-semibold tabular-nums text-slate-800 dark:text-slate-200">
              <time dateTime={mark.published} title={PRECISION_LABEL[mark.precision]}>
                {labelPublished(mark.published)}
              </time>
            </p>
            <AuthorBadge name={author.name} label={author.shortName} accent={accents.get(author.id) ?? FALLBACK_ACCENT} className="mt-0.5 font-semibold" />
            {source && <p className="mt-0.5 line-clamp-2 font-serif text-sm text-slate-600 dark:text-slate-400">{source.title}</p>}
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <PositionChip stance={mark.stance} size="sm" />
            </div>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Overall<span className="sr-only"> position of {author.shortName}</span>: <span className="font-semibold text-slate-800 dark:text-slate-200">{STANCE_LABEL[overall.stance]}</span>
              {overall.explicit && (
                <>
                  {" "}
                  <SetByHand derived={overall.derived} note={overall.note} />
                </>
              )}
            </p>
            <p className="mt-1 text-sm">
              {mark.excerptId ? (
                <Link href={excerptHref(slug, mark.sourceId, mark.excerptId)} data-testid="timeline-quote-link" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  Read the quote<span className="sr-only"> of {author.shortName}, {labelPublished(mark.published)}</span> →
                </Link>
              ) : (
                <span className="text-slate-500 dark:text-slate-400">No quotes on this claim</span>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
