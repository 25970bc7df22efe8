import { Link } from "@/app/components/app-link";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import { isFiltering } from "@/lib/domain/matrix-filter";
import { toMatrixFilter, type TMatrixFilterQuery } from "@/lib/schemas/matrix";
import { POSITION_STANCES } from "@/lib/domain/types";
import { Button } from "../button";
import { STANCE_LABEL } from "../stance";

const SELECT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal normal-case tracking-normal sm:py-1.5 text-slate-900 focus:border-slate-900 focus:ring-2 focus:ring-slate-900 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:focus:border-slate-100 dark:focus:ring-slate-100";
const LABEL = "block text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

/**
 * Filter and sort the matrix. A plain GET form: it works without JavaScript, by keyboard, and the
 * URL it produces can be shared ("the split claims, most contested first").
 */
export function MatrixFilterBar({ authors, tags, query, shown, total }: { authors: TMatrixAuthor[]; tags: string[]; query: TMatrixFilterQuery; shown: number; total: number }) {
  const active = isFiltering(toMatrixFilter(query));
  return (
    <form method="get" role="search" aria-label="Filter the matrix" data-testid="matrix-filters" className="no-print mb-4 rounded-lg border border-slate-200 bg-slate-50 p-2.5 sm:p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 sm:gap-y-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <FilterSelect label="Tag" name="tag" value={query.tag ?? ""} options={[["", "Any tag"], ...tags.map((tag): [string, string] => [tag, `#${tag}`])]} />
        <FilterSelect label="Author" name="author" value={query.author ?? ""} options={[["", "Any author"], ...authors.map((a): [string, string] => [a.id, a.shortName])]} />
        <FilterSelect label="Stance" name="stance" value={query.stance ?? ""} options={[["", "Any stance"], ...POSITION_STANCES.map((st): [string, string] => [st, STANCE_LABEL[st]])]} />
        <FilterSelect
          label="Controversy"
          name="controversy"
          value={query.controversy ?? ""}
          options={[
            ["", "Any claim"],
            ["split", "Split (for and against)"],
            ["one-sided", "One-sided"],
          ]}
        />
        <FilterSelect
          label="Sort"
          name="sort"
          value={query.sort ?? "order"}
          options={[
            ["order", "Map order"],
            ["controversy", "Most contested first"],
          ]}
        />
        <div className="flex items-end gap-2">
          <Button type="submit" size="sm" className="focus-visible:outline-2 focus-visible:outline-offset-2">
            Apply
          </Button>
          {active && (
            <Link href="?" className="px-2 py-1.5 text-sm font-medium text-slate-700 underline underline-offset-2 dark:text-slate-300">
              Clear
            </Link>
          )}
        </div>
      </div>
      {active && (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" role="status" data-testid="matrix-filter-status">
          {shown.toLocaleString("en")} of {total.toLocaleString("en")} claims match.{" "}
          {query.author && query.stance ? "Author and stance together: that author holds that stance." : query.author ? "Author alone: claims that author takes a position on." : null}
        </p>
      )}
    </form>
  );
}

function FilterSelect({ label, name, value, options }: { label: string; name: string; value: string; options: [value: string, text: string][] }) {
  return (
    <label className={LABEL}>
      {label}
      <select name={name} defaultValue={value} className={SELECT}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
