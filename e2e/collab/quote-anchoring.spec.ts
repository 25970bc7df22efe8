import AxeBuilder from "@axe-core/playwright";
import { signUp } from "../support/auth";
import { expect, selectPassage, test, write } from "./support";

const ARTICLE = [
  "Rogue NATO",
  "Recently, Russia has sought to frame the SCO as a sort of anti-NATO. It has pushed for a reinforcement of the organisation’s military dimension, proposing a joint military exercise on Russian soil next year.",
  "Other members have been more cautious. Kazakhstan and Uzbekistan prefer “multi-vector” policies that keep every door open.",
].join("\n\n");

const MARKDOWN = [
  "# The SCO at twenty",
  "Some call it **an anti-NATO bloc**; others a *talk shop*, as [one survey](https://example.org/survey) put it.",
  "## What members want",
  "- Security against terrorism\n- Trade with **China**",
  "Uzbekistan’s view is pragmatic.",
].join("\n\n");

/** Serious and critical WCAG 2.x A/AA violations on the page, described. */
async function seriousViolations(page: Parameters<typeof signUp>[0]): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A fresh workspace of the caller's with a plain-text article, a Markdown one and a claim; their ids. */
async function makeWorkspace(page: Parameters<typeof signUp>[0]) {
  await signUp(page, "Quote paster");
  const created = await write(page, "POST", "/api/workspaces", { title: "Pasted quotes", visibility: "PRIVATE" });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const source = await write(page, "POST", `/api/workspaces/${slug}/sources`, { title: "Rogue NATO", author: { name: "ECFR" }, published: "2022-09", text: ARTICLE });
  expect(source.status(), await source.text()).toBe(201);
  const markdown = await write(page, "POST", `/api/workspaces/${slug}/sources`, { title: "The SCO at twenty", author: { name: "Nurimbetov" }, published: "2021", text: MARKDOWN, format: "markdown" });
  expect(markdown.status(), await markdown.text()).toBe(201);
  const claim = await write(page, "POST", `/api/workspaces/${slug}/claims`, { text: "The SCO is an anti-NATO bloc." });
  expect(claim.status(), await claim.text()).toBe(201);
  return { slug, sourceId: ((await source.json()) as { id: string }).id, markdownId: ((await markdown.json()) as { id: string }).id };
}

test("a quote copied from a PDF, with line breaks, straight quotes and a typo, is placed and marked as approximate", async ({ page }, testInfo) => {
  const { slug, sourceId } = await makeWorkspace(page);
  await page.goto(`/w/${slug}/sources/${sourceId}`);
  await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");

  const box = page.getByTestId("quote-cite");
  await box.getByText("Cite a quote by pasting it").click();
  // As a PDF gives it: broken lines, a hyphenated word, a straight apostrophe, and one misread letter.
  await box.getByTestId("quote-cite-text").fill("It has pushed for a reinforcement of the organ-\nisation's\nmilitary dimensoin, proposing a joint\nmilitary exercise");
  await box.getByTestId("quote-cite-claim-option").filter({ hasText: "The SCO is an anti-NATO bloc." }).click();
  await box.getByTestId("quote-cite-stance-SUPPORTS").click();
  await box.getByTestId("quote-cite-submit").click();

  await expect(box.getByTestId("quote-cite-placed")).toHaveAttribute("data-method", "fuzzy");
  await expect(box.getByTestId("quote-cite-placed")).toContainText(/placed approximately — 9\d % match/);
  const highlight = page.getByTestId("excerpt-highlight").filter({ hasText: "It has pushed for a reinforcement of the organisation’s military dimension" });
  await expect(highlight).toHaveAttribute("data-anchoring", "fuzzy");
  // The stored words are the article's own, not the pasted ones.
  await expect(highlight).toHaveText("It has pushed for a reinforcement of the organisation’s military dimension, proposing a joint military exercise");
  await expect(highlight).toHaveAttribute("aria-description", /placed approximately — 9\d % match/);
  await expect(highlight).toHaveCSS("text-decoration-style", "dotted");
  const listed = page.getByTestId("excerpt-list-item").filter({ hasText: "It has pushed" });
  await expect(listed.getByTestId("approximate-anchor")).toHaveText(/Placed approximately — 9\d % match/);
  await highlight.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("approximate-quote.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // Curly quotes pasted straight, across a line break: the same words, placed after normalising — no mark.
  await box.getByTestId("quote-cite-text").fill('Kazakhstan and Uzbekistan prefer\n"multi-vector" policies');
  await box.getByTestId("quote-cite-claim-option").filter({ hasText: "The SCO is an anti-NATO bloc." }).click();
  await box.getByTestId("quote-cite-stance-OPPOSES").click();
  await box.getByTestId("quote-cite-submit").click();
  await expect(box.getByTestId("quote-cite-placed")).toHaveAttribute("data-method", "normalised");
  const exact = page.getByTestId("excerpt-highlight").filter({ hasText: "Kazakhstan and Uzbekistan prefer “multi-vector” policies" });
  await expect(exact).toHaveAttribute("data-anchoring", "normalised");
  await expect(exact).toHaveCSS("text-decoration-style", "solid");
});

test("a Markdown source is shown rendered, with no Markdown syntax on screen, and a selection in it cites the stored text", async ({ page }, testInfo) => {
  const { slug, markdownId } = await makeWorkspace(page);
  await page.goto(`/w/${slug}/sources/${markdownId}`);
  const text = page.getByTestId("source-text");
  await expect(text).toHaveAttribute("data-cite-ready", "true");
  await expect(text.getByRole("heading", { name: "The SCO at twenty" })).toBeVisible();
  await expect(text.getByRole("heading", { name: "What members want" })).toBeVisible();
  await expect(text.locator("strong").first()).toHaveText("an anti-NATO bloc");
  await expect(text.locator("em")).toHaveText("talk shop");
  await expect(text.getByRole("listitem")).toHaveText(["Security against terrorism", "Trade with China"]);
  const shown = (await text.innerText()).trim();
  expect(shown).not.toContain("**");
  expect(shown).not.toContain("#");
  expect(shown).not.toContain("](");
  expect(shown).toContain("as one survey put it");
  await expect(text.getByRole("link")).toHaveCount(0);

  // A selection across the bold and italic words is the stored Markdown's span; the form shows it as read.
  const selected = await selectPassage(page, "Some call it", "talk shop");
  expect(selected).toBe("Some call it an anti-NATO bloc; others a talk shop");
  const popover = page.getByTestId("cite-popover");
  await expect(popover).toHaveAttribute("data-start", String(MARKDOWN.indexOf("Some call it")));
  await expect(popover).toHaveAttribute("data-end", String(MARKDOWN.indexOf("talk shop*") + "talk shop".length));
  await expect(popover.getByTestId("cite-quote")).toHaveText("Some call it an anti-NATO bloc; others a talk shop");
  await popover.getByRole("button", { name: "Cancel" }).first().click();

  // A quote of the rendered words (no asterisks) is placed on the stored Markdown around them.
  const placed = await write(page, "POST", `/api/workspaces/${slug}/excerpts`, { sourceId: markdownId, selector: { exact: "an anti-NATO bloc; others a talk shop" } });
  expect(placed.status(), await placed.text()).toBe(201);
  expect(((await placed.json()) as { anchoring: { method: string } }).anchoring.method).toBe("fuzzy");
  await page.reload();
  await expect(page.getByTestId("excerpt-highlight").first()).toBeVisible();
  await expect(page.getByTestId("excerpt-highlight").first()).toHaveAttribute("data-anchoring", "fuzzy");
  await expect(text).not.toContainText("**");
  // The passage list shows the quote as rendered too.
  const listed = page.getByTestId("excerpt-list-item");
  await expect(listed.getByRole("link")).toHaveText(/^an anti-NATO bloc; others a talk shop/);
  await expect(listed.getByTestId("approximate-anchor")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("markdown-source.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
