import "server-only";
import { prepareText, type TAnchoring } from "../../anchoring/anchor-quote";
import { anchorAnnotation, readAnnotations, type TAnchoredAnnotation, type TAnnotationRequest } from "../../import/annotations/read-annotations";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { EVIDENCE_FIELDS, EXCERPT_FIELDS } from "../excerpts/create-excerpt";
import { OFF_THREAD_TEXT_LENGTH, runModuleOffThread } from "../workers/run-off-thread";
import { createTimeSlicer } from "../workers/time-slicer";

/** Anchoring thousands of annotations in a long text takes seconds; beyond this, send fewer. */
const ANCHOR_DEADLINE_MS = 10_000;

/** Each annotation anchored in `text`: on this thread, a slice at a time, or in a worker for a long text. */
async function anchorAll(text: string, requests: TAnnotationRequest[]): Promise<TAnchoredAnnotation[]> {
  if (text.length >= OFF_THREAD_TEXT_LENGTH) {
    return runModuleOffThread<TAnchoredAnnotation[]>({
      modulePath: "lib/import/annotations/read-annotations.ts",
      exportName: "anchorAnnotations",
      args: [text, requests],
      timeoutMs: ANCHOR_DEADLINE_MS,
      what: "anchoring the annotations",
    });
  }
  const slicer = createTimeSlicer({ deadlineMs: ANCHOR_DEADLINE_MS, what: "anchoring the annotations" });
  const prepared = prepareText(text);
  const results: TAnchoredAnnotation[] = [];
  for (const request of requests) {
    await slicer.tick();
    results.push(anchorAnnotation(prepared, request));
  }
  return results;
}

export interface TAnnotationImport {
  /**
   * Annotations anchored in the text: each an excerpt (reused when the same passage exists), with
   * the claim its body links to (null when none) and the evidence made for it, or a note saying
   * why none was.
   */
  anchored: { index: number; excerptId: string; start: number; end: number; anchoring: TAnchoring; claimId: string | null; evidenceId: string | null; note?: string }[];
  /** Annotations that did not anchor, with the reason; nothing was made for them. */
  unanchored: { index: number; exact: string | null; reason: string }[];
}

/**
 * Adds W3C Web Annotations to an existing source: each re-anchored by its TextQuote in this
 * source's text and stored as an excerpt; one whose body links to a claim of this workspace with
 * a stance also becomes evidence for it. Those that do not anchor are listed with the reason.
 * Anchoring leaves the request thread free (yielding between annotations, or in a worker thread
 * for a long text) and gives up (422) after 10 s.
 */
export async function importAnnotations({ tx, workspace, viewer, record }: TMutationContext, sourceId: string, document: unknown): Promise<TAnnotationImport> {
  const source = await tx.source.findFirst({ where: { id: sourceId, workspaceId: workspace.id, deletedAt: null }, select: { id: true, text: true } });
  if (!source) throw notFound("Source");
  const requests = readAnnotations(document);
  const results = await anchorAll(source.text, requests);
  const claimIds = [...new Set(requests.map((r) => r.claimId).filter((id): id is string => id !== null))];
  const liveClaims = new Set(
    (await tx.claim.findMany({ where: { id: { in: claimIds }, workspaceId: workspace.id, deletedAt: null }, select: { id: true } })).map((c) => c.id),
  );
  // What the source already has, read once rather than once per annotation.
  const excerpts = new Map(
    (await tx.excerpt.findMany({ where: { sourceId: source.id, deletedAt: null, orphanedAt: null }, select: EXCERPT_FIELDS })).map((x) => [`${x.start}:${x.end}`, x]),
  );
  const cited = new Set(
    (await tx.evidence.findMany({ where: { excerpt: { sourceId: source.id }, deletedAt: null }, select: { excerptId: true, claimId: true } })).map((e) => `${e.excerptId}:${e.claimId}`),
  );
  const report: TAnnotationImport = { anchored: [], unanchored: [] };
  for (const result of results) {
    if (!("selector" in result)) {
      report.unanchored.push({ index: result.index, exact: result.exact, reason: result.reason });
      continue;
    }
    const { selector, anchoring, request } = result;
    let excerpt = excerpts.get(`${selector.start}:${selector.end}`);
    if (!excerpt) {
      excerpt = await tx.excerpt.create({ data: { workspaceId: workspace.id, sourceId: source.id, ...selector, anchorMethod: anchoring.method, anchorScore: anchoring.score, createdById: viewer.userId }, select: EXCERPT_FIELDS });
      excerpts.set(`${selector.start}:${selector.end}`, excerpt);
      record({ type: "excerpt.created", entityId: excerpt.id, after: excerpt });
    }
    let evidenceId: string | null = null;
    let note: string | undefined;
    if (request.claimId && request.stance) {
      if (!liveClaims.has(request.claimId)) note = "its claim is not in this workspace: kept as a passage without evidence";
      else {
        if (cited.has(`${excerpt.id}:${request.claimId}`)) note = "already evidence for that claim";
        else {
          cited.add(`${excerpt.id}:${request.claimId}`);
          const created = await tx.evidence.create({
            data: { workspaceId: workspace.id, excerptId: excerpt.id, claimId: request.claimId, stance: request.stance, voice: request.reported ? "REPORTED" : "AUTHOR", note: request.note, createdById: viewer.userId },
            select: EVIDENCE_FIELDS,
          });
          record({ type: "evidence.created", entityId: created.id, after: created });
          evidenceId = created.id;
        }
      }
    }
    report.anchored.push({ index: result.index, excerptId: excerpt.id, start: selector.start, end: selector.end, anchoring, claimId: request.claimId, evidenceId, ...(note ? { note } : {}) });
  }
  return report;
}
