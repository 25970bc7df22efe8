import { anchorQuote, prepareText, type TAnchoring, type TPreparedText } from "../../anchoring/anchor-quote";
import type { TSelector, TStance } from "../../domain/types";
import { MAX_CONTEXT_LENGTH, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from "../../schemas/fields";

/** At most this many annotations in one import. */
export const MAX_ANNOTATIONS = 5000;

export interface TAnnotationRequest {
  /** Place in the file's list of annotations (0-based), for the report. */
  index: number;
  quote: { exact: string; prefix?: string; suffix?: string } | null;
  position: { start: number; end: number } | null;
  /** The claim id from a linking body pointing at `/claims/<id>`, if any. */
  claimId: string | null;
  stance: TStance | null;
  reported: boolean;
  note: string | null;
}

export type TAnchoredAnnotation = { index: number; selector: TSelector; anchoring: TAnchoring; request: TAnnotationRequest } | { index: number; reason: string; exact: string | null };

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const UUID = /\/claims\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
// A Map, not an object: a classifying value of "constructor" or "__proto__" must find nothing.
const STANCE = new Map<string, TStance>([
  ["supports", "SUPPORTS"],
  ["opposes", "OPPOSES"],
  ["qualifies", "QUALIFIES"],
]);

/**
 * The annotations of a W3C Web Annotation document: an AnnotationCollection (its first page's
 * items), an AnnotationPage, a list of annotations, or one annotation. Each yields its TextQuote
 * and TextPosition selectors (from `target.selector`, a list of targets, or a refinedBy chain)
 * and, when its body links to a claim (`…/claims/<id>`) with a stance ("supports", "opposes",
 * "qualifies" classifying body), what it says about that claim — as Stancemap exports them.
 */
export function readAnnotations(document: unknown): TAnnotationRequest[] {
  const doc = record(document);
  const items = Array.isArray(document) ? document : doc.type === "AnnotationCollection" || doc.first ? list(record(doc.first).items) : doc.type === "AnnotationPage" ? list(doc.items) : [document];
  return items.slice(0, MAX_ANNOTATIONS).map((item, index) => {
    const annotation = record(item);
    const selectors = list(annotation.target).flatMap((t) => {
      const target = record(t);
      return list(target.selector).flatMap((s) => [record(s), ...list(record(s).refinedBy).map(record)]);
    });
    const quote = selectors.find((s) => s.type === "TextQuoteSelector" && typeof s.exact === "string" && s.exact !== "");
    const position = selectors.find((s) => s.type === "TextPositionSelector" && Number.isInteger(s.start) && Number.isInteger(s.end));
    const bodies = list(annotation.body).map(record);
    const claim = bodies.map((b) => UUID.exec(typeof b.id === "string" ? b.id : typeof b.source === "string" ? b.source : "")).find(Boolean);
    const stance = bodies.map((b) => (b.purpose === "classifying" && typeof b.value === "string" ? STANCE.get(b.value.toLowerCase()) : undefined)).find(Boolean);
    const note = bodies.find((b) => b.purpose === "commenting" && typeof b.value === "string")?.value as string | undefined;
    return {
      index,
      quote: quote ? { exact: quote.exact as string, prefix: typeof quote.prefix === "string" ? quote.prefix : undefined, suffix: typeof quote.suffix === "string" ? quote.suffix : undefined } : null,
      position: position ? { start: position.start as number, end: position.end as number } : null,
      claimId: claim?.[1].toLowerCase() ?? null,
      stance: stance ?? null,
      reported: bodies.some((b) => b.purpose === "tagging" && b.value === "reported"),
      note: note ?? null,
    };
  });
}

/**
 * Re-anchors each annotation in `text` by its TextQuote (the text may differ from the one the
 * offsets were taken in, and the quote from the text: another tool's rendering of the article
 * may differ in spaces, quotation marks or a word): verbatim, after normalising, or
 * approximately (`anchorQuote`), the prefix, suffix and TextPosition deciding between repeats.
 * One without a quote, or whose quote is not in the text, is reported with the reason — never
 * dropped silently.
 */
export function anchorAnnotations(text: string, requests: readonly TAnnotationRequest[]): TAnchoredAnnotation[] {
  const prepared = prepareText(text);
  return requests.map((request) => anchorAnnotation(prepared, request));
}

/** One annotation re-anchored (see `anchorAnnotations`); a prepared text shares its normalisation between calls. */
export function anchorAnnotation(text: string | TPreparedText, request: TAnnotationRequest): TAnchoredAnnotation {
  if (!request.quote) return { index: request.index, reason: "no TextQuoteSelector with an exact quote", exact: null };
  // The limits of a passage and a note made in the app hold for imported ones too.
  if (request.quote.exact.length > MAX_QUOTE_LENGTH) return { index: request.index, reason: `its quote is longer than ${MAX_QUOTE_LENGTH.toLocaleString("en")} characters`, exact: request.quote.exact.slice(0, 200) };
  if (request.note && request.note.length > MAX_NOTE_LENGTH) return { index: request.index, reason: `its note is longer than ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`, exact: request.quote.exact };
  const quote = { exact: request.quote.exact, prefix: request.quote.prefix?.slice(-MAX_CONTEXT_LENGTH), suffix: request.quote.suffix?.slice(0, MAX_CONTEXT_LENGTH), hint: request.position?.start };
  const result = anchorQuote(text, quote);
  if (result.ok) return { index: request.index, selector: result.selector, anchoring: result.anchoring, request };
  if (result.reason === "ambiguous") {
    return { index: request.index, reason: `the quote occurs ${result.more ? "more than " : ""}${result.count} times and its prefix, suffix and position do not say which`, exact: request.quote.exact };
  }
  return { index: request.index, reason: "the quote is not in this source's text, not even approximately", exact: request.quote.exact };
}
