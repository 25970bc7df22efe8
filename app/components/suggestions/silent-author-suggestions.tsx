"use client";
import { Link } from "@/app/components/app-link";
import { useId, useRef, useState, type FormEvent } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import type { TSuggestedPassage, TSuggestions } from "@/lib/server/claims/suggest-passages";
import { workspaceApi } from "../api";
import { AuthorBadge, FALLBACK_ACCENT } from "../author-badge";
import { Button } from "../button";
import { FormError, NoteField, StanceField, VoiceField } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { PositionChip } from "../position-chip";
import { MarkedText, passageHref } from "../search/marked-text";
import { STANCE_LABEL } from "../stance";
import { useHydrated } from "../use-hydrated";
import { useMutation } from "../use-mutation";

interface TCited {
  author: string;
  stance: TStance;
  voice: TVoice;
}

/**
 * "Silent authors — passages to check": for each author with no position on the claim, the
 * passages of their sources that share the most of the claim's words, so a silent cell can be
 * checked rather than guessed. Members who may edit cite one in place; the page then refreshes
 * (the author's position changes, the passage leaves the list).
 */
export function SilentAuthorSuggestions({
  slug,
  claimId,
  suggestions,
  accents,
  canEdit,
}: {
  slug: string;
  claimId: string;
  suggestions: TSuggestions;
  /** Author id → accent colour, as everywhere else on the page. */
  accents: Record<string, string>;
  canEdit: boolean;
}) {
  const live = useLive();
  const heading = useRef<HTMLHeadingElement>(null);
  const [cited, setCited] = useState<TCited | null>(null);

  const onCited = (result: TCited) => {
    setCited(result);
    live.refresh();
    // The passage (and perhaps the author) leaves the list: keep the reader's place at the section.
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="suggestions-heading" data-testid="suggestions" className="mt-12 border-t border-slate-200 pt-8 dark:border-slate-800">
      <h2 id="suggestions-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        Silent authors — passages to check
      </h2>
      <p className="mt-1 max-w-[68ch] text-sm text-slate-600 dark:text-slate-400">
        Nothing of these authors is cited for this claim yet. Below are the passages of their sources that share the most of the claim’s words; read them before calling the
        author silent{canEdit ? ", and cite one as evidence if it bears on the claim" : ""}.
      </p>
      <div role="status" aria-live="polite">
        {cited && (
          <p data-testid="suggestion-cited" className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900">
            Cited a passage by {cited.author} as {STANCE_LABEL[cited.stance].toLowerCase()}
            {cited.voice === "REPORTED" ? " (reported view)" : ""}. The positions above are up to date.
          </p>
        )}
      </div>
      {suggestions.authors.length === 0 ? (
        <p className="mt-4 text-slate-600 dark:text-slate-400">No author is silent on this claim: each one’s position rests on cited evidence or was set by hand.</p>
      ) : (
        <div className="mt-6 flex flex-col gap-10">
          {suggestions.authors.map(({ author, passages }) => (
            <article key={author.id} data-testid="suggestion-author" data-author-id={author.id} aria-labelledby={`suggestions-${author.id}`}>
              <h3 id={`suggestions-${author.id}`} className="flex flex-wrap items-center gap-2">
                <AuthorBadge name={author.name} accent={accents[author.id] ?? FALLBACK_ACCENT} className="font-semibold" />
                <PositionChip stance="SILENT" size="sm" />
              </h3>
              {passages.length === 0 ? (
                <p data-testid="suggestion-none" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                  Nothing in {author.shortName}’s sources matches this claim’s words.
                </p>
              ) : (
                <ol className="mt-3 flex flex-col gap-6">
                  {passages.map((passage) => (
                    <SuggestedPassage key={`${passage.sourceId}:${passage.start}`} slug={slug} claimId={claimId} authorName={author.shortName} passage={passage} canEdit={canEdit} onCited={onCited} />
                  ))}
                </ol>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

function SuggestedPassage({
  slug,
  claimId,
  authorName,
  passage,
  canEdit,
  onCited,
}: {
  slug: string;
  claimId: string;
  authorName: string;
  passage: TSuggestedPassage;
  canEdit: boolean;
  onCited: (cited: TCited) => void;
}) {
  return (
    <li data-testid="suggested-passage" data-source-id={passage.sourceId} data-start={passage.start} data-end={passage.end} className="border-l-4 border-dashed border-slate-300 pl-4 dark:border-slate-600">
      <blockquote className="max-w-[68ch] whitespace-pre-line font-serif text-lg leading-relaxed text-slate-900 dark:text-slate-100">
        <MarkedText text={passage.text} marks={passage.marks} />
      </blockquote>
      <p className="mt-2 flex max-w-[68ch] flex-wrap items-baseline gap-x-2 text-sm text-slate-600 dark:text-slate-400">
        <cite className="italic">{passage.sourceTitle}</cite>
        <Link href={passageHref(slug, passage.sourceId, passage.start, passage.end)} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          Read in source<span className="sr-only">: {passage.sourceTitle}</span> →
        </Link>
      </p>
      {canEdit && <CiteSuggestion slug={slug} claimId={claimId} authorName={authorName} passage={passage} onCited={onCited} />}
    </li>
  );
}

/** "Cite as evidence": stance, voice (the author's own view unless said otherwise) and a note. */
function CiteSuggestion({ slug, claimId, authorName, passage, onCited }: { slug: string; claimId: string; authorName: string; passage: TSuggestedPassage; onCited: (cited: TCited) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const [stance, setStance] = useState<TStance | null>(null);
  const [voice, setVoice] = useState<TVoice>("AUTHOR");
  const [note, setNote] = useState("");
  const mutation = useMutation();
  const toggle = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    mutation.reset();
    toggle.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stance) return mutation.fail("Choose whether the passage supports, opposes or qualifies the claim.");
    const body = {
      sourceId: passage.sourceId,
      selector: { start: passage.start, end: passage.end, exact: passage.text, prefix: passage.prefix, suffix: passage.suffix },
      evidence: [{ claimId, stance, voice, ...(note.trim() ? { note: note.trim() } : {}) }],
    };
    const result = await mutation.run(workspaceApi(slug, "/excerpts"), { method: "POST", body });
    if (!result?.ok) return;
    setOpen(false);
    onCited({ author: authorName, stance, voice });
  };

  return (
    <div className="mt-3">
      <button
        ref={toggle}
        type="button"
        data-testid="cite-suggestion"
        // Until React handles events a press would be lost: say so rather than offer it.
        aria-disabled={hydrated ? undefined : true}
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => (open ? close() : setOpen(true))}
        className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:border-slate-500 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        {open ? "Close" : "Cite as evidence"}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          data-testid="cite-suggestion-form"
          aria-label={`Cite this passage by ${authorName} as evidence`}
          aria-describedby={mutation.failure ? `${id}-error` : undefined}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
          className="mt-3 flex max-w-xl flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
        >
          <StanceField name={`${id}-stance`} value={stance} onChange={setStance} testIdPrefix="suggestion-stance" />
          <VoiceField name={`${id}-voice`} value={voice} onChange={setVoice} testIdPrefix="suggestion-voice" />
          <NoteField value={note} onChange={setNote} testId="suggestion-note" />
          <div id={`${id}-error`}>
            <FormError message={mutation.error} issues={mutation.failure?.issues} testId="suggestion-error" />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" data-testid="suggestion-submit" busy={mutation.busy} busyLabel="Saving…">
              Cite passage
            </Button>
            <Button variant="quiet" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
