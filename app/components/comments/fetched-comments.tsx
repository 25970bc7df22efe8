"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TCommentList, TCommentTarget } from "@/lib/domain/comments";
import { callApi, describeFailure, workspaceApi, type TApiFailure } from "../api";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { CommentThreads } from "./comment-threads";

const QUERY = { claim: "claimId", excerpt: "excerptId", evidence: "evidenceId" } as const;

type TLoad = { status: "loading" } | { status: "error"; failure: TApiFailure } | { status: "ready"; list: TCommentList };

/**
 * The threads of a target that the page does not render itself (an evidence link's, a passage's
 * in the reader): fetched when shown, and again whenever the workspace changes, so they stay live.
 */
export function FetchedComments({ slug, target, about, compact = false, onDirty }: { slug: string; target: TCommentTarget; about: string; compact?: boolean; onDirty?: (dirty: boolean) => void }) {
  const { revision } = useLive();
  const [load, setLoad] = useState<TLoad>({ status: "loading" });
  const ticket = useRef(0);
  const { type, id } = target;

  const fetchList = useCallback(async () => {
    const mine = ++ticket.current;
    const result = await callApi<TCommentList>(workspaceApi(slug, `/comments?${QUERY[type]}=${encodeURIComponent(id)}`));
    // An older answer arriving after a newer one must not replace it.
    if (mine !== ticket.current) return;
    setLoad(result.ok ? { status: "ready", list: result.data } : { status: "error", failure: result });
  }, [slug, type, id]);

  useEffect(() => {
    void fetchList();
  }, [fetchList, revision]);

  if (load.status === "loading") {
    return (
      <p data-testid="comments-loading" className="text-sm text-slate-500 dark:text-slate-400">
        Loading the discussion…
      </p>
    );
  }
  if (load.status === "error") {
    return (
      <div className="flex flex-col gap-2">
        <FormError message={`The discussion could not be loaded. ${describeFailure(load.failure)}`} />
        <button type="button" onClick={() => void fetchList()} className="self-start rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium dark:border-slate-600">
          Try again
        </button>
      </div>
    );
  }
  return <CommentThreads slug={slug} list={load.list} about={about} compact={compact} onDirty={onDirty} onChanged={() => void fetchList()} />;
}
