import { formatPublished, type TPublished } from "./dates";
import { orderAuthors, type TMatrix, type TMatrixAuthorInput } from "./matrix";
import type { TDatePrecision, TLinkRelation, TPositionStance, TSelector, TStance, TVisibility, TVoice } from "./types";

/**
 * The canonical map model: one workspace's debate as plain, serialisable data. Views (the argument
 * graph) and every exporter read this model, never database rows, so they stay pure and testable.
 *
 * Only live rows appear (nothing soft-deleted): a deleted source hides its excerpts and their
 * evidence, a deleted claim hides its evidence and links, as in the matrix. Ids are the stored
 * UUIDs, so every reference below (`authorId`, `sourceId`, `excerptId`, `claimId`) resolves
 * within the same graph.
 */
export interface TMapGraph {
  workspace: TMapWorkspace;
  /** Authors with at least one live source, in the matrix's column order (earliest source first). */
  authors: TMapAuthor[];
  /** Live sources, oldest first; their full text is not part of the model. */
  sources: TMapSource[];
  /** Live claims in the workspace's order (`rank` ascending). */
  claims: TMapClaim[];
  /** Live links between two live claims: `fromClaimId` supports or opposes `toClaimId`. */
  claimLinks: TMapClaimLink[];
  /** Live excerpts of live sources, by source then position in the text. */
  excerpts: TMapExcerpt[];
  /** Live evidence whose excerpt, source and claim are live: an excerpt linked to a claim. */
  evidence: TMapEvidence[];
  /**
   * Each author's resolved position on each claim, as the matrix shows it — but only the cells
   * that say something: those with evidence or set by hand. A missing (claim, author) pair is a
   * derived SILENT with no evidence.
   */
  positions: TMapPosition[];
}

export interface TMapWorkspace {
  slug: string;
  title: string;
  description: string;
  visibility: TVisibility;
}

export interface TMapAuthor {
  id: string;
  name: string;
  /** The label used in columns, badges and graph nodes ("Katz", "ECFR"). */
  shortName: string;
  affiliation: string | null;
  /** The earliest of the author's sources ("YYYY", "YYYY-MM" or "YYYY-MM-DD"). */
  published: TPublished | null;
}

export interface TMapSource {
  id: string;
  title: string;
  authorId: string;
  /** Where it appeared (a journal, a think tank's series), when known. */
  publication: string | null;
  /** The publication date with only as much precision as is known: "2008", "2022-09", "2022-12-22". */
  published: TPublished;
  precision: TDatePrecision;
  /** A remark on the date (e.g. "date of the print issue"), when one was recorded. */
  publishedNote: string | null;
  url: string | null;
  /** Where each printed page starts in the text, for a source read from a PDF; absent otherwise. */
  pages?: number[];
}

export interface TMapClaim {
  id: string;
  text: string;
  tags: string[];
  /** Position in the workspace's order; lower comes first. */
  rank: number;
}

export interface TMapClaimLink {
  id: string;
  fromClaimId: string;
  toClaimId: string;
  relation: TLinkRelation;
}

/**
 * A passage of a source, anchored by both W3C selectors: TextPosition (`start`, `end`, UTF-16
 * offsets into the source text, end exclusive) and TextQuote (`exact`, `prefix`, `suffix`).
 */
export interface TMapExcerpt extends TSelector {
  id: string;
  sourceId: string;
}

export interface TMapEvidence {
  id: string;
  excerptId: string;
  claimId: string;
  stance: TStance;
  /** AUTHOR: the author's own view; REPORTED: a view the author reports (never counts for a position). */
  voice: TVoice;
  note: string | null;
}

export interface TMapPosition {
  claimId: string;
  authorId: string;
  stance: TPositionStance;
  /** True when a member set it by hand (it then wins over what the evidence says). */
  explicit: boolean;
  /** Every evidence link of the author on the claim, REPORTED ones included. */
  evidenceCount: number;
  /** The note of a hand-set position; null when derived. */
  note: string | null;
}

/** The small part of a map graph: everything but its excerpts and evidence (the bulk of a large map). */
export type TMapOutline = Omit<TMapGraph, "excerpts" | "evidence">;

/**
 * An evidence link with the passage it cites (its excerpt's source, offsets and quote): what the
 * large exports read row by row, in the graph's evidence order, instead of whole lists.
 */
export interface TMapCitation extends TMapEvidence {
  sourceId: string;
  start: number;
  end: number;
  exact: string;
}

/** A graph's evidence with the excerpt each cites, in the graph's order; evidence whose excerpt is not in the graph is left out. */
export function citationsOf(graph: Pick<TMapGraph, "excerpts" | "evidence">): TMapCitation[] {
  const excerpts = new Map(graph.excerpts.map((x) => [x.id, x]));
  const citations: TMapCitation[] = [];
  for (const e of graph.evidence) {
    const x = excerpts.get(e.excerptId);
    if (x) citations.push({ ...e, sourceId: x.sourceId, start: x.start, end: x.end, exact: x.exact });
  }
  return citations;
}

/** A live source as stored, with its author's names. */
export interface TMapSourceRow {
  id: string;
  title: string;
  authorId: string;
  publication: string | null;
  publishedOn: Date;
  publishedPrecision: TDatePrecision;
  publishedNote: string | null;
  url: string | null;
  pageStarts?: number[];
  author: { name: string; shortName: string; affiliation: string | null };
}

/**
 * The graph's sources and authors from the live sources (oldest first): each author once, with the
 * dates of their sources, in the matrix's column order; `matrixAuthors` is the matrix's input.
 */
export function mapSourcesAndAuthors(rows: readonly TMapSourceRow[]): { sources: TMapSource[]; authors: TMapAuthor[]; matrixAuthors: TMatrixAuthorInput[] } {
  const sources: TMapSource[] = rows.map((s) => ({
    id: s.id,
    title: s.title,
    authorId: s.authorId,
    publication: s.publication,
    published: formatPublished(s.publishedOn, s.publishedPrecision),
    precision: s.publishedPrecision,
    publishedNote: s.publishedNote,
    url: s.url,
    ...(s.pageStarts && s.pageStarts.length > 0 ? { pages: s.pageStarts } : {}),
  }));
  const authorRows = new Map<string, { id: string; name: string; shortName: string; affiliation: string | null; published: string[] }>();
  for (const source of rows) {
    const row = authorRows.get(source.authorId) ?? { id: source.authorId, ...source.author, published: [] };
    row.published.push(formatPublished(source.publishedOn, source.publishedPrecision));
    authorRows.set(source.authorId, row);
  }
  const authors: TMapAuthor[] = orderAuthors([...authorRows.values()]).map((a) => ({ ...a, affiliation: authorRows.get(a.id)!.affiliation }));
  return { sources, authors, matrixAuthors: [...authorRows.values()] };
}

/**
 * The positions of a matrix in the map model's form: one entry per cell with evidence or set by
 * hand, claims in matrix order and authors in column order within each claim.
 */
export function positionsFromMatrix(matrix: TMatrix): TMapPosition[] {
  const positions: TMapPosition[] = [];
  for (const claim of matrix.claims) {
    for (const author of matrix.authors) {
      const cell = claim.positions[author.id];
      if (!cell || (cell.evidenceCount === 0 && !cell.explicit)) continue;
      positions.push({ claimId: claim.id, authorId: author.id, stance: cell.stance, explicit: cell.explicit, evidenceCount: cell.evidenceCount, note: cell.note });
    }
  }
  return positions;
}

/** Lookup tables over a map graph, built once by readers that follow references. */
export interface TMapGraphIndex {
  authors: Map<string, TMapAuthor>;
  sources: Map<string, TMapSource>;
  claims: Map<string, TMapClaim>;
  excerpts: Map<string, TMapExcerpt>;
  /** The author of each excerpt (through its source). */
  excerptAuthor: Map<string, string>;
  /** Evidence by excerpt, in the graph's order. */
  evidenceByExcerpt: Map<string, TMapEvidence[]>;
  /** Evidence by claim, in the graph's order. */
  evidenceByClaim: Map<string, TMapEvidence[]>;
}

/** Indexes a map graph by id. References to rows missing from the graph are simply absent. */
export function indexMapGraph(graph: TMapGraph): TMapGraphIndex {
  const sources = new Map(graph.sources.map((s) => [s.id, s]));
  const excerptAuthor = new Map<string, string>();
  for (const excerpt of graph.excerpts) {
    const source = sources.get(excerpt.sourceId);
    if (source) excerptAuthor.set(excerpt.id, source.authorId);
  }
  return {
    authors: new Map(graph.authors.map((a) => [a.id, a])),
    sources,
    claims: new Map(graph.claims.map((c) => [c.id, c])),
    excerpts: new Map(graph.excerpts.map((x) => [x.id, x])),
    excerptAuthor,
    evidenceByExcerpt: groupBy(graph.evidence, (e) => e.excerptId),
    evidenceByClaim: groupBy(graph.evidence, (e) => e.claimId),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
