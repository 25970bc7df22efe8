import type { Metadata } from "next";
import { DownloadMenu } from "@/app/components/export/download-menu";
import { Link } from "@/app/components/app-link";
import type { TArgumentGraph, TGraphOutline, TGraphScope } from "@/lib/domain/argument-graph";
import { labelPublished } from "@/lib/domain/dates";
import { graphDownloads } from "@/lib/export/formats";
import { ZIdSchema } from "@/lib/schemas/params";
import { getArgumentGraph } from "@/lib/server/workspaces/get-argument-graph";
import { accentMap, FALLBACK_ACCENT } from "@/app/components/author-badge";
import { ArgumentGraphCanvas } from "@/app/components/graph/argument-graph-canvas";
import type { TGraphAuthor } from "@/app/components/graph/graph-elements";
import { GraphLegend } from "@/app/components/graph/graph-legend";
import { GraphList } from "@/app/components/graph/graph-list";
import { describeGraphCap, describeGraphScope, trim } from "@/lib/graph/text";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Graph" };

/** Longer quotes are clamped on the canvas anyway; the list shows up to this much as well. */
const QUOTE_CHARS = 240;

type TSearch = { claim?: string | string[]; tag?: string | string[] };

export default async function GraphPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<TSearch> }) {
  const { slug } = await params;
  const search = await searchParams;
  const { workspace } = await loadAccess(slug);
  // A malformed claim id names no claim: the page says so rather than failing.
  const claimParam = first(search.claim);
  const claimId = claimParam && ZIdSchema.safeParse(claimParam).success ? claimParam : claimParam ? "not-a-claim" : null;
  const { outline, scope, graph, view: built } = await getArgumentGraph(workspace.id, { claimId, tag: first(search.tag) });
  // Quotes travel to the browser trimmed: the canvas shows two lines of each.
  const view: TArgumentGraph = { ...built, nodes: built.nodes.map((n) => (n.kind === "excerpt" ? { ...n, exact: trim(n.exact, QUOTE_CHARS) } : n)) };
  const accents = accentMap(graph.authors.map((a) => a.id));
  const authors: TGraphAuthor[] = graph.authors.map((a) => ({
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    published: a.published ? labelPublished(a.published) : null,
    accent: accents.get(a.id) ?? FALLBACK_ACCENT,
  }));
  const excerptCount = view.nodes.filter((n) => n.kind === "excerpt").length;

  return (
    <main className="mx-auto max-w-[96rem] px-3 py-4 sm:px-4">
      <div className="mb-2 flex items-start justify-between gap-4">
        <h1 className="text-xl font-bold tracking-tight">
          Argument graph<span className="sr-only"> of {workspace.title}</span>
        </h1>
        <DownloadMenu slug={workspace.slug} first={pictureDownloads(scope)} />
      </div>
      {outline.claims.length === 0 ? (
        <div data-testid="graph-empty" className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-semibold">No claims yet.</p>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Add claims on the{" "}
            <Link href={`/w/${workspace.slug}/matrix`} className="text-sky-700 underline underline-offset-2 dark:text-sky-400">
              matrix
            </Link>
            , then select passages in a source to link them as evidence. The graph draws itself from those.
          </p>
        </div>
      ) : (
        <>
          <ScopeBar outline={outline} scope={scope} excerpts={excerptCount} authors={view.groups.length} links={view.edges.filter((e) => e.kind === "link").length} />
          {scope.claimIds.length === 0 ? (
            <p data-testid="graph-nothing" className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
              Nothing to draw here — <Link href="?" className="text-sky-700 underline underline-offset-2 dark:text-sky-400">show the whole map</Link>.
            </p>
          ) : (
            <ArgumentGraphCanvas slug={workspace.slug} view={view} authors={authors} />
          )}
          <div className="mt-6 flex flex-col gap-6">
            <GraphLegend detail={scope.detail} />
            <GraphList slug={workspace.slug} view={view} authors={new Map(authors.map((a) => [a.id, a]))} />
          </div>
        </>
      )}
    </main>
  );
}

/** What part of the map is drawn and why, with a way to choose another part. */
function ScopeBar({ outline, scope, excerpts, authors, links }: { outline: TGraphOutline; scope: TGraphScope; excerpts: number; authors: number; links: number }) {
  const tags = [...new Set(outline.claims.flatMap((c) => c.tags))].sort();
  const focus = scope.focus;
  const cap = describeGraphCap(scope);
  return (
    <div data-testid="graph-scope" data-detail={scope.detail} className="no-print mb-3 flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-slate-700 dark:text-slate-300">
          {describeGraphScope(scope, { excerpts, authors, links })}{" "}
          {focus.kind !== "all" && (
            <Link href="?" className="font-semibold whitespace-nowrap text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
              Show the whole map
            </Link>
          )}
        </p>
        <form method="get" className="flex flex-wrap items-center gap-2" aria-label="Choose part of the map">
          <label className="flex items-center gap-1.5">
            <span className="text-slate-600 dark:text-slate-400">Claim</span>
            <select name="claim" defaultValue={focus.kind === "claim" ? focus.claimId : ""} className="max-w-[16rem] rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
              <option value="">All claims</option>
              {outline.claims.map((c) => (
                <option key={c.id} value={c.id}>
                  {trim(c.text, 70)}
                </option>
              ))}
            </select>
          </label>
          {tags.length > 0 && (
            <label className="flex items-center gap-1.5">
              <span className="text-slate-600 dark:text-slate-400">or tag</span>
              <select name="tag" defaultValue={focus.kind === "tag" ? focus.tag : ""} className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
                <option value="">Any</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    #{t}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1 font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300">
            Show
          </button>
        </form>
      </div>
      {cap && (
        <p data-testid="graph-capped" role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {cap} Choose a claim or a tag above to see the passages themselves.
        </p>
      )}
    </div>
  );
}

/** The graph pictures, of the part shown (none when nothing is drawn: that picture would be empty). */
function pictureDownloads(scope: TGraphScope) {
  if (scope.claimIds.length === 0) return [];
  const { focus } = scope;
  return graphDownloads(focus.kind === "claim" ? { claim: focus.claimId } : focus.kind === "tag" ? { tag: focus.tag } : {});
}

function first(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.length > 0 ? v : null;
}
