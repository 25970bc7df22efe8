"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { callApi, describeFailure, newRequestKey, workspaceApi, type TApiFailure, type TApiResult } from "../api";
import { ClaimPicker, type TClaimChoice, type TClaimOption } from "./claim-picker";
import { FormError, NoteField, StanceField, VoiceField } from "./evidence-fields";

export interface TEvidenceInput {
  claimId: string;
  stance: TStance;
  voice: TVoice;
  note?: string;
}

export interface TEvidenceFormResult {
  claimId: string;
  claimText: string;
  stance: TStance;
}

interface TEvidenceFormProps {
  slug: string;
  claims: TClaimOption[];
  exclude?: string[];
  submitLabel: string;
  testIdPrefix: string;
  /** Writes the evidence for a claim that exists (already, or just created by this form). */
  write: (input: TEvidenceInput, idempotencyKey: string) => Promise<TApiResult<unknown>>;
  onDone: (result: TEvidenceFormResult) => void;
  onCancel: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * Claim + stance + voice + note, then one write. With a new claim the claim is created first; if
 * the evidence is then refused, the new claim is deleted again so nothing is left half-made.
 */
export function EvidenceForm({ slug, claims, exclude, submitLabel, testIdPrefix, write, onDone, onCancel, onDirtyChange }: TEvidenceFormProps) {
  const id = useId();
  const [choice, setChoice] = useState<TClaimChoice>({ kind: "existing", claimId: null });
  const [stance, setStance] = useState<TStance | null>(null);
  const [voice, setVoice] = useState<TVoice>("AUTHOR");
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ message: string; issues: TApiFailure["issues"] } | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per distinct request, reused when that same request is retried after a lost answer.
  const keys = useRef(new Map<string, string>());
  // A claim this form created whose evidence write got no answer: a retry reuses it.
  const pendingClaim = useRef<{ text: string; id: string } | null>(null);

  const keyFor = (request: unknown) => {
    const fingerprint = JSON.stringify(request);
    let key = keys.current.get(fingerprint);
    if (!key) keys.current.set(fingerprint, (key = newRequestKey()));
    return key;
  };

  const dirty = (choice.kind === "new" ? choice.text.trim() !== "" : choice.claimId !== null) || stance !== null || note.trim() !== "";
  const reportDirty = useRef(onDirtyChange);
  useEffect(() => {
    reportDirty.current = onDirtyChange;
  });
  useEffect(() => reportDirty.current?.(dirty), [dirty]);

  const fail = (message: string, issues: TApiFailure["issues"] = []) => {
    setError({ message, issues });
    setBusy(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const newText = choice.kind === "new" ? choice.text.trim() : "";
    if (choice.kind === "existing" && !choice.claimId) return fail("Choose the claim this passage bears on, or write a new one.");
    if (choice.kind === "new" && !newText) return fail("Write the new claim in one sentence.");
    if (newText.length > MAX_CLAIM_LENGTH) return fail(`A claim is at most ${MAX_CLAIM_LENGTH} characters.`);
    if (!stance) return fail("Choose whether the passage supports, opposes or qualifies the claim.");
    setBusy(true);

    let claimId: string;
    let claimText: string;
    let created = false;
    if (choice.kind === "existing") {
      claimId = choice.claimId!;
      claimText = claims.find((c) => c.id === claimId)?.text ?? "";
    } else if (pendingClaim.current?.text === newText) {
      claimId = pendingClaim.current.id;
      claimText = newText;
    } else {
      const body = { text: newText };
      const made = await callApi<{ id: string; text: string }>(workspaceApi(slug, "/claims"), { method: "POST", body, idempotencyKey: keyFor(["claim", body]) });
      if (!made.ok) return fail(`The new claim could not be created: ${describeFailure(made)}`, made.issues);
      claimId = made.data.id;
      claimText = made.data.text;
      created = true;
    }

    const input: TEvidenceInput = { claimId, stance, voice, ...(note.trim() ? { note: note.trim() } : {}) };
    const result = await write(input, keyFor(["evidence", input]));
    if (result.ok) {
      pendingClaim.current = null;
      setBusy(false);
      onDone({ claimId, claimText, stance });
      return;
    }
    if (created || pendingClaim.current?.id === claimId) {
      if (result.status === 0) {
        // No answer: the evidence may exist. Keep the claim so that a retry completes it.
        pendingClaim.current = { text: newText, id: claimId };
      } else {
        pendingClaim.current = null;
        await callApi(workspaceApi(slug, `/claims/${claimId}`), { method: "DELETE" });
        return fail(`${describeFailure(result)} The new claim was not kept.`, result.issues);
      }
    }
    fail(describeFailure(result), result.issues);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" aria-describedby={error ? `${id}-error` : undefined}>
      <ClaimPicker claims={claims} value={choice} onChange={setChoice} exclude={exclude} testIdPrefix={testIdPrefix} />
      <StanceField name={`${id}-stance`} value={stance} onChange={setStance} testIdPrefix={`${testIdPrefix}-stance`} />
      <VoiceField name={`${id}-voice`} value={voice} onChange={setVoice} testIdPrefix={`${testIdPrefix}-voice`} />
      <NoteField value={note} onChange={setNote} testId={`${testIdPrefix}-note`} />
      <div id={`${id}-error`}>
        <FormError message={error?.message ?? null} issues={error?.issues} testId={`${testIdPrefix}-error`} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          data-testid={`${testIdPrefix}-submit`}
          disabled={busy}
          className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
        >
          {busy ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Cancel
        </button>
      </div>
    </form>
  );
}
