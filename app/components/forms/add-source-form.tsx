"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_AUTHOR_NAME_LENGTH, MAX_AUTHOR_SHORT_NAME_LENGTH, MAX_PUBLICATION_LENGTH, MAX_SOURCE_TEXT_BYTES, MAX_SOURCE_TITLE_LENGTH } from "@/lib/schemas/sources";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { Field, fieldErrors, inputClass } from "./field";

const MAX_MEGABYTES = MAX_SOURCE_TEXT_BYTES / (1024 * 1024);

/** Adds an article: metadata plus its text, pasted or read from a .txt, .md or .html file (a page is reduced to its text, shown here before saving). */
export function AddSourceForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [form, setForm] = useState({ title: "", authorName: "", shortName: "", published: "", publication: "", url: "", text: "" });
  const mutation = useMutation();
  // Reducing an HTML file to its text, and what went wrong reading a file.
  const extract = useMutation();
  const [fileError, setFileError] = useState<string | null>(null);
  // Markdown is shown rendered in the reader; a .md file says so itself.
  const [markdown, setMarkdown] = useState(false);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });
  const bytes = new TextEncoder().encode(form.text).length;
  const server = fieldErrors(mutation.failure);
  const errors: Record<string, string | undefined> = { ...server, authorName: server["author.name"], shortName: server["author.shortName"], text: fileError ?? extract.error ?? server.text };
  const formError = mutation.failure?.status === 413 ? `The text is larger than ${MAX_MEGABYTES} MB.` : mutation.error;

  const clearErrors = () => {
    mutation.reset();
    extract.reset();
    setFileError(null);
  };

  async function readFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    clearErrors();
    if (file.size > MAX_SOURCE_TEXT_BYTES) return setFileError(`That file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a source text is at most ${MAX_MEGABYTES} MB.`);
    const raw = await file.text();
    const fallbackTitle = file.name.replace(/\.(txt|md|markdown|html?)$/i, "");
    if (/\.html?$/i.test(file.name) || file.type === "text/html") {
      const page = await extract.run<{ text: string; title: string | null }>("/api/sources/extract", { method: "POST", body: { html: raw } });
      if (!page?.ok) return;
      setForm((f) => ({ ...f, text: page.data.text, title: f.title || page.data.title || fallbackTitle }));
      setMarkdown(false);
      if (!page.data.text) setFileError("That page holds no text once scripts, styles and markup are removed.");
      return;
    }
    setForm((f) => ({ ...f, text: raw, title: f.title || fallbackTitle }));
    setMarkdown(/\.(md|markdown)$/i.test(file.name) || file.type === "text/markdown");
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    clearErrors();
    const body = {
      title: form.title,
      author: { name: form.authorName, ...(form.shortName.trim() ? { shortName: form.shortName } : {}) },
      published: form.published.trim(),
      ...(form.publication.trim() ? { publication: form.publication } : {}),
      ...(form.url.trim() ? { url: form.url.trim() } : {}),
      text: form.text,
      format: markdown ? "markdown" : "text",
    };
    const result = await mutation.run<{ id: string }>(`/api/workspaces/${slug}/sources`, { method: "POST", body }, { stayBusy: true });
    if (result?.ok) router.push(`/w/${slug}/sources/${result.data.id}`);
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      <Field id="src-title" label="Title" error={errors.title}>
        <input id="src-title" required maxLength={MAX_SOURCE_TITLE_LENGTH} className={inputClass} value={form.title} onChange={set("title")} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="src-author" label="Author" hint="An author with this exact name is reused." error={errors.authorName}>
          <input id="src-author" required maxLength={MAX_AUTHOR_NAME_LENGTH} className={inputClass} value={form.authorName} onChange={set("authorName")} />
        </Field>
        <Field id="src-short" label="Short name (column header)" hint="Defaults to the last word of the name." error={errors.shortName}>
          <input id="src-short" maxLength={MAX_AUTHOR_SHORT_NAME_LENGTH} className={inputClass} value={form.shortName} onChange={set("shortName")} />
        </Field>
        <Field id="src-published" label="Published" hint="YYYY, YYYY-MM or YYYY-MM-DD — only as precise as you know." error={errors.published}>
          <input id="src-published" required pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="2022-09" className={inputClass} value={form.published} onChange={set("published")} />
        </Field>
        <Field id="src-publication" label="Publication (optional)" error={errors.publication}>
          <input id="src-publication" maxLength={MAX_PUBLICATION_LENGTH} className={inputClass} value={form.publication} onChange={set("publication")} />
        </Field>
      </div>
      <Field id="src-url" label="Address (optional)" error={errors.url}>
        <input id="src-url" type="url" className={inputClass} value={form.url} onChange={set("url")} />
      </Field>
      <Field id="src-text" label="Full text" hint={`Paste the article, or read a .txt, .md or .html file (a web page keeps only its text). ${(bytes / 1024).toFixed(0)} KB of ${(MAX_SOURCE_TEXT_BYTES / 1024).toLocaleString("en")} KB.`} error={errors.text}>
        <input type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onChange={readFile} className="mb-2 block text-sm" aria-label="Read the text from a file" />
        {extract.busy && (
          <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-300">
            Reducing the page to its text…
          </p>
        )}
        <textarea id="src-text" required rows={14} className={`${inputClass} font-serif`} value={form.text} onChange={set("text")} />
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input type="checkbox" checked={markdown} onChange={(e) => setMarkdown(e.target.checked)} />
          The text is Markdown (shown rendered: headings, emphasis, lists)
        </label>
      </Field>
      {formError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{formError}</p> : null}
      <Button type="submit" disabled={bytes > MAX_SOURCE_TEXT_BYTES} busy={mutation.busy} busyLabel="Adding…">
        Add source
      </Button>
    </form>
  );
}
