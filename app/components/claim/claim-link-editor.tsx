"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { useMutation } from "../use-mutation";

const DIRECTIONS = [
  { value: "out:SUPPORTS", label: "This claim supports…" },
  { value: "out:OPPOSES", label: "This claim opposes…" },
  { value: "in:SUPPORTS", label: "This claim is supported by…" },
  { value: "in:OPPOSES", label: "This claim is opposed by…" },
] as const;

/** Editors link this claim to another one (support or attack, either way round). */
export function ClaimLinkEditor({ slug, claimId, options }: { slug: string; claimId: string; options: { id: string; text: string }[] }) {
  const router = useRouter();
  const [direction, setDirection] = useState<(typeof DIRECTIONS)[number]["value"]>("out:SUPPORTS");
  const [other, setOther] = useState("");
  const mutation = useMutation();
  const choices = options.filter((o) => o.id !== claimId);

  async function link(event: React.FormEvent) {
    event.preventDefault();
    if (!other) return;
    const [way, relation] = direction.split(":");
    const result = await mutation.run(workspaceApi(slug, "/links"), {
      method: "POST",
      body: way === "out" ? { from: claimId, to: other, relation } : { from: other, to: claimId, relation },
    });
    if (!result?.ok) return;
    setOther("");
    router.refresh();
  }

  if (choices.length === 0) return null;
  return (
    <form onSubmit={link} className="mt-6 flex flex-wrap items-end gap-3" data-testid="claim-link-form">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Link
        <select value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)} className="rounded-md border border-slate-300 bg-white px-2 py-2 dark:border-slate-700 dark:bg-slate-900">
          {DIRECTIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
        Other claim
        <select required value={other} onChange={(e) => setOther(e.target.value)} className="min-w-0 rounded-md border border-slate-300 bg-white px-2 py-2 dark:border-slate-700 dark:bg-slate-900">
          <option value="">Choose a claim…</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.text}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={!other} busy={mutation.busy} busyLabel="Linking…">
        Add link
      </Button>
      {mutation.error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {mutation.error}
        </p>
      ) : null}
    </form>
  );
}

/** Removes one claim link (soft; undoable from the history), as of the version shown. */
export function UnlinkButton({ slug, linkId, version }: { slug: string; linkId: string; version: number }) {
  const router = useRouter();
  const mutation = useMutation();
  return (
    <>
      <button
        type="button"
        data-testid="claim-unlink"
        className="ml-2 text-sm text-red-700 underline-offset-2 hover:underline dark:text-red-400"
        onClick={async () => {
          const result = await mutation.run(workspaceApi(slug, `/links/${linkId}`), { method: "DELETE", body: { version } });
          if (result?.ok) router.refresh();
        }}
      >
        Unlink
      </button>
      {mutation.error ? <span role="alert" className="ml-2 text-sm text-red-700">{mutation.error}</span> : null}
    </>
  );
}
