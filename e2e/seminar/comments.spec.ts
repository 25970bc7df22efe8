import type { Page } from "@playwright/test";
import { ANTI_NATO, DEMO, expect, expectLive, openEcfr, pageAs, test, write } from "../collab/support";
import { expectAccessible } from "../views/support";

interface TMatrixBody {
  claims: { id: string; text: string }[];
}

/** The demo claim the discussion is about, opened as a reader would reach it. */
async function claimPath(page: Page): Promise<{ path: string; id: string }> {
  const response = await page.request.get(`/api/workspaces/${DEMO}/matrix`);
  const { claims } = (await response.json()) as TMatrixBody;
  const id = claims.find((c) => c.text === ANTI_NATO)!.id;
  return { path: `/w/${DEMO}/claims/${id}`, id };
}

/** Deletes the comments a test made (replies first), so the demo's pages show none afterwards. */
async function deleteComments(page: Page, query: string) {
  const response = await page.request.get(`/api/workspaces/${DEMO}/comments?${query}`);
  const { threads } = (await response.json()) as { threads: { id: string; version: number; deleted: boolean; replies: { id: string; version: number }[] }[] };
  for (const thread of threads) {
    for (const reply of thread.replies) await write(page, "DELETE", `/api/workspaces/${DEMO}/comments/${reply.id}`, { version: reply.version });
    if (!thread.deleted) await write(page, "DELETE", `/api/workspaces/${DEMO}/comments/${thread.id}`, { version: thread.version });
  }
}

const thread = (page: Page, text: string) => page.getByTestId("comment-thread").filter({ hasText: text });

test("a thread on a claim: started, replied to, edited and resolved, by keyboard", async ({ browser, ownerState, editorState }) => {
  const owner = await pageAs(browser, ownerState);
  const editor = await pageAs(browser, editorState);
  const claim = await claimPath(owner);
  try {
    await owner.goto(claim.path);
    await expect(owner.getByTestId("claim-comment-count")).toHaveText("No comments yet");
    await editor.goto(claim.path);
    await expectLive(editor);

    // The owner starts a thread from the keyboard: the text box, then Ctrl+Enter.
    const box = owner.getByLabel("Start a thread on this claim");
    await box.focus();
    await owner.keyboard.type("Is “bloc” the right word? Compare https://example.org/sco-charter for the founding text.");
    await owner.keyboard.press("Control+Enter");
    const started = thread(owner, "the right word");
    await expect(started.getByTestId("comment-author")).toHaveText("Demo facilitator");
    await expect(box).toHaveValue("");
    const link = started.getByRole("link", { name: "https://example.org/sco-charter" });
    await expect(link).toHaveAttribute("href", "https://example.org/sco-charter");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
    await expect(owner.getByTestId("claim-comment-count")).toContainText("1 comment");

    // The editor sees it without reloading, and replies by keyboard.
    const inEditor = thread(editor, "the right word");
    await expect(inEditor).toBeVisible();
    await inEditor.getByRole("button", { name: "Reply" }).focus();
    await editor.keyboard.press("Enter");
    await expect(editor.getByLabel("Your reply")).toBeFocused();
    await editor.keyboard.type("Katz would say “club”, not bloc.");
    await editor.keyboard.press("Control+Enter");
    await expect(inEditor.getByRole("list", { name: "Replies" }).getByTestId("comment-body")).toHaveText("Katz would say “club”, not bloc.");
    await expect(started.getByRole("list", { name: "Replies" })).toContainText("Katz would say “club”");
    // Not the editor's to edit; the reply is.
    await expect(inEditor.getByTestId("comment").first().getByTestId("comment-edit")).toHaveCount(0);

    // The owner corrects the first comment.
    await started.getByRole("button", { name: "Edit your comment" }).first().focus();
    await owner.keyboard.press("Enter");
    const edit = owner.getByLabel("Edit your comment");
    await expect(edit).toBeFocused();
    await edit.fill("Is “bloc” the right word for a club of six? See https://example.org/sco-charter.");
    await owner.keyboard.press("Control+Enter");
    const edited = thread(owner, "club of six");
    await expect(edited.getByTestId("comment").first().getByTestId("comment-edited")).toBeVisible();
    await expect(thread(editor, "club of six")).toBeVisible();

    // Resolved by the one who started it: folded to a line saying who, everywhere.
    await edited.getByRole("button", { name: "Resolve the thread" }).focus();
    await owner.keyboard.press("Enter");
    const resolved = owner.locator('[data-testid="comment-thread"][data-resolved="true"]');
    await expect(resolved.getByTestId("thread-resolved-by")).toContainText("Resolved by Demo facilitator");
    await expect(resolved.getByTestId("comment-body").first()).toBeHidden();
    await expect(editor.locator('[data-testid="comment-thread"][data-resolved="true"]').getByTestId("thread-resolved-by")).toContainText("Resolved by Demo facilitator");
    const toggle = resolved.getByRole("button", { name: "Show the resolved thread" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.focus();
    await owner.keyboard.press("Enter");
    await expect(resolved.getByTestId("comment-body").first()).toContainText("club of six");
    await expect(resolved.getByRole("button", { name: "Reopen the thread" })).toBeVisible();
    // With threads, a reply form and an evidence link's thread open: no serious accessibility problems.
    await edited.getByRole("button", { name: "Reply" }).click();
    await owner.getByTestId("evidence-comments-toggle").first().click();
    await expect(owner.getByTestId("evidence-comments").first().getByTestId("comment-threads")).toBeVisible();
    await expectAccessible(owner);

    // Search finds the comment and leads back to the discussion.
    await owner.goto(`/w/${DEMO}/search?q=${encodeURIComponent("club of six")}`);
    const hit = owner.getByTestId("results-comments").getByTestId("result-comment");
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText("club of six");
    await hit.getByRole("link", { name: `On “${ANTI_NATO}” →` }).click();
    await expect(owner).toHaveURL(new RegExp(`/claims/${claim.id}#discussion$`));
    await expect(owner.getByTestId("claim-discussion")).toBeVisible();
  } finally {
    await deleteComments(owner, `claimId=${claim.id}`);
    await owner.context().close();
    await editor.context().close();
  }
});

test("markup in a comment is shown as text and runs nothing", async ({ browser, ownerState }) => {
  const owner = await pageAs(browser, ownerState);
  const reader = await pageAs(browser);
  const dialogs: string[] = [];
  for (const page of [owner, reader]) page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  const claim = await claimPath(owner);
  const xss = "<img src=x onerror=alert(1)>";
  try {
    await owner.goto(claim.path);
    await owner.getByLabel("Start a thread on this claim").fill(xss);
    await owner.getByRole("button", { name: "Comment", exact: true }).click();
    const body = thread(owner, xss).getByTestId("comment-body");
    await expect(body).toHaveText(xss);
    await expect(body.locator("img")).toHaveCount(0);

    // Rendered by the server for another reader, too.
    await reader.goto(claim.path);
    await expect(thread(reader, xss).getByTestId("comment-body")).toHaveText(xss);
    await expect(reader.getByTestId("claim-discussion").locator("img")).toHaveCount(0);
    await reader.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  } finally {
    await deleteComments(owner, `claimId=${claim.id}`);
    await owner.context().close();
    await reader.context().close();
  }
});

test("a new comment appears on another reader's claim page and matrix without reloading", async ({ browser, ownerState }) => {
  const owner = await pageAs(browser, ownerState);
  const reader = await pageAs(browser);
  const claim = await claimPath(owner);
  try {
    await reader.goto(claim.path);
    await expectLive(reader);
    const matrix = await reader.context().newPage();
    await matrix.goto(`/w/${DEMO}/matrix`);
    await expectLive(matrix);
    const row = matrix.locator(`[data-testid="matrix-row"][data-claim-id="${claim.id}"]`);
    await expect(row.getByTestId("matrix-claim-comments")).toHaveCount(0);
    let reloaded = false;
    reader.on("load", () => (reloaded = true));

    await owner.goto(claim.path);
    await owner.getByLabel("Start a thread on this claim").fill("Arriving live for everyone.");
    await owner.getByRole("button", { name: "Comment", exact: true }).click();

    await expect(thread(reader, "Arriving live for everyone.")).toBeVisible();
    await expect(reader.getByTestId("claim-comment-count")).toContainText("1 comment");
    // An anonymous reader is offered to sign in, not a form.
    await expect(reader.getByTestId("claim-discussion").getByTestId("sign-in-link")).toBeVisible();
    await expect(reader.getByTestId("new-thread")).toHaveCount(0);
    await expect(row.getByTestId("matrix-claim-comments")).toHaveText("1 comment");
    expect(reloaded).toBe(false);
  } finally {
    await deleteComments(owner, `claimId=${claim.id}`);
    await owner.context().close();
    await reader.context().close();
  }
});

test("evidence and passages have their own threads: on the claim page and in the reader", async ({ browser, ownerState }) => {
  const owner = await pageAs(browser, ownerState);
  const claim = await claimPath(owner);
  const detail = (await (await owner.request.get(`/api/workspaces/${DEMO}/claims/${claim.id}`)).json()) as { evidence: { id: string; excerpt: { id: string } }[] };
  const evidence = detail.evidence[0];
  try {
    await owner.goto(claim.path);
    const item = owner.locator(`[data-testid="evidence-comments"][data-evidence-id="${evidence.id}"]`);
    const toggle = item.getByTestId("evidence-comments-toggle");
    await expect(toggle).toHaveText(/Discuss this evidence/);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await item.getByLabel("Start a thread on this evidence").fill("Is this the author’s own voice?");
    await item.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(thread(owner, "own voice?")).toBeVisible();
    await expect(toggle).toHaveText(/1 comment/);
    // The matrix cell of that evidence counts it.
    await owner.goto(`/w/${DEMO}/matrix`);
    await expect(owner.locator(`[data-testid="matrix-row"][data-claim-id="${claim.id}"]`).getByTestId("matrix-cell-comments")).toHaveAttribute("data-count", "1");

    // In the source reader, a highlight's panel holds its passage's threads.
    await openEcfr(owner);
    await owner.getByTestId("excerpt-highlight").first().click();
    const panel = owner.getByTestId("excerpt-panel");
    const discussion = panel.getByTestId("excerpt-discussion").first();
    await expect(discussion.getByTestId("comments-empty")).toBeVisible();
    const excerptId = await discussion.getAttribute("data-excerpt-id");
    await discussion.getByLabel("Start a thread on this passage").fill("Worth quoting in the handout.");
    await discussion.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(thread(owner, "Worth quoting in the handout.")).toBeVisible();
    await deleteComments(owner, `excerptId=${excerptId}`);
    await expect(discussion.getByTestId("comments-empty")).toBeVisible();
  } finally {
    await deleteComments(owner, `evidenceId=${evidence.id}`);
    await owner.context().close();
  }
});
