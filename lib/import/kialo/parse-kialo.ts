import { slugify } from "../../domain/slug";
import type { TErrorIssue } from "../../errors/app-error";
import { MAX_CLAIM_LENGTH } from "../../schemas/fields";
import type { TNativeDocument } from "../../schemas/native-document";

const NODE = /^(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s*)?(.*)$/i;
const REFERENCE = /^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$/i;

export interface TKialoParse {
  title: string | null;
  document: TNativeDocument | null;
  issues: TErrorIssue[];
}

/**
 * Reads a Kialo discussion export (the .txt outline: `Discussion Title: …`, then `1. thesis`,
 * `1.1. Pro: …`, `1.2. Con: …`, `1.2.1. -> See 1.1.` for a claim used twice) into a native
 * document with no sources: every numbered line a claim in outline order, every Pro a claim link
 * that SUPPORTS its parent, every Con one that OPPOSES it; a "-> See" line links the claim it
 * names to the parent instead of repeating it. A line without a number continues the one above.
 * Problems are reported with their line (`line 12`), and then there is no document.
 */
export function parseKialo(text: string, fallbackTitle = "Imported Kialo discussion"): TKialoParse {
  const issues: TErrorIssue[] = [];
  let title: string | null = null;
  const nodes = new Map<string, { text: string; relation: "SUPPORTS" | "OPPOSES" | null; line: number; reference: string | null }>();
  let last: string | null = null;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const where = `line ${i + 1}`;
    if (!line) return;
    const heading = /^Discussion Title:\s*(.*)$/i.exec(line);
    if (heading && nodes.size === 0) {
      title = heading[1].trim() || null;
      return;
    }
    const match = NODE.exec(line);
    if (!match) {
      if (last) nodes.get(last)!.text += ` ${line}`;
      else issues.push({ path: where, message: "expected a numbered line such as “1. …” or “1.1. Pro: …”" });
      return;
    }
    const [, number, side, body] = match;
    if (nodes.has(number)) return void issues.push({ path: where, message: `the number ${number}. appears twice` });
    const depth = number.split(".").length;
    if (depth > 1 && !side) issues.push({ path: where, message: `${number}. needs “Pro:” or “Con:” to say how it bears on ${number.split(".").slice(0, -1).join(".")}.` });
    const parent = number.split(".").slice(0, -1).join(".");
    if (depth > 1 && !nodes.has(parent)) issues.push({ path: where, message: `${number}. comes before its parent ${parent}.` });
    const reference = REFERENCE.exec(body.trim())?.[1] ?? null;
    nodes.set(number, { text: body.trim(), relation: side ? (side.toLowerCase() === "pro" ? "SUPPORTS" : "OPPOSES") : null, line: i + 1, reference });
    last = number;
  });
  if (nodes.size === 0 && issues.length === 0) issues.push({ path: "line 1", message: "no numbered claims found: is this a Kialo discussion export (.txt)?" });

  const claims: TNativeDocument["claims"] = [];
  const links: TNativeDocument["claimLinks"] = [];
  const seen = new Set<string>();
  for (const [number, node] of nodes) {
    const where = `line ${node.line}`;
    if (node.reference) {
      if (!nodes.has(node.reference) || nodes.get(node.reference)!.reference) issues.push({ path: where, message: `“-> See ${node.reference}.” names no claim of this discussion` });
      continue;
    }
    if (!node.text) issues.push({ path: where, message: `${number}. has no text` });
    else if (node.text.length > MAX_CLAIM_LENGTH) issues.push({ path: where, message: `${number}. is ${node.text.length} characters long; a claim is at most ${MAX_CLAIM_LENGTH}` });
    // Kialo repeats a claim's text in several branches: one claim, several links.
    if (!seen.has(node.text)) claims.push({ id: number, text: node.text.slice(0, MAX_CLAIM_LENGTH), tags: [] });
    seen.add(node.text);
  }
  const idOfText = new Map(claims.map((c) => [c.text, c.id]));
  // A "-> See" names a claim, never another "-> See" (that is an issue above): one step, so a
  // cycle of references cannot recurse.
  const idOf = (number: string): string | undefined => {
    const node = nodes.get(number);
    const claim = node?.reference ? nodes.get(node.reference) : node;
    if (!claim || claim.reference) return undefined;
    return idOfText.get(claim.text.slice(0, MAX_CLAIM_LENGTH));
  };
  const linked = new Set<string>();
  for (const [number, node] of nodes) {
    if (!node.relation) continue;
    const from = idOf(number);
    const to = idOf(number.split(".").slice(0, -1).join("."));
    if (from && to && from !== to && !linked.has(`${from}>${to}`)) {
      linked.add(`${from}>${to}`);
      links.push({ id: `${number}>`, fromClaimId: from, toClaimId: to, relation: node.relation });
    }
  }
  if (issues.length > 0) return { title, document: null, issues: issues.slice(0, 50) };
  const name = (title ?? fallbackTitle).slice(0, 200);
  return {
    title,
    issues: [],
    document: {
      schemaVersion: 1,
      workspace: { slug: slugify(name, "kialo-discussion"), title: name, description: "Imported from a Kialo discussion export.", visibility: "PRIVATE" },
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

