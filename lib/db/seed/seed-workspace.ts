/**
 * Writes a whole workspace — authors, sources, claims, links, excerpts and evidence — from a
 * plain definition, in one transaction. Used by the demo seed and by tests' fixtures.
 */
import { randomUUID } from "node:crypto";
import { anchorQuote } from "../../anchoring/text-quote";
import { parsePublished } from "../../domain/dates";
import { EVENT_CATALOG, type TEventType } from "../../domain/events";
import type { TLinkRelation, TStance, TVisibility, TVoice } from "../../domain/types";
import type { PrismaClient } from "../client";

const SEEDED = "workspace.seeded" satisfies TEventType;

export interface TWorkspaceDefinition {
  workspace: { slug: string; title: string; description?: string; visibility: TVisibility };
  owner?: { email: string; name: string };
  sources: {
    key: string;
    title: string;
    author: { name: string; shortName: string; affiliation?: string | null };
    publication?: string | null;
    published: string;
    publishedNote?: string | null;
    url?: string | null;
    text: string;
  }[];
  claims: { key: string; text: string; tags?: string[] }[];
  links?: { from: string; to: string; relation: TLinkRelation }[];
  evidence: {
    source: string;
    exact: string;
    /** Which occurrence of `exact` is meant when it repeats (0-based). */
    occurrence?: number;
    claim: string;
    stance: TStance;
    voice: TVoice;
    note?: string;
  }[];
}

export class SeedError extends Error {}

/** Anchors every evidence quote in its source text, or throws naming the first that fails. */
export function anchorDefinition(def: TWorkspaceDefinition) {
  const texts = new Map(def.sources.map((s) => [s.key, s.text]));
  return def.evidence.map((item, index) => {
    const text = texts.get(item.source);
    if (text === undefined) throw new SeedError(`evidence ${index}: unknown source '${item.source}'`);
    if (item.occurrence !== undefined) {
      let at = -1;
      for (let i = 0; i <= item.occurrence; i++) {
        at = text.indexOf(item.exact, at + 1);
        if (at === -1) break;
      }
      if (at === -1) throw new SeedError(`evidence ${index}: occurrence ${item.occurrence} of its quote is not in '${item.source}'`);
      const result = anchorQuote(text, { exact: item.exact, prefix: text.slice(Math.max(0, at - 32), at) });
      if (!result.ok) throw new SeedError(`evidence ${index}: could not anchor occurrence ${item.occurrence}`);
      return { ...item, selector: result.selector };
    }
    const result = anchorQuote(text, { exact: item.exact });
    if (!result.ok) {
      throw new SeedError(`evidence ${index}: quote ${result.reason === "ambiguous" ? "occurs more than once" : "is not"} in '${item.source}': “${item.exact.slice(0, 60)}…”`);
    }
    return { ...item, selector: result.selector };
  });
}

/**
 * Creates the workspace unless one with its slug exists; returns whether it did. Idempotent and
 * safe when two processes start at once (an advisory lock serialises them).
 */
export async function seedWorkspace(prisma: PrismaClient, def: TWorkspaceDefinition): Promise<{ created: boolean; workspaceId: string }> {
  const anchored = anchorDefinition(def);
  const claimKeys = new Set(def.claims.map((c) => c.key));
  for (const item of anchored) if (!claimKeys.has(item.claim)) throw new SeedError(`evidence refers to unknown claim '${item.claim}'`);

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${"seed:" + def.workspace.slug}))`;
      const existing = await tx.workspace.findUnique({ where: { slug: def.workspace.slug }, select: { id: true } });
      if (existing) return { created: false, workspaceId: existing.id };

      const workspaceId = randomUUID();
      await tx.workspace.create({
        data: { id: workspaceId, slug: def.workspace.slug, title: def.workspace.title, description: def.workspace.description ?? "", visibility: def.workspace.visibility },
      });

      let ownerId: string | null = null;
      if (def.owner) {
        const owner = await tx.user.upsert({ where: { email: def.owner.email }, update: {}, create: { email: def.owner.email, name: def.owner.name, emailVerified: true } });
        ownerId = owner.id;
        await tx.member.create({ data: { workspaceId, userId: owner.id, role: "OWNER" } });
      }

      const authorIds = new Map<string, string>();
      const sourceIds = new Map<string, string>();
      for (const source of def.sources) {
        let authorId = authorIds.get(source.author.name);
        if (!authorId) {
          authorId = randomUUID();
          authorIds.set(source.author.name, authorId);
          await tx.author.create({ data: { id: authorId, workspaceId, name: source.author.name, shortName: source.author.shortName, affiliation: source.author.affiliation ?? null } });
        }
        const published = parsePublished(source.published);
        if (!published) throw new SeedError(`source '${source.key}': bad date '${source.published}'`);
        const id = randomUUID();
        sourceIds.set(source.key, id);
        await tx.source.create({
          data: {
            id,
            workspaceId,
            authorId,
            title: source.title,
            publication: source.publication ?? null,
            publishedOn: published.date,
            publishedPrecision: published.precision,
            publishedNote: source.publishedNote ?? null,
            url: source.url ?? null,
            text: source.text,
          },
        });
      }

      const claimIds = new Map(def.claims.map((c) => [c.key, randomUUID()]));
      await tx.claim.createMany({
        data: def.claims.map((c, rank) => ({ id: claimIds.get(c.key)!, workspaceId, text: c.text, tags: c.tags ?? [], rank: rank + 1, createdById: ownerId })),
      });
      if (def.links?.length) {
        await tx.claimLink.createMany({
          data: def.links.map((l) => {
            const fromClaimId = claimIds.get(l.from);
            const toClaimId = claimIds.get(l.to);
            if (!fromClaimId || !toClaimId) throw new SeedError(`link ${l.from} → ${l.to} names an unknown claim`);
            return { workspaceId, fromClaimId, toClaimId, relation: l.relation, createdById: ownerId };
          }),
        });
      }

      // One excerpt per distinct passage; a passage cited for several claims is shared.
      const excerptIds = new Map<string, string>();
      const excerpts: { id: string; workspaceId: string; sourceId: string; start: number; end: number; exact: string; prefix: string; suffix: string; createdById: string | null }[] = [];
      for (const item of anchored) {
        const sourceId = sourceIds.get(item.source)!;
        const key = `${sourceId}:${item.selector.start}:${item.selector.end}`;
        if (excerptIds.has(key)) continue;
        const id = randomUUID();
        excerptIds.set(key, id);
        excerpts.push({ id, workspaceId, sourceId, ...item.selector, createdById: ownerId });
      }
      await tx.excerpt.createMany({ data: excerpts });
      await tx.evidence.createMany({
        data: anchored.map((item) => ({
          workspaceId,
          excerptId: excerptIds.get(`${sourceIds.get(item.source)}:${item.selector.start}:${item.selector.end}`)!,
          claimId: claimIds.get(item.claim)!,
          stance: item.stance,
          voice: item.voice,
          note: item.note ?? null,
          createdById: ownerId,
        })),
      });

      await tx.event.create({
        data: {
          workspaceId,
          actorId: ownerId,
          type: SEEDED,
          entityType: EVENT_CATALOG[SEEDED].entity,
          entityId: workspaceId,
          after: { slug: def.workspace.slug, sources: def.sources.length, claims: def.claims.length, evidence: anchored.length },
        },
      });
      return { created: true, workspaceId };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
