"use client";
import { useRouter } from "next/navigation";
import type { TSeminarView } from "@/lib/domain/seminar";
import { workspaceApi, type TApiOptions } from "../api";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

export interface TSeminarControls {
  busy: boolean;
  /** The last control's failure, in words; cleared by the next control. */
  error: string | null;
  step: (step: "next" | "previous") => Promise<void>;
  spotlight: (claimId: string) => Promise<void>;
  /** Closes the open poll, or opens one on the spotlighted claim. */
  togglePoll: () => Promise<void>;
  /** Hides the latest poll's result if shown, else reveals it. */
  toggleResult: () => Promise<void>;
  toggleLock: () => Promise<void>;
  /** Asks first; then ends the session for everyone and goes to its summary. */
  end: () => Promise<void>;
}

/**
 * The facilitator's controls of the live session, for the banner's buttons, the presentation's
 * strip and its keys alike. Each toggle acts on `seminar` as last rendered; failures are kept as
 * words to show, never thrown.
 */
export function useSeminarControls(slug: string, seminar: TSeminarView | null): TSeminarControls {
  const router = useRouter();
  const { refresh, status } = useLive();
  // One control at a time: a key pressed again before React re-renders with `busy` is ignored.
  const mutation = useMutation();

  async function run<T>(path: string, options: TApiOptions): Promise<T | null> {
    const result = await mutation.run<T>(workspaceApi(slug, path), options);
    if (!result?.ok) return null;
    // While the stream is live, the change's own message refreshes the page (once).
    if (status !== "live") refresh();
    return result.data;
  }

  const poll = seminar?.poll ?? null;
  const steer = async (body: object) => void (await run("/session", { method: "PATCH", body }));
  const updatePoll = async (action: "close" | "reveal" | "hide") => void (await run("/session/poll", { method: "PATCH", body: { action } }));
  return {
    busy: mutation.busy,
    error: mutation.error,
    step: (step) => steer({ step }),
    spotlight: (claimId) => steer({ spotlightClaimId: claimId }),
    togglePoll: async () => (poll?.open ? updatePoll("close") : void (await run("/session/poll", { method: "POST", body: {} }))),
    toggleResult: () => updatePoll(poll?.revealed ? "hide" : "reveal"),
    toggleLock: () => steer({ locked: !seminar?.locked }),
    end: async () => {
      if (!window.confirm("End the live session for everyone? A summary is kept.")) return;
      const ended = await run<{ id: string }>("/session/end", { method: "POST", body: {} });
      if (ended) router.push(`/w/${slug}/sessions/${ended.id}`);
    },
  };
}
