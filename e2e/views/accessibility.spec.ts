import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemoOwner } from "../support/auth";

interface TMatrixBody {
  claims: { id: string }[];
}

/** The demo's pages a seminar uses, by path; ids are read from the API so the list stays true. */
async function demoPages(page: Page): Promise<{ name: string; path: string }[]> {
  const matrix = (await (await page.request.get("/api/workspaces/sco-debate/matrix")).json()) as TMatrixBody;
  const claimId = matrix.claims[0].id;
  const claim = (await (await page.request.get(`/api/workspaces/sco-debate/claims/${claimId}`)).json()) as { evidence: { source: { id: string } }[] };
  return [
    { name: "workspace home", path: "/w/sco-debate" },
    { name: "matrix", path: "/w/sco-debate/matrix" },
    { name: "matrix, filtered", path: "/w/sco-debate/matrix?controversy=split&sort=controversy" },
    { name: "claim", path: `/w/sco-debate/claims/${claimId}` },
    { name: "source", path: `/w/sco-debate/sources/${claim.evidence[0].source.id}` },
    { name: "gaps", path: "/w/sco-debate/gaps" },
    { name: "presentation", path: "/w/sco-debate/present" },
  ];
}

/** Serious and critical WCAG 2.x A/AA violations, described so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test.describe("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  // Each page is loaded and analysed in turn: several pages per test.
  test.describe.configure({ timeout: 90_000 });

  test("the demo's pages have no serious or critical violations for a reader", async ({ page }) => {
    for (const view of await demoPages(page)) {
      await page.goto(view.path);
      await expect(page.locator("main")).toBeVisible();
      expect(await seriousViolations(page), view.name).toEqual([]);
    }
  });

  test("with editing controls shown to the owner, and a matrix cell opened", async ({ page }) => {
    await signInAsDemoOwner(page);
    for (const view of await demoPages(page)) {
      await page.goto(view.path);
      await expect(page.locator("main")).toBeVisible();
      expect(await seriousViolations(page), view.name).toEqual([]);
    }
    await page.goto("/w/sco-debate/matrix");
    await page.locator(`[data-testid="matrix-cell"][data-stance="OPPOSES"]`).first().click();
    await expect(page.getByTestId("cell-quote").first()).toBeVisible();
    expect(await seriousViolations(page), "matrix with a cell open").toEqual([]);
  });

  test("during a live session: the facilitator's bar with a poll, and the presentation view", async ({ page }) => {
    await signInAsDemoOwner(page);
    const origin = { origin: new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin };
    const matrix = (await (await page.request.get("/api/workspaces/sco-debate/matrix")).json()) as TMatrixBody;
    await page.request.post("/api/workspaces/sco-debate/session/end", { data: {}, headers: origin });
    const started = await page.request.post("/api/workspaces/sco-debate/session", { data: { spotlightClaimId: matrix.claims[0].id }, headers: origin });
    expect(started.status()).toBe(201);
    try {
      expect((await page.request.post("/api/workspaces/sco-debate/session/poll", { data: {}, headers: origin })).status()).toBe(201);
      await page.goto(`/w/sco-debate/claims/${matrix.claims[0].id}`);
      await expect(page.getByTestId("facilitator-poll")).toBeVisible();
      expect(await seriousViolations(page), "claim page with the facilitator's bar").toEqual([]);
      await page.request.patch("/api/workspaces/sco-debate/session/poll", { data: { action: "reveal" }, headers: origin });
      await page.goto("/w/sco-debate/present");
      await expect(page.getByTestId("present-poll")).toBeVisible();
      expect(await seriousViolations(page), "presentation with a poll").toEqual([]);
    } finally {
      await page.request.post("/api/workspaces/sco-debate/session/end", { data: {}, headers: origin });
    }
  });

  test("the owner's settings page, its delete dialog, and the account page", async ({ page }) => {
    await signInAsDemoOwner(page);
    await page.goto("/w/sco-debate/settings");
    await expect(page.getByTestId("workspace-settings")).toBeVisible();
    expect(await seriousViolations(page), "settings").toEqual([]);
    await page.getByTestId("delete-workspace").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page), "delete dialog").toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await page.goto("/account");
    await expect(page.getByTestId("change-password")).toBeVisible();
    expect(await seriousViolations(page), "account").toEqual([]);
  });
});
