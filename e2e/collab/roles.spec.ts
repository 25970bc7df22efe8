import type { Page } from "@playwright/test";
import { ANTI_NATO, DEMO, expect, openEcfr, pageAs, selectPassage, test, write } from "./support";

const PASSAGE = "Putin will struggle to convince the other members";

/** What a reader without the right to edit must (not) see, page by page. */
async function expectNoEditingControls(page: Page) {
  // Source reader: selecting text offers nothing; highlights open read-only.
  await openEcfr(page);
  const text = page.getByTestId("source-text");
  await expect(text).not.toHaveAttribute("tabindex", /.*/);
  await expect(text).not.toHaveAttribute("data-cite-ready", /.*/);
  expect(await selectPassage(page, PASSAGE)).toBe(PASSAGE);
  // The popover would open on the next tick after mouseup (and after the selection settles on touch).
  await page.waitForTimeout(800);
  await expect(page.getByTestId("cite-popover")).toHaveCount(0);
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await page.getByTestId("excerpt-highlight").first().click();
  const panel = page.getByTestId("excerpt-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("excerpt-evidence").first()).toBeVisible();
  await expect(panel.getByRole("button")).toHaveText(["×Close"]);

  // Matrix: no new claim, no hand-set positions.
  await page.goto(`/w/${DEMO}/matrix`);
  await expect(page.getByTestId("matrix")).toBeVisible();
  await expect(page.getByTestId("new-claim-open")).toHaveCount(0);
  await page.getByTestId("matrix-cell").first().click();
  await expect(page.getByTestId("cell-panel")).toBeVisible();
  await expect(page.getByTestId("position-set")).toHaveCount(0);

  // Claim page: no edit or delete, but the history is there to read.
  await page.getByRole("link", { name: ANTI_NATO, exact: true }).click();
  await expect(page.getByTestId("claim-text")).toHaveText(ANTI_NATO);
  await expect(page.getByTestId("claim-edit")).toHaveCount(0);
  await expect(page.getByTestId("claim-delete")).toHaveCount(0);
  await expect(page.getByTestId("claim-history-link")).toBeVisible();
}

test.describe("readers who may not edit the public demo", () => {
  test("an anonymous reader sees no editing controls, and the API refuses a write with 401", async ({ page }) => {
    await page.goto(`/w/${DEMO}`);
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await expectNoEditingControls(page);
    const response = await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text: "Anonymous claim" });
    expect(response.status()).toBe(401);
  });

  test("a signed-in non-member sees no editing controls, and the API refuses a write with 403", async ({ browser, readerState }) => {
    const page = await pageAs(browser, readerState);
    await page.goto(`/w/${DEMO}`);
    await expect(page.getByTestId("user-name")).toHaveText("Reader B");
    await expectNoEditingControls(page);
    const claim = await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text: "Outsider claim" });
    expect(claim.status()).toBe(403);
    const source = await page.request.get(`/api/workspaces/${DEMO}/matrix`);
    const { claims } = (await source.json()) as { claims: { id: string }[] };
    const patch = await write(page, "PATCH", `/api/workspaces/${DEMO}/claims/${claims[0].id}`, { version: 1, text: "Changed by an outsider" });
    expect(patch.status()).toBe(403);
    await page.context().close();
  });
});
