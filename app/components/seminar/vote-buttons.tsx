"use client";
import { useState } from "react";
import { VOTE_CHOICES, type TVoteChoice } from "@/lib/domain/types";
import { workspaceApi } from "../api";
import { useMutation } from "../use-mutation";
import { CHOICE_ICON, CHOICE_LABEL, CHOICE_PRESSED_CLASS } from "./vote-words";

/**
 * Agree / Disagree / Unsure as toggle buttons. `target` says where the answer goes: the caller's
 * vote on a claim (pressing the chosen one again withdraws it), or the open poll.
 */
export function VoteButtons({ slug, target, mine, size = "md", label }: { slug: string; target: { claimId: string } | "poll"; mine: TVoteChoice | null; size?: "md" | "lg"; label: string }) {
  const mutation = useMutation();
  const [chosen, setChosen] = useState<TVoteChoice | null>(mine);
  const [lastMine, setLastMine] = useState(mine);
  // The server's answer wins when it changes (another tab, or a refresh after a poll opened).
  if (mine !== lastMine) {
    setLastMine(mine);
    setChosen(mine);
  }

  async function choose(choice: TVoteChoice) {
    const withdraw = target !== "poll" && chosen === choice;
    const result =
      target === "poll"
        ? await mutation.run(workspaceApi(slug, "/session/poll/ballot"), { method: "POST", body: { choice } })
        : await mutation.run(workspaceApi(slug, `/claims/${target.claimId}/vote`), withdraw ? { method: "DELETE", body: {} } : { method: "PUT", body: { choice } });
    // The tally and the poll fetch themselves when the change's message arrives.
    if (result?.ok) setChosen(withdraw ? null : choice);
  }

  const pad = size === "lg" ? "px-4 py-2 text-base" : "px-3 py-1.5 text-sm";
  return (
    <div>
      <div role="group" aria-label={label} className="flex flex-wrap gap-2">
        {VOTE_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            data-testid="vote-button"
            data-choice={choice}
            aria-pressed={chosen === choice}
            disabled={mutation.busy}
            onClick={() => void choose(choice)}
            className={`inline-flex items-center gap-1.5 rounded-full border-2 border-slate-300 font-semibold text-slate-800 hover:border-slate-500 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 ${pad} ${CHOICE_PRESSED_CLASS[choice]}`}
          >
            <span aria-hidden="true">{CHOICE_ICON[choice]}</span>
            {CHOICE_LABEL[choice]}
          </button>
        ))}
      </div>
      {mutation.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {mutation.error}
        </p>
      ) : null}
    </div>
  );
}
