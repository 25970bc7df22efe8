import type { TMapGraph } from "../../domain/map-graph";
import { STANCE_VERB } from "../../domain/stance-words";
import { readMap } from "../map-reading";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";


/**
 * The map's excerpts as a W3C Web Annotation Data Model AnnotationCollection (JSON-LD), so
 * annotation tools (Hypothesis, Recogito, any WADM store) can read them:
 * - one Annotation per evidence link, motivated by "linking": its target is the source with a
 *   TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end); its body
 *   is the claim (a TextualBody, purpose "linking", identified by the claim's page) and the
 *   stance (a TextualBody "supports" / "opposes" / "qualifies", purpose "classifying");
 * - an excerpt that backs no claim is an Annotation motivated by "highlighting", with no body.
 * `baseUrl` makes the ids absolute (the app's address); a source with its own URL is targeted
 * there, one without by its page in the app.
 */
export function toAnnotations(graph: TMapGraph, baseUrl: string): Record<string, unknown> {
  const map = readMap(graph);
  const base = `${baseUrl.replace(/\/+$/, "")}/w/${encodeURIComponent(graph.workspace.slug)}`;
  const target = (excerptId: string) => {
    const x = map.excerpts.get(excerptId)!;
    const source = map.sources.get(x.sourceId)!;
    return {
      type: "SpecificResource",
      source: source.url ?? `${base}/sources/${source.id}`,
      selector: [
        { type: "TextQuoteSelector", exact: x.exact, prefix: x.prefix, suffix: x.suffix },
        { type: "TextPositionSelector", start: x.start, end: x.end },
      ],
    };
  };
  const items: Record<string, unknown>[] = [];
  for (const e of graph.evidence) {
    const claim = map.claims.get(e.claimId);
    if (!claim || !map.excerpts.has(e.excerptId)) continue;
    items.push({
      id: `${base}/annotations/${e.id}`,
      type: "Annotation",
      motivation: "linking",
      body: [
        { id: `${base}/claims/${claim.id}`, type: "TextualBody", value: claim.text, format: "text/plain", purpose: "linking" },
        { type: "TextualBody", value: STANCE_VERB[e.stance], purpose: "classifying" },
        ...(e.voice === "REPORTED" ? [{ type: "TextualBody", value: "reported", purpose: "tagging" }] : []),
        ...(e.note ? [{ type: "TextualBody", value: e.note, format: "text/plain", purpose: "commenting" }] : []),
      ],
      target: target(e.excerptId),
    });
  }
  for (const x of graph.excerpts) {
    if (map.evidenceByExcerpt.has(x.id)) continue;
    items.push({ id: `${base}/annotations/${x.id}`, type: "Annotation", motivation: "highlighting", target: target(x.id) });
  }
  const id = `${base}/annotations`;
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: graph.workspace.title,
    total: items.length,
    first: { id: `${id}?page=0`, type: "AnnotationPage", startIndex: 0, items },
  };
}
