import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO, expect, joinedDemo, test } from "../collab/support";

/**
 * A blind coding round with four browsers: the demo owner makes a round of five items from the
 * map, three participants (one on a phone) answer alone — taken to the round from the map, which
 * stays hidden until they finish — the facilitator watches progress arrive live, closes the round,
 * and everyone sees the reveal without reloading.
 */

const CLAIM = "Russia–China rivalry is a defining dynamic inside the SCO.";
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function participantContext(browser: Browser, baseURL: string, ownerState: string, name: string, phone: boolean): Promise<BrowserContext> {
  const api = await joinedDemo(baseURL, ownerState, name, "COMMENTER");
  const state = await api.storageState();
  await api.dispose();
  return browser.newContext({ storageState: state, reducedMotion: "reduce", ...(phone ? PHONE : {}) });
}

async function answerAll(page: Page, answers: readonly string[]) {
  const items = page.getByTestId("round-item");
  await expect(items).toHaveCount(answers.length);
  for (const [i, answer] of answers.entries()) {
    const button = items.nth(i).locator(`button[data-answer="${answer}"]`);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
}

test.describe("a blind coding round", () => {
  test("a facilitator makes a round of five items, three participants answer blind, the close reveals the agreement to all", async ({ browser, ownerState }, testInfo) => {
    test.setTimeout(150_000);
    const baseURL = testInfo.project.use.baseURL!;
    const facilitatorContext = await browser.newContext({ storageState: ownerState, reducedMotion: "reduce" });
    const facilitator = await facilitatorContext.newPage();
    // Both projects (and repeated runs) share one server: names of their own, and one set of pictures.
    const run = testInfo.repeatEachIndex > 0 ? ` ${testInfo.repeatEachIndex + 1}` : "";
    const names = ["Coder Ada", "Coder Ben", "Coder Cy"].map((name) => `${name} (${testInfo.project.name}${run})`);
    const picture = (page: Page, file: string, fullPage: boolean) => (testInfo.project.name === "desktop" ? page.screenshot({ path: `docs/screenshots/${file}`, fullPage }) : null);
    const contexts = await Promise.all(names.map((name, i) => participantContext(browser, baseURL, ownerState, name, i === 2)));
    const participants = await Promise.all(contexts.map((c) => c.newPage()));
    let roundId = "";

    try {
      await facilitator.goto(`/w/${DEMO}/rounds`);
      const creator = facilitator.getByTestId("round-creator");
      await creator.getByLabel("Title").fill("Rivalry: who argues what?");
      await creator.getByLabel(CLAIM).check();
      await expect(creator.getByTestId("round-item-count")).toHaveText("5 items");
      await creator.getByRole("button", { name: "Start the round" }).click();
      await expect(facilitator).toHaveURL(/\/rounds\/[0-9a-f-]{36}$/);
      roundId = facilitator.url().split("/").at(-1)!;
      const progress = facilitator.getByTestId("round-progress");
      for (const name of names) await expect(progress.getByTestId("round-participant").filter({ hasText: name })).toHaveAttribute("data-finished", "false");

      // The map is hidden from every participant: they are taken to the round, which shows passage and claim only.
      for (const page of participants) {
        await page.goto(`/w/${DEMO}/matrix`);
        await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}$`));
        await expect(page.getByTestId("round-item")).toHaveCount(5);
        await expect(page.locator(".chip")).toHaveCount(0);
        await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
      }
      await picture(participants[2], "round-phone.png", false);

      const plans = [
        ["SUPPORTS", "SUPPORTS", "OPPOSES", "SUPPORTS", "QUALIFIES"],
        ["SUPPORTS", "SUPPORTS", "OPPOSES", "QUALIFIES", "QUALIFIES"],
        ["SUPPORTS", "OPPOSES", "OPPOSES", "SUPPORTS", "NOT_RELEVANT"],
      ] as const;
      for (const [i, page] of participants.entries()) {
        await answerAll(page, plans[i]);
        await expect(page.getByTestId("round-own-progress")).toContainText("answered all 5 items");
        // Progress arrives on the facilitator's screen without a reload.
        await expect(progress.getByTestId("round-participant").filter({ hasText: names[i] })).toHaveAttribute("data-finished", "true");
        if (i === 0) await picture(page, "round.png", true);
      }
      // Finished: the map is open again.
      await participants[0].goto(`/w/${DEMO}/matrix`);
      await expect(participants[0]).toHaveURL(new RegExp(`/w/${DEMO}/matrix$`));
      await participants[0].goto(`/w/${DEMO}/rounds/${roundId}`);

      await progress.getByRole("button", { name: "Close and reveal" }).click();
      const reveal = facilitator.getByTestId("round-reveal");
      await expect(reveal).toBeVisible();
      await expect(reveal.getByTestId("round-alpha")).toHaveText(/^-?\d\.\d{3}$/);
      await expect(reveal.getByTestId("reveal-item")).toHaveCount(5);
      await expect(reveal.getByTestId("round-coders")).toContainText(names[0]);
      await picture(facilitator, "round-reveal.png", true);

      // Everyone sees the reveal without reloading; their own scores, nobody's name.
      for (const page of participants) {
        const theirs = page.getByTestId("round-reveal");
        await expect(theirs).toBeVisible({ timeout: 10_000 });
        await expect(theirs.getByTestId("round-my-scores")).toContainText("κ");
        await expect(theirs.getByTestId("round-coders")).toHaveCount(0);
        await expect(theirs.getByText(names[1])).toHaveCount(0);
      }
      await picture(participants[2], "round-reveal-phone.png", false);
    } finally {
      // The demo is shared by every spec: an open round would hide the map from its editors.
      if (roundId) await facilitator.request.post(`/api/workspaces/${DEMO}/rounds/${roundId}/close`, { data: {}, headers: { origin: baseURL } });
      await Promise.all([facilitatorContext, ...contexts].map((c) => c.close()));
    }
  });
});
