import type { Metadata } from "next";
import { DownloadMenu } from "@/app/components/export/download-menu";
import { ZIdSchema } from "@/lib/schemas/params";
import { MAX_COMPARED_AUTHORS, splitIdList } from "@/lib/schemas/views";
import { getComparison } from "@/lib/server/compare/get-comparison";
import { accentMap } from "@/app/components/author-badge";
import { AgreementHeatmap } from "@/app/components/compare/agreement-heatmap";
import { AuthorPicker } from "@/app/components/compare/author-picker";
import { Comparison } from "@/app/components/compare/comparison";
import { RoomPanel } from "@/app/components/compare/room-panel";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Compare authors" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ authors?: string | string[] }> };

/** `/w/:slug/compare?authors=<id>,<id>[,…]` (a plain form sends `authors=` once per author). */
export default async function ComparePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const requested = splitIdList((await searchParams).authors);
  const { workspace, userId, role, signedIn } = await loadAccess(slug);
  const wellFormed = requested.filter((id) => ZIdSchema.safeParse(id).success).slice(0, MAX_COMPARED_AUTHORS);
  const comparison = await getComparison(workspace.id, wellFormed, { ignoreUnknown: true, viewer: { userId, role } });
  const accents = accentMap(comparison.authors.map((a) => a.id));
  const chosen = comparison.authors.filter((a) => comparison.chosen.includes(a.id));
  const unknown = requested.length - chosen.length;
  const names = chosen.map((a) => a.shortName);

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Compare authors</p>
        <DownloadMenu slug={workspace.slug} />
      </div>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">
        {chosen.length >= 2 ? (names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`) : "Where the authors agree and part"}
      </h1>
      <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-400">
        Pick authors to see, claim by claim, where they agree, disagree, differ, or where only one speaks — with their quotes. Positions are the matrix’s:
        the author’s own words decide them, views they only report do not, and one set by hand wins.{" "}
        <a href="#agreement" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          Agreement between every pair ↓
        </a>
      </p>

      {comparison.authors.length < 2 ? (
        <p data-testid="compare-empty" className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {comparison.authors.length === 0
            ? "No sources yet — add articles by at least two authors to compare them."
            : "Only one author so far — add a source by another author to compare them."}
        </p>
      ) : (
        <>
          <div className="mt-6">
            <AuthorPicker slug={workspace.slug} authors={comparison.authors} chosen={comparison.chosen} accents={accents} />
          </div>
          {unknown > 0 && (
            <p role="alert" data-testid="compare-unknown" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
              {unknown === 1 ? "One of the authors in the link is" : `${unknown} of the authors in the link are`} not in this workspace and {unknown === 1 ? "was" : "were"} left out.
            </p>
          )}
          <div className="mt-8">
            {comparison.summary && chosen.length >= 2 ? (
              <Comparison slug={workspace.slug} authors={chosen} summary={comparison.summary} claims={comparison.claims} accents={accents} />
            ) : (
              <p data-testid="compare-choose" role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
                {chosen.length === 1
                  ? `Choose at least one more author to compare with ${chosen[0].shortName}.`
                  : "Choose at least two authors above and press Compare — or pick a pair in the agreement table below."}
              </p>
            )}
          </div>
          <section id="agreement" aria-labelledby="agreement-heading" data-testid="agreement" className="mt-14 scroll-mt-4 border-t border-slate-200 pt-8 dark:border-slate-800">
            <h2 id="agreement-heading" className="text-xl font-semibold">
              Agreement between authors
            </h2>
            <p className="mt-1 mb-5 max-w-[68ch] text-slate-600 dark:text-slate-400">
              Each cell: of the claims on which both authors take a position (n), the share on which they take the same one. Select a cell to compare the two.
              {comparison.room.voters > 0 ? " The room is the majority of the participants’ votes on each claim." : ""}
            </p>
            <AgreementHeatmap slug={workspace.slug} authors={comparison.authors} agreement={comparison.agreement} accents={accents} chosen={comparison.chosen} room={comparison.room} />
          </section>
          <RoomPanel room={comparison.room} authors={comparison.authors} signedIn={signedIn} />
        </>
      )}
    </main>
  );
}
