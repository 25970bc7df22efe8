import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { ZIdSchema } from "@/lib/schemas/params";
import { HistoryFilter } from "@/app/components/history/history-filter";
import { HistoryList } from "@/app/components/history/history-list";
import { loadAccess, loadClaimOptions, loadEntityLabel } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "History" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ entityId?: string | string[] }> };

export default async function HistoryPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const requested = (await searchParams).entityId;
  const parsed = ZIdSchema.safeParse(Array.isArray(requested) ? requested[0] : requested);
  const entityId = parsed.success ? parsed.data : null;
  const { workspace, canEdit } = await loadAccess(slug);
  const [claims, label] = await Promise.all([loadClaimOptions(workspace.id), entityId ? loadEntityLabel(workspace.id, entityId) : null]);

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">History</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">
        {label ? (
          <>
            Changes to {label.kind === "claim" ? "the claim" : "the passage"}{" "}
            {label.href ? (
              <Link href={`/w/${workspace.slug}/${label.href}`} className="hover:underline">
                “{label.text}”
              </Link>
            ) : (
              <>“{label.text}”</>
            )}
          </>
        ) : (
          "Every change in this workspace"
        )}
      </h1>
      <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-400">
        Who changed what, and when, newest first.{" "}
        {canEdit ? "You can undo your own changes (owners: anyone’s) as long as nobody has changed the item since." : "Members who may edit can undo changes here."}
      </p>
      <div className="mt-6 mb-6">
        <HistoryFilter slug={workspace.slug} claims={claims} entityId={entityId} />
      </div>
      <HistoryList key={entityId ?? "all"} slug={workspace.slug} entityId={entityId} claims={Object.fromEntries(claims.map((c) => [c.id, c.text]))} />
    </main>
  );
}
