import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { probeStall } from "@/lib/testing/stall-probe";
import { HTML_BOILERPLATE, makeArticleHtml } from "@/lib/testing/html-fixtures";
import { makeArticlePdf, makeScannedPdf, PDF_FOOTER, PDF_RUNNING_HEAD } from "@/lib/testing/pdf-fixtures";
import { POST as extract } from "../sources/extract/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { GET as getClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { GET as getSource } from "../workspaces/[slug]/sources/[id]/route";

const SLUG = "pdf-and-pages";
let owner: TActor;
const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
const seed = JSON.parse(readFileSync(path.join(process.cwd(), "prisma/seed/sco-debate.json"), "utf8")) as { evidence: { source: string; exact: string }[] };
const katzQuotes = [...new Set(seed.evidence.filter((e) => e.source === "katz-2008").map((e) => e.exact))];

function form(file: Blob, name: string, metadata?: unknown): FormData {
  const data = new FormData();
  data.set("file", file, name);
  if (metadata !== undefined) data.set("metadata", JSON.stringify(metadata));
  return data;
}

beforeAll(async () => {
  ({ owner } = await createOwnerOf(SLUG, "PDFs and pages", "Reader"));
});

describe("a PDF as a source", () => {
  it("is read with its pages, and every quote from it is cited by page in the answers and the handout", async () => {
    const fixture = await makeArticlePdf();
    const preview = await call(extract, { method: "POST", headers: owner.headers, form: form(new Blob([new Uint8Array(fixture.pdf)], { type: "application/pdf" }), "katz.pdf") });
    expect(preview.status).toBe(200);
    expect(Object.keys(preview.body).sort()).toEqual(["author", "pages", "published", "siteName", "text", "title"]);
    expect(preview.body).toMatchObject({ title: "Russia and the Shanghai Cooperation Organization", author: "Mark N. Katz", published: null, siteName: null });
    expect(preview.body.pages).toHaveLength(fixture.pages);

    // The metadata part gives what the file does not say (the date); the rest comes from the PDF.
    const created = await call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(new Blob([new Uint8Array(fixture.pdf)]), "katz.pdf", { published: "2008-10" }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const row = await db().source.findUniqueOrThrow({ where: { id: created.body.id }, include: { author: true } });
    expect(row).toMatchObject({ title: "Russia and the Shanghai Cooperation Organization", publishedPrecision: "MONTH", author: { name: "Mark N. Katz" } });
    expect(row.pageStarts).toEqual(preview.body.pages);
    for (const quote of katzQuotes) expect(normalise(row.text)).toContain(normalise(quote));
    expect(row.text).not.toContain(PDF_RUNNING_HEAD);
    expect(row.text).not.toContain(PDF_FOOTER);
    const history = await db().event.findMany({ where: { entityId: row.id, type: "source.created" } });
    expect(history).toHaveLength(1);
    expect(history[0].after).toMatchObject({ pages: fixture.pages });

    // A late quote, cited: its page is where the PDF printed it, in every answer that carries it.
    const late = katzQuotes.map((q) => ({ q, at: row.text.indexOf(q.slice(0, 40)) })).sort((a, b) => b.at - a.at)[0];
    const printedOn = fixture.pageTexts.findIndex((p) => normalise(p).includes(normalise(late.q.slice(0, 40)))) + 1;
    expect(printedOn).toBeGreaterThanOrEqual(4);
    const exact = row.text.slice(late.at, late.at + 60);
    const claim = await call(createClaim, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body: { text: "Russia's SCO partners did not back it over Georgia." } });
    const excerpt = await call(createExcerpt, {
      method: "POST",
      params: { slug: SLUG },
      headers: owner.headers,
      body: { sourceId: row.id, selector: { exact }, evidence: [{ claimId: claim.body.id, stance: "SUPPORTS", voice: "AUTHOR" }] },
    });
    expect(excerpt.status).toBe(201);
    expect(excerpt.body.page).toBe(printedOn);
    const source = await call(getSource, { params: { slug: SLUG, id: row.id }, headers: owner.headers });
    expect(source.body.pages).toEqual(row.pageStarts);
    expect(source.body.excerpts[0].page).toBe(printedOn);
    const claimAnswer = await call(getClaim, { params: { slug: SLUG, id: claim.body.id }, headers: owner.headers });
    expect(claimAnswer.body.evidence[0].excerpt.page).toBe(printedOn);
    const download = async (query: string) => {
      const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?${query}`, { headers: owner.headers }), { params: Promise.resolve({ slug: SLUG }) });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await download("format=markdown")).toContain(`2008, p. ${printedOn}`);
    expect(await download("format=csv&table=evidence")).toMatch(new RegExp(`,${printedOn}\\r\\n$`));
    const native = JSON.parse(await download("format=json"));
    expect(native.sources[0].pages).toEqual(row.pageStarts);
  });

  it("refuses a scanned PDF (no text layer) with a message saying so, and writes nothing", async () => {
    const scanned = new Blob([new Uint8Array(await makeScannedPdf())], { type: "application/pdf" });
    const result = await expectNoWrites(() => call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(scanned, "scan.pdf", { author: { name: "Someone" }, published: "2020" }) }));
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/no text layer/);
    expect(result.body.error.message).toMatch(/OCR/);
  });

  it("names what neither the metadata nor the file gives, and refuses other kinds of file", async () => {
    const text = new Blob(["Just words, no date and no author."], { type: "text/plain" });
    const missing = await expectNoWrites(() => call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(text, "notes.txt") }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["author.name", "published"]);
    const image = await expectNoWrites(() => call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), "photo.png", { author: { name: "A" }, published: "2020" }) }));
    expect(image.status).toBe(422);
    const badMetadata = await expectNoWrites(() => call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(text, "notes.txt", { published: "last year" }) }));
    expect(badMetadata.status).toBe(400);
  });

  it("adds a Markdown file with its heading as the title and metadata from the form", async () => {
    const md = new Blob(["# A short note\n\nThe SCO is a talk shop."], { type: "text/markdown" });
    const created = await call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(md, "note.md", { author: { name: "N. Writer" }, published: "2021-02-03" }) });
    expect(created.status).toBe(201);
    const row = await db().source.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ title: "A short note", text: "# A short note\n\nThe SCO is a talk shop.", pageStarts: [] });
  });
});

describe("a saved web page as a source", () => {
  it("keeps the article's text without navigation, cookie banner or footer, and pre-fills its metadata", async () => {
    const { html } = makeArticleHtml();
    const preview = await call(extract, { method: "POST", headers: owner.headers, form: form(new Blob([html], { type: "text/html" }), "katz.html") });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ title: "Russia and the Shanghai Cooperation Organization: Moscow’s Lonely Road from Bishkek to Dushanbe", author: "Mark N. Katz", published: "2008-10", siteName: "Slavic Research Center", pages: null });
    for (const quote of katzQuotes) expect(normalise(preview.body.text)).toContain(normalise(quote));
    for (const line of HTML_BOILERPLATE) expect(preview.body.text).not.toContain(line);
    expect(preview.body.text).not.toContain("window.tracking");
    const created = await call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, form: form(new Blob([html], { type: "text/html" }), "katz.html", { author: { name: "Mark N. Katz" } }) });
    expect(created.status).toBe(201);
    const row = await db().source.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ publication: "Slavic Research Center", publishedPrecision: "MONTH", pageStarts: [] });
  });
});

describe("an address as a source", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const { html } = makeArticleHtml();
    const { pdf } = await makeArticlePdf();
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const redirect = (to: string, status = 302) => res.writeHead(status, { location: to }).end();
      switch (url.pathname) {
        case "/article":
          return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
        case "/paper.pdf":
          return res.writeHead(200, { "content-type": "application/pdf" }).end(pdf);
        case "/r1":
          return redirect("/r2", 301);
        case "/r2":
          return redirect(`${base}/r3`, 307);
        case "/r3":
          return redirect("/article");
        case "/loop":
          return redirect(`/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}`);
        case "/image":
          return res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([137, 80, 78, 71]));
        case "/huge": {
          // No Content-Length: the cap is counted as the body arrives.
          res.writeHead(200, { "content-type": "text/html" });
          const chunk = Buffer.alloc(1024 * 1024, "a");
          for (let i = 0; i < 11; i++) res.write(chunk);
          return res.end();
        }
        case "/to-metadata":
          return redirect("http://169.254.169.254/latest/meta-data/");
        case "/to-private":
          return redirect("http://10.20.30.40/internal");
        case "/stall":
          // Headers, then a body that never ends.
          res.writeHead(200, { "content-type": "text/html" });
          return res.write("<p>Slow");
        default:
          return res.writeHead(404, { "content-type": "text/html" }).end("<p>Not here</p>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.STANCEMAP_FETCH_ALLOW_PRIVATE = "1";
  });
  afterAll(async () => {
    delete process.env.STANCEMAP_FETCH_ALLOW_PRIVATE;
    await new Promise((resolve) => server.close(resolve));
  });
  const add = (body: unknown) => call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body });

  it("fetches a page (also through a chain of redirects) and adds its article with the page's metadata", async () => {
    const direct = await add({ url: `${base}/article` });
    expect(direct.status, JSON.stringify(direct.body)).toBe(201);
    const row = await db().source.findUniqueOrThrow({ where: { id: direct.body.id }, include: { author: true } });
    expect(row).toMatchObject({ url: `${base}/article`, publishedPrecision: "MONTH", publication: "Slavic Research Center", author: { name: "Mark N. Katz" } });
    for (const line of HTML_BOILERPLATE) expect(row.text).not.toContain(line);
    const chained = await add({ url: `${base}/r1`, title: "Moscow’s Lonely Road", published: "2008" });
    expect(chained.status, JSON.stringify(chained.body)).toBe(201);
    expect(await db().source.findUniqueOrThrow({ where: { id: chained.body.id } })).toMatchObject({ title: "Moscow’s Lonely Road", publishedPrecision: "YEAR", url: `${base}/r1` });
    const preview = await call(extract, { method: "POST", headers: owner.headers, body: { url: `${base}/paper.pdf` } });
    expect(preview.status).toBe(200);
    expect(preview.body.pages.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses, saying why and writing nothing: a missing page, too large, the wrong type, too many redirects, a redirect to a private address", async () => {
    const cases: [string, RegExp][] = [
      ["/missing", /answered 404/],
      ["/huge", /larger than 10 MB/],
      ["/image", /image\/png/],
      ["/loop", /more than 5 times/],
      ["/to-metadata", /169\.254\.169\.254 is a private or local network address/],
      ["/to-private", /10\.20\.30\.40 is a private or local network address/],
    ];
    for (const [route, message] of cases) {
      const result = await expectNoWrites(() => add({ url: `${base}${route}`, author: { name: "A" }, published: "2020" }));
      expect(result.status, route).toBe(422);
      expect(result.body.error.message, route).toMatch(message);
    }
    const scheme = await expectNoWrites(() => add({ url: "file:///etc/passwd" }));
    expect(scheme.status).toBe(400);
  });

  it("gives up on a page that does not finish within 10 s, without holding the thread", async () => {
    const { result, maxBlockMs, elapsedMs } = await probeStall(() => expectNoWrites(() => add({ url: `${base}/stall`, author: { name: "A" }, published: "2020" })));
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/did not answer within 10 s/);
    expect(elapsedMs).toBeGreaterThanOrEqual(9_900);
    expect(maxBlockMs).toBeLessThan(200);
  });

  it("refuses this machine's own addresses unless the test switch is on", async () => {
    delete process.env.STANCEMAP_FETCH_ALLOW_PRIVATE;
    try {
      const result = await expectNoWrites(() => add({ url: `${base}/article` }));
      expect(result.status).toBe(422);
      expect(result.body.error.message).toMatch(/127\.0\.0\.1 is a private or local network address/);
      const named = await expectNoWrites(() => add({ url: base.replace("127.0.0.1", "localhost") + "/article" }));
      expect(named.status).toBe(422);
      expect(named.body.error.message).toMatch(/private or local network address/);
    } finally {
      process.env.STANCEMAP_FETCH_ALLOW_PRIVATE = "1";
    }
  });
});
