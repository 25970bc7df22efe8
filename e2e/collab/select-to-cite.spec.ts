import { ANTI_NATO, DEMO, asOwner as test, deleteExcerpt, expect, openEcfr, selectPassage, write, remove } from "./support";

test.describe("select to cite, in the source reader", () => {
  test("a selection across two paragraphs is cited exactly, to a new claim", async ({ page }, testInfo) => {
    const sourcePath = await openEcfr(page);
    const sourceId = sourcePath.split("/").pop()!;
    await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    // "Load player" and "Listen also …" are separate paragraphs; the blank line between them is not drawn.
    await selectPassage(page, "Load player", "Listen also to our podcast");
    const popover = page.getByTestId("cite-popover");
    await expect(popover.getByTestId("cite-quote")).toHaveText("Load player\n\nListen also to our podcast");

    const claimText = `Think tanks use audio to reach policymakers (${testInfo.project.name} ${Date.now()}).`;
    await popover.getByTestId("cite-claim-mode-new").click();
    await popover.getByTestId("cite-new-claim-text").fill(claimText);
    await popover.getByTestId("cite-stance-SUPPORTS").click();
    await popover.getByTestId("cite-submit").click();
    await expect(page.getByTestId("cite-done")).toContainText(claimText);

    // Stored with both selectors, and the offsets quote the source exactly.
    const source = (await (await page.request.get(`/api/workspaces/${DEMO}/sources/${sourceId}`)).json()) as {
      text: string;
      excerpts: { id: string; start: number; end: number; exact: string; evidence: { claimText: string; stance: string }[] }[];
    };
    const excerpt = source.excerpts.find((x) => x.evidence.some((e) => e.claimText === claimText))!;
    try {
      expect(excerpt.exact).toBe("Load player\n\nListen also to our podcast");
      expect(source.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.exact);
      expect(excerpt.evidence).toEqual([expect.objectContaining({ stance: "SUPPORTS" })]);
      // Drawn as one highlight per paragraph.
      await expect(page.locator(`[data-testid="excerpt-highlight"][data-excerpt-id="${excerpt.id}"]`)).toHaveCount(2);
    } finally {
      await deleteExcerpt(page, excerpt.id);
      const claims = (await (await page.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: { id: string; text: string }[] };
      const created = claims.claims.find((c) => c.text === claimText);
      if (created) await remove(page, `/api/workspaces/${DEMO}/claims/${created.id}`);
    }
  });

  test("the keyboard alone selects a passage and cites it; the same citation twice is refused in words", async ({ page }) => {
    await openEcfr(page);
    const text = page.getByTestId("source-text");
    await expect(text).toHaveAttribute("data-cite-ready", "true");
    await text.focus();
    // From the first line in view: Shift + Ctrl + → twice selects the first two words.
    await page.keyboard.down("Shift");
    await page.keyboard.press("Control+ArrowRight");
    await page.keyboard.press("Control+ArrowRight");
    await page.keyboard.up("Shift");
    const popover = page.getByTestId("cite-popover");
    await expect(popover).toBeVisible();
    await expect(popover.getByTestId("cite-quote")).toHaveText("Rogue NATO");
    await expect(popover).toBeFocused();

    // Escape gives the selection back to the text, to adjust it.
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();
    await expect(text).toBeFocused();
    await page.keyboard.down("Shift");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.up("Shift");
    await expect(popover.getByTestId("cite-quote")).toHaveText("Rogue NATO: T");
    await page.keyboard.press("Escape");
    await page.keyboard.down("Shift");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.up("Shift");
    await expect(popover.getByTestId("cite-quote")).toHaveText("Rogue NATO");

    await popover.getByTestId("cite-claim-search").fill("anti-NATO bloc");
    await popover.getByTestId("cite-claim-search").press("Enter");
    await expect(popover.getByTestId("cite-claim-option").filter({ hasText: ANTI_NATO }).getByRole("radio")).toBeChecked();
    await popover.getByTestId("cite-stance-QUALIFIES").click();
    await popover.getByTestId("cite-submit").click();
    await expect(page.getByTestId("cite-done")).toBeVisible();
    const highlight = page.getByTestId("excerpt-highlight").filter({ hasText: /^Rogue NATO$/ });
    await expect(highlight).toHaveAttribute("data-stance", "QUALIFIES");
    const excerptId = (await highlight.getAttribute("data-excerpt-id"))!;

    try {
      await text.focus();
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await page.keyboard.down("Shift");
      await page.keyboard.press("Control+ArrowRight");
      await page.keyboard.press("Control+ArrowRight");
      await page.keyboard.up("Shift");
      await expect(popover.getByTestId("cite-quote")).toHaveText("Rogue NATO");
      await popover.getByTestId("cite-claim-option").filter({ hasText: ANTI_NATO }).click();
      await popover.getByTestId("cite-stance-QUALIFIES").click();
      await popover.getByTestId("cite-submit").click();
      await expect(popover.getByTestId("cite-error")).toHaveText("This passage is already evidence for that claim; edit the existing link instead.");
      await expect(popover).toBeVisible();
    } finally {
      await deleteExcerpt(page, excerptId);
    }
  });

  test("an editor changes, unlinks and deletes evidence from a highlight's panel", async ({ page }) => {
    const passage = "Now, members of the organisation";
    await openEcfr(page);
    await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    await selectPassage(page, passage);
    const popover = page.getByTestId("cite-popover");
    await popover.getByTestId("cite-claim-option").filter({ hasText: ANTI_NATO }).click();
    await popover.getByTestId("cite-stance-SUPPORTS").click();
    await popover.getByTestId("cite-submit").click();
    const highlight = page.getByTestId("excerpt-highlight").filter({ hasText: passage });
    await expect(highlight).toHaveAttribute("data-stance", "SUPPORTS");
    const excerptId = (await highlight.getAttribute("data-excerpt-id"))!;

    try {
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await highlight.click();
      const panel = page.getByTestId("excerpt-panel");
      const evidence = panel.getByTestId("excerpt-evidence");
      await expect(evidence).toHaveCount(1);
      await evidence.getByTestId("evidence-edit").click();
      await panel.getByTestId("edit-stance-OPPOSES").click();
      await panel.getByTestId("edit-voice-REPORTED").click();
      await panel.getByTestId("edit-note").fill("Reported, then rejected.");
      await panel.getByTestId("evidence-save").click();
      await expect(evidence).toHaveAttribute("data-stance", "OPPOSES");
      await expect(evidence).toHaveAttribute("data-voice", "REPORTED");
      await expect(evidence).toContainText("Reported, then rejected.");
      await expect(highlight).toHaveAttribute("data-stance", "OPPOSES");

      // Editing again uses the version the first edit returned.
      await evidence.getByTestId("evidence-edit").click();
      await panel.getByTestId("edit-voice-AUTHOR").click();
      await panel.getByTestId("evidence-save").click();
      await expect(evidence).toHaveAttribute("data-voice", "AUTHOR");

      await evidence.getByTestId("evidence-delete").click();
      await evidence.getByTestId("evidence-delete-confirm").click();
      await expect(panel).toContainText("This passage is not linked to a claim yet.");
      await expect(highlight).toHaveAttribute("data-stance", "NONE");

      await panel.getByTestId("excerpt-delete").click();
      await panel.getByTestId("excerpt-delete-confirm").click();
      await expect(panel).toBeHidden();
      await expect(highlight).toHaveCount(0);
    } finally {
      await deleteExcerpt(page, excerptId);
    }
  });

  test("a selection that settles without a mouse (long-press and handles) opens the form without taking focus", async ({ page }) => {
    await openEcfr(page);
    await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    await page.evaluate(() => {
      const run = [...document.querySelectorAll('[data-testid="source-text"] [data-run-start]')].find((r) => r.textContent!.includes("Load player"))!;
      const range = document.createRange();
      range.setStart(run.firstChild!, run.textContent!.indexOf("Load"));
      range.setEnd(run.firstChild!, run.textContent!.indexOf("Load") + "Load player".length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    const popover = page.getByTestId("cite-popover");
    await expect(popover.getByTestId("cite-quote")).toHaveText("Load player");
    await expect(popover).not.toBeFocused();
  });

  test("a half-typed citation survives a live update, which brings a new claim into its list", async ({ page }, testInfo) => {
    await openEcfr(page);
    await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    await selectPassage(page, "Listen also to our podcast episode");
    const popover = page.getByTestId("cite-popover");
    await popover.getByTestId("cite-stance-OPPOSES").click();
    await popover.getByTestId("cite-note").fill("Half-typed note");
    const claimText = `A claim added meanwhile (${testInfo.project.name} ${Date.now()})`;
    await popover.getByTestId("cite-claim-search").fill("added meanwhile");
    await expect(popover.getByTestId("cite-claim-option")).toHaveCount(0);

    const created = await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text: claimText });
    const { id } = (await created.json()) as { id: string };
    try {
      await expect(popover.getByTestId("cite-claim-option").filter({ hasText: claimText })).toBeVisible({ timeout: 2_000 });
      await expect(popover.getByTestId("cite-note")).toHaveValue("Half-typed note");
      await expect(popover.getByTestId("cite-stance-OPPOSES").getByRole("radio")).toBeChecked();
      await expect(popover.getByTestId("cite-quote")).toHaveText("Listen also to our podcast episode");
    } finally {
      await remove(page, `/api/workspaces/${DEMO}/claims/${id}`);
    }
  });
});
