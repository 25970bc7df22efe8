import { describe, expect, it } from "vitest";
import { describeAction, describeChanges, claimIdOf } from "../describe-event";

const CLAIM = "c0000000-0000-4000-8000-000000000001";
const row = (body: string, extra: Record<string, unknown> = {}) => ({ id: "x", claimId: CLAIM, body, version: 1, deletedAt: null, resolvedAt: null, ...extra });

describe("comment events in the history", () => {
  it("says what was done", () => {
    expect(describeAction({ type: "comment.created", entityType: "comment" })).toBe("commented");
    expect(describeAction({ type: "comment.updated", entityType: "comment" })).toBe("edited a comment");
    expect(describeAction({ type: "comment.deleted", entityType: "comment" })).toBe("deleted a comment");
    expect(describeAction({ type: "comment.resolved", entityType: "comment" })).toBe("resolved a thread");
    expect(describeAction({ type: "comment.reopened", entityType: "comment" })).toBe("reopened a thread");
  });

  it("shows a new comment's and an edit's words, but not a deleted comment's or an unchanged one's", () => {
    expect(describeChanges({ type: "comment.created", before: null, after: row("First.") })).toEqual([{ field: "Comment", before: null, after: "First." }]);
    expect(describeChanges({ type: "comment.updated", before: row("Frist."), after: row("First.", { version: 2 }) })).toEqual([{ field: "Comment", before: "Frist.", after: "First." }]);
    expect(describeChanges({ type: "comment.deleted", before: row("Taken back."), after: row("Taken back.", { deletedAt: "2026-11-26T10:00:00.000Z" }) })).toEqual([]);
    expect(describeChanges({ type: "comment.resolved", before: row("Done?"), after: row("Done?", { resolvedAt: "2026-11-26T10:00:00.000Z" }) })).toEqual([]);
  });

  it("files a comment on a claim under that claim", () => {
    expect(claimIdOf({ entityType: "comment", entityId: "x", before: null, after: row("On the claim.") })).toBe(CLAIM);
  });
});

describe("membership and settings in the history", () => {
  it("names whose role changed, from what to what", () => {
    const member = (role: string) => ({ userId: "u", name: "Ada Student", role });
    expect(describeAction({ type: "member.updated", entityType: "member" })).toBe("changed a member's role");
    expect(describeChanges({ type: "member.updated", before: member("VIEWER"), after: member("EDITOR") })).toEqual([
      { field: "Member", before: null, after: "Ada Student" },
      { field: "Role", before: "Viewer", after: "Editor" },
    ]);
    expect(describeChanges({ type: "member.removed", before: member("COMMENTER"), after: null })).toEqual([
      { field: "Member", before: null, after: "Ada Student" },
      { field: "Role", before: "Commenter", after: null },
    ]);
  });

  it("names the new and the previous owner of a hand-over, and a visibility change in words", () => {
    const who = (name: string, role: string) => ({ userId: name, name, role });
    expect(describeChanges({ type: "workspace.transferred", before: null, after: { from: who("Bea", "EDITOR"), to: who("Cy", "OWNER") } })).toEqual([
      { field: "New owner", before: null, after: "Cy" },
      { field: "Previous owner, now editor", before: null, after: "Bea" },
    ]);
    expect(describeChanges({ type: "workspace.updated", before: { visibility: "PRIVATE" }, after: { visibility: "PUBLIC" } })).toEqual([{ field: "Visibility", before: "Private", after: "Public" }]);
  });
});

describe("source and author events in the history", () => {
  const source = (extra: Record<string, unknown> = {}) => ({ id: "s", title: "The lonely road", publishedOn: "2008-01-01T00:00:00.000Z", publishedPrecision: "YEAR", url: null, version: 1, ...extra });

  it("says what was done", () => {
    expect(describeAction({ type: "source.updated", entityType: "source" })).toBe("changed a source");
    expect(describeAction({ type: "source.deleted", entityType: "source" })).toBe("deleted a source");
    expect(describeAction({ type: "author.merged", entityType: "author" })).toBe("merged two authors");
  });

  it("shows a new date as a date, and a revised text as revised without the text", () => {
    const changes = describeChanges({ type: "source.updated", before: source(), after: source({ publishedOn: "2015-03-01T00:00:00.000Z", version: 2, revision: { id: "r", length: 12000, excerpts: [] } }) });
    expect(changes).toEqual([
      { field: "Published", before: "2008-01-01", after: "2015-03-01" },
      { field: "Text", before: null, after: "revised (now 12,000 characters)" },
    ]);
  });

  it("shows an author's new short name and affiliation", () => {
    const author = { id: "a", name: "Mark N. Katz", shortName: "Katz", affiliation: null, version: 1 };
    expect(describeChanges({ type: "author.updated", before: author, after: { ...author, shortName: "M. Katz", affiliation: "George Mason University", version: 2 } })).toEqual([
      { field: "Short name", before: "Katz", after: "M. Katz" },
      { field: "Affiliation", before: null, after: "George Mason University" },
    ]);
  });
});
