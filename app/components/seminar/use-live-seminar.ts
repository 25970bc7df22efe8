"use client";
import { useMemo } from "react";
import type { TSeminarView } from "@/lib/domain/seminar";
import type { TChangeMessage } from "@/lib/realtime/events";
import { workspaceApi } from "../api";
import { useLiveData } from "../live/use-live-data";

const isSessionMessage = (m: TChangeMessage) => m.entityType === "poll" || m.entityType === "seminar";

/**
 * The live session as the server rendered it, kept current on its own: ballots are quiet changes
 * that re-render no page, so the session's state is fetched again on every poll or session message.
 */
export function useLiveSeminar(slug: string, rendered: TSeminarView | null): TSeminarView | null {
  const initial = useMemo(() => ({ session: rendered }), [rendered]);
  return useLiveData(workspaceApi(slug, "/session"), initial, isSessionMessage).session;
}
