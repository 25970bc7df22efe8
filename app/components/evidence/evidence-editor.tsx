"use client";
import { ConflictButtons } from "../conflict-buttons";
import { useId, useState, type FormEvent } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { useLive } from "../live/live-context";
import { ReportedBadge } from "../reported-badge";
import { StanceLabel } from "../stance-label";
import { useMutation, type TSend } from "../use-mutation";
import { FormError, NoteField, StanceField, VoiceField } from "./evidence-fields";
import { basedOnShown, rememberVersion, versionFor } from "./versions";

export interface TEditableEvidence {
  id: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  version: number;
}

interface TValues {
  stance: TStance;
  voice: TVoice;
  note: string | null;
}

type TEvidenceRow = TValues & { version: number };

function isEvidenceRow(value: unknown): value is TEvidenceRow {
  return Boolean(value) && typeof value === "object" && typeof (value as TEvidenceRow).version === "number" && typeof (value as TEvidenceRow).stance === "string";
}

/**
 * Edits one evidence link's stance, voice and note. The edit carries the version it was based on;
 * if someone changed the link meanwhile, both versions are shown and nothing is overwritten until
 * the person chooses.
 */
export function EvidenceEditor({ slug, evidence, onClose }: { slug: string; evidence: TEditableEvidence; onClose: () => void }) {
  const id = useId();
  const live = useLive();
  const [stance, setStance] = useState<TStance>(evidence.stance);
  const [voice, setVoice] = useState<TVoice>(evidence.voice);
  const [note, setNote] = useState(evidence.note ?? "");
  const mutation = useMutation({ isConflict: isEvidenceRow });
  const conflict = mutation.conflict;
  // What the person saw when they started; a 409 is compared against it.
  const [shown] = useState<TValues>({ stance: evidence.stance, voice: evidence.voice, note: evidence.note });

  const mine = (): TValues => ({ stance, voice, note: note.trim() || null });

  const patch = (send: TSend, version: number) => send<TEvidenceRow>(workspaceApi(slug, `/evidence/${evidence.id}`), { method: "PATCH", body: { version, ...mine() } });

  /** A 409 about what the person saw (`compareWith`) is sent again with the current version; any other is the conflict shown. */
  const save = async (version: number, compareWith: TValues | null) => {
    const result = await mutation.perform(async (send) => {
      const first = await patch(send, version);
      if (first.ok || first.status !== 409 || !isEvidenceRow(first.current)) return first;
      rememberVersion(evidence.id, first.current.version);
      return compareWith && basedOnShown(first.current, compareWith) ? patch(send, first.current.version) : first;
    });
    if (!result?.ok) return;
    rememberVersion(evidence.id, result.data.version);
    live.refresh();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(versionFor(evidence.id, evidence.version), shown);
  };

  if (conflict) {
    return (
      <div data-testid="evidence-conflict" role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950/40">
        <p className="font-semibold text-slate-900 dark:text-slate-100">Someone changed this link while you were editing it.</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <EvidenceSummary title="Theirs (current)" values={conflict} />
          <EvidenceSummary title="Yours" values={mine()} />
        </div>
        <ConflictButtons
          busy={mutation.busy}
          onReapply={() => void save(conflict.version, null)}
          onDiscard={() => {
            live.refresh();
            onClose();
          }}
        />
      </div>
    );
  }

  return (
    <form onSubmit={submit} data-testid="evidence-editor" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <StanceField name={`${id}-stance`} value={stance} onChange={setStance} testIdPrefix="edit-stance" />
      <VoiceField name={`${id}-voice`} value={voice} onChange={setVoice} testIdPrefix="edit-voice" />
      <NoteField value={note} onChange={setNote} testId="edit-note" />
      <FormError message={mutation.error} issues={mutation.failure?.issues} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" data-testid="evidence-save" busy={mutation.busy} busyLabel="Saving…">
          Save
        </Button>
        <Button variant="quiet" size="sm" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function EvidenceSummary({ title, values }: { title: string; values: TValues }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</p>
      <div className="flex flex-wrap items-center gap-2">
        <StanceLabel stance={values.stance} />
        {values.voice === "REPORTED" ? <ReportedBadge /> : <span className="text-xs text-slate-600 dark:text-slate-400">Author’s own view</span>}
      </div>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{values.note || <span className="italic text-slate-500">No note</span>}</p>
    </div>
  );
}
