"use client";
import { useId, useState } from "react";
import type { TAuthorListItem } from "@/lib/server/authors/list-authors";
import { MAX_AFFILIATION_LENGTH, MAX_AUTHOR_NAME_LENGTH, MAX_AUTHOR_SHORT_NAME_LENGTH } from "@/lib/schemas/sources";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { FormError } from "../evidence/evidence-fields";
import { Field, inputClass } from "../forms/field";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

export type TAuthorItem = TAuthorListItem;

/**
 * One author for owners and editors: edit the name, the short name (the matrix's column header)
 * and the affiliation, or merge the author into another (its sources move there; undoable from
 * the history). A 409 says someone else changed the author and reloads the list.
 */
export function AuthorEditor({ slug, author, others }: { slug: string; author: TAuthorItem; others: TAuthorItem[] }) {
  const id = useId();
  const live = useLive();
  const mutation = useMutation();
  const [mode, setMode] = useState<"view" | "edit" | "merge">("view");
  const [form, setForm] = useState({ name: author.name, shortName: author.shortName, affiliation: author.affiliation ?? "" });
  const [intoId, setIntoId] = useState(others[0]?.id ?? "");
  const into = others.find((o) => o.id === intoId);

  const done = () => {
    setMode("view");
    live.refresh();
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body = { version: author.version, name: form.name, shortName: form.shortName, affiliation: form.affiliation.trim() || null };
    const result = await mutation.run(workspaceApi(slug, `/authors/${author.id}`), { method: "PATCH", body });
    if (result?.ok) done();
    else if (result?.status === 409) live.refresh();
  }

  async function merge(event: React.FormEvent) {
    event.preventDefault();
    if (!into) return;
    const result = await mutation.run(workspaceApi(slug, `/authors/${author.id}/merge`), { method: "POST", body: { version: author.version, intoId: into.id, intoVersion: into.version } });
    if (result?.ok) done();
    else if (result?.status === 409) live.refresh();
  }

  if (mode === "edit") {
    return (
      <form onSubmit={save} data-testid="author-edit-form" className="mt-3 space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-name`} label="Name">
            <input id={`${id}-name`} required maxLength={MAX_AUTHOR_NAME_LENGTH} className={inputClass} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field id={`${id}-short`} label="Short name (column header)">
            <input id={`${id}-short`} required maxLength={MAX_AUTHOR_SHORT_NAME_LENGTH} className={inputClass} value={form.shortName} onChange={(e) => setForm({ ...form, shortName: e.target.value })} />
          </Field>
        </div>
        <Field id={`${id}-affiliation`} label="Affiliation (optional)">
          <input id={`${id}-affiliation`} maxLength={MAX_AFFILIATION_LENGTH} className={inputClass} value={form.affiliation} onChange={(e) => setForm({ ...form, affiliation: e.target.value })} />
        </Field>
        <FormError message={mutation.error} issues={mutation.failure?.issues} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" busy={mutation.busy} busyLabel="Saving…">
            Save
          </Button>
          <Button variant="quiet" size="sm" onClick={() => { setMode("view"); mutation.reset(); }}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  if (mode === "merge") {
    return (
      <form onSubmit={merge} data-testid="author-merge-form" className="mt-3 space-y-3">
        <Field id={`${id}-into`} label={`Merge ${author.name} into`} hint="Use this when two entries are one person or organisation.">
          <select id={`${id}-into`} className={inputClass} value={intoId} onChange={(e) => setIntoId(e.target.value)}>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        {into && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {author.sourceCount} {author.sourceCount === 1 ? "source moves" : "sources move"} to {into.name}, with {author.sourceCount === 1 ? "its" : "their"} passages and positions; {author.name} leaves the matrix. You can undo it from the history.
          </p>
        )}
        <FormError message={mutation.error} issues={mutation.failure?.issues} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" size="sm" data-testid="author-merge-confirm" disabled={!into} busy={mutation.busy} busyLabel="Merging…">
            Merge
          </Button>
          <Button variant="quiet" size="sm" onClick={() => { setMode("view"); mutation.reset(); }}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <Button variant="secondary" size="xs" data-testid="author-edit" onClick={() => { setForm({ name: author.name, shortName: author.shortName, affiliation: author.affiliation ?? "" }); setMode("edit"); }}>
        Edit
      </Button>
      {others.length > 0 && (
        <Button variant="secondary" size="xs" data-testid="author-merge" onClick={() => setMode("merge")}>
          Merge into…
        </Button>
      )}
      <FormError message={mutation.error} />
    </div>
  );
}
