"use client";
import { useState } from "react";
import { hypothesisTags } from "@/lib/import/hypothesis/hypothesis-to-w3c";
import { MAX_IMPORTED_ANNOTATIONS, MAX_TAG_MAPPINGS } from "@/lib/schemas/annotations";
import type { TStance } from "@/lib/domain/types";
import { workspaceApi } from "../api";
import { Button } from "../button";
import type { TClaimOption } from "../evidence/claim-picker";
import { useMutation } from "../use-mutation";

interface TReport {
  anchored: { index: number; evidenceId: string | null }[];
  unanchored: { index: number; user: string | null; exact: string | null; reason: string }[];
}

interface TTagRow {
  tag: string;
  count: number;
  claimId: string;
  stance: TStance;
  reported: boolean;
}

const STANCE_WORDS: [string, TStance][] = [
  ["supports", "SUPPORTS"],
  ["opposes", "OPPOSES"],
  ["qualifies", "QUALIFIES"],
];
const slugOf = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");

/**
 * A first guess for a tag, for the person to confirm: "supports:anti-nato" → Supports, and the
 * claim whose id is "anti-nato" or whose words begin with those; anything else unlinked.
 */
function guess(tag: string, claims: readonly TClaimOption[]): Pick<TTagRow, "claimId" | "stance"> {
  const [head, ...rest] = tag.split(":");
  const stance = STANCE_WORDS.find(([word]) => word === head.toLowerCase())?.[1];
  if (!stance || rest.length === 0) return { claimId: "", stance: "SUPPORTS" };
  const key = slugOf(rest.join(":"));
  const claim = claims.find((c) => c.id === key) ?? (key ? claims.find((c) => slugOf(c.text).includes(key)) : undefined);
  return { claimId: claim?.id ?? "", stance };
}

/**
 * Brings a Hypothesis export (the JSON its API's search answers) onto this source: its tags are
 * listed to be mapped to claims with a stance — confirmed by the person, guessed from tags such
 * as "supports:anti-nato" — then every annotation is placed by its quote, as W3C annotations are,
 * with a report of those that could not be placed.
 */
export function HypothesisImport({ slug, sourceId, claims }: { slug: string; sourceId: string; claims: readonly TClaimOption[] }) {
  const mutation = useMutation();
  const [rows, setRows] = useState<unknown[] | null>(null);
  const [tags, setTags] = useState<TTagRow[]>([]);
  const [report, setReport] = useState<TReport | null>(null);

  async function read(event: React.ChangeEvent<HTMLInputElement>) {
    mutation.reset();
    setReport(null);
    setRows(null);
    const file = event.target.files?.[0];
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return mutation.fail(`${file.name} is not valid JSON.`);
    }
    const found = data && typeof data === "object" && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : null;
    if (!found) return mutation.fail(`${file.name} is not a Hypothesis export: it has no "rows" (save what Hypothesis's /api/search answers).`);
    if (found.length > MAX_IMPORTED_ANNOTATIONS) return mutation.fail(`It holds ${found.length.toLocaleString("en")} annotations; import at most ${MAX_IMPORTED_ANNOTATIONS.toLocaleString("en")} at a time.`);
    setRows(found);
    setTags(hypothesisTags(found).slice(0, MAX_TAG_MAPPINGS).map(({ tag, count }) => ({ tag, count, reported: false, ...guess(tag, claims) })));
  }

  const change = (tag: string, patch: Partial<TTagRow>) => setTags((all) => all.map((t) => (t.tag === tag ? { ...t, ...patch } : t)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!rows) return mutation.fail("Choose a Hypothesis export (.json) first.");
    const mapping = tags.filter((t) => t.claimId).map((t) => ({ tag: t.tag, claimId: t.claimId, stance: t.stance, voice: t.reported ? "REPORTED" : "AUTHOR" }));
    const result = await mutation.run<TReport>(`${workspaceApi(slug, `/sources/${sourceId}/annotations`)}?format=hypothesis`, { method: "POST", body: { rows, mapping } });
    if (result?.ok) setReport(result.data);
  }

  const placedRows = report ? new Set(report.anchored.map((a) => a.index)).size : 0;
  const links = report ? report.anchored.filter((a) => a.evidenceId).length : 0;
  return (
    <details className="no-print mt-4 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="hypothesis-import">
      <summary className="cursor-pointer font-semibold">Import from Hypothesis</summary>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <label className="block">
          <span className="block text-slate-600 dark:text-slate-400">A Hypothesis export (.json) — each annotation placed by its quote, its text kept as the note</span>
          <input type="file" accept=".json,application/json" className="mt-1 block w-full text-sm" onChange={read} />
        </label>
        {rows && (
          <fieldset className="space-y-2">
            <legend className="text-slate-700 dark:text-slate-300">
              {rows.length} annotations. {tags.length > 0 ? "Which claim does each tag speak to? Tags left unlinked keep their passages without evidence." : "They carry no tags: their passages are kept without evidence."}
            </legend>
            {tags.map((t) => (
              <div key={t.tag} data-testid="tag-mapping" className="grid gap-1.5 rounded-md bg-slate-50 p-2 dark:bg-slate-900">
                <span className="font-medium break-words">
                  #{t.tag} <span className="font-normal text-slate-500 dark:text-slate-400">· {t.count}</span>
                </span>
                <select aria-label={`Claim for tag ${t.tag}`} className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950" value={t.claimId} onChange={(e) => change(t.tag, { claimId: e.target.value })}>
                  <option value="">— leave unlinked —</option>
                  {claims.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text}
                    </option>
                  ))}
                </select>
                {t.claimId && (
                  <div className="flex flex-wrap items-center gap-3">
                    <select aria-label={`Stance for tag ${t.tag}`} className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950" value={t.stance} onChange={(e) => change(t.tag, { stance: e.target.value as TStance })}>
                      <option value="SUPPORTS">Supports</option>
                      <option value="OPPOSES">Opposes</option>
                      <option value="QUALIFIES">Qualifies</option>
                    </select>
                    <label className="flex items-center gap-1.5">
                      <input type="checkbox" checked={t.reported} onChange={(e) => change(t.tag, { reported: e.target.checked })} />
                      reported view
                    </label>
                  </div>
                )}
              </div>
            ))}
          </fieldset>
        )}
        <Button type="submit" size="sm" disabled={!rows} busy={mutation.busy} busyLabel="Placing…">
          Import
        </Button>
        {mutation.error && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {mutation.error}
          </p>
        )}
        {report && (
          <div role="status" data-testid="hypothesis-report">
            <p>
              {placedRows} of {rows?.length ?? placedRows} placed in the text ({links === 1 ? "1 evidence link" : `${links} evidence links`} made).
              {report.unanchored.length > 0 ? ` ${report.unanchored.length} could not be placed:` : ""}
            </p>
            {report.unanchored.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
                {report.unanchored.slice(0, 20).map((u) => (
                  <li key={u.index}>
                    #{u.index + 1}
                    {u.user ? ` (${u.user})` : ""}
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
