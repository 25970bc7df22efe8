import { expect, test, type Page } from "@playwright/test";
import { signUp } from "../support/auth";

const KATZ_TITLE = /Lonely Road/i;
const DELETED_QUOTE = "Finally, Uzbekistan had relatively poor relations";

/** A copy of the demo map owned by a fresh user, made by exporting the demo and importing the file. */
async function copyOfDemo(page: Page): Promise<string> {
  await signUp(page, "Source Editor");
  const exported = await page.request.get("/api/workspaces/sco-debate/export?format=json");
  expect(exported.ok()).toBe(true);
  const origin = test.info().project.use.baseURL!;
  const imported = await page.request.post(`/api/workspaces/import?format=json&title=${encodeURIComponent("Revisions")}`, { data: await exported.text(), headers: { origin, "content-type": "application/json" } });
  expect(imported.status(), await imported.text()).toBe(201);
  return ((await imported.json()) as { slug: string }).slug;
}

async function openKatz(page: Page, slug: string) {
  await page.goto(`/w/${slug}/sources`);
  await page.getByRole("link", { name: KATZ_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KATZ_TITLE);
}

/** The authors of the first timeline list, by their short names, in the order the page draws them. */
async function timelineOrder(page: Page, slug: string): Promise<string[]> {
  const timeline = (await (await page.request.get(`/api/workspaces/${slug}/timeline`)).json()) as { authors: { id: string; shortName: string }[] };
  const names = new Map(timeline.authors.map((a) => [a.id, a.shortName]));
  await page.goto(`/w/${slug}/timeline`);
  const entries = page.getByTestId("timeline-list").first().getByTestId("timeline-entry");
  await expect(entries).toHaveCount(5);
  return (await entries.evaluateAll((els) => els.map((el) => el.getAttribute("data-author-id")))).map((id) => names.get(id!)!);
}

test.describe("correcting and revising a source", () => {
  test("a corrected date moves the source on the timeline", async ({ page }, testInfo) => {
    const slug = await copyOfDemo(page);
    expect(await timelineOrder(page, slug)).toEqual(["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"]);

    await openKatz(page, slug);
    await page.getByTestId("edit-source").click();
    const form = page.getByTestId("source-edit-form");
    await expect(form.getByLabel("Published")).toHaveValue("2008");
    await form.getByLabel("Published").fill("2023-05");
    await page.screenshot({ path: testInfo.outputPath("source-edit-form.png"), fullPage: false });
    await form.getByTestId("save-source").click();
    await expect(page.getByTestId("source-saved")).toHaveText("Saved.");
    await expect(page.getByTestId("source-meta")).toContainText("May 2023");

    expect(await timelineOrder(page, slug)).toEqual(["Nurimbetov", "ECFR", "Harding", "Katz", "The Diplomat"]);
    await page.screenshot({ path: testInfo.outputPath("timeline-after-edit.png"), fullPage: false });
  });

  test("a revised text lists the passage it lost under “Needs attention”, which can be attached to a selection", async ({ page }, testInfo) => {
    const slug = await copyOfDemo(page);
    await openKatz(page, slug);
    await expect(page.getByTestId("orphan-list")).toHaveCount(0);
    await page.getByTestId("edit-source").click();
    const field = page.getByTestId("source-text-field");
    const text = await field.inputValue();
    const at = text.indexOf(DELETED_QUOTE);
    const paragraphStart = text.lastIndexOf("\n\n", at) + 2;
    const paragraphEnd = text.indexOf("\n\n", at) + 2;
    await field.fill(text.slice(0, paragraphStart) + text.slice(paragraphEnd));
    await page.getByTestId("save-source").click();
    await expect(page.getByTestId("source-saved")).toContainText("1 no longer in the text");

    await expect(page.getByTestId("orphans-notice")).toHaveText("1 passage needs attention: the revised text no longer holds it");
    const orphans = page.getByTestId("orphan-list");
    await expect(orphans).toBeVisible();
    await expect(orphans.getByTestId("orphan-item")).toHaveCount(1);
    await expect(orphans.getByTestId("orphan-item")).toContainText(DELETED_QUOTE);
    await expect(orphans).toContainText("The SCO has made a real contribution to stability");
    // Never drawn in the text: the quote's words are gone, and no highlight stands in for them.
    await expect(page.getByTestId("source-text")).not.toContainText(DELETED_QUOTE);
    await orphans.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("orphan-list.png"), fullPage: false });

    await page.goto(`/w/${slug}/gaps`);
    await expect(page.getByTestId("gaps-orphaned").getByTestId("orphaned-excerpt")).toContainText(DELETED_QUOTE);

    // Attach it to the first sentence of the text, selected as a reader would.
    await openKatz(page, slug);
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid="source-text"]')!;
      const node = document.evaluate(".//text()[normalize-space()]", box, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(40, node.textContent!.length));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.getByTestId("orphan-attach").click();
    await expect(page.getByTestId("orphan-list")).toHaveCount(0);
  });
});

test.describe("authors and deleting a source", () => {
  test("an author is renamed and merged into another on the Authors page; a deleted source says what goes with it", async ({ page }, testInfo) => {
    const slug = await copyOfDemo(page);
    await page.goto(`/w/${slug}/sources`);
    await page.getByRole("link", { name: "see the authors" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Authors");
    const items = page.getByTestId("author-item");
    await expect(items).toHaveCount(5);

    const katz = items.filter({ hasText: "Mark N. Katz" });
    await katz.getByTestId("author-edit").click();
    await katz.getByLabel("Short name (column header)").fill("M. Katz");
    await katz.getByLabel("Affiliation (optional)").fill("George Mason University");
    await katz.getByRole("button", { name: "Save" }).click();
    await expect(katz).toContainText("column “M. Katz”");
    await expect(katz).toContainText("George Mason University");

    const harding = items.filter({ hasText: "Harding" });
    await harding.getByTestId("author-merge").click();
    await harding.getByLabel(/^Merge .* into$/).selectOption({ label: "Mark N. Katz" });
    await expect(harding.getByTestId("author-merge-form")).toContainText("1 source moves to Mark N. Katz");
    await page.screenshot({ path: testInfo.outputPath("authors-merge.png"), fullPage: true });
    await harding.getByTestId("author-merge-confirm").click();
    await expect(items).toHaveCount(4);
    await expect(items.filter({ hasText: "Mark N. Katz" })).toContainText("2 sources");
    const matrix = (await (await page.request.get(`/api/workspaces/${slug}/matrix`)).json()) as { authors: { shortName: string }[] };
    expect(matrix.authors.map((a) => a.shortName)).not.toContain("Harding");

    await openKatz(page, slug);
    await page.getByTestId("delete-source").click();
    await expect(page.getByRole("group", { name: /Delete this source/ })).toContainText(/with its 9 quotes \(evidence on \d+ claims\)\? You can undo it from the history\./);
    await page.screenshot({ path: testInfo.outputPath("delete-source.png"), fullPage: false });
    await page.getByTestId("delete-source-confirm").click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(page.getByRole("link", { name: KATZ_TITLE })).toHaveCount(0);
  });
});
