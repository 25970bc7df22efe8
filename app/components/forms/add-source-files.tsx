"use client";
import { useRef, useState } from "react";
import { Link } from "@/app/components/app-link";
import { MAX_AUTHOR_NAME_LENGTH, MAX_PUBLICATION_LENGTH, MAX_SOURCE_TITLE_LENGTH, MAX_UPLOAD_BYTES } from "@/lib/schemas/sources";
import { callApi, describeFailure, type TApiResult } from "../api";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { inputClass } from "./field";

/** What `POST /api/sources/extract` answers. */
interface TExtracted {
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
  siteName: string | null;
  pages: number[] | null;
}

type TStatus = "reading" | "ready" | "unreadable" | "adding" | "added" | "failed";

interface TRow {
  key: string;
  /** The file, or the address the server fetches. */
  file: File | null;
  url: string | null;
  label: string;
  status: TStatus;
  message: string | null;
  pages: number | null;
  characters: number | null;
  title: string;
  author: string;
  published: string;
  publication: string;
  sourceId: string | null;
  /** Which fields the server refused, by name. */
  issues: Record<string, string>;
}

const ACCEPT = ".pdf,.html,.htm,.txt,.md,.markdown,application/pdf,text/html,text/plain,text/markdown";
const PUBLISHED = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Files read at once: each is a worker on the server, and the server reads two at a time. */
const READ_AT_ONCE = 2;
const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

let nextKey = 0;

const titleOf = (name: string) => name.replace(/\.(pdf|x?html?|txt|md|markdown)$/i, "").replace(/[-_]+/g, " ").trim();
const kindOf = (row: TRow) => (row.url ? "Web address" : /\.pdf$/i.test(row.label) ? "PDF" : /\.x?html?$/i.test(row.label) ? "Web page" : /\.(md|markdown)$/i.test(row.label) ? "Markdown" : /\.txt$/i.test(row.label) ? "Text" : "File");

const STATUS_TEXT: Record<TStatus, string> = {
  reading: "Reading…",
  ready: "Ready — check the details",
  unreadable: "Could not be read",
  adding: "Adding…",
  added: "Added",
  failed: "Not added",
};
const STATUS_CLASS: Record<TStatus, string> = {
  reading: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  ready: "bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  unreadable: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
  adding: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  added: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
};

/**
 * Several sources at once: PDFs, web pages, Markdown and text files dropped or chosen together (or
 * web addresses), each read by the server into a row of pre-filled details — title, author,
 * publication date as precise as the file says, publication — to confirm or correct; then all are
 * added in one go, each with its own progress, and a file that fails says why without stopping the others.
 */
export function AddSourceFiles({ slug }: { slug: string }) {
  const [rows, setRows] = useState<TRow[]>([]);
  const [address, setAddress] = useState("");
  const [dragging, setDragging] = useState(false);
  const adding = useMutation();
  const queue = useRef<TRow[]>([]);
  const readers = useRef(0);

  const update = (key: string, change: Partial<TRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function read(row: TRow) {
    let result: TApiResult<TExtracted>;
    if (row.file) {
      const data = new FormData();
      data.set("file", row.file, row.file.name);
      result = await callApi<TExtracted>("/api/sources/extract", { method: "POST", form: { data, fingerprint: `${row.file.name}:${row.file.size}:${row.file.lastModified}` } });
    } else {
      result = await callApi<TExtracted>("/api/sources/extract", { method: "POST", body: { url: row.url } });
    }
    if (!result.ok) return update(row.key, { status: "unreadable", message: describeFailure(result) });
    const page = result.data;
    setRows((all) =>
      all.map((r) =>
        r.key === row.key
          ? {
              ...r,
              status: "ready",
              message: null,
              pages: page.pages?.length ?? null,
              characters: page.text.length,
              title: r.title || page.title || (row.file ? titleOf(row.file.name) : ""),
              author: r.author || page.author || "",
              published: r.published || page.published || "",
              publication: r.publication || page.siteName || "",
            }
          : r,
      ),
    );
  }

  async function drain() {
    while (readers.current < READ_AT_ONCE && queue.current.length > 0) {
      const row = queue.current.shift()!;
      readers.current++;
      void read(row).finally(() => {
        readers.current--;
        void drain();
      });
    }
  }

  function enqueue(items: { file: File | null; url: string | null; label: string }[]) {
    const added: TRow[] = items.map((item) => {
      const tooLarge = item.file && item.file.size > MAX_UPLOAD_BYTES;
      return {
        key: `row-${nextKey++}`,
        ...item,
        status: tooLarge ? "unreadable" : "reading",
        message: tooLarge ? `This file is ${(item.file!.size / 1024 / 1024).toFixed(1)} MB; a file is at most ${MAX_UPLOAD_MB} MB.` : null,
        pages: null,
        characters: null,
        title: "",
        author: "",
        published: "",
        publication: "",
        sourceId: null,
        issues: {},
      };
    });
    setRows((all) => [...all, ...added]);
    queue.current.push(...added.filter((r) => r.status === "reading"));
    void drain();
  }

  function addFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    enqueue([...files].map((file) => ({ file, url: null, label: file.name })));
  }

  function addAddress(event: React.FormEvent) {
    event.preventDefault();
    const url = address.trim();
    if (!url) return;
    enqueue([{ file: null, url, label: url }]);
    setAddress("");
  }

  const problemsOf = (row: TRow): Record<string, string> => ({
    ...(row.title.trim() ? {} : { title: "Give the title." }),
    ...(row.author.trim() ? {} : { "author.name": "Name the author." }),
    ...(PUBLISHED.test(row.published.trim()) ? {} : { published: "YYYY, YYYY-MM or YYYY-MM-DD." }),
  });

  const waiting = rows.filter((r) => r.status === "ready" || r.status === "failed");
  const reading = rows.some((r) => r.status === "reading");

  async function addAll() {
    const todo = waiting.filter((row) => {
      const problems = problemsOf(row);
      if (Object.keys(problems).length > 0) update(row.key, { status: "failed", message: "Some details are missing.", issues: problems });
      return Object.keys(problems).length === 0;
    });
    await adding.perform(async (send) => {
      for (const row of todo) {
        update(row.key, { status: "adding", message: null, issues: {} });
        const metadata = {
          title: row.title.trim(),
          author: { name: row.author.trim() },
          published: row.published.trim(),
          ...(row.publication.trim() ? { publication: row.publication.trim() } : {}),
        };
        let result: TApiResult<{ id: string }>;
        if (row.file) {
          const data = new FormData();
          data.set("file", row.file, row.file.name);
          data.set("metadata", JSON.stringify(metadata));
          result = await send<{ id: string }>(`/api/workspaces/${slug}/sources`, { method: "POST", form: { data, fingerprint: `${row.key}:${JSON.stringify(metadata)}` } });
        } else {
          result = await send<{ id: string }>(`/api/workspaces/${slug}/sources`, { method: "POST", body: { url: row.url, ...metadata } });
        }
        if (result.ok) update(row.key, { status: "added", sourceId: result.data.id });
        else update(row.key, { status: "failed", message: describeFailure(result), issues: Object.fromEntries(result.issues.map((i) => [i.path, i.message])) });
      }
      // Each row says how it went; there is no single failure to show.
      return null;
    });
  }

  const addedCount = rows.filter((r) => r.status === "added").length;

  return (
    <section aria-labelledby="files-heading" className="space-y-5">
      <h2 id="files-heading" className="text-xl font-semibold tracking-tight">
        From files or web addresses
      </h2>
      <label
        htmlFor="source-files"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          addFiles(e.dataTransfer.files);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors focus-within:ring-2 focus-within:ring-sky-600/40 ${
          dragging ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 hover:border-slate-400 dark:border-slate-700"
        }`}
      >
        <span className="font-medium text-slate-900 dark:text-slate-100">Drop PDFs, web pages (.html), Markdown or text files here</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">or choose several at once · PDF up to {MAX_UPLOAD_MB} MB, a page up to 10 MB, a text up to 2 MB</span>
        <input id="source-files" type="file" multiple accept={ACCEPT} className="sr-only" onChange={(e) => {
          addFiles(e.target.files);
          e.target.value = "";
        }} />
      </label>
      <form onSubmit={addAddress} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1">
          <label htmlFor="source-address" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Web address of an article or PDF
          </label>
          <input id="source-address" type="url" inputMode="url" placeholder="https://" className={inputClass} value={address} onChange={(e) => setAddress(e.target.value)} />
        </div>
        <Button type="submit" variant="secondary" disabled={!address.trim()}>
          Fetch
        </Button>
      </form>

      {rows.length > 0 && (
        <ol className="space-y-4" aria-label="Sources to add">
          {rows.map((row) => (
            <SourceRow
              key={row.key}
              slug={slug}
              row={row}
              problems={row.issues}
              onChange={(change) => update(row.key, change)}
              onRemove={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            />
          ))}
        </ol>
      )}

      {rows.length > 0 && (
        <div className="flex flex-wrap items-center gap-4">
          {(waiting.length > 0 || addedCount === 0) && <Button onClick={addAll} disabled={waiting.length === 0 || reading} busy={adding.busy} busyLabel="Adding…">
            {waiting.length === 1 ? "Add 1 source" : `Add ${waiting.length} sources`}
          </Button>}
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {reading ? "Reading the files…" : addedCount > 0 ? `${addedCount} of ${rows.length} added.` : null}
          </p>
        </div>
      )}
    </section>
  );
}

function SourceRow({ slug, row, problems, onChange, onRemove }: { slug: string; row: TRow; problems: Record<string, string>; onChange: (change: Partial<TRow>) => void; onRemove: () => void }) {
  const editable = row.status === "ready" || row.status === "failed";
  const id = (field: string) => `${row.key}-${field}`;
  const field = (name: keyof TRow & string, label: string, errorKey: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div className="space-y-1">
      <label htmlFor={id(name)} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id(name)}
        data-testid={`row-${name}`}
        className={`${inputClass} text-sm`}
        value={row[name] as string}
        disabled={!editable}
        aria-invalid={problems[errorKey] ? true : undefined}
        aria-describedby={problems[errorKey] ? id(`${name}-error`) : undefined}
        onChange={(e) => onChange({ [name]: e.target.value })}
        {...props}
      />
      {problems[errorKey] && (
        <p id={id(`${name}-error`)} className="text-xs text-red-700 dark:text-red-400">
          {problems[errorKey]}
        </p>
      )}
    </div>
  );
  return (
    <li data-testid="source-row" data-status={row.status} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900 dark:text-slate-100" title={row.label}>
            {row.label}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {kindOf(row)}
            {row.pages ? ` · ${row.pages} pages` : ""}
            {row.characters ? ` · ${row.characters.toLocaleString("en")} characters of text` : ""}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span data-testid="row-status" className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_CLASS[row.status]}`}>
            {(row.status === "reading" || row.status === "adding") && <span aria-hidden className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-current align-middle" />}
            {STATUS_TEXT[row.status]}
          </span>
          {row.status !== "added" && row.status !== "adding" && (
            <Button variant="quiet" size="xs" onClick={onRemove} aria-label={`Remove ${row.label}`}>
              Remove
            </Button>
          )}
        </div>
      </div>
      {row.message && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {row.message}
        </p>
      )}
      {row.status === "added" && row.sourceId && (
        <p className="mt-2 text-sm">
          <Link className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400" href={`/w/${slug}/sources/${row.sourceId}`}>
            Open “{row.title}” →
          </Link>
        </p>
      )}
      {row.status !== "reading" && row.status !== "unreadable" && (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {field("title", "Title", "title", { maxLength: MAX_SOURCE_TITLE_LENGTH, required: true })}
          {field("author", "Author", "author.name", { maxLength: MAX_AUTHOR_NAME_LENGTH, required: true })}
          {field("published", "Published (YYYY, YYYY-MM or YYYY-MM-DD)", "published", { placeholder: "2022-09", inputMode: "numeric" })}
          {field("publication", "Publication (optional)", "publication", { maxLength: MAX_PUBLICATION_LENGTH })}
        </div>
      )}
    </li>
  );
}
