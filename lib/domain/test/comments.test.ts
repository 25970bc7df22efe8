import { describe, expect, it } from "vitest";
import { buildThreads, countLive, mayComment, mayDeleteComment, mayEditComment, mayResolveThread, type TCommentAccess, type TCommentRow } from "../comments";
import { ROLES, type TRole } from "../types";

const ALICE = "a0000000-0000-4000-8000-000000000001";
const BOB = "b0000000-0000-4000-8000-000000000002";
const as = (userId: string | null, role: TRole | null): TCommentAccess => ({ userId, role });

describe("who may do what with a comment", () => {
  const alices = { authorId: ALICE };

  it("lets commenters and up comment; viewers, non-members and anonymous readers not", () => {
    expect(ROLES.filter((role) => mayComment(as(ALICE, role)))).toEqual(["OWNER", "EDITOR", "COMMENTER"]);
    expect(mayComment(as(ALICE, null))).toBe(false);
    expect(mayComment(as(null, null))).toBe(false);
  });

  it("lets only the author edit, and only while they may still comment", () => {
    for (const role of ["OWNER", "EDITOR", "COMMENTER"] as const) {
      expect(mayEditComment(as(ALICE, role), alices)).toBe(true);
      expect(mayEditComment(as(BOB, role), alices)).toBe(false);
    }
    expect(mayEditComment(as(ALICE, "VIEWER"), alices)).toBe(false);
  });

  it("lets the author or the owner delete; not an editor or another commenter", () => {
    expect(mayDeleteComment(as(ALICE, "COMMENTER"), alices)).toBe(true);
    expect(mayDeleteComment(as(BOB, "OWNER"), alices)).toBe(true);
    expect(mayDeleteComment(as(BOB, "EDITOR"), alices)).toBe(false);
    expect(mayDeleteComment(as(BOB, "COMMENTER"), alices)).toBe(false);
    expect(mayDeleteComment(as(ALICE, "VIEWER"), alices)).toBe(false);
  });

  it("lets whoever started the thread, editors and owners resolve it", () => {
    expect(mayResolveThread(as(ALICE, "COMMENTER"), alices)).toBe(true);
    expect(mayResolveThread(as(BOB, "COMMENTER"), alices)).toBe(false);
    expect(mayResolveThread(as(BOB, "EDITOR"), alices)).toBe(true);
    expect(mayResolveThread(as(BOB, "OWNER"), alices)).toBe(true);
    expect(mayResolveThread(as(ALICE, "VIEWER"), alices)).toBe(false);
    expect(mayResolveThread(as(null, null), alices)).toBe(false);
  });
});

let clock = Date.UTC(2026, 10, 26, 9, 0, 0);
function row(id: string, extra: Partial<TCommentRow> = {}): TCommentRow {
  clock += 60_000;
  return {
    id,
    parentId: null,
    authorId: ALICE,
    authorName: "Alice",
    importedAuthorName: null,
    body: `text of ${id}`,
    version: 1,
    createdAt: new Date(clock),
    editedAt: null,
    deletedAt: null,
    resolvedAt: null,
    resolvedById: null,
    resolvedByName: null,
    ...extra,
  };
}

describe("buildThreads", () => {
  it("orders threads and their replies by time, whatever order the rows come in", () => {
    const first = row("t1");
    const second = row("t2", { authorId: BOB, authorName: "Bob" });
    const reply2 = row("r2", { parentId: "t1", authorId: BOB, authorName: "Bob" });
    const reply1 = { ...row("r1", { parentId: "t1" }), createdAt: new Date(first.createdAt.getTime() + 1) };
    const threads = buildThreads([reply2, second, reply1, first], as(ALICE, "COMMENTER"));
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      ["t1", ["r1", "r2"]],
      ["t2", []],
    ]);
    expect(threads[0]).toMatchObject({ author: { id: ALICE, name: "Alice" }, mine: true, canEdit: true, canDelete: true, canResolve: true, canReply: true });
    expect(threads[1]).toMatchObject({ mine: false, canEdit: false, canDelete: false, canResolve: false, canReply: true });
    expect(threads[0].replies[1]).toMatchObject({ author: { name: "Bob" }, mine: false, canEdit: false });
    expect(countLive(threads)).toBe(4);
  });

  it("keeps a deleted first comment with live replies as a placeholder, and drops the rest of the deleted", () => {
    const gone = new Date(clock + 1);
    const threads = buildThreads(
      [
        row("kept", { deletedAt: gone, body: "secret words" }),
        row("kept-reply", { parentId: "kept" }),
        row("kept-deleted-reply", { parentId: "kept", deletedAt: gone }),
        row("dropped", { deletedAt: gone }),
        row("dropped-reply", { parentId: "dropped", deletedAt: gone }),
        row("orphan", { parentId: "nowhere" }),
      ],
      as(BOB, "OWNER"),
    );
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: "kept", deleted: true, body: null, author: null, editedAt: null, canEdit: false, canDelete: false, canResolve: false, canReply: false });
    expect(JSON.stringify(threads)).not.toContain("secret words");
    expect(threads[0].replies.map((r) => r.id)).toEqual(["kept-reply"]);
    expect(countLive(threads)).toBe(1);
  });

  it("shows who resolved a thread and who wrote an imported comment", () => {
    const at = new Date(Date.UTC(2026, 10, 27));
    const [thread] = buildThreads([row("t", { resolvedAt: at, resolvedById: BOB, resolvedByName: "Bob", importedAuthorName: "Imogen" })], as(null, null));
    expect(thread.resolved).toEqual({ at: at.toISOString(), by: { id: BOB, name: "Bob" } });
    expect(thread.author).toEqual({ id: ALICE, name: "Imogen", importedBy: "Alice" });
    expect(thread).toMatchObject({ mine: false, canEdit: false, canDelete: false, canResolve: false, canReply: false });
  });
});
