import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { RoundCreator } from "@/app/components/rounds/round-creator";
import { listClaimOptions } from "@/lib/server/claims/list-claims";
import { listRoundCandidates } from "@/lib/server/rounds/list-round-candidates";
import { listRounds } from "@/lib/server/rounds/list-rounds";
import { authorOrder, loadAccess, loadOverview } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coding rounds" };

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The workspace's blind coding rounds, and (for owners and editors) a new one made from the map. */
export default async function RoundsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, canEdit } = await loadAccess(slug);
  const rounds = await listRounds(workspace.id);
  const base = `/w/${workspace.slug}`;
  let creator = null;
  if (canEdit) {
    const [claims, candidates, overview] = await Promise.all([listClaimOptions(workspace.id), listRoundCandidates(workspace.id), loadOverview(workspace.id)]);
    const names = new Map(overview.sources.map((s) => [s.author.id, s.author.shortName || s.author.name]));
    const authors = authorOrder(overview).map((id) => ({ id, name: names.get(id) ?? "" }));
    creator = <RoundCreator slug={workspace.slug} claims={claims} authors={authors} candidates={candidates} />;
  }
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Seminar</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Coding rounds</h1>
      <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-300">
        Everyone codes the same passages alone — does this passage support, oppose or qualify the claim? — without seeing the map or each other. Closing a round reveals how far the
        answers agreed with each other and with the map.
      </p>
      {rounds.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No rounds yet{canEdit ? " — pick passages below to start one." : "; the facilitator starts one."}
        </p>
      ) : (
        <ul className="mt-8 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="round-list">
          {rounds.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`${base}/rounds/${r.id}`} className="font-semibold text-sky-800 hover:underline dark:text-sky-300">
                {r.title}
              </Link>
              <span className="text-sm text-slate-500 dark:text-slate-400">
                {r.items} items · {r.closedAt ? `closed ${DATE.format(r.closedAt)}` : "open"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {creator}
    </main>
  );
}
