/**
 * Side by side with Argdown (`--only=peer`): the same maps — the demo (`sco-debate`), 200 claims ×
 * 4 quotes and 1,000 claims × 5 quotes — as a Stancemap workspace and as an Argdown document, and
 * the time each takes to draw its argument map as SVG, in the same run:
 *
 * - Stancemap: `GET /api/workspaces/:slug/export?format=svg&view=graph` over HTTP from the running
 *   app, timed from request to last byte (database reads, layout and drawing included);
 * - Argdown: `@argdown/node`'s own pipeline in this process (parse → model → map → dot → SVG
 *   with Graphviz compiled to WebAssembly), from the document's text to its SVG.
 *
 * The synthetic workspaces are written by bench/generate-large.ts (evidence given to the claims
 * in turn, so every claim has exactly its quotes); the Argdown document of each map is generated
 * here from the workspace's own native export, so both draw the same claims, quotes and links:
 * each claim a statement, each quote an argument that supports (`+>`) or attacks (`->`) it (a
 * qualifying quote supports it, tagged `#qualifies`: Argdown has no "qualifies"), each claim link
 * a support or attack between statements. One warm-up of each, then the median of the timed runs.
 */
import { argdown } from "@argdown/node";
import { generateLargeWorkspace } from "./generate-large";
import { DEMO_SLUG, log } from "./settings";
import { percentile } from "./stats";

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** DESIGN.md: Stancemap's graph SVG in at most this share of Argdown's time, per map. */
export const PEER_MAPS = [
  { name: "demo (sco-debate)", slug: DEMO_SLUG, shape: null, budget: 1 / 4, runs: 7 },
  { name: "200 claims × 4 quotes", slug: "peer-200x4", shape: { claims: 200, quotes: 4, authors: 10, links: 40 }, budget: 1 / 4, runs: 5 },
  { name: "1,000 claims × 5 quotes", slug: "peer-1000x5", shape: { claims: 1000, quotes: 5, authors: 20, links: 200 }, budget: 1 / 2, runs: 3 },
] as const;

export interface TPeerMeasurement {
  name: string;
  budget: number;
  claims: number;
  quotes: number;
  links: number;
  /** Stancemap's picture: median over HTTP, its size, and what it says it drew. */
  stancemapMs: number;
  stancemapBytes: number;
  drawn: string;
  detail: string;
  /** Argdown's picture: median in this process, its size, and the nodes in its map. */
  argdownMs: number;
  argdownBytes: number;
  argdownNodes: number;
  /** 1-minute load average when the map's timings began. */
  load: number;
}

interface TNativeDocument {
  claims: { id: string; text: string }[];
  claimLinks: { fromClaimId: string; toClaimId: string; relation: "SUPPORTS" | "OPPOSES" }[];
  excerpts: { id: string; exact: string; sourceId: string }[];
  sources: { id: string; authorId: string }[];
  authors: { id: string; shortName: string }[];
  evidence: { excerptId: string; claimId: string; stance: "SUPPORTS" | "OPPOSES" | "QUALIFIES" }[];
}

/** Text on one line, without the characters Argdown reads as syntax inside a statement. */
const flat = (text: string) => text.replace(/\s+/g, " ").replace(/[[\]<>#{}]/g, "").trim();

/** The map as an Argdown document: claims as statements, quotes as arguments for or against them. */
export function toPeerArgdown(doc: TNativeDocument): string {
  const claimTitle = new Map(doc.claims.map((c, i) => [c.id, `c${i + 1}`]));
  const author = new Map(doc.authors.map((a) => [a.id, a.shortName]));
  const sourceAuthor = new Map(doc.sources.map((s) => [s.id, author.get(s.authorId) ?? ""]));
  const excerpts = new Map(doc.excerpts.map((x) => [x.id, x]));
  const lines: string[] = [];
  for (const claim of doc.claims) {
    lines.push(`[${claimTitle.get(claim.id)}]: ${flat(claim.text)}`);
    for (const link of doc.claimLinks.filter((l) => l.fromClaimId === claim.id)) lines.push(`  ${link.relation === "SUPPORTS" ? "+>" : "->"} [${claimTitle.get(link.toClaimId)}]`);
    lines.push("");
  }
  doc.evidence.forEach((e, i) => {
    const excerpt = excerpts.get(e.excerptId)!;
    lines.push(`<q${i + 1}>: “${flat(excerpt.exact)}” (${flat(sourceAuthor.get(excerpt.sourceId) ?? "")})${e.stance === "QUALIFIES" ? " #qualifies" : ""}`);
    lines.push(`  ${e.stance === "OPPOSES" ? "->" : "+>"} [${claimTitle.get(e.claimId)}]`, "");
  });
  return lines.join("\n");
}

const ARGDOWN_PROCESS = ["parse-input", "build-model", "build-map", "transform-closed-groups", "colorize", "export-dot", "export-svg"];

async function argdownSvg(text: string): Promise<{ svg: string; nodes: number }> {
  const response = (await argdown.runAsync({ input: text, process: ARGDOWN_PROCESS, logLevel: "error", selection: { excludeDisconnected: false } } as Parameters<typeof argdown.runAsync>[0])) as {
    svg?: string;
    map?: { nodes: { children?: unknown[] }[] };
    parserErrors?: unknown[];
  };
  if (!response.svg) throw new Error("Argdown produced no SVG");
  if (response.parserErrors?.length) throw new Error(`Argdown could not parse the document: ${JSON.stringify(response.parserErrors[0]).slice(0, 200)}`);
  const count = (nodes: { children?: unknown[] }[]): number => nodes.reduce((sum, n) => sum + (n.children ? count(n.children as { children?: unknown[] }[]) : 1), 0);
  return { svg: response.svg, nodes: count(response.map?.nodes ?? []) };
}

async function stancemapSvg(base: string, slug: string): Promise<{ ms: number; bytes: number; drawn: string; detail: string }> {
  const url = `${base}/api/workspaces/${slug}/export?format=svg&view=graph`;
  // Argdown's run on the large map outlasts the app's keep-alive (5 s): reusing the idle connection
  // the app has just closed fails the fetch. A health check first meets that failure (ignored),
  // so the timed request goes out on a live connection.
  await fetch(`${base}/api/health`).then((r) => r.arrayBuffer(), () => undefined);
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`The graph SVG of ${slug} answered HTTP ${response.status}`);
  return { ms, bytes: body.byteLength, drawn: response.headers.get("x-stancemap-drawn") ?? "", detail: response.headers.get("x-stancemap-detail") ?? "" };
}

/** Builds the synthetic maps (unless present), then times both pictures of each map. */
export async function measurePeer(base: string, databaseUrl: string, loadAverage: () => number): Promise<TPeerMeasurement[]> {
  const results: TPeerMeasurement[] = [];
  for (const map of PEER_MAPS) {
    if (map.shape) {
      const { claims, quotes, authors, links } = map.shape;
      const shape = { authors, sourcesPerAuthor: 2, sourceChars: 12_000, claims, excerpts: claims * quotes, evidence: claims * quotes, claimLinks: links };
      const generated = await generateLargeWorkspace(databaseUrl, { slug: map.slug, shape, evenEvidence: true });
      log(`[bench] peer map ${map.slug} ${generated.created ? `generated in ${(generated.ms / 1000).toFixed(1)} s` : "already present"}`);
    }
    const exported = await fetch(`${base}/api/workspaces/${map.slug}/export?format=json`);
    if (exported.status !== 200) throw new Error(`The native export of ${map.slug} answered HTTP ${exported.status}`);
    const doc = (await exported.json()) as TNativeDocument;
    const text = toPeerArgdown(doc);

    const load = loadAverage();
    // Warm-up: modules, connections and query plans on both sides.
    await stancemapSvg(base, map.slug);
    await argdownSvg(text);
    const ours: Awaited<ReturnType<typeof stancemapSvg>>[] = [];
    const theirs: { ms: number; svg: string; nodes: number }[] = [];
    for (let i = 0; i < map.runs; i++) {
      ours.push(await stancemapSvg(base, map.slug));
      const started = performance.now();
      const drawn = await argdownSvg(text);
      theirs.push({ ms: performance.now() - started, ...drawn });
    }
    const result: TPeerMeasurement = {
      name: map.name,
      budget: map.budget,
      claims: doc.claims.length,
      quotes: doc.evidence.length,
      links: doc.claimLinks.length,
      stancemapMs: median(ours.map((o) => o.ms)),
      stancemapBytes: ours[0].bytes,
      drawn: ours[0].drawn,
      detail: ours[0].detail,
      argdownMs: median(theirs.map((t) => t.ms)),
      argdownBytes: theirs[0].svg.length,
      argdownNodes: theirs[0].nodes,
      load,
    };
    results.push(result);
    log(
      `[bench]   peer ${map.name}: Stancemap ${result.stancemapMs.toFixed(0)} ms (${result.drawn}, ${result.detail}), Argdown ${result.argdownMs.toFixed(0)} ms (${result.argdownNodes} nodes) → ratio ${(result.stancemapMs / result.argdownMs).toFixed(2)} (budget ≤ ${result.budget}) → ${peerVerdict(result)}; load ${load.toFixed(2)}`,
    );
  }
  return results;
}

/** PASS when Stancemap took at most its share of Argdown's time and drew every claim and quote. */
export function peerVerdict(m: TPeerMeasurement): string {
  const everyNode = m.detail === "excerpts";
  if (!everyNode) return "FAIL (not every node drawn)";
  return m.stancemapMs <= m.budget * m.argdownMs ? "PASS" : "FAIL";
}

/** The "Side by side with Argdown" section of RESULTS.md. */
export function peerSection(peer: TPeerMeasurement[]): string[] {
  if (peer.length === 0) return [];
  const lines = ["## Side by side with Argdown", ""];
  lines.push(
    "The same map drawn as an argument map in SVG by both, in the same run (bench/peer-phase.ts). Stancemap: `GET /api/workspaces/:slug/export?format=svg&view=graph` over HTTP, request to last byte (database reads included). Argdown: `@argdown/node` 2.0.3's own parse → model → map → dot → SVG pipeline in the bench process, from a generated `.argdown` document with the same claims, quotes (each an argument supporting or attacking its claim) and claim links. Medians after one warm-up of each. Budget: Stancemap ≤ ¼ of Argdown's time on the demo and on 200 × 4, ≤ ½ on 1,000 × 5 with every node drawn.",
    "",
  );
  lines.push("| map | claims / quotes / links | Stancemap | drawn | Argdown | Argdown nodes | ratio | budget | load | result |");
  lines.push("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const m of peer) {
    lines.push(
      `| ${m.name} | ${m.claims} / ${m.quotes} / ${m.links} | ${m.stancemapMs.toFixed(0)} ms (${(m.stancemapBytes / 1e6).toFixed(1)} MB) | ${m.drawn} | ${m.argdownMs.toFixed(0)} ms (${(m.argdownBytes / 1e6).toFixed(1)} MB) | ${m.argdownNodes} | ${(m.stancemapMs / m.argdownMs).toFixed(2)} | ≤ ${m.budget === 0.25 ? "¼" : "½"} | ${m.load.toFixed(2)} | ${peerVerdict(m)} |`,
    );
  }
  lines.push("");
  return lines;
}
