import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { accentMap } from "@/app/components/author-badge";
import { SourceList } from "@/app/components/source-list";
import { authorOrder, loadOverview, loadWorkspace } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await loadWorkspace(slug);
  const overview = await loadOverview(workspace.id);
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-2 text-3xl font-bold tracking-tight">Sources</h1>
      <p className="mb-8 text-slate-600 dark:text-slate-400">
        The articles this map compares, oldest first. Open one to read it with its highlighted passages, or{" "}
        <Link href={`/w/${workspace.slug}/authors`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          see the authors
        </Link>
        .
      </p>
      <SourceList slug={workspace.slug} sources={overview.sources} accents={accentMap(authorOrder(overview))} />
    </main>
  );
}
