import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "../collab/support";
import { expectAccessible } from "./support";

/**
 * The room among the authors, in a workspace of its own: after a few votes by different people
 * the room is a row and column of the heatmap with its n, a participant sees which author their
 * votes place them nearest, and a closed coding round's reveal is projected with its alpha and
 * no names.
 */

const PASSWORD = "a long enough password";

async function json(response: Awaited<ReturnType<APIRequestContext["post"]>>, status: number): Promise<Record<string, string>> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as Record<string, string>;
}

/** A fresh user who joined `slug` as a commenter by the owner's invite link. */
async function joined(baseURL: string, owner: APIRequestContext, slug: string, name: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  await json(await api.post("/api/auth/sign-up/email", { data: { name, email, password: PASSWORD } }), 200);
  const { token } = await json(await owner.post(`/api/workspaces/${slug}/invites`, { data: { role: "COMMENTER", maxUses: 1 } }), 201);
  await json(await api.post(`/api/invites/${token}/accept`, { data: {} }), 200);
  return api;
}

test.describe("the room among the authors", () => {
  test("votes place the room on the heatmap with its n, a participant sees their nearest author, and a closed round's reveal is projected", async ({ browser, ownerState }, testInfo) => {
    test.setTimeout(120_000);
    const baseURL = testInfo.project.use.baseURL!;
    const project = testInfo.project.name;
    const picture = (page: import("@playwright/test").Page, file: string, options: { fullPage?: boolean; locator?: import("@playwright/test").Locator } = {}) =>
      project === "desktop" ? (options.locator ? options.locator.screenshot({ path: `docs/screenshots/${file}` }) : page.screenshot({ path: `docs/screenshots/${file}`, fullPage: options.fullPage })) : null;
    const owner = await request.newContext({ baseURL, storageState: ownerState, extraHTTPHeaders: { origin: baseURL } });
    const slug = `room-${project}-${Date.now().toString(36)}`;
    await json(await owner.post("/api/workspaces", { data: { title: "The room among the authors", slug, visibility: "PRIVATE" } }), 201);
    const api = (path: string) => `/api/workspaces/${slug}${path}`;

    // Hawk supports claims one and two and opposes three; Dove the reverse.
    const hawk = await json(await owner.post(api("/sources"), { data: { title: "The hawk's case", author: { name: "Hawk Author", shortName: "Hawk" }, published: "2020", text: "One is true. Two is true. Three is false." } }), 201);
    const dove = await json(await owner.post(api("/sources"), { data: { title: "The dove's case", author: { name: "Dove Author", shortName: "Dove" }, published: "2022", text: "One is false. Two is false. Three is true." } }), 201);
    const claims: string[] = [];
    for (const text of ["Claim one holds.", "Claim two holds.", "Claim three holds."]) claims.push((await json(await owner.post(api("/claims"), { data: { text } }), 201)).id);
    const words = ["One", "Two", "Three"];
    const excerpts: string[] = [];
    for (const [i, claimId] of claims.entries()) {
      const hawkSays = i < 2 ? "true" : "false";
      const doveSays = i < 2 ? "false" : "true";
      const h = await json(await owner.post(api("/excerpts"), { data: { sourceId: hawk.id, selector: { exact: `${words[i]} is ${hawkSays}.` }, evidence: [{ claimId, stance: i < 2 ? "SUPPORTS" : "OPPOSES", voice: "AUTHOR" }] } }), 201);
      await json(await owner.post(api("/excerpts"), { data: { sourceId: dove.id, selector: { exact: `${words[i]} is ${doveSays}.` }, evidence: [{ claimId, stance: i < 2 ? "OPPOSES" : "SUPPORTS", voice: "AUTHOR" }] } }), 201);
      excerpts.push(h.id);
    }

    const names = [`Voter Ann (${project})`, `Voter Bo (${project})`];
    const [ann, bo] = await Promise.all(names.map((name) => joined(baseURL, owner, slug, name)));
    const vote = async (who: APIRequestContext, i: number, choice: string) => json(await who.put(api(`/claims/${claims[i]}/vote`), { data: { choice } }), 200);
    // The owner and Ann vote as Hawk argues; Bo as Dove, on the first two claims.
    for (const who of [owner, ann]) for (const [i, choice] of ["AGREE", "AGREE", "DISAGREE"].entries()) await vote(who, i, choice);
    await vote(bo, 1, "DISAGREE");

    const boContext = await browser.newContext({ storageState: await bo.storageState(), reducedMotion: "reduce", viewport: testInfo.project.use.viewport ?? undefined, isMobile: testInfo.project.use.isMobile, hasTouch: testInfo.project.use.hasTouch });
    const page = await boContext.newPage();
    try {
      // Bo's first vote through the claim page's buttons.
      await page.goto(`/w/${slug}/claims/${claims[0]}`);
      const disagree = page.locator('[data-testid="vote-button"][data-choice="DISAGREE"]').first();
      await disagree.click();
      await expect(disagree).toHaveAttribute("aria-pressed", "true");

      await page.goto(`/w/${slug}/compare`);
      const heatmap = page.getByTestId("heatmap");
      await expect(heatmap.getByTestId("heatmap-room-column")).toContainText("The room");
      await expect(heatmap.getByTestId("heatmap-room-column")).toContainText("3 voters");
      // Claims one and two: 2 agree, 1 disagree → supports; claim three: 2 disagree → opposes.
      const roomRow = heatmap.getByTestId("heatmap-room-row");
      const hawkCell = roomRow.locator(`[data-testid="heatmap-room-cell"][data-author="${hawk.authorId}"]`);
      await expect(hawkCell).toHaveAttribute("data-n", "3");
      await expect(hawkCell).toContainText("100 %");
      await expect(hawkCell).toContainText("n = 3");
      await expect(roomRow.locator(`[data-testid="heatmap-room-cell"][data-author="${dove.authorId}"]`)).toContainText("0 %");
      await expect(page.getByTestId("room-me")).toContainText("You agree most with Dove, 2 of 2 shared claims.");
      await expect(page.getByTestId("room-groups-later")).toContainText("from 8 voters on (3 so far)");
      await expect(page.getByText(names[0])).toHaveCount(0);
      await picture(page, "room-heatmap.png", { locator: page.getByTestId("agreement") });
      await picture(page, "room-me.png", { locator: page.getByTestId("room") });

      // A closed round, projected: alpha, the items most disputed first, no names.
      const round = await json(await owner.post(api("/rounds"), { data: { title: "Who argues what", items: [{ excerptId: excerpts[0], claimId: claims[0] }, { excerptId: excerpts[2], claimId: claims[2] }] } }), 201);
      await json(await ann.put(api(`/rounds/${round.id}/answers`), { data: { answers: [{ item: 0, stance: "SUPPORTS" }, { item: 1, stance: "OPPOSES" }] } }), 200);
      await json(await bo.put(api(`/rounds/${round.id}/answers`), { data: { answers: [{ item: 0, stance: "SUPPORTS" }, { item: 1, stance: "QUALIFIES" }] } }), 200);
      await json(await owner.post(api(`/rounds/${round.id}/close`), { data: {} }), 200);

      const projectorContext = await browser.newContext({ storageState: ownerState, reducedMotion: "reduce", viewport: { width: 1920, height: 1080 } });
      try {
        const projector = await projectorContext.newPage();
        await projector.goto(`/w/${slug}/rounds/${round.id}`);
        await projector.getByTestId("round-project").click();
        await expect(projector).toHaveURL(new RegExp(`/w/${slug}/present\\?round=${round.id}$`));
        const reveal = projector.getByTestId("present-reveal");
        await expect(reveal.getByTestId("present-alpha")).toHaveText(/^-?\d\.\d{3}$/);
        const items = reveal.getByTestId("present-reveal-item");
        await expect(items).toHaveCount(2);
        // The split item (oppose vs qualify) comes before the one both answered alike.
        await expect(items.first()).toContainText("Claim three holds.");
        for (const name of names) await expect(reveal.getByText(name)).toHaveCount(0);
        await picture(projector, "round-projected.png");
        await projector.keyboard.press("Escape");
        await expect(projector).toHaveURL(new RegExp(`/w/${slug}/rounds/${round.id}$`));
      } finally {
        await projectorContext.close();
      }

      // A participant may open the projected reveal too (older `?present=1` links lead there): it carries nobody's name.
      await page.goto(`/w/${slug}/rounds/${round.id}?present=1`);
      await expect(page).toHaveURL(new RegExp(`/w/${slug}/present\\?round=${round.id}$`));
      await expect(page.getByTestId("present-alpha")).toHaveText(/^-?\d\.\d{3}$/);
      await expect(page.getByText(names[0])).toHaveCount(0);

      // Six more voters make nine: opinion groups, anonymous dots for Bo, names for the owner.
      const more = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => joined(baseURL, owner, slug, `Voter ${n} (${project})`)));
      for (const [n, who] of more.entries()) for (const [i, choice] of (n < 3 ? ["AGREE", "AGREE", "DISAGREE"] : ["DISAGREE", "DISAGREE", "AGREE"]).entries()) await vote(who, i, choice);
      await page.goto(`/w/${slug}/compare`);
      const groups = page.getByTestId("room-groups");
      const voterCount = async (dots: import("@playwright/test").Locator) => (await dots.evaluateAll((all) => all.map((d) => Number(d.getAttribute("data-count"))))).reduce((a, b) => a + b, 0);
      await expect(groups.getByTestId("room-dot").first()).toBeVisible();
      expect(await voterCount(groups.getByTestId("room-dot"))).toBe(9);
      expect(await groups.getByTestId("room-group").count()).toBeGreaterThanOrEqual(2);
      await expect(groups.getByText("you", { exact: true })).toHaveCount(1);
      await expect(groups.getByTestId("room-group-members")).toHaveCount(0);
      await expect(groups.locator("title")).toHaveCount(0);
      await expect(groups).toContainText("Dots are anonymous.");
      await expect(page.getByText(/Voter \d/)).toHaveCount(0);
      await expectAccessible(page);
      if (project === "phone") await page.getByTestId("agreement").screenshot({ path: "docs/screenshots/room-heatmap-phone.png" });
      await Promise.all(more.map((c) => c.dispose()));

      const ownerContext = await browser.newContext({ storageState: ownerState, reducedMotion: "reduce" });
      try {
        const ownerPage = await ownerContext.newPage();
        await ownerPage.goto(`/w/${slug}/compare`);
        const named = ownerPage.getByTestId("room-groups");
        await expect(named.getByTestId("room-dot").first()).toBeVisible();
        expect(await voterCount(named.getByTestId("room-dot"))).toBe(9);
        await expect(named.locator("title").first()).toContainText(/Voter|Demo/);
        await expect(named.getByTestId("room-group-members").first()).toContainText(/Voter/);
        await expect(named).toContainText("Names are shown to you");
        await picture(ownerPage, "room-groups.png", { locator: ownerPage.getByTestId("room") });
      } finally {
        await ownerContext.close();
      }
    } finally {
      await boContext.close();
      await Promise.all([owner, ann, bo].map((c) => c.dispose()));
    }
  });
});
