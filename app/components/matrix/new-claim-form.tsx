"use client";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { useId, useRef, useState, type FormEvent } from "react";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** Tags as typed ("Security, central asia") → what the API accepts: ["security", "central-asia"]. */
function parseTags(value: string): string[] {
  return [...new Set(value.split(/[,#]/).map((t) => t.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))];
}

/** Editors add a claim; it appears as the matrix's last row (for everyone, live). */
export function NewClaimForm({ slug }: { slug: string }) {
  const id = useId();
  const live = useLive();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [tags, setTags] = useState("");
  const mutation = useMutation();
  const [added, setAdded] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { text: text.trim(), ...(parseTags(tags).length ? { tags: parseTags(tags) } : {}) };
    if (!body.text) return mutation.fail("Write the claim in one sentence.");
    // The same claim sent again after a lost answer carries the same Idempotency-Key: it is not added twice.
    const result = await mutation.run<{ id: string; text: string }>(workspaceApi(slug, "/claims"), { method: "POST", body });
    if (!result?.ok) return;
    setAdded(result.data.text);
    setText("");
    setTags("");
    live.refresh();
    field.current?.focus();
  };

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="new-claim-open"
          onClick={() => {
            setOpen(true);
            setAdded(null);
            requestAnimationFrame(() => field.current?.focus());
          }}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          + Add a claim
        </button>
        {added && (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Added “{added}” as the last row.
          </p>
        )}
      </div>
    );
  }

  return (
    <form data-testid="new-claim-form" onSubmit={(e) => void submit(e)} className="max-w-3xl rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="mb-3 text-base font-semibold">Add a claim</h2>
      <label htmlFor={`${id}-text`} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
        Claim
      </label>
      <textarea
        ref={field}
        id={`${id}-text`}
        data-testid="new-claim-text"
        rows={2}
        maxLength={MAX_CLAIM_LENGTH}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="A contested proposition, in one sentence"
        className={`mt-1 ${inputClass}`}
      />
      <label htmlFor={`${id}-tags`} className="mt-3 block text-sm font-semibold text-slate-800 dark:text-slate-200">
        Tags <span className="font-normal text-slate-500 dark:text-slate-400">(optional, separated by commas)</span>
      </label>
      <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="security, central-asia" className={`mt-1 ${inputClass}`} />
      <div className="mt-3">
        <FormError message={mutation.error} issues={mutation.failure?.issues} testId="new-claim-error" />
      </div>
      {added && (
        <p role="status" className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Added “{added}” as the last row. Add another, or close.
        </p>
      )}
      <div className="mt-3 flex gap-3">
        <Button type="submit" data-testid="new-claim-submit" busy={mutation.busy} busyLabel="Adding…">
          Add claim
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            setOpen(false);
            mutation.reset();
          }}
        >
          Close
        </Button>
      </div>
    </form>
  );
}
