"use client";

import { useState, type MouseEvent } from "react";
import { Button } from "@/app/components/button";
import { DOWNLOADS, type TDownload } from "@/lib/export/formats";
import { fetchDownload } from "./fetch-download";

type TState = { label: string; bytes: number } | { label: string; error: string } | null;

/**
 * The workspace's downloads, one link per format. The links are plain links (they work without
 * JavaScript, and a modified click opens them as the browser would); a plain click fetches the file
 * here, so its progress shows in the menu and a refusal — too many exports in a minute, the server
 * busy — is said in words instead of being saved as a file. A page may put its own entries first
 * (the graph page: the graph as a picture).
 */
export function DownloadMenu({ slug, first = [] }: { slug: string; first?: TDownload[] }) {
  const [state, setState] = useState<TState>(null);
  const busy = state !== null && "bytes" in state;

  async function startDownload(event: MouseEvent<HTMLAnchorElement>, label: string) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setState({ label, bytes: 0 });
    const outcome = await fetchDownload(event.currentTarget.href, (bytes) => setState({ label, bytes }));
    setState(outcome.ok ? null : { label, error: outcome.message });
  }

  return (
    <details className="no-print group relative" data-testid="download-menu">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true">⤓</span> Download
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <DownloadStatus state={state} onDismiss={() => setState(null)} />
        <ul aria-busy={busy}>
          {[...first, ...DOWNLOADS].map((download) => (
            <li key={download.label}>
              <a
                href={`/api/workspaces/${encodeURIComponent(slug)}/export?format=${download.format}${download.query ? `&${download.query}` : ""}`}
                download
                onClick={(event) => void startDownload(event, download.label)}
                aria-disabled={busy || undefined}
                data-format={download.format}
                data-testid="download-link"
                className="block rounded px-3 py-2 text-sm hover:bg-slate-100 focus-visible:bg-slate-100 aria-disabled:cursor-wait aria-disabled:opacity-60 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
              >
                <span className="block font-medium text-slate-900 dark:text-slate-100">{download.label}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{download.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function DownloadStatus({ state, onDismiss }: { state: TState; onDismiss: () => void }) {
  if (state === null) return <p className="sr-only" role="status" />;
  if ("bytes" in state) {
    return (
      <p role="status" data-testid="download-progress" className="border-b border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
        Preparing {state.label}… {state.bytes > 0 ? formatBytes(state.bytes) : ""}
      </p>
    );
  }
  return (
    <div role="alert" data-testid="download-error" className="mb-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <p>
        <span className="font-semibold">{state.label} was not downloaded.</span> {state.error}
      </p>
      <Button variant="quiet" size="xs" onClick={onDismiss} className="mt-1 -ml-2">
        Dismiss
      </Button>
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
