/**
 * The ways a quote changes on its way from a source to a cite box: copied from a PDF (line
 * breaks, hyphenated words), from a web page with other quotation marks, typed with a hyphen for
 * a dash, misread once by OCR, trimmed with ellipses. Each variant says which span of the
 * original quote it should anchor to (all of it, or the trimmed part).
 */
export interface TQuoteVariant {
  kind: "line-breaks" | "quote-marks" | "dashes" | "hyphenation" | "typo" | "ellipses" | "pdf-copy";
  quote: string;
  /** The span of the original quote the variant stands for. */
  from: number;
  to: number;
}

const CURLY_TO_STRAIGHT: Record<string, string> = { "‘": "'", "’": "'", "“": '"', "”": '"' };

/** Every third space a line break (with the spaces a PDF's layout leaves around it). */
export function breakLines(quote: string): string {
  let count = 0;
  return quote.replace(/ /g, () => (++count % 3 === 0 ? (count % 2 ? "\n" : " \r\n  ") : " "));
}

/** Curly quotation marks and apostrophes made straight, straight ones curly. */
export function swapQuoteMarks(quote: string): string {
  let open = true;
  return quote.replace(/[‘’“”'"]/g, (c) => {
    if (c in CURLY_TO_STRAIGHT) return CURLY_TO_STRAIGHT[c];
    if (c === "'") return "’";
    open = !open;
    return open ? "”" : "“";
  });
}

/** En and em dashes typed as hyphens, hyphens between words made en dashes or non-breaking hyphens. */
export function swapDashes(quote: string): string {
  return quote.replace(/[–—]/g, "-").replace(/(\w)-(\w)/g, "$1‑$2").replace(/ - /g, " – ");
}

/** The longest word of the quote's middle half, broken at a line end with a hyphen (`organ-\nisation`). */
export function hyphenateWord(quote: string): string | undefined {
  let best: RegExpExecArray | undefined;
  for (const m of quote.matchAll(/\p{L}{8,}/gu)) {
    if (m.index > quote.length / 4 && m.index < (3 * quote.length) / 4 && (!best || m[0].length > best[0].length)) best = m as RegExpExecArray;
  }
  if (!best) return undefined;
  const cut = best.index + Math.floor(best[0].length / 2);
  return `${quote.slice(0, cut)}-\n${quote.slice(cut)}`;
}

/** One letter near the middle replaced by another, as OCR misreads one. */
export function misreadLetter(quote: string): string | undefined {
  for (let i = Math.floor(quote.length / 2); i < quote.length; i++) {
    if (/\p{Ll}/u.test(quote[i])) return `${quote.slice(0, i)}${quote[i] === "e" ? "c" : "e"}${quote.slice(i + 1)}`;
  }
  return undefined;
}

/** The first and last word dropped and "…" or "..." put in their place. */
export function trimWithEllipses(quote: string, dots: "…" | "..."): TQuoteVariant | undefined {
  const first = quote.indexOf(" ");
  const last = quote.lastIndexOf(" ");
  if (first < 0 || last <= first) return undefined;
  let from = first;
  while (quote[from] === " ") from++;
  let to = last;
  while (quote[to - 1] === " ") to--;
  if (to - from < 20) return undefined;
  return { kind: "ellipses", quote: `${dots}${quote.slice(from, to)} ${dots}`, from, to };
}

/** All variants of `quote` that differ from it. */
export function quoteVariants(quote: string): TQuoteVariant[] {
  const whole = (kind: TQuoteVariant["kind"], changed: string | undefined): TQuoteVariant[] => (changed !== undefined && changed !== quote ? [{ kind, quote: changed, from: 0, to: quote.length }] : []);
  const hyphenated = hyphenateWord(quote);
  return [
    ...whole("line-breaks", breakLines(quote)),
    ...whole("quote-marks", swapQuoteMarks(quote)),
    ...whole("dashes", swapDashes(quote)),
    ...whole("hyphenation", hyphenated),
    ...whole("typo", misreadLetter(quote)),
    ...[trimWithEllipses(quote, "…"), trimWithEllipses(quote, "...")].filter((v): v is TQuoteVariant => v !== undefined),
    ...whole("pdf-copy", breakLines(swapQuoteMarks(hyphenated ?? quote))),
  ];
}
