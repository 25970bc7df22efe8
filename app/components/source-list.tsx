import { Link } from "@/app/components/app-link";
import { labelPublished } from "@/lib/domain/dates";
import type { TWorkspaceOverview } from "@/lib/server/workspaces/get-workspace-overview";
import { AuthorBadge, FALLBACK_ACCENT } from "./author-badge";

/** The workspace's sources in publication order, each with its author and how much is mapped. */
export function SourceList({ slug, sources, accents }: { slug: string; sources: TWorkspaceOverview["sources"]; accents: Map<string, string> }) {
  if (sources.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">No sources yet — add an article to start mapping its claims.</p>;
  }
  return (
    <ol data-testid="source-list" className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {sources.map((source) => (
        <li key={source.id} className="grid gap-x-6 gap-y-1 py-4 sm:grid-cols-[7rem_minmax(0,1fr)]">
          <span className="text-sm font-medium tabular-nums text-slate-500 dark:text-slate-400">
            <time dateTime={source.published}>{labelPublished(source.published)}</time>
          </span>
          <div className="min-w-0">
            <AuthorBadge name={source.author.name} accent={accents.get(source.author.id) ?? FALLBACK_ACCENT} className="max-w-full text-sm font-semibold text-slate-700 dark:text-slate-300" />
            <Link href={`/w/${slug}/sources/${source.id}`} className="mt-0.5 block font-serif text-lg leading-snug text-slate-900 hover:underline dark:text-slate-100">
              {source.title}
            </Link>
            <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">
              {[source.publication, source.excerptCount === 1 ? "1 passage highlighted" : `${source.excerptCount} passages highlighted`].filter(Boolean).join(" · ")}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
