import { DEMO, asOwner as test, expect, write, remove } from "./support";

test.describe("editing from the matrix", () => {
  test("an editor adds a claim, sets an author's position on it by hand, and clears it again", async ({ page }, testInfo) => {
    await page.goto(`/w/${DEMO}/matrix`);
    const claimText = `The SCO will admit more members within five years (${testInfo.project.name} ${Date.now()}).`;

    await page.getByTestId("new-claim-open").click();
    await page.getByTestId("new-claim-text").fill(claimText);
    await page.getByLabel(/Tags/).fill("enlargement");
    await page.getByTestId("new-claim-submit").click();
    const row = page.getByTestId("matrix-row").filter({ has: page.getByRole("link", { name: claimText }) });
    await expect(row).toBeVisible();
    const claimId = (await row.getAttribute("data-claim-id"))!;

    try {
      const katz = (await page.getByTestId("matrix-author").filter({ hasText: "Katz" }).getAttribute("data-author-id"))!;
      const cell = page.locator(`[data-testid="matrix-cell"][data-claim-id="${claimId}"][data-author-id="${katz}"]`);
      await expect(cell).toHaveAttribute("data-stance", "SILENT");
      await cell.click();
      const panel = page.getByTestId("cell-panel");
      await panel.getByTestId("position-set").click();
      await panel.getByTestId("position-option-QUALIFIES").click();
      await panel.getByTestId("position-note").fill("Katz expects growth, but slowly.");
      await panel.getByTestId("position-save").click();

      await expect(cell).toHaveAttribute("data-stance", "QUALIFIES");
      await expect(cell).toHaveAttribute("data-explicit", "true");
      await expect(cell.getByTestId("set-by-hand")).toHaveText("✎set by hand");
      await expect(panel.getByTestId("set-by-hand")).toBeVisible();
      await expect(panel).toContainText("Katz expects growth, but slowly.");

      // Changing it again: the panel knows it is replacing a hand-set position.
      await panel.getByTestId("position-set").click();
      await panel.getByTestId("position-option-SUPPORTS").click();
      await panel.getByTestId("position-save").click();
      await expect(cell).toHaveAttribute("data-stance", "SUPPORTS");

      await panel.getByTestId("position-clear").click();
      await expect(cell).toHaveAttribute("data-stance", "SILENT");
      await expect(cell).not.toHaveAttribute("data-explicit", "true");
      await expect(cell.getByTestId("set-by-hand")).toHaveCount(0);

      // Deleting the claim from its page asks first, then returns to the matrix without its row.
      await row.getByRole("link", { name: claimText }).click();
      await expect(page.getByTestId("claim-text")).toHaveText(claimText);
      await page.getByTestId("claim-delete").click();
      await expect(page.getByRole("group", { name: "Delete this claim? It can be restored from the history." })).toBeVisible();
      await page.getByTestId("claim-delete-confirm").click();
      await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/matrix$`));
      await expect(page.getByTestId("matrix")).toBeVisible();
      await expect(row).toHaveCount(0);
    } finally {
      const leftover = await remove(page, `/api/workspaces/${DEMO}/claims/${claimId}`);
      expect([200, 404]).toContain(leftover.status());
    }
  });
});
