import type { TMapGraph } from "../../domain/map-graph";
import { readMap } from "../map-reading";

export type TAifNodeType = "I" | "RA" | "CA" | "L" | "YA";

export interface TAifNode {
  nodeID: string;
  text: string;
  type: TAifNodeType;
  timestamp: string;
}

export interface TAifDocument {
  nodes: TAifNode[];
  edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[];
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
  const map = readMap(graph);
  const doc: TAifDocument = { nodes: [], edges: [], locutions: [], participants: [] };
  let nextNode = 0;
  const when = new Map<string, string>();
  const node = (type: TAifNodeType, text: string, timestamp: string) => {
    const nodeID = String(++nextNode);
    doc.nodes.push({ nodeID, text, type, timestamp });
    when.set(nodeID, timestamp);
    return nodeID;
  };
  const edge = (fromID: string, toID: string) => doc.edges.push({ edgeID: String(doc.edges.length + 1), fromID, toID, formEdgeID: null });
  const undated = "1970-01-01 00:00:00";
  const latest = graph.sources.reduce((max, s) => (s.published > max ? s.published : max), "1970");

  const participant = new Map<string, string>();
  graph.authors.forEach((author, i) => {
    const participantID = String(i + 1);
    participant.set(author.id, participantID);
    const parts = author.name.trim().split(/\s+/);
    // An organisation ("ECFR") has no first name: the whole name goes in firstname.
    doc.participants.push(parts.length > 1 ? { participantID, firstname: parts.slice(0, -1).join(" "), surname: parts.at(-1)! } : { participantID, firstname: author.name, surname: "" });
  });

  const claimNode = new Map(graph.claims.map((c) => [c.id, node("I", c.text, timestampOf(latest))]));
  const excerptNode = new Map<string, string>();
  for (const e of graph.evidence) {
    if (excerptNode.has(e.excerptId)) continue;
    const excerpt = map.excerpts.get(e.excerptId);
    const source = excerpt && map.sources.get(excerpt.sourceId);
    const author = source && map.authors.get(source.authorId);
    if (!excerpt || !source || !author) continue;
    const said = source.published ? timestampOf(source.published) : undated;
    const inode = node("I", excerpt.exact, said);
    const lnode = node("L", `${author.shortName}: ${excerpt.exact}`, said);
    const ya = node("YA", "Asserting", said);
    edge(lnode, ya);
    edge(ya, inode);
    doc.locutions.push({ nodeID: lnode, personID: participant.get(author.id)!, timestamp: said, source: source.url });
    excerptNode.set(e.excerptId, inode);
  }

  const relate = (from: string, to: string, kind: "SUPPORTS" | "OPPOSES" | "QUALIFIES", at: string) => {
    const scheme = kind === "OPPOSES" ? node("CA", "Default Conflict", at) : node("RA", kind === "QUALIFIES" ? "Qualified Inference" : "Default Inference", at);
    edge(from, scheme);
    edge(scheme, to);
  };
  for (const e of graph.evidence) {
    const from = excerptNode.get(e.excerptId);
    const to = claimNode.get(e.claimId);
    if (from && to) relate(from, to, e.stance, when.get(from)!);
  }
  for (const link of graph.claimLinks) {
    const from = claimNode.get(link.fromClaimId);
    const to = claimNode.get(link.toClaimId);
    if (from && to) relate(from, to, link.relation, timestampOf(latest));
  }
  return doc;
}
