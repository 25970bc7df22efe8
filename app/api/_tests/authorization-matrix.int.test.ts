/**
 * Who may call what: every route handler under app/api, found on disk, called by each kind of
 * caller on a private workspace, and with ids borrowed from another workspace. The table below
 * must name every route and method, so a new route cannot ship without deciding who may call it.
 */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TRole } from "@/lib/domain/types";
import { createApiToken } from "@/lib/server/auth/api-tokens";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";

type THandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type TCaller = "anonymous" | "outsider" | TRole;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const CALLERS: readonly TCaller[] = ["anonymous", "outsider", "VIEWER", "COMMENTER", "EDITOR", "OWNER"];
const MEMBERS: readonly TCaller[] = ["VIEWER", "COMMENTER", "EDITOR", "OWNER"];
const COMMENTERS: readonly TCaller[] = ["COMMENTER", "EDITOR", "OWNER"];
const EDITORS: readonly TCaller[] = ["EDITOR", "OWNER"];
const SIGNED_IN: readonly TCaller[] = ["outsider", ...MEMBERS];

/** One request: the path params other than the workspace's slug, a query string, a body. */
interface TRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
}

/**
 * - workspace-read: a read of the private workspace (anonymous and outsiders 404, members by role).
 * - workspace-write: a change in it (anonymous 401, outsiders 404, a member whose role is short 403).
 * - account: the caller's own things, outside any workspace (anonymous 401).
 * - public: anyone, signed in or not.
 * - unknown: no such endpoint (404 for everyone).
 * - deleted-workspace: a deleted workspace (anonymous 401; to everyone but its owners it does not exist: 404).
 * - session-only: the caller's own things that an API token may not touch (anonymous 401; a token 403).
 */
type TKind = "workspace-read" | "workspace-write" | "account" | "public" | "unknown" | "deleted-workspace" | "session-only";

interface TRouteEntry {
  kind: TKind;
  /** Who may do it; everyone else is refused. */
  allowed: readonly TCaller[];
  /** The statuses an allowed caller gets with this request. */
  ok: readonly number[];
  /** A request that is valid for an allowed caller (made fresh for each call). */
  request: (caller: TCaller) => Promise<TRequest>;
  /**
   * Requests in workspace A naming objects of workspace B, made by an owner of A: refused with
   * `status` (404 unless said), or, for a filter, answered with `answer` (nothing of B).
   */
  borrowed?: (caller: TActor) => Promise<{ label: string; request: TRequest; status?: number; answer?: string }[]>;
  /** Puts back what an allowed call changed that the next requests rely on (A deleted, the owner's role). */
  after?: () => Promise<void>;
}

type TEntry = TRouteEntry | { excluded: string };

// ---------------------------------------------------------------------------------------------
// Fixtures, made once.

let actors: Record<Exclude<TCaller, "anonymous">, TActor>;
/** Owner of A and of B, who makes the objects the requests act on. */
let host: TActor;
/** Owner of A only: borrows B's ids without being a member of B. */
let soleOwner: TActor;
const A = { slug: "", id: "" };
const B = { slug: "", id: "" };
let joinInvite = "";
let endedSeminarId = "";
const a = { sourceId: "", authorId: "", secondAuthorId: "", claimId: "", excerptId: "" };
const b = {
  sourceId: "",
  authorId: "",
  claim: { id: "", version: 1 },
  otherClaimId: "",
  excerpt: { id: "", version: 1 },
  evidence: { id: "", version: 1 },
  comment: { id: "", version: 1 },
  link: { id: "", version: 1 },
  eventId: "",
  seminarId: "",
  roundId: "",
  inviteId: "",
  memberId: "",
};

const WORDS = Array.from({ length: 4000 }, (_, i) => `w${i}`);
const SOURCE_TEXT = WORDS.join(" ");
let nextWord = 0;
let serial = 0;

/** A passage of SOURCE_TEXT no excerpt has used yet, as a position selector. */
function freshPassage() {
  const i = nextWord++;
  const start = WORDS.slice(0, i).reduce((n, w) => n + w.length + 1, 0);
  return { start, end: start + WORDS[i].length, exact: WORDS[i] };
}

/** Calls the route `key` ("POST /api/workspaces/[slug]/claims") as `who`; setup must succeed. */
async function setup(key: string, who: TActor, slug: string, body?: unknown, params: Record<string, string> = {}) {
  const handler = ROUTES.get(key);
  if (!handler) throw new Error(`no route ${key}`);
  const result = await call(handler, { method: key.split(" ")[0], params: { slug, ...params }, body, headers: who.headers });
  if (result.status >= 300) throw new Error(`setup ${key}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

const newClaim = (who: TActor, slug = A.slug): Promise<{ id: string; version: number }> =>
  setup("POST /api/workspaces/[slug]/claims", who, slug, { text: `Claim number ${++serial}.` });
const newSource = (who: TActor, slug: string, author: string): Promise<{ id: string; authorId: string }> =>
  setup("POST /api/workspaces/[slug]/sources", who, slug, { title: `Source ${++serial}`, author: { name: author }, published: "2020", text: SOURCE_TEXT });
const newExcerpt = (
  who: TActor,
  slug = A.slug,
  sourceId = a.sourceId,
  claimId?: string,
): Promise<{ id: string; version: number; evidence: { id: string; version: number }[] }> =>
  setup("POST /api/workspaces/[slug]/excerpts", who, slug, { sourceId, selector: freshPassage(), evidence: claimId ? [{ claimId, stance: "SUPPORTS" }] : [] });
const newComment = (who: TActor, slug = A.slug, claimId = a.claimId): Promise<{ id: string; version: number }> =>
  setup("POST /api/workspaces/[slug]/comments", who, slug, { target: { type: "claim", id: claimId }, body: `Comment ${++serial}` });

/** The caller's own actor when their role may make the thing, else the host's. */
function maker(caller: TCaller, roles: readonly TCaller[]): TActor {
  return roles.includes(caller) && caller !== "anonymous" ? actors[caller] : host;
}

/** Ends any live session in A, so its editing lock or poll is not left to the next request. */
async function endLiveSessions() {
  await db().seminar.updateMany({ where: { workspaceId: A.id, endedAt: null }, data: { endedAt: new Date() } });
}

/** A live session in A facilitated by `facilitator`, with an open poll when asked. */
async function liveSession(facilitator: TActor, poll = false) {
  await endLiveSessions();
  const seminar = await db().seminar.create({ data: { workspaceId: A.id, facilitatorId: facilitator.userId } });
  if (poll) await db().poll.create({ data: { seminarId: seminar.id, claimId: a.claimId } });
  return seminar;
}

/** Closes every open coding round in A: an open one hides the map from its unfinished participants. */
async function closeOpenRounds() {
  await db().round.updateMany({ where: { workspaceId: A.id, closedAt: null }, data: { closedAt: new Date() } });
}

/**
 * A round in A run by `facilitator` on a fresh passage of A's claim; closed unless `open`, with the
 * commenter's and the editor's answer OPPOSES (a majority to adopt).
 */
async function makeRound(facilitator: TActor, open = false) {
  await closeOpenRounds();
  const excerpt = await newExcerpt(host);
  const round = await db().round.create({
    data: { workspaceId: A.id, title: `Round ${++serial}`, facilitatorId: facilitator.userId, items: { create: [{ position: 0, excerptId: excerpt.id, claimId: a.claimId }] } },
  });
  for (const coder of [actors.COMMENTER, actors.EDITOR].filter((c) => c.userId !== facilitator.userId)) {
    await db().roundAnswer.create({ data: { roundId: round.id, position: 0, userId: coder.userId, stance: "OPPOSES" } });
  }
  if (!open) await db().round.update({ where: { id: round.id }, data: { closedAt: new Date() } });
  return { id: round.id, excerptId: excerpt.id };
}

async function latestEventOf(entityId: string): Promise<string> {
  const event = await db().event.findFirstOrThrow({ where: { entityId }, orderBy: { id: "desc" } });
  return event.id.toString();
}

const KIALO = "Discussion Title: Imported for the matrix\n\n1. A thesis.\n1.1. Pro: A reason.\n";

// ---------------------------------------------------------------------------------------------
// The table: every route and method under app/api.

const W = "/api/workspaces/[slug]";

const TABLE: Record<string, TEntry> = {
  "GET /api/auth/[...all]": { excluded: "Better Auth's own endpoints (sign-up, sign-in, session); their limits have tests of their own" },
  "POST /api/auth/[...all]": { excluded: "Better Auth's own endpoints (sign-up, sign-in, session); their limits have tests of their own" },

  ...Object.fromEntries(
    METHODS.map((method) => [
      `${method} /api/[...path]`,
      { kind: "unknown", allowed: [], ok: [], request: async () => ({}) } satisfies TRouteEntry,
    ]),
  ),

  "GET /api/health": { kind: "public", allowed: CALLERS, ok: [200], request: async () => ({}) },
  "GET /api/workspaces": { kind: "public", allowed: CALLERS, ok: [200], request: async () => ({}) },
  "POST /api/workspaces": { kind: "account", allowed: SIGNED_IN, ok: [201], request: async () => ({ body: { title: `Made by a caller ${++serial}` } }) },
  "POST /api/workspaces/import": {
    kind: "account",
    allowed: SIGNED_IN,
    ok: [201],
    request: async () => ({ query: "format=kialo", rawBody: KIALO, contentType: "text/plain" }),
  },
  "POST /api/sources/extract": { kind: "account", allowed: SIGNED_IN, ok: [200], request: async () => ({ body: { html: "<title>A page</title><p>Some words.</p>" } }) },
  "GET /api/tokens": { kind: "account", allowed: SIGNED_IN, ok: [200], request: async () => ({}) },
  // Every caller here signs in with a token, and a token cannot make tokens (the session's way is tested in tokens.int.test.ts).
  "POST /api/tokens": { kind: "session-only", allowed: [], ok: [201], request: async () => ({ body: { name: "a script" } }) },
  "DELETE /api/tokens/[id]": {
    kind: "account",
    allowed: SIGNED_IN,
    ok: [200],
    request: async (caller) => ({ params: { id: (await createApiToken(db(), caller === "anonymous" ? host.userId : actors[caller].userId, "spare")).id } }),
  },
  // Deleting one's account: from a browser session only (tested with one in members.int.test.ts).
  "DELETE /api/account": { kind: "session-only", allowed: [], ok: [200], request: async (caller) => ({ body: { confirm: caller === "anonymous" ? "" : actors[caller].email } }) },
  "GET /api/invites/[token]": { kind: "public", allowed: CALLERS, ok: [200], request: async () => ({ params: { token: joinInvite } }) },
  "POST /api/invites/[token]/accept": { kind: "account", allowed: SIGNED_IN, ok: [200], request: async () => ({ params: { token: joinInvite } }) },

  // Reads of the workspace.
  ...Object.fromEntries(
    [
      ["matrix", ""],
      ["gaps", ""],
      ["sessions", ""],
      ["session", ""],
      ["search", "q=w12"],
    ].map(([name, query]) => [`GET ${W}/${name}`, { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({ query }) } satisfies TRouteEntry]),
  ),
  [`GET ${W}/compare`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ query: `authors=${a.authorId},${a.secondAuthorId}` }),
    borrowed: async () => [{ label: "B's author", request: { query: `authors=${a.authorId},${b.authorId}` } }],
  },
  [`GET ${W}/comments`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ query: `claimId=${a.claimId}` }),
    borrowed: async () => [{ label: "on B's claim", request: { query: `claimId=${b.claim.id}` } }],
  },
  [`GET ${W}/timeline`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({}),
    borrowed: async () => [{ label: "B's claim", request: { query: `claim=${b.claim.id}` } }],
  },
  [`GET ${W}/history`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({}),
    // entityId filters A's log: B's claim has no changes in it.
    borrowed: async () => [{ label: "B's claim", request: { query: `entityId=${b.claim.id}` }, status: 200, answer: JSON.stringify({ events: [], next: null }) }],
  },
  [`GET ${W}/export`]: { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({ query: "format=json" }) },
  [`GET ${W}/events`]: { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({}) },
  [`GET ${W}/claims/[id]`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: a.claimId } }),
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id } } }],
  },
  [`GET ${W}/claims/[id]/suggestions`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: a.claimId } }),
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id } } }],
  },
  [`GET ${W}/claims/[id]/vote`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: a.claimId } }),
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id } } }],
  },
  [`GET ${W}/sources/[id]`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: a.sourceId } }),
    borrowed: async () => [{ label: "B's source", request: { params: { id: b.sourceId } } }],
  },
  [`GET ${W}/sessions/[id]`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: endedSeminarId } }),
    borrowed: async () => [{ label: "B's session", request: { params: { id: b.seminarId } } }],
  },

  // A signed-in reader's whereabouts: a write of no content, allowed to anyone who may read.
  [`POST ${W}/presence`]: { kind: "workspace-write", allowed: MEMBERS, ok: [200], request: async () => ({ body: { clientId: `matrix-client-${randomUUID()}`, view: "matrix" } }) },

  // Changes that need an editor.
  [`POST ${W}/claims`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({ body: { text: `A claim of the matrix ${++serial}.` } }),
    borrowed: async () => [{ label: "after B's claim", request: { body: { text: "Placed after a borrowed claim.", after: b.claim.id } } }],
  },
  [`PATCH ${W}/claims/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const claim = await newClaim(host);
      return { params: { id: claim.id }, body: { version: claim.version, text: "Edited." } };
    },
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id }, body: { version: b.claim.version, text: "Edited from A." } } }],
  },
  [`DELETE ${W}/claims/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const claim = await newClaim(host);
      return { params: { id: claim.id }, body: { version: claim.version } };
    },
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id }, body: { version: b.claim.version } } }],
  },
  [`PUT ${W}/claims/order`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const claims = await db().claim.findMany({ where: { workspaceId: A.id, deletedAt: null }, orderBy: { rank: "desc" }, select: { id: true } });
      return { body: { order: claims.map((c) => c.id) } };
    },
    borrowed: async () => {
      const claims = await db().claim.findMany({ where: { workspaceId: A.id, deletedAt: null }, orderBy: { rank: "asc" }, select: { id: true } });
      // The order must list A's claims exactly once, so one with a claim of B is refused as invalid input.
      return [{ label: "A's claims and B's", request: { body: { order: [...claims.map((c) => c.id), b.claim.id] } }, status: 422 }];
    },
  },
  [`POST ${W}/sources`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({ body: { title: `A source ${++serial}`, author: { name: "Matrix Author" }, published: "2021", text: "Short text." } }),
  },
  [`POST ${W}/sources/[id]/annotations`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({
      params: { id: a.sourceId },
      body: { type: "Annotation", id: `urn:matrix:${++serial}`, target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: freshPassage().exact, prefix: " ", suffix: " " }] } },
    }),
    borrowed: async () => [
      { label: "B's source", request: { params: { id: b.sourceId }, body: { type: "Annotation", id: "urn:borrowed", target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "w3999" }] } } } },
    ],
  },
  [`POST ${W}/excerpts`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({ body: { sourceId: a.sourceId, selector: freshPassage(), evidence: [{ claimId: a.claimId, stance: "SUPPORTS" }] } }),
    borrowed: async () => [
      { label: "B's source", request: { body: { sourceId: b.sourceId, selector: freshPassage(), evidence: [] } } },
      { label: "evidence for B's claim", request: { body: { sourceId: a.sourceId, selector: freshPassage(), evidence: [{ claimId: b.claim.id, stance: "SUPPORTS" }] } } },
    ],
  },
  [`POST ${W}/excerpts/[id]/reattach`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const excerpt = await newExcerpt(host);
      await db().excerpt.update({ where: { id: excerpt.id }, data: { orphanedAt: new Date(), orphanReason: "the quote is no longer in the text" } });
      return { params: { id: excerpt.id }, body: { version: excerpt.version, selector: freshPassage() } };
    },
    borrowed: async () => [{ label: "B's excerpt", request: { params: { id: b.excerpt.id }, body: { version: b.excerpt.version, selector: freshPassage() } } }],
  },
  [`PATCH ${W}/sources/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const source = await newSource(host, A.slug, "Matrix Author");
      return { params: { id: source.id }, body: { version: 1, title: "Edited title", published: "2019-05" } };
    },
    borrowed: async () => [
      { label: "B's source", request: { params: { id: b.sourceId }, body: { version: 1, title: "Edited from A" } } },
      { label: "B's author", request: { params: { id: a.sourceId }, body: { version: 1, author: { id: b.authorId } } } },
    ],
  },
  [`DELETE ${W}/sources/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const source = await newSource(host, A.slug, "Matrix Author");
      return { params: { id: source.id }, body: { version: 1 } };
    },
    borrowed: async () => [{ label: "B's source", request: { params: { id: b.sourceId }, body: { version: 1 } } }],
  },
  [`GET ${W}/authors`]: { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({}) },
  [`PATCH ${W}/authors/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const source = await newSource(host, A.slug, `Matrix Author ${++serial}`);
      return { params: { id: source.authorId }, body: { version: 1, shortName: "Edited", affiliation: "An institute" } };
    },
    borrowed: async () => [{ label: "B's author", request: { params: { id: b.authorId }, body: { version: 1, shortName: "From A" } } }],
  },
  [`POST ${W}/authors/[id]/merge`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const from = await newSource(host, A.slug, `Matrix Author ${++serial}`);
      const into = await newSource(host, A.slug, `Matrix Author ${++serial}`);
      return { params: { id: from.authorId }, body: { version: 1, intoId: into.authorId, intoVersion: 1 } };
    },
    borrowed: async () => {
      const from = await newSource(host, A.slug, `Matrix Author ${++serial}`);
      return [
        { label: "B's author", request: { params: { id: b.authorId }, body: { version: 1, intoId: from.authorId, intoVersion: 1 } } },
        { label: "into B's author", request: { params: { id: from.authorId }, body: { version: 1, intoId: b.authorId, intoVersion: 1 } } },
      ];
    },
  },
  [`DELETE ${W}/excerpts/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const excerpt = await newExcerpt(host);
      return { params: { id: excerpt.id }, body: { version: excerpt.version } };
    },
    borrowed: async () => [{ label: "B's excerpt", request: { params: { id: b.excerpt.id }, body: { version: b.excerpt.version } } }],
  },
  [`POST ${W}/evidence`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => {
      const excerpt = await newExcerpt(host);
      return { body: { excerptId: excerpt.id, claimId: a.claimId, stance: "OPPOSES" } };
    },
    borrowed: async () => [
      { label: "B's excerpt", request: { body: { excerptId: b.excerpt.id, claimId: a.claimId, stance: "OPPOSES" } } },
      { label: "B's claim", request: { body: { excerptId: a.excerptId, claimId: b.claim.id, stance: "OPPOSES" } } },
    ],
  },
  [`PATCH ${W}/evidence/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const { evidence } = await newExcerpt(host, A.slug, a.sourceId, a.claimId);
      return { params: { id: evidence[0].id }, body: { version: evidence[0].version, stance: "QUALIFIES" } };
    },
    borrowed: async () => [{ label: "B's evidence", request: { params: { id: b.evidence.id }, body: { version: b.evidence.version, stance: "QUALIFIES" } } }],
  },
  [`DELETE ${W}/evidence/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const { evidence } = await newExcerpt(host, A.slug, a.sourceId, a.claimId);
      return { params: { id: evidence[0].id }, body: { version: evidence[0].version } };
    },
    borrowed: async () => [{ label: "B's evidence", request: { params: { id: b.evidence.id }, body: { version: b.evidence.version } } }],
  },
  [`POST ${W}/links`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({ body: { from: (await newClaim(host)).id, to: a.claimId, relation: "SUPPORTS" } }),
    borrowed: async () => [{ label: "to B's claim", request: { body: { from: a.claimId, to: b.claim.id, relation: "SUPPORTS" } } }],
  },
  [`DELETE ${W}/links/[id]`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const link = await setup(`POST ${W}/links`, host, A.slug, { from: (await newClaim(host)).id, to: a.claimId, relation: "OPPOSES" });
      return { params: { id: link.id }, body: { version: link.version } };
    },
    borrowed: async () => [{ label: "B's link", request: { params: { id: b.link.id }, body: { version: b.link.version } } }],
  },
  [`PUT ${W}/positions`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => ({ body: { claimId: (await newClaim(host)).id, authorId: a.authorId, stance: "SUPPORTS" } }),
    borrowed: async () => [
      { label: "B's claim", request: { body: { claimId: b.claim.id, authorId: a.authorId, stance: "SUPPORTS" } } },
      { label: "B's author", request: { body: { claimId: a.claimId, authorId: b.authorId, stance: "SUPPORTS" } } },
    ],
  },
  [`DELETE ${W}/positions`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async () => {
      const claimId = (await newClaim(host)).id;
      const position = await setup(`PUT ${W}/positions`, host, A.slug, { claimId, authorId: a.authorId, stance: "OPPOSES" });
      return { body: { claimId, authorId: a.authorId, version: position.version } };
    },
    borrowed: async () => {
      const position = await db().position.findFirstOrThrow({ where: { workspaceId: B.id } });
      return [{ label: "B's position", request: { body: { claimId: position.claimId, authorId: position.authorId, version: position.version } } }];
    },
  },
  [`POST ${W}/history/[eventId]/undo`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    // Editors undo their own changes, owners anyone's: the change is the caller's own when they may make it.
    request: async (caller) => ({ params: { eventId: await latestEventOf((await newClaim(maker(caller, EDITORS))).id) } }),
    borrowed: async () => [{ label: "B's change", request: { params: { eventId: b.eventId } } }],
  },

  // Comments and votes: commenters and up.
  [`POST ${W}/comments`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [201],
    request: async () => ({ body: { target: { type: "claim", id: a.claimId }, body: "A remark." } }),
    borrowed: async () => [
      { label: "on B's claim", request: { body: { target: { type: "claim", id: b.claim.id }, body: "A borrowed remark." } } },
      { label: "a reply to B's comment", request: { body: { target: { type: "claim", id: a.claimId }, body: "A borrowed reply.", parentId: b.comment.id } } },
    ],
  },
  // Only a comment's author edits it; the author or an owner deletes it; the thread's starter, an
  // editor or an owner resolves it. The comment is the caller's own when their role may comment.
  [`PATCH ${W}/comments/[id]`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async (caller) => {
      const comment = await newComment(maker(caller, COMMENTERS));
      return { params: { id: comment.id }, body: { version: comment.version, body: "Edited remark." } };
    },
    borrowed: async () => [{ label: "B's comment", request: { params: { id: b.comment.id }, body: { version: b.comment.version, body: "Edited from A." } } }],
  },
  [`DELETE ${W}/comments/[id]`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async (caller) => {
      const comment = await newComment(maker(caller, COMMENTERS));
      return { params: { id: comment.id }, body: { version: comment.version } };
    },
    borrowed: async () => [{ label: "B's comment", request: { params: { id: b.comment.id }, body: { version: b.comment.version } } }],
  },
  [`POST ${W}/comments/[id]/resolve`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async (caller) => {
      const comment = await newComment(maker(caller, COMMENTERS));
      return { params: { id: comment.id }, body: { version: comment.version, resolved: true } };
    },
    borrowed: async () => [{ label: "B's comment", request: { params: { id: b.comment.id }, body: { version: b.comment.version, resolved: true } } }],
  },
  [`PUT ${W}/claims/[id]/vote`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async () => ({ params: { id: a.claimId }, body: { choice: "AGREE" } }),
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id }, body: { choice: "AGREE" } } }],
  },
  [`DELETE ${W}/claims/[id]/vote`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async (caller) => {
      const voter = maker(caller, COMMENTERS);
      await db().vote.upsert({
        where: { claimId_userId: { claimId: a.claimId, userId: voter.userId } },
        create: { workspaceId: A.id, claimId: a.claimId, userId: voter.userId, choice: "DISAGREE" },
        update: {},
      });
      return { params: { id: a.claimId }, body: {} };
    },
    // The caller's own vote on B's claim (see beforeAll) may not be withdrawn through A.
    borrowed: async () => [{ label: "B's claim", request: { params: { id: b.claim.id }, body: {} } }],
  },

  // The live session: owners and editors start one; its facilitator steers it and runs polls;
  // the facilitator or an owner ends it; commenters and up answer a poll.
  [`POST ${W}/session`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => {
      await endLiveSessions();
      return { body: {} };
    },
    borrowed: async () => {
      await endLiveSessions();
      return [{ label: "spotlighting B's claim", request: { body: { spotlightClaimId: b.claim.id } } }];
    },
  },
  [`PATCH ${W}/session`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async (caller) => {
      await liveSession(maker(caller, EDITORS));
      return { body: { spotlightClaimId: a.claimId } };
    },
    borrowed: async (caller) => {
      await liveSession(caller);
      return [{ label: "spotlighting B's claim", request: { body: { spotlightClaimId: b.claim.id } } }];
    },
  },
  [`POST ${W}/session/end`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async (caller) => {
      await liveSession(maker(caller, EDITORS));
      return { body: {} };
    },
  },
  [`POST ${W}/session/poll`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async (caller) => {
      await liveSession(maker(caller, EDITORS));
      return { body: { claimId: a.claimId } };
    },
    borrowed: async (caller) => {
      await liveSession(caller);
      return [{ label: "on B's claim", request: { body: { claimId: b.claim.id } } }];
    },
  },
  [`PATCH ${W}/session/poll`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async (caller) => {
      await liveSession(maker(caller, EDITORS), true);
      return { body: { action: "close" } };
    },
  },
  [`POST ${W}/session/poll/ballot`]: {
    kind: "workspace-write",
    allowed: COMMENTERS,
    ok: [200],
    request: async () => {
      await liveSession(host, true);
      return { body: { choice: "UNSURE" } };
    },
  },

  // Coding rounds: owners and editors run them (the facilitator, or an owner, closes and adopts);
  // commenters and editors other than the facilitator answer; everyone who reads sees a round.
  [`GET ${W}/rounds`]: { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({}) },
  [`POST ${W}/rounds`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [201],
    request: async () => ({ body: { title: `A round ${++serial}`, items: [{ excerptId: a.excerptId, claimId: a.claimId }] } }),
    borrowed: async () => [
      { label: "B's passage", request: { body: { title: "Borrowed", items: [{ excerptId: b.excerpt.id, claimId: a.claimId }] } }, status: 422 },
      { label: "B's claim", request: { body: { title: "Borrowed", items: [{ excerptId: a.excerptId, claimId: b.claim.id }] } }, status: 422 },
    ],
  },
  [`GET ${W}/rounds/[id]`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: (await makeRound(host)).id } }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId } } }],
  },
  [`GET ${W}/rounds/[id]/agreement`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: (await makeRound(host)).id } }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId } } }],
  },
  [`GET ${W}/rounds/[id]/export`]: {
    kind: "workspace-read",
    allowed: MEMBERS,
    ok: [200],
    request: async () => ({ params: { id: (await makeRound(host)).id }, query: "format=csv" }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId }, query: "format=json" } }],
  },
  [`PUT ${W}/rounds/[id]/answers`]: {
    kind: "workspace-write",
    allowed: ["COMMENTER", "EDITOR"],
    ok: [200],
    request: async () => ({ params: { id: (await makeRound(host, true)).id }, body: { answers: [{ item: 0, stance: "SUPPORTS" }] } }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId }, body: { answers: [{ item: 0, stance: "SUPPORTS" }] } } }],
  },
  [`POST ${W}/rounds/[id]/close`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async (caller) => ({ params: { id: (await makeRound(maker(caller, EDITORS), true)).id }, body: {} }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId }, body: {} } }],
  },
  [`POST ${W}/rounds/[id]/adopt`]: {
    kind: "workspace-write",
    allowed: EDITORS,
    ok: [200],
    request: async (caller) => ({ params: { id: (await makeRound(maker(caller, EDITORS))).id }, body: { item: 0 } }),
    borrowed: async () => [{ label: "B's round", request: { params: { id: b.roundId }, body: { item: 0 } } }],
  },

  // Owners only.
  [`POST ${W}/invites`]: { kind: "workspace-write", allowed: ["OWNER"], ok: [201], request: async () => ({ body: { role: "VIEWER" } }) },
  [`GET ${W}/invites`]: { kind: "workspace-read", allowed: ["OWNER"], ok: [200], request: async () => ({}) },
  [`DELETE ${W}/invites/[id]`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ params: { id: (await db().invite.create({ data: { workspaceId: A.id, role: "VIEWER", tokenHash: `matrix-${randomUUID()}`, expiresAt: new Date(Date.now() + 3600_000), maxUses: 5 } })).id } }),
    borrowed: async () => [{ label: "B's invite link", request: { params: { id: b.inviteId } } }],
  },
  [`GET ${W}/members`]: { kind: "workspace-read", allowed: ["OWNER"], ok: [200], request: async () => ({}) },
  [`PATCH ${W}/members/[userId]`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ params: { userId: (await createActor(A.slug, "VIEWER", "Spare")).userId }, body: { role: "COMMENTER" } }),
    borrowed: async () => [{ label: "a member of B only", request: { params: { userId: b.memberId }, body: { role: "VIEWER" } } }],
  },
  // Removing someone else: owners only (leaving, a member removing themselves, is tested in members.int.test.ts).
  [`DELETE ${W}/members/[userId]`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ params: { userId: (await createActor(A.slug, "VIEWER", "Spare")).userId } }),
    borrowed: async () => [{ label: "a member of B only", request: { params: { userId: b.memberId } } }],
  },
  [`POST ${W}/transfer`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ body: { userId: (await createActor(A.slug, "EDITOR", "Successor")).userId } }),
    borrowed: async () => [{ label: "a member of B only", request: { body: { userId: b.memberId } } }],
    after: async () => {
      await db().member.update({ where: { workspaceId_userId: { workspaceId: A.id, userId: actors.OWNER.userId } }, data: { role: "OWNER" } });
    },
  },
  [`GET ${W}`]: { kind: "workspace-read", allowed: MEMBERS, ok: [200], request: async () => ({}) },
  [`PATCH ${W}`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ body: { version: (await db().workspace.findUniqueOrThrow({ where: { id: A.id } })).version, description: `Described ${++serial}` } }),
  },
  [`DELETE ${W}`]: {
    kind: "workspace-write",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => ({ body: { confirm: "Authorization matrix A" } }),
    after: async () => {
      await db().workspace.update({ where: { id: A.id }, data: { deletedAt: null } });
    },
  },
  [`POST ${W}/restore`]: {
    kind: "deleted-workspace",
    allowed: ["OWNER"],
    ok: [200],
    request: async () => {
      await db().workspace.update({ where: { id: A.id }, data: { deletedAt: new Date() } });
      return {};
    },
    after: async () => {
      await db().workspace.update({ where: { id: A.id }, data: { deletedAt: null } });
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The routes on disk.

const API_DIR = path.resolve(import.meta.dirname, "..");

/** "/api/workspaces/[slug]/claims" for each route.ts under app/api. */
function findRouteFiles(dir = API_DIR): { route: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    if (entry.name !== "route.ts") return [];
    const relative = path.relative(API_DIR, dir).split(path.sep).join("/");
    return [{ route: relative ? `/api/${relative}` : "/api", file: full }];
  });
}

const ROUTES = new Map<string, THandler>();
for (const { route, file } of findRouteFiles()) {
  const module = (await import(file)) as Record<string, unknown>;
  for (const method of METHODS) if (typeof module[method] === "function") ROUTES.set(`${method} ${route}`, module[method] as THandler);
}

/** The status a refused caller gets, by the rules of authorize and requireWriter. */
function refusal(kind: TKind, caller: TCaller): number {
  if (kind === "unknown") return 404;
  if (kind === "deleted-workspace") return caller === "anonymous" ? 401 : 404;
  if (kind === "session-only") return caller === "anonymous" ? 401 : 403;
  if (caller === "anonymous") return kind === "workspace-read" ? 404 : 401;
  if (caller === "outsider") return 404;
  return 403;
}

const HEADERS_OF_ANONYMOUS = { "content-type": "application/json" };

/** Runs one request as `who`; an event stream is cut off once its status is known. */
async function send(key: string, who: TActor | null, slug: string, request: TRequest): Promise<{ status: number; text: string }> {
  const [method, route] = key.split(" ");
  const controller = new AbortController();
  const headers: Record<string, string> = { ...(who ? who.headers : HEADERS_OF_ANONYMOUS) };
  if (request.contentType) headers["content-type"] = request.contentType;
  const init: RequestInit = { method, headers, signal: controller.signal };
  if (request.rawBody !== undefined) init.body = request.rawBody;
  else if (method !== "GET") init.body = JSON.stringify(request.body ?? {});
  const pathname = route.replace("[slug]", slug);
  const url = `http://localhost${pathname}${request.query ? `?${request.query}` : ""}`;
  const response = await ROUTES.get(key)!(new Request(url, init), { params: Promise.resolve({ slug, ...request.params }) });
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, text: "(event stream)" };
  }
  return { status: response.status, text: (await response.text()).slice(0, 300) };
}

let cases = 0;
const routesChecked = new Set<string>();

beforeAll(async () => {
  host = await createActor(null, null, "Host");
  A.slug = (await setup("POST /api/workspaces", host, "", { title: "Authorization matrix A", visibility: "PRIVATE" })).slug;
  B.slug = (await setup("POST /api/workspaces", host, "", { title: "Authorization matrix B", visibility: "PRIVATE" })).slug;
  A.id = (await db().workspace.findUniqueOrThrow({ where: { slug: A.slug } })).id;
  B.id = (await db().workspace.findUniqueOrThrow({ where: { slug: B.slug } })).id;
  actors = {
    outsider: await createActor(null, null, "Outsider"),
    VIEWER: await createActor(A.slug, "VIEWER", "Viewer"),
    COMMENTER: await createActor(A.slug, "COMMENTER", "Commenter"),
    EDITOR: await createActor(A.slug, "EDITOR", "Editor"),
    OWNER: await createActor(A.slug, "OWNER", "Owner"),
  };
  soleOwner = await createActor(A.slug, "OWNER", "Sole owner");
  await db().member.create({ data: { workspaceId: B.id, userId: actors.OWNER.userId, role: "OWNER" } });

  const source = await newSource(host, A.slug, "First Author");
  Object.assign(a, { sourceId: source.id, authorId: source.authorId, secondAuthorId: (await newSource(host, A.slug, "Second Author")).authorId });
  a.claimId = (await newClaim(host)).id;
  a.excerptId = (await newExcerpt(host, A.slug, a.sourceId, a.claimId)).id;
  const seminar = await db().seminar.create({ data: { workspaceId: A.id, facilitatorId: host.userId, endedAt: new Date() } });
  endedSeminarId = seminar.id;

  // B's objects are made by A's OWNER where they can be, so a missing workspace check would let
  // them through rather than fail on authorship.
  const owner = actors.OWNER;
  const bSource = await newSource(owner, B.slug, "B Author");
  Object.assign(b, { sourceId: bSource.id, authorId: bSource.authorId });
  b.claim = await newClaim(owner, B.slug);
  b.eventId = await latestEventOf(b.claim.id);
  b.otherClaimId = (await newClaim(owner, B.slug)).id;
  const bExcerpt = await newExcerpt(owner, B.slug, b.sourceId, b.claim.id);
  b.excerpt = bExcerpt;
  b.evidence = bExcerpt.evidence[0];
  b.comment = await newComment(owner, B.slug, b.claim.id);
  b.link = await setup(`POST ${W}/links`, owner, B.slug, { from: b.otherClaimId, to: b.claim.id, relation: "SUPPORTS" });
  await setup(`PUT ${W}/positions`, owner, B.slug, { claimId: b.claim.id, authorId: b.authorId, stance: "SUPPORTS" });
  for (const voter of [owner, soleOwner]) await db().vote.create({ data: { workspaceId: B.id, claimId: b.claim.id, userId: voter.userId, choice: "AGREE" } });
  b.seminarId = (await db().seminar.create({ data: { workspaceId: B.id, facilitatorId: owner.userId, endedAt: new Date() } })).id;
  b.roundId = (
    await db().round.create({ data: { workspaceId: B.id, title: "B's round", facilitatorId: owner.userId, items: { create: [{ position: 0, excerptId: b.excerpt.id, claimId: b.claim.id }] } } })
  ).id;
  b.inviteId = (await setup(`POST ${W}/invites`, owner, B.slug, { role: "VIEWER" })).id;
  b.memberId = (await createActor(B.slug, "VIEWER", "Member of B")).userId;

  const joinSlug = (await setup("POST /api/workspaces", host, "", { title: "Authorization matrix join", visibility: "PRIVATE" })).slug;
  joinInvite = (await setup(`POST ${W}/invites`, host, joinSlug, { role: "VIEWER", maxUses: 1000 })).token;
});

afterAll(async () => {
  await endLiveSessions();
  await closeOpenRounds();
  console.log(`authorization matrix: ${cases} cases over ${routesChecked.size} routes`);
});

describe("the authorization matrix", () => {
  it("has an entry for every route handler under app/api, and none for a route that does not exist", () => {
    const onDisk = [...ROUTES.keys()].sort();
    const inTable = Object.keys(TABLE).sort();
    expect(onDisk.filter((key) => !(key in TABLE)), "routes without an entry").toEqual([]);
    expect(inTable.filter((key) => !ROUTES.has(key)), "entries without a route").toEqual([]);
    expect(onDisk.length).toBeGreaterThan(50);
  });

  for (const [key, entry] of Object.entries(TABLE)) {
    if ("excluded" in entry) continue;
    const inWorkspace = key.includes("[slug]");

    it(`${key}: each caller on a private workspace`, async () => {
      for (const caller of CALLERS) {
        await endLiveSessions();
        await closeOpenRounds();
        const request = await entry.request(caller);
        const who = caller === "anonymous" ? null : actors[caller];
        const slug = inWorkspace ? A.slug : "";
        const label = `${key} as ${caller}`;
        if (entry.allowed.includes(caller)) {
          const result = await send(key, who, slug, request);
          expect(entry.ok, `${label}: ${result.status} ${result.text}`).toContain(result.status);
        } else {
          const expected = refusal(entry.kind, caller);
          const result = key.startsWith("GET ") ? await send(key, who, slug, request) : await expectNoWrites(() => send(key, who, slug, request));
          expect(result.status, `${label}: ${result.text}`).toBe(expected);
        }
        await entry.after?.();
        cases++;
      }
      routesChecked.add(key);
    });

    if (entry.borrowed) {
      it(`${key}: ids of another workspace are not found`, async () => {
        for (const [who, membership] of [
          [actors.OWNER, "an owner of B too"],
          [soleOwner, "not a member of B"],
        ] as const) {
          await closeOpenRounds();
          for (const { label, request, status, answer } of await entry.borrowed!(who)) {
            const result = await expectNoWrites(() => send(key, who, A.slug, request));
            expect(result.status, `${key} with ${label}, caller ${membership}: ${result.text}`).toBe(status ?? 404);
            if (answer !== undefined) expect(result.text).toBe(answer);
            cases++;
          }
        }
      });
    }
  }

  it("DELETE /api/tokens/[id]: another user's token is not found and keeps working", async () => {
    const other = await createApiToken(db(), actors.outsider.userId, "someone else's");
    for (const who of [actors.OWNER, actors.VIEWER]) {
      const result = await send("DELETE /api/tokens/[id]", who, "", { params: { id: other.id } });
      expect(result.status, result.text).toBe(404);
      cases++;
    }
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
  });
});
