import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext, type TTx } from "../mutation";

/** Changes that can be undone, and how: created → delete, updated → restore, deleted → restore. */
export const UNDOABLE_TYPES = new Set([
  "claim.created", "claim.updated", "claim.deleted",
  "evidence.created", "evidence.updated", "evidence.deleted",
  "excerpt.created", "excerpt.deleted",
  "link.created", "link.deleted",
  "position.created", "position.updated", "position.deleted",
  "claims.reordered",
]);

/** Fields an `.updated` undo puts back, per entity. */
const RESTORABLE: Record<string, string[]> = { claim: ["text", "tags"], evidence: ["stance", "voice", "note"], position: ["stance", "note"] };

type TRow = { id: string; version: number; deletedAt: Date | null } & Record<string, unknown>;
interface TDelegate {
  findUnique(args: { where: { id: string } }): Promise<TRow | null>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<TRow>;
}

function delegate(tx: TTx, entityType: string): TDelegate {
  const delegates: Record<string, unknown> = { claim: tx.claim, evidence: tx.evidence, excerpt: tx.excerpt, link: tx.claimLink, position: tx.position };
  const found = delegates[entityType];
  if (!found) throw new AppError("UNPROCESSABLE", `Changes to ${entityType} cannot be undone.`);
  return found as TDelegate;
}

/**
 * Undoes one change, as a new change (so it can itself be undone). Only if the thing has not been
 * changed since — otherwise 409, so a later edit by someone else is never silently reverted.
 * Members undo their own changes; owners may undo anyone's.
 */
export async function undoEvent(ctx: TMutationContext, eventId: bigint) {
  const { tx, workspace, viewer, role, record } = ctx;
  const event = await tx.event.findFirst({ where: { id: eventId, workspaceId: workspace.id } });
  if (!event) throw notFound("Change");
  if (!UNDOABLE_TYPES.has(event.type)) throw new AppError("UNPROCESSABLE", `A '${event.type}' change cannot be undone.`);
  if (role !== "OWNER" && (event.actorId !== viewer.userId || role !== "EDITOR")) throw new AppError("FORBIDDEN", "You can undo only your own changes; owners can undo anyone's.");
  const undone = await tx.$queryRaw<{ id: bigint }[]>`select id from "Event" where "workspaceId" = ${workspace.id}::uuid and after->>'undoOf' = ${eventId.toString()} limit 1`;
  if (undone.length) throw new AppError("CONFLICT", "This change has already been undone.");

  const after = (event.after ?? {}) as Record<string, unknown>;
  const before = (event.before ?? {}) as Record<string, unknown>;
  const undoOf = eventId.toString();

  if (event.type === "claims.reordered") {
    const order = before.order as string[];
    const live = await tx.claim.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, select: { id: true } });
    if (live.length !== order.length || live.some((c) => !order.includes(c.id))) throw new AppError("CONFLICT", "Claims were added or removed since; reorder them by hand.");
    await tx.$executeRaw`
      update "Claim" c set rank = o.rank, version = c.version + 1
      from unnest(${order}::uuid[]) with ordinality as o(id, rank) where c.id = o.id`;
    record({ type: "claims.reordered", entityType: "workspace", entityId: workspace.id, before: { order: after.order }, after: { order, undoOf } });
    return { undone: undoOf };
  }

  const [entity, verb] = event.type.split(".");
  const model = delegate(tx, entity);
  const current = await model.findUnique({ where: { id: event.entityId } });
  if (!current) throw notFound("The changed item");
  assertVersion(current, Number(after.version), `This ${entity}`, current);

  let data: Record<string, unknown>;
  let type: string;
  if (verb === "created") {
    data = { deletedAt: new Date() };
    type = `${entity}.deleted`;
  } else if (verb === "deleted") {
    data = { deletedAt: null };
    type = `${entity}.restored`;
  } else {
    data = Object.fromEntries(RESTORABLE[entity].map((field) => [field, before[field]]));
    type = `${entity}.updated`;
  }
  const restored = await model.update({ where: { id: event.entityId }, data: { ...data, version: { increment: 1 } } });
  record({ type, entityType: entity, entityId: event.entityId, before: current, after: { ...restored, undoOf } });

  // An excerpt deleted with its evidence comes back with it.
  if (event.type === "excerpt.deleted" && current.deletedAt) {
    const links = await tx.evidence.findMany({ where: { excerptId: event.entityId, deletedAt: current.deletedAt } });
    for (const link of links) {
      const back = await tx.evidence.update({ where: { id: link.id }, data: { deletedAt: null, version: { increment: 1 } } });
      record({ type: "evidence.restored", entityType: "evidence", entityId: link.id, before: link, after: { ...back, undoOf } });
    }
  }
  return { undone: undoOf };
}
