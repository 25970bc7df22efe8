/**
 * The synthetic large workspace of the performance budgets (docs: DESIGN.md, "Performance
 * budgets"): 200 sources (≈5 MB of text), 50 authors, 1,000 claims, 50,000 excerpts, 80,000
 * evidence links, a few hundred claim links and 20,000 comments by 40 commenters (threads on
 * claims, evidence links and excerpts, some with replies, some resolved, a few deleted), written
 * with bulk SQL through `pg` in one transaction. Text and structure come from a seeded PRNG, so
 * every run builds the same map (only the row ids differ).
 * Source passages and words for search are written by the database's trigger on "Source", as
 * for every other way a source is created.
 *
 * Standalone: `DATABASE_URL=… tsx bench/generate-large.ts [slug]`.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export interface GenerateLargeOptions {
  slug?: string;
  /** PRNG seed; the same seed gives the same texts, dates, excerpts and links. */
  seed?: number;
  /** Other sizes than the budgets' (tests use a smaller map of the same kind). */
  shape?: Partial<TLargeShape>;
  /**
   * Evidence given to the claims in turn (the i-th link to claim i mod claims) instead of to
   * random claims, so that with as many links as excerpts every claim has exactly
   * evidence / claims passages (the side-by-side maps: 200 claims × 4 quotes).
   */
  evenEvidence?: boolean;
  log?: (message: string) => void;
}

export interface GenerateLargeResult {
  created: boolean;
  workspaceId: string;
  /** Wall time of the whole call (text generation + inserts + commit + analyze), ms. */
  ms: number;
  counts: { authors: number; sources: number; textBytes: number; claims: number; excerpts: number; evidence: number; claimLinks: number; comments: number };
}

export const LARGE_SHAPE = {
  authors: 50,
  sourcesPerAuthor: 4,
  /** Target characters per source text (≈25 KB; 200 sources ≈ 5 MB). */
  sourceChars: 25_000,
  claims: 1_000,
  excerpts: 50_000,
  evidence: 80_000,
  claimLinks: 300,
  comments: 20_000,
  commenters: 40,
} as const;

export type TLargeShape = { [K in keyof typeof LARGE_SHAPE]: number };

const BATCH = 5_000;
const QUOTE_CONTEXT = 32;

// ---------------------------------------------------------------- deterministic text

/** mulberry32: small, fast, good enough for synthetic data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1)); // inclusive
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const WORDS = (
  "the of and to in a that is for on as with by this it be are was from at which not or an have has " +
  "their its but more than can will would could should may might also these those other such between " +
  "policy power security regional cooperation organization member states china russia india pakistan " +
  "central asia influence strategy economic trade energy military exercises summit declaration charter " +
  "framework institution consensus sovereignty interference terrorism extremism separatism stability " +
  "border dispute alliance bloc counterweight west western order multipolar rivalry balance leverage " +
  "pipeline investment infrastructure corridor belt road bank fund loan market connectivity railway " +
  "diplomacy dialogue partner observer accession enlargement secretariat council ministers leaders " +
  "analysts argue suggest contend observe note claim doubt question evidence record outcome result " +
  "limited modest significant growing declining persistent uneven formal informal practical symbolic " +
  "capacity ambition interest priority concern threat challenge opportunity constraint pressure " +
  "government officials experts scholars observers critics supporters commentators journalists report " +
  "years decade period since during after before while although however therefore moreover instead " +
  "because despite within across beyond among toward against without under over through around " +
  "shared common joint collective mutual bilateral multilateral global local national domestic " +
  "agenda statement meeting session forum conference initiative program project mechanism structure " +
  "remains became seems appears reflects reveals shows indicates implies depends relies rests " +
  "largely mostly partly rarely often seldom increasingly broadly narrowly deeply openly quietly " +
  "value norm principle rule law right interest identity legitimacy authority credibility trust"
).split(" ");

const TITLE_WORDS = "Order Power Balance Limits Promise Future Illusion Rise Logic Politics Anatomy Reckoning Shadow Test Question Making Myth".split(" ");
const TITLE_TOPICS = "Regional Security|Eurasian Integration|the Shanghai Spirit|Central Asian Energy|Border Diplomacy|Multipolar Ambition|Counter-Terrorism Cooperation|Institutional Enlargement|Economic Connectivity|Great-Power Rivalry".split("|");
const FIRST = "Alina Boris Chen Dmitri Elena Farhod Gulnara Hiroshi Irina Jamshid Katarzyna Li Marat Nadia Oleg Priya Rustam Sergei Tanvir Ulrike Viktor Wen Xenia Yusuf Zarina".split(" ");
const LAST = "Abdullaev Baranova Castell Dawson Ermekov Fischer Gupta Haider Ivanova Jiang Kaminski Lindqvist Moreau Nazarov Okafor Petrov Qureshi Rahimov Sato Tursunov Usmanov Volkova Weber Yamada Zhao".split(" ");
const AFFILIATIONS = ["Carnegie Moscow Center", "ECFR", "RUSI", "Valdai Club", "SIPRI", "Chatham House", "IISS", "CSIS", null, null];
const PUBLICATIONS = ["Foreign Affairs", "The Diplomat", "Survival", "Asia Policy", "Europe-Asia Studies", "Central Asian Survey", "War on the Rocks", null];
const TAGS = ["security", "economy", "energy", "enlargement", "russia", "china", "india", "terrorism", "norms", "institutions"];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(rng: Rng, minWords = 8, maxWords = 24): string {
  const n = rng.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = rng.pick(WORDS);
    if (i > 2 && i < n - 2 && rng.next() < 0.07) w += ",";
    words.push(w);
  }
  words[0] = capitalise(words[0]);
  return words.join(" ") + (rng.next() < 0.05 ? "?" : ".");
}

/** Paragraphs of 3–8 sentences, "\n\n" between them, until about `chars` characters. */
function sourceText(rng: Rng, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const n = rng.int(3, 8);
    for (let i = 0; i < n; i++) sentences.push(sentence(rng));
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// ---------------------------------------------------------------- the workspace in memory

interface Plan {
  authors: { id: string; name: string; shortName: string; affiliation: string | null }[];
  sources: { id: string; authorId: string; title: string; publication: string | null; publishedOn: string; precision: "YEAR" | "MONTH" | "DAY"; url: string; text: string }[];
  claims: { id: string; text: string; tags: string[]; rank: number }[];
  links: { fromClaimId: string; toClaimId: string; relation: "SUPPORTS" | "OPPOSES" }[];
  excerpts: { id: string; sourceId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[];
  evidence: { id: string; excerptId: string; claimId: string; stance: "SUPPORTS" | "OPPOSES" | "QUALIFIES"; voice: "AUTHOR" | "REPORTED" }[];
  commenters: { id: string; name: string }[];
  comments: {
    id: string;
    claimId: string | null;
    excerptId: string | null;
    evidenceId: string | null;
    parentId: string | null;
    authorId: string;
    body: string;
    createdAt: string;
    deletedAt: string | null;
    resolvedAt: string | null;
    resolvedById: string | null;
  }[];
}

function plan(seed: number, shape: TLargeShape, evenEvidence = false): Plan {
  const rng = prng(seed);

  const authors: Plan["authors"] = [];
  const names = new Set<string>();
  while (authors.length < shape.authors) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const name = `${first} ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    authors.push({ id: randomUUID(), name, shortName: `${first.charAt(0)}. ${last}`, affiliation: rng.pick(AFFILIATIONS) });
  }

  const precisions = ["YEAR", "MONTH", "DAY"] as const;
  const sources: Plan["sources"] = [];
  for (const author of authors) {
    for (let i = 0; i < shape.sourcesPerAuthor; i++) {
      const year = rng.int(2000, 2024);
      const precision = rng.pick(precisions);
      const month = precision === "YEAR" ? 1 : rng.int(1, 12);
      const day = precision === "DAY" ? rng.int(1, 28) : 1;
      const chars = rng.int(Math.round(shape.sourceChars * 0.8), Math.round(shape.sourceChars * 1.2));
      const n = sources.length + 1;
      sources.push({
        id: randomUUID(),
        authorId: author.id,
        title: `The ${rng.pick(TITLE_WORDS)} of ${rng.pick(TITLE_TOPICS)} (${n})`,
        publication: rng.pick(PUBLICATIONS),
        publishedOn: `${year}-${pad(month)}-${pad(day)}`,
        precision,
        url: `https://example.org/bench/source-${n}`,
        text: sourceText(rng, chars),
      });
    }
  }

  const claims: Plan["claims"] = [];
  for (let rank = 1; rank <= shape.claims; rank++) {
    const tags = [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(TAGS)))];
    claims.push({ id: randomUUID(), text: sentence(rng, 8, 20), tags, rank });
  }

  const links: Plan["links"] = [];
  const linkKeys = new Set<string>();
  while (links.length < shape.claimLinks) {
    const from = rng.int(0, claims.length - 1);
    const to = rng.int(0, claims.length - 1);
    if (from === to || linkKeys.has(`${from}:${to}`)) continue;
    linkKeys.add(`${from}:${to}`);
    links.push({ fromClaimId: claims[from].id, toClaimId: claims[to].id, relation: rng.next() < 0.6 ? "SUPPORTS" : "OPPOSES" });
  }

  // Excerpts: spread evenly over the sources; each starts after a space and ends before one, so
  // it reads like a passage someone selected (whole words, 40–320 characters).
  const excerpts: Plan["excerpts"] = [];
  const perSource = shape.excerpts / sources.length;
  for (let i = 0; i < shape.excerpts; i++) {
    const source = sources[Math.floor(i / perSource)];
    const text = source.text;
    let start = rng.int(0, text.length - 400);
    const space = text.indexOf(" ", start);
    start = space === -1 ? start : space + 1;
    let end = Math.min(text.length, start + rng.int(40, 320));
    const before = text.lastIndexOf(" ", end);
    if (before > start + 20) end = before;
    const exact = text.slice(start, end);
    excerpts.push({
      id: randomUUID(),
      sourceId: source.id,
      start,
      end,
      exact,
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    });
  }

  // Evidence: every excerpt is cited once, the rest cite random excerpts again (a passage can back
  // several claims). Stances weighted towards SUPPORTS/OPPOSES; ~15 % REPORTED voice.
  const evidence: Plan["evidence"] = [];
  for (let i = 0; i < shape.evidence; i++) {
    const excerpt = i < excerpts.length ? excerpts[i] : excerpts[rng.int(0, excerpts.length - 1)];
    const r = rng.next();
    const stance = r < 0.45 ? "SUPPORTS" : r < 0.8 ? "OPPOSES" : "QUALIFIES";
    evidence.push({ id: randomUUID(), excerptId: excerpt.id, claimId: claims[evenEvidence ? i % claims.length : rng.int(0, claims.length - 1)].id, stance, voice: rng.next() < 0.85 ? "AUTHOR" : "REPORTED" });
  }

  // Comments: 70 % start threads — half on claims, a third on evidence links, the rest on
  // excerpts — and 30 % reply to one of them; a fifth of the threads are resolved and 2 % of all
  // comments deleted. Times run over the last year, replies after their thread.
  const commenters: Plan["commenters"] = Array.from({ length: LARGE_SHAPE.commenters }, (_, i) => ({ id: randomUUID(), name: `${rng.pick(FIRST)} ${rng.pick(LAST)} (${i + 1})` }));
  const comments: Plan["comments"] = [];
  const roots = Math.round(LARGE_SHAPE.comments * 0.7);
  const yearAgo = Date.UTC(2025, 10, 26);
  const at = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < LARGE_SHAPE.comments; i++) {
    const author = rng.pick(commenters);
    const body = sentence(rng, 6, 40) + (rng.next() < 0.1 ? ` See https://example.org/notes/${i}.` : "");
    const deleted = rng.next() < 0.02;
    if (i < roots) {
      const r = rng.next();
      const target = r < 0.5 ? { claimId: rng.pick(claims).id, excerptId: null, evidenceId: null } : r < 0.83 ? { claimId: null, excerptId: null, evidenceId: rng.pick(evidence).id } : { claimId: null, excerptId: rng.pick(excerpts).id, evidenceId: null };
      const created = yearAgo + rng.int(0, 300) * 86_400_000 + rng.int(0, 86_399) * 1000;
      const resolved = rng.next() < 0.2;
      comments.push({ id: randomUUID(), ...target, parentId: null, authorId: author.id, body, createdAt: at(created), deletedAt: deleted ? at(created + 3_600_000) : null, resolvedAt: resolved ? at(created + 86_400_000) : null, resolvedById: resolved ? rng.pick(commenters).id : null });
    } else {
      const root = comments[rng.int(0, roots - 1)];
      const created = Date.parse(root.createdAt) + rng.int(60, 30 * 86_400) * 1000;
      comments.push({ id: randomUUID(), claimId: root.claimId, excerptId: root.excerptId, evidenceId: root.evidenceId, parentId: root.id, authorId: author.id, body, createdAt: at(created), deletedAt: deleted ? at(created + 3_600_000) : null, resolvedAt: null, resolvedById: null });
    }
  }

  return { authors, sources, claims, links, excerpts, evidence, commenters, comments };
}

// ---------------------------------------------------------------- writing it

function column<T, K extends keyof T>(rows: readonly T[], key: K): T[K][] {
  return rows.map((row) => row[key]);
}

async function inBatches<T>(rows: readonly T[], size: number, write: (batch: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Creates the large workspace `slug` (default "bench-large") unless it exists. Safe to call twice
 * and from two processes at once (an advisory lock serialises them, as the demo seed does).
 */
export async function generateLargeWorkspace(databaseUrl: string, options: GenerateLargeOptions = {}): Promise<GenerateLargeResult> {
  const slug = options.slug ?? "bench-large";
  const log = options.log ?? (() => {});
  const started = performance.now();
  const empty = { authors: 0, sources: 0, textBytes: 0, claims: 0, excerpts: 0, evidence: 0, claimLinks: 0, comments: 0 };

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    let committed = false;
    try {
      await client.query("select pg_advisory_xact_lock(hashtext($1))", [`seed:${slug}`]);
      const existing = await client.query<{ id: string }>(`select id from "Workspace" where slug = $1`, [slug]);
      if (existing.rowCount) {
        await client.query("rollback");
        committed = true;
        log(`[bench] workspace '${slug}' exists; not generating it again`);
        return { created: false, workspaceId: existing.rows[0].id, ms: performance.now() - started, counts: empty };
      }

      const data = plan(options.seed ?? 20261125, { ...LARGE_SHAPE, ...options.shape }, options.evenEvidence);
      const textBytes = data.sources.reduce((sum, s) => sum + Buffer.byteLength(s.text, "utf8"), 0);
      log(`[bench] planned '${slug}' in ${Math.round(performance.now() - started)} ms (${(textBytes / 1e6).toFixed(2)} MB of source text)`);

      const workspaceId = randomUUID();
      await client.query(
        `insert into "Workspace" (id, slug, title, description, visibility, "updatedAt") values ($1, $2, $3, $4, 'PUBLIC', now())`,
        [workspaceId, slug, "Benchmark: large synthetic map", "Synthetic workspace generated by bench/generate-large.ts for the performance budgets."],
      );

      await client.query(
        `insert into "Author" (id, "workspaceId", name, "shortName", affiliation)
         select id, $1::uuid, name, short, aff from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as t(id, name, short, aff)`,
        [workspaceId, column(data.authors, "id"), column(data.authors, "name"), column(data.authors, "shortName"), column(data.authors, "affiliation")],
      );

      // Sources carry ~25 KB each: 50 per statement keeps every statement near 1 MB.
      await inBatches(data.sources, 50, (batch) =>
        client.query(
          `insert into "Source" (id, "workspaceId", "authorId", title, publication, "publishedOn", "publishedPrecision", url, text, "updatedAt")
           select id, $1::uuid, author, title, pub, published, precision::"DatePrecision", url, body, now()
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[])
             as t(id, author, title, pub, published, precision, url, body)`,
          [
            workspaceId,
            column(batch, "id"),
            column(batch, "authorId"),
            column(batch, "title"),
            column(batch, "publication"),
            column(batch, "publishedOn"),
            column(batch, "precision"),
            column(batch, "url"),
            column(batch, "text"),
          ],
        ),
      );

      await client.query(
        `insert into "Claim" (id, "workspaceId", text, tags, rank, "updatedAt")
         select id, $1::uuid, text, coalesce(nullif(tags, '')::text[], '{}'), rank, now()
         from unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) as t(id, text, tags, rank)`,
        [
          workspaceId,
          column(data.claims, "id"),
          column(data.claims, "text"),
          // text[][] cannot be ragged, so each claim's tags travel as one array literal.
          data.claims.map((c) => (c.tags.length ? `{${c.tags.join(",")}}` : "")),
          column(data.claims, "rank"),
        ],
      );

      await client.query(
        `insert into "ClaimLink" ("workspaceId", "fromClaimId", "toClaimId", relation)
         select $1::uuid, f, t, r::"LinkRelation" from unnest($2::uuid[], $3::uuid[], $4::text[]) as x(f, t, r)`,
        [workspaceId, column(data.links, "fromClaimId"), column(data.links, "toClaimId"), column(data.links, "relation")],
      );

      await inBatches(data.excerpts, BATCH, (batch) =>
        client.query(
          `insert into "Excerpt" (id, "workspaceId", "sourceId", start, "end", exact, prefix, suffix)
           select id, $1::uuid, src, s, e, exact, prefix, suffix
           from unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[]) as t(id, src, s, e, exact, prefix, suffix)`,
          [workspaceId, column(batch, "id"), column(batch, "sourceId"), column(batch, "start"), column(batch, "end"), column(batch, "exact"), column(batch, "prefix"), column(batch, "suffix")],
        ),
      );

      await inBatches(data.evidence, BATCH, (batch) =>
        client.query(
          `insert into "Evidence" (id, "workspaceId", "excerptId", "claimId", stance, voice, "updatedAt")
           select id, $1::uuid, x, c, s::"Stance", v::"Voice", now()
           from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) as t(id, x, c, s, v)`,
          [workspaceId, column(batch, "id"), column(batch, "excerptId"), column(batch, "claimId"), column(batch, "stance"), column(batch, "voice")],
        ),
      );

      // Commenters are users of their own (e-mail addresses under the workspace's slug), members
      // of the workspace as commenters.
      await client.query(
        `insert into "User" (id, email, name, "updatedAt")
         select id, 'commenter-' || n || '@' || $1 || '.bench.test', name, now() from unnest($2::uuid[], $3::text[]) with ordinality as t(id, name, n)`,
        [slug, column(data.commenters, "id"), column(data.commenters, "name")],
      );
      await client.query(`insert into "Member" ("workspaceId", "userId", role) select $1::uuid, id, 'COMMENTER' from unnest($2::uuid[]) as t(id)`, [workspaceId, column(data.commenters, "id")]);
      // Threads first, then replies (each reply's thread must exist).
      const threadsFirst = [...data.comments.filter((c) => c.parentId === null), ...data.comments.filter((c) => c.parentId !== null)];
      await inBatches(threadsFirst, BATCH, (batch) =>
        client.query(
          `insert into "Comment" (id, "workspaceId", "claimId", "excerptId", "evidenceId", "parentId", "authorId", body, "createdAt", "deletedAt", "resolvedAt", "resolvedById")
           select id, $1::uuid, claim, excerpt, evidence, parent, author, body, created, deleted, resolved, resolver
           from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::timestamp[], $10::timestamp[], $11::timestamp[], $12::uuid[])
             as t(id, claim, excerpt, evidence, parent, author, body, created, deleted, resolved, resolver)`,
          [
            workspaceId,
            column(batch, "id"),
            column(batch, "claimId"),
            column(batch, "excerptId"),
            column(batch, "evidenceId"),
            column(batch, "parentId"),
            column(batch, "authorId"),
            column(batch, "body"),
            column(batch, "createdAt"),
            column(batch, "deletedAt"),
            column(batch, "resolvedAt"),
            column(batch, "resolvedById"),
          ],
        ),
      );

      await client.query(
        `insert into "Event" ("workspaceId", type, "entityType", "entityId", after) values ($1, 'workspace.seeded', 'workspace', $1, $2)`,
        [workspaceId, JSON.stringify({ slug, generator: "bench/generate-large.ts", sources: data.sources.length, claims: data.claims.length, evidence: data.evidence.length, comments: data.comments.length })],
      );
      await client.query("commit");
      committed = true;

      // Fresh statistics, as autovacuum would gather shortly after a bulk load; without them the
      // first minute of queries would be planned on empty-table estimates.
      await client.query(`analyze "Author", "Source", "ClaimLink", "Evidence", "Position", "Workspace", "SearchWord"`);
      // The search tables also get their GIN indexes' pending entries merged, as autovacuum would
      // do soon after a bulk load; until then every search would read through them.
      await client.query(`vacuum (analyze) "Claim", "Excerpt", "Passage", "Comment"`);

      return {
        created: true,
        workspaceId,
        ms: performance.now() - started,
        counts: {
          authors: data.authors.length,
          sources: data.sources.length,
          textBytes,
          claims: data.claims.length,
          excerpts: data.excerpts.length,
          evidence: data.evidence.length,
          claimLinks: data.links.length,
          comments: data.comments.length,
        },
      };
    } finally {
      if (!committed) await client.query("rollback").catch(() => {});
    }
  } finally {
    await client.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("usage: DATABASE_URL=postgresql://… tsx bench/generate-large.ts [slug]");
    process.exit(2);
  }
  generateLargeWorkspace(url, { slug: process.argv[2], log: console.log })
    .then((r) => console.log(r.created ? `[bench] generated in ${Math.round(r.ms)} ms: ${JSON.stringify(r.counts)}` : "[bench] already there"))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
