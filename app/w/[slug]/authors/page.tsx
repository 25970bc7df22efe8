import type { Metadata } from "next";
import { AuthorBadge, FALLBACK_ACCENT, accentMap } from "@/app/components/author-badge";
import { AuthorEditor } from "@/app/components/authors/author-editor";
import { listAuthors } from "@/lib/server/authors/list-authors";
import { authorOrder, loadAccess, loadOverview } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Authors" };

export default async function AuthorsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, canEdit } = await loadAccess(slug);
  const [authors, overview] = await Promise.all([listAuthors(workspace.id), loadOverview(workspace.id)]);
  const accents = accentMap(authorOrder(overview));
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Sources</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Authors</h1>
      <p className="mt-2 mb-8 max-w-[68ch] text-slate-600 dark:text-slate-400">
        The analysts and organisations this map compares: each is a column of the matrix under its short name.
        {canEdit && " Correct a name here, or merge two entries that are the same author."}
      </p>
      {authors.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No authors yet — add a source and its author appears here.</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="author-list">
          {authors.map((author) => (
            <li key={author.id} data-testid="author-item" data-author-id={author.id} className="py-4">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <AuthorBadge name={author.name} accent={accents.get(author.id) ?? FALLBACK_ACCENT} className="font-semibold" />
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  column “{author.shortName}” · {author.sourceCount} {author.sourceCount === 1 ? "source" : "sources"}
                </span>
              </div>
              {author.affiliation && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{author.affiliation}</p>}
              {canEdit && <AuthorEditor slug={workspace.slug} author={author} others={authors.filter((a) => a.id !== author.id)} />}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
