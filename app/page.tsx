import { Link } from "@/app/components/app-link";
import type { TVisibility } from "@/lib/domain/types";
import { getViewer } from "@/lib/server/viewer";
import { listWorkspaces } from "@/lib/server/workspaces/list-workspaces";

export const dynamic = "force-dynamic";

const VISIBILITY_LABEL: Record<TVisibility, string> = {
  PUBLIC: "Public",
  LINK: "Anyone with the link",
  PRIVATE: "Private",
};

export default async function Home() {
  const workspaces = await listWorkspaces(await getViewer());
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Map what analysts argue</h1>
      <p className="mt-4 max-w-[62ch] text-lg leading-relaxed text-slate-700 dark:text-slate-300">
        Stancemap sets articles side by side: the contested claims they address, the exact passages in which each author supports,
        opposes or qualifies them, and who holds which position — at a glance.
      </p>

      <section aria-labelledby="workspaces-heading" className="mt-12">
        <h2 id="workspaces-heading" className="mb-4 text-xl font-semibold">Workspaces</h2>
        {workspaces.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No workspaces you can open yet.</p>
        ) : (
          <ul data-testid="workspace-list" className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {workspaces.map((workspace) => (
              <li key={workspace.slug}>
                <Link href={`/w/${workspace.slug}`} className="group flex flex-col gap-1 py-4 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
                  <span className="text-lg font-medium group-hover:underline">{workspace.title}</span>
                  <span className="shrink-0 text-sm text-slate-500 dark:text-slate-400">
                    {[VISIBILITY_LABEL[workspace.visibility], workspace.role && workspace.role.toLowerCase()].filter(Boolean).join(" · ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
