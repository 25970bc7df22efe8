import { DOWNLOADS, type TDownload } from "@/lib/export/formats";

/**
 * The workspace's downloads, one link per format (plain links: they work without JavaScript and
 * the browser shows its own download progress). A page may put its own entries first (the graph
 * page: the graph as a picture).
 */
export function DownloadMenu({ slug, first = [] }: { slug: string; first?: TDownload[] }) {
  return (
    <details className="no-print group relative" data-testid="download-menu">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true">⤓</span> Download
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="absolute right-0 z-30 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {[...first, ...DOWNLOADS].map((download) => (
          <li key={download.label}>
            <a
              href={`/api/workspaces/${encodeURIComponent(slug)}/export?format=${download.format}${download.query ? `&${download.query}` : ""}`}
              download
              data-format={download.format}
              data-testid="download-link"
              className="block rounded px-3 py-2 text-sm hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              <span className="block font-medium text-slate-900 dark:text-slate-100">{download.label}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">{download.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
