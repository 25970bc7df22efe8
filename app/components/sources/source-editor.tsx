"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import {
  MAX_AUTHOR_NAME_LENGTH,
  MAX_AUTHOR_SHORT_NAME_LENGTH,
  MAX_PUBLICATION_LENGTH,
  MAX_PUBLISHED_NOTE_LENGTH,
  MAX_SOURCE_TEXT_BYTES,
  MAX_SOURCE_TITLE_LENGTH,
} from "@/lib/schemas/sources";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { ConfirmButton } from "../confirm-button";
import { FormError } from "../evidence/evidence-fields";
import { Field, inputClass } from "../forms/field";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

export interface TEditableSource {
  id: string;
  version: number;
  title: string;
  publication: string | null;
  published: string;
  publishedNote: string | null;
  url: string | null;
  author: { id: string; name: string };
}

interface TReanchored {
  unchanged: number;
  moved: number;
  fuzzy: { excerptId: string; score: number }[];
  orphaned: { excerptId: string; exact: string }[];
}

const NEW_AUTHOR = "new";

/** What a revision did to the passages, in a sentence. */
export function describeReanchored(r: TReanchored): string {
  const parts = [`${r.unchanged + r.moved} ${r.unchanged + r.moved === 1 ? "passage" : "passages"} found as they were`];
  if (r.fuzzy.length) parts.push(`${r.fuzzy.length} placed approximately`);
  parts.push(r.orphaned.length ? `${r.orphaned.length} no longer in the text — see “Needs attention”` : "none lost");
  return `Text revised: ${parts.join(", ")}.`;
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A source's details and text for owners and editors: an edit form (the text is fetched when the
 * form opens, so the page does not carry it twice), and delete with a confirmation that says what
 * goes with the source. A save carries the version the form was opened at; when someone else saved
 * first, the form keeps what was typed and offers to save it over theirs or to discard it.
 */
export function SourceEditor({ slug, source, authors, quotes, claims }: { slug: string; source: TEditableSource; authors: { id: string; name: string }[]; quotes: number; claims: number }) {
  const id = useId();
  const router = useRouter();
  const live = useLive();
  const mutation = useMutation();
  const loading = useMutation();
  const [form, setForm] = useState<null | { base: number; text: string; originalText: string; title: string; authorId: string; authorName: string; shortName: string; published: string; publication: string; publishedNote: string; url: string }>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const bytes = form ? new TextEncoder().encode(form.text).length : 0;

  async function open() {
    setReport(null);
    const current = await loading.run<TEditableSource & { text: string }>(workspaceApi(slug, `/sources/${source.id}`));
    if (!current?.ok) return;
    const s = current.data;
    setForm({
      base: s.version, text: s.text, originalText: s.text, title: s.title, authorId: s.author.id, authorName: "", shortName: "",
      published: s.published, publication: s.publication ?? "", publishedNote: s.publishedNote ?? "", url: s.url ?? "",
    });
  }

  const set = (key: keyof NonNullable<typeof form>) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setForm((f) => (f ? { ...f, [key]: e.target.value } : f));

  async function save(version: number) {
    if (!form) return;
    setConflict(null);
    const body: Record<string, unknown> = {
      version,
      title: form.title,
      published: form.published.trim(),
      publication: form.publication.trim() || null,
      publishedNote: form.publishedNote.trim() || null,
      url: form.url.trim() || null,
      author: form.authorId === NEW_AUTHOR ? { name: form.authorName, ...(form.shortName.trim() ? { shortName: form.shortName } : {}) } : { id: form.authorId },
    };
    if (form.text !== form.originalText) body.text = form.text;
    const result = await mutation.run<{ source: TEditableSource; reanchored?: TReanchored }>(workspaceApi(slug, `/sources/${source.id}`), { method: "PATCH", body });
    if (!result) return;
    if (result.ok) {
      setForm(null);
      setReport(result.data.reanchored ? describeReanchored(result.data.reanchored) : "Saved.");
      live.refresh();
      return;
    }
    const current = result.current as { version?: number } | undefined;
    if (result.status === 409 && typeof current?.version === "number") setConflict(current.version);
  }

  async function remove() {
    const result = await mutation.run(workspaceApi(slug, `/sources/${source.id}`), { method: "DELETE", body: { version: source.version } });
    if (result?.ok) router.push(`/w/${slug}`);
  }

  const deleteQuestion = `Delete this source${quotes ? ` with its ${plural(quotes, "quote", "quotes")}${claims ? ` (evidence on ${plural(claims, "claim", "claims")})` : ""}` : ""}? You can undo it from the history.`;

  if (!form) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-2" data-testid="source-actions">
        <Button variant="secondary" size="xs" data-testid="edit-source" busy={loading.busy} busyLabel="Opening…" onClick={() => void open()}>
          Edit source
        </Button>
        <ConfirmButton label="Delete source…" confirmLabel="Delete" question={deleteQuestion} busy={mutation.busy} testId="delete-source" onConfirm={() => void remove()} />
        {report && (
          <p role="status" data-testid="source-saved" className="w-full text-sm text-slate-700 dark:text-slate-300">
            {report}
          </p>
        )}
        <FormError message={loading.error ?? mutation.error} />
      </div>
    );
  }

  return (
    <form
      data-testid="source-edit-form"
      aria-labelledby={`${id}-heading`}
      className="mt-6 space-y-5 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900/60"
      onSubmit={(e) => {
        e.preventDefault();
        void save(form.base);
      }}
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Edit this source
      </h2>
      <Field id={`${id}-title`} label="Title">
        <input id={`${id}-title`} required maxLength={MAX_SOURCE_TITLE_LENGTH} className={inputClass} value={form.title} onChange={set("title")} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-author`} label="Author">
          <select id={`${id}-author`} className={inputClass} value={form.authorId} onChange={set("authorId")}>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={NEW_AUTHOR}>Another author…</option>
          </select>
        </Field>
        <Field id={`${id}-published`} label="Published" hint="YYYY, YYYY-MM or YYYY-MM-DD.">
          <input id={`${id}-published`} required pattern="\d{4}(-\d{2}(-\d{2})?)?" className={inputClass} value={form.published} onChange={set("published")} />
        </Field>
        {form.authorId === NEW_AUTHOR && (
          <>
            <Field id={`${id}-author-name`} label="Author's name" hint="An author with this exact name is reused.">
              <input id={`${id}-author-name`} required maxLength={MAX_AUTHOR_NAME_LENGTH} className={inputClass} value={form.authorName} onChange={set("authorName")} />
            </Field>
            <Field id={`${id}-short`} label="Short name (column header)" hint="Defaults to the last word of the name.">
              <input id={`${id}-short`} maxLength={MAX_AUTHOR_SHORT_NAME_LENGTH} className={inputClass} value={form.shortName} onChange={set("shortName")} />
            </Field>
          </>
        )}
        <Field id={`${id}-publication`} label="Publication (optional)">
          <input id={`${id}-publication`} maxLength={MAX_PUBLICATION_LENGTH} className={inputClass} value={form.publication} onChange={set("publication")} />
        </Field>
        <Field id={`${id}-note`} label="Note on the date (optional)">
          <input id={`${id}-note`} maxLength={MAX_PUBLISHED_NOTE_LENGTH} className={inputClass} value={form.publishedNote} onChange={set("publishedNote")} />
        </Field>
      </div>
      <Field id={`${id}-url`} label="Address (optional)">
        <input id={`${id}-url`} type="url" className={inputClass} value={form.url} onChange={set("url")} />
      </Field>
      <Field
        id={`${id}-text`}
        label="Full text"
        hint={`Revising the text keeps the old one and places every passage again; a passage the new text no longer holds is listed under “Needs attention”. ${(bytes / 1024).toFixed(0)} KB of ${(MAX_SOURCE_TEXT_BYTES / 1024).toLocaleString("en")} KB.`}
      >
        <textarea id={`${id}-text`} data-testid="source-text-field" required rows={14} className={`${inputClass} font-serif`} value={form.text} onChange={set("text")} />
      </Field>
      {conflict !== null && (
        <div role="alert" data-testid="source-conflict" className="rounded-md border-2 border-amber-400 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-600 dark:bg-amber-950/30 dark:text-slate-100">
          <p>Someone else saved this source while you were editing it. Nothing has been overwritten; your changes are still in the form.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" busy={mutation.busy} busyLabel="Saving…" onClick={() => void save(conflict)}>
              Save mine over theirs
            </Button>
            <Button variant="secondary" size="sm" onClick={() => { setForm(null); setConflict(null); mutation.reset(); live.refresh(); }}>
              Discard mine
            </Button>
          </div>
        </div>
      )}
      {conflict === null && <FormError message={mutation.failure?.status === 413 ? "The text is larger than 2 MB." : mutation.error} issues={mutation.failure?.issues} />}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" data-testid="save-source" disabled={bytes > MAX_SOURCE_TEXT_BYTES} busy={mutation.busy} busyLabel={form.text !== form.originalText ? "Placing the passages…" : "Saving…"}>
          Save
        </Button>
        <Button variant="quiet" onClick={() => { setForm(null); mutation.reset(); }}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
