import type { Metadata } from "next";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";
import { DebateMatrix } from "@/app/components/matrix/debate-matrix";
import { MatrixLegend } from "@/app/components/matrix/matrix-legend";
import { NewClaimForm } from "@/app/components/matrix/new-claim-form";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Matrix" };

export default async function MatrixPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, canEdit } = await loadAccess(slug);
  const matrix = await getMatrix(workspace.id);
  return (
    <main className="mx-auto max-w-[96rem] px-3 py-8 sm:px-4">
      <div className="mb-6">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Debate matrix</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">{workspace.title}</h1>
        <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-400">
          Who holds which position on each claim. Authors run left to right by publication date; select a cell to read the quotes.
        </p>
        <p className="mt-2 text-sm text-slate-500 sm:hidden dark:text-slate-400">Swipe the table sideways to see every author.</p>
      </div>
      <DebateMatrix slug={workspace.slug} matrix={matrix} canEdit={canEdit} />
      {canEdit && (
        <div className="no-print mt-4">
          <NewClaimForm slug={workspace.slug} />
        </div>
      )}
      <div className="mt-6">
        <MatrixLegend />
      </div>
    </main>
  );
}
