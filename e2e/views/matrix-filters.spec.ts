import { expect, test } from "@playwright/test";

interface TMatrixBody {
  authors: { id: string; shortName: string }[];
  claims: { id: string; text: string; tags: string[]; controversy: { split: boolean; score: number }; positions: Record<string, { stance: string }> }[];
}

test.describe("filtering and sorting the matrix, and the gaps page", () => {
  test("shows only the split claims, each marked, and sorts the most contested first", async ({ page, request }) => {
    const matrix = (await (await request.get("/api/workspaces/sco-debate/matrix")).json()) as TMatrixBody;
    // Split means at least one author supports and one opposes — counted here from the positions.
    const split = matrix.claims.filter((c) => {
      const stances = Object.values(c.positions).map((p) => p.stance);
      return stances.includes("SUPPORTS") && stances.includes("OPPOSES");
    });
    expect(split.length).toBeGreaterThan(0);

    await page.goto("/w/sco-debate/matrix");
    await expect(page.locator('[data-testid="matrix-row"][data-split="true"] [data-testid="controversy-badge"]')).toHaveCount(split.length);

    const filters = page.getByTestId("matrix-filters");
    await filters.getByLabel("Controversy").selectOption("split");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/controversy=split/);
    await expect(page.getByTestId("matrix-row")).toHaveCount(split.length);
    await expect(page.getByTestId("matrix-filter-status")).toContainText(`${split.length} of ${matrix.claims.length} claims match`);
    const shown = await page.getByTestId("matrix-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-claim-id")));
    expect(new Set(shown)).toEqual(new Set(split.map((c) => c.id)));

    // Sort by controversy, by keyboard: the first row is one of the most evenly split claims.
    await filters.getByLabel("Sort").focus();
    await filters.getByLabel("Sort").selectOption("controversy");
    await filters.getByRole("button", { name: "Apply" }).press("Enter");
    await expect(page).toHaveURL(/sort=controversy/);
    const top = Math.max(...matrix.claims.map((c) => c.controversy.score));
    const firstId = await page.getByTestId("matrix-row").first().getAttribute("data-claim-id");
    expect(matrix.claims.find((c) => c.id === firstId)?.controversy.score).toBe(top);

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page.getByTestId("matrix-row")).toHaveCount(matrix.claims.length);
  });

  test("filters by an author's stance, consistent with the cells", async ({ page, request }) => {
    const matrix = (await (await request.get("/api/workspaces/sco-debate/matrix")).json()) as TMatrixBody;
    const katz = matrix.authors.find((a) => a.shortName === "Katz")!;
    const expected = matrix.claims.filter((c) => c.positions[katz.id].stance === "SUPPORTS");
    expect(expected.length).toBeGreaterThan(0);

    await page.goto("/w/sco-debate/matrix");
    const filters = page.getByTestId("matrix-filters");
    await filters.getByLabel("Author").selectOption({ label: "Katz" });
    await filters.getByLabel("Stance").selectOption("SUPPORTS");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("matrix-row")).toHaveCount(expected.length);
    const cells = page.locator(`[data-testid="matrix-cell"][data-author-id="${katz.id}"]`);
    await expect(cells).toHaveCount(expected.length);
    for (const stance of await cells.evaluateAll((els) => els.map((el) => el.getAttribute("data-stance")))) expect(stance).toBe("SUPPORTS");
  });

  test("says so when no claim matches, and when the address holds a filter it does not know", async ({ page }) => {
    await page.goto("/w/sco-debate/matrix?tag=no-such-tag");
    await expect(page.getByText("No claim matches these filters")).toBeVisible();
    await page.goto("/w/sco-debate/matrix?sort=loudest");
    await expect(page.getByRole("alert").filter({ hasText: "was not understood" })).toContainText("sort is one of order, controversy");
    await expect(page.getByTestId("matrix-row").first()).toBeVisible();
  });

  test("the gaps page lists the silent authors of each claim as the matrix shows them", async ({ page, request }) => {
    const matrix = (await (await request.get("/api/workspaces/sco-debate/matrix")).json()) as TMatrixBody;
    const silentCells = matrix.claims.flatMap((c) => matrix.authors.filter((a) => c.positions[a.id].stance === "SILENT").map((a) => `${c.id}:${a.id}`));

    await page.goto("/w/sco-debate/matrix");
    await page.getByTestId("gaps-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where the map is thin");
    const silent = page.getByTestId("gaps-silent");
    await expect(silent.getByRole("heading")).toContainText(`(${silentCells.length})`);
    const claimWithGap = matrix.claims.find((c) => Object.values(c.positions).some((p) => p.stance === "SILENT"))!;
    const row = silent.locator(`[data-testid="silent-gap"][data-claim-id="${claimWithGap.id}"]`);
    for (const author of matrix.authors.filter((a) => claimWithGap.positions[a.id].stance === "SILENT")) await expect(row).toContainText(author.shortName);
    await row.getByRole("link", { name: claimWithGap.text }).click();
    await expect(page).toHaveURL(new RegExp(`/claims/${claimWithGap.id}$`));
  });
});
