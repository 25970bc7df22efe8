import "server-only";
import { randomUUID } from "node:crypto";
import { parsePublished } from "../../domain/dates";
import { tidyPageStarts } from "../../domain/pages";
import { MAX_SOURCE_PAGES } from "../../schemas/sources";
import { AppError } from "../../errors/app-error";
import { checkNativeDocument } from "../../import/native/check-native-document";
import { placeNativeExcerpts } from "../../import/native/place-native-excerpts";
import type { TNativeDocument } from "../../schemas/native-document";
import type { TViewer } from "../authorize";
import { transact } from "../mutation";
import { createWorkspace } from "../workspaces/create-workspace";

/** Rows per INSERT: large maps go in a few dozen statements instead of one per row. */
const BATCH = 2000;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** The document's slug, or the first free one after it ("sco-debate-2"). */
/** How long the one transaction of an import may run. */
const IMPORT_TIMEOUT_MS = 180_000;

/**
 * Imports a native document as a new workspace owned by the caller: checked first (422 with the
 * path of every problem, nothing written), then written in one transaction with fresh ids, so it
 * lands whole or not at all. One `workspace.imported` event records it. Comments are the
 * importer's, with the names of who wrote and resolved them kept; their times are kept too.
 * An excerpt keeps how it was placed (`anchoring`) unless it had to be placed again by its quote;
 * an orphan is stored orphaned again, from now, with its reason (its earlier text is not in the
 * document, so it belongs to no revision) and, like any orphan, counts in no position.
 */
export async function importNativeDocument(viewer: TViewer, given: TNativeDocument, idempotency: Parameters<typeof transact>[0]["idempotency"], format: "json" | "aif" | "kialo" = "json") {
  // A quote from another rendering of the text (another tool, an edited copy) is placed by its words.
  const { doc, anchoring } = placeNativeExcerpts(given);
  const issues = checkNativeDocument(doc);
  if (issues.length > 0) {
    throw new AppError("UNPROCESSABLE", `The document cannot be imported: ${issues.length === 1 ? "1 problem" : `${issues.length} problems`}, first at ${issues[0].path}: ${issues[0].message}.`, { issues });
  }
  // A 40 MB document is hundreds of thousands of rows: more than a change's 20 s.
  return transact({ viewer, idempotency, timeoutMs: IMPORT_TIMEOUT_MS }, async (tx, record) => {
    const imported = new Date();
    const workspace = await createWorkspace(tx, viewer, { title: doc.workspace.title, slug: doc.workspace.slug, visibility: doc.workspace.visibility, description: doc.workspace.description }, record);
    const workspaceId = workspace.id;
    const newId = new Map<string, string>();
    // Each list has its own id space in the document; prefix keeps an author and a claim that
    // happen to share an id apart.
    const map = (kind: string, id: string) => {
      const key = `${kind}:${id}`;
      let value = newId.get(key);
      if (!value) newId.set(key, (value = randomUUID()));
      return value;
    };
    await inBatches(doc.authors, (rows) =>
      tx.author.createMany({ data: rows.map((a) => ({ id: map("author", a.id), workspaceId, name: a.name, shortName: a.shortName, affiliation: a.affiliation })) }),
    );
    for (const s of doc.sources) {
      // One at a time: texts may be large, and a batch of them would make one huge statement.
      const published = parsePublished(s.published)!;
      await tx.source.create({
        data: {
          id: map("source", s.id),
          workspaceId,
          authorId: map("author", s.authorId),
          title: s.title,
          publication: s.publication,
          publishedOn: published.date,
          publishedPrecision: published.precision,
          publishedNote: s.publishedNote,
          url: s.url,
          text: s.text,
          pageStarts: tidyPageStarts(s.pages, s.text.length, MAX_SOURCE_PAGES),
          format: s.format ?? "text",
        },
        select: { id: true },
      });
    }
    await inBatches(
      doc.claims.map((c, rank) => ({ c, rank })),
      (rows) => tx.claim.createMany({ data: rows.map(({ c, rank }) => ({ id: map("claim", c.id), workspaceId, text: c.text, tags: c.tags, rank: rank + 1, createdById: viewer.userId })) }),
    );
    await inBatches(doc.claimLinks, (rows) =>
      tx.claimLink.createMany({
        data: rows.map((l) => ({ id: map("link", l.id), workspaceId, fromClaimId: map("claim", l.fromClaimId), toClaimId: map("claim", l.toClaimId), relation: l.relation, createdById: viewer.userId })),
      }),
    );
    await inBatches(doc.excerpts, (rows) =>
      tx.excerpt.createMany({
        data: rows.map((x) => {
          const placed = anchoring.get(x.id) ?? x.anchoring ?? { method: "exact", score: 1 };
          return {
            id: map("excerpt", x.id),
            workspaceId,
            sourceId: map("source", x.sourceId),
            start: x.start,
            end: x.end,
            exact: x.exact,
            prefix: x.prefix,
            suffix: x.suffix,
            anchorMethod: placed.method,
            anchorScore: placed.score,
            orphanedAt: x.orphaned ? imported : null,
            orphanReason: x.orphaned?.reason ?? null,
            createdById: viewer.userId,
          };
        }),
      }),
    );
    await inBatches(doc.evidence, (rows) =>
      tx.evidence.createMany({
        data: rows.map((e) => ({ id: map("evidence", e.id), workspaceId, excerptId: map("excerpt", e.excerptId), claimId: map("claim", e.claimId), stance: e.stance, voice: e.voice, note: e.note, createdById: viewer.userId })),
      }),
    );
    await inBatches(doc.positions, (rows) =>
      tx.position.createMany({
        data: rows.map((p) => ({ workspaceId, claimId: map("claim", p.claimId), authorId: map("author", p.authorId), stance: p.stance, note: p.note, setById: viewer.userId })),
      }),
    );
    // Thread starts before replies, so every reply's thread exists when it is written.
    const comments = [...(doc.comments ?? [])].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    await inBatches(comments, (rows) =>
      tx.comment.createMany({
        data: rows.map((c) => ({
          id: map("comment", c.id),
          workspaceId,
          [c.target.type === "claim" ? "claimId" : c.target.type === "excerpt" ? "excerptId" : "evidenceId"]: map(c.target.type, c.target.id),
          parentId: c.parentId ? map("comment", c.parentId) : null,
          authorId: viewer.userId,
          importedAuthorName: c.author,
          // A deleted thread start is kept for its replies, without its words.
          body: c.body ?? "",
          createdAt: new Date(c.createdAt),
          editedAt: c.editedAt ? new Date(c.editedAt) : null,
          deletedAt: c.body === null ? imported : null,
          resolvedAt: c.resolved ? new Date(c.resolved.at) : null,
          // Resolved by someone whose name is known: the importer stands in for them.
          resolvedById: c.resolved?.by ? viewer.userId : null,
          importedResolverName: c.resolved?.by ?? null,
        })),
      }),
    );
    const counts = {
      authors: doc.authors.length,
      sources: doc.sources.length,
      claims: doc.claims.length,
      claimLinks: doc.claimLinks.length,
      excerpts: doc.excerpts.length,
      evidence: doc.evidence.length,
      positions: doc.positions.length,
      ...(doc.comments ? { comments: doc.comments.length } : {}),
    };
    record({ workspaceId, type: "workspace.imported", entityId: workspaceId, after: { slug: workspace.slug, format, counts } });
    return { status: 201, body: { slug: workspace.slug, counts } };
  });
}
