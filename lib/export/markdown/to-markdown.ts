import { labelPublished } from "../../domain/dates";
import type { TMapGraph } from "../../domain/map-graph";
import type { TStance } from "../../domain/types";
import { STANCE_LABEL, STANCE_VERB } from "../../domain/stance-words";
import { readMap } from "../map-reading";

/**
 * Backslash-escapes what Markdown would read as formatting, so user text stays text: emphasis,
 * code, links, HTML and table pipes anywhere, and headings, quotes and list markers at the start
 * of a line. Ordinary punctuation is left alone, so the raw file stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#>+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** A quote as a block quote, line by line (a paragraph break in the passage stays one). */
function blockquote(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : ">"))
    .join("\n");
}


/**
 * A seminar handout: the workspace's sources, then for each claim a table of every author's
 * position and, author by author, their quotes with a citation (author, title, date). REPORTED
 * quotes are labelled as views the author reports, not holds.
 */
export function toMarkdown(graph: TMapGraph, options: { generatedOn?: string } = {}): string {
  const map = readMap(graph);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(graph.workspace.title)}`, "");
  if (graph.workspace.description) out.push(escapeMarkdown(graph.workspace.description), "");
  out.push(`*Seminar handout${options.generatedOn ? ` — ${options.generatedOn}` : ""}. ${graph.claims.length} claims, ${graph.authors.length} authors, ${graph.evidence.length} quotes.*`, "");
  out.push("## Sources", "");
  for (const source of graph.sources) {
    const author = map.authors.get(source.authorId);
    const href = source.url ? markdownDestination(source.url) : "";
    const title = href ? `[${escapeMarkdown(source.title)}](<${href}>)` : `*${escapeMarkdown(source.title)}*`;
    out.push(`- **${escapeMarkdown(author?.name ?? "")}** (${labelPublished(source.published)}): ${title}${source.publication ? `, ${escapeMarkdown(source.publication)}` : ""}`);
  }
  out.push("");
  graph.claims.forEach((claim, i) => {
    out.push(`## ${i + 1}\\. ${escapeMarkdown(claim.text)}`, "");
    if (claim.tags.length) out.push(claim.tags.map((t) => `\\#${escapeMarkdown(t)}`).join(" "), "");
    out.push("| Author | Date | Position |", "| --- | --- | --- |");
    for (const author of graph.authors) {
      const position = map.positionOf(claim.id, author.id);
      const stance = `${STANCE_LABEL[position.stance]}${position.explicit ? " (set by hand)" : ""}`;
      out.push(`| ${escapeMarkdown(author.name)} | ${author.published ? labelPublished(author.published) : "undated"} | ${stance} |`);
    }
    out.push("");
    const evidence = map.evidenceByClaim.get(claim.id) ?? [];
    if (evidence.length === 0) {
      out.push("*No quotes yet.*", "");
      return;
    }
    for (const author of graph.authors) {
      const own = evidence.filter((e) => map.excerptAuthor.get(e.excerptId) === author.id);
      if (own.length === 0) continue;
      out.push(`### ${escapeMarkdown(author.name)}`, "");
      for (const e of own) {
        const excerpt = map.excerpts.get(e.excerptId)!;
        const voice = e.voice === "REPORTED" ? ` — reports a view it does not hold` : "";
        out.push(`**${STANCE_VERB[e.stance]}**${voice}`, "", blockquote(excerpt.exact), ">", `> — ${escapeMarkdown(map.citationOf(excerpt.sourceId, excerpt.start))}`, "");
        if (e.note) out.push(`Note: ${escapeMarkdown(e.note)}`, "");
      }
    }
  });
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * A link's address as a CommonMark `<…>` destination: only http(s) addresses are links at all
 * (others become none), and the characters that would end the destination are percent-encoded.
 */
export function markdownDestination(url: string): string {
  if (!/^https?:\/\//i.test(url)) return "";
  return url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c));
}
