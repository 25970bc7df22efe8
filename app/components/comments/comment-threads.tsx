"use client";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { TCommentList, TCommentThread, TCommentView } from "@/lib/domain/comments";
import { workspaceApi } from "../api";
import { SignInLink } from "../auth/sign-in-link";
import { Button } from "../button";
import { ConfirmButton } from "../confirm-button";
import { ConflictButtons } from "../conflict-buttons";
import { FormError } from "../evidence/evidence-fields";
import { rememberVersion, versionFor } from "../evidence/versions";
import { useLive } from "../live/live-context";
import { useMutation, type TSend } from "../use-mutation";
import { CommentForm } from "./comment-form";
import { CommentText } from "./comment-text";
import { CommentTime } from "./comment-time";

interface TThreadsProps {
  slug: string;
  list: TCommentList;
  /** After one's own change: fetch again (the page refresh follows for everyone). */
  onChanged?: () => void;
  /** Told whether any form here holds unsaved words. */
  onDirty?: (dirty: boolean) => void;
  /** What a new thread is about, for its label ("Start a thread on this claim"). */
  about: string;
  /** Smaller type and spacing, for a panel. */
  compact?: boolean;
}

type TRow = { version: number };

/**
 * The discussion of one claim, passage or evidence link: open threads first, resolved ones
 * folded to a line ("Resolved by …") that opens on request; a form to start a thread for those
 * who may comment. Everything is plain text rendered by React; links are the only markup.
 */
export function CommentThreads({ slug, list, onChanged, onDirty, about, compact = false }: TThreadsProps) {
  const { refresh, viewerId } = useLive();
  const dirtyForms = useRef(new Set<string>());
  const latestOnChanged = useRef(onChanged);
  latestOnChanged.current = onChanged;
  const changed = useCallback(() => {
    refresh();
    latestOnChanged.current?.();
  }, [refresh]);
  const reportDirty = useCallback(
    (formId: string, dirty: boolean) => {
      if (dirty) dirtyForms.current.add(formId);
      else dirtyForms.current.delete(formId);
      onDirty?.(dirtyForms.current.size > 0);
    },
    [onDirty],
  );
  const open = list.threads.filter((t) => !t.resolved);
  const resolved = list.threads.filter((t) => t.resolved);
  const { type, id } = list.target;
  const ctx = useMemo<TThreadContext>(() => ({ slug, target: { type, id }, changed, reportDirty, compact }), [slug, type, id, changed, reportDirty, compact]);

  return (
    <div data-testid="comment-threads" data-target-type={list.target.type} data-target-id={list.target.id} className={`flex flex-col ${compact ? "gap-4" : "gap-6"}`}>
      {list.threads.length === 0 ? (
        <p data-testid="comments-empty" className="text-sm text-slate-600 dark:text-slate-400">
          No comments yet{list.canComment ? " — start the discussion below." : "."}
        </p>
      ) : (
        <ol className={`flex flex-col ${compact ? "gap-4" : "gap-5"}`}>
          {[...open, ...resolved].map((thread) => (
            <li key={thread.id}>
              <Thread thread={thread} ctx={ctx} />
            </li>
          ))}
        </ol>
      )}
      <NewThread ctx={ctx} canComment={list.canComment} signedIn={viewerId !== null} about={about} />
    </div>
  );
}

interface TThreadContext {
  slug: string;
  target: TCommentList["target"];
  changed: () => void;
  reportDirty: (formId: string, dirty: boolean) => void;
  compact: boolean;
}

function useDirtyReporter(ctx: TThreadContext) {
  const formId = useId();
  const report = useCallback((dirty: boolean) => ctx.reportDirty(formId, dirty), [ctx, formId]);
  return report;
}

function NewThread({ ctx, canComment, signedIn, about }: { ctx: TThreadContext; canComment: boolean; signedIn: boolean; about: string }) {
  const onDirty = useDirtyReporter(ctx);
  if (!canComment) {
    return signedIn ? (
      <p className="text-sm text-slate-600 dark:text-slate-400">Your role in this workspace lets you read the discussion, not add to it.</p>
    ) : (
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
        <SignInLink /> to join the discussion.
      </p>
    );
  }
  return (
    <CommentForm
      label={`Start a thread ${about}`}
      submitLabel="Comment"
      testId="new-thread"
      onDirty={onDirty}
      onSubmit={async (body, send) => {
        const result = await send<TRow & { id: string }>(workspaceApi(ctx.slug, "/comments"), { method: "POST", body: { target: ctx.target, body } });
        if (result.ok) ctx.changed();
        return result;
      }}
    />
  );
}

function Thread({ thread, ctx }: { thread: TCommentThread; ctx: TThreadContext }) {
  const [expanded, setExpanded] = useState(false);
  const [replying, setReplying] = useState(false);
  const mutation = useMutation();
  const bodyId = useId();
  const replyButton = useRef<HTMLButtonElement>(null);
  const onDirty = useDirtyReporter(ctx);
  const folded = thread.resolved !== null && !expanded;

  // A thread resolved while its reply form was open keeps it; one reopened shows itself.
  useEffect(() => {
    if (!thread.resolved) setExpanded(false);
  }, [thread.resolved]);

  const setResolved = async (resolved: boolean) => {
    const result = await mutation.run<TRow>(workspaceApi(ctx.slug, `/comments/${thread.id}/resolve`), { method: "POST", body: { version: versionFor(thread.id, thread.version), resolved } });
    if (!result?.ok) return;
    rememberVersion(thread.id, result.data.version);
    setExpanded(false);
    ctx.changed();
  };

  const resolveButton = thread.canResolve && (
    <Button variant="quiet" size="xs" data-testid={thread.resolved ? "thread-reopen" : "thread-resolve"} disabled={mutation.busy} onClick={() => void setResolved(!thread.resolved)}>
      {thread.resolved ? "Reopen" : "Resolve"}
      <span className="sr-only"> the thread</span>
    </Button>
  );

  return (
    <article
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved ? "true" : undefined}
      aria-label={thread.resolved ? "Resolved thread" : "Thread"}
      className={`rounded-lg border ${thread.resolved ? "border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60" : "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"} ${ctx.compact ? "p-3" : "p-4"}`}
    >
      {thread.resolved && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span data-testid="thread-resolved-by" className="inline-flex items-start gap-1.5 font-medium text-slate-700 dark:text-slate-300">
            <span aria-hidden="true" className="mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-slate-600 text-[0.65rem] text-white dark:bg-slate-400 dark:text-slate-950">
              ✓
            </span>
            <span>
              Resolved by {thread.resolved.by?.name ?? "someone"} · <CommentTime iso={thread.resolved.at} />
            </span>
          </span>
          {folded && (
            <span className="min-w-0 flex-1 truncate text-slate-500 dark:text-slate-400">
              {thread.body ?? "Deleted comment"}
              {thread.replies.length > 0 && ` · ${thread.replies.length} ${thread.replies.length === 1 ? "reply" : "replies"}`}
            </span>
          )}
          <Button variant="quiet" size="xs" data-testid="thread-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((e) => !e)}>
            {expanded ? "Hide" : "Show"}
            <span className="sr-only"> the resolved thread</span>
          </Button>
          {resolveButton}
        </div>
      )}
      <div id={bodyId} hidden={folded} className={thread.resolved ? "mt-3" : undefined}>
        <CommentItem comment={thread} ctx={ctx} />
        {thread.replies.length > 0 && (
          <ol aria-label="Replies" className={`mt-3 flex flex-col gap-3 border-l-2 border-slate-200 dark:border-slate-700 ${ctx.compact ? "pl-3" : "pl-4 sm:ml-2"}`}>
            {thread.replies.map((reply) => (
              <li key={reply.id}>
                <CommentItem comment={reply} ctx={ctx} />
              </li>
            ))}
          </ol>
        )}
        {replying ? (
          <div className={`mt-3 ${ctx.compact ? "" : "sm:ml-2 sm:pl-4"}`}>
            <CommentForm
              label="Your reply"
              submitLabel="Reply"
              testId="reply-form"
              autoFocus
              onDirty={onDirty}
              onCancel={() => {
                setReplying(false);
                requestAnimationFrame(() => replyButton.current?.focus());
              }}
              onSubmit={async (body, send) => {
                const result = await send(workspaceApi(ctx.slug, "/comments"), { method: "POST", body: { target: ctx.target, body, parentId: thread.id } });
                if (result.ok) {
                  setReplying(false);
                  ctx.changed();
                  requestAnimationFrame(() => replyButton.current?.focus());
                }
                return result;
              }}
            />
          </div>
        ) : (
          (thread.canReply || (thread.canResolve && !thread.resolved)) && (
            <div className="mt-2 -ml-2 flex flex-wrap items-center gap-1">
              {thread.canReply && (
                <Button ref={replyButton} variant="quiet" size="xs" data-testid="thread-reply" onClick={() => setReplying(true)}>
                  Reply
                </Button>
              )}
              {!thread.resolved && resolveButton}
            </div>
          )
        )}
      </div>
      <FormError message={mutation.error} issues={mutation.failure?.issues} />
    </article>
  );
}

type TMode = { kind: "view" } | { kind: "edit" } | { kind: "conflict"; current: { body: string | null; version: number; deletedAt: string | null }; draft: string };

function CommentItem({ comment, ctx }: { comment: TCommentView; ctx: TThreadContext }) {
  const [mode, setMode] = useState<TMode>({ kind: "view" });
  const mutation = useMutation();
  const editButton = useRef<HTMLButtonElement>(null);
  const onDirty = useDirtyReporter(ctx);

  const backToView = () => {
    setMode({ kind: "view" });
    requestAnimationFrame(() => editButton.current?.focus());
  };

  /** Null when the edit collided with another change: the conflict is shown instead. */
  const save = async (send: TSend, body: string, version: number) => {
    const result = await send<TRow>(workspaceApi(ctx.slug, `/comments/${comment.id}`), { method: "PATCH", body: { version, body } });
    if (result.ok) {
      rememberVersion(comment.id, result.data.version);
      backToView();
      ctx.changed();
      return result;
    }
    const current = result.current as { body?: unknown; version?: unknown; deletedAt?: unknown } | undefined;
    if (result.status === 409 && current && typeof current.version === "number") {
      setMode({ kind: "conflict", current: { body: typeof current.body === "string" ? current.body : null, version: current.version, deletedAt: typeof current.deletedAt === "string" ? current.deletedAt : null }, draft: body });
      return null;
    }
    return result;
  };

  const remove = async () => {
    const result = await mutation.run(workspaceApi(ctx.slug, `/comments/${comment.id}`), { method: "DELETE", body: { version: versionFor(comment.id, comment.version) } });
    if (result?.ok) ctx.changed();
  };

  if (comment.deleted) {
    return (
      <p data-testid="comment" data-comment-id={comment.id} data-deleted="true" className="text-sm italic text-slate-500 dark:text-slate-400">
        This comment was deleted.
      </p>
    );
  }

  return (
    <div data-testid="comment" data-comment-id={comment.id} data-mine={comment.mine ? "true" : undefined}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span data-testid="comment-author" className="font-semibold text-slate-900 dark:text-slate-100">
          {comment.author?.name}
        </span>
        {comment.author?.importedBy && <span className="text-xs text-slate-500 dark:text-slate-400">(imported by {comment.author.importedBy})</span>}
        <span className="text-xs text-slate-500 dark:text-slate-400">
          <CommentTime iso={comment.createdAt} />
          {comment.editedAt && (
            <span data-testid="comment-edited" title={`Edited ${comment.editedAt}`}>
              {" "}
              · edited
            </span>
          )}
        </span>
      </p>
      {mode.kind === "edit" ? (
        <div className="mt-2">
          <CommentForm label="Edit your comment" submitLabel="Save" testId="comment-edit-form" initial={comment.body ?? ""} autoFocus onDirty={onDirty} onCancel={backToView} onSubmit={(body, send) => save(send, body, versionFor(comment.id, comment.version))} />
        </div>
      ) : mode.kind === "conflict" ? (
        <div data-testid="comment-conflict" role="group" aria-label="Edit conflict" className="mt-2 rounded-md border-2 border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950/30">
          <p className="font-semibold text-slate-900 dark:text-slate-100">This comment changed since you started editing it.</p>
          {mode.current.deletedAt ? (
            <p className="mt-1">It has been deleted meanwhile; your text is kept below so you can copy it.</p>
          ) : (
            <>
              <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Now</p>
              <p className="whitespace-pre-wrap break-words text-slate-900 dark:text-slate-100">{mode.current.body}</p>
            </>
          )}
          <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Yours</p>
          <p className="whitespace-pre-wrap break-words text-slate-900 dark:text-slate-100">{mode.draft}</p>
          <FormError message={mutation.error} issues={mutation.failure?.issues} />
          {mode.current.deletedAt ? (
            <Button variant="quiet" size="xs" onClick={backToView} className="mt-2">
              Close
            </Button>
          ) : (
            <ConflictButtons
              busy={mutation.busy}
              onReapply={() => void mutation.perform((send) => save(send, mode.draft, mode.current.version))}
              onDiscard={() => {
                backToView();
                ctx.changed();
              }}
            />
          )}
        </div>
      ) : (
        <>
          <div data-testid="comment-body" className={`mt-1 max-w-[70ch] whitespace-pre-wrap break-words text-slate-800 dark:text-slate-200 ${ctx.compact ? "text-sm leading-relaxed" : "leading-relaxed"}`}>
            <CommentText text={comment.body ?? ""} />
          </div>
          {(comment.canEdit || comment.canDelete) && (
            <div className="mt-1 -ml-2 flex flex-wrap items-center gap-1">
              {comment.canEdit && (
                <Button
                  ref={editButton}
                  variant="quiet"
                  size="xs"
                  data-testid="comment-edit"
                  onClick={() => {
                    mutation.reset();
                    setMode({ kind: "edit" });
                  }}
                >
                  Edit<span className="sr-only"> your comment</span>
                </Button>
              )}
              {comment.canDelete && <ConfirmButton label="Delete" confirmLabel="Delete" question="Delete this comment?" testId="comment-delete" busy={mutation.busy} onConfirm={() => void remove()} />}
            </div>
          )}
          <FormError message={mutation.error} issues={mutation.failure?.issues} />
        </>
      )}
    </div>
  );
}
