import type { TArgumentEdge, TArgumentGraph, TClaimNode, TExcerptNode, TGraphScope, TPositionNode } from "../../domain/argument-graph";
import { labelPublished } from "../../domain/dates";
import type { TMapAuthor } from "../../domain/map-graph";
import { STANCE_LABEL } from "../../domain/stance-words";
import type { TPositionStance } from "../../domain/types";
import { edgeCurve } from "../../graph/edge-path";
import { EDGE_LOOK, EDGE_WIDTH, evidenceWidth } from "../../graph/edge-style";
import type { TLayoutResult } from "../../graph/layout";
import { NODE_SIZE } from "../../graph/layout-input";
import { countDrawn, describeDrawn, describeGraphCap, describeGraphScope, trim } from "../../graph/text";
import { fitLine, textWidth, wrapLines, type TFontWeight } from "../../graph/text-width";
import { INK, MUTED, STANCE_MARK, accentAt } from "./palette";
import { xml } from "./svg-text";

/**
 * The argument graph as an SVG picture, drawn as the graph page shows it (app/components/graph):
 * the same layout (lib/graph/layout.ts, computed by the caller), the same cards with the same
 * texts clamped to the same lines, author boxes in the authors' accents, and edges in the stance
 * colours and line patterns with their arrowheads — then a title above and a legend below.
 * Self-contained (fonts named, no external styles), for slides and papers.
 */

export interface TGraphPicture {
  /** The workspace's title. */
  title: string;
  view: TArgumentGraph;
  /** The part of the map drawn (for the caption and the note on what large maps leave out). */
  scope: TGraphScope;
  layout: TLayoutResult;
  /** Every author of the map in date order: each one's accent is the one of their place, as in the app. */
  authors: readonly TMapAuthor[];
  generatedOn?: string;
  /**
   * Draw the words on the cards as bars of their length (titles, captions and the legend keep
   * their words): for a raster of a large map, where the words would be too small to read and
   * turning thousands of lines into glyphs would take the renderer seconds. The SVG keeps them.
   */
  wordsAsLines?: boolean;
}

const FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";
/** The canvas sets passages in the reader's serif; a renderer without one falls back to Inter. */
const SERIF = "Georgia, 'Times New Roman', serif";
const PAD = 24;
/** Around the drawing: room for arrowheads, labels and the loops of edges that run backwards. */
const MARGIN = 32;
const MIN_WIDTH = 760;

// The app's slate scale (Tailwind), as the cards use it.
const SLATE = { 200: "#e2e8f0", 300: "#cbd5e1", 500: "#64748b", 600: "#475569", 700: "#334155", 800: "#1e293b", 950: "#020617" } as const;
const HALO = ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';
const CHIP_STANCES: TPositionStance[] = ["SUPPORTS", "OPPOSES", "MIXED", "QUALIFIES"];

const n1 = (v: number) => String(Math.round(v * 10) / 10);

function text(x: number, y: number, content: string, attrs: { size: number; weight?: TFontWeight; fill: string; anchor?: "middle" | "end"; family?: string; extra?: string }): string {
  return `<text x="${n1(x)}" y="${n1(y)}" font-size="${attrs.size}"${attrs.weight && attrs.weight !== 400 ? ` font-weight="${attrs.weight}"` : ""}${attrs.anchor ? ` text-anchor="${attrs.anchor}"` : ""}${
    attrs.family ? ` font-family="${attrs.family}"` : ""
  } fill="${attrs.fill}"${attrs.extra ?? ""}>${xml(content)}</text>`;
}

type TTextFn = typeof text;

/**
 * A line of text drawn as a bar of its width, for a picture whose words could not be read or
 * would cost too much to draw (see `wordsAsLines`): the card keeps its shape and colours.
 */
function textAsLine(x: number, y: number, content: string, attrs: Parameters<TTextFn>[3]): string {
  const width = textWidth(content, attrs.size, attrs.weight ?? 400);
  const left = attrs.anchor === "middle" ? x - width / 2 : attrs.anchor === "end" ? x - width : x;
  return `<rect x="${n1(left)}" y="${n1(y - attrs.size * 0.62)}" width="${n1(width)}" height="${n1(attrs.size * 0.56)}" rx="1" fill="${attrs.fill}" fill-opacity="0.45"/>`;
}

/** A stance chip as the canvas draws it: a pill in the stance's colour with its mark (and word). */
function chip(x: number, y: number, label: string, stance: TPositionStance, padding: number, t: TTextFn = text): { svg: string; width: number } {
  const width = textWidth(label, 11, 600) + 2 * padding + 2;
  const fill = stance === "MIXED" ? "url(#mixed)" : stance === "SILENT" ? "none" : EDGE_LOOK[stance].colour;
  const border = stance === "SILENT" ? ` stroke="${SLATE[500]}" stroke-dasharray="3 2"` : "";
  return {
    svg: `<rect x="${n1(x)}" y="${y}" width="${n1(width)}" height="16" rx="8" fill="${fill}"${border}/>${t(x + width / 2, y + 12, label, { size: 11, weight: 600, fill: stance === "SILENT" ? SLATE[500] : SLATE[950], anchor: "middle" })}`,
    width,
  };
}

function claimCard(node: TClaimNode, t: TTextFn = text): string {
  const { width, height } = NODE_SIZE.claim;
  const parts = [`<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="${SLATE[300]}"/>`];
  // line-clamp-3 at 16 px semibold, 20 px lines, inside 1 px border and 10 px padding.
  wrapLines(node.text, width - 22, 16, 600, 3).forEach((line, i) => parts.push(t(11, 23 + i * 20, line, { size: 16, weight: 600, fill: INK })));
  const row = height - 23;
  let x = 11;
  for (const stance of CHIP_STANCES) {
    if (node.stances[stance] === 0) continue;
    const c = chip(x, row, `${STANCE_MARK[stance]} ${node.stances[stance]}`, stance, 4, t);
    parts.push(c.svg);
    x += c.width + 4;
  }
  if (node.stances.SILENT > 0) parts.push(t(x, row + 12, `${node.stances.SILENT} silent`, { size: 11, fill: SLATE[500] }));
  if (node.controversy.split) parts.push(t(width - 11, row + 12, "SPLIT", { size: 11, weight: 600, fill: SLATE[600], anchor: "end", extra: ' letter-spacing="0.3"' }));
  return parts.join("");
}

/**
 * A card with the author's accent as its left border, as passages and counts are drawn: the
 * border is the part of the card's rounded rectangle left of x = 4 (a path, not a clip: resvg
 * aborts the process on a clipped element outside the area it renders).
 */
function accentCard(kind: "excerpt" | "position", accent: string): string {
  const { width, height } = NODE_SIZE[kind];
  // Where the 8 px corner meets x = 4.
  const dy = n1(8 - Math.sqrt(48));
  const border = `M4,${dy} V${n1(height - Number(dy))} A8,8 0 0 1 0,${height - 8} V8 A8,8 0 0 1 4,${dy} Z`;
  return `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="${SLATE[200]}"/><path d="${border}" fill="${accent}"/>`;
}

function authorLine(y: number, author: TMapAuthor, accent: string, rightEdge: number, t: TTextFn = text): string {
  const name = fitLine(author.shortName, rightEdge - 28 - 6, 12, 600);
  return `<circle cx="17" cy="${y}" r="5" fill="${accent}"/>${t(28, y + 4, name, { size: 12, weight: 600, fill: SLATE[700] })}`;
}

function excerptCard(node: TExcerptNode, author: TMapAuthor, accent: string, t: TTextFn = text): string {
  const { width } = NODE_SIZE.excerpt;
  const parts = [accentCard("excerpt", accent)];
  // What the passage does for each claim it backs: a mark per link, right-aligned; a reported view dashed.
  let x = width - 9 - 16 * node.links.length - 2 * (node.links.length - 1);
  const marksLeft = x;
  for (const link of node.links) {
    const reported = link.voice === "REPORTED";
    const colour = EDGE_LOOK[link.stance].colour;
    parts.push(
      `<circle cx="${x + 8}" cy="15" r="7.5" fill="${reported ? "#ffffff" : colour}" stroke="${reported ? SLATE[500] : colour}"${reported ? ' stroke-dasharray="2 1.5"' : ""} data-stance="${link.stance}" data-voice="${link.voice}"/>`,
      t(x + 8, 18.5, STANCE_MARK[link.stance], { size: 10, weight: 700, fill: reported ? SLATE[700] : SLATE[950], anchor: "middle" }),
    );
    x += 18;
  }
  parts.push(authorLine(15, author, accent, marksLeft, t));
  // line-clamp-2 at 12 px, 15.2 px lines (a long quote is cut first: two lines hold far less).
  wrapLines(`“${trim(node.exact, 240)}”`, width - 22, 12, 400, 2).forEach((line, i) => parts.push(t(13, 36 + i * 15.2, line, { size: 12, fill: SLATE[800], family: SERIF })));
  return parts.join("");
}

function positionCard(node: TPositionNode, author: TMapAuthor, accent: string, t: TTextFn = text): string {
  const { width } = NODE_SIZE.position;
  const parts = [accentCard("position", accent)];
  const label = `${STANCE_MARK[node.stance]} ${STANCE_LABEL[node.stance]}`;
  const chipWidth = textWidth(label, 11, 600) + 14;
  const c = chip(width - 11 - chipWidth, 10, label, node.stance, 6, t);
  parts.push(c.svg, authorLine(18, author, accent, width - 11 - chipWidth, t));
  parts.push(t(15, 42, `${node.evidenceCount} ${node.evidenceCount === 1 ? "passage" : "passages"}`, { size: 12, fill: SLATE[600] }));
  return parts.join("");
}

/** An author's box: its frame (drawn under the edges) and its heading (over them, so it stays readable). */
function authorBox(author: TMapAuthor, accent: string, size: { width: number; height: number }, count: number, noun: { one: string; many: string }): { frame: string; heading: string } {
  const countText = `${count} ${count === 1 ? noun.one : noun.many}`;
  const room = size.width - 32 - 14 - textWidth(countText, 12) - 8;
  // As on the page: the date and the count keep their room, the name is cut to what is left.
  const published = author.published ? labelPublished(author.published) : "";
  const date = published && room - textWidth(published, 12) - 8 >= 48 ? published : "";
  const name = fitLine(author.name, room - (date ? textWidth(date, 12) + 8 : 0), 14, 600);
  const frame = `<rect x="1" y="1" width="${size.width - 2}" height="${size.height - 2}" rx="12" fill="#f8fafc" fill-opacity="0.6" stroke="${accent}" stroke-opacity="0.6" stroke-width="2"/>`;
  // A white outline under the letters keeps the heading readable where edges cross it.
  const extra = HALO;
  const heading = [`<circle cx="20" cy="18" r="6" fill="${accent}"/>`, text(32, 23, name, { size: 14, weight: 600, fill: SLATE[800], extra })];
  if (date) heading.push(text(32 + textWidth(name, 14, 600) + 8, 23, date, { size: 12, fill: MUTED, extra }));
  heading.push(text(size.width - 14, 23, countText, { size: 12, fill: MUTED, anchor: "end", extra }));
  return { frame, heading: heading.join("") };
}

/**
 * The arrowhead xyflow draws (its ArrowClosed marker, `size` stroke widths across 20 units) at a
 * curve's end, drawn as a path of its own rather than an SVG marker: resvg aborts the process on
 * a marker that falls outside the area it renders. The curve always arrives heading right.
 */
function arrowhead(x: number, y: number, colour: string, size: number, strokeWidth: number): string {
  const k = (size * strokeWidth) / 20;
  return `<path class="arrowhead" d="M${n1(x - 5 * k)},${n1(y - 4 * k)} L${n1(x)},${n1(y)} L${n1(x - 5 * k)},${n1(y + 4 * k)} Z" fill="${colour}" stroke="${colour}" stroke-width="${n1(k)}" stroke-linejoin="round"/>`;
}

function edgeStroke(edge: TArgumentEdge): { stance: TPositionStance; width: number; opacity: number; arrow: number } {
  if (edge.kind === "link") return { stance: edge.relation, width: EDGE_WIDTH.link, opacity: 1, arrow: 16 };
  if (edge.kind === "evidence") return { stance: edge.stance, width: evidenceWidth(edge.voice), opacity: edge.voice === "REPORTED" ? 0.8 : 1, arrow: 14 };
  return { stance: edge.stance, width: EDGE_WIDTH.author, opacity: 1, arrow: 14 };
}

/**
 * A sample of an edge for the legend, as the page's legend draws it.
 *
 * Translucency is `stroke-opacity`, never `opacity`: resvg renders an element with `opacity` in a
 * layer of its own, and aborts the whole process (a panic, not an error) on such a layer around
 * a horizontal line, whose box has no height.
 */
function legendLine(x: number, y: number, stance: TPositionStance, width: number, opacity = 1): string {
  const look = EDGE_LOOK[stance];
  return `<line x1="${n1(x + 2)}" y1="${y}" x2="${n1(x + 46)}" y2="${y}" stroke="${look.colour}" stroke-width="${width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ""} stroke-linecap="round"${opacity < 1 ? ` stroke-opacity="${opacity}"` : ""}/><path d="M${n1(x + 46)} ${y - 5} L${n1(x + 54)} ${y} L${n1(x + 46)} ${y + 5} Z" fill="${look.colour}"/>`;
}

function legendRows(detail: TArgumentGraph["detail"]): { stance: TPositionStance; width: number; opacity?: number; name: string; meaning: string }[] {
  const rows: ReturnType<typeof legendRows> = [];
  if (detail !== "claims") {
    rows.push(
      { stance: "SUPPORTS", width: EDGE_WIDTH.author, name: EDGE_LOOK.SUPPORTS.line, meaning: "supports the claim" },
      { stance: "OPPOSES", width: EDGE_WIDTH.author, name: EDGE_LOOK.OPPOSES.line, meaning: "opposes (attacks) the claim" },
      { stance: "QUALIFIES", width: EDGE_WIDTH.author, name: EDGE_LOOK.QUALIFIES.line, meaning: "qualifies the claim" },
    );
  }
  if (detail === "excerpts") rows.push({ stance: "SUPPORTS", width: EDGE_WIDTH.reported, opacity: 0.8, name: "thin line", meaning: "a view the author reports without holding it (marked with a dashed mark)" });
  if (detail === "authors") {
    rows.push(
      { stance: "MIXED", width: EDGE_WIDTH.author, name: EDGE_LOOK.MIXED.line, meaning: "the author argues both for and against" },
      { stance: "SILENT", width: EDGE_WIDTH.author, name: EDGE_LOOK.SILENT.line, meaning: "the author only reports others’ views" },
    );
  }
  rows.push({ stance: "SUPPORTS", width: EDGE_WIDTH.link, name: "bold line labelled “supports” or “opposes”", meaning: "one claim supports or opposes another (dashed when it opposes)" });
  return rows;
}

/** The picture: title and caption, the drawing, the legend. */
export function graphToSvg(picture: TGraphPicture): string {
  const drawing = drawGraphSvg(picture);
  for (;;) {
    const step = drawing.next();
    if (step.done) return step.value;
  }
}

/**
 * Cards or edges drawn between two pauses of `drawGraphSvg`: 250 cards with their words took up
 * to 60 ms on the 2-core machine, longer than the 20 ms a caller's time slicer aims for; 50 keep a
 * step well under it (the caller gives the thread back once 20 ms have passed, not at every pause).
 */
const BATCH = 50;

/**
 * `graphToSvg` as steps: it pauses (yields) after every `BATCH` edges or cards, so a caller on a
 * thread that answers other requests can let them in between (6,000 cards take a few hundred
 * milliseconds); the picture is the generator's return value.
 */
export function* drawGraphSvg(picture: TGraphPicture): Generator<void, string, void> {
  const { view, layout, scope } = picture;
  const accents = new Map(picture.authors.map((a, i) => [a.id, accentAt(i)]));
  const authors = new Map(picture.authors.map((a) => [a.id, a]));
  const empty = view.nodes.length === 0;
  const besideClaims = layout.arrangement === "beside-claims";
  const cardText: TTextFn = picture.wordsAsLines ? textAsLine : text;
  const drawing = empty ? { width: 0, height: 40 } : { width: layout.width, height: layout.height };
  const width = Math.ceil(Math.max(MIN_WIDTH, drawing.width + 2 * MARGIN + 2 * PAD));
  const inner = width - 2 * PAD;
  const parts: string[] = [];

  // Title, what is drawn, and (for a large map) what is left out.
  let y = PAD + 22;
  for (const line of wrapLines(picture.title, inner, 22, 700, 2)) {
    parts.push(text(PAD, y, line, { size: 22, weight: 700, fill: INK }));
    y += 28;
  }
  const counts = { excerpts: view.nodes.filter((n) => n.kind === "excerpt").length, authors: view.groups.length, links: view.edges.filter((e) => e.kind === "link").length };
  const caption = `Argument graph · ${describeGraphScope(scope, counts)}${picture.generatedOn ? ` · ${picture.generatedOn}` : ""}`;
  for (const line of wrapLines(caption, inner, 13, 400, 3)) {
    parts.push(text(PAD, y, line, { size: 13, fill: MUTED }));
    y += 18;
  }
  const drawn = `${describeDrawn(countDrawn(view))}${picture.wordsAsLines ? " At this size the cards’ words are drawn as lines; the SVG export has them." : ""}`;
  for (const line of wrapLines(drawn, inner, 13, 600, 2)) {
    parts.push(text(PAD, y, line, { size: 13, weight: 600, fill: SLATE[700], extra: ' class="drawn"' }));
    y += 18;
  }
  const cap = describeGraphCap(scope);
  if (cap) {
    const lines = wrapLines(`${cap} Choose a claim or a tag on the graph page to draw the passages themselves.`, inner - 24, 13, 400, 4);
    parts.push(`<rect x="${PAD}" y="${y - 4}" width="${inner}" height="${lines.length * 18 + 14}" rx="6" fill="#fffbeb" stroke="#fcd34d"/>`);
    lines.forEach((line, i) => parts.push(text(PAD + 12, y + 14 + i * 18, line, { size: 13, fill: "#451a03" })));
    y += lines.length * 18 + 18;
  }

  // The drawing, its top-left corner at (ox, oy).
  const ox = PAD + MARGIN + Math.max(0, (inner - 2 * MARGIN - drawing.width) / 2);
  const oy = y + MARGIN / 2;
  if (empty) {
    parts.push(text(width / 2, oy + 24, "No claims yet: add claims, then link passages to them as evidence.", { size: 14, fill: MUTED, anchor: "middle" }));
  } else {
    const groupOf = new Map(view.groups.flatMap((g) => g.nodeIds.map((id) => [id, g.id] as const)));
    const kindOf = new Map(view.nodes.map((n) => [n.id, n.kind]));
    /** A node's box on the picture (a box member's position is relative to its box). */
    const box = (id: string) => {
      const at = layout.positions[id];
      const kind = kindOf.get(id);
      if (!at || !kind) return null;
      const group = besideClaims ? undefined : groupOf.get(id);
      const base = group ? layout.positions[group] : { x: 0, y: 0 };
      if (!base) return null;
      return { x: ox + base.x + at.x, y: oy + base.y + at.y, ...NODE_SIZE[kind] };
    };

    // Boxes first, then edges, then passages (and the boxes' headings), then claims on top, as the
    // canvas stacks them.
    const boxes: string[] = [];
    const headings: string[] = [];
    for (const group of besideClaims ? [] : view.groups) {
      const at = layout.positions[group.id];
      const size = layout.groupSizes[group.id];
      const author = authors.get(group.authorId);
      if (!at || !size || !author) continue;
      const noun = view.detail === "authors" ? { one: "claim with evidence", many: "claims with evidence" } : { one: "passage", many: "passages" };
      const { frame, heading } = authorBox(author, accents.get(author.id)!, size, group.nodeIds.length, noun);
      const translate = `transform="translate(${n1(ox + at.x)},${n1(oy + at.y)})"`;
      boxes.push(`<g class="author" data-author-id="${xml(author.id)}" ${translate}>${frame}</g>`);
      headings.push(`<g class="author-heading" data-author-id="${xml(author.id)}" ${translate}>${heading}</g>`);
    }
    const edges: string[] = [];
    const labels: string[] = [];
    let drawn = 0;
    for (const edge of view.edges) {
      if (++drawn % BATCH === 0) yield;
      const from = box(edge.source);
      const to = box(edge.target);
      if (!from || !to) continue;
      const stroke = edgeStroke(edge);
      const look = EDGE_LOOK[stroke.stance];
      const curve = edgeCurve(from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2);
      edges.push(
        `<path class="edge" data-kind="${edge.kind}" data-stance="${stroke.stance}" d="${curve.d}" fill="none" stroke="${look.colour}" stroke-width="${stroke.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ""} stroke-linecap="round"${
          stroke.opacity < 1 ? ` stroke-opacity="${stroke.opacity}"` : ""
        }/>${arrowhead(to.x, to.y + to.height / 2, look.colour, stroke.arrow, stroke.width)}`,
      );
      if (edge.kind === "link") {
        const word = edge.relation === "SUPPORTS" ? "supports" : "opposes";
        const w = textWidth(word, 12, 600) + 8;
        labels.push(`<rect x="${n1(curve.label.x - w / 2)}" y="${n1(curve.label.y - 9)}" width="${n1(w)}" height="18" rx="2" fill="#ffffff"/>${cardText(curve.label.x, curve.label.y + 4, word, { size: 12, weight: 600, fill: look.colour, anchor: "middle" })}`);
      }
    }
    const members: string[] = [];
    const claims: string[] = [];
    for (const node of view.nodes) {
      if (++drawn % BATCH === 0) yield;
      const at = box(node.id);
      if (!at) continue;
      const translate = `transform="translate(${n1(at.x)},${n1(at.y)})"`;
      if (node.kind === "claim") {
        claims.push(`<g class="claim" data-claim-id="${xml(node.claimId)}" ${translate}>${claimCard(node, cardText)}</g>`);
        continue;
      }
      const author = authors.get(node.authorId);
      if (!author) continue;
      const accent = accents.get(author.id)!;
      members.push(
        node.kind === "excerpt"
          ? `<g class="excerpt" data-excerpt-id="${xml(node.excerptId)}" ${translate}>${excerptCard(node, author, accent, cardText)}</g>`
          : `<g class="position" data-claim-id="${xml(node.claimId)}" ${translate}>${positionCard(node, author, accent, cardText)}</g>`,
      );
    }
    parts.push(`<g class="boxes">${boxes.join("\n")}</g>`, `<g class="edges">${edges.join("\n")}</g>`, `<g class="edge-labels">${labels.join("\n")}</g>`, `<g class="nodes">${[...headings, ...members].join("\n")}</g>`, `<g class="claims">${claims.join("\n")}</g>`);
  }
  y = oy + drawing.height + MARGIN / 2 + 12;

  // The legend: each kind of line with its meaning, flowing in rows, then what the cards are.
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${SLATE[200]}"/>`);
  y += 26;
  parts.push(text(PAD, y, "How to read the graph", { size: 14, weight: 600, fill: INK }));
  y += 22;
  let x = PAD;
  for (const row of legendRows(view.detail)) {
    const label = `${row.name} — ${row.meaning}`;
    const itemWidth = 62 + textWidth(label, 13);
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += 22;
    }
    parts.push(`<g class="legend-item">${legendLine(x, y - 4, row.stance, row.width, row.opacity)}${text(x + 62, y, label, { size: 13, fill: SLATE[700] })}</g>`);
    x += itemWidth + 28;
  }
  y += 28;
  const boxesText =
    view.detail === "claims"
      ? ""
      : besideClaims
        ? ` ${view.detail === "authors" ? "Each author’s count" : "Each passage"} stands beside the claim ${view.detail === "authors" ? "it counts" : "it backs (the first, when it backs several)"}, marked with the author’s colour and short name${view.detail === "authors" ? "" : "; its marks say what it does for each claim it backs (✓ supports, × opposes, ~ qualifies; a dashed mark is a reported view)"}.`
        : view.detail === "authors"
        ? " Counts sit in a framed box per author, marked with the author’s colour and short name, oldest author first."
        : " Passages sit in a framed box per author, marked with the author’s colour and short name, oldest author first; each passage’s marks say what it does for each claim it backs (✓ supports, × opposes, ~ qualifies; a dashed mark is a reported view).";
  for (const line of wrapLines(`Claims (bold) show how many authors support (✓), oppose (×), are mixed on (±) or qualify (~) them; “Split” marks a claim the authors disagree on.${boxesText}`, inner, 13, 400)) {
    parts.push(text(PAD, y, line, { size: 13, fill: MUTED }));
    y += 18;
  }
  const height = Math.ceil(y + PAD - 4);

  const label = `Argument graph: ${picture.title}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${xml(label)}">
<title>${xml(label)}</title>
<defs>
<linearGradient id="mixed"><stop offset="0.5" stop-color="${EDGE_LOOK.SUPPORTS.colour}"/><stop offset="0.5" stop-color="${EDGE_LOOK.OPPOSES.colour}"/></linearGradient>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join("\n")}
</svg>
`;
}
