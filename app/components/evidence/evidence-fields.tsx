"use client";
import { useId } from "react";
import { STANCES, VOICES, type TStance, type TVoice } from "@/lib/domain/types";
import { MAX_NOTE_LENGTH } from "@/lib/schemas/fields";
import { REPORTED_EXPLANATION } from "../reported-badge";
import { STANCE_DOT_CLASS, STANCE_ICON, STANCE_LABEL } from "../stance";

/**
 * Selected stance options take their stance's colour as a border and soft fill; the icon and the
 * word are always there, so the choice never rests on colour.
 */
const STANCE_OPTION_CLASS: Record<TStance, string> = {
  SUPPORTS: "has-[:checked]:border-supports has-[:checked]:bg-supports-soft",
  OPPOSES: "has-[:checked]:border-opposes has-[:checked]:bg-opposes-soft",
  QUALIFIES: "has-[:checked]:border-qualifies has-[:checked]:bg-qualifies-soft",
};

export const fieldLegendClass = "mb-1.5 text-sm font-semibold text-slate-800 dark:text-slate-200";

export function StanceField({ value, onChange, name, testIdPrefix = "stance" }: { value: TStance | null; onChange: (s: TStance) => void; name: string; testIdPrefix?: string }) {
  return (
    <fieldset>
      <legend className={fieldLegendClass}>Stance</legend>
      <div className="grid grid-cols-3 gap-2">
        {STANCES.map((stance) => (
          <label
            key={stance}
            data-testid={`${testIdPrefix}-${stance}`}
            className={`flex cursor-pointer items-center justify-center gap-1.5 rounded-lg border-2 border-slate-200 px-2 py-2 text-sm font-semibold text-slate-800 hover:border-slate-400 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600 dark:border-slate-700 dark:text-slate-100 ${STANCE_OPTION_CLASS[stance]}`}
          >
            <input type="radio" name={name} value={stance} checked={value === stance} onChange={() => onChange(stance)} className="sr-only" />
            <span aria-hidden="true" className={`inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[0.65rem] leading-none text-slate-950 ${STANCE_DOT_CLASS[stance]}`}>
              {STANCE_ICON[stance]}
            </span>
            {STANCE_LABEL[stance]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const VOICE_TEXT: Record<TVoice, { label: string; hint: string }> = {
  AUTHOR: { label: "Author’s own view", hint: "Counts towards the author’s position" },
  REPORTED: { label: "Reported view", hint: `${REPORTED_EXPLANATION}; shown, never counted` },
};

export function VoiceField({ value, onChange, name, testIdPrefix = "voice" }: { value: TVoice; onChange: (v: TVoice) => void; name: string; testIdPrefix?: string }) {
  return (
    <fieldset>
      <legend className={fieldLegendClass}>Voice</legend>
      <div className="grid gap-2">
        {VOICES.map((voice) => (
          <label
            key={voice}
            data-testid={`${testIdPrefix}-${voice}`}
            className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:border-slate-400 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-50 dark:border-slate-700 dark:has-[:checked]:border-slate-100 dark:has-[:checked]:bg-slate-800"
          >
            <input type="radio" name={name} value={voice} checked={value === voice} onChange={() => onChange(voice)} className="mt-0.5 accent-slate-900 dark:accent-slate-100" />
            <span>
              <span className="block font-medium text-slate-900 dark:text-slate-100">{VOICE_TEXT[voice].label}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">{VOICE_TEXT[voice].hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function NoteField({ value, onChange, testId = "note" }: { value: string; onChange: (v: string) => void; testId?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={fieldLegendClass + " block"}>
        Note <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>
      </label>
      <textarea
        id={id}
        data-testid={testId}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="Why this passage bears on the claim"
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      />
    </div>
  );
}

/** An error from the API, in words, tied to the form for screen readers. */
export function FormError({ message, issues = [], testId }: { message: string | null; issues?: { path: string; message: string }[]; testId?: string }) {
  if (!message) return null;
  return (
    <div role="alert" data-testid={testId} className="rounded-md border border-opposes bg-opposes-soft px-3 py-2 text-sm text-slate-900 dark:text-slate-100">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
