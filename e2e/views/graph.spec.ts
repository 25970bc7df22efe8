import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { ANTI_NATO, DEMO, asOwner, deleteExcerpt, expect, expectLive, test, write } from "../collab/support";

interface TMapFromApi {
  claims: { id: string; text: string }[];
  /** Distinct excerpts that are evidence, with their source. */
  excerpts: Map<string, string>;
  evidence: number;
  links: number;
}

/** What the graph must show, read through the public API (the matrix, then each claim). */
async function mapFromApi(request: APIRequestContext): Promise<TMapFromApi> {
  const matrix = (await (await request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: { id: string; text: string }[] };
  const excerpts = new Map<string, string>();
  let evidence = 0;
  let links = 0;
  for (const claim of matrix.claims) {
    const detail = (await (await request.get(`/api/workspaces/${DEMO}/claims/${claim.id}`)).json()) as {
      evidence: { excerpt: { id: string }; source: { id: string } }[];
      links: { direction: "in" | "out" }[];
    };
    for (const e of detail.evidence) excerpts.set(e.excerpt.id, e.source.id);
    evidence += detail.evidence.length;
    links += detail.links.filter((l) => l.direction === "out").length;
  }
  return { claims: matrix.claims, excerpts, evidence, links };
}

async function openGraph(page: Page): Promise<void> {
  await page.goto(`/w/${DEMO}/graph`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Argument graph");
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout", "done");
}

/** Zooms in with the canvas's + button until nodes are drawn with their text. */
async function zoomCloseEnoughToRead(page: Page): Promise<void> {
  const canvas = page.getByTestId("graph-canvas");
  for (let i = 0; i < 12 && (await canvas.getAttribute("data-far")) === "true"; i++) {
    await page.getByRole("button", { name: /zoom in/i }).click();
  }
  await expect(canvas).toHaveAttribute("data-far", "false");
}

/** Stroke colour and dash pattern of every drawn edge. */
function edgeStyles(page: Page) {
  return page.locator(".react-flow__edge path.react-flow__edge-path").evaluateAll((paths) =>
    paths.map((p) => {
      const style = getComputedStyle(p);
      return { stroke: style.stroke, dash: style.strokeDasharray };
    }),
  );
}

test.describe("the argument graph of the demo workspace", () => {
  test("draws every claim and every passage that is evidence, with support and attack edges drawn differently", async ({ page, request }) => {
    const map = await mapFromApi(request);
    expect(map.claims.length).toBeGreaterThan(0);
    await openGraph(page);

    const claims = page.getByTestId("graph-claim");
    await expect(claims).toHaveCount(map.claims.length);
    expect((await claims.evaluateAll((els) => els.map((el) => el.getAttribute("data-claim-id")))).sort()).toEqual(map.claims.map((c) => c.id).sort());

    const excerpts = page.getByTestId("graph-excerpt");
    await expect(excerpts).toHaveCount(map.excerpts.size);
    expect((await excerpts.evaluateAll((els) => els.map((el) => el.getAttribute("data-excerpt-id")))).sort()).toEqual([...map.excerpts.keys()].sort());
    // A passage quoted for several claims is drawn once.
    expect(map.excerpts.size).toBeLessThan(map.evidence);

    await expect(page.locator(".react-flow__edge")).toHaveCount(map.evidence + map.links);
    // Zoomed far out (a phone's whole-map view) lines are drawn solid; close enough to read, in pattern.
    await zoomCloseEnoughToRead(page);
    const styles = await edgeStyles(page);
    const supports = styles.filter((s) => s.stroke === "rgb(0, 158, 115)");
    const opposes = styles.filter((s) => s.stroke === "rgb(213, 94, 0)");
    expect(supports.length).toBeGreaterThan(0);
    expect(opposes.length).toBeGreaterThan(0);
    // Colour and line pattern both differ: support solid, attack dashed.
    expect(new Set(supports.map((s) => s.dash))).toEqual(new Set(["none"]));
    expect(opposes.every((s) => s.dash !== "none")).toBe(true);

    // Passages are grouped in one box per author, oldest first.
    await expect(page.getByTestId("graph-author")).toHaveCount(5);
    await expect(page.getByTestId("graph-author").first()).toContainText("Katz");
    await expect(page.getByTestId("graph-legend")).toContainText("dashed line");
  });

  test("clicking a claim opens its page", async ({ page, request }) => {
    const map = await mapFromApi(request);
    await openGraph(page);
    // By id: zoomed far out (a phone's whole-map view) a claim is drawn as a block without text.
    const claimId = map.claims.find((c) => c.text === ANTI_NATO)!.id;
    await page.locator(`[data-testid="graph-claim"][data-claim-id="${claimId}"]`).click();
    await expect(page).toHaveURL(/\/w\/sco-debate\/claims\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ANTI_NATO);
  });

  test("a passage opened from the keyboard shows the source at that passage; Space opens a claim", async ({ page, request }) => {
    const map = await mapFromApi(request);
    await openGraph(page);
    const excerpt = page.getByTestId("graph-excerpt").nth(3);
    const excerptId = (await excerpt.getAttribute("data-excerpt-id"))!;
    await expect(excerpt).toHaveAccessibleName(/^Excerpt by \S+.*, (supports|opposes|qualifies)/);
    await excerpt.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/sco-debate/sources/[0-9a-f-]{36}#excerpt-${excerptId}$`));
    const target = page.locator(`[data-testid="excerpt-highlight"][data-excerpt-id="${excerptId}"]`).first();
    await expect(target).toHaveAttribute("data-target", "true");
    await expect(target).toBeInViewport();

    await openGraph(page);
    const claim = page.locator(`[data-testid="graph-claim"][data-claim-id="${map.claims.find((c) => c.text === ANTI_NATO)!.id}"]`);
    await expect(claim).toHaveAccessibleName(new RegExp(`^Claim: ${ANTI_NATO.replace(/\./g, "\\.")}`));
    await claim.focus();
    await page.keyboard.press(" ");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ANTI_NATO);
  });

  test("has a text alternative listing every claim with its evidence", async ({ page, request }) => {
    const map = await mapFromApi(request);
    await openGraph(page);
    const list = page.getByTestId("graph-list");
    await list.getByText("The graph as a list").click();
    await expect(list.getByTestId("graph-list-claim")).toHaveCount(map.claims.length);
    await expect(list.getByRole("link", { name: "Read in source →" })).toHaveCount(map.evidence);
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await openGraph(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.replace(/\s+/g, " ")).join(" | ")}`)).toEqual([]);
  });
});

asOwner.describe("the graph, live", () => {
  asOwner("a passage cited through the API appears in an open graph without reloading, and the view stays where the reader left it", async ({ page }, testInfo) => {
    await openGraph(page);
    await expectLive(page);
    const excerpts = page.getByTestId("graph-excerpt");
    const before = await excerpts.count();
    await page.evaluate(() => ((window as unknown as { graphMarker: number }).graphMarker = 1));
    const viewport = page.locator(".react-flow__viewport");
    const transform = await viewport.getAttribute("style");

    // A sentence of the ECFR article that no excerpt covers yet, a different one per project.
    const matrix = (await (await page.request.get(`/api/workspaces/${DEMO}/matrix`)).json()) as { claims: { id: string; text: string }[] };
    const claim = matrix.claims.find((c) => c.text === ANTI_NATO)!;
    const detail = (await (await page.request.get(`/api/workspaces/${DEMO}/claims/${claim.id}`)).json()) as { evidence: { source: { id: string; title: string } }[] };
    const sourceId = detail.evidence.find((e) => /^Rogue NATO/.test(e.source.title))!.source.id;
    const source = (await (await page.request.get(`/api/workspaces/${DEMO}/sources/${sourceId}`)).json()) as { text: string; excerpts: { start: number; end: number }[] };
    const free = freeSentences(source.text, source.excerpts);
    const sentence = free[testInfo.project.name === "phone" ? 1 : 0];
    const created = await write(page, "POST", `/api/workspaces/${DEMO}/excerpts`, {
      sourceId,
      selector: { start: sentence.start, end: sentence.end, exact: sentence.exact },
      evidence: [{ claimId: claim.id, stance: "OPPOSES", voice: "AUTHOR" }],
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    try {
      const node = page.locator(`[data-testid="graph-excerpt"][data-excerpt-id="${id}"]`);
      await expect(node).toHaveCount(1);
      await expect(node).toHaveAccessibleName(new RegExp(`opposes “${ANTI_NATO.replace(/\./g, "\\.")}”`));
      await expect(excerpts).toHaveCount(before + 1);
      await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout-key", "current");
      expect(await page.evaluate(() => (window as unknown as { graphMarker?: number }).graphMarker)).toBe(1);
      expect(await viewport.getAttribute("style")).toBe(transform);
    } finally {
      await deleteExcerpt(page, id);
    }
    await expect(excerpts).toHaveCount(before);
  });
});

/** Sentences of `text` (40–200 characters) that overlap no excerpt. */
function freeSentences(text: string, taken: { start: number; end: number }[]): { start: number; end: number; exact: string }[] {
  const out: { start: number; end: number; exact: string }[] = [];
  for (const match of text.matchAll(/[A-Z][^.!?\n]{38,198}[.!?]/g)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    out.push({ start, end, exact: match[0] });
  }
  return out;
}
