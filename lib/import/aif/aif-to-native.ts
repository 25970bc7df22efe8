import { z } from "zod";
import { slugify } from "../../domain/slug";
import type { TErrorIssue } from "../../errors/app-error";
import { MAX_CLAIM_LENGTH } from "../../schemas/fields";
import type { TNativeDocument } from "../../schemas/native-document";

const ZId = z.union([z.string().min(1), z.int()]).transform(String);

/** AIF JSON as AIFdb and OVA write it; fields this import does not use are allowed and ignored. */
export const ZAifSchema = z.looseObject({
  nodes: z.array(z.looseObject({ nodeID: ZId, type: z.string().min(1), text: z.string() })).min(1, "an AIF map needs nodes"),
  edges: z.array(z.looseObject({ fromID: ZId, toID: ZId })),
});

export type TAif = z.output<typeof ZAifSchema>;

/**
 * AIF → a native document with no sources: every I-node (a proposition) becomes a claim, in the
 * file's order; each RA-node (inference) makes each of its I-node premises SUPPORT its I-node
 * conclusion, each CA-node (conflict) makes them OPPOSE it. Locutions (L, YA, TA) and other
 * schemes (MA, PA) have no counterpart without the source texts and are left out. Problems are
 * named by path (`nodes.3.text`, `edges.7`); a proposition longer than a claim may be is shortened
 * at a word, with a warning naming it.
 */
export function aifToNative(aif: TAif, title = "Imported AIF map"): { document: TNativeDocument | null; issues: TErrorIssue[]; warnings: TErrorIssue[] } {
  const issues: TErrorIssue[] = [];
  const warnings: TErrorIssue[] = [];
  const byId = new Map<string, { type: string; text: string; index: number }>();
  aif.nodes.forEach((n, index) => {
    if (byId.has(n.nodeID)) issues.push({ path: `nodes.${index}.nodeID`, message: `the node id ${n.nodeID} is used twice` });
    byId.set(n.nodeID, { type: n.type.toUpperCase(), text: n.text.trim(), index });
  });
  // Each node's neighbours as a set: a file repeating one edge many times costs one entry, and
  // adding stays constant time however many edges a node has.
  const incoming = new Map<string, Set<string>>();
  const outgoing = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  aif.edges.forEach((e, index) => {
    if (!byId.has(e.fromID) || !byId.has(e.toID)) return void issues.push({ path: `edges.${index}`, message: `the edge ${e.fromID} → ${e.toID} has an end that is not a node` });
    add(outgoing, e.fromID, e.toID);
    add(incoming, e.toID, e.fromID);
  });
  const claims: TNativeDocument["claims"] = [];
  for (const [id, node] of byId) {
    if (node.type !== "I") continue;
    if (!node.text) issues.push({ path: `nodes.${node.index}.text`, message: "an I-node has no text" });
    let text = node.text;
    if (text.length > MAX_CLAIM_LENGTH) {
      // AIF propositions are often whole paragraphs; a claim is a sentence. Keep the start, say so.
      const cut = text.slice(0, MAX_CLAIM_LENGTH - 1);
      text = `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_CLAIM_LENGTH - 60)).trimEnd()}…`;
      warnings.push({ path: `nodes.${node.index}.text`, message: `a proposition of ${node.text.length} characters was shortened to a claim of ${text.length}` });
    }
    claims.push({ id, text, tags: [] });
  }
  if (claims.length === 0) issues.push({ path: "nodes", message: "no I-nodes (propositions) to import" });
  const links: TNativeDocument["claimLinks"] = [];
  const linked = new Set<string>();
  for (const [id, node] of byId) {
    if (node.type !== "RA" && node.type !== "CA") continue;
    const isI = (n: string) => byId.get(n)?.type === "I";
    const conclusions = [...(outgoing.get(id) ?? [])].filter(isI);
    const premises = [...(incoming.get(id) ?? [])].filter(isI);
    for (const to of conclusions.slice(0, 1)) {
      for (const from of premises) {
        if (from !== to && !linked.has(`${from}>${to}`)) {
          linked.add(`${from}>${to}`);
          links.push({ id: `${id}:${from}`, fromClaimId: from, toClaimId: to, relation: node.type === "RA" ? "SUPPORTS" : "OPPOSES" });
        }
      }
    }
  }
  if (issues.length > 0) return { document: null, issues: issues.slice(0, 50), warnings };
  return {
    issues,
    warnings,
    document: {
      schemaVersion: 1,
      workspace: { slug: slugify(title, "aif-map"), title: title.slice(0, 200), description: "Imported from an AIF argument map.", visibility: "PRIVATE" },
      authors: [],
      sources: [],
      claims,
      claimLinks: links,
      excerpts: [],
      evidence: [],
      positions: [],
    },
  };
}
