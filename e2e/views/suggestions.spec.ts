import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO, asOwner, deleteExcerpt, expect, pageAs, test } from "../collab/support";

interface TSuggestions {
  claimId: string;
  authors: { author: { id: string; shortName: string }; passages: { sourceId: string; start: number; end: number; text: string }[] }[];
}

/** The first claim of the matrix with a silent author who has suggested passages, and that author. */
async function silentWithSuggestions(page: Page): Promise<{ claimId: string; authorId: string; shortName: string; sourceIds: string[] }> {
  const matrix = (await (await page.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: { id: string }[] };
  for (const claim of matrix.claims) {
    const suggestions = (await (await page.request.get(`/api/workspaces/${DEMO}/claims/${claim.id}/suggestions`)).json()) as TSuggestions;
    const found = suggestions.authors.find((a) => a.passages.length > 0);
    if (found) return { claimId: claim.id, authorId: found.author.id, shortName: found.author.shortName, sourceIds: found.passages.map((p) => p.sourceId) };
  }
  throw new Error("no claim of the demo has a silent author with suggested passages");
}

asOwner.describe("suggested passages for silent authors", () => {
  asOwner("a suggestion is cited as evidence in place, and the author's position chip changes from silent", async ({ page }) => {
    const { claimId, authorId, shortName } = await silentWithSuggestions(page);
    await page.goto(`/w/${DEMO}/claims/${claimId}`);
    const chip = page.locator(`[data-testid="claim-position"][data-author-id="${authorId}"] [data-testid="position-chip"]`);
    await expect(chip).toHaveAttribute("data-stance", "SILENT");

    const section = page.getByTestId("suggestions");
    await expect(section.getByRole("heading", { level: 2 })).toHaveText("Silent authors — passages to check");
    const author = section.locator(`[data-testid="suggestion-author"][data-author-id="${authorId}"]`);
    const passage = author.getByTestId("suggested-passage").first();
    await expect(passage.getByTestId("match").first()).toBeVisible();
    const [sourceId, start, end] = await Promise.all([passage.getAttribute("data-source-id"), passage.getAttribute("data-start"), passage.getAttribute("data-end")]);

    await passage.getByTestId("cite-suggestion").click();
    const form = passage.getByTestId("cite-suggestion-form");
    await expect(form).toBeVisible();
    await expect(form.getByRole("radio", { name: /Author’s own view/ })).toBeChecked();
    // Submitting without a stance says what is missing.
    await form.getByTestId("suggestion-submit").click();
    await expect(form.getByTestId("suggestion-error")).toContainText("Choose whether the passage supports");
    await form.getByTestId("suggestion-stance-QUALIFIES").click();
    await form.getByTestId("suggestion-note").fill("Checked from the suggestions.");
    await form.getByTestId("suggestion-submit").click();

    let excerptId: string | undefined;
    try {
      await expect(chip).toHaveAttribute("data-stance", "QUALIFIES");
      await expect(page.getByTestId("suggestion-cited")).toContainText(`Cited a passage by ${shortName} as qualifies`);
      await expect(author).toHaveCount(0);
      // Stored as the whole passage, with the author's own voice and the note.
      const claim = (await (await page.request.get(`/api/workspaces/${DEMO}/claims/${claimId}`)).json()) as {
        evidence: { stance: string; voice: string; note: string | null; source: { id: string }; excerpt: { id: string; start: number; end: number } }[];
      };
      const cited = claim.evidence.find((e) => e.source.id === sourceId && e.excerpt.start === Number(start) && e.excerpt.end === Number(end));
      excerptId = cited?.excerpt.id;
      expect(cited).toMatchObject({ stance: "QUALIFIES", voice: "AUTHOR", note: "Checked from the suggestions." });
    } finally {
      if (excerptId) await deleteExcerpt(page, excerptId);
    }
  });
});

asOwner.describe("suggested passages, by keyboard", () => {
  asOwner("the cite form opens and closes from the keyboard, and the section has no serious accessibility violations", async ({ page }) => {
    const { claimId, authorId } = await silentWithSuggestions(page);
    await page.goto(`/w/${DEMO}/claims/${claimId}`);
    const passage = page.locator(`[data-testid="suggestion-author"][data-author-id="${authorId}"]`).getByTestId("suggested-passage").first();
    const toggle = passage.getByTestId("cite-suggestion");
    await expect(toggle).not.toHaveAttribute("aria-disabled", "true");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const form = passage.getByTestId("cite-suggestion-form");
    await expect(form).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="suggestions"]').analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await form.getByTestId("suggestion-note").focus();
    await page.keyboard.press("Escape");
    await expect(form).toHaveCount(0);
    await expect(toggle).toBeFocused();
  });
});

test.describe("suggested passages, read only", () => {
  test("a reader sees the passages of the author's own sources, without the button to cite, and can open one in the reader", async ({ browser }) => {
    const page = await pageAs(browser);
    const { claimId, authorId, sourceIds } = await silentWithSuggestions(page);
    await page.goto(`/w/${DEMO}/claims/${claimId}`);
    const author = page.locator(`[data-testid="suggestion-author"][data-author-id="${authorId}"]`);
    const passages = author.getByTestId("suggested-passage");
    await expect(passages.first()).toBeVisible();
    expect(await passages.evaluateAll((els) => els.map((el) => el.getAttribute("data-source-id")))).toEqual(sourceIds);
    await expect(page.getByTestId("cite-suggestion")).toHaveCount(0);

    const first = passages.first();
    const [start, end] = await Promise.all([first.getAttribute("data-start"), first.getAttribute("data-end")]);
    await first.getByRole("link", { name: /Read in source/ }).click();
    await expect(page).toHaveURL(new RegExp(`#at-${start}-${end}$`));
    await expect(page.getByTestId("search-target").first()).toBeInViewport();
    await page.context().close();
  });
});
