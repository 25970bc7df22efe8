"use client";
import Form from "next/form";
import { usePathname } from "next/navigation";
import { SEARCH_QUERY_MAX } from "@/lib/schemas/search";

/**
 * The compact search box of the workspace header; it opens the search page. Hidden on the search
 * page itself, which has its own, larger form.
 */
export function HeaderSearch({ slug }: { slug: string }) {
  const pathname = usePathname();
  const action = `/w/${slug}/search`;
  if (pathname === action) return null;
  return (
    <Form action={action} prefetch={false} role="search" aria-label="Search this workspace" className="no-print flex min-w-0 grow basis-56 sm:grow-0 sm:basis-auto">
      <label htmlFor="header-search" className="sr-only">
        Search this workspace
      </label>
      <input
        id="header-search"
        data-testid="header-search"
        type="search"
        name="q"
        required
        maxLength={SEARCH_QUERY_MAX}
        placeholder="Search claims and texts…"
        className="h-8 min-w-0 flex-1 rounded-l-md border border-r-0 border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-500 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 sm:w-52 sm:flex-none lg:w-64 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <button
        type="submit"
        className="inline-flex h-8 items-center rounded-r-md border border-slate-300 bg-slate-100 px-2.5 text-slate-700 hover:bg-slate-200 hover:text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="size-4">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">Search</span>
      </button>
    </Form>
  );
}
