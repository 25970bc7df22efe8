import { expect, test } from "@playwright/test";
import { signInAsDemoOwner, signUp } from "../support/auth";

test.describe("bringing a seminar together", () => {
  test("an owner makes an invite link and a participant joins with it as an editor", async ({ browser }) => {
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signInAsDemoOwner(owner);
    await owner.goto("/w/sco-debate/settings");
    await expect(owner.getByRole("heading", { level: 1 })).toHaveText("Run this workspace");
    await owner.getByLabel("Role", { exact: true }).selectOption("EDITOR");
    await owner.getByRole("button", { name: "Create invite link" }).click();
    const link = (await owner.getByTestId("invite-link").textContent())!.trim();
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);

    const participantContext = await browser.newContext();
    const participant = await participantContext.newPage();
    const { email } = await signUp(participant, "Participant");
    await participant.goto(new URL(link).pathname);
    await expect(participant.getByRole("heading", { level: 1 })).toHaveText("The SCO: anti-NATO bloc or talk shop?");
    await expect(participant.getByText("an editor")).toBeVisible();
    await participant.getByTestId("join-button").click();
    await expect(participant).toHaveURL(/\/w\/sco-debate\/matrix$/);

    await owner.reload();
    const joined = owner.getByTestId("member").filter({ hasText: email });
    await expect(joined).toHaveCount(1);
    await expect(joined.getByLabel(/^Role of Participant/)).toHaveValue("EDITOR");
    await ownerContext.close();
    await participantContext.close();
  });

  test("someone without an account is sent to sign up first", async ({ page, browser }) => {
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signInAsDemoOwner(owner);
    const invite = await owner.request.post("/api/workspaces/sco-debate/invites", { data: { role: "VIEWER" }, headers: { origin: test.info().project.use.baseURL! } });
    expect(invite.status()).toBe(201);
    const { path } = (await invite.json()) as { path: string };
    await page.goto(path);
    await expect(page.getByRole("link", { name: "Create an account to join" })).toHaveAttribute("href", `/sign-up?next=${encodeURIComponent(path)}`);
    await ownerContext.close();
  });

  test("a signed-in user creates a workspace and adds an article of their own", async ({ page }) => {
    await signUp(page, "Analyst");
    await page.goto("/new");
    await page.getByLabel("Title").fill("Arctic Council: forum or bloc?");
    await page.getByText("Public", { exact: true }).click();
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/w\/arctic-council-forum-or-bloc(-\d+)?\/sources\/new$/);

    await page.getByLabel("Title").fill("The Arctic after 2022");
    await page.getByLabel("Author", { exact: true }).fill("Ingrid Larsen");
    await page.getByLabel("Published").fill("2023-05");
    await page.getByRole("textbox", { name: "Full text" }).fill("The Council still meets.\n\nIt is “paused”, not dissolved — for now.");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page).toHaveURL(/\/sources\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Arctic after 2022");
    await expect(page.getByTestId("source-text")).toContainText("It is “paused”, not dissolved — for now.");
  });

  test("a bad date is explained next to the field and nothing is added", async ({ page }) => {
    await signUp(page, "Careless");
    await page.goto("/new");
    await page.getByLabel("Title").fill("Dates matter");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/sources\/new$/);
    await page.getByLabel("Title").fill("Bad date");
    await page.getByLabel("Author", { exact: true }).fill("Someone");
    await page.getByLabel("Published").fill("2023-02-30");
    await page.getByRole("textbox", { name: "Full text" }).fill("Text.");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByRole("alert").first()).toContainText("real date");
    await expect(page).toHaveURL(/\/sources\/new$/);
  });
});
