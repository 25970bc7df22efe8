"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_WORKSPACE_DESCRIPTION_LENGTH, MAX_WORKSPACE_TITLE_LENGTH } from "@/lib/schemas/workspaces";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { Field, fieldErrors, inputClass } from "./field";

const VISIBILITY = [
  { value: "PRIVATE", label: "Private", hint: "Only members you invite can open it." },
  { value: "LINK", label: "Anyone with the link", hint: "Readable by whoever has the address; only members edit." },
  { value: "PUBLIC", label: "Public", hint: "Listed and readable by everyone; only members edit." },
] as const;

export function NewWorkspaceForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [visibility, setVisibility] = useState<(typeof VISIBILITY)[number]["value"]>("PRIVATE");
  const mutation = useMutation();
  const errors = fieldErrors(mutation.failure);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await mutation.run<{ slug: string }>("/api/workspaces", { method: "POST", body: { title, description, visibility } }, { stayBusy: true });
    if (result?.ok) router.push(`/w/${result.data.slug}/sources/new`);
  }

  return (
    <form onSubmit={submit} className="space-y-6">
      <Field id="ws-title" label="Title" hint='The question the seminar argues, e.g. "The SCO: anti-NATO bloc or talk shop?"' error={errors.title}>
        <input id="ws-title" required maxLength={MAX_WORKSPACE_TITLE_LENGTH} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id="ws-description" label="Description (optional)" error={errors.description}>
        <textarea id="ws-description" rows={3} maxLength={MAX_WORKSPACE_DESCRIPTION_LENGTH} className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Who can read it</legend>
        {VISIBILITY.map((v) => (
          <label key={v.value} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-slate-900 dark:border-slate-700 dark:has-[:checked]:border-slate-200">
            <input type="radio" name="visibility" value={v.value} checked={visibility === v.value} onChange={() => setVisibility(v.value)} className="mt-1" />
            <span>
              <span className="block font-medium">{v.label}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{v.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mutation.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{mutation.error}</p> : null}
      <Button type="submit" busy={mutation.busy} busyLabel="Creating…">
        Create workspace
      </Button>
    </form>
  );
}
