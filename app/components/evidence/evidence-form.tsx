"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { describeFailure, workspaceApi, type TApiResult } from "../api";
import { Button } from "../button";
import { localFailure } from "../mutation";
import { useMutation, type TSend } from "../use-mutation";
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
  /** Writes the evidence for a claim that exists (already, or just created by this form), through `send`. */
  write: (input: TEvidenceInput, send: TSend) => Promise<TApiResult<unknown>>;
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
  const mutation = useMutation();
  // A claim this form created whose evidence write got no answer: a retry reuses it.
  const pendingClaim = useRef<{ text: string; id: string; version: number } | null>(null);

  const dirty = (choice.kind === "new" ? choice.text.trim() !== "" : choice.claimId !== null) || stance !== null || note.trim() !== "";
  const reportDirty = useRef(onDirtyChange);
  useEffect(() => {
    reportDirty.current = onDirtyChange;
  });
  useEffect(() => reportDirty.current?.(dirty), [dirty]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const newText = choice.kind === "new" ? choice.text.trim() : "";
    if (choice.kind === "existing" && !choice.claimId) return mutation.fail("Choose the claim this passage bears on, or write a new one.");
    if (choice.kind === "new" && !newText) return mutation.fail("Write the new claim in one sentence.");
    if (newText.length > MAX_CLAIM_LENGTH) return mutation.fail(`A claim is at most ${MAX_CLAIM_LENGTH} characters.`);
    if (!stance) return mutation.fail("Choose whether the passage supports, opposes or qualifies the claim.");

    const result = await mutation.perform<TEvidenceFormResult>(async (send) => {
      // The claim this form creates now, or created for a retry of this submit; null: an existing one.
      let made: { id: string; text: string; version: number } | null = null;
      if (choice.kind === "new" && pendingClaim.current?.text === newText) {
        made = pendingClaim.current;
      } else if (choice.kind === "new") {
        const created = await send<{ id: string; text: string; version: number }>(workspaceApi(slug, "/claims"), { method: "POST", body: { text: newText } });
        if (!created.ok) return localFailure(`The new claim could not be created: ${describeFailure(created)}`, created.issues);
        made = { id: created.data.id, text: created.data.text, version: created.data.version };
      }
      const claimId = made ? made.id : choice.kind === "existing" ? choice.claimId! : "";
      const claimText = made ? made.text : (claims.find((c) => c.id === claimId)?.text ?? "");

      const input: TEvidenceInput = { claimId, stance, voice, ...(note.trim() ? { note: note.trim() } : {}) };
      const written = await write(input, send);
      if (written.ok) {
        pendingClaim.current = null;
        return { ...written, data: { claimId, claimText, stance } };
      }
      if (made && written.status === 0) {
        // No answer: the evidence may exist. Keep the claim so that a retry completes it.
        pendingClaim.current = made;
      } else if (made) {
        pendingClaim.current = null;
        await send(workspaceApi(slug, `/claims/${made.id}`), { method: "DELETE", body: { version: made.version } });
        return localFailure(`${describeFailure(written)} The new claim was not kept.`, written.issues);
      }
      return localFailure(describeFailure(written), written.issues);
    });
    if (result?.ok) onDone(result.data);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" aria-describedby={mutation.failure ? `${id}-error` : undefined}>
      <ClaimPicker claims={claims} value={choice} onChange={setChoice} exclude={exclude} testIdPrefix={testIdPrefix} />
      <StanceField name={`${id}-stance`} value={stance} onChange={setStance} testIdPrefix={`${testIdPrefix}-stance`} />
      <VoiceField name={`${id}-voice`} value={voice} onChange={setVoice} testIdPrefix={`${testIdPrefix}-voice`} />
      <NoteField value={note} onChange={setNote} testId={`${testIdPrefix}-note`} />
      <div id={`${id}-error`}>
        <FormError message={mutation.error} issues={mutation.failure?.issues} testId={`${testIdPrefix}-error`} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" data-testid={`${testIdPrefix}-submit`} busy={mutation.busy} busyLabel="Saving…">
          {submitLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
