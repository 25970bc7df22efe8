/**
 * PDFs made for the tests, the way a journal prints an article: a running head on every page,
 * a footer with the article's short title and "Page N of M", body text justified in narrow lines
 * with long words hyphenated at the line's end, paragraphs set apart. Built with pdfkit and the
 * bundled Inter font (so every character of the corpus prints).
 */
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { interFontFiles } from "../server/export/render-png";
import { KATZ_FILE } from "./html-fixtures";

export { KATZ_FILE };
export const PDF_RUNNING_HEAD = "Problems of Post-Communism · Vol. 55, No. 6";
export const PDF_FOOTER = "Katz · Moscow’s Lonely Road";

const PAGE = { width: 420, height: 595, margin: 50 };
const FONT_SIZE = 10;
const LEADING = 14;

interface TLaidLine {
  text: string;
  paragraphStart: boolean;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

/** The paragraphs broken into lines that fit `width`, a long word split with a hyphen where the line runs out. */
function layOut(doc: PDFKit.PDFDocument, paragraphs: string[], width: number): TLaidLine[] {
  const lines: TLaidLine[] = [];
  for (const paragraph of paragraphs) {
    let line = "";
    let first = true;
    const push = (text: string) => {
      lines.push({ text, paragraphStart: first });
      first = false;
    };
    const words = paragraph.split(/ +/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const candidate = line ? `${line} ${word}` : word;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      // A long word of letters only is hyphenated: its head (at least four letters) ends this line.
      if (/^\p{L}{9,}[,.;]?$/u.test(word) && line) {
        let cut = word.length - 4;
        while (cut >= 4 && doc.widthOfString(`${line} ${word.slice(0, cut)}-`) > width) cut--;
        if (cut >= 4) {
          push(`${line} ${word.slice(0, cut)}-`);
          line = word.slice(cut);
          continue;
        }
      }
      if (line) push(line);
      line = word;
    }
    if (line) push(line);
  }
  return lines;
}

/** Katz's article as a journal would print it: the file, its page count, the paragraphs it set and the text printed on each page. */
export async function makeArticlePdf(file = KATZ_FILE): Promise<{ pdf: Buffer; pages: number; paragraphs: string[]; pageTexts: string[] }> {
  const paragraphs = readFileSync(file, "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false, info: { Title: "Russia and the Shanghai Cooperation Organization", Author: "Mark N. Katz" } });
  const done = collect(doc);
  const [regular, , , bold] = interFontFiles();
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  doc.font("body").fontSize(FONT_SIZE);
  const width = PAGE.width - 2 * PAGE.margin;
  const lines = layOut(doc, paragraphs, width);
  const top = PAGE.margin + 30;
  const bottom = PAGE.height - PAGE.margin - 30;
  const pagesOfLines: TLaidLine[][] = [[]];
  let y = top;
  for (const line of lines) {
    const needed = (line.paragraphStart ? LEADING * 0.8 : 0) + LEADING;
    if (y + needed > bottom) {
      pagesOfLines.push([]);
      y = top;
    }
    y += pagesOfLines.at(-1)!.length === 0 ? LEADING : needed;
    pagesOfLines.at(-1)!.push(line);
  }
  pagesOfLines.forEach((pageLines, index) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.font("body").fontSize(8).fillColor("#555").text(PDF_RUNNING_HEAD, PAGE.margin, PAGE.margin - 20, { width, align: "center", lineBreak: false });
    let at = top;
    pageLines.forEach((line, i) => {
      if (line.paragraphStart && i > 0) at += LEADING * 0.8;
      doc.font("body").fontSize(FONT_SIZE).fillColor("#000").text(line.text, PAGE.margin, at, { lineBreak: false });
      at += LEADING;
    });
    doc.font("body").fontSize(8).fillColor("#555");
    doc.text(PDF_FOOTER, PAGE.margin, PAGE.height - PAGE.margin + 6, { lineBreak: false });
    doc.text(`Page ${index + 1} of ${pagesOfLines.length}`, PAGE.margin, PAGE.height - PAGE.margin + 18, { width, align: "right", lineBreak: false });
  });
  doc.end();
  return { pdf: await done, pages: pagesOfLines.length, paragraphs, pageTexts: pagesOfLines.map((p) => p.map((l) => l.text).join(" ")) };
}

/** A "scanned" PDF: two pages of drawn shapes where the text would be, and no text layer at all. */
export async function makeScannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0 });
  const done = collect(doc);
  for (let page = 0; page < 2; page++) {
    if (page > 0) doc.addPage();
    for (let y = 80; y < PAGE.height - 80; y += 14) doc.rect(PAGE.margin, y, PAGE.width - 2 * PAGE.margin - (y % 3) * 20, 8).fill("#333");
  }
  doc.end();
  return done;
}
