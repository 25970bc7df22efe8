"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TVisibility } from "@/lib/domain/types";
import { VISIBILITY_TEXT } from "@/lib/domain/visibility";
import { MAX_WORKSPACE_DESCRIPTION_LENGTH, MAX_WORKSPACE_TITLE_LENGTH } from "@/lib/schemas/workspaces";
import { Button } from "../button";
import { Field, fieldErrors, inputClass } from "../forms/field";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

export interface TWorkspaceSettingsView {
  slug: string;
  title: string;
  description: string;
  visibility: TVisibility;
  version: number;
}

/**
 * The settings this tab saved last. The page keys the form by version, so the refresh after a save
 * mounts it anew (fresh from the server); this carries "Saved." across that, for the version saved.
 */
let lastSaved: { slug: string; version: number } | null = null;

/** An owner's form for the title, description, visibility and address; it names the version it was based on. */
export function WorkspaceSettingsForm({ settings }: { settings: TWorkspaceSettingsView }) {
  const router = useRouter();
  const [title, setTitle] = useState(settings.title);
  const [description, setDescription] = useState(settings.description);
  const [visibility, setVisibility] = useState<TVisibility>(settings.visibility);
  const [slug, setSlug] = useState(settings.slug);
  const [saved, setSaved] = useState(() => lastSaved?.slug === settings.slug && lastSaved.version === settings.version);
  const mutation = useMutation();
  const errors = fieldErrors(mutation.failure);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = { version: settings.version };
    if (title !== settings.title) body.title = title;
    if (description !== settings.description) body.description = description;
    if (visibility !== settings.visibility) body.visibility = visibility;
    if (slug !== settings.slug) body.slug = slug;
    if (Object.keys(body).length === 1) return setSaved(true);
    const result = await mutation.run<{ slug: string; version: number }>(`/api/workspaces/${settings.slug}`, { method: "PATCH", body });
    if (!result?.ok) return;
    lastSaved = { slug: result.data.slug, version: result.data.version };
    setSaved(true);
    if (result.data.slug !== settings.slug) router.replace(`/w/${result.data.slug}/settings`);
    else router.refresh();
  }

  return (
    <form onSubmit={save} className="space-y-5" data-testid="workspace-settings">
      <Field id="ws-title" label="Title" error={errors.title}>
        <input id="ws-title" required maxLength={MAX_WORKSPACE_TITLE_LENGTH} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id="ws-description" label="Description" hint="What the seminar reads and asks, shown on the workspace's home." error={errors.description}>
        <textarea id="ws-description" rows={3} maxLength={MAX_WORKSPACE_DESCRIPTION_LENGTH} className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Who can read it</legend>
        {(Object.keys(VISIBILITY_TEXT) as TVisibility[]).map((value) => (
          <label key={value} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50 dark:border-slate-700 dark:has-[:checked]:bg-sky-950/40">
            <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} className="mt-1" />
            <span>
              <span className="block font-medium">{VISIBILITY_TEXT[value].label}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{VISIBILITY_TEXT[value].sentence}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="ws-slug" label="Address" hint={`/w/${slug || "…"} — the old address keeps working and leads here.`} error={errors.slug}>
        <input id="ws-slug" required minLength={2} maxLength={64} pattern="[a-z0-9]+(-[a-z0-9]+)*" className={inputClass} value={slug} onChange={(e) => setSlug(e.target.value.toLowerCase())} />
      </Field>
      <FormError message={mutation.error} />
      <div className="flex items-center gap-3">
        <Button type="submit" busy={mutation.busy} busyLabel="Saving…">
          Save settings
        </Button>
        {saved && !mutation.busy ? (
          <span role="status" data-testid="settings-saved" className="text-sm text-emerald-800 dark:text-emerald-300">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
