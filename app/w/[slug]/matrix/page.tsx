import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { isFiltering } from "@/lib/domain/matrix-filter";
import { ZMatrixFilterSchema, toMatrixFilter, type TMatrixFilterQuery } from "@/lib/schemas/matrix";
import { getMatrix, listClaimTags, matrixRowsPerPage } from "@/lib/server/workspaces/get-matrix";
import { DownloadMenu } from "@/app/components/export/download-menu";
import { DebateMatrix } from "@/app/components/matrix/debate-matrix";
import { MatrixFilterBar } from "@/app/components/matrix/matrix-filter-bar";
import { MatrixLegend } from "@/app/components/matrix/matrix-legend";
import { NewClaimForm } from "@/app/components/matrix/new-claim-form";
import { loadAccess } from "../load";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Matrix" };

type TSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The URL of this page with the same filters and another row count. */
function withRows(query: TMatrixFilterQuery, rows: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set("rows", String(rows));
  return `?${params}`;
}

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<TSearchParams> }) {
  const { slug } = await params;
  const search = await searchParams;
  const { workspace, canEdit } = await loadAccess(slug);
  // A hand-edited URL with a value the filter does not know falls back to no filter, and says so.
  const parsed = ZMatrixFilterSchema.safeParse(Object.fromEntries(["tag", "author", "stance", "controversy", "sort"].map((k) => [k, first(search[k])])));
  const query: TMatrixFilterQuery = parsed.success ? parsed.data : {};
  // Large maps render a first page of rows; "show more" extends it (the URL keeps the choice).
  const pageSize = await matrixRowsPerPage(workspace.id);
  const requested = Number.parseInt(first(search.rows) ?? "", 10);
  const rows = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 100_000) : pageSize;
  const [matrix, tags] = await Promise.all([getMatrix(workspace.id, { offset: 0, limit: rows }, toMatrixFilter(query)), listClaimTags(workspace.id)]);
  // Rows left out by a filter (a sort alone leaves every row).
  const filtered = isFiltering({ ...toMatrixFilter(query), sort: undefined });
  return (
    <main className="mx-auto max-w-[96rem] px-3 py-8 sm:px-4">
      <div className="mb-6">
        <div className="flex items-start justify-between gap-4">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Debate matrix</p>
          <DownloadMenu slug={workspace.slug} />
        </div>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">{workspace.title}</h1>
        <p className="mt-2 max-w-[68ch] text-slate-600 dark:text-slate-400">
          Who holds which position on each claim. Authors run left to right by publication date; select a cell to read the quotes. Claims the authors are
          split on are marked <span className="font-semibold text-amber-900 dark:text-amber-200">Split</span>.
        </p>
        <p className="mt-2 text-sm text-slate-500 sm:hidden dark:text-slate-400">Swipe the table sideways to see every author.</p>
      </div>
      {!parsed.success && (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          The filter in this address was not understood ({parsed.error.issues.map((i) => i.message).join("; ")}), so every claim is shown.
        </p>
      )}
      {matrix.authors.length > 0 && matrix.mapTotal > 0 && (
        <MatrixFilterBar authors={matrix.authors} tags={tags} query={query} shown={matrix.total} total={matrix.mapTotal} />
      )}
      <DebateMatrix slug={workspace.slug} matrix={matrix} canEdit={canEdit} filtered={filtered} />
      {matrix.total > matrix.claims.length && (
        <p className="no-print mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-400" data-testid="matrix-more">
          Showing the first {matrix.claims.length.toLocaleString("en")} of {matrix.total.toLocaleString("en")} claims.
          <Link href={withRows(query, matrix.claims.length + pageSize)} scroll={false} className="font-semibold text-slate-900 underline dark:text-slate-100">
            Show {Math.min(pageSize, matrix.total - matrix.claims.length).toLocaleString("en")} more
          </Link>
        </p>
      )}
      <p className="no-print mt-4 text-sm">
        <Link href={`/w/${workspace.slug}/gaps`} className="font-medium text-slate-700 underline underline-offset-2 dark:text-slate-300" data-testid="gaps-link">
          Gaps in the map — thin claims, silent authors, uncited passages →
        </Link>
      </p>
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
