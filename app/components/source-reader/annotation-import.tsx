"use client";
import { useRef, useState } from "react";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { localFailure } from "../mutation";
import { useMutation } from "../use-mutation";

interface TReport {
  anchored: { index: number; evidenceId: string | null; note?: string }[];
  unanchored: { index: number; exact: string | null; reason: string }[];
}

/**
 * Brings W3C Web Annotations (from Hypothesis, Recogito or another Stancemap) onto this source:
 * each is re-anchored by its quote; the report says what was added and what could not be placed.
 */
export function AnnotationImport({ slug, sourceId }: { slug: string; sourceId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const mutation = useMutation();
  const [report, setReport] = useState<TReport | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setReport(null);
    if (!file) return mutation.fail("Choose a .json or .jsonld file of annotations.");
    const result = await mutation.perform<TReport>(async (send) => {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        return localFailure(`${file.name} is not valid JSON.`);
      }
      return send<TReport>(workspaceApi(slug, `/sources/${sourceId}/annotations`), { method: "POST", body: document });
    });
    if (result?.ok) setReport(result.data);
  }

  return (
    <details className="no-print mt-8 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="annotation-import">
      <summary className="cursor-pointer font-semibold">Import annotations</summary>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <label className="block">
          <span className="block text-slate-600 dark:text-slate-400">W3C Web Annotations (.json, .jsonld) — each placed by its quote</span>
          <input
            ref={input}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            className="mt-1 block w-full text-sm"
            onChange={() => {
              mutation.reset();
              setReport(null);
            }}
          />
        </label>
        <Button type="submit" size="sm" busy={mutation.busy} busyLabel="Placing…">
          Import
        </Button>
        {mutation.error && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {mutation.error}
          </p>
        )}
        {report && (
          <div role="status" data-testid="annotation-report">
            <p>
              {report.anchored.length} placed in the text ({report.anchored.filter((a) => a.evidenceId).length} linked to claims here).
              {report.unanchored.length > 0 ? ` ${report.unanchored.length} could not be placed:` : ""}
            </p>
            {report.unanchored.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
                {report.unanchored.slice(0, 20).map((u) => (
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
