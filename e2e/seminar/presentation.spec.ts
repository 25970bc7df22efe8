import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, joinedDemo, pageAs, test } from "../collab/support";

interface TClaim {
  id: string;
  text: string;
}

async function endAnyLiveSession(page: Page, baseURL: string) {
  const response = await page.request.post(`/api/workspaces/${DEMO}/session/end`, { data: {}, headers: { origin: baseURL } });
  expect([200, 404]).toContain(response.status());
}

/** A fresh user who joined the demo as an editor, in a browser of their own. */
async function participantPage(browser: Browser, baseURL: string, ownerState: string): Promise<Page> {
  const api = await joinedDemo(baseURL, ownerState, "Presentation Participant", "EDITOR");
  const state = await api.storageState();
  await api.dispose();
  const context = await browser.newContext({ storageState: state, reducedMotion: "reduce" });
  return context.newPage();
}

test.describe("the presentation view and the room's votes", () => {
  test("one claim at a time in large type, moved by the arrow keys and Space, left with Esc; no editing chrome", async ({ browser, ownerState }) => {
    const page = await pageAs(browser, ownerState);
    const claims = ((await (await page.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: TClaim[] }).claims;
    await page.goto(`/w/${DEMO}/present`);
    const presentation = page.getByTestId("presentation");
    await expect(page.getByTestId("present-claim")).toHaveText(claims[0].text);
    await expect(page.getByTestId("present-position")).toHaveText(`Claim 1 of ${claims.length}`);
    // The site's and the workspace's headers step aside; no editing controls.
    await expect(page.locator("[data-site-header]")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);
    // Without a live session there is nothing to facilitate: no control strip, no session keys.
    await expect(page.getByRole("toolbar", { name: "Facilitator controls" })).toHaveCount(0);
    await expect(page.locator("footer")).not.toContainText("P opens");
    // Every author who speaks to the claim has a card with the position in words.
    const matrix = (await (await page.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: { id: string; positions: Record<string, { stance: string }> }[] };
    const speaking = Object.values(matrix.claims[0].positions).filter((p) => p.stance !== "SILENT").length;
    await expect(page.getByTestId("present-author")).toHaveCount(speaking);

    await page.keyboard.press("ArrowRight");
    await expect(presentation).toHaveAttribute("data-claim-id", claims[1].id);
    await page.keyboard.press("Space");
    await expect(presentation).toHaveAttribute("data-claim-id", claims[2].id);
    await page.keyboard.press("ArrowLeft");
    await expect(presentation).toHaveAttribute("data-claim-id", claims[1].id);
    await expect(page.getByTestId("present-claim")).toHaveText(claims[1].text);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/claims/${claims[1].id}$`));
    await page.context().close();
  });

  test("a vote on a claim shows in the room's tally, also in another browser without reload, and can be withdrawn", async ({ browser, editorState, readerState }) => {
    const voter = await pageAs(browser, editorState);
    const watcher = await pageAs(browser, readerState);
    const claims = ((await (await voter.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: TClaim[] }).claims;
    const claim = claims[claims.length - 1];
    await voter.goto(`/w/${DEMO}/claims/${claim.id}`);
    await watcher.goto(`/w/${DEMO}/claims/${claim.id}`);
    await expect(watcher.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    const before = Number(await watcher.getByTestId("room-tally").getAttribute("data-total"));
    // A reader who is not a member sees the tally but has no buttons.
    await expect(watcher.getByTestId("room-votes").getByTestId("vote-button")).toHaveCount(0);

    const agree = voter.getByTestId("room-votes").locator('[data-testid="vote-button"][data-choice="AGREE"]');
    await agree.click();
    await expect(agree).toHaveAttribute("aria-pressed", "true");
    await expect(voter.getByTestId("room-tally")).toHaveAttribute("data-total", String(before + 1));
    await expect(watcher.getByTestId("room-tally")).toHaveAttribute("data-total", String(before + 1));
    await expect(watcher.getByTestId("room-tally").locator('[data-choice="AGREE"]')).not.toHaveAttribute("data-count", "0");

    // Pressing the chosen answer again withdraws it.
    await agree.click();
    await expect(agree).toHaveAttribute("aria-pressed", "false");
    await expect(watcher.getByTestId("room-tally")).toHaveAttribute("data-total", String(before));
    await Promise.all([voter.context().close(), watcher.context().close()]);
  });

  test("the facilitator runs the session from the presentation: keys and the control strip open, fill, reveal and close a poll, lock editing and end", async ({ browser, ownerState, readerState }, testInfo) => {
    test.setTimeout(90_000);
    const baseURL = testInfo.project.use.baseURL!;
    const facilitatorContext = await browser.newContext({ storageState: ownerState, reducedMotion: "reduce" });
    const facilitator = await facilitatorContext.newPage();
    await endAnyLiveSession(facilitator, baseURL);
    const participant = await participantPage(browser, baseURL, ownerState);
    const watcher = await pageAs(browser, readerState);
    const claims = ((await (await facilitator.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: TClaim[] }).claims;
    const polled = claims[1];
    const started = await facilitator.request.post(`/api/workspaces/${DEMO}/session`, { data: { spotlightClaimId: claims[0].id }, headers: { origin: baseURL } });
    expect(started.status()).toBe(201);

    try {
      await facilitator.goto(`/w/${DEMO}/present`);
      const presentation = facilitator.getByTestId("presentation");
      await expect(presentation).toHaveAttribute("data-claim-id", claims[0].id);
      const strip = facilitator.getByTestId("present-controls");
      const controls = strip.getByRole("toolbar", { name: "Facilitator controls" });
      await expect(controls).toBeVisible();
      await expect(facilitator.locator("footer")).toContainText("P opens or closes the poll · R reveals or hides its result · L locks or unlocks editing");
      // A reader watching the projector's view sees the claim and the poll, not the controls.
      await watcher.goto(`/w/${DEMO}/present`);
      await expect(watcher.getByTestId("presentation")).toHaveAttribute("data-claim-id", claims[0].id);
      await expect(watcher.getByTestId("present-controls")).toHaveCount(0);
      await expect(watcher.getByRole("toolbar", { name: "Facilitator controls" })).toHaveCount(0);
      // Marks this document: a full reload would lose it.
      await facilitator.evaluate(() => document.documentElement.setAttribute("data-test-mark", "kept"));
      await watcher.evaluate(() => document.documentElement.setAttribute("data-test-mark", "kept"));

      // A control that fails says why: there is nothing before the first claim.
      await controls.getByRole("button", { name: "← Previous claim" }).click();
      await expect(strip.getByRole("alert")).toContainText("There is no previous claim");
      // The keys move the spotlight for everyone, and the next control clears the failure.
      await facilitator.keyboard.press("ArrowRight");
      await expect(presentation).toHaveAttribute("data-claim-id", polled.id);
      await expect(watcher.getByTestId("presentation")).toHaveAttribute("data-claim-id", polled.id);
      await expect(strip.getByRole("alert")).toHaveCount(0);

      // P opens a poll on the spotlighted claim.
      await facilitator.keyboard.press("p");
      const poll = facilitator.getByTestId("present-poll");
      await expect(poll.getByRole("heading")).toHaveText("Poll open · 0 answers");
      await expect(controls.getByRole("button", { name: "Close poll" })).toBeVisible();
      await expect(watcher.getByTestId("present-poll").getByRole("heading")).toHaveText("Poll open · 0 answers");

      // A participant answers on the claim's page; both projectors count the answer without a reload.
      await participant.goto(`/w/${DEMO}/claims/${polled.id}`);
      const answer = participant.getByTestId("participant-poll").locator('[data-testid="vote-button"][data-choice="AGREE"]');
      await answer.click();
      await expect(answer).toHaveAttribute("aria-pressed", "true");
      await expect(poll.getByTestId("present-ballots")).toHaveText("1 answer");
      await expect(watcher.getByTestId("present-ballots")).toHaveText("1 answer");
      await expect(poll.getByTestId("present-tally")).toHaveCount(0);
      // The room's tally of the polled claim would give the result away: held back until the reveal.
      await expect(participant.getByTestId("room-tally-hidden")).toBeVisible();
      await expect(participant.getByTestId("room-tally")).toHaveCount(0);

      // P again closes it; R reveals the result to the room, also on the reader's screen.
      await facilitator.keyboard.press("p");
      await expect(poll.getByRole("heading")).toHaveText("Poll · 1 answer");
      await facilitator.keyboard.press("r");
      await expect(poll.getByTestId("present-tally").locator('[data-testid="tally-row"][data-choice="AGREE"]')).toHaveAttribute("data-count", "1");
      await expect(watcher.getByTestId("present-tally").locator('[data-testid="tally-row"][data-choice="AGREE"]')).toHaveAttribute("data-count", "1");
      await expect(participant.getByTestId("participant-poll").getByTestId("poll-tally")).toBeVisible();
      await expect(participant.getByTestId("room-tally").locator('[data-testid="tally-row"][data-choice="AGREE"]')).not.toHaveAttribute("data-count", "0");
      // The strip's button hides it again.
      await controls.getByRole("button", { name: "Hide result" }).click();
      await expect(poll.getByTestId("present-tally")).toHaveCount(0);
      await expect(watcher.getByTestId("present-tally")).toHaveCount(0);

      // L locks editing: the participant's banner says so; L again would unlock.
      await facilitator.keyboard.press("l");
      await expect(participant.getByTestId("seminar-locked")).toHaveText(/Editing is locked by the facilitator/);
      await expect(controls.getByRole("button", { name: "Unlock editing" })).toHaveAttribute("aria-pressed", "true");
      expect(await facilitator.evaluate(() => document.documentElement.getAttribute("data-test-mark"))).toBe("kept");
      expect(await watcher.evaluate(() => document.documentElement.getAttribute("data-test-mark"))).toBe("kept");

      // End session, confirmed, leads to the summary with the poll's answer.
      facilitator.once("dialog", (dialog) => void dialog.accept());
      await controls.getByRole("button", { name: "End session" }).click();
      await expect(facilitator).toHaveURL(/\/sessions\/[0-9a-f-]+$/);
      const discussed = facilitator.getByTestId("summary-claim").filter({ hasText: polled.text });
      await expect(discussed.getByTestId("summary-poll").locator('[data-choice="AGREE"]')).toHaveAttribute("data-count", "1");
      await expect(participant.getByTestId("seminar-locked")).toHaveCount(0);
    } finally {
      await endAnyLiveSession(facilitator, baseURL);
      const withdrawn = await participant.request.delete(`/api/workspaces/${DEMO}/claims/${polled.id}/vote`, { data: {}, headers: { origin: baseURL } });
      expect([200, 404]).toContain(withdrawn.status());
      await Promise.all([facilitatorContext.close(), participant.context().close(), watcher.context().close()]);
    }
  });
});
