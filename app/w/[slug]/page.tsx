import { Link } from "@/app/components/app-link";
import type { TPositionStance } from "@/lib/domain/types";
import type { TMatrixClaim } from "@/lib/domain/matrix";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";
import { accentMap } from "@/app/components/author-badge";
import { buttonClass } from "@/app/components/button";
import { PositionChip } from "@/app/components/position-chip";
import { SourceList } from "@/app/components/source-list";
import { authorOrder, loadOverview, loadWorkspace } from "./load";

export const dynamic = "force-dynamic";

const SUMMARY_ORDER: TPositionStance[] = ["SUPPORTS", "OPPOSES", "MIXED", "QUALIFIES"];

/** How many authors hold each position on a claim, e.g. 2 Supports · 1 Opposes. */
function PositionSummary({ claim }: { claim: TMatrixClaim }) {
  const counts = new Map<TPositionStance, number>();
  for (const position of Object.values(claim.positions)) counts.set(position.stance, (counts.get(position.stance) ?? 0) + 1);
  const shown = SUMMARY_ORDER.filter((stance) => counts.has(stance));
  if (shown.length === 0) return <span className="text-sm text-slate-500 dark:text-slate-400">No positions yet</span>;
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {shown.map((stance) => (
        <span key={stance} className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
          <PositionChip stance={stance} size="sm" />
          <span className="tabular-nums">
            × {counts.get(stance)}
            <span className="sr-only"> {counts.get(stance) === 1 ? "author" : "authors"}</span>
          </span>
        </span>
      ))}
    </span>
  );
}

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await loadWorkspace(slug);
  const [overview, matrix] = await Promise.all([loadOverview(workspace.id), getMatrix(workspace.id)]);
  const accents = accentMap(authorOrder(overview));
  const counts = [
    `${overview.sources.length} ${overview.sources.length === 1 ? "source" : "sources"}`,
    `${matrix.authors.length} ${matrix.authors.length === 1 ? "author" : "authors"}`,
    `${overview.claimCount} ${overview.claimCount === 1 ? "claim" : "claims"}`,
    `${overview.evidenceCount} evidence ${overview.evidenceCount === 1 ? "link" : "links"}`,
  ];

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{workspace.title}</h1>
      {workspace.description && <p className="mt-4 max-w-[68ch] text-lg leading-relaxed text-slate-700 dark:text-slate-300">{workspace.description}</p>}
      <p data-testid="workspace-counts" className="mt-4 text-sm text-slate-500 dark:text-slate-400">
        {counts.join(" · ")}
      </p>
      <Link
        href={`/w/${workspace.slug}/matrix`}
        className={buttonClass({ size: "xl", className: "no-print mt-6 inline-flex items-center gap-2" })}
      >
        Open the debate matrix →
      </Link>

      <section aria-labelledby="sources-heading" className="mt-12">
        <h2 id="sources-heading" className="mb-4 text-xl font-semibold">
          Sources <span className="font-normal text-slate-500 dark:text-slate-400">by publication date</span>
        </h2>
        <SourceList slug={workspace.slug} sources={overview.sources} accents={accents} />
      </section>

      <section aria-labelledby="claims-heading" className="mt-12">
        <h2 id="claims-heading" className="mb-4 text-xl font-semibold">Claims</h2>
        {matrix.claims.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No claims yet — draft the contested propositions the sources argue about.</p>
        ) : (
          <ol data-testid="claim-list" className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {matrix.claims.map((claim) => (
              <li key={claim.id} className="flex flex-col gap-2 py-4 md:flex-row md:items-start md:justify-between md:gap-6">
                <div className="min-w-0">
                  <Link href={`/w/${workspace.slug}/claims/${claim.id}`} className="text-lg font-medium leading-snug hover:underline">
                    {claim.text}
                  </Link>
                  {claim.tags.length > 0 && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{claim.tags.map((t) => `#${t}`).join(" ")}</p>}
                </div>
                <div className="shrink-0">
                  <PositionSummary claim={claim} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
