import { citationsOf, type TMapCitation, type TMapGraph, type TMapOutline } from "../../domain/map-graph";
import type { TStance } from "../../domain/types";
import { streamJsonWithLists } from "../json/serialise-native-document";
import { pagesOf } from "../text-writer";

export type TAifNodeType = "I" | "RA" | "CA" | "L" | "YA";

export interface TAifNode {
  nodeID: string;
  text: string;
  type: TAifNodeType;
  timestamp: string;
}

export interface TAifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}

export interface TAifDocument {
  nodes: TAifNode[];
  edges: TAifEdge[];
  locutions: { nodeID: string; personID: string; timestamp: string; source: string | null }[];
  participants: { participantID: string; firstname: string; surname: string }[];
}

/** AIF's timestamp form ("2022-09-01 00:00:00"), from a date known to the year, month or day. */
function timestampOf(published: string): string {
  const [y, m = "01", d = "01"] = published.split("-");
  return `${y}-${m}-${d} 00:00:00`;
}

/**
 * The map in the Argument Interchange Format, as AIFdb and OVA exchange it (JSON with `nodes`,
 * `edges`, `locutions`, `participants`):
 * - each claim is an I-node; each excerpt cited as evidence is an I-node holding the quote;
 * - each excerpt's author says it: an L-node ("Katz: …") with a YA-node "Asserting" to its I-node,
 *   the author a participant and the L-node a locution of theirs;
 * - evidence that supports or qualifies a claim is an RA-node (text "Default Inference", or
 *   "Qualified Inference" for a qualification) from the excerpt's I-node to the claim's; evidence
 *   that opposes is a CA-node "Default Conflict"; claim links the same between two claims.
 * Node ids are consecutive numbers as strings, unique within the document.
 */
export function toAif(graph: TMapGraph): TAifDocument {
  const aif = aifWriter(graph);
  const nodes = [...aif.claimNodes(), ...aif.cite(citationsOf(graph)), ...aif.schemeNodes()];
  return { nodes, edges: [...aif.edges()], locutions: [...aif.locutions()], participants: aif.participants() };
}

/**
 * `toAif` as JSON text, streamed from the map's outline and its citations read page by page (in
 * the map's evidence order): the same text as `serialiseJsonWithLists({}, toAif(graph))`.
 */
export function streamAif(outline: TMapOutline, citations: AsyncIterable<readonly TMapCitation[]> | Iterable<readonly TMapCitation[]>, chunkSize?: number): AsyncGenerator<string> {
  const aif = aifWriter(outline);
  async function* nodes() {
    yield aif.claimNodes().map(nodeJson);
    for await (const page of citations) yield aif.cite(page).map(nodeJson);
    for (const page of pagesOf(aif.schemeNodes())) yield page.map(nodeJson);
  }
  const written = <T>(rows: Iterable<T>, json: (row: T) => string) => ({ json: map(pagesOf(rows), (page) => page.map(json)) });
  // The lists are written in turn: edges and locutions are made once every node is out.
  return streamJsonWithLists(
    {},
    { nodes: { json: nodes() }, edges: written(aif.edges(), edgeJson), locutions: written(aif.locutions(), locutionJson), participants: [aif.participants()] },
    chunkSize,
  );
}

// What JSON.stringify makes of each, written by template (hundreds of thousands of rows). Ids are
// digits, types letters and timestamps digits: only texts and URLs need JSON's escaping.
const nodeJson = (n: TAifNode) => `{"nodeID":"${n.nodeID}","text":${JSON.stringify(n.text)},"type":"${n.type}","timestamp":"${n.timestamp}"}`;
const edgeJson = (e: TAifEdge) => `{"edgeID":"${e.edgeID}","fromID":"${e.fromID}","toID":"${e.toID}","formEdgeID":null}`;
const locutionJson = (l: TAifDocument["locutions"][number]) => `{"nodeID":"${l.nodeID}","personID":"${l.personID}","timestamp":"${l.timestamp}","source":${JSON.stringify(l.source)}}`;

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/**
 * `toAif` in steps, for a map whose evidence is read page by page: the claims' nodes; then, for
 * each page of citations (in the map's evidence order), the nodes of the excerpts cited there for
 * the first time; then, once every page is read, the scheme nodes and the other lists. Between
 * pages it keeps only numbers per evidence link (which nodes it joins), not the rows.
 *
 * Node ids follow from the order: claims 1…C; the k-th cited excerpt's I, L and YA nodes
 * C+3k+1…C+3k+3; then one scheme node per related evidence link, then per claim link.
 */
export function aifWriter(outline: TMapOutline) {
  const sources = new Map(outline.sources.map((s) => [s.id, s]));
  const authors = new Map(outline.authors.map((a) => [a.id, a]));
  const undated = "1970-01-01 00:00:00";
  const latest = timestampOf(outline.sources.reduce((max, s) => (s.published > max ? s.published : max), "1970"));
  const participant = new Map(outline.authors.map((author, i) => [author.id, String(i + 1)]));
  const claimNode = new Map(outline.claims.map((c, i) => [c.id, i + 1]));
  const firstExcerptNode = outline.claims.length + 1;

  // Per cited excerpt, in order: when it was said, its speaker, its source's URL.
  const excerptNode = new Map<string, number>();
  const cited: { said: string; personID: string; source: string | null }[] = [];
  // Per evidence link whose excerpt and claim both have nodes: from, to, and which scheme.
  const relations: { from: number; to: number; kind: TStance }[] = [];
  const saidOf = new Map<string, string>();
  const saidAtSource = (published: string) => {
    if (!published) return undated;
    let said = saidOf.get(published);
    if (said === undefined) saidOf.set(published, (said = timestampOf(published)));
    return said;
  };
  const saidAt = (inode: number) => cited[(inode - firstExcerptNode) / 3].said;
  const schemeOf = (kind: TStance): { text: string; type: TAifNodeType } =>
    kind === "OPPOSES" ? { text: "Default Conflict", type: "CA" } : { text: kind === "QUALIFIES" ? "Qualified Inference" : "Default Inference", type: "RA" };
  const firstSchemeNode = () => firstExcerptNode + 3 * cited.length;
  const linked = () =>
    outline.claimLinks.flatMap((link) => {
      const from = claimNode.get(link.fromClaimId);
      const to = claimNode.get(link.toClaimId);
      return from && to ? [{ from, to, kind: link.relation as TStance }] : [];
    });

  return {
    claimNodes(): TAifNode[] {
      return outline.claims.map((c, i) => ({ nodeID: String(i + 1), text: c.text, type: "I", timestamp: latest }));
    },
    /** The I, L and YA nodes of the excerpts first cited in `page`. */
    cite(page: readonly TMapCitation[]): TAifNode[] {
      const nodes: TAifNode[] = [];
      for (const e of page) {
        let inode = excerptNode.get(e.excerptId);
        if (inode === undefined) {
          const source = sources.get(e.sourceId);
          const author = source && authors.get(source.authorId);
          if (!source || !author) continue;
          const said = saidAtSource(source.published);
          inode = firstExcerptNode + 3 * cited.length;
          nodes.push(
            { nodeID: String(inode), text: e.exact, type: "I", timestamp: said },
            { nodeID: String(inode + 1), text: `${author.shortName}: ${e.exact}`, type: "L", timestamp: said },
            { nodeID: String(inode + 2), text: "Asserting", type: "YA", timestamp: said },
          );
          cited.push({ said, personID: participant.get(author.id)!, source: source.url });
          excerptNode.set(e.excerptId, inode);
        }
        const to = claimNode.get(e.claimId);
        if (to) relations.push({ from: inode, to, kind: e.stance });
      }
      return nodes;
    },
    /** After the last page: a scheme node per related evidence link, then per claim link. */
    *schemeNodes(): Generator<TAifNode> {
      let id = firstSchemeNode();
      for (const r of relations) yield { nodeID: String(id++), ...schemeOf(r.kind), timestamp: saidAt(r.from) };
      for (const r of linked()) yield { nodeID: String(id++), ...schemeOf(r.kind), timestamp: latest };
    },
    *edges(): Generator<TAifEdge> {
      let edgeID = 0;
      const edge = (fromID: number, toID: number): TAifEdge => ({ edgeID: String(++edgeID), fromID: String(fromID), toID: String(toID), formEdgeID: null });
      for (let k = 0; k < cited.length; k++) {
        const inode = firstExcerptNode + 3 * k;
        yield edge(inode + 1, inode + 2);
        yield edge(inode + 2, inode);
      }
      let scheme = firstSchemeNode();
      for (const r of [...relations, ...linked()]) {
        yield edge(r.from, scheme);
        yield edge(scheme++, r.to);
      }
    },
    *locutions(): Generator<TAifDocument["locutions"][number]> {
      for (const [k, c] of cited.entries()) yield { nodeID: String(firstExcerptNode + 3 * k + 1), personID: c.personID, timestamp: c.said, source: c.source };
    },
    participants(): TAifDocument["participants"] {
      return outline.authors.map((author) => {
        const participantID = participant.get(author.id)!;
        const parts = author.name.trim().split(/\s+/);
        // An organisation ("ECFR") has no first name: the whole name goes in firstname.
        return parts.length > 1 ? { participantID, firstname: parts.slice(0, -1).join(" "), surname: parts.at(-1)! } : { participantID, firstname: author.name, surname: "" };
      });
    },
  };
}
