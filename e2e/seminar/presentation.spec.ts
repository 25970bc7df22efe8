import { DEMO, expect, pageAs, test } from "../collab/support";

interface TClaim {
  id: string;
  text: string;
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
});
