/**
 * `npm run screenshots`: photographs the main views of the demo workspace at desktop and phone
 * width into docs/screenshots/ (used by the README). Needs the app running: BASE_URL, default
 * http://localhost:3000.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

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
  for (const [suffix, viewport] of [["", { width: 1280, height: 800 }], ["-phone", { width: 375, height: 812 }]] as const) {
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
} finally {
  await browser.close();
}
