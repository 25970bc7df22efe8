"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi, newRequestKey, type TApiIssue } from "../api";
import { buttonClass, Field, inputClass } from "./field";

/** As the server: a larger file is refused there with 413, so say so before sending it. */
const MAX_BYTES = 40 * 1024 * 1024;

type TState = { status: "idle" } | { status: "busy"; what: string } | { status: "failed"; message: string; issues: TApiIssue[] };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Imports a Stancemap JSON document (an export of any workspace) as a new workspace. */
export function ImportWorkspaceForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<TState>({ status: "idle" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ status: "failed", message: "Choose a .json file exported from Stancemap.", issues: [] });
    if (file.size > MAX_BYTES) return setState({ status: "failed", message: `${file.name} is ${megabytes(file.size)}; an import is at most 40 MB.`, issues: [] });
    setState({ status: "busy", what: `Reading ${file.name}…` });
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setState({ status: "failed", message: `${file.name} is not valid JSON. Is it a Stancemap export (.stancemap.json)?`, issues: [] });
    }
    setState({ status: "busy", what: `Importing ${file.name} (${megabytes(file.size)})…` });
    const result = await callApi<{ slug: string }>("/api/workspaces/import?format=json", { method: "POST", body: document, idempotencyKey: newRequestKey() });
    if (result.ok) return router.push(`/w/${result.data.slug}`);
    setState({ status: "failed", message: result.message, issues: result.issues });
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="import-form">
      <Field id="import-file" label="Stancemap document (.json)" hint="A workspace exported from Stancemap: it becomes a new workspace that you own. Nothing is written unless the whole file imports.">
        <input id="import-file" ref={input} type="file" accept=".json,application/json" className={inputClass} onChange={() => setState({ status: "idle" })} />
      </Field>
      {state.status === "busy" && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {state.what}
        </p>
      )}
      {state.status === "failed" && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <p>{state.message}</p>
          {state.issues.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {state.issues.slice(0, 10).map((issue, i) => (
                <li key={i}>
                  <code className="font-mono text-xs">{issue.path}</code>: {issue.message}
                </li>
              ))}
              {state.issues.length > 10 && <li>…and {state.issues.length - 10} more.</li>}
            </ul>
          )}
        </div>
      )}
      <button type="submit" disabled={state.status === "busy"} className={buttonClass}>
        {state.status === "busy" ? "Importing…" : "Import workspace"}
      </button>
    </form>
  );
}
