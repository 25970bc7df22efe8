/**
 * A text format written in pieces: its head, then its rows a page at a time, in order, then its
 * end. One writer serves both ways of making a file — whole, from a map graph (`writeText`), and
 * streamed from rows read page by page (`streamText`) — so both give the same bytes.
 */
export interface TTextWriter<Row> {
  head(): string;
  rows(page: readonly Row[]): string;
  end(): string;
}

/** The whole text, from every row at once. */
export function writeText<Row>(writer: TTextWriter<Row>, rows: readonly Row[]): string {
  return writer.head() + writer.rows(rows) + writer.end();
}

/** The text piece by piece (one per page of rows; empty pieces are skipped). */
export async function* streamText<Row>(writer: TTextWriter<Row>, pages: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): AsyncGenerator<string> {
  yield writer.head();
  for await (const page of pages) {
    const text = writer.rows(page);
    if (text) yield text;
  }
  yield writer.end();
}

/** Groups items into arrays of `size`, for producers that make rows one by one. */
export function* pagesOf<T>(items: Iterable<T>, size = 4000): Generator<T[]> {
  let page: T[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

/**
 * Lets a streamed text end as `${text.trimEnd()}\n` would: trailing white space of each piece is
 * held back and given out only once more text follows it.
 */
export function trimmedEnd(): { push(text: string): string; end(): string } {
  let held = "";
  return {
    push(text) {
      const body = text.trimEnd();
      if (!body) {
        held += text;
        return "";
      }
      const out = held + body;
      held = text.slice(body.length);
      return out;
    },
    end: () => "\n",
  };
}
