"use client";
import { useId, useRef, useState } from "react";
import type { TAnchoring } from "@/lib/anchoring/anchor-quote";
import { MAX_QUOTE_LENGTH } from "@/lib/schemas/fields";
import { workspaceApi } from "../api";
import type { TClaimOption } from "../evidence/claim-picker";
import { EvidenceForm, type TEvidenceInput } from "../evidence/evidence-form";
import { useLive } from "../live/live-context";
import { localFailure } from "../mutation";
import type { TSend } from "../use-mutation";
import { describeAnchoring } from "./approximate-anchor";

interface TPlaced {
  excerptId: string;
  anchoring: TAnchoring;
}

const HOW: Record<TAnchoring["method"], string> = {
  exact: "Placed exactly.",
  normalised: "Placed — the same words, with other spaces, line breaks, quotation marks or dashes.",
  fuzzy: "",
};

/**
 * Cite a quote by pasting it (from a PDF, a web page, notes): the server places it in this source
 * — exactly, after normalising, or approximately — and the answer says which, with a link to the
 * passage. A quote it cannot place, or finds in several places, is refused with the reason.
 */
export function QuoteCite({ slug, sourceId, claims }: { slug: string; sourceId: string; claims: TClaimOption[] }) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const [quote, setQuote] = useState("");
  const [placed, setPlaced] = useState<TPlaced | null>(null);
  const [formKey, setFormKey] = useState(0);
  const live = useLive();

  const write = async (input: TEvidenceInput, send: TSend) => {
    if (!quote.trim()) return localFailure("Paste the quote to cite first.");
    const result = await send<{ id: string; anchoring: TAnchoring }>(workspaceApi(slug, "/excerpts"), { method: "POST", body: { sourceId, selector: { exact: quote }, evidence: [input] } });
    if (result.ok) setPlaced({ excerptId: result.data.id, anchoring: result.data.anchoring });
    return result;
  };

  return (
    <details ref={details} className="no-print mt-8 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="quote-cite">
      <summary className="cursor-pointer font-semibold">Cite a quote by pasting it</summary>
      <div className="mt-3 flex flex-col gap-4">
        <label htmlFor={`${id}-quote`} className="block">
          <span className="block text-slate-600 dark:text-slate-400">The quote, as copied — line breaks, curly quotes and small typos are fine</span>
          <textarea
            id={`${id}-quote`}
            data-testid="quote-cite-text"
            value={quote}
            maxLength={MAX_QUOTE_LENGTH}
            rows={4}
            onChange={(event) => {
              setQuote(event.target.value);
              setPlaced(null);
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 font-serif text-base leading-snug dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <EvidenceForm
          key={formKey}
          slug={slug}
          claims={claims}
          submitLabel="Place and cite"
          testIdPrefix="quote-cite"
          write={write}
          onDone={() => {
            setQuote("");
            setFormKey((k) => k + 1);
            live.refresh();
          }}
          onCancel={() => {
            setQuote("");
            setPlaced(null);
            if (details.current) details.current.open = false;
          }}
        />
        <div role="status" aria-live="polite">
          {placed && (
            <p data-testid="quote-cite-placed" data-method={placed.anchoring.method} className={placed.anchoring.method === "fuzzy" ? "text-amber-800 dark:text-amber-300" : "text-slate-700 dark:text-slate-300"}>
              {placed.anchoring.method === "fuzzy" ? `Cited, ${describeAnchoring(placed.anchoring)}: check it is the passage you meant.` : `Cited. ${HOW[placed.anchoring.method]}`}{" "}
              <a href={`#excerpt-${placed.excerptId}`} className="text-sky-700 underline underline-offset-2 dark:text-sky-400">
                Show the passage
              </a>
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
