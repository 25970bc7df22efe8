import { labelPublished } from "../../domain/dates";
import { citationsOf, type TMapCitation, type TMapGraph, type TMapOutline } from "../../domain/map-graph";
import { trimmedEnd, writeText, type TTextWriter } from "../text-writer";

/** Characters Argdown reads as syntax anywhere, and `.` / `:` directly before more text. */
const ARGDOWN_SYNTAX = /[\\@#*_[\]{}<>/]|[.:](?=\S)/;
const ARGDOWN_SYNTAX_ALL = new RegExp(ARGDOWN_SYNTAX.source, "g");

/**
 * Escapes what Argdown would read as syntax inside a statement's or argument's text: mentions and
 * tags, emphasis, brackets, data blocks, comments (`//`, `/*`, `<!--`), relation arrows (their `>`
 * is escaped) and the `.name.` / `:name:` special characters (so "U.S." and "https://" stay text).
 * A sentence's final period is left alone.
 */
export function escapeArgdown(text: string): string {
  // Each pass only when it would change something: most quotes need none of them, and this runs
  // for every quote of a large export.
  let out = /\s\s|(?! )\s/.test(text) ? text.replace(/\s+/g, " ") : text;
  out = out.trim();
  if (ARGDOWN_SYNTAX.test(out)) out = out.replace(ARGDOWN_SYNTAX_ALL, "\\$&");
  return out.startsWith("+") || out.startsWith("-") ? `\\${out}` : out;
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
  return numbered(words.slice(0, 8).join(" ") || "Claim", taken);
}

/** `base`, or `base 2`, `base 3`… — the first not yet taken (case aside); then taken. */
function numbered(base: string, taken: Set<string>): string {
  let title = base;
  let key = title.toLowerCase();
  for (let n = 2; taken.has(key); n++) key = (title = `${base} ${n}`).toLowerCase();
  taken.add(key);
  return title;
}

/** The fields of a data block that have a value, as `key: "value"`. */
function dataFields(data: Record<string, string | null | undefined>): string[] {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
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
  // What every argument from one source, or with one stance and voice, has in common is worked
  // out once: tens of thousands of arguments share a few hundred of each.
  const cards = new Map<string, { authorId: string; title: (n: number) => string; fields: string; tags: Map<string, string> } | null>();
  const cardOf = (sourceId: string) => {
    let card = cards.get(sourceId);
    if (card === undefined) {
      const source = sources.get(sourceId);
      const author = source && authors.get(source.authorId);
      card = null;
      if (source && author) {
        // An argument is titled by its author, year and number ("Katz 2008 3"), from the words a title may keep.
        const prefix = titleWords(`${author.shortName} ${source.published.slice(0, 4)}`);
        const joined = prefix.join(" ");
        const fields = dataFields({ author: author.name, source: source.title, published: source.published, date: labelPublished(source.published), url: source.url });
        card = { authorId: author.id, title: prefix.length >= 8 ? () => prefix.slice(0, 8).join(" ") : (n) => (joined ? `${joined} ${n}` : String(n)), fields: fields.join(", "), tags: new Map() };
      }
      cards.set(sourceId, card);
    }
    return card;
  };
  const tagsOf = (shortName: string, stance: string, voice: string) =>
    [shortName, stance.toLowerCase(), ...(voice === "REPORTED" ? ["reported"] : [])].map((t) => ` #(${t.replace(/[()]/g, "")})`).join("");
  const stanceAndVoice = new Map<string, string>();

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
        const card = cardOf(e.sourceId);
        const claim = claimTitle.get(e.claimId);
        if (!card || !claim) continue;
        const n = (perAuthor.get(card.authorId) ?? 0) + 1;
        perAuthor.set(card.authorId, n);
        const title = numbered(card.title(n), argumentTitles);
        const kind = `${e.stance} ${e.voice}`;
        let tags = card.tags.get(kind);
        if (tags === undefined) card.tags.set(kind, (tags = tagsOf(authors.get(card.authorId)!.shortName, e.stance, e.voice)));
        let said = stanceAndVoice.get(kind);
        if (said === undefined) stanceAndVoice.set(kind, (said = dataFields({ stance: e.stance.toLowerCase(), voice: e.voice.toLowerCase() }).join(", ")));
        // The data block's fields in order: the source's, stance and voice, then what this link adds.
        let data = card.fields ? `${card.fields}, ${said}` : said;
        if (e.stance === "QUALIFIES") data += `, ${dataFields({ qualifies: claim })[0]}`;
        if (e.note) data += `, ${dataFields({ note: e.note })[0]}`;
        out += `<${title}>: ${escapeArgdown(e.exact)}${tags} {${data}}\n`;
        if (e.stance !== "QUALIFIES") out += `  ${e.stance === "SUPPORTS" ? "+>" : "->"} [${claim}]\n`;
        out += "\n";
      }
      return text.push(out);
    },
    end: () => text.end(),
  };
}
