/**
 * What "live" means, said once. People delete by setting `deletedAt` (so a delete can be undone),
 * and a row counts only while everything it hangs on counts too:
 * - a workspace, a claim, a source, a comment: not deleted itself;
 * - an excerpt: not deleted, not orphaned (a revision of its source's text no longer holds its
 *   quote: it waits to be re-attached, and counts nowhere meanwhile), and its source live — an
 *   orphan is still kept, and the native document (complete) carries it with its evidence;
 * - an evidence link: not deleted, its claim live and its excerpt live (so its source too);
 * - a link between claims: not deleted, and both claims live;
 * - a position set by hand: not deleted, and its claim live.
 * Authors are never deleted; one shows in a map while it has a live source.
 *
 * Reads say "live" only through this module: in SQL (`liveSql`, the same text for Prisma's tagged
 * queries and for the `pg` snapshot of the streamed exports) or as Prisma `where` objects
 * (`liveWhere`), so the rule changes here or nowhere. A test (live-rows.int.test.ts) holds the two
 * forms to the same rows. Writes that check one row before changing it may say `deletedAt: null`
 * themselves: they ask about that row, not about what a view shows.
 */
import { Prisma } from "./client";

const notDeleted = (alias: string) => `${alias}."deletedAt" is null`;

/** The rows that hang on nothing that can be deleted: live while not deleted themselves. */
const liveRow = { workspace: notDeleted, claim: notDeleted, source: notDeleted, comment: notDeleted };
/** An excerpt is placed in its source's current text: not orphaned by a revision of it. */
const placed = (alias: string) => `${alias}."orphanedAt" is null`;

/** Live excerpts `x` with their live source `s`. */
const LIVE_EXCERPTS = `("Excerpt" x join "Source" s on s.id = x."sourceId" and ${notDeleted("x")} and ${placed("x")} and ${liveRow.source("s")})`;
/** Excerpts `x` not deleted, placed or orphaned, with their live source `s`. */
const KEPT_EXCERPTS = `("Excerpt" x join "Source" s on s.id = x."sourceId" and ${notDeleted("x")} and ${liveRow.source("s")})`;
/** Evidence links `e` not deleted, with their live claim `c`. */
const EVIDENCE_ON_LIVE_CLAIMS = `("Evidence" e join "Claim" c on c.id = e."claimId" and ${notDeleted("e")} and ${liveRow.claim("c")})`;
/** Evidence links `e` not deleted, with their live excerpt `x` and its live source `s`. */
const EVIDENCE_OF_LIVE_EXCERPTS = `("Evidence" e join ${LIVE_EXCERPTS} on x.id = e."excerptId" and ${notDeleted("e")})`;

/**
 * SQL pieces. The single-row rules are conditions on the alias given; the others are FROM items
 * (joins in parentheses) whose aliases are fixed and named in their description, so the query
 * around one must not give those aliases to other tables it correlates with.
 */
export const liveSql = {
  /** Condition: the workspace `alias` is live. */
  workspace: (alias: string) => Prisma.raw(liveRow.workspace(alias)),
  /** Condition: the claim `alias` is live. */
  claim: (alias: string) => Prisma.raw(liveRow.claim(alias)),
  /** Condition: the source `alias` is live. */
  source: (alias: string) => Prisma.raw(liveRow.source(alias)),
  /** Condition: the comment `alias` is not deleted (a deleted thread start may still show as a placeholder). */
  comment: (alias: string) => Prisma.raw(liveRow.comment(alias)),
  /**
   * Condition: the evidence link `alias` is not deleted itself. Live evidence also needs its claim
   * and its excerpt live (`evidence`): for a query that looks those up itself.
   */
  evidenceItself: (alias: string) => Prisma.raw(notDeleted(alias)),
  /** FROM item: live excerpts `x`, each with its live source `s`. */
  excerpts: Prisma.raw(LIVE_EXCERPTS),
  /** FROM item: excerpts `x` not deleted but orphaned by a revision, each with its live source `s` (the gaps list them). */
  orphanedExcerpts: Prisma.raw(`("Excerpt" x join "Source" s on s.id = x."sourceId" and ${notDeleted("x")} and not ${placed("x")} and ${liveRow.source("s")})`),
  /**
   * FROM item: excerpts `x` kept in the map, placed or orphaned (live ones and `orphanedExcerpts`),
   * each with its live source `s`. Only the native document reads them: it is complete, so it
   * carries orphans to be placed again later; every view and every other export leaves them out.
   */
  keptExcerpts: Prisma.raw(KEPT_EXCERPTS),
  /**
   * FROM item: evidence links `e` not deleted, each with its live claim `c`, citing a kept excerpt
   * `x` (placed or orphaned) of a live source `s`: live evidence and an orphan's evidence, for the
   * native document as `keptExcerpts`.
   */
  keptEvidence: Prisma.raw(`(${EVIDENCE_ON_LIVE_CLAIMS} join ${KEPT_EXCERPTS} on x.id = e."excerptId")`),
  /** FROM item: live evidence links `e`, each with its live claim `c`, its live excerpt `x` and that excerpt's live source `s`. */
  evidence: Prisma.raw(`(${EVIDENCE_ON_LIVE_CLAIMS} join ${LIVE_EXCERPTS} on x.id = e."excerptId")`),
  /**
   * FROM item: evidence links `e` not deleted, on their live claim `c` — live evidence once their
   * excerpt is live, for a query that starts from a live excerpt (joining the excerpt and its
   * source again would cost a large map's gaps a third more).
   */
  evidenceOnLiveClaims: Prisma.raw(EVIDENCE_ON_LIVE_CLAIMS),
  /**
   * FROM item: evidence links `e` not deleted, citing a live excerpt `x` of a live source `s` —
   * live evidence once their claim is live, for a query whose rows are live claims already (the
   * matrix's and the graph outline's, which would otherwise join a large map's claims to its
   * 80,000 links for nothing).
   */
  evidenceOfLiveExcerpts: Prisma.raw(EVIDENCE_OF_LIVE_EXCERPTS),
  /** FROM item: live links `l` between claims, from the live claim `f` to the live claim `t`. */
  claimLinks: Prisma.raw(`("ClaimLink" l
    join "Claim" f on f.id = l."fromClaimId" and ${notDeleted("l")} and ${liveRow.claim("f")}
    join "Claim" t on t.id = l."toClaimId" and ${liveRow.claim("t")})`),
  /** FROM item: live positions set by hand `p`, each with its live claim `c`. */
  positions: Prisma.raw(`("Position" p join "Claim" c on c.id = p."claimId" and ${notDeleted("p")} and ${liveRow.claim("c")})`),
} as const;

const workspace = { deletedAt: null } satisfies Prisma.WorkspaceWhereInput;
const claim = { deletedAt: null } satisfies Prisma.ClaimWhereInput;
const source = { deletedAt: null } satisfies Prisma.SourceWhereInput;
const comment = { deletedAt: null } satisfies Prisma.CommentWhereInput;
/** A live source's excerpt not deleted, placed or orphaned: what its page lists (orphans apart). */
const excerptKeptOfLiveSource = { deletedAt: null } satisfies Prisma.ExcerptWhereInput;
const excerptOfLiveSource = { ...excerptKeptOfLiveSource, orphanedAt: null } satisfies Prisma.ExcerptWhereInput;
const excerpt = { ...excerptOfLiveSource, source } satisfies Prisma.ExcerptWhereInput;
const evidenceOnLiveClaims = { deletedAt: null, claim } satisfies Prisma.EvidenceWhereInput;
const evidence = { ...evidenceOnLiveClaims, excerpt } satisfies Prisma.EvidenceWhereInput;
const excerptKept = { ...excerptKeptOfLiveSource, source } satisfies Prisma.ExcerptWhereInput;
const evidenceKept = { ...evidenceOnLiveClaims, excerpt: excerptKept } satisfies Prisma.EvidenceWhereInput;
const claimLink = { deletedAt: null, fromClaim: claim, toClaim: claim } satisfies Prisma.ClaimLinkWhereInput;
const position = { deletedAt: null, claim } satisfies Prisma.PositionWhereInput;

/**
 * The same rules as Prisma `where` objects, to spread into a query's own conditions. Two are for
 * rows read under a parent already known to be live, where asking about the parent again would
 * cost a join per row (a source page's evidence took three times as long): `excerptOfLiveSource`
 * (a live source's excerpts) and `evidenceOnLiveClaims` (a live excerpt's evidence).
 * `excerptKeptOfLiveSource` adds a live source's orphaned excerpts (its page lists them apart);
 * `excerptKept` and `evidenceKept` are `liveSql.keptExcerpts` and `liveSql.keptEvidence`.
 */
export const liveWhere = { workspace, claim, source, comment, excerpt, excerptOfLiveSource, excerptKeptOfLiveSource, excerptKept, evidence, evidenceOnLiveClaims, evidenceKept, claimLink, position } as const;
