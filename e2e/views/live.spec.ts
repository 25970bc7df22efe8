import { DEMO, expect, pageAs, test, write } from "../collab/support";
import { authorId, fetchJson, type TMatrixBody } from "./support";

test("the compare and timeline pages follow a position set by hand, live", async ({ browser, ownerState }) => {
  const owner = await pageAs(browser, ownerState);
  const matrix = await fetchJson<TMatrixBody>(owner, `/api/workspaces/${DEMO}/matrix`);
  const [katz, nurimbetov] = [authorId(matrix, "Katz"), authorId(matrix, "Nurimbetov")];
  // A claim on which Nurimbetov speaks and Katz is silent.
  const claim = matrix.claims.find((c) => c.positions[katz].stance === "SILENT" && !c.positions[katz].explicit && c.positions[nurimbetov].stance === "OPPOSES")!;
  expect(claim).toBeTruthy();

  // A reader (not signed in) keeps both pages open.
  const compare = await pageAs(browser);
  await compare.goto(`/w/${DEMO}/compare?authors=${katz},${nurimbetov}`);
  const timeline = await compare.context().newPage();
  await timeline.goto(`/w/${DEMO}/timeline?claim=${claim.id}`);
  for (const page of [compare, timeline]) await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  const row = compare.locator(`[data-testid="compare-claim"][data-claim-id="${claim.id}"]`);
  await expect(compare.locator(`[data-testid="compare-group"][data-group="only-one"]`).locator(row)).toHaveCount(1);
  const cell = compare.locator(`[data-testid="heatmap-cell"][data-a="${katz}"][data-b="${nurimbetov}"]`);
  const nBefore = Number(await cell.getAttribute("data-n"));
  const katzEntry = timeline.locator(`[data-testid="timeline-entry"][data-author-id="${katz}"]`);
  await expect(katzEntry).toContainText("Overall position of Katz: Silent");

  const set = await write(owner, "PUT", `/api/workspaces/${DEMO}/positions`, { claimId: claim.id, authorId: katz, stance: "OPPOSES", note: "Set by a test." });
  expect(set.status(), await set.text()).toBe(200);
  try {
    // Now both speak and agree: the row moves group, the heatmap counts one more shared claim.
    await expect(compare.locator(`[data-testid="compare-group"][data-group="agree"]`).locator(row)).toHaveCount(1);
    await expect(row.locator(`[data-testid="compare-author"][data-author-id="${katz}"]`).getByTestId("set-by-hand")).toBeVisible();
    await expect(cell).toHaveAttribute("data-n", String(nBefore + 1));
    // The timeline keeps Katz's 2008 source silent (its words say nothing) and shows the overall position set by hand.
    await expect(katzEntry).toContainText("Overall position of Katz: Opposes");
    await expect(katzEntry.getByTestId("set-by-hand")).toBeVisible();
    await expect(katzEntry).toHaveAttribute("data-stance", "SILENT");
  } finally {
    const cleared = await write(owner, "DELETE", `/api/workspaces/${DEMO}/positions`, { claimId: claim.id, authorId: katz, version: ((await set.json()) as { version: number }).version });
    expect(cleared.status(), await cleared.text()).toBe(200);
  }
  await expect(compare.locator(`[data-testid="compare-group"][data-group="only-one"]`).locator(row)).toHaveCount(1);
  await expect(cell).toHaveAttribute("data-n", String(nBefore));
});

test("open pages do not prefetch the links they show, neither on arrival nor after a live refresh", async ({ browser, ownerState }) => {
  const reader = await pageAs(browser, ownerState);
  const prefetches: string[] = [];
  reader.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
  });
  const owner = await pageAs(browser, ownerState);
  await reader.goto(`/w/${DEMO}/matrix`);
  await expect(reader.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const created = await write(owner, "POST", `/api/workspaces/${DEMO}/claims`, { text: "A claim that makes every open page refresh." });
  expect(created.status(), await created.text()).toBe(201);
  const claim = (await created.json()) as { id: string; version: number };
  try {
    // The refresh shows the new claim; the links on the page (one per claim, the workspace's
    // navigation, the header's search) are not fetched ahead.
    await expect(reader.getByText("A claim that makes every open page refresh.")).toBeVisible();
    await reader.getByRole("link", { name: "A claim that makes every open page refresh." }).first().click();
    await expect(reader.getByTestId("claim-text")).toHaveText("A claim that makes every open page refresh.");
    await reader.waitForLoadState("networkidle");
    expect(prefetches).toEqual([]);
  } finally {
    const removed = await write(owner, "DELETE", `/api/workspaces/${DEMO}/claims/${claim.id}`, { version: claim.version });
    expect(removed.status(), await removed.text()).toBe(200);
    await Promise.all([reader.context().close(), owner.context().close()]);
  }
});

test("a change committed after the page was read but before its live stream opened still reaches it", async ({ browser, ownerState }) => {
  const reader = await pageAs(browser, ownerState);
  const owner = await pageAs(browser, ownerState);
  // Hold the page's event stream back until the change below has been committed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let streamAsked = false;
  await reader.route("**/api/workspaces/*/events*", async (route) => {
    streamAsked = true;
    await held;
    await route.continue();
  });
  await reader.goto(`/w/${DEMO}/matrix`);
  await expect.poll(() => streamAsked).toBe(true);
  const created = await write(owner, "POST", `/api/workspaces/${DEMO}/claims`, { text: "A claim made while a page was still connecting." });
  expect(created.status(), await created.text()).toBe(201);
  const claim = (await created.json()) as { id: string; version: number };
  try {
    await expect(reader.getByText("A claim made while a page was still connecting.")).toHaveCount(0);
    release();
    await expect(reader.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    // The stream starts after the newest event the page was read with, so it is sent this change.
    await expect(reader.getByText("A claim made while a page was still connecting.")).toBeVisible();
  } finally {
    release();
    const removed = await write(owner, "DELETE", `/api/workspaces/${DEMO}/claims/${claim.id}`, { version: claim.version });
    expect(removed.status(), await removed.text()).toBe(200);
    await Promise.all([reader.context().close(), owner.context().close()]);
  }
});
