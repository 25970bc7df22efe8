import { labelPublished } from "../../domain/dates";
import type { TMapGraph } from "../../domain/map-graph";
import { readMap } from "../map-reading";

/**
 * Escapes what Argdown would read as syntax inside a statement's or argument's text: mentions and
 * tags, emphasis, brackets, data blocks, comments (`//`, `/*`, `<!--`), relation arrows and the
 * `.name.` / `:name:` special characters (so "U.S." and "https://" stay text). A sentence's final
 * period is left alone.
 */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\@#*_[\]{}<>/]/g, "\\$&")
    .replace(/[.:](?=\S)/g, "\\$&")
    .replace(/-(?=>)/g, "\\-")
    .replace(/^([+-])/, "\\$1");
}

/** A bracket title Argdown accepts: letters, digits, spaces and a little punctuation. */
function titleOf(text: string, taken: Set<string>): string {
  const words = text
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const base = words.slice(0, 8).join(" ") || "Claim";
  let title = base;
  for (let n = 2; taken.has(title.toLowerCase()); n++) title = `${base} ${n}`;
  taken.add(title.toLowerCase());
  return title;
}

function dataBlock(data: Record<string, string | null | undefined>): string {
  const fields = Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return fields.length ? ` {${fields.join(", ")}}` : "";
}

/**
 * The map as Argdown (https://argdown.org): each claim a statement `[Title]: text`, its links to
 * other claims as `+>` / `->` relations; each evidence link an argument titled by its author and
 * year, holding the quote, with `+>` (supports) or `->` (opposes) to its claim and the author,
 * source and date as data and tags. Argdown has no "qualifies" relation: qualifying evidence is an
 * argument tagged #qualifies whose data names the claim, without a relation. REPORTED evidence is
 * tagged #reported (the author reports the view without holding it).
 *
 * So: statements = claims; arguments = evidence links; relations = claim links + supporting and
 * opposing evidence links.
 */
export function toArgdown(graph: TMapGraph): string {
  const map = readMap(graph);
  const out: string[] = ["===", `title: ${JSON.stringify(graph.workspace.title)}`, `subTitle: ${JSON.stringify("Exported from Stancemap")}`, "==="];
  if (graph.workspace.description) out.push("", `// ${graph.workspace.description.replace(/\s+/g, " ")}`);
  const claimTitle = new Map<string, string>();
  const taken = new Set<string>();
  for (const claim of graph.claims) claimTitle.set(claim.id, titleOf(claim.text, taken));

  out.push("", "# Claims", "");
  for (const claim of graph.claims) {
    const tags = claim.tags.map((t) => ` #(${t})`).join("");
    out.push(`[${claimTitle.get(claim.id)}]: ${escapeArgdown(claim.text)}${tags}`);
    for (const link of graph.claimLinks.filter((l) => l.fromClaimId === claim.id)) {
      out.push(`  ${link.relation === "SUPPORTS" ? "+>" : "->"} [${claimTitle.get(link.toClaimId)}]`);
    }
    out.push("");
  }

  out.push("# Evidence", "");
  const argumentTitles = new Set<string>();
  const perAuthor = new Map<string, number>();
  for (const e of graph.evidence) {
    const excerpt = map.excerpts.get(e.excerptId);
    const source = excerpt && map.sources.get(excerpt.sourceId);
    const author = source && map.authors.get(source.authorId);
    const claim = claimTitle.get(e.claimId);
    if (!excerpt || !source || !author || !claim) continue;
    const n = (perAuthor.get(author.id) ?? 0) + 1;
    perAuthor.set(author.id, n);
    const title = titleOf(`${author.shortName} ${source.published.slice(0, 4)} ${n}`, argumentTitles);
    const tags = [author.shortName, e.stance.toLowerCase(), ...(e.voice === "REPORTED" ? ["reported"] : [])].map((t) => ` #(${t.replace(/[()]/g, "")})`).join("");
    const data = dataBlock({
      author: author.name,
      source: source.title,
      published: source.published,
      date: labelPublished(source.published),
      url: source.url,
      stance: e.stance.toLowerCase(),
      voice: e.voice.toLowerCase(),
      ...(e.stance === "QUALIFIES" ? { qualifies: claim } : {}),
      note: e.note,
    });
    out.push(`<${title}>: ${escapeArgdown(excerpt.exact)}${tags}${data}`);
    if (e.stance !== "QUALIFIES") out.push(`  ${e.stance === "SUPPORTS" ? "+>" : "->"} [${claim}]`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
