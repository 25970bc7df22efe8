import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const DEMO = "sco-debate";

test.describe("search", () => {
  test("the header search finds The Diplomat's “talk shop” passage with the words marked, and the reader opens at it", async ({ page }) => {
    await page.goto(`/w/${DEMO}/matrix`);
    const box = page.getByRole("searchbox", { name: "Search this workspace" });
    await box.fill("talk shop");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/search\\?q=talk\\+shop$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “talk shop”");

    const passages = page.getByTestId("results-passages");
    await expect(passages.getByRole("heading", { level: 2 })).toContainText("In the sources’ text");
    const hit = passages.getByTestId("result-passage").filter({ hasText: "The Diplomat" });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator("blockquote")).toContainText("as a Eurasian “talk shop.”");
    await expect(hit.getByTestId("match")).toHaveText(["talk", "shop"]);
    const [sourceId, start, end] = await Promise.all([hit.getAttribute("data-source-id"), hit.getAttribute("data-start"), hit.getAttribute("data-end")]);

    await hit.getByTestId("passage-link").click();
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/sources/${sourceId}#at-${start}-${end}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^How Kazakhstan/);
    // The passage is marked in the reader and scrolled into view, exactly as stored.
    const target = page.getByTestId("search-target");
    await expect(target.first()).toBeInViewport();
    const source = (await (await page.request.get(`/api/workspaces/${DEMO}/sources/${sourceId}`)).json()) as { text: string };
    expect((await target.allTextContents()).join("")).toBe(source.text.slice(Number(start), Number(end)));
    expect(source.text.slice(Number(start), Number(end))).toContain("“talk shop.”");
    await expect(page.locator('[data-testid="source-text"] p[data-search-target="true"]')).toHaveCount(1);
  });

  test("a misspelt “Nurimbetof” finds Nurimbetov's source by similarity", async ({ page }) => {
    await page.goto(`/w/${DEMO}`);
    const box = page.getByRole("searchbox", { name: "Search this workspace" });
    await box.fill("Nurimbetof");
    await box.press("Enter");
    const sources = page.getByTestId("results-sources");
    await expect(sources).toHaveAttribute("data-match", "similar");
    await expect(sources).toContainText("showing sources with similar words");
    const hit = sources.getByTestId("result-source");
    await expect(hit).toHaveCount(1);
    await expect(hit.getByTestId("match")).toHaveText(["Nurimbetov"]);
    await hit.getByRole("link", { name: /Turns 20 Years/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Shanghai Cooperation Organization Turns 20 Years: Its Contribution to the Stability in Central Asia");
  });

  test("explains itself without a query and says so when nothing is found", async ({ page }) => {
    await page.goto(`/w/${DEMO}/search`);
    await expect(page.getByTestId("search-help")).toContainText("Put a phrase in quotes");
    const input = page.getByTestId("search-input");
    await expect(input).toBeFocused();
    await input.fill("qwzxv plonk");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByTestId("search-empty")).toContainText("No results for “qwzxv plonk”.");
    await expect(page.getByTestId("search-empty")).toContainText("Check the spelling");
  });

  test("the results page has no serious accessibility violations and fits a phone's width", async ({ page }) => {
    await page.goto(`/w/${DEMO}/search?q=SCO+summit`);
    await expect(page.getByTestId("results-passages")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The header's search box keeps to the width of the screen on every page.
    await page.goto(`/w/${DEMO}`);
    await expect(page.getByRole("searchbox", { name: "Search this workspace" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
