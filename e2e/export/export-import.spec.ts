import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp } from "../support/auth";

const EXPECTED: { label: string; file: RegExp; starts: RegExp }[] = [
  { label: "Matrix (CSV)", file: /^sco-debate-matrix-[\d-]+\.csv$/, starts: /^\uFEFFClaim,Tags,Katz \(2008\)/ },
  { label: "Evidence table (CSV)", file: /^sco-debate-evidence-[\d-]+\.csv$/, starts: /^\uFEFFClaim,Author,Source,Published,Stance,Voice,Quote/ },
  { label: "Seminar handout (Markdown)", file: /^sco-debate-[\d-]+\.md$/, starts: /^# The SCO/ },
  { label: "Printable handout (PDF, A4)", file: /^sco-debate-handout-a4-[\d-]+\.pdf$/, starts: /^%PDF-1\.\d/ },
  { label: "Printable handout (PDF, Letter)", file: /^sco-debate-handout-letter-[\d-]+\.pdf$/, starts: /^%PDF-1\.\d/ },
  { label: "Matrix picture (PNG)", file: /^sco-debate-matrix-[\d-]+\.png$/, starts: /^\x89PNG\r\n\x1a\n/ },
  { label: "Matrix picture (SVG)", file: /^sco-debate-matrix-[\d-]+\.svg$/, starts: /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg / },
  { label: "Argdown", file: /^sco-debate-[\d-]+\.argdown$/, starts: /^===\ntitle: / },
  { label: "AIF (JSON)", file: /^sco-debate-[\d-]+\.aif\.json$/, starts: /^\{\s+"nodes": \[/ },
  { label: "Web annotations (JSON-LD)", file: /^sco-debate-[\d-]+\.annotations\.jsonld$/, starts: /^\{\s+"@context": "http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/ },
  { label: "Stancemap document (JSON)", file: /^sco-debate-[\d-]+\.stancemap\.json$/, starts: /^\{\s+"\$schema": / },
  { label: "Stancemap document with comments (JSON)", file: /^sco-debate-[\d-]+\.stancemap\.json$/, starts: /^\{\s+"\$schema": / },
];

test.describe("downloading a map and importing it as a new workspace", () => {
  test("each download in the menu gives a non-empty file of its type", async ({ page }, testInfo) => {
    await page.goto("/w/sco-debate/matrix");
    const menu = page.getByTestId("download-menu");
    await expect(menu.getByTestId("download-link")).toHaveCount(EXPECTED.length);
    for (const expected of EXPECTED) {
      await menu.getByText("Download").click();
      const link = menu.getByRole("link", { name: new RegExp(`^${expected.label.replace(/[()]/g, "\\$&")}`) });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename(), expected.label).toMatch(expected.file);
      const file = testInfo.outputPath(download.suggestedFilename());
      await download.saveAs(file);
      // latin1 keeps every byte one character, so binary files are checked by their signature.
      const text = fs.readFileSync(file, /\.(png|pdf)$/.test(file) ? "latin1" : "utf8");
      expect(text.length, expected.label).toBeGreaterThan(1000);
      expect(text, expected.label).toMatch(expected.starts);
      await menu.evaluate((el) => el.removeAttribute("open"));
    }
  });

  test("a refused download is said in words in the menu, and nothing is saved", async ({ page }) => {
    let downloads = 0;
    page.on("download", () => (downloads += 1));
    await page.route((url) => url.pathname === "/api/workspaces/sco-debate/export" && url.searchParams.get("format") === "csv", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        headers: { "retry-after": "42" },
        body: JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many exports in a minute. Try again in 42 seconds." } }),
      }),
    );
    await page.goto("/w/sco-debate/matrix");
    const menu = page.getByTestId("download-menu");
    await menu.getByText("Download").click();
    await menu.getByRole("link", { name: /^Matrix \(CSV\)/ }).click();
    const alert = menu.getByRole("alert");
    await expect(alert).toContainText("Matrix (CSV) was not downloaded.");
    await expect(alert).toContainText("Too many exports in a minute. Try again in 42 seconds.");
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await expect(menu.getByRole("alert")).toHaveCount(0);
    expect(downloads).toBe(0);
  });

  test("the graph page offers the graph itself as a PNG and an SVG picture, of the part of the map it shows", async ({ page, request }, testInfo) => {
    const matrix = (await (await request.get("/api/workspaces/sco-debate/matrix")).json()) as { claims: { id: string; text: string }[] };
    const download = async (label: string) => {
      const menu = page.getByTestId("download-menu");
      await menu.getByText("Download").click();
      const [file] = await Promise.all([page.waitForEvent("download"), menu.getByRole("link", { name: new RegExp(`^${label.replace(/[()]/g, "\\$&")}`) }).click()]);
      await menu.evaluate((el) => el.removeAttribute("open"));
      const saved = testInfo.outputPath(`${label.replace(/\W+/g, "-")}-${file.suggestedFilename()}`);
      await file.saveAs(saved);
      return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
    };

    await page.goto("/w/sco-debate/graph");
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout", "done");
    // The graph's own entries first, then every workspace download.
    await expect(page.getByTestId("download-menu").getByTestId("download-link")).toHaveCount(EXPECTED.length + 2);
    const png = await download("Graph picture (PNG)");
    expect(png.name).toMatch(/^sco-debate-graph-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = await download("Graph picture (SVG)");
    expect(svg.name).toMatch(/^sco-debate-graph-\d{4}-\d{2}-\d{2}\.svg$/);
    const whole = svg.bytes.toString("utf8");
    expect(whole).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    expect(whole.match(/<g class="claim"/g)).toHaveLength(matrix.claims.length);

    // Focused on one claim, the picture is of that claim and the claims linked to it.
    const claim = matrix.claims.find((c) => c.text === "The SCO is an anti-NATO bloc.")!;
    await page.goto(`/w/sco-debate/graph?claim=${claim.id}`);
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout", "done");
    const shown = await page.getByTestId("graph-claim").count();
    const focused = (await download("Graph picture (SVG)")).bytes.toString("utf8");
    expect(focused.match(/<g class="claim"/g)).toHaveLength(shown);
    expect(shown).toBeLessThan(matrix.claims.length);
    expect(focused).toContain(`data-claim-id="${claim.id}"`);
  });

  test("exports are streamed as they are made, and not gzipped by the server even for a client that accepts it", async ({ request }) => {
    for (const format of ["json", "aif", "argdown", "csv&table=evidence"]) {
      const response = await request.get(`/api/workspaces/sco-debate/export?format=${format}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(response.status(), format).toBe(200);
      const headers = response.headers();
      expect(headers["content-encoding"], format).toBeUndefined();
      expect(headers["cache-control"], format).toContain("no-transform");
      expect(headers["transfer-encoding"], format).toBe("chunked");
      expect((await response.body()).length, format).toBeGreaterThan(10_000);
    }
  });

  test("the JSON download is a complete document that imports as a workspace of one's own", async ({ page }, testInfo) => {
    await page.goto("/w/sco-debate/matrix");
    await page.getByTestId("download-menu").getByText("Download").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-menu").getByRole("link", { name: /^Stancemap document \(JSON\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sco-debate-\d{4}-\d{2}-\d{2}\.stancemap\.json$/);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.sources).toHaveLength(5);

    await signUp(page, "Importer");
    await page.goto("/new");
    await page.getByLabel("File to import").setInputFiles(file);
    await page.getByRole("button", { name: "Import workspace" }).click();
    await expect(page).toHaveURL(/\/w\/sco-debate-\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.workspace.title);
    await page.goto(`${new URL(page.url()).pathname}/matrix`);
    await expect(page.getByTestId("matrix-author")).toHaveCount(5);
    await expect(page.getByTestId("matrix-row")).toHaveCount(doc.claims.length);
  });

  test("a file that is not a Stancemap document is refused with the reason, and nothing is created", async ({ page }, testInfo) => {
    await signUp(page, "Careful importer");
    const before = (await (await page.request.get("/api/workspaces")).json()).length;
    await page.goto("/new");
    const broken = testInfo.outputPath("broken.json");
    fs.writeFileSync(broken, '{"schemaVersion": 1, "workspace": ');
    await page.getByLabel("File to import").setInputFiles(broken);
    await page.getByRole("button", { name: "Import workspace" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not valid JSON" })).toBeVisible();

    const wrong = testInfo.outputPath("wrong-version.json");
    fs.writeFileSync(wrong, JSON.stringify({ schemaVersion: 7, workspace: { slug: "x1", title: "X", description: "", visibility: "PRIVATE" } }));
    await page.getByLabel("File to import").setInputFiles(wrong);
    await page.getByRole("button", { name: "Import workspace" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Invalid request body" });
    await expect(alert).toContainText("schemaVersion must be 1");
    await expect(alert.locator("code", { hasText: "schemaVersion" })).toBeVisible();
    expect((await (await page.request.get("/api/workspaces")).json()).length).toBe(before);
    await expect(page).toHaveURL(/\/new$/);
  });
});

test("a Kialo discussion export becomes a claim tree, and annotations are placed onto a source with a report", async ({ page }, testInfo) => {
  await signUp(page, "Kialo user");
  await page.goto("/new");
  const kialo = testInfo.outputPath("discussion.txt");
  fs.writeFileSync(kialo, "Discussion Title: Is the SCO a talk shop?\n\n1. The SCO is a talk shop.\n1.1. Pro: Its summits end in declarations.\n1.2. Con: Its security cooperation is real.\n");
  await page.getByText("Kialo discussion export (.txt)").click();
  await page.getByLabel("File to import").setInputFiles(kialo);
  await page.getByRole("button", { name: "Import workspace" }).click();
  await expect(page).toHaveURL(/\/w\/is-the-sco-a-talk-shop(-\d+)?$/);
  const slug = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/w/${slug}/matrix`);
  await expect(page.getByText("No sources yet")).toBeVisible();
  const claims = (await (await page.request.get(`/api/workspaces/${slug}/matrix`)).json()).claims.map((c: { text: string }) => c.text);
  expect(claims).toEqual(["The SCO is a talk shop.", "Its summits end in declarations.", "Its security cooperation is real."]);

  // Add an article, then annotations for it: one quote is in the text, one is not.
  const created = await page.request.post(`/api/workspaces/${slug}/sources`, {
    headers: { origin: new URL(page.url()).origin },
    data: { title: "Summits", author: { name: "A. Analyst" }, published: "2024", text: "Summits end in long declarations. Security work goes on between them." },
  });
  expect(created.status()).toBe(201);
  const sourceId = (await created.json()).id;
  const annotations = testInfo.outputPath("annotations.jsonld");
  fs.writeFileSync(
    annotations,
    JSON.stringify([
      { type: "Annotation", id: "urn:a", target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "Security work goes on" }] } },
      { type: "Annotation", id: "urn:b", target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "a sentence from another article" }] } },
    ]),
  );
  await page.goto(`/w/${slug}/sources/${sourceId}`);
  await page.getByTestId("annotation-import").getByText("Import annotations").click();
  await page.getByLabel(/W3C Web Annotations/).setInputFiles(annotations);
  await page.getByTestId("annotation-import").getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("annotation-report");
  await expect(report).toContainText("1 placed in the text");
  await expect(report).toContainText("“a sentence from another article”: the quote is not in this source's text");
  await expect(page.getByTestId("excerpt-highlight").filter({ hasText: "Security work goes on" })).toBeVisible();
});
