import type { Metadata } from "next";
import { DownloadMenu } from "@/app/components/export/download-menu";
import { Link } from "@/app/components/app-link";
import { POSITION_STANCES } from "@/lib/domain/types";
import { timelineRowsPerPage } from "@/lib/server/timeline/get-timeline";
import { accentMap } from "@/app/components/author-badge";
import { PositionChip } from "@/app/components/position-chip";
import { TimelineChart } from "@/app/components/timeline/timeline-chart";
import { TimelineClaimPicker } from "@/app/components/timeline/timeline-claim-picker";
import { TimelineList } from "@/app/components/timeline/timeline-list";
import { loadAccess, loadClaimOptions, loadTimeline, parseId } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Timeline" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ claim?: string | string[]; rows?: string }> };

/** `/w/:slug/timeline` for every claim, `?claim=<id>` for one. */
export default async function TimelinePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const { claim: requested, rows: rowsParam } = await searchParams;
  const raw = Array.isArray(requested) ? requested[0] : requested;
  const claimId = raw ? parseId(raw) : null;
  const { workspace } = await loadAccess(slug);
  // A map with many claims shows a first page of rows; "show more" extends it (the URL keeps the choice).
  const pageSize = await timelineRowsPerPage(workspace.id);
  const wanted = Number.parseInt(rowsParam ?? "", 10);
  const rows = Number.isFinite(wanted) && wanted > 0 ? Math.min(wanted, 100_000) : pageSize;
  const [timeline, claimOptions] = await Promise.all([loadTimeline(workspace.id, claimId, rows), loadClaimOptions(workspace.id)]);
  const accents = accentMap(timeline.authors.map((a) => a.id));
  const one = claimId ? timeline.claims[0] : null;
  const span = timeline.sources.length > 0 ? `${timeline.sources[0].published.slice(0, 4)} → ${timeline.sources.at(-1)!.published.slice(0, 4)}` : null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Timeline{span ? ` · ${span}` : ""}</p>
        <DownloadMenu slug={workspace.slug} />
      </div>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">
        {one ? (
          <Link href={`/w/${workspace.slug}/claims/${one.id}`} className="hover:underline">
            {one.text}
          </Link>
        ) : (
          "How positions moved over time"
        )}
      </h1>
      <p className="mt-2 max-w-[75ch] text-slate-600 dark:text-slate-400">
        Each source is placed at its publication date, as precisely as it is known: a dot for an exact day, a bar across the month or the year when only that
        is known. Its stance is what that source’s own words say on the claim — derived by the same rule as positions, so views an author only reports do not
        count. An author’s overall position across all their sources (or one set by hand) is given with each entry.
      </p>

      <div className="mt-6">
        <TimelineClaimPicker slug={workspace.slug} claims={claimOptions} current={claimId} />
      </div>

      {timeline.axis === null ? (
        <p data-testid="timeline-empty" className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No sources yet — add an article with its publication date to place positions on the timeline.
        </p>
      ) : timeline.claims.length === 0 ? (
        <p data-testid="timeline-empty" className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No claims yet — draft a claim and link passages to it to see positions over time.
        </p>
      ) : (
        <>
          <div className="mt-8 hidden flex-wrap items-center gap-x-5 gap-y-2 text-xs text-slate-600 lg:flex dark:text-slate-400">
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-3 rounded-full bg-slate-500" /> exact day
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-2 w-1.5 rounded-sm bg-slate-500" /> month
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-2 w-8 rounded-sm bg-slate-500" /> year
            </span>
            <span className="flex flex-wrap gap-1.5">
              {POSITION_STANCES.map((stance) => (
                <PositionChip key={stance} stance={stance} size="sm" />
              ))}
            </span>
          </div>
          <div className="mt-3">
            <TimelineChart slug={workspace.slug} axis={timeline.axis} authors={timeline.authors} claims={timeline.claims} accents={accents} labelRows={!one} />
          </div>

          <section aria-labelledby="order-heading" className="mt-10">
            <h2 id="order-heading" className="mb-4 text-xl font-semibold">
              In order of publication
            </h2>
            {one ? (
              <TimelineList slug={workspace.slug} claim={one} authors={timeline.authors} sources={timeline.sources} accents={accents} />
            ) : (
              <ol className="flex flex-col gap-10">
                {timeline.claims.map((claim) => (
                  <li key={claim.id} data-testid="timeline-claim" data-claim-id={claim.id}>
                    <h3 className="mb-4 text-lg leading-snug font-medium">
                      <Link href={`/w/${workspace.slug}/timeline?claim=${claim.id}`} className="hover:underline">
                        {claim.text}
                      </Link>
                    </h3>
                    <TimelineList slug={workspace.slug} claim={claim} authors={timeline.authors} sources={timeline.sources} accents={accents} />
                  </li>
                ))}
              </ol>
            )}
            {!one && timeline.total > timeline.claims.length && (
              <p className="no-print mt-8 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-400" data-testid="timeline-more">
                Showing the first {timeline.claims.length.toLocaleString("en")} of {timeline.total.toLocaleString("en")} claims.
                <Link href={`?rows=${timeline.claims.length + pageSize}`} scroll={false} className="font-semibold text-slate-900 underline dark:text-slate-100">
                  Show {Math.min(pageSize, timeline.total - timeline.claims.length).toLocaleString("en")} more
                </Link>
              </p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
