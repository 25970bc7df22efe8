import { expect, test } from "@playwright/test";

const AUTHORS_BY_DATE = ["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"];

test.describe("the debate matrix of the demo workspace", () => {
  test("shows the five authors in date order and a position in every cell", async ({ page }) => {
    await page.goto("/w/sco-debate/matrix");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("The SCO");
    const headers = page.getByTestId("matrix-author");
    await expect(headers).toHaveCount(5);
    const names = await headers.allTextContents();
    AUTHORS_BY_DATE.forEach((name, i) => expect(names[i]).toContain(name));

    const cells = page.getByTestId("matrix-cell");
    const count = await cells.count();
    expect(count).toBeGreaterThanOrEqual(50);
    expect(count % 5).toBe(0);
    const stances = new Set(await cells.evaluateAll((els) => els.map((el) => el.getAttribute("data-stance"))));
    for (const stance of ["SUPPORTS", "OPPOSES", "SILENT"]) expect(stances).toContain(stance);
  });

  test("expands a cell to read the quotes and follows one to its place in the source", async ({ page }) => {
    await page.goto("/w/sco-debate/matrix");
    const cell = page.locator('[data-testid="matrix-cell"][data-stance="OPPOSES"]').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect(cell).toHaveAttribute("aria-expanded", "true");
    const quote = page.getByTestId("cell-quote").first();
    await expect(quote).toBeVisible();
    await expect(quote).toContainText(/Opposes/i);
    const quoteText = (await quote.locator("blockquote, q").first().textContent())?.trim() ?? "";
    expect(quoteText.length).toBeGreaterThan(20);

    const link = quote.getByTestId("quote-source-link");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/\/w\/sco-debate\/sources\/[0-9a-f-]{36}#excerpt-[0-9a-f-]{36}$/);
    await link.click();
    await expect(page).toHaveURL(/\/sources\/.+#excerpt-/);

    const excerptId = href!.split("#excerpt-")[1];
    const target = page.locator(`[data-testid="excerpt-highlight"][data-excerpt-id="${excerptId}"]`).first();
    await expect(target).toBeVisible();
    await expect(target).toHaveAttribute("data-target", "true");
    await expect(target).toBeInViewport();
    // The highlighted passage is the quote that was followed.
    const marked = (await page.locator(`[data-testid="excerpt-highlight"][data-excerpt-id="${excerptId}"]`).allTextContents()).join("");
    expect(normalise(marked)).toContain(normalise(quoteText).slice(0, 40));
  });

  test("opens a claim page with supporting and opposing evidence side by side", async ({ page }) => {
    await page.goto("/w/sco-debate/matrix");
    await page.getByRole("link", { name: "The SCO is an anti-NATO bloc." }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The SCO is an anti-NATO bloc.");
    await expect(page.getByTestId("evidence-opposes")).toContainText("Nurimbetov");
    await expect(page.getByTestId("evidence-supports")).toContainText(/Reported/i);
  });
});

test("a long map shows a first page of rows and more on request", async ({ page }) => {
  await page.goto("/w/sco-debate/matrix?rows=5");
  await expect(page.getByTestId("matrix-row")).toHaveCount(5);
  const more = page.getByTestId("matrix-more");
  await expect(more).toContainText(/Showing the first 5 of 1\d claims/);
  await more.getByRole("link").click();
  await expect(page.getByTestId("matrix-more")).toHaveCount(0);
  expect(await page.getByTestId("matrix-row").count()).toBeGreaterThanOrEqual(10);
});

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
