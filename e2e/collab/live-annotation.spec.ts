import { ANTI_NATO, DEMO, deleteExcerpt, expect, expectLive, openEcfr, pageAs, selectPassage, test } from "./support";

/** Each project cites its own passage, so a run never trips over the other project's leftovers. */
const PASSAGE: Record<string, string> = {
  desktop: "Putin will struggle to convince the other members",
  phone: "Sometimes protocol can expose power politics in its rawest form.",
};

test.describe("citing a passage, seen live by others", () => {
  test("an editor cites an ECFR passage as opposing; a reader's matrix and source update without reloading", async ({ browser, ownerState, readerState }, testInfo) => {
    const passage = PASSAGE[testInfo.project.name] ?? PASSAGE.desktop;

    // B: a freshly signed-up reader of the public demo, with the matrix and the article open.
    const readerContext = await browser.newContext({ storageState: readerState });
    const matrix = await readerContext.newPage();
    await matrix.goto(`/w/${DEMO}/matrix`);
    const ecfr = matrix.getByTestId("matrix-author").filter({ hasText: "ECFR" });
    const ecfrId = (await ecfr.getAttribute("data-author-id"))!;
    const row = matrix.getByTestId("matrix-row").filter({ has: matrix.getByRole("link", { name: ANTI_NATO, exact: true }) });
    const claimId = (await row.getAttribute("data-claim-id"))!;
    const cell = matrix.locator(`[data-testid="matrix-cell"][data-claim-id="${claimId}"][data-author-id="${ecfrId}"]`);
    // Seeded: ECFR opposes the claim in its own words and reports Moscow's view: two quotes.
    await expect(cell).toHaveAttribute("data-stance", "OPPOSES");
    await expect(cell).toHaveAccessibleName("ECFR: Opposes 2 quotes");
    await expectLive(matrix);

    const reading = await readerContext.newPage();
    const sourcePath = await openEcfr(reading);
    await expectLive(reading);
    const readerHighlight = reading.getByTestId("excerpt-highlight").filter({ hasText: passage });
    await expect(readerHighlight).toHaveCount(0);

    // A: the demo owner selects the passage and cites it.
    const editor = await pageAs(browser, ownerState);
    await editor.goto(sourcePath);
    await expect(editor.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");

    // B sees who is here, and what they are looking at.
    await matrix.getByTestId("presence").getByRole("button").click();
    const here = matrix.getByTestId("presence-entry").filter({ hasText: "Demo facilitator" });
    await expect(here).toContainText("reading a source", { timeout: 2_000 });
    await expect(here.getByRole("link", { name: "reading a source" })).toHaveAttribute("href", sourcePath);
    await matrix.keyboard.press("Escape");
    await expect(here).toBeHidden();

    expect(await selectPassage(editor, passage)).toBe(passage);

    const popover = editor.getByTestId("cite-popover");
    await expect(popover).toBeVisible();
    await expect(popover.getByTestId("cite-quote")).toHaveText(passage);
    await popover.getByTestId("cite-claim-search").fill("anti-NATO bloc");
    await popover.getByTestId("cite-claim-option").filter({ hasText: ANTI_NATO }).click();
    await popover.getByTestId("cite-stance-OPPOSES").click();
    await expect(popover.getByTestId("cite-voice-AUTHOR").getByRole("radio")).toBeChecked();
    await popover.getByTestId("cite-note").fill("Doubts that Russia can make the SCO its anti-Western alliance.");
    await popover.getByTestId("cite-submit").click();

    await expect(popover).toBeHidden();
    await expect(editor.getByTestId("cite-done")).toContainText(ANTI_NATO);
    const editorHighlight = editor.getByTestId("excerpt-highlight").filter({ hasText: passage });
    await expect(editorHighlight).toHaveAttribute("data-stance", "OPPOSES");
    const excerptId = (await editorHighlight.getAttribute("data-excerpt-id"))!;

    try {
      // B, without reloading: a third quote in the cell, still an opposing position.
      await expect(cell).toContainText("3 quotes", { timeout: 2_000 });
      await expect(cell).toHaveAccessibleName("ECFR: Opposes 3 quotes", { timeout: 2_000 });
      await expect(cell.getByTestId("position-chip")).toHaveText(/Opposes/);
      // …and the article shows the new highlight in the opposing colour.
      await expect(readerHighlight).toHaveAttribute("data-stance", "OPPOSES", { timeout: 2_000 });
      await expect(readerHighlight).toHaveAttribute("title", `Opposes: ${ANTI_NATO}`);

      // A reader opening the highlight sees the evidence, and no controls to change it.
      await readerHighlight.click();
      const panel = reading.getByTestId("excerpt-panel");
      await expect(panel.getByTestId("excerpt-evidence")).toContainText(ANTI_NATO);
      await expect(panel.getByTestId("evidence-edit")).toHaveCount(0);
    } finally {
      await deleteExcerpt(editor, excerptId);
    }
    // Deleting is live too: the cell goes back to what the seed says.
    await expect(cell).toContainText("2 quotes", { timeout: 2_000 });
    await expect(readerHighlight).toHaveCount(0, { timeout: 2_000 });

    await editor.context().close();
    await readerContext.close();
  });

  test("an open matrix cell keeps its place and shows the new quote when evidence arrives", async ({ browser, ownerState, readerState }, testInfo) => {
    const passage = testInfo.project.name === "phone" ? "Load player" : "Listen also to our podcast episode on the same topic!";
    const page = await pageAs(browser, readerState);
    await page.goto(`/w/${DEMO}/matrix`);
    const ecfrId = (await page.getByTestId("matrix-author").filter({ hasText: "ECFR" }).getAttribute("data-author-id"))!;
    const claimId = (await page.getByTestId("matrix-row").filter({ has: page.getByRole("link", { name: ANTI_NATO, exact: true }) }).getAttribute("data-claim-id"))!;
    const cell = page.locator(`[data-testid="matrix-cell"][data-claim-id="${claimId}"][data-author-id="${ecfrId}"]`);
    await expectLive(page);
    await cell.click();
    const quotes = page.getByTestId("cell-panel").getByTestId("cell-quote");
    await expect(quotes).toHaveCount(2);

    const editor = await pageAs(browser, ownerState);
    await openEcfr(editor);
    await expect(editor.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    await selectPassage(editor, passage);
    const popover = editor.getByTestId("cite-popover");
    await popover.getByTestId("cite-claim-option").filter({ hasText: ANTI_NATO }).click();
    await popover.getByTestId("cite-stance-QUALIFIES").click();
    await popover.getByTestId("cite-voice-REPORTED").click();
    await popover.getByTestId("cite-submit").click();
    await expect(popover).toBeHidden();
    const excerptId = (await editor.getByTestId("excerpt-highlight").filter({ hasText: passage }).getAttribute("data-excerpt-id"))!;

    try {
      // The panel stayed open through the refresh, and its cached quotes were fetched again.
      await expect(cell).toHaveAttribute("aria-expanded", "true");
      await expect(quotes).toHaveCount(3, { timeout: 2_000 });
      const added = quotes.filter({ hasText: passage });
      await expect(added).toHaveAttribute("data-stance", "QUALIFIES");
      await expect(added.getByTestId("reported-badge")).toBeVisible();
      // Counted in the cell, but a reported view does not move the position.
      await expect(cell).toContainText("3 quotes");
      await expect(cell).toHaveAttribute("data-stance", "OPPOSES");
    } finally {
      await deleteExcerpt(editor, excerptId);
    }
    await expect(quotes).toHaveCount(2, { timeout: 2_000 });
    await editor.context().close();
    await page.context().close();
  });
});
