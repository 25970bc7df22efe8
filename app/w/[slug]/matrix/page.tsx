import type { Metadata } from "next";
import Link from "next/link";
import { getMatrix, matrixRowsPerPage } from "@/lib/server/workspaces/get-matrix";
import { DebateMatrix } from "@/app/components/matrix/debate-matrix";
import { MatrixLegend } from "@/app/components/matrix/matrix-legend";
import { NewClaimForm } from "@/app/components/matrix/new-claim-form";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Matrix" };

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ rows?: string }> }) {
  const { slug } = await params;
  const { rows: rowsParam } = await searchParams;
  const { workspace, canEdit } = await loadAccess(slug);
  // Large maps render a first page of rows; "show more" extends it (the URL keeps the choice).
  const pageSize = await matrixRowsPerPage(workspace.id);
  const requested = Number.parseInt(rowsParam ?? "", 10);
  const rows = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 100_000) : pageSize;
  const matrix = await getMatrix(workspace.id, { offset: 0, limit: rows });
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
      {matrix.total > matrix.claims.length && (
        <p className="no-print mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-400" data-testid="matrix-more">
          Showing the first {matrix.claims.length.toLocaleString("en")} of {matrix.total.toLocaleString("en")} claims.
          <Link href={`?rows=${matrix.claims.length + pageSize}`} scroll={false} className="font-semibold text-slate-900 underline dark:text-slate-100">
            Show {Math.min(pageSize, matrix.total - matrix.claims.length).toLocaleString("en")} more
          </Link>
        </p>
      )}
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
