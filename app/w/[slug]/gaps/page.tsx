import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { findGaps } from "@/lib/server/workspaces/find-gaps";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";
import { AuthorBadge, FALLBACK_ACCENT, accentFor } from "@/app/components/author-badge";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Gaps" };

const QUOTE_PREVIEW = 220;

function preview(text: string): string {
  return text.length > QUOTE_PREVIEW ? `${text.slice(0, QUOTE_PREVIEW).trimEnd()}…` : text;
}

function Section({ id, title, total, hint, children }: { id: string; title: string; total: number; hint: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`gaps-${id}`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title} <span className="font-normal tabular-nums text-slate-500 dark:text-slate-400">({total.toLocaleString("en")})</span>
      </h2>
      <p className="mt-1 max-w-[68ch] text-sm text-slate-600 dark:text-slate-400">{hint}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">The first {shown} of {total.toLocaleString("en")} are listed.</p> : null;
}

export default async function GapsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await loadAccess(slug);
  const matrix = await getMatrix(workspace.id);
  const gaps = await findGaps(workspace.id, matrix);
  const authors = new Map(matrix.authors.map((a, i) => [a.id, { ...a, accent: accentFor(i) }]));
  const base = `/w/${workspace.slug}`;

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Gaps</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">Where the map is thin</h1>
      <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-400">
        Claims that rest on a single source, authors who say nothing on a claim, and passages marked in a source that back no claim yet.
      </p>

      {gaps.orphanedExcerpts.total > 0 && (
        <Section
          id="orphaned"
          title="Passages a revised text no longer holds"
          total={gaps.orphanedExcerpts.total}
          hint="A source's text was revised and these quotes could not be placed in it again. Their evidence is kept but not counted: open the source to attach each one to its words, or delete it."
        >
          <ul className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {gaps.orphanedExcerpts.items.map((item) => (
              <li key={item.excerptId} data-testid="orphaned-excerpt" data-excerpt-id={item.excerptId} className="py-3">
                <blockquote className="font-serif text-slate-800 dark:text-slate-200">“{preview(item.exact)}”</blockquote>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  <Link href={`${base}/sources/${item.sourceId}`} className="underline underline-offset-2">
                    {item.authorShortName}: {item.sourceTitle}
                  </Link>{" "}
                  · {item.reason} · evidence for {item.evidenceCount} {item.evidenceCount === 1 ? "claim" : "claims"}
                </p>
              </li>
            ))}
          </ul>
          <More shown={gaps.orphanedExcerpts.items.length} total={gaps.orphanedExcerpts.total} />
        </Section>
      )}

      <Section id="thin" title="Claims resting on one source or none" total={gaps.thinClaims.total} hint="A claim backed by one article is one reading away from being wrong. Look for a second source, or a passage that opposes it.">
        {gaps.thinClaims.items.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Every claim draws on at least two sources.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {gaps.thinClaims.items.map((item) => (
              <li key={item.claimId} data-testid="thin-claim" data-claim-id={item.claimId} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
                <Link href={`${base}/claims/${item.claimId}`} className="font-medium hover:underline">
                  {item.claimText}
                </Link>
                <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400">
                  {item.source ? (
                    <>
                      only{" "}
                      <Link href={`${base}/sources/${item.source.id}`} className="underline underline-offset-2">
                        {item.source.authorShortName}: {item.source.title}
                      </Link>
                    </>
                  ) : (
                    "no evidence yet"
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <More shown={gaps.thinClaims.items.length} total={gaps.thinClaims.total} />
      </Section>

      <Section
        id="silent"
        title="Authors silent on a claim"
        total={gaps.silent.cells}
        hint="Silence may be real, or a passage nobody has marked yet. Each claim page suggests passages from the silent authors' texts to check."
      >
        {gaps.silent.items.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Every author takes a position on every claim.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {gaps.silent.items.map((gap) => (
              <li key={gap.claimId} data-testid="silent-gap" data-claim-id={gap.claimId} className="py-3">
                <Link href={`${base}/claims/${gap.claimId}`} className="font-medium hover:underline">
                  {gap.claimText}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
                  <span>Silent:</span>
                  {gap.authorIds.map((id) => {
                    const author = authors.get(id);
                    return <AuthorBadge key={id} name={author?.name ?? "Unknown author"} label={author?.shortName} accent={author?.accent ?? FALLBACK_ACCENT} />;
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <More shown={gaps.silent.items.length} total={gaps.silent.total} />
      </Section>

      <Section id="uncited" title="Excerpts that back no claim" total={gaps.uncitedExcerpts.total} hint="Marked passages with no claim attached: attach each to a claim, or remove it.">
        {gaps.uncitedExcerpts.items.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Every marked passage backs at least one claim.</p>
        ) : (
          <ul className="space-y-3">
            {gaps.uncitedExcerpts.items.map((item) => (
              <li key={item.excerptId} data-testid="uncited-excerpt" data-excerpt-id={item.excerptId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                <blockquote className="font-serif text-[1.05rem] leading-relaxed">“{preview(item.exact)}”</blockquote>
                <Link href={`${base}/sources/${item.sourceId}#excerpt-${item.excerptId}`} className="mt-1 inline-block text-sm text-slate-600 underline underline-offset-2 dark:text-slate-400">
                  {item.authorShortName}: {item.sourceTitle}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <More shown={gaps.uncitedExcerpts.items.length} total={gaps.uncitedExcerpts.total} />
      </Section>
    </main>
  );
}
