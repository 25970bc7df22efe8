"use client";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { fieldLegendClass } from "./evidence-fields";

export interface TClaimOption {
  id: string;
  text: string;
}

export type TClaimChoice = { kind: "existing"; claimId: string | null } | { kind: "new"; text: string };

const SHOWN = 60;

/** Lower case, accents removed: "Kazakhstan’s" is found by "kazakhstans" too. */
function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’'`]/g, "")
    .toLowerCase();
}

/**
 * Choose the claim a passage is evidence for: search the workspace's claims, or write a new one.
 * A radio list rather than a custom combobox, so keyboard and screen readers work as usual.
 */
export function ClaimPicker({
  claims,
  value,
  onChange,
  exclude = [],
  testIdPrefix = "cite",
}: {
  claims: TClaimOption[];
  value: TClaimChoice;
  onChange: (choice: TClaimChoice) => void;
  /** Claims the passage already backs; they cannot be chosen again. */
  exclude?: string[];
  testIdPrefix?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return claims.filter((c) => !exclude.includes(c.id) && words.every((w) => fold(c.text).includes(w)));
  }, [claims, exclude, query]);
  const shown = matches.slice(0, SHOWN);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter picks the first match instead of submitting a form with no claim chosen.
    if (event.key === "Enter") {
      event.preventDefault();
      if (shown[0]) onChange({ kind: "existing", claimId: shown[0].id });
    }
  };

  return (
    <fieldset>
      <legend className={fieldLegendClass}>Claim</legend>
      <div role="radiogroup" aria-label="Attach to" className="mb-2 inline-flex rounded-lg border border-slate-300 p-0.5 text-sm dark:border-slate-700">
        {(["existing", "new"] as const).map((kind) => (
          <label
            key={kind}
            data-testid={`${testIdPrefix}-claim-mode-${kind}`}
            className="cursor-pointer rounded-md px-3 py-1 font-medium text-slate-600 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 dark:text-slate-300 dark:has-[:checked]:bg-slate-100 dark:has-[:checked]:text-slate-900"
          >
            <input
              type="radio"
              name={`${id}-mode`}
              className="sr-only"
              checked={value.kind === kind}
              onChange={() => onChange(kind === "new" ? { kind: "new", text: "" } : { kind: "existing", claimId: null })}
            />
            {kind === "existing" ? "Existing claim" : "New claim"}
          </label>
        ))}
      </div>

      {value.kind === "new" ? (
        <div>
          <label htmlFor={`${id}-new`} className="sr-only">
            The new claim
          </label>
          <textarea
            id={`${id}-new`}
            data-testid={`${testIdPrefix}-new-claim-text`}
            rows={2}
            maxLength={MAX_CLAIM_LENGTH}
            value={value.text}
            onChange={(e) => onChange({ kind: "new", text: e.target.value })}
            placeholder="The contested proposition, in one sentence"
            aria-describedby={`${id}-new-count`}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          />
          <p id={`${id}-new-count`} className="mt-1 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">
            {value.text.length} / {MAX_CLAIM_LENGTH}
          </p>
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-search`} className="sr-only">
            Search the claims
          </label>
          <input
            id={`${id}-search`}
            type="search"
            data-testid={`${testIdPrefix}-claim-search`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            placeholder={`Search ${claims.length} claims…`}
            autoComplete="off"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          />
          <div role="radiogroup" aria-label="Claims" className="mt-2 max-h-44 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
            {shown.length === 0 ? (
              <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
                {claims.length === 0 ? "No claims yet — write a new one." : "No claim matches — try other words, or write a new claim."}
              </p>
            ) : (
              shown.map((claim) => (
                <label
                  key={claim.id}
                  data-testid={`${testIdPrefix}-claim-option`}
                  data-claim-id={claim.id}
                  className="flex cursor-pointer items-start gap-2 border-b border-slate-100 px-3 py-1.5 text-sm leading-snug last:border-b-0 hover:bg-slate-50 has-[:checked]:bg-sky-50 has-[:checked]:font-medium dark:border-slate-800 dark:hover:bg-slate-800 dark:has-[:checked]:bg-sky-950"
                >
                  <input
                    type="radio"
                    name={`${id}-claim`}
                    value={claim.id}
                    checked={value.claimId === claim.id}
                    onChange={() => onChange({ kind: "existing", claimId: claim.id })}
                    className="mt-0.5 shrink-0 accent-sky-700"
                  />
                  <span className="text-slate-800 dark:text-slate-200">{claim.text}</span>
                </label>
              ))
            )}
            {matches.length > shown.length && (
              <p className="px-3 py-1.5 text-xs text-slate-500 dark:text-slate-400">{matches.length - shown.length} more — type to narrow the list.</p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}
