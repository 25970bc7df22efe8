/**
 * `npm run screenshots`: photographs the main views of the demo workspace at desktop and phone
 * width into docs/screenshots/ (used by the README). Needs the app running: BASE_URL, default
 * http://localhost:3000. `SHOTS=seminar` photographs only the seminar views.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, request } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = path.join(process.cwd(), "docs", "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const browser = await chromium.launch({
  executablePath,
  args: executablePath ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] : [],
});
try {
  const matrix = (await (await fetch(`${base}/api/workspaces/sco-debate/matrix`)).json()) as { authors: { id: string; shortName: string }[]; claims: { id: string }[] };
  const pair = ["Katz", "Nurimbetov"].map((name) => matrix.authors.find((a) => a.shortName === name)!.id).join(",");
  const claim = (await (await fetch(`${base}/api/workspaces/sco-debate/claims/${matrix.claims[0].id}`)).json()) as {
    evidence: { source: { id: string }; excerpt: { id: string } }[];
  };
  const quote = claim.evidence[0];
  const views = [
    { name: "matrix", url: "/w/sco-debate/matrix" },
    { name: "matrix-contested", url: "/w/sco-debate/matrix?controversy=split&sort=controversy" },
    { name: "gaps", url: "/w/sco-debate/gaps" },
    { name: "claim", url: `/w/sco-debate/claims/${matrix.claims[0].id}` },
    { name: "source", url: `/w/sco-debate/sources/${quote.source.id}#excerpt-${quote.excerpt.id}` },
    { name: "home", url: "/w/sco-debate" },
    { name: "compare", url: `/w/sco-debate/compare?authors=${pair}` },
    { name: "heatmap", url: `/w/sco-debate/compare?authors=${pair}#agreement` },
    { name: "timeline", url: "/w/sco-debate/timeline" },
    { name: "search", url: "/w/sco-debate/search?q=talk+shop" },
    { name: "graph", url: "/w/sco-debate/graph", ready: '[data-testid="graph-canvas"][data-layout="done"]' },
  ];
  fs.mkdirSync(out, { recursive: true });
  // The matrix and the graph as the PNG export draws them (the downloads, not screenshots).
  for (const view of ["matrix", "graph"]) {
    const png = await fetch(`${base}/api/workspaces/sco-debate/export?format=png&view=${view}`);
    if (!png.ok) throw new Error(`PNG export of the ${view} answered ${png.status}`);
    fs.writeFileSync(path.join(out, `export-${view}.png`), Buffer.from(await png.arrayBuffer()));
    console.log(`wrote docs/screenshots/export-${view}.png`);
  }
  for (const [suffix, viewport] of process.env.SHOTS === "seminar" ? [] : ([["", { width: 1280, height: 800 }], ["-phone", { width: 375, height: 812 }]] as const)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: suffix ? 2 : 1, isMobile: Boolean(suffix) });
    const page = await context.newPage();
    for (const view of views) {
      await page.goto(base + view.url, { waitUntil: "networkidle" });
      // The graph is laid out in a worker after the page loads: wait for the drawing.
      if ("ready" in view && view.ready) await page.locator(view.ready).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      const file = path.join(out, `${view.name}${suffix}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    await context.close();
  }
  await photographSeminar(matrix.claims.map((c) => c.id));
} finally {
  await browser.close();
}

/**
 * A live session as a seminar sees it: the demo owner facilitates, three participants answer a
 * poll; the projector's view at 1920×1080 with the result revealed, the facilitator's bar, a
 * participant's phone, and the summary after the end.
 */
async function photographSeminar(claimIds: string[]) {
  const headers = { origin: base };
  const owner = await request.newContext({ baseURL: base, extraHTTPHeaders: headers });
  const signIn = await owner.post("/api/auth/sign-in/email", { data: { email: "demo@stancemap.test", password: process.env.STANCEMAP_DEMO_PASSWORD ?? "stancemap-demo" } });
  if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}`);
  await owner.post("/api/workspaces/sco-debate/session/end", { data: {} });
  const spotlight = claimIds[2];
  const participants = [];
  for (const [i, choice] of (["AGREE", "AGREE", "DISAGREE", "UNSURE"] as const).entries()) {
    const api = await request.newContext({ baseURL: base, extraHTTPHeaders: headers });
    await api.post("/api/auth/sign-up/email", { data: { name: `Seminar participant ${i + 1}`, email: `participant-${i + 1}-${Date.now()}@example.test`, password: "a long enough password" } });
    const invite = (await (await owner.post("/api/workspaces/sco-debate/invites", { data: { role: "COMMENTER", maxUses: 1 } })).json()) as { token: string };
    await api.post(`/api/invites/${invite.token}/accept`, { data: {} });
    participants.push({ api, choice });
  }
  await owner.post("/api/workspaces/sco-debate/session", { data: { spotlightClaimId: spotlight } });
  await owner.post("/api/workspaces/sco-debate/session/poll", { data: {} });
  for (const p of participants) await p.api.post("/api/workspaces/sco-debate/session/poll/ballot", { data: { choice: p.choice } });

  const state = await owner.storageState();
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState: state });
  const page = await desktop.newPage();
  await page.goto(`${base}/w/sco-debate/claims/${spotlight}`, { waitUntil: "networkidle" });
  await page.screenshot({ path: path.join(out, "seminar-facilitator.png") });
  console.log("wrote docs/screenshots/seminar-facilitator.png");

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, storageState: await participants[3].api.storageState() });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${base}/w/sco-debate/claims/${spotlight}`, { waitUntil: "networkidle" });
  await phonePage.screenshot({ path: path.join(out, "seminar-participant-phone.png") });
  console.log("wrote docs/screenshots/seminar-participant-phone.png");

  await owner.patch("/api/workspaces/sco-debate/session/poll", { data: { action: "close" } });
  await owner.patch("/api/workspaces/sco-debate/session/poll", { data: { action: "reveal" } });
  const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 }, storageState: state });
  const projectorPage = await projector.newPage();
  await projectorPage.goto(`${base}/w/sco-debate/present`, { waitUntil: "networkidle" });
  await projectorPage.screenshot({ path: path.join(out, "presentation-1920.png") });
  console.log("wrote docs/screenshots/presentation-1920.png");

  const ended = (await (await owner.post("/api/workspaces/sco-debate/session/end", { data: {} })).json()) as { id: string };
  await page.goto(`${base}/w/sco-debate/sessions/${ended.id}`, { waitUntil: "networkidle" });
  await page.screenshot({ path: path.join(out, "seminar-summary.png"), fullPage: true });
  console.log("wrote docs/screenshots/seminar-summary.png");
  for (const p of participants) {
    await p.api.delete(`/api/workspaces/sco-debate/claims/${spotlight}/vote`, { data: {} });
    await p.api.dispose();
  }
  await Promise.all([desktop.close(), phone.close(), projector.close(), owner.dispose()]);
}
