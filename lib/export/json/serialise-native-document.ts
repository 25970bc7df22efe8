import type { TNativeDocument } from "../../schemas/native-document";

/**
 * Serialises a document piece by piece (rows one per line, flushed every 64 KB), so a large
 * workspace is sent as a stream instead of being built as one giant string.
 */
export function* serialiseNativeDocument(document: TNativeDocument): Generator<string> {
  const { authors, sources, claims, claimLinks, excerpts, evidence, positions, comments, ...head } = document;
  yield* serialiseJsonWithLists(head, { authors, sources, claims, claimLinks, excerpts, evidence, positions, ...(comments ? { comments } : {}) });
}

/**
 * Any JSON object whose bulk is in lists, streamed: the small `head` fields first, then each list
 * with one row per line. Used for every large JSON export (native, AIF).
 */
export function* serialiseJsonWithLists(head: Record<string, unknown>, lists: Record<string, readonly unknown[]>): Generator<string> {
  const opening = JSON.stringify(head, null, 2);
  const empty = Object.keys(head).length === 0;
  yield empty ? "{" : opening.slice(0, opening.lastIndexOf("\n}"));
  let first = empty;
  for (const [key, rows] of Object.entries(lists)) {
    let chunk = `${first ? "" : ","}\n  ${JSON.stringify(key)}: [`;
    first = false;
    for (const [i, row] of (rows as unknown[]).entries()) {
      chunk += `${i === 0 ? "" : ","}\n    ${JSON.stringify(row)}`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}${rows.length > 0 ? "\n  " : ""}]`;
  }
  yield "\n}\n";
}
