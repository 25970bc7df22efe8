"use client";
import { useRef, useState } from "react";
import { callApi, newRequestKey } from "../api";

interface TReport {
  anchored: { index: number; evidenceId: string | null; note?: string }[];
  unanchored: { index: number; exact: string | null; reason: string }[];
}

type TState = { status: "idle" } | { status: "busy" } | { status: "done"; report: TReport } | { status: "failed"; message: string };

/**
 * Brings W3C Web Annotations (from Hypothesis, Recogito or another Stancemap) onto this source:
 * each is re-anchored by its quote; the report says what was added and what could not be placed.
 */
export function AnnotationImport({ slug, sourceId }: { slug: string; sourceId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<TState>({ status: "idle" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ status: "failed", message: "Choose a .json or .jsonld file of annotations." });
    setState({ status: "busy" });
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setState({ status: "failed", message: `${file.name} is not valid JSON.` });
    }
    const result = await callApi<TReport>(`/api/workspaces/${encodeURIComponent(slug)}/sources/${sourceId}/annotations`, { method: "POST", body: document, idempotencyKey: newRequestKey() });
    setState(result.ok ? { status: "done", report: result.data } : { status: "failed", message: result.message });
  }

  return (
    <details className="no-print mt-8 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="annotation-import">
      <summary className="cursor-pointer font-semibold">Import annotations</summary>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <label className="block">
          <span className="block text-slate-600 dark:text-slate-400">W3C Web Annotations (.json, .jsonld) — each placed by its quote</span>
          <input ref={input} type="file" accept=".json,.jsonld,application/json,application/ld+json" className="mt-1 block w-full text-sm" onChange={() => setState({ status: "idle" })} />
        </label>
        <button type="submit" disabled={state.status === "busy"} className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
          {state.status === "busy" ? "Placing…" : "Import"}
        </button>
        {state.status === "failed" && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {state.message}
          </p>
        )}
        {state.status === "done" && (
          <div role="status" data-testid="annotation-report">
            <p>
              {state.report.anchored.length} placed in the text ({state.report.anchored.filter((a) => a.evidenceId).length} linked to claims here).
              {state.report.unanchored.length > 0 ? ` ${state.report.unanchored.length} could not be placed:` : ""}
            </p>
            {state.report.unanchored.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
                {state.report.unanchored.slice(0, 20).map((u) => (
                  <li key={u.index}>
                    #{u.index + 1}
                    {u.exact ? ` “${u.exact.length > 60 ? `${u.exact.slice(0, 59)}…` : u.exact}”` : ""}: {u.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </details>
  );
}
