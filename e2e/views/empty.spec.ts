import { expect, test } from "@playwright/test";
import { signUp } from "../support/auth";

/** A new workspace says what to do next on the compare and timeline pages, and grows into them. */
test("a new workspace: what to do next, then one author, then two", async ({ page }, testInfo) => {
  await signUp(page, "Facilitator");
  const origin = testInfo.project.use.baseURL!;
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  const created = await post("/api/workspaces", { title: `Empty seminar ${testInfo.project.name} ${Date.now()}`, visibility: "PRIVATE" });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };

  await page.goto(`/w/${slug}/compare`);
  await expect(page.getByTestId("compare-empty")).toHaveText("No sources yet — add articles by at least two authors to compare them.");
  await expect(page.getByTestId("heatmap")).toHaveCount(0);
  await page.goto(`/w/${slug}/timeline`);
  await expect(page.getByTestId("timeline-empty")).toContainText("No sources yet");

  const source = (author: string, published: string) => ({ title: `On the plan, by ${author}`, author: { name: author }, published, text: `${author} writes about the plan.` });
  expect((await post(`/api/workspaces/${slug}/sources`, source("Ada Lovelace", "1843"))).status()).toBe(201);
  await page.goto(`/w/${slug}/compare`);
  await expect(page.getByTestId("compare-empty")).toHaveText("Only one author so far — add a source by another author to compare them.");
  await page.goto(`/w/${slug}/timeline`);
  await expect(page.getByTestId("timeline-empty")).toContainText("No claims yet");

  expect((await post(`/api/workspaces/${slug}/sources`, source("Charles Babbage", "1837-06"))).status()).toBe(201);
  await page.goto(`/w/${slug}/compare`);
  await expect(page.getByTestId("author-option")).toHaveCount(2);
  // Two authors who have said nothing yet share no claims: the heatmap says so instead of 0 %.
  const cell = page.getByTestId("heatmap-cell").first();
  await expect(cell.getByTestId("heat-label")).toHaveText("no shared claims");
  await expect(cell).not.toContainText("%");
  await cell.getByRole("link").click();
  await expect(page.getByTestId("compare-sentence")).toContainText("have no shared claims");
  await expect(page.getByTestId("compare-sentence")).not.toContainText("%");
});
