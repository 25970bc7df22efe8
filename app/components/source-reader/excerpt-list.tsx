"use client";
import { Link } from "@/app/components/app-link";
import { pageLabel } from "@/lib/domain/pages";
import type { TSourceExcerpt } from "@/lib/server/sources/get-source";
import { ReportedBadge } from "../reported-badge";
import { StanceLabel } from "../stance-label";
import { useEffect, useState } from "react";
import { ApproximateAnchor } from "./approximate-anchor";
import { leavesOf, readMarkdownBlocks, visibleText } from "./markdown-blocks";

/**
 * Every highlighted passage of the source in text order, each with the claims it bears on. With
 * `markdown` (the source's text), passages are shown as the reader renders them, without the
 * syntax inside them, once the page is in the browser.
 */
export function ExcerptList({ slug, excerpts, markdown }: { slug: string; excerpts: TSourceExcerpt[]; markdown?: string }) {
  const [shown, setShown] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    const blocks = markdown === undefined ? null : readMarkdownBlocks(markdown);
    if (!blocks || markdown === undefined) return setShown(null);
    const leaves = leavesOf(blocks);
    setShown(new Map(excerpts.map((x) => [x.id, visibleText(markdown, leaves, x.start, x.end)])));
  }, [markdown, excerpts]);
  return (
    <nav aria-labelledby="passages-heading" data-testid="excerpt-list">
      <h2 id="passages-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Passages <span className="font-normal">({excerpts.length})</span>
      </h2>
      {excerpts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No passages highlighted yet — select a passage in the text to attach it to a claim.</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {excerpts.map((excerpt) => (
            <li key={excerpt.id} data-testid="excerpt-list-item" data-excerpt-id={excerpt.id} className="border-l-2 border-slate-200 pl-3 dark:border-slate-700">
              {/* A plain anchor: it fires hashchange, which is what marks the passage as the target. */}
              <a href={`#excerpt-${excerpt.id}`} className="line-clamp-3 font-serif text-[0.95rem] leading-snug text-slate-700 hover:underline dark:text-slate-300">
                {shown?.get(excerpt.id) ?? excerpt.exact}
              </a>
              {excerpt.page ? (
                <span data-testid="excerpt-page" className="mt-0.5 block text-xs font-medium tabular-nums text-slate-500 dark:text-slate-400">
                  {pageLabel(excerpt.page)}
                </span>
              ) : null}
              <ApproximateAnchor anchoring={excerpt.anchoring} className="mt-1" />
              {excerpt.evidence.length > 0 && (
                <ul className="mt-1.5 flex flex-col gap-1.5">
                  {excerpt.evidence.map((e) => (
                    <li key={e.id} className="text-sm">
                      <span className="flex flex-wrap items-center gap-1.5">
                        <StanceLabel stance={e.stance} />
                        {e.voice === "REPORTED" && <ReportedBadge />}
                      </span>
                      <Link href={`/w/${slug}/claims/${e.claimId}`} className="text-sky-700 hover:underline dark:text-sky-400">
                        {e.claimText}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
