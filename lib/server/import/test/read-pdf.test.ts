import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageAt } from "@/lib/domain/pages";
import { KATZ_FILE, makeArticlePdf, makeScannedPdf, PDF_FOOTER, PDF_RUNNING_HEAD } from "@/lib/testing/pdf-fixtures";
import { probeStall } from "@/lib/testing/stall-probe";
import { readPdf } from "../read-pdf";

const normalise = (s: string) => s.replace(/\s+/g, " ").trim();

const seed = JSON.parse(readFileSync(path.join(process.cwd(), "prisma/seed/sco-debate.json"), "utf8")) as { evidence: { source: string; exact: string }[] };
const katzQuotes = [...new Set(seed.evidence.filter((e) => e.source === "katz-2008").map((e) => e.exact))];

describe("readPdf", () => {
  it("reads a printed article: every cited passage, no running heads, footers or page numbers, pages where they were printed", async () => {
    const fixture = await makeArticlePdf();
    expect(fixture.pages).toBeGreaterThanOrEqual(5);
    // The fixture really has hyphenated line ends for the reader to join.
    expect(fixture.pageTexts.join(" ")).toMatch(/\p{L}- \p{Ll}/u);
    const { text, pages } = await readPdf(new Uint8Array(fixture.pdf));
    const flat = normalise(text);
    expect(katzQuotes.length).toBeGreaterThanOrEqual(8);
    for (const quote of katzQuotes) expect(flat).toContain(normalise(quote));
    for (const paragraph of fixture.paragraphs) expect(flat).toContain(normalise(paragraph));
    expect(text).not.toContain(PDF_RUNNING_HEAD);
    expect(text).not.toContain(PDF_FOOTER);
    expect(text).not.toMatch(/Page \d+ of \d+/);
    // Paragraphs stay apart.
    expect(text.split("\n\n").length).toBe(fixture.paragraphs.length);
    expect(pages).toHaveLength(fixture.pages);
    expect(pages[0]).toBe(0);
    // The first and a late quote: their page is the page the fixture printed them on.
    const byPlace = katzQuotes.map((q) => ({ q, at: text.indexOf(q.slice(0, 40)) })).sort((a, b) => a.at - b.at);
    for (const { q, at } of [byPlace[0], byPlace.at(-1)!]) {
      const printedOn = fixture.pageTexts.findIndex((p) => normalise(p).includes(normalise(q.slice(0, 40)))) + 1;
      expect(printedOn).toBeGreaterThan(0);
      expect(pageAt(pages, at)).toBe(printedOn);
    }
    expect(pageAt(pages, byPlace.at(-1)!.at)).toBeGreaterThanOrEqual(4);
    expect(readFileSync(KATZ_FILE, "utf8").length).toBeGreaterThan(text.length * 0.9);
  });

  it("refuses a PDF without a text layer, saying why", async () => {
    await expect(readPdf(new Uint8Array(await makeScannedPdf()))).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("no text layer") });
  });

  it("refuses what is not a PDF, and a file over the cap before reading it", async () => {
    await expect(readPdf(new TextEncoder().encode("%PDF-1.7\nnot really"))).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(readPdf(new Uint8Array(50 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("leaves the thread free while a PDF is read", async () => {
    const { pdf } = await makeArticlePdf();
    const { maxBlockMs } = await probeStall(() => readPdf(new Uint8Array(pdf)));
    expect(maxBlockMs).toBeLessThan(200);
  });
});
