import "server-only";
import { liveWhere } from "../../db/live-rows";
import type { TCommentTarget, TCommentTargetType } from "../../domain/comments";
import { notFound } from "../../errors/app-error";
import type { TTx } from "../mutation";

type TReader = Pick<TTx, "claim" | "excerpt" | "evidence">;

const NAME: Record<TCommentTargetType, string> = { claim: "Claim", excerpt: "Excerpt", evidence: "Evidence" };

/** The column of Comment that names a target of this type. */
export const TARGET_COLUMN = { claim: "claimId", excerpt: "excerptId", evidence: "evidenceId" } as const satisfies Record<TCommentTargetType, string>;

/** The target a stored comment is on. */
export function targetOf(row: { claimId: string | null; excerptId: string | null; evidenceId: string | null }): TCommentTarget {
  if (row.claimId) return { type: "claim", id: row.claimId };
  if (row.excerptId) return { type: "excerpt", id: row.excerptId };
  return { type: "evidence", id: row.evidenceId! };
}

/**
 * Checks that the target is live in the workspace: a claim not deleted; an excerpt not deleted,
 * in a source not deleted; an evidence link not deleted, with its claim and excerpt live. Anything
 * else (deleted, unknown, another workspace's) is a 404.
 */
export async function findCommentTarget(client: TReader, workspaceId: string, target: TCommentTarget): Promise<void> {
  const { id } = target;
  const found =
    target.type === "claim"
      ? await client.claim.findFirst({ where: { id, workspaceId, ...liveWhere.claim }, select: { id: true } })
      : target.type === "excerpt"
        ? await client.excerpt.findFirst({ where: { id, workspaceId, ...liveWhere.excerpt }, select: { id: true } })
        : await client.evidence.findFirst({ where: { id, workspaceId, ...liveWhere.evidence }, select: { id: true } });
  if (!found) throw notFound(NAME[target.type]);
}
