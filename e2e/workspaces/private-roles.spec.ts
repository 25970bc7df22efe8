import { expect, test, type Page } from "@playwright/test";
import { signUp } from "../support/auth";

/** A cookie-authenticated write from the page's context, sent as the browser would (with Origin). */
function write(page: Page, method: "POST" | "PATCH", path: string, data: unknown) {
  return page.request.fetch(path, { method, data, headers: { origin: test.info().project.use.baseURL! } });
}

test("in a private workspace a VIEWER reads without editing controls and is refused writes; an outsider gets 404", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, "Facilitator");
  const { slug } = await (await write(owner, "POST", "/api/workspaces", { title: `Closed reading group ${Date.now()}`, visibility: "PRIVATE" })).json();
  const source = await (
    await write(owner, "POST", `/api/workspaces/${slug}/sources`, { title: "On alliances", author: { name: "Ana Ruiz" }, published: "2019", text: "Alliances bind. Forums talk.\n\nThe SCO is a forum." })
  ).json();
  const claim = await (await write(owner, "POST", `/api/workspaces/${slug}/claims`, { text: "The SCO is a forum, not an alliance." })).json();
  expect((await write(owner, "POST", `/api/workspaces/${slug}/excerpts`, { sourceId: source.id, selector: { exact: "The SCO is a forum." }, evidence: [{ claimId: claim.id, stance: "SUPPORTS" }] })).status()).toBe(201);
  const invite = await (await write(owner, "POST", `/api/workspaces/${slug}/invites`, { role: "VIEWER" })).json();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signUp(viewer, "Quiet reader");
  expect((await write(viewer, "POST", `/api/invites/${invite.token}/accept`, {})).status()).toBe(200);

  await viewer.goto(`/w/${slug}/matrix`);
  await expect(viewer.getByTestId("matrix-author")).toContainText(["Ruiz"]);
  await expect(viewer.getByTestId("new-claim-open")).toHaveCount(0);
  await viewer.goto(`/w/${slug}/claims/${claim.id}`);
  await expect(viewer.getByTestId("claim-text")).toHaveText("The SCO is a forum, not an alliance.");
  await expect(viewer.getByTestId("claim-edit")).toHaveCount(0);
  await viewer.goto(`/w/${slug}/sources/${source.id}`);
  await expect(viewer.getByTestId("source-text")).toContainText("Forums talk.");
  await expect(viewer.getByTestId("source-text")).not.toHaveAttribute("data-cite-ready", /.*/);
  const refused = await write(viewer, "PATCH", `/api/workspaces/${slug}/claims/${claim.id}`, { version: claim.version, text: "Changed by a viewer" });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("viewer");

  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, "Passer-by");
  for (const path of [`/w/${slug}`, `/w/${slug}/matrix`, `/w/${slug}/claims/${claim.id}`, `/w/${slug}/sources/${source.id}`]) {
    const response = await outsider.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const path of [`/api/workspaces/${slug}/matrix`, `/api/workspaces/${slug}/claims/${claim.id}`, `/api/workspaces/${slug}/sources/${source.id}`]) {
    const response = await outsider.request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }
  expect((await write(outsider, "POST", `/api/workspaces/${slug}/claims`, { text: "Outsider" })).status()).toBe(404);
  await Promise.all([ownerContext.close(), viewerContext.close(), outsiderContext.close()]);
});
