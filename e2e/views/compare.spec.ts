import { expect, test, type Page } from "@playwright/test";
import { DEMO, authorId, expectAccessible, fetchJson, normalise, type TMatrixBody, type TStanceName } from "./support";

/**
 * The tests' own rule for how two or more authors' positions on a claim relate — written here,
 * not imported, so that the page is checked against an independent reading of GET /matrix.
 */
function groupOf(stances: TStanceName[]): string {
  const speaking = stances.filter((s) => s !== "SILENT");
  if (speaking.length === 0) return "none";
  if (speaking.length === 1) return "only-one";
  if (speaking.includes("SUPPORTS") && speaking.includes("OPPOSES")) return "disagree";
  return new Set(speaking).size === 1 ? "agree" : "differ";
}

function expectedGroups(matrix: TMatrixBody, ids: string[]): Record<string, string[]> {
  const groups: Record<string, string[]> = { agree: [], disagree: [], differ: [], "only-one": [], none: [] };
  for (const claim of matrix.claims) groups[groupOf(ids.map((id) => claim.positions[id].stance))].push(claim.id);
  return groups;
}

/** What a heatmap cell and the summary should say for a pair: "67 % · n = 6" or "no shared claims". */
function expectedCell(matrix: TMatrixBody, a: string, b: string): { n: number; agree: number; label: string } {
  const groups = expectedGroups(matrix, [a, b]);
  const n = groups.agree.length + groups.disagree.length + groups.differ.length;
  const agree = groups.agree.length;
  return { n, agree, label: n === 0 ? "no shared claims" : `${Math.round((agree / n) * 100)} % · n = ${n}` };
}

const claimIdsIn = (page: Page, group: string) =>
  page.locator(`[data-testid="compare-group"][data-group="${group}"] [data-testid="compare-claim"]`).evaluateAll((els) => els.map((el) => el.getAttribute("data-claim-id")));

test.describe("comparing authors", () => {
  test("Katz vs Nurimbetov: claims grouped as the matrix implies, positions side by side with their quotes", async ({ page }, testInfo) => {
    const matrix = await fetchJson<TMatrixBody>(page, `/api/workspaces/${DEMO}/matrix`);
    const [katz, nurimbetov] = [authorId(matrix, "Katz"), authorId(matrix, "Nurimbetov")];
    const expected = expectedGroups(matrix, [katz, nurimbetov]);
    expect(expected.agree.length).toBeGreaterThan(0);
    expect(expected.disagree.length).toBeGreaterThan(0);

    await page.goto(`/w/${DEMO}/compare?authors=${katz},${nurimbetov}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katz and Nurimbetov");
    for (const group of ["agree", "disagree", "differ", "only-one", "none"]) {
      expect(await claimIdsIn(page, group), group).toEqual(expected[group]);
    }
    await expect(page.getByRole("heading", { level: 2, name: /^Agree \(/ })).toContainText(`(${expected.agree.length})`);
    await expect(page.getByRole("heading", { level: 2, name: /^Disagree \(/ })).toContainText(`(${expected.disagree.length})`);

    const { n, agree } = expectedCell(matrix, katz, nurimbetov);
    await expect(page.getByTestId("compare-sentence")).toContainText(
      `Katz and Nurimbetov agree on ${agree} of ${n} shared claims (${Math.round((agree / n) * 100)} %), disagree on ${expected.disagree.length}`,
    );

    // Each row: both authors' positions as the matrix has them, each with as many quotes as the cell has links.
    for (const claimId of [...expected.agree, ...expected.disagree]) {
      const claim = matrix.claims.find((c) => c.id === claimId)!;
      const row = page.locator(`[data-testid="compare-claim"][data-claim-id="${claimId}"]`);
      await expect(row.getByRole("link", { name: claim.text })).toHaveAttribute("href", `/w/${DEMO}/claims/${claimId}`);
      for (const id of [katz, nurimbetov]) {
        const block = row.locator(`[data-testid="compare-author"][data-author-id="${id}"]`);
        await expect(block.getByTestId("position-chip")).toHaveAttribute("data-stance", claim.positions[id].stance);
        await expect(block.getByTestId("compare-quote")).toHaveCount(claim.positions[id].evidenceCount);
      }
    }

    // A disagreement: one supports, the other opposes, and each quote leads to its place in the source.
    const disagreement = page.locator(`[data-testid="compare-claim"][data-claim-id="${expected.disagree[0]}"]`);
    const stances = await disagreement.getByTestId("compare-author").evaluateAll((els) => els.map((el) => el.getAttribute("data-stance")).sort());
    expect(stances).toEqual(["OPPOSES", "SUPPORTS"]);
    const quoteLink = disagreement.getByTestId("quote-source-link").first();
    expect(await quoteLink.getAttribute("href")).toMatch(new RegExp(`^/w/${DEMO}/sources/[0-9a-f-]{36}#excerpt-[0-9a-f-]{36}$`));

    // Nurimbetov reports the anti-NATO view he argues against: shown, marked REPORTED, and he still opposes.
    const antiNato = matrix.claims.find((c) => c.text === "The SCO is an anti-NATO bloc.")!;
    const nurimbetovOnAntiNato = page.locator(`[data-testid="compare-claim"][data-claim-id="${antiNato.id}"] [data-testid="compare-author"][data-author-id="${nurimbetov}"]`);
    await expect(nurimbetovOnAntiNato).toHaveAttribute("data-stance", "OPPOSES");
    await expect(nurimbetovOnAntiNato.locator('[data-testid="compare-quote"][data-voice="REPORTED"]').first().getByTestId("reported-badge")).toBeVisible();

    // Side by side on a laptop; stacked on a phone.
    const [first, second] = [disagreement.getByTestId("compare-author").nth(0), disagreement.getByTestId("compare-author").nth(1)];
    const [a, b] = [(await first.boundingBox())!, (await second.boundingBox())!];
    if (testInfo.project.name === "phone") {
      expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
      expect(Math.abs(b.x - a.x)).toBeLessThan(2);
    } else {
      expect(b.x).toBeGreaterThan(a.x + a.width);
      expect(Math.abs(b.y - a.y)).toBeLessThan(2);
    }
    // Nothing wider than the screen: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test("the heatmap's cell for a pair says what the comparison says, for every pair, and opens that comparison", async ({ page }) => {
    const matrix = await fetchJson<TMatrixBody>(page, `/api/workspaces/${DEMO}/matrix`);
    const [katz, nurimbetov] = [authorId(matrix, "Katz"), authorId(matrix, "Nurimbetov")];
    await page.goto(`/w/${DEMO}/compare?authors=${katz},${nurimbetov}`);

    const heatmap = page.getByTestId("heatmap");
    await expect(heatmap.getByTestId("heatmap-self")).toHaveCount(matrix.authors.length);
    await expect(heatmap.getByTestId("heatmap-self").first()).toHaveText("self");
    for (const a of matrix.authors) {
      for (const b of matrix.authors) {
        if (a.id === b.id) continue;
        const cell = heatmap.locator(`[data-testid="heatmap-cell"][data-a="${a.id}"][data-b="${b.id}"]`);
        expect(normalise(await cell.getByTestId("heat-label").textContent()), `${a.shortName} × ${b.shortName}`).toBe(expectedCell(matrix, a.id, b.id).label);
      }
    }

    // The pair's cell and the comparison's summary agree.
    const pair = expectedCell(matrix, katz, nurimbetov);
    const cell = heatmap.locator(`[data-testid="heatmap-cell"][data-a="${katz}"][data-b="${nurimbetov}"]`);
    const [percent, n] = normalise(await cell.getByTestId("heat-label").textContent()).match(/^(\d+) % · n = (\d+)$/)!.slice(1);
    await expect(page.getByTestId("compare-sentence")).toContainText(`${pair.agree} of ${n} shared claims (${percent} %)`);

    // Another pair, by clicking its cell.
    const [ecfr, harding] = [authorId(matrix, "ECFR"), authorId(matrix, "Harding")];
    const other = heatmap.locator(`[data-testid="heatmap-cell"][data-a="${ecfr}"][data-b="${harding}"]`);
    const otherLabel = normalise(await other.getByTestId("heat-label").textContent());
    await other.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/compare\\?authors=${ecfr},${harding}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ECFR and Harding");
    const expected = expectedCell(matrix, ecfr, harding);
    expect(otherLabel).toBe(expected.label);
    await expect(page.getByTestId("compare-sentence")).toContainText(`agree on ${expected.agree} of ${expected.n} shared claims (${Math.round((expected.agree / expected.n) * 100)} %)`);
    await expect(page.getByTestId("compare-summary")).toHaveAttribute("data-n", String(expected.n));
    await expect(page.locator(`[data-testid="heatmap-cell"][data-a="${ecfr}"][data-b="${harding}"] a`)).toHaveAttribute("aria-current", "page");
  });

  test("the author picker works by keyboard, and says so when fewer than two are chosen", async ({ page }) => {
    const matrix = await fetchJson<TMatrixBody>(page, `/api/workspaces/${DEMO}/matrix`);
    await page.goto(`/w/${DEMO}/compare`);
    await expect(page.getByTestId("compare-choose")).toContainText("Choose at least two authors");
    await expect(page.getByTestId("compare-claim")).toHaveCount(0);

    const options = page.getByTestId("author-option");
    await expect(options).toHaveCount(matrix.authors.length);
    await options.first().focus();
    await page.keyboard.press("Space"); // Katz
    await page.keyboard.press("Tab");
    await expect(options.nth(1)).toBeFocused();
    await page.keyboard.press("Space"); // Nurimbetov
    for (let i = 2; i < matrix.authors.length; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Compare" })).toBeFocused();
    await page.keyboard.press("Enter");

    const [katz, nurimbetov] = [authorId(matrix, "Katz"), authorId(matrix, "Nurimbetov")];
    await expect(page).toHaveURL(new RegExp(`authors=${katz}&authors=${nurimbetov}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katz and Nurimbetov");
    await expect(options.nth(0)).toBeChecked();
    await expect(options.nth(1)).toBeChecked();
    expect(await page.getByTestId("compare-claim").count()).toBe(matrix.claims.length);

    // Untick Nurimbetov: one author is not a comparison.
    await options.nth(1).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Compare" }).press("Enter");
    await expect(page.getByTestId("compare-choose")).toHaveText("Choose at least one more author to compare with Katz.");

    // A link with an author who is not in the workspace says so and compares the rest.
    await page.goto(`/w/${DEMO}/compare?authors=${katz},00000000-0000-4000-8000-000000000000,${nurimbetov}`);
    await expect(page.getByTestId("compare-unknown")).toContainText("not in this workspace");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katz and Nurimbetov");
  });

  test("has no serious accessibility violations", async ({ page }) => {
    const matrix = await fetchJson<TMatrixBody>(page, `/api/workspaces/${DEMO}/matrix`);
    await page.goto(`/w/${DEMO}/compare?authors=${authorId(matrix, "Katz")},${authorId(matrix, "Nurimbetov")},${authorId(matrix, "ECFR")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katz, Nurimbetov and ECFR");
    await expectAccessible(page);
  });
});
