"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { Button } from "../button";
import { localFailure } from "../mutation";
import { useMutation } from "../use-mutation";
import { Field, inputClass } from "./field";


const FORMATS = {
  json: { label: "Stancemap document (.json)", accept: ".json,application/json", hint: "A workspace exported from Stancemap, complete with sources and evidence." },
  aif: { label: "AIF argument map (.json)", accept: ".json,application/json", hint: "From OVA or AIFdb: propositions become claims, inferences and conflicts become links." },
  kialo: { label: "Kialo discussion export (.txt)", accept: ".txt,text/plain", hint: "Kialo's “Export discussion” text: the thesis and its pro and con claims, as a claim tree." },
} as const;

type TFormat = keyof typeof FORMATS;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Imports a map from a file (Stancemap, AIF or Kialo) as a new workspace the importer owns. */
export function ImportWorkspaceForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<TFormat>("json");
  const mutation = useMutation();
  // What the import is doing now, while it is busy.
  const [step, setStep] = useState("");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return mutation.fail(`Choose a file: ${FORMATS[format].label}.`);
    if (file.size > MAX_IMPORT_BYTES) return mutation.fail(`${file.name} is ${megabytes(file.size)}; an import is at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
    const path = `/api/workspaces/import?format=${format}`;
    const result = await mutation.perform<{ slug: string }>(
      async (send) => {
        setStep(`Reading ${file.name}…`);
        const text = await file.text();
        if (format === "kialo") {
          setStep(`Importing ${file.name}…`);
          return send(path, { method: "POST", text });
        }
        let document: unknown;
        try {
          document = JSON.parse(text);
        } catch {
          return localFailure(`${file.name} is not valid JSON. Is it ${format === "json" ? "a Stancemap export (.stancemap.json)" : "an AIF file"}?`);
        }
        setStep(`Importing ${file.name} (${megabytes(file.size)})…`);
        return send(path, { method: "POST", body: document });
      },
      { stayBusy: true },
    );
    if (result?.ok) router.push(`/w/${result.data.slug}`);
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
        <input id="import-file" ref={input} type="file" accept={FORMATS[format].accept} className={inputClass} onChange={() => mutation.reset()} />
      </Field>
      {mutation.busy && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {step}
        </p>
      )}
      {mutation.failure && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <p>{mutation.error}</p>
          {mutation.failure.issues.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {mutation.failure.issues.slice(0, 10).map((issue, i) => (
                <li key={i}>
                  <code className="font-mono text-xs">{issue.path}</code>: {issue.message}
                </li>
              ))}
              {mutation.failure.issues.length > 10 && <li>…and {mutation.failure.issues.length - 10} more.</li>}
            </ul>
          )}
        </div>
      )}
      <Button type="submit" busy={mutation.busy} busyLabel="Importing…">
        Import workspace
      </Button>
    </form>
  );
}

