import "server-only";
import { labelPublished } from "../../domain/dates";
import { STANCE_LABEL, STANCE_VERB } from "../../domain/stance-words";
import type { TMapGraph } from "../../domain/map-graph";
import type { TPositionStance } from "../../domain/types";
import { readMap } from "../../export/map-reading";
import { MUTED, STANCE_COLOUR, STANCE_MARK, accentAt } from "../../export/svg/palette";
import { createTimeSlicer } from "../workers/time-slicer";
import { interFontFiles } from "./render-png";

export type TPaper = "A4" | "LETTER";

/** A thousand claims take seconds to lay out; beyond this, the handout is refused. */
const PDF_DEADLINE_MS = 60_000;

/**
 * The seminar handout as a printable PDF (pdfkit, with the bundled Inter font so every character
 * prints): a title page listing the sources, then each claim on a page of its own — the authors'
 * positions, then each author's quotes with citations. A4 or US Letter. Drawn a claim at a time,
 * giving the thread back to other requests every few milliseconds, within a deadline.
 */
export async function renderHandoutPdf(graph: TMapGraph, options: { paper: TPaper; generatedOn?: string }): Promise<Buffer> {
  // pdfkit takes long to load (≈0.2 s): only when a PDF is asked for, not with the route's first export of any kind.
  const { default: PDFDocument } = await import("pdfkit");
  const map = readMap(graph);
  const [regular, medium, semibold, bold, italic] = interFontFiles();
  const doc = new PDFDocument({ size: options.paper, margin: 56, info: { Title: `${graph.workspace.title} — seminar handout`, Creator: "Stancemap" } });
  doc.registerFont("body", regular);
  doc.registerFont("medium", medium);
  doc.registerFont("semibold", semibold);
  doc.registerFont("bold", bold);
  doc.registerFont("italic", italic);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const chip = (stance: TPositionStance, x: number, y: number) => {
    const w = 78;
    if (stance === "SILENT") doc.save().lineWidth(1).dash(3, { space: 2 }).roundedRect(x, y, w, 15, 7).stroke("#94a3b8").undash().restore();
    else if (stance === "MIXED") {
      doc.save().roundedRect(x, y, w, 15, 7).clip();
      doc.rect(x, y, w / 2, 15).fill(STANCE_COLOUR.SUPPORTS).rect(x + w / 2, y, w / 2, 15).fill(STANCE_COLOUR.OPPOSES);
      doc.restore();
    } else doc.roundedRect(x, y, w, 15, 7).fill(STANCE_COLOUR[stance]);
    doc.font("semibold").fontSize(9).fillColor(stance === "SILENT" ? MUTED : "#020617").text(`${STANCE_MARK[stance]} ${STANCE_LABEL[stance]}`, x, y + 3.5, { width: w, align: "center", lineBreak: false });
  };

  // Title page.
  doc.font("bold").fontSize(24).fillColor("#0f172a").text(graph.workspace.title, { width });
  doc.moveDown(0.4).font("body").fontSize(11).fillColor(MUTED).text(`Seminar handout${options.generatedOn ? ` · ${options.generatedOn}` : ""} · ${graph.claims.length} claims · ${graph.authors.length} authors`);
  if (graph.workspace.description) doc.moveDown(0.8).font("body").fontSize(11.5).fillColor("#1e293b").text(graph.workspace.description, { width });
  doc.moveDown(1.2).font("bold").fontSize(14).fillColor("#0f172a").text("Sources");
  for (const source of graph.sources) {
    const author = map.authors.get(source.authorId);
    doc.moveDown(0.4).font("semibold").fontSize(11).fillColor("#0f172a").text(`${author?.name ?? ""} (${labelPublished(source.published)})`, { continued: true }).font("body").text(` — ${source.title}${source.publication ? `, ${source.publication}` : ""}`);
    if (source.url) doc.font("body").fontSize(9).fillColor(MUTED).text(source.url);
  }

  const slicer = createTimeSlicer({ deadlineMs: PDF_DEADLINE_MS, what: "making the handout" });
  for (const [index, claim] of graph.claims.entries()) {
    await slicer.tick();
    doc.addPage();
    doc.font("medium").fontSize(9).fillColor(MUTED).text(`CLAIM ${index + 1} OF ${graph.claims.length}`);
    doc.moveDown(0.3).font("bold").fontSize(17).fillColor("#0f172a").text(claim.text, { width });
    if (claim.tags.length) doc.font("body").fontSize(9).fillColor(MUTED).text(claim.tags.map((t) => `#${t}`).join("  "));
    doc.moveDown(0.8);
    for (const [i, author] of graph.authors.entries()) {
      const position = map.positionOf(claim.id, author.id);
      const y = doc.y;
      doc.circle(doc.page.margins.left + 4, y + 7, 3.5).fill(accentAt(i));
      doc.font("semibold").fontSize(10.5).fillColor("#0f172a").text(author.name, doc.page.margins.left + 14, y + 2, { width: 200, lineBreak: false });
      doc.font("body").fontSize(9).fillColor(MUTED).text(author.published ? labelPublished(author.published) : "undated", doc.page.margins.left + 220, y + 3, { width: 90, lineBreak: false });
      chip(position.stance, doc.page.margins.left + 320, y);
      if (position.explicit) doc.font("italic").fontSize(8.5).fillColor(MUTED).text("set by hand", doc.page.margins.left + 406, y + 3.5, { lineBreak: false });
      doc.x = doc.page.margins.left;
      doc.y = y + 21;
    }
    const evidence = map.evidenceByClaim.get(claim.id) ?? [];
    if (evidence.length === 0) {
      doc.moveDown(0.8).font("italic").fontSize(10.5).fillColor(MUTED).text("No quotes yet.", doc.page.margins.left);
      continue;
    }
    for (const author of graph.authors) {
      const own = evidence.filter((e) => map.excerptAuthor.get(e.excerptId) === author.id);
      if (own.length === 0) continue;
      doc.moveDown(0.9).font("bold").fontSize(12).fillColor("#0f172a").text(author.name, doc.page.margins.left, doc.y, { width });
      for (const e of own) {
        const excerpt = map.excerpts.get(e.excerptId)!;
        doc.moveDown(0.4).font("semibold").fontSize(9).fillColor(STANCE_COLOUR[e.stance]).text(`${STANCE_MARK[e.stance]} ${STANCE_VERB[e.stance]}${e.voice === "REPORTED" ? " — reports a view it does not hold" : ""}`);
        const top = doc.y + 2;
        doc.font("body").fontSize(10.5).fillColor("#1e293b").text(`“${excerpt.exact}”`, doc.page.margins.left + 12, top, { width: width - 12, lineGap: 1.5 });
        doc.moveTo(doc.page.margins.left + 3, top).lineTo(doc.page.margins.left + 3, doc.y).lineWidth(2).stroke(STANCE_COLOUR[e.stance]);
        doc.font("italic").fontSize(9).fillColor(MUTED).text(`— ${map.citationOf(excerpt.sourceId, excerpt.start)}`, doc.page.margins.left + 12, doc.y + 2, { width: width - 12 });
        if (e.note) doc.font("body").fontSize(9).fillColor("#334155").text(`Note: ${e.note}`, { width: width - 12 });
        doc.x = doc.page.margins.left;
      }
    }
  }
  doc.end();
  return done;
}
