import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type TExportFormat } from "@/lib/export/formats";

/**
 * The workspace's downloads, one link per format (plain links: they work without JavaScript and
 * the browser shows its own download progress). `formats` puts the ones a view is about first.
 */
export function DownloadMenu({ slug, formats = EXPORT_FORMAT_NAMES }: { slug: string; formats?: readonly TExportFormat[] }) {
  return (
    <details className="no-print group relative" data-testid="download-menu">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true">⤓</span> Download
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="absolute right-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {formats.map((format) => (
          <li key={format}>
            <a
              href={`/api/workspaces/${encodeURIComponent(slug)}/export?format=${format}`}
              download
              data-format={format}
              className="block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              {EXPORT_FORMATS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
