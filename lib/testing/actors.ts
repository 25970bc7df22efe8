/**
 * Test actors: users with a role in a workspace and a personal API token, created through the
 * same helpers the app uses. Requests made with `actor.headers` are authenticated as that user.
 */
import { randomUUID } from "node:crypto";
import type { TRole } from "../domain/types";
import { db } from "../db/client";
import { createApiToken } from "../server/auth/api-tokens";
import type { TViewer } from "../server/authorize";
import { transact } from "../server/mutation";
import { createWorkspace } from "../server/workspaces/create-workspace";

export interface TActor {
  userId: string;
  email: string;
  token: string;
  headers: Record<string, string>;
}

export async function createActor(workspaceSlug: string | null, role: TRole | null, name = "Tester"): Promise<TActor> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await db().user.create({ data: { email, name } });
  if (workspaceSlug && role) {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: workspaceSlug } });
    await db().member.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
  }
  const { token } = await createApiToken(db(), user.id, "tests");
  return { userId: user.id, email, token, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
}

/** Row counts of every table a change may touch, to show a failed request wrote nothing. */
export async function countRows(): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ t: string; n: number }[]>`
    select 'workspace' t, count(*)::int n from "Workspace" union all
    select 'member', count(*)::int from "Member" union all
    select 'author', count(*)::int from "Author" union all
    select 'source', count(*)::int from "Source" union all
    select 'claim', count(*)::int from "Claim" union all
    select 'link', count(*)::int from "ClaimLink" union all
    select 'excerpt', count(*)::int from "Excerpt" union all
    select 'evidence', count(*)::int from "Evidence" union all
    select 'position', count(*)::int from "Position" union all
    select 'comment', count(*)::int from "Comment" union all
    select 'vote', count(*)::int from "Vote" union all
    select 'seminar', count(*)::int from "Seminar" union all
    select 'poll', count(*)::int from "Poll" union all
    select 'round', count(*)::int from "Round" union all
    select 'round item', count(*)::int from "RoundItem" union all
    select 'round answer', count(*)::int from "RoundAnswer" union all
    select 'event', count(*)::int from "Event" union all
    select 'idempotent', count(*)::int from "IdempotentRequest"`;
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** A new user who owns a new private workspace at `slug`, made by the app's own function. */
export async function createOwnerOf(slug: string, title: string, name = "Owner"): Promise<{ owner: TActor; workspaceId: string }> {
  const owner = await createActor(null, null, name);
  const viewer: TViewer = { userId: owner.userId, via: "token" };
  const { body } = await transact({ viewer, idempotency: null }, async (tx, record) => ({ status: 201, body: await createWorkspace(tx, viewer, { title, slug, visibility: "PRIVATE" }, record) }));
  if (body.slug !== slug) throw new Error(`the slug ${slug} is taken`);
  return { owner, workspaceId: body.id };
}
