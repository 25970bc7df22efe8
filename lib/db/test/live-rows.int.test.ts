/**
 * What "live" means (lib/db/live-rows.ts), held to one rule in both of its forms: on a map with
 * deleted rows in every table, each SQL piece selects exactly the rows of its Prisma `where`
 * object, and neither selects a deleted row or a row under a deleted parent (the kept excerpts and
 * their evidence add only those orphaned by a revision). A rule changed in one form only fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generateMapWithDeletions, type TMapWithDeletions } from "@/lib/testing/map-with-deletions";
import { db, Prisma } from "../client";
import { liveSql, liveWhere } from "../live-rows";

let map: TMapWithDeletions;

beforeAll(async () => {
  map = await generateMapWithDeletions("live-rows-rules");
});

/** The ids a SQL query selects, sorted. */
async function idsBySql(query: Prisma.Sql): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>(query);
  return rows.map((r) => r.id).sort();
}

const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("the live-row rules", () => {
  it("select the same claims, sources and comments in SQL and in Prisma, without the deleted ones", async () => {
    const w = map.workspaceId;
    const claims = await idsBySql(Prisma.sql`select k.id::text from "Claim" k where k."workspaceId" = ${w}::uuid and ${liveSql.claim("k")}`);
    expect(claims).toEqual(sorted(await db().claim.findMany({ where: { workspaceId: w, ...liveWhere.claim }, select: { id: true } })));
    expect(claims).toHaveLength(29);
    expect(claims).not.toContain(map.deleted.claim);

    const sources = await idsBySql(Prisma.sql`select r.id::text from "Source" r where r."workspaceId" = ${w}::uuid and ${liveSql.source("r")}`);
    expect(sources).toEqual(sorted(await db().source.findMany({ where: { workspaceId: w, ...liveWhere.source }, select: { id: true } })));
    expect(sources).toHaveLength(7);
    expect(sources).not.toContain(map.deleted.source);

    const comments = await idsBySql(Prisma.sql`select m.id::text from "Comment" m where m."workspaceId" = ${w}::uuid and ${liveSql.comment("m")}`);
    expect(comments).toEqual(sorted(await db().comment.findMany({ where: { workspaceId: w, ...liveWhere.comment }, select: { id: true } })));
    expect(comments).not.toContain(map.deleted.comment);

    const [workspace] = await idsBySql(Prisma.sql`select w.id::text from "Workspace" w where w.id = ${w}::uuid and ${liveSql.workspace("w")}`);
    expect(workspace).toBe(w);
    expect(await db().workspace.count({ where: { id: w, ...liveWhere.workspace } })).toBe(1);
  });

  it("select the same excerpts: not deleted, of a live source", async () => {
    const w = map.workspaceId;
    const excerpts = await idsBySql(Prisma.sql`select x.id::text from ${liveSql.excerpts} where x."workspaceId" = ${w}::uuid`);
    expect(excerpts).toEqual(sorted(await db().excerpt.findMany({ where: { workspaceId: w, ...liveWhere.excerpt }, select: { id: true } })));
    // Under a live source, the excerpt's own part of the rule is the whole of it.
    expect(excerpts).toEqual(sorted(await db().excerpt.findMany({ where: { workspaceId: w, ...liveWhere.excerptOfLiveSource, source: liveWhere.source }, select: { id: true } })));
    expect(excerpts.length).toBeGreaterThan(200);
    expect(excerpts).not.toContain(map.deleted.excerpt);
    expect(excerpts).not.toContain(map.orphaned.excerptOfSource);
  });

  it("select the same evidence: not deleted, on a live claim, citing a live excerpt of a live source", async () => {
    const w = map.workspaceId;
    const evidence = await idsBySql(Prisma.sql`select e.id::text from ${liveSql.evidence} where e."workspaceId" = ${w}::uuid`);
    expect(evidence).toEqual(sorted(await db().evidence.findMany({ where: { workspaceId: w, ...liveWhere.evidence }, select: { id: true } })));
    // From a live excerpt, evidence on live claims is the live evidence.
    expect(evidence).toEqual(
      await idsBySql(Prisma.sql`select e.id::text from ${liveSql.evidenceOnLiveClaims} join ${liveSql.excerpts} on x.id = e."excerptId" where e."workspaceId" = ${w}::uuid`),
    );
    expect(evidence).toEqual(sorted(await db().evidence.findMany({ where: { workspaceId: w, ...liveWhere.evidenceOnLiveClaims, excerpt: liveWhere.excerpt }, select: { id: true } })));
    // Of a live claim, evidence citing live excerpts is the live evidence.
    expect(evidence).toEqual(
      await idsBySql(Prisma.sql`select e.id::text from ${liveSql.evidenceOfLiveExcerpts} join "Claim" k on k.id = e."claimId" where e."workspaceId" = ${w}::uuid and ${liveSql.claim("k")}`),
    );
    // A link not deleted itself, on a live claim, citing a live excerpt: the same again, piece by piece.
    expect(evidence).toEqual(
      await idsBySql(Prisma.sql`
        select l.id::text from "Evidence" l join "Claim" k on k.id = l."claimId" join ${liveSql.excerpts} on x.id = l."excerptId"
        where l."workspaceId" = ${w}::uuid and ${liveSql.evidenceItself("l")} and ${liveSql.claim("k")}`),
    );
    expect(evidence.length).toBeGreaterThan(350);
    for (const id of [map.deleted.evidence, map.orphaned.evidenceOfSource, map.orphaned.evidenceOfClaim, map.orphaned.evidenceOfExcerpt]) expect(evidence).not.toContain(id);
  });

  it("select the same kept excerpts and their evidence: the live ones and those orphaned by a revision, nothing deleted", async () => {
    const w = map.workspaceId;
    const live = await idsBySql(Prisma.sql`select x.id::text from ${liveSql.excerpts} where x."workspaceId" = ${w}::uuid`);
    const liveEvidence = await idsBySql(Prisma.sql`select e.id::text from ${liveSql.evidence} where e."workspaceId" = ${w}::uuid`);
    const cited = await db().excerpt.findFirstOrThrow({ where: { workspaceId: w, ...liveWhere.excerpt, evidence: { some: liveWhere.evidenceOnLiveClaims } }, orderBy: { id: "asc" }, select: { id: true } });
    const citing = sorted(await db().evidence.findMany({ where: { excerptId: cited.id, ...liveWhere.evidenceOnLiveClaims }, select: { id: true } }));
    await db().excerpt.update({ where: { id: cited.id }, data: { orphanedAt: new Date(), orphanReason: "the quote is no longer in the text" } });
    try {
      const kept = await idsBySql(Prisma.sql`select x.id::text from ${liveSql.keptExcerpts} where x."workspaceId" = ${w}::uuid`);
      expect(kept).toEqual(sorted(await db().excerpt.findMany({ where: { workspaceId: w, ...liveWhere.excerptKept }, select: { id: true } })));
      expect(kept).toEqual(live);
      expect(await idsBySql(Prisma.sql`select x.id::text from ${liveSql.excerpts} where x."workspaceId" = ${w}::uuid`)).toEqual(live.filter((id) => id !== cited.id));
      for (const id of [map.deleted.excerpt, map.orphaned.excerptOfSource]) expect(kept).not.toContain(id);

      const keptEvidence = await idsBySql(Prisma.sql`select e.id::text from ${liveSql.keptEvidence} where e."workspaceId" = ${w}::uuid`);
      expect(keptEvidence).toEqual(sorted(await db().evidence.findMany({ where: { workspaceId: w, ...liveWhere.evidenceKept }, select: { id: true } })));
      expect(keptEvidence).toEqual(liveEvidence);
      expect(citing.length).toBeGreaterThan(0);
      expect(await idsBySql(Prisma.sql`select e.id::text from ${liveSql.evidence} where e."workspaceId" = ${w}::uuid`)).toEqual(liveEvidence.filter((id) => !citing.includes(id)));
      for (const id of [map.deleted.evidence, map.orphaned.evidenceOfSource, map.orphaned.evidenceOfClaim, map.orphaned.evidenceOfExcerpt]) expect(keptEvidence).not.toContain(id);
    } finally {
      await db().excerpt.update({ where: { id: cited.id }, data: { orphanedAt: null, orphanReason: null } });
    }
  });

  it("select the same links between claims and the same hand-set positions: not deleted, on live claims", async () => {
    const w = map.workspaceId;
    const links = await idsBySql(Prisma.sql`select l.id::text from ${liveSql.claimLinks} where l."workspaceId" = ${w}::uuid`);
    expect(links).toEqual(sorted(await db().claimLink.findMany({ where: { workspaceId: w, ...liveWhere.claimLink }, select: { id: true } })));
    expect(links.length).toBeGreaterThan(30);
    expect(links).not.toContain(map.deleted.link);
    expect(links).not.toContain(map.orphaned.linkOfClaim);

    const positions = await idsBySql(Prisma.sql`select p.id::text from ${liveSql.positions} where p."workspaceId" = ${w}::uuid`);
    expect(positions).toEqual(sorted(await db().position.findMany({ where: { workspaceId: w, ...liveWhere.position }, select: { id: true } })));
    expect(positions).toHaveLength(1);
    expect(positions).not.toContain(map.deleted.position);
    expect(positions).not.toContain(map.orphaned.positionOfClaim);
  });
});
