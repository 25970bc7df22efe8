/**
 * A small generated map (bench/generate-large.ts) where people have deleted things: rows
 * soft-deleted in every table that has `deletedAt`, and live rows whose parent is deleted — the
 * excerpts and evidence of a deleted source, the evidence, links and positions of a deleted claim,
 * the evidence of a deleted excerpt. Tests of what "live" means read it.
 */
import { generateLargeWorkspace } from "../../bench/generate-large";
import { db } from "../db/client";

export interface TMapWithDeletions {
  workspaceId: string;
  /** The rows deleted, by table. */
  deleted: { source: string; claim: string; excerpt: string; evidence: string; link: string; position: string; comment: string };
  /** Rows not deleted themselves, under a deleted parent. */
  orphaned: { excerptOfSource: string; evidenceOfSource: string; evidenceOfClaim: string; evidenceOfExcerpt: string; linkOfClaim: string; positionOfClaim: string };
}

const SHAPE = { authors: 4, sourcesPerAuthor: 2, sourceChars: 3_000, claims: 30, excerpts: 240, evidence: 480, claimLinks: 40 };

export async function generateMapWithDeletions(slug: string): Promise<TMapWithDeletions> {
  const { workspaceId } = await generateLargeWorkspace(process.env.DATABASE_URL!, { slug, seed: 11, shape: SHAPE });
  const prisma = db();
  const [source] = await prisma.source.findMany({ where: { workspaceId }, orderBy: { title: "asc" }, take: 1 });
  const [claim] = await prisma.claim.findMany({ where: { workspaceId }, orderBy: { rank: "asc" }, skip: 2, take: 1 });
  const [excerpt] = await prisma.excerpt.findMany({ where: { workspaceId, sourceId: { not: source.id }, evidence: { some: { claimId: { not: claim.id } } } }, orderBy: { start: "asc" }, take: 1 });
  const rest = { claimId: { not: claim.id }, excerptId: { not: excerpt.id }, excerpt: { sourceId: { not: source.id } } };
  const [evidence] = await prisma.evidence.findMany({ where: { workspaceId, ...rest }, orderBy: { id: "asc" }, take: 1 });
  const [link] = await prisma.claimLink.findMany({ where: { workspaceId, fromClaimId: { not: claim.id }, toClaimId: { not: claim.id } }, orderBy: { id: "asc" }, take: 1 });
  const [comment] = await prisma.comment.findMany({ where: { workspaceId, deletedAt: null, parentId: null, claimId: { not: null, notIn: [claim.id] } }, orderBy: { id: "asc" }, take: 1 });

  // Hand-set positions: one to delete, one on the claim to delete, and some that stay.
  const [other] = await prisma.claim.findMany({ where: { workspaceId, id: { not: claim.id } }, orderBy: { rank: "asc" }, take: 1 });
  const authors = await prisma.author.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
  const position = await prisma.position.create({ data: { workspaceId, claimId: other.id, authorId: authors[0].id, stance: "MIXED", note: "set by hand, then removed" } });
  const positionOfClaim = await prisma.position.create({ data: { workspaceId, claimId: claim.id, authorId: authors[1].id, stance: "OPPOSES" } });
  await prisma.position.create({ data: { workspaceId, claimId: other.id, authorId: authors[1].id, stance: "QUALIFIES", note: "set by hand" } });

  const orphaned = {
    excerptOfSource: (await prisma.excerpt.findFirstOrThrow({ where: { sourceId: source.id } })).id,
    evidenceOfSource: (await prisma.evidence.findFirstOrThrow({ where: { excerpt: { sourceId: source.id }, claimId: { not: claim.id } } })).id,
    evidenceOfClaim: (await prisma.evidence.findFirstOrThrow({ where: { claimId: claim.id, excerptId: { not: excerpt.id }, excerpt: { sourceId: { not: source.id } } } })).id,
    evidenceOfExcerpt: (await prisma.evidence.findFirstOrThrow({ where: { excerptId: excerpt.id, claimId: { not: claim.id } } })).id,
    linkOfClaim: (await prisma.claimLink.create({ data: { workspaceId, fromClaimId: other.id, toClaimId: claim.id, relation: "OPPOSES" } })).id,
    positionOfClaim: positionOfClaim.id,
  };

  const now = new Date();
  const gone = { deletedAt: now };
  await prisma.source.update({ where: { id: source.id }, data: gone });
  await prisma.claim.update({ where: { id: claim.id }, data: gone });
  await prisma.excerpt.update({ where: { id: excerpt.id }, data: gone });
  await prisma.evidence.update({ where: { id: evidence.id }, data: gone });
  await prisma.claimLink.update({ where: { id: link.id }, data: gone });
  await prisma.position.update({ where: { id: position.id }, data: gone });
  await prisma.comment.update({ where: { id: comment.id }, data: gone });
  return {
    workspaceId,
    deleted: { source: source.id, claim: claim.id, excerpt: excerpt.id, evidence: evidence.id, link: link.id, position: position.id, comment: comment.id },
    orphaned,
  };
}
