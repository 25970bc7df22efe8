import "server-only";
import { db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { EVENTS_CHANNEL } from "../../realtime/events";
import type { TViewer } from "../authorize";
import { lockEventOrder } from "../mutation";

/**
 * The account a deleted person's comments and past sessions pass to (made by the migration that
 * introduced it, so nobody can sign up with its address); it has no password and cannot sign in.
 */
export const FORMER_MEMBER = { id: "00000000-0000-4000-8000-00000000f0e1", name: "Former member" } as const;

/**
 * Deletes the viewer's account, having had their email typed to confirm. Refused (409) while they
 * are the only owner of a workspace: they hand it over or delete it first. What they contributed
 * stays in the maps: claims, passages and evidence keep no author to show, and the history names
 * their changes "Former member"; their comments stay, anonymised ("Former member"), as do the live
 * sessions they ran; their votes and ballots are withdrawn; their memberships, sessions, sign-in
 * and API tokens are removed, and every workspace they were in records that a former member left
 * (its open streams re-check access). Their name is taken out of the membership history.
 */
export async function deleteAccount(viewer: TViewer, confirm: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { id: true, email: true } });
  if (confirm.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("UNPROCESSABLE", "Type your email address exactly to delete your account.", { issues: [{ path: "confirm", message: "does not match your email address" }] });
  }
  return db().$transaction(async (tx) => {
    const soleOwned = await tx.$queryRaw<{ title: string }[]>`
      select w.title from "Member" m join "Workspace" w on w.id = m."workspaceId"
      where m."userId" = ${user.id}::uuid and m.role = 'OWNER'
        and not exists (select 1 from "Member" o where o."workspaceId" = m."workspaceId" and o.role = 'OWNER' and o."userId" <> m."userId")
      order by w.title`;
    if (soleOwned.length > 0) {
      throw new AppError("CONFLICT", `You are the only owner of ${soleOwned.map((w) => `“${w.title}”`).join(", ")}. Hand each over to a colleague or delete it first.`);
    }
    const former = await tx.user.findUniqueOrThrow({ where: { id: FORMER_MEMBER.id }, select: { id: true } });
    await tx.comment.updateMany({ where: { authorId: user.id }, data: { authorId: former.id } });
    await tx.seminar.updateMany({ where: { facilitatorId: user.id }, data: { facilitatorId: former.id } });
    await tx.presence.deleteMany({ where: { userId: user.id } });
    await tx.idempotentRequest.deleteMany({ where: { callerId: user.id } });
    await tx.$executeRaw`
      update "Event" set
        before = case when before ? 'name' and before->>'userId' = ${user.id} then jsonb_set(before, '{name}', to_jsonb(${FORMER_MEMBER.name}::text)) else before end,
        after = case when after ? 'name' and after->>'userId' = ${user.id} then jsonb_set(after, '{name}', to_jsonb(${FORMER_MEMBER.name}::text)) else after end
      where "entityType" = 'member' and (before->>'userId' = ${user.id} or after->>'userId' = ${user.id})`;
    // A former member leaves every workspace they were in; the event (no actor: the account is
    // going) makes open streams there check their readers again.
    const memberships = await tx.member.findMany({ where: { userId: user.id }, select: { workspaceId: true } });
    await lockEventOrder(tx, memberships.map((m) => m.workspaceId));
    await tx.$executeRaw`
      with left_ as (
        insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", before, "createdAt")
        select m."workspaceId", null, 'member.left', 'member', m.id, jsonb_build_object('userId', m."userId"::text, 'name', ${FORMER_MEMBER.name}::text, 'role', m.role::text), ${new Date()}::timestamp(3)
        from "Member" m where m."userId" = ${user.id}::uuid
        returning id, "workspaceId")
      select pg_notify(${EVENTS_CHANNEL}, json_build_object('w', "workspaceId", 'e', max(id)::text)::text) from left_ group by "workspaceId"`;
    await tx.user.delete({ where: { id: user.id } });
    // Their tokens and sessions went with the account: every instance ends their open event
    // streams (also those of public workspaces they were not a member of). Sent on commit.
    await tx.$executeRaw`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ u: user.id })})`;
    return { deleted: true };
  });
}
