import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, expectLive, pageAs, test, write, remove } from "./support";

/** Two editors — the demo owner, and a participant who joined with an editor's invite link. */
async function twoEditors(browser: Browser, ownerState: string, editorState: string) {
  const a = await pageAs(browser, ownerState);
  const b = await pageAs(browser, editorState);
  return { a, b, close: () => Promise.all([a.context().close(), b.context().close()]) };
}

/** A claim of the test's own, so seeded claims keep their text whatever happens. */
async function createClaim(page: Page, text: string): Promise<string> {
  const response = await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function startEditing(page: Page, path: string) {
  await page.goto(path);
  await expectLive(page);
  await page.getByTestId("claim-edit").click();
  return page.getByTestId("claim-edit-text");
}

test.describe("two editors change the same claim", () => {
  test("the later save shows both versions side by side; re-applying saves it, and history keeps both", async ({ browser, ownerState, editorState }, testInfo) => {
    const { a, b, close } = await twoEditors(browser, ownerState, editorState);
    const tag = `${testInfo.project.name} ${Date.now()}`;
    const original = `Shared claim ${tag}`;
    const theirs = `The SCO is mostly a forum for summits (${tag}).`;
    const mine = `The SCO is mostly a forum for declarations (${tag}).`;
    const claimId = await createClaim(a, original);
    const path = `/w/${DEMO}/claims/${claimId}`;

    try {
      const aField = await startEditing(a, path);
      const bField = await startEditing(b, path);
      await expect(bField).toHaveValue(original);

      await aField.fill(theirs);
      await a.getByTestId("claim-save").click();
      await expect(a.getByTestId("claim-text")).toHaveText(theirs);

      // B's page learns of it live, keeps B's half-typed text, and says what will happen.
      await bField.fill(mine);
      await expect(b.getByTestId("claim-changed-meanwhile")).toBeVisible({ timeout: 2_000 });
      await expect(bField).toHaveValue(mine);

      await b.getByTestId("claim-save").click();
      const conflict = b.getByTestId("conflict-view");
      await expect(conflict).toBeVisible();
      await expect(conflict.getByTestId("conflict-theirs")).toContainText("Theirs (current)");
      await expect(conflict.getByTestId("conflict-theirs")).toContainText(theirs);
      await expect(conflict.getByLabel("Yours")).toHaveValue(mine);
      // Nothing was overwritten yet: A still sees A's text.
      await expect(a.getByTestId("claim-text")).toHaveText(theirs);

      await b.getByTestId("conflict-reapply").click();
      await expect(conflict).toBeHidden();
      await expect(b.getByTestId("claim-text")).toHaveText(mine);
      await expect(a.getByTestId("claim-text")).toHaveText(mine, { timeout: 2_000 });

      // Both edits are in the claim's history, each with what it replaced.
      await a.getByTestId("claim-history-link").click();
      await expect(a).toHaveURL(new RegExp(`/w/${DEMO}/history\\?entityId=${claimId}$`));
      const events = a.getByTestId("history-event").filter({ has: a.getByTestId("history-change") });
      const edits = a.locator('[data-testid="history-event"][data-type="claim.updated"]');
      await expect(edits).toHaveCount(2);
      await expect(edits.nth(0).getByTestId("history-before")).toHaveText(theirs);
      await expect(edits.nth(0).getByTestId("history-after")).toHaveText(mine);
      await expect(edits.nth(0)).toContainText("Editor B");
      await expect(edits.nth(1).getByTestId("history-before")).toHaveText(original);
      await expect(edits.nth(1).getByTestId("history-after")).toHaveText(theirs);
      await expect(edits.nth(1)).toContainText("Demo facilitator");
      await expect(events.first()).toBeVisible();
    } finally {
      await remove(a, `/api/workspaces/${DEMO}/claims/${claimId}`);
      await close();
    }
  });

  test("discarding keeps the other editor's text and writes nothing", async ({ browser, ownerState, editorState }, testInfo) => {
    const { a, b, close } = await twoEditors(browser, ownerState, editorState);
    const tag = `${testInfo.project.name} ${Date.now()}`;
    const theirs = `Theirs wins (${tag}).`;
    const claimId = await createClaim(a, `Discard test ${tag}`);
    const path = `/w/${DEMO}/claims/${claimId}`;

    try {
      const aField = await startEditing(a, path);
      const bField = await startEditing(b, path);
      await aField.fill(theirs);
      await a.getByTestId("claim-save").click();
      await expect(a.getByTestId("claim-text")).toHaveText(theirs);

      await bField.fill(`Mine loses (${tag}).`);
      await b.getByTestId("claim-save").click();
      await expect(b.getByTestId("conflict-view")).toBeVisible();
      await b.getByTestId("conflict-discard").click();
      await expect(b.getByTestId("conflict-view")).toBeHidden();
      await expect(b.getByTestId("claim-text")).toHaveText(theirs);

      const history = await b.request.get(`/api/workspaces/${DEMO}/history?entityId=${claimId}`);
      const { events } = (await history.json()) as { events: { type: string }[] };
      expect(events.map((e) => e.type)).toEqual(["claim.updated", "claim.created"]);
    } finally {
      await remove(a, `/api/workspaces/${DEMO}/claims/${claimId}`);
      await close();
    }
  });
});
