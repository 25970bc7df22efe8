import { expect, test } from "@playwright/test";
import { HTML_BOILERPLATE, makeArticleHtml } from "../../lib/testing/html-fixtures";
import { selectPassage } from "../collab/support";
import { signUp } from "../support/auth";

const QUOTE_START = "Furthermore, the precedent of Russia intervening";

test.describe("adding sources from files", () => {
  test("a PDF and a web page dropped together are read, confirmed, added, and a quote from the PDF is cited by page", async ({ page, context, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    await signUp(page, "Importer");
    const slug = `files-${testInfo.project.name}-${Date.now()}`;
    const created = await page.request.post("/api/workspaces", { data: { title: "Readings for week 3", slug, visibility: "PRIVATE" }, headers: { origin: baseURL! } });
    expect(created.status(), await created.text()).toBe(201);

    // The PDF is printed by Chromium from the article: a running head and "Page N of M" on every page.
    const { html, paragraphs } = makeArticleHtml();
    const printer = await context.newPage();
    await printer.setContent(
      `<html><head><title>Moscow’s Lonely Road</title><style>body { font: 11pt/1.45 serif; } p { margin: 0 0 0.8em; text-align: justify; }</style></head><body>${paragraphs.map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("")}</body></html>`,
    );
    const pdf = await printer.pdf({
      format: "A5",
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Problems of Post-Communism · November 2008</div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:right;margin-right:1.5cm">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: "2cm", bottom: "2cm", left: "1.5cm", right: "1.5cm" },
    });
    await printer.close();

    await page.goto(`/w/${slug}/sources/new`);
    await page.locator("#source-files").setInputFiles([
      { name: "katz-lonely-road.pdf", mimeType: "application/pdf", buffer: pdf },
      { name: "katz-lonely-road.html", mimeType: "text/html", buffer: Buffer.from(html) },
      { name: "seminar-notes.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("PK not a source") },
    ]);
    const rows = page.getByTestId("source-row");
    await expect(rows).toHaveCount(3);
    // A file that cannot be a source says why and stops nothing.
    await expect(rows.nth(2).getByTestId("row-status")).toHaveText("Could not be read");
    await expect(rows.nth(2)).toContainText("is not a PDF, web page (.html), Markdown (.md) or text (.txt) file");
    await expect(rows.nth(0).getByTestId("row-status")).toHaveText("Ready — check the details", { timeout: 30_000 });
    await expect(rows.nth(1).getByTestId("row-status")).toHaveText("Ready — check the details", { timeout: 30_000 });
    const [pdfRow, htmlRow] = [rows.nth(0), rows.nth(1)];
    await expect(pdfRow).toContainText(/PDF · \d+ pages/);
    // Pre-filled from the files: the PDF's title; the page's title, author, date and site.
    await expect(pdfRow.getByTestId("row-title")).toHaveValue("Moscow’s Lonely Road");
    await expect(htmlRow.getByTestId("row-title")).toHaveValue(/^Russia and the Shanghai Cooperation Organization/);
    await expect(htmlRow.getByTestId("row-author")).toHaveValue("Mark N. Katz");
    await expect(htmlRow.getByTestId("row-published")).toHaveValue("2008-10");
    await expect(htmlRow.getByTestId("row-publication")).toHaveValue("Slavic Research Center");
    await page.screenshot({ path: testInfo.outputPath("rows-ready.png"), fullPage: true });
    // The PDF does not name its author or date: the person gives them.
    await pdfRow.getByTestId("row-author").fill("Mark N. Katz");
    await pdfRow.getByTestId("row-published").fill("2008-11");
    await page.getByRole("button", { name: "Add 2 sources" }).click();
    await expect(pdfRow.getByTestId("row-status")).toHaveText("Added", { timeout: 30_000 });
    await expect(htmlRow.getByTestId("row-status")).toHaveText("Added", { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "2 of 3 added." })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("rows-added.png"), fullPage: true });

    // The web page kept its article only; the PDF kept where its pages start.
    const document = (await (await page.request.get(`/api/workspaces/${slug}/export?format=json`)).json()) as { sources: { id: string; title: string; text: string; pages?: number[] }[] };
    const pageSource = document.sources.find((s) => s.title.startsWith("Russia and the Shanghai"))!;
    expect(pageSource.text).toContain("Up through the August 2007 SCO summit in Bishkek");
    for (const line of HTML_BOILERPLATE) expect(pageSource.text).not.toContain(line);
    const pdfSource = document.sources.find((s) => s.title === "Moscow’s Lonely Road")!;
    expect(pdfSource.pages!.length).toBeGreaterThanOrEqual(4);
    expect(pdfSource.text).not.toMatch(/Page \d+ of \d+|Problems of Post-Communism/);

    // Cite a late passage of the PDF in the reader.
    await pdfRow.getByRole("link", { name: /^Open/ }).click();
    await expect(page).toHaveURL(new RegExp(`/sources/${pdfSource.id}$`));
    await expect(page.getByTestId("source-text")).toHaveAttribute("data-cite-ready", "true");
    await selectPassage(page, QUOTE_START, "South Ossetia and Abkhazia");
    const popover = page.getByTestId("cite-popover");
    await expect(popover.getByTestId("cite-quote")).toContainText(QUOTE_START);
    await popover.getByTestId("cite-claim-mode-new").click();
    await popover.getByTestId("cite-new-claim-text").fill("Russia's war in Georgia cost it support in the SCO.");
    await popover.getByTestId("cite-stance-SUPPORTS").click();
    await popover.getByTestId("cite-submit").click();
    await expect(page.getByTestId("cite-done")).toBeVisible();
    const source = (await (await page.request.get(`/api/workspaces/${slug}/sources/${pdfSource.id}`)).json()) as { excerpts: { page: number | null; exact: string }[] };
    const cited = source.excerpts.find((x) => x.exact.startsWith(QUOTE_START))!;
    expect(cited.page).toBeGreaterThanOrEqual(3);
    await page.reload();
    await expect(page.getByTestId("excerpt-list-item").getByTestId("excerpt-page")).toHaveText(`p. ${cited.page}`);

    // "p. N" beside the quote in the matrix cell…
    await page.goto(`/w/${slug}/matrix`);
    const cell = page.locator('[data-testid="matrix-cell"][data-stance="SUPPORTS"]').first();
    await cell.click();
    const quote = page.getByTestId("cell-quote").filter({ hasText: QUOTE_START });
    await expect(quote.getByTestId("quote-page")).toHaveText(`p. ${cited.page}`);
    await page.screenshot({ path: testInfo.outputPath("matrix-cell-page.png"), fullPage: false });
    // …and in the Markdown handout's citation.
    const markdown = await (await page.request.get(`/api/workspaces/${slug}/export?format=markdown`)).text();
    expect(markdown).toContain(`Nov 2008, p. ${cited.page}`);
  });
});

test.describe("annotations from Hypothesis", () => {
  test("a student's Hypothesis export is placed on a source, its tags mapped to claims the person confirms", async ({ page, baseURL }, testInfo) => {
    await signUp(page, "Annotator");
    const slug = `hypothesis-${testInfo.project.name}-${Date.now()}`;
    const headers = { origin: baseURL! };
    expect((await page.request.post("/api/workspaces", { data: { title: "Annotated readings", slug, visibility: "PRIVATE" }, headers })).status()).toBe(201);
    const text = "The SCO is not an anti-NATO bloc. Its members disagree on most things.\n\nRussia found itself isolated at Dushanbe.";
    const source = await page.request.post(`/api/workspaces/${slug}/sources`, { data: { title: "A short article", author: { name: "A. Analyst" }, published: "2020", text }, headers });
    const sourceId = ((await source.json()) as { id: string }).id;
    await page.request.post(`/api/workspaces/${slug}/claims`, { data: { text: "The SCO is an anti-NATO bloc." }, headers });
    const row = (exact: string, tags: string[]) => ({ user: "acct:student@hypothes.is", text: `On “${exact.slice(0, 10)}”`, tags, target: [{ source: "https://x", selector: [{ type: "TextQuoteSelector", exact }] }] });
    const exported = { total: 3, rows: [row("not an anti-NATO bloc", ["opposes:anti-nato"]), row("isolated at Dushanbe", ["week-3"]), row("a sentence not in it", ["opposes:anti-nato"])] };

    await page.goto(`/w/${slug}/sources/${sourceId}`);
    const panel = page.getByTestId("hypothesis-import");
    await panel.locator("summary").click();
    await panel.locator('input[type="file"]').setInputFiles({ name: "hypothesis.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
    // The tag's guess, to confirm: "opposes:anti-nato" → the anti-NATO claim, Opposes.
    await expect(panel.getByLabel("Claim for tag opposes:anti-nato")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(panel.getByLabel("Stance for tag opposes:anti-nato")).toHaveValue("OPPOSES");
    await expect(panel.getByLabel("Claim for tag week-3")).toHaveValue("");
    await page.screenshot({ path: testInfo.outputPath("hypothesis-mapping.png"), fullPage: true });
    await panel.getByRole("button", { name: "Import" }).click();
    const report = panel.getByTestId("hypothesis-report");
    await expect(report).toContainText("2 of 3 placed in the text (1 evidence link made).");
    await expect(report).toContainText("#3 (student) “a sentence not in it”: the quote is not in this source's text");
    const claim = (await (await page.request.get(`/api/workspaces/${slug}/matrix`)).json()) as { claims: { positions: Record<string, { stance: string }> }[] };
    expect(Object.values(claim.claims[0].positions)[0].stance).toBe("OPPOSES");
  });
});
