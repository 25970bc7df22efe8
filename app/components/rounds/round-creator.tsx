"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { MAX_ROUND_ITEMS, MAX_ROUND_TITLE_LENGTH } from "@/lib/schemas/rounds";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

interface TCandidate {
  excerptId: string;
  claimId: string;
  authorId: string;
  exact: string;
}

/**
 * A new round from the map: the passages of the chosen authors on the chosen claims become its
 * items ("every passage of Harding and ECFR on these three claims").
 */
export function RoundCreator({ slug, claims, authors, candidates }: { slug: string; claims: { id: string; text: string }[]; authors: { id: string; name: string }[]; candidates: TCandidate[] }) {
  const router = useRouter();
  const mutation = useMutation();
  const [title, setTitle] = useState("");
  const [askVoice, setAskVoice] = useState(false);
  const [chosenClaims, setChosenClaims] = useState<Set<string>>(new Set());
  const [chosenAuthors, setChosenAuthors] = useState<Set<string>>(new Set(authors.map((a) => a.id)));
  const items = useMemo(() => candidates.filter((c) => chosenClaims.has(c.claimId) && chosenAuthors.has(c.authorId)), [candidates, chosenClaims, chosenAuthors]);
  const usable = claims.filter((c) => candidates.some((p) => p.claimId === c.id));

  const toggle = (set: Set<string>, id: string, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update(next);
  };

  async function start(event: React.FormEvent) {
    event.preventDefault();
    const result = await mutation.run<{ id: string }>(workspaceApi(slug, "/rounds"), {
      method: "POST",
      body: { title, askVoice, items: items.slice(0, MAX_ROUND_ITEMS).map((i) => ({ excerptId: i.excerptId, claimId: i.claimId })) },
    });
    if (result?.ok) router.push(`/w/${slug}/rounds/${result.data.id}`);
  }

  return (
    <form onSubmit={start} className="mt-10 rounded-xl border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="new-round" data-testid="round-creator">
      <h2 id="new-round" className="text-xl font-semibold">
        New round
      </h2>
      {usable.length === 0 ? (
        <p className="mt-2 text-slate-600 dark:text-slate-400">No evidence yet — link passages to claims in a source first; a round asks about those pairs.</p>
      ) : (
        <>
          <label className="mt-4 block text-sm font-medium">
            Title
            <input
              required
              maxLength={MAX_ROUND_TITLE_LENGTH}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
              placeholder="Who argues what about the SCO?"
            />
          </label>
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">Passages of</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {authors.map((a) => (
                <label key={a.id} className="inline-flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={chosenAuthors.has(a.id)} onChange={() => toggle(chosenAuthors, a.id, setChosenAuthors)} />
                  {a.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">On the claims</legend>
            <div className="mt-1 grid gap-1">
              {usable.map((c) => (
                <label key={c.id} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" checked={chosenClaims.has(c.id)} onChange={() => toggle(chosenClaims, c.id, setChosenClaims)} />
                  <span>{c.text}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="mt-4 inline-flex items-center gap-2 text-sm">
            <input type="checkbox" checked={askVoice} onChange={(e) => setAskVoice(e.target.checked)} />
            Also ask whose view it is (the author's own, or reported)
          </label>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.busy || items.length === 0 || title.trim() === ""}>
              Start the round
            </Button>
            <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="round-item-count">
              {items.length === 0 ? "Pick claims to add their passages" : `${Math.min(items.length, MAX_ROUND_ITEMS)} items`}
              {items.length > MAX_ROUND_ITEMS ? ` (the first ${MAX_ROUND_ITEMS})` : ""}
            </span>
          </div>
          <FormError message={mutation.error} />
        </>
      )}
    </form>
  );
}
