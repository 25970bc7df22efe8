import type { Metadata } from "next";
import { AnnotationImport } from "@/app/components/source-reader/annotation-import";
import { HypothesisImport } from "@/app/components/source-reader/hypothesis-import";
import { labelPublished } from "@/lib/domain/dates";
import { AuthorBadge, FALLBACK_ACCENT, accentMap } from "@/app/components/author-badge";
import { ExcerptList } from "@/app/components/source-reader/excerpt-list";
import { QuoteCite } from "@/app/components/source-reader/quote-cite";
import type { TReaderExcerpt } from "@/app/components/source-reader/reader-types";
import { SourceText } from "@/app/components/source-reader/source-text";
import { OrphanList } from "@/app/components/sources/orphan-list";
import { SourceEditor } from "@/app/components/sources/source-editor";
import { listAuthors } from "@/lib/server/authors/list-authors";
import { orphanedExcerpts, placedExcerpts } from "@/lib/server/sources/get-source";
import { authorOrder, loadAccess, loadClaimOptions, loadOverview, loadSource, loadWorkspace, parseId } from "../../load";

export const dynamic = "force-dynamic";

type TParams = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const { slug, id } = await params;
  const workspace = await loadWorkspace(slug);
  const source = await loadSource(workspace.id, parseId(id));
  return { title: source.title };
}

export default async function SourcePage({ params }: TParams) {
  const { slug, id } = await params;
  const { workspace, canEdit } = await loadAccess(slug);
  const [source, overview, claims, authors] = await Promise.all([
    loadSource(workspace.id, parseId(id)),
    loadOverview(workspace.id),
    canEdit ? loadClaimOptions(workspace.id) : Promise.resolve([]),
    canEdit ? listAuthors(workspace.id) : Promise.resolve([]),
  ]);
  const accent = accentMap(authorOrder(overview)).get(source.author.id) ?? FALLBACK_ACCENT;
  // The reader needs offsets and evidence only; the quoted words are already in the text.
  const placed = placedExcerpts(source);
  const orphans = orphanedExcerpts(source);
  const claimsTouched = new Set(placed.flatMap((x) => x.evidence.map((e) => e.claimId))).size;
  const excerpts: TReaderExcerpt[] = placed.map(({ id: excerptId, start, end, version, anchoring, evidence }) => ({ id: excerptId, start, end, version, anchoring, evidence }));

  return (
    <main className="mx-auto max-w-7xl px-4 py-10">
      <div className="grid gap-12 lg:grid-cols-[minmax(0,68ch)_minmax(16rem,1fr)] lg:gap-16">
        <article className="min-w-0 max-w-[68ch]">
          <header className="mb-10 border-b border-slate-200 pb-6 dark:border-slate-800">
            <h1 className="font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl">{source.title}</h1>
            <p className="mt-4 text-slate-800 dark:text-slate-200">
              <AuthorBadge name={source.author.name} accent={accent} className="max-w-full font-semibold" />
            </p>
            <p data-testid="source-meta" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {source.publication && <>{source.publication} · </>}
              <time dateTime={source.published} className="font-medium tabular-nums">
                {labelPublished(source.published)}
              </time>
            </p>
            {source.publishedNote && <p className="mt-1 text-sm italic text-slate-500 dark:text-slate-400">{source.publishedNote}</p>}
            {source.url && (
              <p className="mt-2 text-sm">
                <a href={source.url} rel="noopener noreferrer" className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  Original article ↗
                </a>
              </p>
            )}
            {orphans.length > 0 && (
              // On a narrow screen the list is below the whole text: say so at the top.
              <p className="mt-3 text-sm">
                <a href="#orphans-heading" data-testid="orphans-notice" className="font-medium text-amber-900 underline underline-offset-2 dark:text-amber-200">
                  {orphans.length === 1 ? "1 passage needs" : `${orphans.length} passages need`} attention: the revised text no longer holds {orphans.length === 1 ? "it" : "them"}
                </a>
              </p>
            )}
            {canEdit && (
              <SourceEditor
                slug={workspace.slug}
                source={{ id: source.id, version: source.version, title: source.title, publication: source.publication, published: source.published, publishedNote: source.publishedNote, url: source.url, author: source.author }}
                authors={authors.map((a) => ({ id: a.id, name: a.name }))}
                quotes={placed.length}
                claims={claimsTouched}
              />
            )}
          </header>
          <SourceText slug={workspace.slug} text={source.text} format={source.format} excerpts={excerpts} sourceId={source.id} canEdit={canEdit} claims={claims} />
        </article>
        <aside className="min-w-0 border-t border-slate-200 pt-8 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:self-start lg:overflow-y-auto lg:border-t-0 lg:pt-0 dark:border-slate-800">
          <OrphanList slug={workspace.slug} orphans={orphans} text={orphans.length > 0 && canEdit ? source.text : ""} canEdit={canEdit} />
          <ExcerptList slug={workspace.slug} excerpts={placed} markdown={source.format === "markdown" ? source.text : undefined} />
          {canEdit && <QuoteCite slug={workspace.slug} sourceId={source.id} claims={claims} />}
          {canEdit && <AnnotationImport slug={workspace.slug} sourceId={source.id} />}
          {canEdit && <HypothesisImport slug={workspace.slug} sourceId={source.id} claims={claims} />}
        </aside>
      </div>
    </main>
  );
}
