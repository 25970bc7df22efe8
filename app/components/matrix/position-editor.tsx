"use client";
import { ConflictButtons } from "../conflict-buttons";
import { useId, useState, type FormEvent } from "react";
import type { TResolvedPosition } from "@/lib/domain/position";
import { POSITION_STANCES, type TPositionStance } from "@/lib/domain/types";
import { workspaceApi, type TApiResult } from "../api";
import { Button } from "../button";
import { FormError, NoteField, fieldLegendClass } from "../evidence/evidence-fields";
import { basedOnShown, rememberVersion, versionFor } from "../evidence/versions";
import { useLive } from "../live/live-context";
import { PositionChip } from "../position-chip";
import { STANCE_LABEL } from "../stance";
import { useMutation, type TSend } from "../use-mutation";

interface TPositionRow {
  stance: TPositionStance;
  note: string | null;
  version: number;
  deletedAt?: string | null;
}

function isPositionRow(value: unknown): value is TPositionRow {
  return Boolean(value) && typeof value === "object" && typeof (value as TPositionRow).version === "number" && typeof (value as TPositionRow).stance === "string";
}

type TShown = { stance: TPositionStance; note: string | null } | null;

/** Sets or clears the hand-set position, as of `version` (none: there is no hand-set row yet). */
type TWrite = (send: TSend, version?: number) => Promise<TApiResult<TPositionRow>>;

type TMode =
  | { kind: "view" }
  /** `shown` is the hand-set position (or none) when editing began: a later change is a conflict. */
  | { kind: "edit"; shown: TShown }
  | { kind: "conflict"; current: TPositionRow; action: "set" | "clear" };

/**
 * An author's position on a claim set by hand (it then wins over the evidence), changed or
 * cleared. A write carries the hand-set row's version as the page (or this tab's last write) knew
 * it; a 409 whose current state is exactly what this person saw is re-sent with its version, and
 * any other 409 shows both versions.
 */
export function PositionEditor({ slug, claimId, authorId, authorName, position }: { slug: string; claimId: string; authorId: string; authorName: string; position: TResolvedPosition }) {
  const id = useId();
  const live = useLive();
  const key = `position:${claimId}:${authorId}`;
  const [mode, setMode] = useState<TMode>({ kind: "view" });
  const [stance, setStance] = useState<TPositionStance>(position.stance);
  const [note, setNote] = useState(position.note ?? "");
  const mutation = useMutation({ isConflict: isPositionRow });
  const shownNow: TShown = position.explicit ? { stance: position.stance, note: position.note } : null;

  const put: TWrite = (send, version) =>
    send<TPositionRow>(workspaceApi(slug, "/positions"), {
      method: "PUT",
      body: { claimId, authorId, stance, ...(note.trim() ? { note: note.trim() } : {}), ...(version !== undefined ? { version } : {}) },
    });
  const clear: TWrite = (send, version) => send<TPositionRow>(workspaceApi(slug, "/positions"), { method: "DELETE", body: { claimId, authorId, version } });

  /** Runs a write as of `version`; on a 409 about the state this person saw, once more with the current version. */
  const run = async (action: "set" | "clear", write: TWrite, version: number | undefined, shown: TShown) => {
    const result = await mutation.perform(async (send) => {
      const first = await write(send, version);
      if (first.ok || first.status !== 409 || !isPositionRow(first.current)) return first;
      rememberVersion(key, first.current.version);
      return shown && basedOnShown(first.current, shown) ? write(send, first.current.version) : first;
    });
    if (!result) return;
    if (result.ok) {
      rememberVersion(key, result.data.version);
      setMode({ kind: "view" });
      live.refresh();
    } else if (result.status === 409 && isPositionRow(result.current)) {
      setMode({ kind: "conflict", current: result.current, action });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode.kind !== "edit") return;
    void run("set", put, mode.shown ? versionFor(key, position.version) : undefined, mode.shown);
  };

  if (mode.kind === "conflict") {
    const theirs = mode.current.deletedAt ? null : mode.current;
    return (
      <div data-testid="position-conflict" role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950/30">
        <p className="font-semibold">Someone changed this position by hand while you were deciding.</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <div className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Theirs (current)</p>
            {theirs ? <PositionChip stance={theirs.stance} size="sm" /> : <span>Cleared (the evidence decides)</span>}
            {theirs?.note && <p className="mt-1">{theirs.note}</p>}
          </div>
          <div className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Yours</p>
            {mode.action === "clear" ? <span>Cleared (the evidence decides)</span> : <PositionChip stance={stance} size="sm" />}
            {mode.action === "set" && note.trim() && <p className="mt-1">{note.trim()}</p>}
          </div>
        </div>
        <ConflictButtons
          busy={mutation.busy}
          onReapply={() => {
            const v = mode.current.deletedAt ? undefined : mode.current.version;
            if (mode.action === "clear" && v === undefined) return setMode({ kind: "view" });
            void run(mode.action, mode.action === "clear" ? clear : put, v, null);
          }}
          onDiscard={() => {
            setMode({ kind: "view" });
            mutation.reset();
            live.refresh();
          }}
        />
      </div>
    );
  }

  if (mode.kind === "edit") {
    return (
      <form data-testid="position-editor" onSubmit={submit} className="flex max-w-xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-950">
        <fieldset>
          <legend className={fieldLegendClass}>{authorName}’s position, set by hand</legend>
          <div className="flex flex-wrap gap-2">
            {POSITION_STANCES.map((option) => (
              <label
                key={option}
                data-testid={`position-option-${option}`}
                className="cursor-pointer rounded-full p-0.5 ring-2 ring-transparent has-[:checked]:ring-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600 dark:has-[:checked]:ring-slate-100"
              >
                <input type="radio" name={`${id}-stance`} value={option} checked={stance === option} onChange={() => setStance(option)} className="sr-only" />
                <PositionChip stance={option} size="sm" />
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">The evidence alone says {STANCE_LABEL[position.derived]}.</p>
        </fieldset>
        <NoteField value={note} onChange={setNote} testId="position-note" />
        <FormError message={mutation.error} issues={mutation.failure?.issues} />
        <div className="flex gap-2">
          <Button type="submit" size="sm" data-testid="position-save" busy={mutation.busy} busyLabel="Saving…">
            Set position
          </Button>
          <Button variant="quiet" size="sm" onClick={() => setMode({ kind: "view" })}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="position-set"
        onClick={() => {
          setStance(position.stance);
          setNote(position.note ?? "");
          mutation.reset();
          setMode({ kind: "edit", shown: shownNow });
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-white dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {position.explicit ? "Change the position set by hand" : "Set position by hand"}
      </button>
      {position.explicit && (
        <button
          type="button"
          data-testid="position-clear"
          disabled={mutation.busy}
          onClick={() => void run("clear", clear, versionFor(key, position.version), shownNow)}
          className="rounded-md px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-white disabled:opacity-60 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          {mutation.busy ? "Clearing…" : "Clear — let the evidence decide"}
        </button>
      )}
      {mutation.failure && <FormError message={mutation.error} issues={mutation.failure.issues} />}
    </div>
  );
}
