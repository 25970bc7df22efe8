import type { TErrorIssue } from "../../errors/app-error";
import type { TNativeDocument } from "../../schemas/native-document";

/** A source text may be at most this long (as for sources added one by one). */
export const MAX_IMPORTED_SOURCE_BYTES = 2 * 1024 * 1024;

/** How many problems one answer lists: enough to fix a batch, not a flood. */
const MAX_ISSUES = 50;

/**
 * What a schema cannot say about a native document: ids unique in each list, every reference
 * resolving within the document, each excerpt's selectors matching its source text (the quote at
 * its offsets, prefix and suffix beside it; an orphan's offsets are into an earlier text and only
 * need to be a range), one hand-set position per claim and author, author
 * names unique; comments on a claim, excerpt or evidence link of the document, replies one level
 * deep on their thread's target, only a thread's first comment resolved or kept deleted (and then
 * only with replies). Returns the problems with their paths (`excerpts.3.exact`); none means
 * importable.
 */
export function checkNativeDocument(doc: TNativeDocument): TErrorIssue[] {
  const issues: TErrorIssue[] = [];
  const add = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  const idsOf = <T extends { id: string }>(list: readonly T[], name: string) => {
    const ids = new Set<string>();
    list.forEach((row, i) => {
      if (ids.has(row.id)) add(`${name}.${i}.id`, `the id '${row.id}' is used twice in ${name}`);
      ids.add(row.id);
    });
    return ids;
  };
  const authors = idsOf(doc.authors, "authors");
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  idsOf(doc.sources, "sources");
  const claims = idsOf(doc.claims, "claims");
  idsOf(doc.claimLinks, "claimLinks");
  const excerpts = idsOf(doc.excerpts, "excerpts");
  const evidenceIds = idsOf(doc.evidence, "evidence");

  const names = new Set<string>();
  doc.authors.forEach((a, i) => {
    const key = a.name.trim().toLowerCase();
    if (names.has(key)) add(`authors.${i}.name`, `two authors are named '${a.name}'`);
    names.add(key);
  });
  doc.sources.forEach((s, i) => {
    if (!authors.has(s.authorId)) add(`sources.${i}.authorId`, `no author has the id '${s.authorId}'`);
    if (Buffer.byteLength(s.text, "utf8") > MAX_IMPORTED_SOURCE_BYTES) add(`sources.${i}.text`, "a source text is at most 2 MB");
  });
  doc.claimLinks.forEach((l, i) => {
    if (!claims.has(l.fromClaimId)) add(`claimLinks.${i}.fromClaimId`, `no claim has the id '${l.fromClaimId}'`);
    if (!claims.has(l.toClaimId)) add(`claimLinks.${i}.toClaimId`, `no claim has the id '${l.toClaimId}'`);
    if (l.fromClaimId === l.toClaimId) add(`claimLinks.${i}`, "a claim cannot support or oppose itself");
  });
  doc.excerpts.forEach((x, i) => {
    const source = sources.get(x.sourceId);
    if (!source) return add(`excerpts.${i}.sourceId`, `no source has the id '${x.sourceId}'`);
    // An orphan's offsets and quote are into an earlier text of the source, which the document does not hold.
    if (x.orphaned) return x.end <= x.start ? add(`excerpts.${i}.end`, `the range ${x.start}–${x.end} is empty`) : undefined;
    if (x.end <= x.start || x.end > source.text.length) {
      return add(`excerpts.${i}.end`, `the range ${x.start}–${x.end} is not inside the source text (length ${source.text.length})`);
    }
    const atOffsets = source.text.slice(x.start, x.end);
    if (atOffsets !== x.exact) {
      return add(`excerpts.${i}.exact`, `the quote does not match the source text at ${x.start}–${x.end} (the text there begins "${atOffsets.slice(0, 40)}")`);
    }
    if (x.prefix && source.text.slice(x.start - x.prefix.length, x.start) !== x.prefix) add(`excerpts.${i}.prefix`, "the prefix is not the text just before the quote");
    if (x.suffix && source.text.slice(x.end, x.end + x.suffix.length) !== x.suffix) add(`excerpts.${i}.suffix`, "the suffix is not the text just after the quote");
  });
  doc.evidence.forEach((e, i) => {
    if (!excerpts.has(e.excerptId)) add(`evidence.${i}.excerptId`, `no excerpt has the id '${e.excerptId}'`);
    if (!claims.has(e.claimId)) add(`evidence.${i}.claimId`, `no claim has the id '${e.claimId}'`);
  });
  const cells = new Set<string>();
  doc.positions.forEach((p, i) => {
    if (!claims.has(p.claimId)) add(`positions.${i}.claimId`, `no claim has the id '${p.claimId}'`);
    if (!authors.has(p.authorId)) add(`positions.${i}.authorId`, `no author has the id '${p.authorId}'`);
    const key = `${p.claimId}\u0000${p.authorId}`;
    if (cells.has(key)) add(`positions.${i}`, "this author already has a position set by hand on this claim");
    cells.add(key);
  });
  const comments = doc.comments ?? [];
  idsOf(comments, "comments");
  const targets = { claim: claims, excerpt: excerpts, evidence: evidenceIds };
  const byId = new Map(comments.map((c) => [c.id, c]));
  const replied = new Set(comments.flatMap((c) => (c.parentId ? [c.parentId] : [])));
  comments.forEach((c, i) => {
    if (!targets[c.target.type].has(c.target.id)) add(`comments.${i}.target.id`, `no ${c.target.type === "evidence" ? "evidence link" : c.target.type} has the id '${c.target.id}'`);
    if ((c.body === null) !== (c.author === null)) add(`comments.${i}.body`, "a deleted comment has neither body nor author, a kept one has both");
    if (c.parentId === null) {
      if (c.body === null && !replied.has(c.id)) add(`comments.${i}.body`, "a deleted comment is kept only as the first of a thread with replies");
      return;
    }
    const parent = byId.get(c.parentId);
    if (!parent) return add(`comments.${i}.parentId`, `no comment has the id '${c.parentId}'`);
    if (parent.parentId !== null) add(`comments.${i}.parentId`, "replies are one level deep: the parent must be the first comment of its thread");
    if (parent.target.type !== c.target.type || parent.target.id !== c.target.id) add(`comments.${i}.target`, "a reply is on its thread's target");
    if (c.resolved) add(`comments.${i}.resolved`, "only a thread's first comment is resolved");
    if (c.body === null) add(`comments.${i}.body`, "a deleted reply is left out, not kept");
  });
  return issues;
}
