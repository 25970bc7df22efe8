import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signUp } from "../support/auth";

/** A cookie-authenticated request from the page's context, sent as the browser would (with Origin). */
function send(page: Page, method: "POST" | "PATCH" | "DELETE", path: string, data: unknown = {}) {
  return page.request.fetch(path, { method, data, headers: { origin: test.info().project.use.baseURL! } });
}

async function newUser(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email } = await signUp(page, name);
  return { context, page, email };
}

/** A private workspace with one source and one claim, owned by `owner`. */
async function seminar(owner: Page, title: string) {
  const { slug } = await (await send(owner, "POST", "/api/workspaces", { title, visibility: "PRIVATE" })).json();
  await send(owner, "POST", `/api/workspaces/${slug}/sources`, { title: "On alliances", author: { name: "Ana Ruiz" }, published: "2019", text: "Alliances bind. Forums talk." });
  await send(owner, "POST", `/api/workspaces/${slug}/claims`, { text: "The SCO is a forum, not an alliance." });
  return slug as string;
}

test("an owner changes a student's role, withdraws a link and removes a member, who is shown that their access ended", async ({ browser }) => {
  const owner = await newUser(browser, "Facilitator");
  const slug = await seminar(owner.page, `Spring seminar ${Date.now()}`);
  const studentLink = await (await send(owner.page, "POST", `/api/workspaces/${slug}/invites`, { role: "VIEWER", maxUses: 5 })).json();
  const leaked = await (await send(owner.page, "POST", `/api/workspaces/${slug}/invites`, { role: "EDITOR", maxUses: 30 })).json();

  const student = await newUser(browser, "Student Kim");
  expect((await send(student.page, "POST", `/api/invites/${studentLink.token}/accept`)).status()).toBe(200);
  const studentId = (await (await student.page.request.get("/api/auth/get-session")).json()).user.id as string;

  await owner.page.goto(`/w/${slug}/settings`);
  await expect(owner.page.getByRole("heading", { name: "Run this workspace" })).toBeVisible();
  const row = owner.page.getByTestId("member").filter({ hasText: "Student Kim" });
  await expect(row.getByLabel("Role of Student Kim")).toHaveValue("VIEWER");

  // The student reads the matrix; the page is live.
  await student.page.goto(`/w/${slug}/matrix`);
  await expect(student.page.getByTestId("matrix-author")).toContainText(["Ruiz"]);
  await expect(student.page.getByTestId("new-claim-open")).toHaveCount(0);
  // Its event stream is open (a stream opened after a change starts after it).
  await expect(student.page.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  // Promoted to editor: the student's open page re-renders with the editing controls.
  await row.getByLabel("Role of Student Kim").selectOption("EDITOR");
  await expect(student.page.getByTestId("new-claim-open")).toBeVisible({ timeout: 10_000 });
  await expect(row.getByLabel("Role of Student Kim")).toHaveValue("EDITOR");
  await row.getByLabel("Role of Student Kim").selectOption("COMMENTER");
  await expect(student.page.getByTestId("new-claim-open")).toHaveCount(0, { timeout: 10_000 });

  // The leaked editor link is withdrawn: it answers 410 from now on.
  const links = owner.page.getByTestId("open-invite");
  await expect(links).toHaveCount(2);
  await owner.page.getByTestId(`withdraw-${leaked.id}`).click();
  await owner.page.getByTestId(`withdraw-${leaked.id}-confirm`).click();
  await expect(links).toHaveCount(1);
  const gone = await owner.page.request.get(`/api/invites/${leaked.token}`);
  expect(gone.status()).toBe(410);
  await owner.page.goto(`/join/${leaked.token}`);
  await expect(owner.page.getByRole("heading", { name: "This invite link was withdrawn" })).toBeVisible();
  await owner.page.goto(`/w/${slug}/settings`);
  await owner.page.screenshot({ path: test.info().outputPath("settings.png"), fullPage: true });

  // Removed: the student's open page says so at once, and the workspace is gone for them.
  await owner.page.getByTestId(`remove-${studentId}`).focus();
  await owner.page.keyboard.press("Enter");
  await owner.page.getByTestId(`remove-${studentId}-confirm`).click();
  await expect(owner.page.getByTestId("member").filter({ hasText: "Student Kim" })).toHaveCount(0);
  const ended = student.page.getByTestId("access-ended");
  await expect(ended).toBeVisible({ timeout: 5_000 });
  await expect(ended.getByRole("heading")).toHaveText("Your access to this workspace has ended");
  await student.page.screenshot({ path: test.info().outputPath("access-ended.png") });
  expect((await student.page.request.get(`/api/workspaces/${slug}/matrix`)).status()).toBe(404);
  expect((await student.page.goto(`/w/${slug}/matrix`))?.status()).toBe(404);

  await Promise.all([owner.context.close(), student.context.close()]);
});

test("an owner makes the workspace public for anonymous readers, deletes it after exporting it, and restores it", async ({ browser }) => {
  const owner = await newUser(browser, "Convenor");
  const title = `Autumn reading group ${Date.now()}`;
  const slug = await seminar(owner.page, title);
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  expect((await reader.goto(`/w/${slug}/matrix`))?.status()).toBe(404);

  await owner.page.goto(`/w/${slug}/settings`);
  await owner.page.getByRole("radio", { name: /^Public/ }).check();
  await owner.page.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.page.getByTestId("settings-saved")).toHaveText("Saved.");
  expect((await reader.goto(`/w/${slug}/matrix`))?.status()).toBe(200);
  await expect(reader.getByText("The SCO is a forum, not an alliance.")).toBeVisible();

  // Export first, then delete with the title typed out.
  const [download] = await Promise.all([owner.page.waitForEvent("download"), owner.page.getByTestId("export-before-delete").click()]);
  const document = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(document.schemaVersion).toBeDefined();
  expect(document.workspace.title).toBe(title);
  await owner.page.getByTestId("delete-workspace").click();
  const confirm = owner.page.getByTestId("delete-workspace-confirm");
  await expect(confirm).toBeDisabled();
  await owner.page.getByLabel(/Type the title to confirm/).fill(title);
  await owner.page.screenshot({ path: test.info().outputPath("delete-dialog.png") });
  await confirm.click();
  await expect(owner.page).toHaveURL(/\/account\?deleted=/);
  expect((await reader.goto(`/w/${slug}/matrix`))?.status()).toBe(404);

  const deleted = owner.page.getByTestId("deleted-workspaces");
  await expect(deleted).toContainText(title);
  await owner.page.screenshot({ path: test.info().outputPath("account.png"), fullPage: true });
  await owner.page.getByTestId(`restore-${slug}`).click();
  await expect(owner.page).toHaveURL(new RegExp(`/w/${slug}$`));
  expect((await reader.goto(`/w/${slug}/matrix`))?.status()).toBe(200);

  await Promise.all([owner.context.close(), anonymous.close()]);
});
