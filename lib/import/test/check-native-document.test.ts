import { describe, expect, it } from "vitest";
import { checkNativeDocument } from "../native/check-native-document";
import { ZNativeDocumentSchema, type TNativeDocument } from "../../schemas/native-document";

const TEXT = "The SCO is a talk shop. It is also a forum.";

function doc(): TNativeDocument {
  return {
    schemaVersion: 1,
    workspace: { slug: "ws", title: "W", description: "", visibility: "PRIVATE" },
    authors: [{ id: "a", name: "Alpha", shortName: "A", affiliation: null }],
    sources: [{ id: "s", authorId: "a", title: "T", publication: null, published: "2020", publishedNote: null, url: null, text: TEXT }],
    claims: [
      { id: "c1", text: "Talk shop", tags: [] },
      { id: "c2", text: "Forum", tags: [] },
    ],
    claimLinks: [{ id: "l", fromClaimId: "c2", toClaimId: "c1", relation: "OPPOSES" }],
    excerpts: [{ id: "x", sourceId: "s", start: 0, end: 23, exact: "The SCO is a talk shop.", prefix: "", suffix: " It is" }],
    evidence: [{ id: "e", excerptId: "x", claimId: "c1", stance: "SUPPORTS", voice: "AUTHOR", note: null }],
    positions: [{ claimId: "c2", authorId: "a", stance: "QUALIFIES", note: "by hand" }],
  };
}

describe("checkNativeDocument", () => {
  it("accepts a consistent document", () => {
    expect(checkNativeDocument(doc())).toEqual([]);
  });

  it("names a quote that does not match the text at its offsets, with its path", () => {
    const d = doc();
    d.excerpts[0].exact = "The SCO is a talk-shop.";
    expect(checkNativeDocument(d)).toEqual([{ path: "excerpts.0.exact", message: expect.stringContaining("does not match the source text at 0–23") }]);
  });

  it("names offsets outside the text, and a prefix or suffix that is not beside the quote", () => {
    const d = doc();
    d.excerpts.push({ id: "y", sourceId: "s", start: 40, end: 400, exact: "x", prefix: "", suffix: "" });
    d.excerpts.push({ id: "z", sourceId: "s", start: 24, end: 29, exact: "It is", prefix: "nope", suffix: " also" });
    expect(checkNativeDocument(d).map((i) => i.path)).toEqual(["excerpts.1.end", "excerpts.2.prefix"]);
  });

  it("does not hold an orphan's quote and offsets to the text (they are into an earlier one), but still wants a range and its source", () => {
    const d = doc();
    const orphaned = { reason: "the new text does not hold the quote in one clear place" };
    d.excerpts.push({ id: "o", sourceId: "s", start: 300, end: 340, exact: "A paragraph since removed.", prefix: "before ", suffix: " after", orphaned });
    expect(checkNativeDocument(d)).toEqual([]);
    d.excerpts.push({ id: "p", sourceId: "s", start: 12, end: 12, exact: "Gone.", prefix: "", suffix: "", orphaned });
    d.excerpts.push({ id: "q", sourceId: "nowhere", start: 0, end: 5, exact: "Gone.", prefix: "", suffix: "", orphaned });
    expect(checkNativeDocument(d)).toEqual([
      { path: "excerpts.2.end", message: "the range 12–12 is empty" },
      { path: "excerpts.3.sourceId", message: "no source has the id 'nowhere'" },
    ]);
  });

  it("names every reference that does not resolve", () => {
    const d = doc();
    d.sources[0].authorId = "ghost";
    d.claimLinks[0].toClaimId = "nowhere";
    d.evidence[0].excerptId = "missing";
    d.positions[0].authorId = "nobody";
    expect(checkNativeDocument(d).map((i) => i.path)).toEqual(["sources.0.authorId", "claimLinks.0.toClaimId", "evidence.0.excerptId", "positions.0.authorId"]);
  });

  it("refuses duplicate ids, duplicate author names, self-links and two hand-set positions for one cell", () => {
    const d = doc();
    d.claims.push({ id: "c1", text: "Again", tags: [] });
    d.authors.push({ id: "b", name: "alpha", shortName: "B", affiliation: null });
    d.claimLinks.push({ id: "l2", fromClaimId: "c1", toClaimId: "c1", relation: "SUPPORTS" });
    d.positions.push({ claimId: "c2", authorId: "a", stance: "OPPOSES", note: null });
    expect(checkNativeDocument(d).map((i) => i.path)).toEqual(["claims.2.id", "authors.1.name", "claimLinks.1", "positions.1"]);
  });

  it("lists at most 50 problems", () => {
    const d = doc();
    d.evidence = Array.from({ length: 80 }, (_, i) => ({ id: `e${i}`, excerptId: "x", claimId: "ghost", stance: "SUPPORTS" as const, voice: "AUTHOR" as const, note: null }));
    expect(checkNativeDocument(d)).toHaveLength(50);
  });
});

describe("checkNativeDocument: comments", () => {
  const at = "2026-11-26T10:00:00.000Z";
  const comment = (id: string, extra: Partial<NonNullable<TNativeDocument["comments"]>[number]> = {}) => ({
    id,
    target: { type: "claim" as const, id: "c1" },
    parentId: null,
    author: "Ada",
    body: `comment ${id}`,
    createdAt: at,
    editedAt: null,
    resolved: null,
    ...extra,
  });

  it("accepts threads on claims, excerpts and evidence links, resolved, and a deleted start kept for its replies", () => {
    const d = doc();
    d.comments = [
      comment("t1", { resolved: { at, by: "Bo" } }),
      comment("r1", { parentId: "t1" }),
      comment("t2", { target: { type: "excerpt", id: "x" } }),
      comment("t3", { target: { type: "evidence", id: "e" }, author: null, body: null }),
      comment("r3", { target: { type: "evidence", id: "e" }, parentId: "t3" }),
    ];
    expect(checkNativeDocument(d)).toEqual([]);
  });

  it("names every broken rule with its path", () => {
    const d = doc();
    d.comments = [
      comment("t1"),
      comment("t1"),
      comment("nowhere", { target: { type: "evidence", id: "c1" } }),
      comment("deep", { parentId: "reply" }),
      comment("reply", { parentId: "t1" }),
      comment("elsewhere", { parentId: "t1", target: { type: "excerpt", id: "x" } }),
      comment("resolved-reply", { parentId: "t1", resolved: { at, by: null } }),
      comment("orphan", { parentId: "missing" }),
      comment("lonely-deleted", { author: null, body: null }),
      comment("half-deleted", { author: null }),
      comment("deleted-reply", { parentId: "t1", author: null, body: null }),
    ];
    expect(checkNativeDocument(d)).toEqual([
      { path: "comments.1.id", message: "the id 't1' is used twice in comments" },
      { path: "comments.2.target.id", message: "no evidence link has the id 'c1'" },
      { path: "comments.3.parentId", message: "replies are one level deep: the parent must be the first comment of its thread" },
      { path: "comments.5.target", message: "a reply is on its thread's target" },
      { path: "comments.6.resolved", message: "only a thread's first comment is resolved" },
      { path: "comments.7.parentId", message: "no comment has the id 'missing'" },
      { path: "comments.8.body", message: "a deleted comment is kept only as the first of a thread with replies" },
      { path: "comments.9.body", message: "a deleted comment has neither body nor author, a kept one has both" },
      { path: "comments.10.body", message: "a deleted reply is left out, not kept" },
    ]);
  });
});

describe("a native document's source addresses", () => {
  it("accepts http(s) addresses only", () => {
    const withUrl = (url: string | null) => ZNativeDocumentSchema.safeParse({ ...doc(), sources: [{ ...doc().sources[0], url }] });
    expect(withUrl("https://ecfr.eu/article").success).toBe(true);
    expect(withUrl(null).success).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd", "ecfr.eu"]) {
      const result = withUrl(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["sources", 0, "url"], message: "url must be an http(s) address" });
    }
  });
});
