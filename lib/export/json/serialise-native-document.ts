import type { TNativeDocument } from "../../schemas/native-document";

/** The size at which a piece of a streamed JSON document is handed on. */
const CHUNK = 64 * 1024;

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
  const json = jsonWithLists(head);
  yield json.opening;
  for (const [key, rows] of Object.entries(lists)) {
    let chunk = json.openList(key);
    for (const row of rows) {
      chunk += json.row(row);
      if (chunk.length > CHUNK) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk + json.closeList();
  }
  yield json.closing;
}

/** A list of a streamed JSON document: its rows a page at a time, as they are read or made. */
export type TJsonListPages = AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

/**
 * A list whose rows come already written as JSON (each exactly what `JSON.stringify` makes of the
 * row): for very many rows of one fixed shape, which a template writes in half the time.
 */
export interface TJsonTextPages {
  json: AsyncIterable<readonly string[]> | Iterable<readonly string[]>;
}

/**
 * `serialiseJsonWithLists` for lists whose rows arrive page by page (rows read from a database
 * cursor, or made while another list is read): the same text, in pieces of about `chunkSize`.
 * The lists are read one after another, in the order of `lists`.
 */
export async function* streamJsonWithLists(head: Record<string, unknown>, lists: Record<string, TJsonListPages | TJsonTextPages>, chunkSize = CHUNK): AsyncGenerator<string> {
  const json = jsonWithLists(head);
  yield json.opening;
  for (const [key, list] of Object.entries(lists)) {
    let chunk = json.openList(key);
    const written = "json" in list;
    for await (const rows of written ? list.json : list) {
      if (written) for (const text of rows as readonly string[]) chunk += json.rowText(text);
      else for (const row of rows) chunk += json.row(row);
      if (chunk.length > chunkSize) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk + json.closeList();
  }
  yield json.closing;
}

/**
 * The pieces of a JSON object written as `JSON.stringify(…, null, 2)` would indent its head, with
 * each list's rows on lines of their own. `row` and `closeList` count the rows of the open list.
 */
function jsonWithLists(head: Record<string, unknown>) {
  const empty = Object.keys(head).length === 0;
  const opening = empty ? "{" : JSON.stringify(head, null, 2).replace(/\n}$/, "");
  let lists = 0;
  let rows = 0;
  return {
    opening,
    closing: "\n}\n",
    openList(key: string): string {
      rows = 0;
      return `${empty && lists++ === 0 ? "" : ","}\n  ${JSON.stringify(key)}: [`;
    },
    row(row: unknown): string {
      return `${rows++ === 0 ? "" : ","}\n    ${JSON.stringify(row)}`;
    },
    rowText(text: string): string {
      return `${rows++ === 0 ? "" : ","}\n    ${text}`;
    },
    closeList(): string {
      return `${rows > 0 ? "\n  " : ""}]`;
    },
  };
}
