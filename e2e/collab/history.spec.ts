import { DEMO, expect, pageAs, test, write, remove } from "./support";

test.describe("history and undo", () => {
  test("an editor undoes their own change from the claim's history; others' changes offer no undo", async ({ browser, ownerState, editorState }, testInfo) => {
    const owner = await pageAs(browser, ownerState);
    const editor = await pageAs(browser, editorState);
    const tag = `${testInfo.project.name} ${Date.now()}`;
    const original = `History test claim (${tag}).`;
    const edited = `History test claim, edited (${tag}).`;
    const created = await write(owner, "POST", `/api/workspaces/${DEMO}/claims`, { text: original });
    const { id } = (await created.json()) as { id: string };

    try {
      await editor.goto(`/w/${DEMO}/claims/${id}`);
      await editor.getByTestId("claim-edit").click();
      await editor.getByTestId("claim-edit-text").fill(edited);
      await editor.getByTestId("claim-save").click();
      await expect(editor.getByTestId("claim-text")).toHaveText(edited);

      await editor.getByTestId("claim-history-link").click();
      await expect(editor.getByRole("heading", { level: 1 })).toContainText(edited);
      const update = editor.locator('[data-testid="history-event"][data-type="claim.updated"]');
      const creation = editor.locator('[data-testid="history-event"][data-type="claim.created"]');
      await expect(update).toContainText("Editor B changed the claim");
      await expect(update.getByTestId("history-before")).toHaveText(original);
      await expect(update.getByTestId("history-after")).toHaveText(edited);
      // The owner created the claim: an editor may not undo that.
      await expect(creation).toContainText("Demo facilitator added the claim");
      await expect(creation.getByTestId("history-undo")).toHaveCount(0);

      const editId = (await update.getAttribute("data-event-id"))!;
      await update.getByTestId("history-undo").click();
      // The undo is itself a change, listed on top; the undone one is marked and offers no undo.
      const events = editor.getByTestId("history-event");
      await expect(events.first()).toContainText("(undoing an earlier change)");
      await expect(events.first().getByTestId("history-after")).toHaveText(original);
      const undone = editor.locator(`[data-testid="history-event"][data-event-id="${editId}"]`);
      await expect(undone).toContainText("Undone");
      await expect(undone.getByTestId("history-undo")).toHaveCount(0);

      await editor.goto(`/w/${DEMO}/claims/${id}`);
      await expect(editor.getByTestId("claim-text")).toHaveText(original);
    } finally {
      await remove(owner, `/api/workspaces/${DEMO}/claims/${id}`);
      await owner.context().close();
      await editor.context().close();
    }
  });
});
