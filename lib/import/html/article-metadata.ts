import { parsePublished, type TPublished } from "../../domain/dates";

/** What a file or page says about itself, before the person adding it confirms or corrects it. */
export interface TSourceMetadata {
  title: string | null;
  author: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD", only as precise as the page says; null when it does not say. */
  published: TPublished | null;
  siteName: string | null;
}

/** A page's own metadata, as the article reader finds it (every value as written). */
export interface TRawMetadata {
  title?: string | null;
  author?: string | null;
  published?: string | null;
  siteName?: string | null;
}

const DATE_START = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/;

/**
 * A date as pages write it ("2022-09-16T10:00:00Z", "2008/11/03", "2021") → "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", keeping only the precision given; null when it is not such a date.
 */
export function publishedOf(raw: string | null | undefined): TPublished | null {
  const match = raw ? DATE_START.exec(raw.slice(0, 100)) : null;
  if (!match) return null;
  const [, y, m, d] = match;
  const value = [y, m?.padStart(2, "0"), d?.padStart(2, "0")].filter(Boolean).join("-");
  if (parsePublished(value)) return value;
  return parsePublished(y) ? y : null;
}

/** Tidied metadata: whitespace collapsed, lengths capped, "By " taken off a byline, the date normalised. */
export function tidyMetadata(raw: TRawMetadata): TSourceMetadata {
  const clean = (value: string | null | undefined, max: number) => {
    const text = value?.replace(/\s+/g, " ").trim().slice(0, max);
    return text ? text : null;
  };
  const author = clean(raw.author, 200)?.replace(/^by\s+/i, "") ?? null;
  return { title: clean(raw.title, 500), author: author || null, published: publishedOf(raw.published), siteName: clean(raw.siteName, 300) };
}
