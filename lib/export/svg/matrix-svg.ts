import { controversyOf, describeSplit } from "../../domain/controversy";
import { labelPublished } from "../../domain/dates";
import type { TMapGraph } from "../../domain/map-graph";
import type { TPositionStance } from "../../domain/types";
import { STANCE_LABEL } from "../../domain/stance-words";
import { readMap } from "../map-reading";
import { HEADER_FILL, INK, MUTED, RULE, STANCE_COLOUR, STANCE_MARK, accentAt } from "./palette";
import { wrapText, xml } from "./svg-text";

const FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";
const PAD = 24;
const CLAIM_W = 360;
const CELL_W = 150;
const HEAD_H = 64;
const LINE = 19;

function chip(x: number, y: number, stance: TPositionStance, explicit: boolean): string {
  const w = 118;
  const h = 28;
  const left = x - w / 2;
  const label = `${STANCE_MARK[stance]} ${STANCE_LABEL[stance]}`;
  let shape: string;
  if (stance === "SILENT") shape = `<rect x="${left}" y="${y}" width="${w}" height="${h}" rx="14" fill="none" stroke="#94a3b8" stroke-width="2" stroke-dasharray="5 4"/>`;
  else if (stance === "MIXED") {
    shape = `<clipPath id="c${Math.round(x)}-${Math.round(y)}"><rect x="${left}" y="${y}" width="${w}" height="${h}" rx="14"/></clipPath>
      <g clip-path="url(#c${Math.round(x)}-${Math.round(y)})"><rect x="${left}" y="${y}" width="${w / 2}" height="${h}" fill="${STANCE_COLOUR.SUPPORTS}"/><rect x="${x}" y="${y}" width="${w / 2}" height="${h}" fill="${STANCE_COLOUR.OPPOSES}"/></g>`;
  } else shape = `<rect x="${left}" y="${y}" width="${w}" height="${h}" rx="14" fill="${STANCE_COLOUR[stance]}"/>`;
  const ink = stance === "SILENT" ? MUTED : "#020617";
  return `${shape}<text x="${x}" y="${y + 19}" text-anchor="middle" font-size="14" font-weight="600" fill="${ink}">${xml(label)}</text>${
    explicit ? `<text x="${x}" y="${y + h + 16}" text-anchor="middle" font-size="11" font-style="italic" fill="${MUTED}">set by hand</text>` : ""
  }`;
}

/**
 * The debate matrix as an SVG picture, drawn as the page shows it: claims down the side, authors
 * across by date with their accent and date, each cell the position chip (colour, mark and word)
 * and its number of quotes. Self-contained (no external fonts or styles), for slides and papers.
 */
export function matrixToSvg(graph: TMapGraph, options: { generatedOn?: string } = {}): string {
  const map = readMap(graph);
  const width = PAD * 2 + CLAIM_W + graph.authors.length * CELL_W;
  const titleLines = wrapText(graph.workspace.title, width - PAD * 2, 22, 2);
  let y = PAD + 22;
  const parts: string[] = [];
  for (const line of titleLines) {
    parts.push(`<text x="${PAD}" y="${y}" font-size="22" font-weight="700" fill="${INK}">${xml(line)}</text>`);
    y += 28;
  }
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="13" fill="${MUTED}">${xml(`Debate matrix · ${graph.claims.length} claims · ${graph.authors.length} authors by publication date${options.generatedOn ? ` · ${options.generatedOn}` : ""}`)}</text>`,
  );
  y += 18;
  const top = y;
  // Header row.
  parts.push(`<rect x="${PAD}" y="${top}" width="${width - PAD * 2}" height="${HEAD_H}" fill="${HEADER_FILL}"/>`);
  parts.push(`<text x="${PAD + 12}" y="${top + HEAD_H - 14}" font-size="14" font-weight="600" fill="${MUTED}">Claim</text>`);
  graph.authors.forEach((author, i) => {
    const cx = PAD + CLAIM_W + i * CELL_W + CELL_W / 2;
    const name = author.shortName.length > 16 ? `${author.shortName.slice(0, 15)}…` : author.shortName;
    const nameWidth = name.length * 15 * 0.58;
    parts.push(`<circle cx="${cx - nameWidth / 2 - 9}" cy="${top + 25}" r="6" fill="${accentAt(i)}"/>`);
    parts.push(`<text x="${cx + 3}" y="${top + 30}" text-anchor="middle" font-size="15" font-weight="700" fill="${INK}">${xml(name)}</text>`);
    parts.push(`<text x="${cx}" y="${top + 50}" text-anchor="middle" font-size="12" fill="${MUTED}">${xml(author.published ? labelPublished(author.published) : "undated")}</text>`);
  });
  y = top + HEAD_H;
  for (const claim of graph.claims) {
    const lines = wrapText(claim.text, CLAIM_W - 24, 14, 6);
    const split = controversyOf(graph.authors.map((a) => map.positionOf(claim.id, a.id).stance));
    const rowH = Math.max(lines.length * LINE + 24 + (split.split ? 26 : 0), 78);
    parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${RULE}"/>`);
    lines.forEach((line, i) => parts.push(`<text x="${PAD + 12}" y="${y + 22 + i * LINE}" font-size="14" font-weight="500" fill="${INK}">${xml(line)}</text>`));
    if (split.split) {
      // As the matrix marks it: the two sides in their colours, and the counts in words.
      const by = y + 14 + lines.length * LINE;
      const { label } = describeSplit(split);
      parts.push(`<rect x="${PAD + 12}" y="${by}" width="${label.length * 6.4 + 44}" height="20" rx="10" fill="#fef3c7"/>`);
      parts.push(`<rect x="${PAD + 20}" y="${by + 8}" width="${(24 * split.supporting) / (split.supporting + split.opposing)}" height="4" fill="${STANCE_COLOUR.SUPPORTS}"/>`);
      parts.push(`<rect x="${PAD + 20 + (24 * split.supporting) / (split.supporting + split.opposing)}" y="${by + 8}" width="${(24 * split.opposing) / (split.supporting + split.opposing)}" height="4" fill="${STANCE_COLOUR.OPPOSES}"/>`);
      parts.push(`<text x="${PAD + 50}" y="${by + 14}" font-size="11" font-weight="600" fill="#78350f">${xml(label)}</text>`);
    }
    graph.authors.forEach((author, i) => {
      const cx = PAD + CLAIM_W + i * CELL_W + CELL_W / 2;
      const position = map.positionOf(claim.id, author.id);
      parts.push(chip(cx, y + 10, position.stance, position.explicit));
      const quotes = position.evidenceCount === 0 ? "—" : `${position.evidenceCount} ${position.evidenceCount === 1 ? "quote" : "quotes"}`;
      parts.push(`<text x="${cx}" y="${y + (position.explicit ? 70 : 56)}" text-anchor="middle" font-size="12" fill="${MUTED}">${quotes}</text>`);
    });
    y += rowH;
  }
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${RULE}"/>`);
  parts.push(`<line x1="${PAD + CLAIM_W}" y1="${top}" x2="${PAD + CLAIM_W}" y2="${y}" stroke="${RULE}"/>`);
  const height = y + PAD;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${xml(`Debate matrix: ${graph.workspace.title}`)}">
<title>${xml(`Debate matrix: ${graph.workspace.title}`)}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join("\n")}
</svg>
`;
}
