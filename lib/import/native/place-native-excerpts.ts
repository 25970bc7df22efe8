import { anchorQuote, prepareText, type TAnchoring, type TPreparedText } from "../../anchoring/anchor-quote";
import type { TNativeDocument } from "../../schemas/native-document";

/**
 * Characters of source text searched at most in one document: each excerpt placed by its quote
 * reads its source's text once, so a document of many mismatched excerpts in long texts stops
 * here (the rest are reported as not matching) rather than holding the thread for seconds.
 */
export const MAX_SEARCHED_CHARS = 8 * 1024 * 1024;

/**
 * A native (or AIF-converted) document with each excerpt whose quote is not the source text at
 * its offsets placed again by its quote: verbatim elsewhere, after normalising, or approximately
 * (`anchorQuote`, its old start as the hint), and then holding the source's own text at the span
 * found. An excerpt that cannot be placed is left as it was, for `checkNativeDocument` to report.
 * At most `MAX_SEARCHED_CHARS` of text are searched. `anchoring` says how each moved excerpt was
 * placed (by its id in the document); the others were found verbatim at their offsets. Orphans
 * are left as they are.
 */
export function placeNativeExcerpts(doc: TNativeDocument): { doc: TNativeDocument; anchoring: Map<string, TAnchoring> } {
  const anchoring = new Map<string, TAnchoring>();
  const texts = new Map(doc.sources.map((s) => [s.id, s.text]));
  const prepared = new Map<string, TPreparedText>();
  let changed = false;
  let searched = 0;
  const excerpts = doc.excerpts.map((x) => {
    const text = texts.get(x.sourceId);
    // An orphan's offsets are into an earlier text: it stays an orphan, to be re-attached by a person.
    if (x.orphaned || text === undefined || (x.end > x.start && text.slice(x.start, x.end) === x.exact)) return x;
    searched += text.length;
    if (searched > MAX_SEARCHED_CHARS) return x;
    let source = prepared.get(x.sourceId);
    if (!source) prepared.set(x.sourceId, (source = prepareText(text)));
    const result = anchorQuote(source, { exact: x.exact, prefix: x.prefix, suffix: x.suffix, hint: x.start });
    if (!result.ok) return x;
    changed = true;
    anchoring.set(x.id, result.anchoring);
    const { start, end, exact, prefix, suffix } = result.selector;
    return { ...x, start, end, exact, prefix, suffix };
  });
  return { doc: changed ? { ...doc, excerpts } : doc, anchoring };
}
