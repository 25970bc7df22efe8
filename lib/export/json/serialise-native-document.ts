import type { TNativeDocument } from "../../schemas/native-document";

/**
 * Serialises a document piece by piece (rows one per line, flushed every 64 KB), so a large
 * workspace is sent as a stream instead of being built as one giant string.
 */
export function* serialiseNativeDocument(document: TNativeDocument): Generator<string> {
  const { authors, sources, claims, claimLinks, excerpts, evidence, positions, ...head } = document;
  const opening = JSON.stringify(head, null, 2);
  yield opening.slice(0, opening.lastIndexOf("\n}"));
  for (const [key, rows] of Object.entries({ authors, sources, claims, claimLinks, excerpts, evidence, positions })) {
    let chunk = `,\n  ${JSON.stringify(key)}: [`;
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
