import { Link } from "@/app/components/app-link";
import { pageLabel } from "@/lib/domain/pages";
import type { TStance, TVoice } from "@/lib/domain/types";
import { ReportedBadge } from "./reported-badge";
import { StanceLabel } from "./stance-label";
import { STANCE_BORDER_CLASS } from "./stance";

export interface TQuoteCardProps {
  exact: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  /** Where the passage sits in its source: `/w/:slug/sources/:id#excerpt-:id`. */
  href: string;
  /** The source's title, where the surrounding section does not already name it. */
  cite?: string;
  /** The page the passage starts on, for a source read from a PDF: shown as "p. 7". */
  page?: number | null;
  /** Hides the stance label where the surrounding section already names it. */
  showStance?: boolean;
  testId?: string;
}

/** One quoted passage as evidence: the words in a reading serif, then what it means for the claim. */
export function QuoteCard({ exact, stance, voice, note, href, cite, page, showStance = true, testId = "quote" }: TQuoteCardProps) {
  return (
    <figure data-testid={testId} data-stance={stance} data-voice={voice} className={`border-l-4 pl-4 ${STANCE_BORDER_CLASS[stance]}`}>
      {(showStance || voice === "REPORTED") && (
        <div className="mb-1.5 flex flex-wrap items-center gap-2">
          {showStance && <StanceLabel stance={stance} />}
          {voice === "REPORTED" && <ReportedBadge />}
        </div>
      )}
      <blockquote className="max-w-[68ch] whitespace-pre-line font-serif text-lg leading-relaxed text-slate-900 dark:text-slate-100">{exact}</blockquote>
      <figcaption className="mt-2 flex max-w-[68ch] flex-col gap-1 text-sm text-slate-600 dark:text-slate-400">
        {note && <p>{note}</p>}
        {cite && <cite className="text-xs not-italic text-slate-500 dark:text-slate-400">{cite}</cite>}
        <span className="flex flex-wrap items-baseline gap-x-3">
          {page ? (
            <span data-testid="quote-page" className="font-medium tabular-nums text-slate-700 dark:text-slate-300" title={`The passage starts on page ${page} of the PDF`}>
              {pageLabel(page)}
            </span>
          ) : null}
          <Link data-testid="quote-source-link" href={href} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
            Read in source →
          </Link>
        </span>
      </figcaption>
    </figure>
  );
}

export function excerptHref(slug: string, sourceId: string, excerptId: string): string {
  return `/w/${slug}/sources/${sourceId}#excerpt-${excerptId}`;
}
