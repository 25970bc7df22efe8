"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { callApi, newRequestKey, type TApiIssue, type TApiResult } from "../api";
import { buttonClass, Field, inputClass } from "./field";


const FORMATS = {
  json: { label: "Stancemap document (.json)", accept: ".json,application/json", hint: "A workspace exported from Stancemap, complete with sources and evidence." },
  aif: { label: "AIF argument map (.json)", accept: ".json,application/json", hint: "From OVA or AIFdb: propositions become claims, inferences and conflicts become links." },
  kialo: { label: "Kialo discussion export (.txt)", accept: ".txt,text/plain", hint: "Kialo's “Export discussion” text: the thesis and its pro and con claims, as a claim tree." },
} as const;

type TFormat = keyof typeof FORMATS;
type TState = { status: "idle" } | { status: "busy"; what: string } | { status: "failed"; message: string; issues: TApiIssue[] };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Imports a map from a file (Stancemap, AIF or Kialo) as a new workspace the importer owns. */
export function ImportWorkspaceForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<TFormat>("json");
  const [state, setState] = useState<TState>({ status: "idle" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ status: "failed", message: `Choose a file: ${FORMATS[format].label}.`, issues: [] });
    if (file.size > MAX_IMPORT_BYTES) return setState({ status: "failed", message: `${file.name} is ${megabytes(file.size)}; an import is at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`, issues: [] });
    setState({ status: "busy", what: `Reading ${file.name}…` });
    const text = await file.text();
    let result: TApiResult<{ slug: string }>;
    const path = `/api/workspaces/import?format=${format}`;
    if (format === "kialo") {
      setState({ status: "busy", what: `Importing ${file.name}…` });
      result = await callApi<{ slug: string }>(path, { method: "POST", text, idempotencyKey: newRequestKey() });
    } else {
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        return setState({ status: "failed", message: `${file.name} is not valid JSON. Is it ${format === "json" ? "a Stancemap export (.stancemap.json)" : "an AIF file"}?`, issues: [] });
      }
      setState({ status: "busy", what: `Importing ${file.name} (${megabytes(file.size)})…` });
      result = await callApi<{ slug: string }>(path, { method: "POST", body: document, idempotencyKey: newRequestKey() });
    }
    if (result.ok) return router.push(`/w/${result.data.slug}`);
    setState({ status: "failed", message: result.message, issues: result.issues });
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="import-form">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">What kind of file</legend>
        {(Object.keys(FORMATS) as TFormat[]).map((key) => (
          <label key={key} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-slate-900 dark:border-slate-700 dark:has-[:checked]:border-slate-200">
            <input type="radio" name="import-format" value={key} checked={format === key} onChange={() => setFormat(key)} className="mt-1" />
            <span>
              <span className="block font-medium">{FORMATS[key].label}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{FORMATS[key].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="import-file" label="File to import" hint="It becomes a new workspace that you own. Nothing is written unless the whole file imports.">
        <input id="import-file" ref={input} type="file" accept={FORMATS[format].accept} className={inputClass} onChange={() => setState({ status: "idle" })} />
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

