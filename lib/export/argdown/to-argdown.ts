import { labelPublished } from "../../domain/dates";
import { citationsOf, type TMapCitation, type TMapGraph, type TMapOutline } from "../../domain/map-graph";
import { trimmedEnd, writeText, type TTextWriter } from "../text-writer";

/**
 * Escapes what Argdown would read as syntax inside a statement's or argument's text: mentions and
 * tags, emphasis, brackets, data blocks, comments (`//`, `/*`, `<!--`), relation arrows (their `>`
 * is escaped) and the `.name.` / `:name:` special characters (so "U.S." and "https://" stay text).
 * A sentence's final period is left alone.
 */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\@#*_[\]{}<>/]|[.:](?=\S)/g, "\\$&")
    .replace(/^([+-])/, "\\$1");
}

/** The words a bracket title may keep: letters, digits and a little punctuation. */
function titleWords(text: string): string[] {
  return text
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
}

/** A bracket title Argdown accepts, from the first eight words, numbered when already taken. */
function uniqueTitle(words: readonly string[], taken: Set<string>): string {
  const base = words.slice(0, 8).join(" ") || "Claim";
  let title = base;
  for (let n = 2; taken.has(title.toLowerCase()); n++) title = `${base} ${n}`;
  taken.add(title.toLowerCase());
  return title;
}

/** The fields of a data block that have a value, as `key: "value"`. */
function dataFields(data: Record<string, string | null | undefined>): string[] {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
}

function dataBlock(fields: readonly string[]): string {
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
  return writeText(argdownWriter(graph), citationsOf(graph));
}

/**
 * `toArgdown` in pieces: the head and the claims from the map's outline, then the arguments a
 * page of citations (evidence with its quote, in the map's order) at a time.
 */
export function argdownWriter(outline: TMapOutline): TTextWriter<TMapCitation> {
  const sources = new Map(outline.sources.map((s) => [s.id, s]));
  const authors = new Map(outline.authors.map((a) => [a.id, a]));
  const claimTitle = new Map<string, string>();
  const taken = new Set<string>();
  for (const claim of outline.claims) claimTitle.set(claim.id, uniqueTitle(titleWords(claim.text), taken));
  const argumentTitles = new Set<string>();
  const perAuthor = new Map<string, number>();
  const text = trimmedEnd();
  // What every argument from one source (or author and year, or author and stance) has in common,
  // worked out once: tens of thousands of arguments share a few hundred of each.
  const titlePrefix = new Map<string, string[]>();
  const sourceData = new Map<string, string[]>();
  const tagsOf = new Map<string, string>();

  return {
    head() {
      const out: string[] = ["===", `title: ${JSON.stringify(outline.workspace.title)}`, `subTitle: ${JSON.stringify("Exported from Stancemap")}`, "==="];
      if (outline.workspace.description) out.push("", `// ${outline.workspace.description.replace(/\s+/g, " ")}`);
      const linksFrom = new Map<string, TMapOutline["claimLinks"]>();
      for (const link of outline.claimLinks) {
        const list = linksFrom.get(link.fromClaimId);
        if (list) list.push(link);
        else linksFrom.set(link.fromClaimId, [link]);
      }
      out.push("", "# Claims", "");
      for (const claim of outline.claims) {
        const tags = claim.tags.map((t) => ` #(${t})`).join("");
        out.push(`[${claimTitle.get(claim.id)}]: ${escapeArgdown(claim.text)}${tags}`);
        for (const link of linksFrom.get(claim.id) ?? []) out.push(`  ${link.relation === "SUPPORTS" ? "+>" : "->"} [${claimTitle.get(link.toClaimId)}]`);
        out.push("");
      }
      out.push("# Evidence", "");
      return text.push(out.join("\n") + "\n");
    },
    rows(page) {
      let out = "";
      for (const e of page) {
        const source = sources.get(e.sourceId);
        const author = source && authors.get(source.authorId);
        const claim = claimTitle.get(e.claimId);
        if (!source || !author || !claim) continue;
        const n = (perAuthor.get(author.id) ?? 0) + 1;
        perAuthor.set(author.id, n);
        const year = source.published.slice(0, 4);
        const prefixKey = `${author.id} ${year}`;
        let prefix = titlePrefix.get(prefixKey);
        if (!prefix) titlePrefix.set(prefixKey, (prefix = titleWords(`${author.shortName} ${year}`)));
        const title = uniqueTitle([...prefix, String(n)], argumentTitles);
        const tagsKey = `${author.id} ${e.stance} ${e.voice}`;
        let tags = tagsOf.get(tagsKey);
        if (tags === undefined) {
          tags = [author.shortName, e.stance.toLowerCase(), ...(e.voice === "REPORTED" ? ["reported"] : [])].map((t) => ` #(${t.replace(/[()]/g, "")})`).join("");
          tagsOf.set(tagsKey, tags);
        }
        let fromSource = sourceData.get(source.id);
        if (!fromSource) {
          fromSource = dataFields({ author: author.name, source: source.title, published: source.published, date: labelPublished(source.published), url: source.url });
          sourceData.set(source.id, fromSource);
        }
        const data = dataBlock([
          ...fromSource,
          ...dataFields({ stance: e.stance.toLowerCase(), voice: e.voice.toLowerCase(), ...(e.stance === "QUALIFIES" ? { qualifies: claim } : {}), note: e.note }),
        ]);
        out += `<${title}>: ${escapeArgdown(e.exact)}${tags}${data}\n`;
        if (e.stance !== "QUALIFIES") out += `  ${e.stance === "SUPPORTS" ? "+>" : "->"} [${claim}]\n`;
        out += "\n";
      }
      return text.push(out);
    },
    end: () => text.end(),
  };
}
