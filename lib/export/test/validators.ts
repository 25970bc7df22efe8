/**
 * Checks of the exports by the rules of their own ecosystems, for the tests: the Argdown parser
 * itself, the W3C annotation model as a JSON Schema, and AIF's graph rules as AIFdb and OVA apply
 * them. Kept apart from the exporters so a test never checks code with the same code.
 */
import fs from "node:fs";
import path from "node:path";
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from "@argdown/core";
import { Ajv2020 } from "ajv/dist/2020.js";

export function parseArgdown(input: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new DataPlugin(), "build-model");
  app.addPlugin(new ModelPlugin(), "build-model");
  const response = app.run({ input, process: ["parse-input", "build-model"] });
  return {
    errors: [...(response.lexerErrors ?? []), ...(response.parserErrors ?? []), ...(response.exceptions ?? [])].map((e) => (e as Error).message),
    statements: Object.values(response.statements ?? {}),
    arguments: Object.values(response.arguments ?? {}),
    relations: response.relations ?? [],
  };
}

const annotationSchema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "schemas", "web-annotation.schema.json"), "utf8"));
const validateAnnotations = new Ajv2020({ allErrors: true, strict: false }).compile(annotationSchema);

/** Problems of a W3C AnnotationCollection, by JSON Schema; none means valid. */
export function annotationProblems(collection: unknown): string[] {
  return validateAnnotations(collection) ? [] : (validateAnnotations.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`);
}

interface TAif {
  nodes: { nodeID: string; type: string; text: string }[];
  edges: { edgeID: string; fromID: string; toID: string }[];
  locutions?: { nodeID: string; personID: string }[];
  participants?: { participantID: string }[];
}

/**
 * AIF's rules: unique node and edge ids, every edge's ends present, node types from the AIF
 * ontology; an RA or CA (scheme) node has premises from I-nodes and exactly one conclusion, an
 * I-node; I-nodes never link to I-nodes directly; a YA node joins a locution (L) to what it
 * asserts (I); locutions name L-nodes and known participants.
 */
export function aifProblems(doc: TAif): string[] {
  const problems: string[] = [];
  const nodes = new Map<string, TAif["nodes"][number]>();
  for (const n of doc.nodes) {
    if (nodes.has(n.nodeID)) problems.push(`node id ${n.nodeID} is used twice`);
    nodes.set(n.nodeID, n);
    if (!["I", "L", "RA", "CA", "MA", "PA", "YA", "TA"].includes(n.type)) problems.push(`node ${n.nodeID} has unknown type ${n.type}`);
    if (typeof n.text !== "string" || n.text === "") problems.push(`node ${n.nodeID} has no text`);
  }
  const edgeIds = new Set<string>();
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (edgeIds.has(e.edgeID)) problems.push(`edge id ${e.edgeID} is used twice`);
    edgeIds.add(e.edgeID);
    const from = nodes.get(e.fromID);
    const to = nodes.get(e.toID);
    if (!from || !to) {
      problems.push(`edge ${e.edgeID} has a missing end (${e.fromID} → ${e.toID})`);
      continue;
    }
    if (from.type === "I" && to.type === "I") problems.push(`edge ${e.edgeID} joins two I-nodes directly`);
    outgoing.set(e.fromID, [...(outgoing.get(e.fromID) ?? []), e.toID]);
    incoming.set(e.toID, [...(incoming.get(e.toID) ?? []), e.fromID]);
  }
  for (const n of doc.nodes) {
    const ins = (incoming.get(n.nodeID) ?? []).map((id) => nodes.get(id)!.type);
    const outs = (outgoing.get(n.nodeID) ?? []).map((id) => nodes.get(id)!.type);
    if (n.type === "RA" || n.type === "CA") {
      if (ins.length === 0 || ins.some((t) => t !== "I")) problems.push(`${n.type} node ${n.nodeID} needs premises from I-nodes`);
      if (outs.length !== 1 || outs[0] !== "I") problems.push(`${n.type} node ${n.nodeID} needs exactly one I-node conclusion`);
    }
    if (n.type === "YA" && (!ins.includes("L") || !outs.includes("I"))) problems.push(`YA node ${n.nodeID} must join an L-node to an I-node`);
  }
  const participants = new Set((doc.participants ?? []).map((p) => p.participantID));
  for (const l of doc.locutions ?? []) {
    if (nodes.get(l.nodeID)?.type !== "L") problems.push(`locution ${l.nodeID} is not an L-node`);
    if (!participants.has(l.personID)) problems.push(`locution ${l.nodeID} names unknown participant ${l.personID}`);
  }
  return problems;
}
